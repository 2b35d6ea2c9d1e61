ALTER TABLE duo_blocks DROP COLUMN note;

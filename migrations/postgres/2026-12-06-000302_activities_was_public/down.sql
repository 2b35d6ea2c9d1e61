ALTER TABLE activities DROP COLUMN was_public;

-- A coordinator's explicit "do not pair" says why, in their words.
ALTER TABLE duo_blocks ADD COLUMN note TEXT;

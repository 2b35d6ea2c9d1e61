ALTER TABLE duos DROP COLUMN pause_reason;
ALTER TABLE duo_follow_ups DROP COLUMN created_by;
ALTER TABLE duo_follow_ups DROP COLUMN done_notes;
ALTER TABLE duo_follow_ups DROP COLUMN done_by;
ALTER TABLE duo_follow_ups DROP COLUMN done_on;

-- Duo2Change: the coordinator's follow-up calls can be marked done (on which day, by whom,
-- what came out of it), and extra calls can be planned beside the three of the default plan.
-- A pause keeps its reason for the duo's timeline.

-- done_by and created_by hold user ids; SQLite gets no REFERENCES clause here because it could
-- not drop such columns again in down.sql.
ALTER TABLE duo_follow_ups ADD COLUMN done_on DATE;
ALTER TABLE duo_follow_ups ADD COLUMN done_by TEXT;
-- What came out of the call ("notes" stays the note written when the call was planned).
ALTER TABLE duo_follow_ups ADD COLUMN done_notes TEXT;
-- Who planned an extra call (NULL for the calls planned at confirmation).
ALTER TABLE duo_follow_ups ADD COLUMN created_by TEXT;
UPDATE duo_follow_ups SET done_on = date(done_at) WHERE done_at IS NOT NULL;

-- The reason given when the duo was last paused (cleared when a person is anonymised).
ALTER TABLE duos ADD COLUMN pause_reason TEXT;

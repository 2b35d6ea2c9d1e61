-- Duo2Change: the coordinator's follow-up calls can be marked done (on which day, by whom,
-- what came out of it), and extra calls can be planned beside the three of the default plan.
-- A pause keeps its reason for the duo's timeline.

ALTER TABLE duo_follow_ups ADD COLUMN done_on DATE;
ALTER TABLE duo_follow_ups ADD COLUMN done_by TEXT REFERENCES users (id);
-- What came out of the call ("notes" stays the note written when the call was planned).
ALTER TABLE duo_follow_ups ADD COLUMN done_notes TEXT;
-- Who planned an extra call (NULL for the calls planned at confirmation).
ALTER TABLE duo_follow_ups ADD COLUMN created_by TEXT REFERENCES users (id);
UPDATE duo_follow_ups SET done_on = CAST(done_at AS DATE) WHERE done_at IS NOT NULL;

-- The reason given when the duo was last paused (cleared when a person is anonymised).
ALTER TABLE duos ADD COLUMN pause_reason TEXT;

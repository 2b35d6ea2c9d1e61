-- Once an activity has been in the public feeds (public, published or cancelled), it stays
-- there as cancelled when it is set back to draft or internal: calendars that copied it must
-- hear that it will not happen.
ALTER TABLE activities ADD COLUMN was_public BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE activities SET was_public = TRUE WHERE visibility = 'public' AND status <> 'draft';

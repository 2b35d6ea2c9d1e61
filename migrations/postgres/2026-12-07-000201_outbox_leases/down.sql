ALTER TABLE registration_confirmations DROP COLUMN lease_until;
ALTER TABLE registration_confirmations DROP COLUMN claimed_by;
ALTER TABLE notifications DROP COLUMN lease_until;
ALTER TABLE notifications DROP COLUMN claimed_by;

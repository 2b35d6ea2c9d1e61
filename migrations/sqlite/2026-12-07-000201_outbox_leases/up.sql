-- Several server processes on one database share the email outbox: a sender claims the
-- notices it is about to send (`claimed_by`, an id of the process) until `lease_until`; another
-- sender takes them over only once the lease ran out (a sender killed mid-batch). The id of the
-- process that delivered a notice stays in `claimed_by`.
ALTER TABLE notifications ADD COLUMN claimed_by TEXT;
ALTER TABLE notifications ADD COLUMN lease_until TIMESTAMP;
ALTER TABLE registration_confirmations ADD COLUMN claimed_by TEXT;
ALTER TABLE registration_confirmations ADD COLUMN lease_until TIMESTAMP;

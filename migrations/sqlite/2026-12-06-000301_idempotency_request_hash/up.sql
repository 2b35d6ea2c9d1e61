-- A reused Idempotency-Key is only a retry when the request is the same: the fingerprint of
-- the request it first answered (empty for keys stored before this column).
ALTER TABLE idempotency_keys ADD COLUMN request_hash TEXT NOT NULL DEFAULT '';

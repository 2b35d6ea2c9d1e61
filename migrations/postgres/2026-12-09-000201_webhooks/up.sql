-- Webhooks of partner organisations (Standard Webhooks). An endpoint belongs to the
-- organisation; its signing secret is kept as is (signing needs it), shown to the partner once.
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    description TEXT,
    -- JSON array of event types.
    event_types TEXT NOT NULL,
    -- `whsec_<base64>`; after a rotation the previous one also signs until `previous_secret_until`.
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_until TIMESTAMP,
    enabled BOOLEAN NOT NULL,
    disabled_at TIMESTAMP,
    disabled_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_endpoints_organisation_idx ON webhook_endpoints (organisation_id, created_at);

-- The durable outbox: one row per message and endpoint, written in the transaction of the
-- change it tells. Senders claim due rows for a lease (`db::claim`), as the email outbox does.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    -- The `webhook-id` header: the same at every attempt and replay.
    message_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    -- The JSON body, fixed at the change (the signature covers these exact bytes).
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_by TEXT,
    lease_until TIMESTAMP,
    last_attempt_at TIMESTAMP,
    response_status INTEGER,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at);

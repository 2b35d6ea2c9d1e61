-- Referrals: a partner organisation refers a person to a programme, with the person's consent.
-- Minimal data; the team reviews each one (accept: matched to or creating a person record).
CREATE TABLE referrals (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- The API client that sent it.
    client_id TEXT NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    programme TEXT NOT NULL,
    first_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    -- JSON array of ISO 639 codes.
    languages TEXT NOT NULL,
    note TEXT,
    -- Who at the partner collected the consent, when, under which privacy notice.
    consent_collected_by TEXT NOT NULL,
    consent_at TIMESTAMP NOT NULL,
    notice_version TEXT NOT NULL,
    status TEXT NOT NULL,
    -- The person record it was matched to or created as, once accepted.
    person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    -- The team's note: never shown to the partner.
    staff_note TEXT,
    status_changed_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX referrals_status_idx ON referrals (status, created_at);
CREATE INDEX referrals_organisation_idx ON referrals (organisation_id, created_at);
CREATE INDEX referrals_person_idx ON referrals (person_id);

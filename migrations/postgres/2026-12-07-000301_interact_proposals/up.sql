-- InterAct hosts: workshop proposals and the coordinators' pipeline (dated notes, the
-- coordinator in charge, a next step), the series or activities created from a proposal, and
-- the host's autonomy ladder per workshop.

CREATE TABLE interact_proposals (
    id TEXT PRIMARY KEY NOT NULL,
    -- The host.
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- What they would share, in their own words.
    description TEXT NOT NULL,
    -- JSON array of ISO 639 codes.
    languages TEXT NOT NULL,
    -- JSON array of weekly slots (`sat_afternoon`).
    availability TEXT NOT NULL,
    availability_note TEXT,
    -- Material or room they would need.
    needs TEXT,
    wants_cohost BOOLEAN NOT NULL,
    cohost_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    coordinator_id TEXT REFERENCES users (id),
    next_step TEXT,
    next_step_on DATE,
    -- The host's current level (its history is in interact_autonomy).
    autonomy TEXT NOT NULL,
    source TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    status_changed_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interact_proposals_status_idx ON interact_proposals (status, created_at);
CREATE INDEX interact_proposals_person_idx ON interact_proposals (person_id);
CREATE INDEX interact_proposals_cohost_idx ON interact_proposals (cohost_id);
CREATE INDEX interact_proposals_coordinator_idx ON interact_proposals (coordinator_id);

-- Passions: tags of the people vocabulary.
CREATE TABLE interact_proposal_tags (
    proposal_id TEXT NOT NULL REFERENCES interact_proposals (id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (proposal_id, tag_id)
);
CREATE INDEX interact_proposal_tags_tag_idx ON interact_proposal_tags (tag_id);

CREATE TABLE interact_notes (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES interact_proposals (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    noted_on DATE NOT NULL,
    author_id TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX interact_notes_proposal_idx ON interact_notes (proposal_id, noted_on);

-- A series, or a single activity, created from a proposal.
CREATE TABLE interact_workshops (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES interact_proposals (id) ON DELETE CASCADE,
    series_id TEXT REFERENCES activity_series (id),
    activity_id TEXT REFERENCES activities (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX interact_workshops_proposal_idx ON interact_workshops (proposal_id);
CREATE INDEX interact_workshops_series_idx ON interact_workshops (series_id);

CREATE TABLE interact_autonomy (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES interact_proposals (id) ON DELETE CASCADE,
    level TEXT NOT NULL,
    changed_on DATE NOT NULL,
    note TEXT,
    changed_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX interact_autonomy_proposal_idx ON interact_autonomy (proposal_id, changed_on);

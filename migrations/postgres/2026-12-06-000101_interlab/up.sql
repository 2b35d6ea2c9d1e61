-- InterLab, the inclusive incubator: its vocabularies (sectors of projects, strengths),
-- cohorts, applications from the public form and the entrepreneurs they become (one project each).

-- Terms of the editable vocabularies, in the four interface languages, by kind.
CREATE TABLE interlab_terms (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    slug TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_nl TEXT NOT NULL,
    label_ar TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (kind, slug)
);

CREATE TABLE interlab_cohorts (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE interlab_applications (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- The idea in the applicant's own words.
    idea TEXT NOT NULL,
    heard_via TEXT,
    heard_via_detail TEXT,
    status TEXT NOT NULL,
    decision_note TEXT,
    partner TEXT,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_applications_status_idx ON interlab_applications (status, created_at);
CREATE INDEX interlab_applications_person_idx ON interlab_applications (person_id);

-- One entrepreneur (and one project) per person.
CREATE TABLE interlab_entrepreneurs (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL UNIQUE REFERENCES people (id) ON DELETE CASCADE,
    application_id TEXT REFERENCES interlab_applications (id),
    project_name TEXT NOT NULL,
    project_description TEXT,
    sector_id TEXT REFERENCES interlab_terms (id),
    stage TEXT NOT NULL,
    legal_form TEXT NOT NULL,
    target_date DATE,
    cohort_id TEXT REFERENCES interlab_cohorts (id),
    -- The staff member who accompanies the project (also in person_coaches).
    coach_id TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_entrepreneurs_cohort_idx ON interlab_entrepreneurs (cohort_id);
CREATE INDEX interlab_entrepreneurs_coach_idx ON interlab_entrepreneurs (coach_id);

INSERT INTO interlab_terms (id, kind, slug, label_fr, label_en, label_nl, label_ar, created_at, updated_at) VALUES
    ('d8f005fa-9bdc-5b52-86fc-3a2192d5381a', 'sector', 'food', 'Alimentation et restauration', 'Food and catering', 'Voeding en horeca', 'الأغذية والمطاعم', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('6c35c632-a867-5d38-bf8b-ac0957e4d3cf', 'sector', 'crafts', 'Artisanat', 'Crafts', 'Ambacht', 'الحِرف اليدوية', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('fd79e3e1-bcf3-5c5a-ae19-f5965d895443', 'sector', 'retail', 'Commerce de détail', 'Retail', 'Detailhandel', 'تجارة التجزئة', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('c1b8d91b-78f1-5eee-a414-a1102b15165b', 'sector', 'beauty', 'Beauté et bien-être', 'Beauty and well-being', 'Schoonheid en welzijn', 'التجميل والعناية', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('463a94d7-1d6a-5af6-813b-22e0ff2460ee', 'sector', 'construction', 'Construction et rénovation', 'Construction and renovation', 'Bouw en renovatie', 'البناء والترميم', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('a7fe1f46-dff0-59b1-bb5a-857661a09594', 'sector', 'personal-services', 'Services aux personnes', 'Personal services', 'Persoonlijke diensten', 'الخدمات الشخصية', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('254bcaab-a599-5444-b5ba-51728234c82c', 'sector', 'digital', 'Numérique et informatique', 'Digital and IT', 'Digitaal en IT', 'الرقمية والمعلوماتية', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('0b881682-1546-5504-879e-7df004ecbb6a', 'sector', 'culture', 'Culture et création', 'Culture and creative work', 'Cultuur en creatie', 'الثقافة والإبداع', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('78e82d54-ba78-5518-9ca5-f364b7e88eb2', 'sector', 'transport', 'Transport et logistique', 'Transport and logistics', 'Transport en logistiek', 'النقل والخدمات اللوجستية', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('8f6366e4-820e-5858-a5da-f316dd4334de', 'sector', 'health', 'Santé et soins', 'Health and care', 'Gezondheid en zorg', 'الصحة والرعاية', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('85f1c809-ccc9-5897-9fa3-b9754dfb688c', 'sector', 'education', 'Formation et enseignement', 'Training and education', 'Opleiding en onderwijs', 'التدريب والتعليم', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00'),
    ('e2812abd-8756-5786-bedf-272c3be566a2', 'sector', 'textile', 'Mode et textile', 'Fashion and textiles', 'Mode en textiel', 'الأزياء والنسيج', TIMESTAMP '2026-12-06 00:00:00', TIMESTAMP '2026-12-06 00:00:00');

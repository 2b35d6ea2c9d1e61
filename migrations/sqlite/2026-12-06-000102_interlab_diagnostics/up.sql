-- InterLab diagnostics: dated, versioned snapshots of an entrepreneur's strengths (from the
-- strength vocabulary, level 1 to 4) and then their needs by domain, with the person's own goal.

CREATE TABLE interlab_diagnostics (
    id TEXT PRIMARY KEY NOT NULL,
    entrepreneur_id TEXT NOT NULL REFERENCES interlab_entrepreneurs (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    held_on DATE NOT NULL,
    summary TEXT,
    recorded_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (entrepreneur_id, version)
);

CREATE TABLE interlab_diagnostic_strengths (
    diagnostic_id TEXT NOT NULL REFERENCES interlab_diagnostics (id) ON DELETE CASCADE,
    strength_id TEXT NOT NULL REFERENCES interlab_terms (id),
    -- Listed in the order the person and the coach named them.
    position INTEGER NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    note TEXT,
    PRIMARY KEY (diagnostic_id, strength_id)
);

CREATE TABLE interlab_diagnostic_needs (
    id TEXT PRIMARY KEY NOT NULL,
    diagnostic_id TEXT NOT NULL REFERENCES interlab_diagnostics (id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    priority TEXT NOT NULL,
    -- Where the person wants to go, in their words.
    goal TEXT,
    note TEXT,
    UNIQUE (diagnostic_id, domain)
);

INSERT INTO interlab_terms (id, kind, slug, label_fr, label_en, label_nl, label_ar, created_at, updated_at) VALUES
    ('7b6997e2-ff4d-5103-927c-f962d1475bad', 'strength', 'trade-skill', 'Savoir-faire du métier', 'Trade skill', 'Vakmanschap', 'مهارة المهنة', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('96a8c81f-69eb-504a-b06b-1eb43e99cd01', 'strength', 'languages', 'Langues parlées', 'Languages spoken', 'Gesproken talen', 'اللغات المحكية', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('bfda1fba-ad87-513f-883c-9ab8991d2550', 'strength', 'business-experience', 'Expérience d''entreprise', 'Business experience', 'Ondernemerservaring', 'خبرة في ريادة الأعمال', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('4fa0d30f-007a-5246-810a-ca0841a38688', 'strength', 'studies', 'Études et diplômes', 'Studies and degrees', 'Studies en diploma''s', 'الدراسة والشهادات', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('0dec4216-2f20-54c2-8712-e5b93ccd78df', 'strength', 'network', 'Réseau', 'Network', 'Netwerk', 'شبكة العلاقات', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('1ad018f1-d27b-55d4-a49f-4207590a386a', 'strength', 'resilience', 'Résilience', 'Resilience', 'Veerkracht', 'المرونة والصمود', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('d9eb390c-933d-5299-93cf-fae63309a789', 'strength', 'creativity', 'Créativité', 'Creativity', 'Creativiteit', 'الإبداع', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('35f04dd2-2307-5bfb-acbd-0cba26a06c49', 'strength', 'customer-relations', 'Relation client', 'Customer relations', 'Klantenrelaties', 'العلاقة مع الزبائن', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('5fae3126-15b9-5fb7-baa8-b7577b00b2ab', 'strength', 'motivation', 'Motivation et persévérance', 'Drive and perseverance', 'Motivatie en doorzettingsvermogen', 'الحافز والمثابرة', '2026-12-06 00:00:00', '2026-12-06 00:00:00');

-- People: one record per person across the four programmes, the shared vocabulary of
-- interests, programme memberships, consents and the coaches who accompany each person.
-- No column for legal or administrative status, nationality or religion: never collected.

CREATE TABLE tags (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_nl TEXT NOT NULL,
    label_ar TEXT NOT NULL,
    -- Set when merged: every use was re-pointed to that tag.
    merged_into TEXT REFERENCES tags (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE people (
    id TEXT PRIMARY KEY NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT,
    preferred_name TEXT,
    email TEXT,
    phone TEXT,
    preferred_channel TEXT,
    street TEXT,
    postcode TEXT,
    commune TEXT,
    profile TEXT NOT NULL CHECK (profile IN ('newcomer', 'local')),
    arrival_year INTEGER,
    category_override TEXT CHECK (category_override IN ('newcomer', 'local')),
    category_override_reason TEXT,
    birth_year INTEGER,
    gender TEXT,
    french_level TEXT,
    origin_region TEXT,
    presentation TEXT,
    staff_notes TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'to_review')),
    possible_duplicate_of TEXT REFERENCES people (id),
    source TEXT NOT NULL,
    archived BOOLEAN NOT NULL DEFAULT FALSE,
    anonymised_at TIMESTAMP,
    -- Lower-case, accent-free names, email and phone digits: one portable search column.
    search_text TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_activity_at TIMESTAMP NOT NULL
);
CREATE INDEX people_email_idx ON people (email);
CREATE INDEX people_phone_idx ON people (phone);
CREATE INDEX people_postcode_idx ON people (postcode);
CREATE INDEX people_activity_idx ON people (last_activity_at);

CREATE TABLE person_languages (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    level TEXT NOT NULL,
    PRIMARY KEY (person_id, language)
);

CREATE TABLE person_tags (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags (id),
    kind TEXT NOT NULL,
    PRIMARY KEY (person_id, tag_id)
);
CREATE INDEX person_tags_tag_idx ON person_tags (tag_id);

CREATE TABLE person_availability (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    PRIMARY KEY (person_id, slot)
);

CREATE TABLE memberships (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    programme TEXT NOT NULL,
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    started_on DATE NOT NULL,
    ended_on DATE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX memberships_person_idx ON memberships (person_id);
CREATE INDEX memberships_programme_idx ON memberships (programme, role);

CREATE TABLE consents (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    notice_lang TEXT NOT NULL,
    method TEXT NOT NULL,
    given_at TIMESTAMP NOT NULL,
    recorded_by TEXT REFERENCES users (id),
    withdrawn_at TIMESTAMP,
    withdrawn_by TEXT REFERENCES users (id)
);
CREATE INDEX consents_person_idx ON consents (person_id);

CREATE TABLE person_coaches (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id),
    since TIMESTAMP NOT NULL,
    PRIMARY KEY (person_id, user_id)
);
CREATE INDEX person_coaches_user_idx ON person_coaches (user_id);

-- Starting vocabulary (ids are fixed so that every installation shares them).
INSERT INTO tags (id, slug, category, label_fr, label_en, label_nl, label_ar, created_at) VALUES
    ('8ccbe651-8f9a-55fe-9044-71bcce582bce', 'cooking', 'food', 'Cuisine', 'Cooking', 'Koken', 'الطبخ', '2026-11-26 00:00:00'),
    ('2f46ee07-d258-5acd-a095-03722c752de5', 'baking', 'food', 'Pâtisserie', 'Baking', 'Bakken', 'الخَبز والحلويات', '2026-11-26 00:00:00'),
    ('3fc07d95-9e21-5c1b-bd50-e0bb2f64d72a', 'pizza', 'food', 'Pizza', 'Pizza', 'Pizza', 'البيتزا', '2026-11-26 00:00:00'),
    ('62a02f34-d9e5-563c-b2f5-baa5fa4a105b', 'world-cuisine', 'food', 'Cuisines du monde', 'World cuisine', 'Wereldkeuken', 'مطابخ العالم', '2026-11-26 00:00:00'),
    ('d4b88588-0e9f-532a-9307-0e1ab97a990c', 'football', 'sport', 'Football', 'Football', 'Voetbal', 'كرة القدم', '2026-11-26 00:00:00'),
    ('56af578c-27e8-5392-a76e-17d352d08256', 'indoor-football', 'sport', 'Football en salle', 'Indoor football', 'Zaalvoetbal', 'كرة القدم داخل القاعة', '2026-11-26 00:00:00'),
    ('264cbfaf-66d5-549c-83c4-e502cbdc8182', 'basketball', 'sport', 'Basket-ball', 'Basketball', 'Basketbal', 'كرة السلة', '2026-11-26 00:00:00'),
    ('033e6d28-af6d-5880-9a94-7a3e51a7c8e3', 'running', 'sport', 'Course à pied', 'Running', 'Hardlopen', 'الجري', '2026-11-26 00:00:00'),
    ('68747788-a6f4-5e78-a8a5-b62f73d65ad5', 'cycling', 'sport', 'Vélo', 'Cycling', 'Fietsen', 'ركوب الدراجات', '2026-11-26 00:00:00'),
    ('acaa866d-7076-5d75-b552-5caf551038db', 'yoga', 'sport', 'Yoga', 'Yoga', 'Yoga', 'اليوغا', '2026-11-26 00:00:00'),
    ('d2edf6f7-bc98-55eb-8a6b-ec90f3984703', 'hiking', 'nature', 'Randonnée', 'Hiking', 'Wandelen', 'المشي في الطبيعة', '2026-11-26 00:00:00'),
    ('dd960184-dad5-5782-8184-eb74e8abf593', 'gardening', 'nature', 'Jardinage', 'Gardening', 'Tuinieren', 'البستنة', '2026-11-26 00:00:00'),
    ('55eab69e-8ad1-56b4-93c1-3e93304607aa', 'painting', 'arts', 'Peinture', 'Painting', 'Schilderen', 'الرسم', '2026-11-26 00:00:00'),
    ('91d666a1-3907-5e23-a3e8-d4e994dae24a', 'drawing', 'arts', 'Dessin', 'Drawing', 'Tekenen', 'الرسم بالقلم', '2026-11-26 00:00:00'),
    ('d5f3207f-ddec-5bb2-b692-80bc9cc8b3e0', 'photography', 'arts', 'Photographie', 'Photography', 'Fotografie', 'التصوير الفوتوغرافي', '2026-11-26 00:00:00'),
    ('21121112-4cfe-58d1-b3b1-3315a7ba466b', 'theatre', 'arts', 'Théâtre', 'Theatre', 'Theater', 'المسرح', '2026-11-26 00:00:00'),
    ('1f57f644-ad6b-513b-93bb-90038373ef07', 'cinema', 'arts', 'Cinéma', 'Cinema', 'Film', 'السينما', '2026-11-26 00:00:00'),
    ('1ba67dbe-56a9-5458-a033-2e1ec9c5797b', 'writing', 'arts', 'Écriture', 'Writing', 'Schrijven', 'الكتابة', '2026-11-26 00:00:00'),
    ('c0605b80-5088-5403-b399-2e0d47550e47', 'calligraphy', 'arts', 'Calligraphie', 'Calligraphy', 'Kalligrafie', 'الخط العربي', '2026-11-26 00:00:00'),
    ('39feabb6-c8b2-521a-96cb-224d6fa53e61', 'dance', 'music-dance', 'Danse', 'Dance', 'Dans', 'الرقص', '2026-11-26 00:00:00'),
    ('4873bfa3-a4c1-5db7-b0a3-bb8ddbd9e43d', 'music', 'music-dance', 'Musique', 'Music', 'Muziek', 'الموسيقى', '2026-11-26 00:00:00'),
    ('91d79db3-b666-5ad8-ad04-284cf3299463', 'singing', 'music-dance', 'Chant', 'Singing', 'Zingen', 'الغناء', '2026-11-26 00:00:00'),
    ('efbd3063-fc41-596b-b965-ef30b9dc6f7c', 'guitar', 'music-dance', 'Guitare', 'Guitar', 'Gitaar', 'الغيتار', '2026-11-26 00:00:00'),
    ('913c3c9b-7123-5991-947a-f9f304650974', 'percussion', 'music-dance', 'Percussions', 'Percussion', 'Percussie', 'الإيقاع', '2026-11-26 00:00:00'),
    ('613069bc-bb97-5465-8a43-a1826495710f', 'sewing', 'crafts', 'Couture', 'Sewing', 'Naaien', 'الخياطة', '2026-11-26 00:00:00'),
    ('6dc6f5dd-f9d6-5727-b5ec-f397caf5f71c', 'knitting', 'crafts', 'Tricot', 'Knitting', 'Breien', 'الحياكة', '2026-11-26 00:00:00'),
    ('64778a4a-31c0-5814-9b09-4c793b1db0fa', 'woodwork', 'crafts', 'Menuiserie', 'Woodwork', 'Houtbewerking', 'النجارة', '2026-11-26 00:00:00'),
    ('c6c6541d-3170-53b9-b3da-5ed0159cdfa2', 'diy-repair', 'crafts', 'Bricolage et réparation', 'DIY and repair', 'Klussen en herstellen', 'الإصلاح والأعمال اليدوية', '2026-11-26 00:00:00'),
    ('853b6952-1dc7-59d7-9b37-55d6bb0c77db', 'hairdressing', 'crafts', 'Coiffure', 'Hairdressing', 'Kapsels', 'تصفيف الشعر', '2026-11-26 00:00:00'),
    ('39d44f29-c41e-5ea9-afe2-203723501c34', 'it', 'tech', 'Informatique', 'IT', 'Informatica', 'المعلوميات', '2026-11-26 00:00:00'),
    ('28677d67-490a-5794-9da3-6370bb24713c', 'programming', 'tech', 'Programmation', 'Programming', 'Programmeren', 'البرمجة', '2026-11-26 00:00:00'),
    ('5b904cb9-fb5a-5842-8858-c5fea7de9cf5', 'video-games', 'tech', 'Jeux vidéo', 'Video games', 'Videogames', 'ألعاب الفيديو', '2026-11-26 00:00:00'),
    ('fec6969d-0c6c-5d69-9bdd-27b77ddecde7', 'languages', 'languages', 'Langues', 'Languages', 'Talen', 'اللغات', '2026-11-26 00:00:00'),
    ('881415ad-08ed-5ea2-b834-8b2eec37f5ef', 'french-conversation', 'languages', 'Conversation en français', 'French conversation', 'Frans converseren', 'المحادثة بالفرنسية', '2026-11-26 00:00:00'),
    ('88aa3f67-c39a-5a41-b1d3-fd96ebb3b853', 'translation', 'languages', 'Traduction', 'Translation', 'Vertalen', 'الترجمة', '2026-11-26 00:00:00'),
    ('739fbb4a-b91f-544d-9199-29168a55d8a9', 'board-games', 'social', 'Jeux de société', 'Board games', 'Gezelschapsspellen', 'ألعاب الطاولة', '2026-11-26 00:00:00'),
    ('cd9836fd-5113-5181-a1b5-bc58653204e0', 'chess', 'social', 'Échecs', 'Chess', 'Schaken', 'الشطرنج', '2026-11-26 00:00:00'),
    ('87809533-e84d-5807-8b27-012fe7cef10b', 'volunteering', 'social', 'Bénévolat', 'Volunteering', 'Vrijwilligerswerk', 'العمل التطوعي', '2026-11-26 00:00:00'),
    ('157ff602-2cc5-531b-940a-f4621e306de5', 'childcare', 'social', 'Garde d''enfants', 'Childcare', 'Kinderopvang', 'رعاية الأطفال', '2026-11-26 00:00:00'),
    ('31cf7db9-d4ae-5123-860e-987dc6281244', 'reading', 'culture', 'Lecture', 'Reading', 'Lezen', 'القراءة', '2026-11-26 00:00:00'),
    ('d9dfe008-a978-57ea-aafe-0fb339e5df7c', 'history', 'culture', 'Histoire', 'History', 'Geschiedenis', 'التاريخ', '2026-11-26 00:00:00'),
    ('86224b70-ba47-5bf8-a447-dfe4596d3f23', 'travel', 'culture', 'Voyages', 'Travel', 'Reizen', 'السفر', '2026-11-26 00:00:00'),
    ('02c29c3b-a188-516a-be95-6565ab039bb2', 'entrepreneurship', 'work', 'Entrepreneuriat', 'Entrepreneurship', 'Ondernemerschap', 'ريادة الأعمال', '2026-11-26 00:00:00'),
    ('432ef3c3-3048-59d8-863d-75ac238b1804', 'commerce', 'work', 'Commerce', 'Retail', 'Handel', 'التجارة', '2026-11-26 00:00:00'),
    ('12845a35-3e8f-56b2-aa9c-1a3dec50ec3b', 'accounting', 'work', 'Comptabilité', 'Accounting', 'Boekhouding', 'المحاسبة', '2026-11-26 00:00:00'),
    ('848aff02-d67a-591e-b736-3f3b9a4606a9', 'health-care', 'work', 'Soins de santé', 'Health care', 'Gezondheidszorg', 'الرعاية الصحية', '2026-11-26 00:00:00'),
    ('d79931ba-c967-5e0d-9547-3ef24f2a0e42', 'mechanics', 'work', 'Mécanique', 'Mechanics', 'Mechanica', 'الميكانيك', '2026-11-26 00:00:00'),
    ('2fff06bb-2bd7-5c6c-b832-011dc939ff1b', 'construction', 'work', 'Construction', 'Construction', 'Bouw', 'البناء', '2026-11-26 00:00:00');

-- InterLab's path: milestone templates per need domain (edited by administrators) and each
-- entrepreneur's milestones, generated from templates and then edited freely.

CREATE TABLE interlab_templates (
    id TEXT PRIMARY KEY NOT NULL,
    domain TEXT NOT NULL,
    -- Order within the domain's sequence.
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    typical_days INTEGER NOT NULL,
    -- Suggested resources and partners.
    resources TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_templates_domain_idx ON interlab_templates (domain, position);

CREATE TABLE interlab_milestones (
    id TEXT PRIMARY KEY NOT NULL,
    entrepreneur_id TEXT NOT NULL REFERENCES interlab_entrepreneurs (id) ON DELETE CASCADE,
    -- The need it serves, of one of this entrepreneur's diagnostics (checked by the service).
    need_id TEXT REFERENCES interlab_diagnostic_needs (id),
    template_id TEXT REFERENCES interlab_templates (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT,
    due_on DATE,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    evidence TEXT,
    completed_on DATE,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_milestones_entrepreneur_idx ON interlab_milestones (entrepreneur_id);
CREATE INDEX interlab_milestones_due_idx ON interlab_milestones (status, due_on);

INSERT INTO interlab_templates (id, domain, position, title, description, typical_days, resources, created_at, updated_at) VALUES
    ('c510008d-b59a-52cb-8e29-181a4774dbb7', 'administration', 1, 'Choisir un guichet d''entreprise', 'Comparer les guichets d''entreprise agréés et prendre rendez-vous.', 14, 'Guichets d''entreprise agréés ; SPF Économie', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('451b00df-2e87-5f84-8892-91baf78cbe14', 'administration', 2, 'S''inscrire à la Banque-Carrefour des Entreprises', 'Inscription à la BCE par le guichet d''entreprise, avec le numéro d''entreprise en sortie.', 21, 'Guichet d''entreprise', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('b2a36171-5491-5e0f-a98e-f4d60cdbf38b', 'administration', 3, 'S''affilier à une caisse d''assurances sociales', 'Choisir une caisse et s''y affilier avant le début de l''activité.', 14, 'Caisses d''assurances sociales', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('45133bf1-35c4-5158-95ad-80284ad00250', 'administration', 4, 'Activer le numéro de TVA', 'Demande d''activation auprès du SPF Finances (ou régime de franchise).', 21, 'SPF Finances ; comptable', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('ebf96056-565e-57ed-9d2f-127a6ff7b090', 'language', 1, 'Choisir un cours de français orienté métier', 'Trouver un cours adapté au niveau et aux horaires.', 30, 'CRIPEL ; Lire et Écrire ; promotion sociale', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('73feb965-d890-55c6-ac26-afeb0dc82bc9', 'management', 1, 'Suivre la formation en gestion de base', 'Préparer et réussir l''examen de connaissances de gestion de base.', 90, 'IFAPME ; jury central', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('646a2024-b6a7-5190-96d2-d05b0d4586c5', 'financing', 1, 'Construire le plan financier', 'Besoins de départ, chiffre d''affaires attendu, seuil de rentabilité.', 30, 'Coach InterLab', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('b6e14068-14a4-5f50-b603-de5357ce31cb', 'financing', 2, 'Rencontrer un organisme de microcrédit', 'Présenter le projet et le plan financier.', 30, 'microStart ; Crédal', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('8ef12592-80ad-5b21-be1d-ccb60ea8500e', 'market', 1, 'Rencontrer dix clients potentiels', 'Tester l''offre et le prix auprès de personnes du public visé.', 30, NULL, '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('2f3f1be0-39d6-5697-a83c-36773fa7c61a', 'premises', 1, 'Visiter trois lieux possibles', 'Comparer loyer, surface, normes et accessibilité.', 45, 'Ville de Liège ; La Grand Poste', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('10c169e8-be88-5fe0-a12c-f1cd0c3e78ac', 'legal', 1, 'Vérifier les autorisations du métier', 'Accès à la profession, normes d''hygiène (AFSCA) ou autres autorisations.', 30, 'Guichet d''entreprise ; AFSCA', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('f9218ceb-2f7b-5693-97fb-42ddcaacc4cd', 'network', 1, 'Participer à un événement de réseautage', 'Une soirée de La Grand Poste ou d''un partenaire, avec une personne-contact.', 30, 'La Grand Poste', '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('cd5909d9-e367-587d-9859-6c69566df698', 'digital', 1, 'Créer la présence en ligne', 'Page professionnelle, fiche d''établissement, moyen de paiement.', 21, NULL, '2026-12-06 00:00:00', '2026-12-06 00:00:00'),
    ('18d79418-6040-52bd-9896-04dd15ad1826', 'accounting', 1, 'Choisir un comptable ou une solution de comptabilité', 'Comparer les offres et organiser la tenue des pièces.', 21, 'Comptables agréés ITAA', '2026-12-06 00:00:00', '2026-12-06 00:00:00');

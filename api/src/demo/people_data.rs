//! The fictional people of the demo: names, origins, languages, communes and passions.

use shared::people::LanguageLevel;

/// A fictional newcomer: first name, last name, origin region, languages.
pub(super) type DemoNewcomer = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [(&'static str, LanguageLevel)],
);

// Fictional people. Newcomers: (first, last, origin region, languages, arrival years ago).
pub(super) const NEWCOMERS: &[DemoNewcomer] = &[
    (
        "Amina",
        Some("Haddad"),
        "Middle East",
        &[
            ("ar", LanguageLevel::Native),
            ("en", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Yusuf",
        Some("Rahimi"),
        "Central Asia",
        &[
            ("prs", LanguageLevel::Native),
            ("ps", LanguageLevel::Fluent),
        ],
    ),
    (
        "Olena",
        Some("Kovalenko"),
        "Eastern Europe",
        &[
            ("uk", LanguageLevel::Native),
            ("ru", LanguageLevel::Fluent),
            ("en", LanguageLevel::Basic),
        ],
    ),
    (
        "Dmytro",
        Some("Shevchuk"),
        "Eastern Europe",
        &[("uk", LanguageLevel::Native), ("pl", LanguageLevel::Basic)],
    ),
    (
        "Mariam",
        Some("Tesfaye"),
        "East Africa",
        &[("ti", LanguageLevel::Native), ("am", LanguageLevel::Fluent)],
    ),
    (
        "Mamadou",
        Some("Diallo"),
        "West Africa",
        &[
            ("ff", LanguageLevel::Native),
            ("fr", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Fatoumata",
        Some("Camara"),
        "West Africa",
        &[
            ("sus", LanguageLevel::Native),
            ("fr", LanguageLevel::Fluent),
        ],
    ),
    (
        "Samir",
        Some("Benali"),
        "North Africa",
        &[
            ("ar", LanguageLevel::Native),
            ("fr", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Nour",
        None,
        "Middle East",
        &[("ar", LanguageLevel::Native)],
    ),
    (
        "Ahmad",
        Some("Sharifi"),
        "Central Asia",
        &[("fa", LanguageLevel::Native), ("en", LanguageLevel::Fluent)],
    ),
    (
        "Gabriela",
        Some("Rojas"),
        "South America",
        &[
            ("es", LanguageLevel::Native),
            ("en", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Luis",
        Some("Fernández"),
        "South America",
        &[("es", LanguageLevel::Native)],
    ),
    (
        "Esra",
        Some("Yılmaz"),
        "Western Asia",
        &[("tr", LanguageLevel::Native), ("de", LanguageLevel::Basic)],
    ),
    (
        "Jean-Paul",
        Some("Mukendi"),
        "Central Africa",
        &[("ln", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
    (
        "Grace",
        Some("Mbuyi"),
        "Central Africa",
        &[("sw", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
    (
        "Hassan",
        Some("Omar"),
        "East Africa",
        &[
            ("so", LanguageLevel::Native),
            ("ar", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Layla",
        Some("Karimi"),
        "Middle East",
        &[("ku", LanguageLevel::Native), ("ar", LanguageLevel::Fluent)],
    ),
    (
        "Iryna",
        Some("Bondarenko"),
        "Eastern Europe",
        &[("uk", LanguageLevel::Native), ("en", LanguageLevel::Fluent)],
    ),
    (
        "Tigist",
        None,
        "East Africa",
        &[("am", LanguageLevel::Native)],
    ),
    (
        "Omar",
        Some("Al-Masri"),
        "Middle East",
        &[("ar", LanguageLevel::Native), ("en", LanguageLevel::Basic)],
    ),
    (
        "Zainab",
        Some("Hussaini"),
        "Central Asia",
        &[("prs", LanguageLevel::Native)],
    ),
    (
        "Carlos",
        Some("Mendoza"),
        "Central America",
        &[("es", LanguageLevel::Native), ("en", LanguageLevel::Fluent)],
    ),
    (
        "Aïssatou",
        Some("Bah"),
        "West Africa",
        &[
            ("ff", LanguageLevel::Native),
            ("fr", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Rami",
        Some("Khalil"),
        "Middle East",
        &[("ar", LanguageLevel::Native), ("fr", LanguageLevel::Basic)],
    ),
    (
        "Svitlana",
        Some("Melnyk"),
        "Eastern Europe",
        &[("uk", LanguageLevel::Native), ("ru", LanguageLevel::Native)],
    ),
    (
        "Abdou",
        Some("Ndiaye"),
        "West Africa",
        &[("wo", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
    (
        "Farida",
        Some("Nazari"),
        "Central Asia",
        &[("fa", LanguageLevel::Native)],
    ),
    (
        "Yonas",
        Some("Haile"),
        "East Africa",
        &[
            ("ti", LanguageLevel::Native),
            ("en", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Meryem",
        Some("Aydın"),
        "Western Asia",
        &[("tr", LanguageLevel::Native), ("en", LanguageLevel::Basic)],
    ),
    (
        "Kateryna",
        Some("Tkachenko"),
        "Eastern Europe",
        &[
            ("uk", LanguageLevel::Native),
            ("en", LanguageLevel::Intermediate),
        ],
    ),
    (
        "Moussa",
        Some("Traoré"),
        "West Africa",
        &[("bm", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
    (
        "Hiba",
        Some("Mansour"),
        "North Africa",
        &[("ar", LanguageLevel::Native), ("fr", LanguageLevel::Fluent)],
    ),
];

pub(super) const LOCALS: &[(&str, &str)] = &[
    ("Marc", "Lejeune"),
    ("Sophie", "Renard"),
    ("Julie", "Lambert"),
    ("Thomas", "Dubois"),
    ("Nathalie", "Henrard"),
    ("Luc", "Collignon"),
    ("Camille", "Piron"),
    ("Pierre", "Delvaux"),
    ("Céline", "Gérard"),
    ("François", "Hubert"),
    ("Anne", "Jacquemin"),
    ("Laurent", "Lemaire"),
    ("Élise", "Moreau"),
    ("Kevin", "Bastin"),
    ("Manon", "Thiry"),
    ("Jérôme", "Lecomte"),
    ("Isabelle", "Dumont"),
    ("Nicolas", "Bertrand"),
    ("Chloé", "Wathelet"),
    ("Olivier", "Frères"),
    ("Véronique", "Maes"),
    ("Mehdi", "El Khattabi"),
    ("Sarah", "Vandenberghe"),
    ("Bruno", "Leclercq"),
    ("Aurélie", "Hardy"),
    ("Philippe", "Closset"),
    ("Lucie", "Degée"),
    ("Hugo", "Stassen"),
];

pub(super) const COMMUNES: &[(&str, &str)] = &[
    ("4000", "Liège"),
    ("4020", "Liège"),
    ("4030", "Grivegnée"),
    ("4100", "Seraing"),
    ("4101", "Jemeppe-sur-Meuse"),
    ("4400", "Flémalle"),
    ("4430", "Ans"),
    ("4460", "Grâce-Hollogne"),
    ("4040", "Herstal"),
    ("4420", "Saint-Nicolas"),
    ("4050", "Chaudfontaine"),
    ("4620", "Fléron"),
    ("4600", "Visé"),
    ("4800", "Verviers"),
    ("4130", "Esneux"),
];

pub(super) const PASSIONS: &[&str] = &[
    "cooking",
    "football",
    "painting",
    "dance",
    "music",
    "it",
    "gardening",
    "sewing",
    "photography",
    "pizza",
    "indoor-football",
    "hiking",
    "singing",
    "board-games",
    "calligraphy",
    "theatre",
    "woodwork",
    "baking",
    "yoga",
    "chess",
    "world-cuisine",
    "hairdressing",
    "entrepreneurship",
];

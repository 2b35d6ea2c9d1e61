//! The names of the values of the people vocabulary (category, programme, contact channel,
//! language level, tag kind, day, part of the day, role in a programme, membership status, consent
//! purpose and method), with one function per `shared` enum giving its key.

use shared::consent::{ConsentMethod, ConsentPurpose};
use shared::people::{
    Category, ContactChannel, DayPart, LanguageLevel, MembershipStatus, Programme, ProgrammeRole,
    TagKind, Weekday,
};

crate::catalogue! {
    /// Names of the values of the people vocabulary.
    pub enum VocabKey {
        Newcomer => {
            fr: "Primo-arrivant·e",
            en: "Newcomer",
            nl: "Nieuwkomer",
            ar: "وافد جديد",
        },
        Local => {
            fr: "Habitant·e de longue date",
            en: "Local resident",
            nl: "Lokale inwoner",
            ar: "مقيم محلي",
        },
        NoCategory => {
            fr: "Sans catégorie",
            en: "No category",
            nl: "Geen categorie",
            ar: "بلا فئة",
        },
        ProfileNeither => {
            fr: "Ni l'un ni l'autre (personnel d'un partenaire)",
            en: "Neither (a partner's staff member)",
            nl: "Geen van beide (personeel van een partner)",
            ar: "لا هذا ولا ذاك (موظف لدى شريك)",
        },
        ProgInteract => {
            fr: "InterAct",
            en: "InterAct",
            nl: "InterAct",
            ar: "InterAct",
        },
        ProgDuo2change => {
            fr: "Duo2Change",
            en: "Duo2Change",
            nl: "Duo2Change",
            ar: "Duo2Change",
        },
        ProgTraining => {
            fr: "Formations",
            en: "Trainings",
            nl: "Opleidingen",
            ar: "التكوينات",
        },
        ProgInterlab => {
            fr: "InterLab",
            en: "InterLab",
            nl: "InterLab",
            ar: "InterLab",
        },
        ChEmail => {
            fr: "Par e-mail",
            en: "By email",
            nl: "Per e-mail",
            ar: "عبر البريد الإلكتروني",
        },
        ChPhone => {
            fr: "Par téléphone",
            en: "By phone",
            nl: "Telefonisch",
            ar: "عبر الهاتف",
        },
        ChSms => {
            fr: "Par SMS",
            en: "By text message",
            nl: "Per sms",
            ar: "عبر رسالة نصية",
        },
        ChWhatsapp => {
            fr: "Par WhatsApp",
            en: "On WhatsApp",
            nl: "Via WhatsApp",
            ar: "عبر واتساب",
        },
        ChInPerson => {
            fr: "En personne",
            en: "In person",
            nl: "Persoonlijk",
            ar: "شخصيًا",
        },
        LevelBasic => {
            fr: "Notions",
            en: "Basic",
            nl: "Basis",
            ar: "أساسي",
        },
        LevelIntermediate => {
            fr: "Intermédiaire",
            en: "Intermediate",
            nl: "Gemiddeld",
            ar: "متوسط",
        },
        LevelFluent => {
            fr: "Courant",
            en: "Fluent",
            nl: "Vloeiend",
            ar: "بطلاقة",
        },
        LevelNative => {
            fr: "Langue maternelle",
            en: "Native",
            nl: "Moedertaal",
            ar: "اللغة الأم",
        },
        KindPassion => {
            fr: "Passion",
            en: "Passion",
            nl: "Passie",
            ar: "شغف",
        },
        KindSkill => {
            fr: "Savoir-faire",
            en: "Skill",
            nl: "Vaardigheid",
            ar: "مهارة",
        },
        KindInterest => {
            fr: "Envie de découvrir",
            en: "Would like to discover",
            nl: "Wil ontdekken",
            ar: "يرغب في الاكتشاف",
        },
        DayMon => {
            fr: "Lundi",
            en: "Monday",
            nl: "Maandag",
            ar: "الاثنين",
        },
        DayTue => {
            fr: "Mardi",
            en: "Tuesday",
            nl: "Dinsdag",
            ar: "الثلاثاء",
        },
        DayWed => {
            fr: "Mercredi",
            en: "Wednesday",
            nl: "Woensdag",
            ar: "الأربعاء",
        },
        DayThu => {
            fr: "Jeudi",
            en: "Thursday",
            nl: "Donderdag",
            ar: "الخميس",
        },
        DayFri => {
            fr: "Vendredi",
            en: "Friday",
            nl: "Vrijdag",
            ar: "الجمعة",
        },
        DaySat => {
            fr: "Samedi",
            en: "Saturday",
            nl: "Zaterdag",
            ar: "السبت",
        },
        DaySun => {
            fr: "Dimanche",
            en: "Sunday",
            nl: "Zondag",
            ar: "الأحد",
        },
        Morning => {
            fr: "Matin",
            en: "Morning",
            nl: "Ochtend",
            ar: "الصباح",
        },
        Afternoon => {
            fr: "Après-midi",
            en: "Afternoon",
            nl: "Namiddag",
            ar: "بعد الظهر",
        },
        Evening => {
            fr: "Soir",
            en: "Evening",
            nl: "Avond",
            ar: "المساء",
        },
        PrParticipant => {
            fr: "Participant·e",
            en: "Participant",
            nl: "Deelnemer",
            ar: "مشارك",
        },
        PrWorkshopHost => {
            fr: "Animateur·rice d'atelier",
            en: "Workshop host",
            nl: "Workshopbegeleider",
            ar: "منشط ورشة",
        },
        PrDuoCandidate => {
            fr: "Candidat·e duo",
            en: "Duo candidate",
            nl: "Duokandidaat",
            ar: "مرشح للثنائي",
        },
        PrTrainee => {
            fr: "Stagiaire",
            en: "Trainee",
            nl: "Cursist",
            ar: "متدرب",
        },
        PrEntrepreneur => {
            fr: "Entrepreneur·e",
            en: "Entrepreneur",
            nl: "Ondernemer",
            ar: "رائد أعمال",
        },
        PrMentor => {
            fr: "Mentor·e",
            en: "Mentor",
            nl: "Mentor",
            ar: "مرشد",
        },
        PrFacilitator => {
            fr: "Facilitateur·rice",
            en: "Facilitator",
            nl: "Facilitator",
            ar: "ميسّر",
        },
        PrVolunteer => {
            fr: "Bénévole",
            en: "Volunteer",
            nl: "Vrijwilliger",
            ar: "متطوع",
        },
        MsApplied => {
            fr: "Candidature",
            en: "Applied",
            nl: "Aangemeld",
            ar: "قدّم طلبًا",
        },
        MsActive => {
            fr: "En cours",
            en: "Active",
            nl: "Lopend",
            ar: "جارٍ",
        },
        MsPaused => {
            fr: "En pause",
            en: "Paused",
            nl: "Gepauzeerd",
            ar: "متوقف مؤقتًا",
        },
        MsCompleted => {
            fr: "Terminé",
            en: "Completed",
            nl: "Afgerond",
            ar: "مكتمل",
        },
        MsWithdrawn => {
            fr: "Abandon",
            en: "Withdrawn",
            nl: "Gestopt",
            ar: "انسحب",
        },
        PurposeProgrammeData => {
            fr: "Traitement des données pour les programmes",
            en: "Data processing for the programmes",
            nl: "Gegevensverwerking voor de programma's",
            ar: "معالجة البيانات للبرامج",
        },
        PurposePhotos => {
            fr: "Photos",
            en: "Photos",
            nl: "Foto's",
            ar: "الصور",
        },
        PurposeNewsletter => {
            fr: "Lettre d'information",
            en: "Newsletter",
            nl: "Nieuwsbrief",
            ar: "النشرة الإخبارية",
        },
        PurposePartnerSharing => {
            fr: "Partage avec un partenaire",
            en: "Sharing with a partner",
            nl: "Delen met een partner",
            ar: "المشاركة مع شريك",
        },
        MethodWebForm => {
            fr: "formulaire en ligne",
            en: "online form",
            nl: "onlineformulier",
            ar: "استمارة إلكترونية",
        },
        MethodPaperForm => {
            fr: "formulaire papier",
            en: "paper form",
            nl: "papieren formulier",
            ar: "استمارة ورقية",
        },
        MethodOral => {
            fr: "accord oral",
            en: "spoken agreement",
            nl: "mondeling akkoord",
            ar: "موافقة شفهية",
        },
    }
}

/// The catalogue key naming a category.
pub fn category_key(c: Category) -> VocabKey {
    match c {
        Category::Newcomer => VocabKey::Newcomer,
        Category::Local => VocabKey::Local,
    }
}

/// The catalogue key naming a person's category, or its absence (partner staff).
pub fn category_opt_key(c: Option<Category>) -> VocabKey {
    c.map_or(VocabKey::NoCategory, category_key)
}

/// The catalogue key naming a programme.
pub fn programme_key(p: Programme) -> VocabKey {
    match p {
        Programme::Interact => VocabKey::ProgInteract,
        Programme::Duo2change => VocabKey::ProgDuo2change,
        Programme::Training => VocabKey::ProgTraining,
        Programme::Interlab => VocabKey::ProgInterlab,
    }
}

/// The catalogue key naming a role in a programme.
pub fn programme_role_key(r: ProgrammeRole) -> VocabKey {
    match r {
        ProgrammeRole::Participant => VocabKey::PrParticipant,
        ProgrammeRole::WorkshopHost => VocabKey::PrWorkshopHost,
        ProgrammeRole::DuoCandidate => VocabKey::PrDuoCandidate,
        ProgrammeRole::Trainee => VocabKey::PrTrainee,
        ProgrammeRole::Entrepreneur => VocabKey::PrEntrepreneur,
        ProgrammeRole::Mentor => VocabKey::PrMentor,
        ProgrammeRole::Facilitator => VocabKey::PrFacilitator,
        ProgrammeRole::Volunteer => VocabKey::PrVolunteer,
    }
}

/// The catalogue key naming a membership status.
pub fn membership_status_key(s: MembershipStatus) -> VocabKey {
    match s {
        MembershipStatus::Applied => VocabKey::MsApplied,
        MembershipStatus::Active => VocabKey::MsActive,
        MembershipStatus::Paused => VocabKey::MsPaused,
        MembershipStatus::Completed => VocabKey::MsCompleted,
        MembershipStatus::Withdrawn => VocabKey::MsWithdrawn,
    }
}

/// The catalogue key naming a level in a language.
pub fn language_level_key(l: LanguageLevel) -> VocabKey {
    match l {
        LanguageLevel::Basic => VocabKey::LevelBasic,
        LanguageLevel::Intermediate => VocabKey::LevelIntermediate,
        LanguageLevel::Fluent => VocabKey::LevelFluent,
        LanguageLevel::Native => VocabKey::LevelNative,
    }
}

/// The catalogue key naming a contact channel.
pub fn channel_key(c: ContactChannel) -> VocabKey {
    match c {
        ContactChannel::Email => VocabKey::ChEmail,
        ContactChannel::Phone => VocabKey::ChPhone,
        ContactChannel::Sms => VocabKey::ChSms,
        ContactChannel::Whatsapp => VocabKey::ChWhatsapp,
        ContactChannel::InPerson => VocabKey::ChInPerson,
    }
}

/// The catalogue key naming how a tag relates to a person.
pub fn tag_kind_key(k: TagKind) -> VocabKey {
    match k {
        TagKind::Passion => VocabKey::KindPassion,
        TagKind::Skill => VocabKey::KindSkill,
        TagKind::Interest => VocabKey::KindInterest,
    }
}

/// The catalogue key naming a weekday.
pub fn weekday_key(d: Weekday) -> VocabKey {
    match d {
        Weekday::Mon => VocabKey::DayMon,
        Weekday::Tue => VocabKey::DayTue,
        Weekday::Wed => VocabKey::DayWed,
        Weekday::Thu => VocabKey::DayThu,
        Weekday::Fri => VocabKey::DayFri,
        Weekday::Sat => VocabKey::DaySat,
        Weekday::Sun => VocabKey::DaySun,
    }
}

/// The catalogue key naming a part of the day.
pub fn day_part_key(p: DayPart) -> VocabKey {
    match p {
        DayPart::Morning => VocabKey::Morning,
        DayPart::Afternoon => VocabKey::Afternoon,
        DayPart::Evening => VocabKey::Evening,
    }
}

/// The catalogue key naming a consent's purpose.
pub fn purpose_key(p: ConsentPurpose) -> VocabKey {
    match p {
        ConsentPurpose::ProgrammeData => VocabKey::PurposeProgrammeData,
        ConsentPurpose::Photos => VocabKey::PurposePhotos,
        ConsentPurpose::Newsletter => VocabKey::PurposeNewsletter,
        ConsentPurpose::PartnerSharing => VocabKey::PurposePartnerSharing,
    }
}

/// The catalogue key naming how a consent was collected.
pub fn consent_method_key(m: ConsentMethod) -> VocabKey {
    match m {
        ConsentMethod::WebForm => VocabKey::MethodWebForm,
        ConsentMethod::PaperForm => VocabKey::MethodPaperForm,
        ConsentMethod::Oral => VocabKey::MethodOral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        // Names and loanwords read the same in every language.
        check_catalogue(
            VocabKey::ALL,
            &[
                VocabKey::ProgInteract,
                VocabKey::ProgDuo2change,
                VocabKey::ProgInterlab,
                VocabKey::KindPassion,
                VocabKey::PurposePhotos,
            ],
            0,
        );
    }
}

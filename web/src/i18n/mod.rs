//! The interface's message catalogues.
//!
//! Every user-visible string of the app is a [`Key`]; each language is one exhaustive `match`, so a
//! key without a translation does not compile. Strings with `{name}`-style placeholders are
//! filled by [`tf`]. French is the default language (Interra works in French).

use shared::auth::Role;
use shared::consent::{ConsentMethod, ConsentPurpose};
use shared::people::{
    Category, ContactChannel, DayPart, LanguageLevel, MembershipStatus, Programme, ProgrammeRole,
    TagKind, Weekday,
};
use shared::Lang;

pub mod activities;
pub mod duo;
pub mod people_admin;
pub mod public;

/// A user-visible message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    AppName,
    SkipToContent,
    MainNav,
    Menu,
    Language,
    SignOut,
    Loading,
    RestoringSession,
    Dismiss,
    Retry,
    ErrNetwork,
    ErrUnexpected,
    SessionExpired,
    SignedOut,
    SignInTitle,
    SignInIntro,
    Email,
    Password,
    SignIn,
    SigningIn,
    NavHome,
    NavAdmin,
    HomeGreeting,
    YourAccount,
    Role,
    Status,
    LastLogin,
    LastLoginAt,
    Never,
    WhatYouCanDo,
    ManageAccounts,
    ManageAccountsHint,
    ChangeYourPassword,
    ChangeYourPasswordHint,
    CurrentPassword,
    NewPassword,
    PasswordHint,
    ChangePasswordSubmit,
    Saving,
    PasswordChanged,
    AccountsTitle,
    AccountsIntro,
    Filters,
    Search,
    SearchSubmit,
    AllRoles,
    AllStatuses,
    Active,
    Inactive,
    AccountCount,
    NoAccounts,
    PreviousPage,
    NextPage,
    PageOf,
    Pagination,
    NewAccount,
    Cancel,
    DisplayName,
    InitialPassword,
    CreateAccount,
    Creating,
    AccountCreated,
    RoleOf,
    SaveRole,
    SaveRoleOf,
    Deactivate,
    Reactivate,
    DeactivateNamed,
    ReactivateNamed,
    AccountUpdated,
    You,
    RoleAdmin,
    RoleCoordinator,
    RoleCoach,
    ForbiddenTitle,
    ForbiddenBody,
    NotFoundTitle,
    NotFoundBody,
    NavPeople,
    PeopleTitle,
    PeopleIntro,
    NewPerson,
    ReviewQueue,
    ReviewQueueTitle,
    ReviewIntro,
    NothingToReview,
    Category,
    AllCategories,
    Newcomer,
    Local,
    Programme,
    AllProgrammes,
    ProgInteract,
    ProgDuo2change,
    ProgTraining,
    ProgInterlab,
    FrenchLevel,
    FrenchMin,
    FrenchMax,
    AnyLevel,
    Commune,
    ShowArchived,
    OnlyToReview,
    PeopleCount,
    NoPeople,
    ClearFilters,
    Archived,
    Anonymised,
    Identity,
    FirstName,
    LastName,
    PreferredName,
    ContactDetails,
    Phone,
    PreferredChannel,
    ChEmail,
    ChPhone,
    ChSms,
    ChWhatsapp,
    ChInPerson,
    Street,
    Postcode,
    Profile,
    DeclaredProfile,
    ArrivalYear,
    ComputedCategory,
    CategoryOverride,
    OverrideReason,
    NoOverride,
    BirthYear,
    Gender,
    OriginRegion,
    Languages,
    LevelBasic,
    LevelIntermediate,
    LevelFluent,
    LevelNative,
    Tags,
    KindPassion,
    KindSkill,
    KindInterest,
    Availability,
    DayMon,
    DayTue,
    DayWed,
    DayThu,
    DayFri,
    DaySat,
    DaySun,
    Morning,
    Afternoon,
    Evening,
    Presentation,
    StaffNotes,
    Memberships,
    PrParticipant,
    PrWorkshopHost,
    PrDuoCandidate,
    PrTrainee,
    PrEntrepreneur,
    PrMentor,
    PrFacilitator,
    PrVolunteer,
    MsApplied,
    MsActive,
    MsPaused,
    MsCompleted,
    MsWithdrawn,
    MembershipDates,
    MembershipSince,
    NoMemberships,
    Consents,
    PurposeProgrammeData,
    PurposePhotos,
    PurposeNewsletter,
    PurposePartnerSharing,
    MethodWebForm,
    MethodPaperForm,
    MethodOral,
    ConsentGiven,
    ConsentWithdrawn,
    NoConsents,
    Edit,
    Archive,
    Restore,
    ExportData,
    ExportDone,
    Anonymise,
    AnonymiseTitle,
    AnonymiseWarning,
    AnonymiseConfirmLabel,
    AnonymiseSubmit,
    AnonymiseDone,
    PersonArchived,
    PersonRestored,
    PersonSaved,
    BackToPeople,
    PossibleDuplicate,
    OpenOther,
    NotProvided,
    EditPerson,
    Save,
    ContactHint,
    DuplicateFound,
    ConfirmDistinct,
    Accept,
    AcceptNamed,
    ArchiveNamed,
    ReviewAccepted,
    ReviewArchived,
    PersonNotFound,
    TagFilter,
    AllTags,
    TagSearch,
    AddTag,
    RemoveTag,
    TagKindOf,
    NoTagMatch,
    AddLanguage,
    LanguageCode,
    LanguageLevelLabel,
    RemoveLanguage,
    AddMembership,
    RoleInProgramme,
    MembershipState,
    MembershipAdded,
    AddConsent,
    ConsentPurposeLabel,
    NoticeLanguage,
    ConsentMethodLabel,
    ConsentAdded,
    WithdrawNamed,
    Withdraw,
    ConsentWithdrawnDone,
    BackHome,
}

impl Key {
    /// Every key, in declaration order (checked by a unit test).
    pub const ALL: [Key; 235] = [
        Key::AppName,
        Key::SkipToContent,
        Key::MainNav,
        Key::Menu,
        Key::Language,
        Key::SignOut,
        Key::Loading,
        Key::RestoringSession,
        Key::Dismiss,
        Key::Retry,
        Key::ErrNetwork,
        Key::ErrUnexpected,
        Key::SessionExpired,
        Key::SignedOut,
        Key::SignInTitle,
        Key::SignInIntro,
        Key::Email,
        Key::Password,
        Key::SignIn,
        Key::SigningIn,
        Key::NavHome,
        Key::NavAdmin,
        Key::HomeGreeting,
        Key::YourAccount,
        Key::Role,
        Key::Status,
        Key::LastLogin,
        Key::LastLoginAt,
        Key::Never,
        Key::WhatYouCanDo,
        Key::ManageAccounts,
        Key::ManageAccountsHint,
        Key::ChangeYourPassword,
        Key::ChangeYourPasswordHint,
        Key::CurrentPassword,
        Key::NewPassword,
        Key::PasswordHint,
        Key::ChangePasswordSubmit,
        Key::Saving,
        Key::PasswordChanged,
        Key::AccountsTitle,
        Key::AccountsIntro,
        Key::Filters,
        Key::Search,
        Key::SearchSubmit,
        Key::AllRoles,
        Key::AllStatuses,
        Key::Active,
        Key::Inactive,
        Key::AccountCount,
        Key::NoAccounts,
        Key::PreviousPage,
        Key::NextPage,
        Key::PageOf,
        Key::Pagination,
        Key::NewAccount,
        Key::Cancel,
        Key::DisplayName,
        Key::InitialPassword,
        Key::CreateAccount,
        Key::Creating,
        Key::AccountCreated,
        Key::RoleOf,
        Key::SaveRole,
        Key::SaveRoleOf,
        Key::Deactivate,
        Key::Reactivate,
        Key::DeactivateNamed,
        Key::ReactivateNamed,
        Key::AccountUpdated,
        Key::You,
        Key::RoleAdmin,
        Key::RoleCoordinator,
        Key::RoleCoach,
        Key::ForbiddenTitle,
        Key::ForbiddenBody,
        Key::NotFoundTitle,
        Key::NotFoundBody,
        Key::NavPeople,
        Key::PeopleTitle,
        Key::PeopleIntro,
        Key::NewPerson,
        Key::ReviewQueue,
        Key::ReviewQueueTitle,
        Key::ReviewIntro,
        Key::NothingToReview,
        Key::Category,
        Key::AllCategories,
        Key::Newcomer,
        Key::Local,
        Key::Programme,
        Key::AllProgrammes,
        Key::ProgInteract,
        Key::ProgDuo2change,
        Key::ProgTraining,
        Key::ProgInterlab,
        Key::FrenchLevel,
        Key::FrenchMin,
        Key::FrenchMax,
        Key::AnyLevel,
        Key::Commune,
        Key::ShowArchived,
        Key::OnlyToReview,
        Key::PeopleCount,
        Key::NoPeople,
        Key::ClearFilters,
        Key::Archived,
        Key::Anonymised,
        Key::Identity,
        Key::FirstName,
        Key::LastName,
        Key::PreferredName,
        Key::ContactDetails,
        Key::Phone,
        Key::PreferredChannel,
        Key::ChEmail,
        Key::ChPhone,
        Key::ChSms,
        Key::ChWhatsapp,
        Key::ChInPerson,
        Key::Street,
        Key::Postcode,
        Key::Profile,
        Key::DeclaredProfile,
        Key::ArrivalYear,
        Key::ComputedCategory,
        Key::CategoryOverride,
        Key::OverrideReason,
        Key::NoOverride,
        Key::BirthYear,
        Key::Gender,
        Key::OriginRegion,
        Key::Languages,
        Key::LevelBasic,
        Key::LevelIntermediate,
        Key::LevelFluent,
        Key::LevelNative,
        Key::Tags,
        Key::KindPassion,
        Key::KindSkill,
        Key::KindInterest,
        Key::Availability,
        Key::DayMon,
        Key::DayTue,
        Key::DayWed,
        Key::DayThu,
        Key::DayFri,
        Key::DaySat,
        Key::DaySun,
        Key::Morning,
        Key::Afternoon,
        Key::Evening,
        Key::Presentation,
        Key::StaffNotes,
        Key::Memberships,
        Key::PrParticipant,
        Key::PrWorkshopHost,
        Key::PrDuoCandidate,
        Key::PrTrainee,
        Key::PrEntrepreneur,
        Key::PrMentor,
        Key::PrFacilitator,
        Key::PrVolunteer,
        Key::MsApplied,
        Key::MsActive,
        Key::MsPaused,
        Key::MsCompleted,
        Key::MsWithdrawn,
        Key::MembershipDates,
        Key::MembershipSince,
        Key::NoMemberships,
        Key::Consents,
        Key::PurposeProgrammeData,
        Key::PurposePhotos,
        Key::PurposeNewsletter,
        Key::PurposePartnerSharing,
        Key::MethodWebForm,
        Key::MethodPaperForm,
        Key::MethodOral,
        Key::ConsentGiven,
        Key::ConsentWithdrawn,
        Key::NoConsents,
        Key::Edit,
        Key::Archive,
        Key::Restore,
        Key::ExportData,
        Key::ExportDone,
        Key::Anonymise,
        Key::AnonymiseTitle,
        Key::AnonymiseWarning,
        Key::AnonymiseConfirmLabel,
        Key::AnonymiseSubmit,
        Key::AnonymiseDone,
        Key::PersonArchived,
        Key::PersonRestored,
        Key::PersonSaved,
        Key::BackToPeople,
        Key::PossibleDuplicate,
        Key::OpenOther,
        Key::NotProvided,
        Key::EditPerson,
        Key::Save,
        Key::ContactHint,
        Key::DuplicateFound,
        Key::ConfirmDistinct,
        Key::Accept,
        Key::AcceptNamed,
        Key::ArchiveNamed,
        Key::ReviewAccepted,
        Key::ReviewArchived,
        Key::PersonNotFound,
        Key::TagFilter,
        Key::AllTags,
        Key::TagSearch,
        Key::AddTag,
        Key::RemoveTag,
        Key::TagKindOf,
        Key::NoTagMatch,
        Key::AddLanguage,
        Key::LanguageCode,
        Key::LanguageLevelLabel,
        Key::RemoveLanguage,
        Key::AddMembership,
        Key::RoleInProgramme,
        Key::MembershipState,
        Key::MembershipAdded,
        Key::AddConsent,
        Key::ConsentPurposeLabel,
        Key::NoticeLanguage,
        Key::ConsentMethodLabel,
        Key::ConsentAdded,
        Key::WithdrawNamed,
        Key::Withdraw,
        Key::ConsentWithdrawnDone,
        Key::BackHome,
    ];
}

/// A key of one of the catalogues: the core [`Key`] or a feature's own (declared with
/// [`catalogue!`](crate::catalogue) in a module beside this one, so that features grow their
/// catalogues without touching each other's).
pub trait Message: Copy + std::fmt::Debug + Send + Sync + 'static {
    /// Every key of the catalogue, each at its [`Message::index`].
    const KEYS: &'static [Self];
    /// The key's place in [`Message::KEYS`].
    fn index(self) -> usize;
    /// The message in `lang`.
    fn text(self, lang: Lang) -> &'static str;
}

/// A key of any catalogue, for components that show a message given by their caller.
#[derive(Clone, Copy)]
pub struct Text {
    index: usize,
    lookup: fn(usize, Lang) -> &'static str,
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        (self.lookup)(self.index, lang)
    }
}

fn lookup<K: Message>(index: usize, lang: Lang) -> &'static str {
    K::KEYS[index].text(lang)
}

impl<K: Message> From<K> for Text {
    fn from(key: K) -> Self {
        Text {
            index: key.index(),
            lookup: lookup::<K>,
        }
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get(Lang::Fr))
    }
}

impl Message for Key {
    const KEYS: &'static [Self] = &Key::ALL;
    fn index(self) -> usize {
        self as usize
    }
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => fr(self),
            Lang::En => en(self),
            Lang::Nl => nl(self),
            Lang::Ar => ar(self),
        }
    }
}

/// Declares a feature catalogue: an enum of keys, `ALL`, and its [`Message`] implementation;
/// every key must give its French, English, Dutch and Arabic text, or it does not compile.
///
/// ```ignore
/// catalogue! {
///     /// Messages of the agenda.
///     pub enum AgendaKey {
///         Title => { fr: "Agenda", en: "Agenda", nl: "Agenda", ar: "الأجندة" },
///     }
/// }
/// ```
#[macro_export]
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $key:ident => { fr: $fr:expr, en: $en:expr, nl: $nl:expr, ar: $ar:expr $(,)? } ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $key ),*
        }

        impl $name {
            /// Every key, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$key ),* ];
        }

        impl $crate::i18n::Message for $name {
            const KEYS: &'static [Self] = $name::ALL;
            fn index(self) -> usize {
                self as usize
            }
            fn text(self, lang: ::shared::Lang) -> &'static str {
                match self {
                    $( $name::$key => match lang {
                        ::shared::Lang::Fr => $fr,
                        ::shared::Lang::En => $en,
                        ::shared::Lang::Nl => $nl,
                        ::shared::Lang::Ar => $ar,
                    } ),*
                }
            }
        }
    };
}

/// The message for `key` in `lang`.
pub fn t(lang: Lang, key: impl Into<Text>) -> &'static str {
    key.into().get(lang)
}

/// The message for `key` in `lang`, with each `{name}` placeholder replaced by its value.
pub fn tf(lang: Lang, key: impl Into<Text>, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

/// The checks every catalogue passes (call from the catalogue's tests): no empty message, the
/// same placeholders in every language, and other languages not copied from French except for
/// the keys in `same_everywhere` (names, loanwords) and at most `tolerance` more.
#[cfg(test)]
pub fn check_catalogue<K: Message + PartialEq>(all: &[K], same_everywhere: &[K], tolerance: usize) {
    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }
    for &key in all {
        let reference = placeholders(t(Lang::Fr, key));
        for lang in Lang::ALL {
            let s = t(lang, key);
            assert!(!s.trim().is_empty(), "{lang:?} {key:?} is empty");
            assert_eq!(
                placeholders(s),
                reference,
                "{lang:?} {key:?} has different placeholders"
            );
        }
    }
    for lang in [Lang::En, Lang::Nl, Lang::Ar] {
        let identical = all
            .iter()
            .filter(|k| !same_everywhere.contains(k) && t(lang, **k) == t(Lang::Fr, **k))
            .collect::<Vec<_>>();
        assert!(
            identical.len() <= tolerance,
            "{lang:?} repeats French for {identical:?}"
        );
    }
}

/// Replaces `{name}` placeholders in `template`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The catalogue key naming a role.
pub fn role_key(role: Role) -> Key {
    match role {
        Role::Admin => Key::RoleAdmin,
        Role::Coordinator => Key::RoleCoordinator,
        Role::Coach => Key::RoleCoach,
    }
}

/// The catalogue key naming a category.
pub fn category_key(c: Category) -> Key {
    match c {
        Category::Newcomer => Key::Newcomer,
        Category::Local => Key::Local,
    }
}

/// The catalogue key naming a programme.
pub fn programme_key(p: Programme) -> Key {
    match p {
        Programme::Interact => Key::ProgInteract,
        Programme::Duo2change => Key::ProgDuo2change,
        Programme::Training => Key::ProgTraining,
        Programme::Interlab => Key::ProgInterlab,
    }
}

/// The catalogue key naming a role in a programme.
pub fn programme_role_key(r: ProgrammeRole) -> Key {
    match r {
        ProgrammeRole::Participant => Key::PrParticipant,
        ProgrammeRole::WorkshopHost => Key::PrWorkshopHost,
        ProgrammeRole::DuoCandidate => Key::PrDuoCandidate,
        ProgrammeRole::Trainee => Key::PrTrainee,
        ProgrammeRole::Entrepreneur => Key::PrEntrepreneur,
        ProgrammeRole::Mentor => Key::PrMentor,
        ProgrammeRole::Facilitator => Key::PrFacilitator,
        ProgrammeRole::Volunteer => Key::PrVolunteer,
    }
}

/// The catalogue key naming a membership status.
pub fn membership_status_key(s: MembershipStatus) -> Key {
    match s {
        MembershipStatus::Applied => Key::MsApplied,
        MembershipStatus::Active => Key::MsActive,
        MembershipStatus::Paused => Key::MsPaused,
        MembershipStatus::Completed => Key::MsCompleted,
        MembershipStatus::Withdrawn => Key::MsWithdrawn,
    }
}

/// The catalogue key naming a level in a language.
pub fn language_level_key(l: LanguageLevel) -> Key {
    match l {
        LanguageLevel::Basic => Key::LevelBasic,
        LanguageLevel::Intermediate => Key::LevelIntermediate,
        LanguageLevel::Fluent => Key::LevelFluent,
        LanguageLevel::Native => Key::LevelNative,
    }
}

/// The catalogue key naming a contact channel.
pub fn channel_key(c: ContactChannel) -> Key {
    match c {
        ContactChannel::Email => Key::ChEmail,
        ContactChannel::Phone => Key::ChPhone,
        ContactChannel::Sms => Key::ChSms,
        ContactChannel::Whatsapp => Key::ChWhatsapp,
        ContactChannel::InPerson => Key::ChInPerson,
    }
}

/// The catalogue key naming how a tag relates to a person.
pub fn tag_kind_key(k: TagKind) -> Key {
    match k {
        TagKind::Passion => Key::KindPassion,
        TagKind::Skill => Key::KindSkill,
        TagKind::Interest => Key::KindInterest,
    }
}

/// The catalogue key naming a weekday.
pub fn weekday_key(d: Weekday) -> Key {
    match d {
        Weekday::Mon => Key::DayMon,
        Weekday::Tue => Key::DayTue,
        Weekday::Wed => Key::DayWed,
        Weekday::Thu => Key::DayThu,
        Weekday::Fri => Key::DayFri,
        Weekday::Sat => Key::DaySat,
        Weekday::Sun => Key::DaySun,
    }
}

/// The catalogue key naming a part of the day.
pub fn day_part_key(p: DayPart) -> Key {
    match p {
        DayPart::Morning => Key::Morning,
        DayPart::Afternoon => Key::Afternoon,
        DayPart::Evening => Key::Evening,
    }
}

/// The catalogue key naming a consent's purpose.
pub fn purpose_key(p: ConsentPurpose) -> Key {
    match p {
        ConsentPurpose::ProgrammeData => Key::PurposeProgrammeData,
        ConsentPurpose::Photos => Key::PurposePhotos,
        ConsentPurpose::Newsletter => Key::PurposeNewsletter,
        ConsentPurpose::PartnerSharing => Key::PurposePartnerSharing,
    }
}

/// The catalogue key naming how a consent was collected.
pub fn consent_method_key(m: ConsentMethod) -> Key {
    match m {
        ConsentMethod::WebForm => Key::MethodWebForm,
        ConsentMethod::PaperForm => Key::MethodPaperForm,
        ConsentMethod::Oral => Key::MethodOral,
    }
}

/// A tag's label in `lang`.
pub fn tag_label(tag: &shared::tags::Tag, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &tag.label_fr,
        Lang::En => &tag.label_en,
        Lang::Nl => &tag.label_nl,
        Lang::Ar => &tag.label_ar,
    }
}

/// Locale used for dates and numbers: Belgian variants where they exist.
pub fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr-BE",
        Lang::En => "en-GB",
        Lang::Nl => "nl-BE",
        Lang::Ar => "ar",
    }
}

fn fr(key: Key) -> &'static str {
    match key {
        Key::AppName => "Interra",
        Key::SkipToContent => "Aller au contenu",
        Key::MainNav => "Navigation principale",
        Key::Menu => "Menu",
        Key::Language => "Langue",
        Key::SignOut => "Se déconnecter",
        Key::Loading => "Chargement…",
        Key::RestoringSession => "Ouverture de votre session…",
        Key::Dismiss => "Fermer ce message",
        Key::Retry => "Réessayer",
        Key::ErrNetwork => "Le serveur ne répond pas. Vérifiez la connexion et réessayez.",
        Key::ErrUnexpected => "Une erreur inattendue s'est produite. Réessayez plus tard.",
        Key::SessionExpired => "Votre session a expiré. Reconnectez-vous pour continuer.",
        Key::SignedOut => "Vous êtes déconnecté·e.",
        Key::SignInTitle => "Connexion",
        Key::SignInIntro => "Connectez-vous avec votre compte Interra.",
        Key::Email => "Adresse e-mail",
        Key::Password => "Mot de passe",
        Key::SignIn => "Se connecter",
        Key::SigningIn => "Connexion…",
        Key::NavHome => "Accueil",
        Key::NavAdmin => "Administration",
        Key::HomeGreeting => "Bonjour, {name}",
        Key::YourAccount => "Votre compte",
        Key::Role => "Rôle",
        Key::Status => "Statut",
        Key::LastLogin => "Dernière connexion",
        Key::LastLoginAt => "Dernière connexion : {date}",
        Key::Never => "Jamais",
        Key::WhatYouCanDo => "Ce que vous pouvez faire",
        Key::ManageAccounts => "Gérer les comptes de l'équipe",
        Key::ManageAccountsHint => "Créer des comptes, changer les rôles, désactiver un accès.",
        Key::ChangeYourPassword => "Changer votre mot de passe",
        Key::ChangeYourPasswordHint => "Choisissez un mot de passe que vous seul·e connaissez.",
        Key::CurrentPassword => "Mot de passe actuel",
        Key::NewPassword => "Nouveau mot de passe",
        Key::PasswordHint => "Au moins 12 caractères.",
        Key::ChangePasswordSubmit => "Changer le mot de passe",
        Key::Saving => "Enregistrement…",
        Key::PasswordChanged => "Votre mot de passe a été changé.",
        Key::AccountsTitle => "Comptes de l'équipe",
        Key::AccountsIntro => "Les personnes qui peuvent se connecter à Interra, et leur rôle.",
        Key::Filters => "Filtrer les comptes",
        Key::Search => "Rechercher (nom ou e-mail)",
        Key::SearchSubmit => "Rechercher",
        Key::AllRoles => "Tous les rôles",
        Key::AllStatuses => "Tous les statuts",
        Key::Active => "Actif",
        Key::Inactive => "Désactivé",
        Key::AccountCount => "Comptes trouvés : {count}",
        Key::NoAccounts => "Aucun compte ne correspond à ces critères.",
        Key::PreviousPage => "Page précédente",
        Key::NextPage => "Page suivante",
        Key::PageOf => "Page {page} sur {pages}",
        Key::Pagination => "Pagination",
        Key::NewAccount => "Nouveau compte",
        Key::Cancel => "Annuler",
        Key::DisplayName => "Nom affiché",
        Key::InitialPassword => "Mot de passe initial",
        Key::CreateAccount => "Créer le compte",
        Key::Creating => "Création…",
        Key::AccountCreated => "Compte créé pour {email}.",
        Key::RoleOf => "Rôle de {name}",
        Key::SaveRole => "Enregistrer",
        Key::SaveRoleOf => "Enregistrer le rôle de {name}",
        Key::Deactivate => "Désactiver",
        Key::Reactivate => "Réactiver",
        Key::DeactivateNamed => "Désactiver le compte de {name}",
        Key::ReactivateNamed => "Réactiver le compte de {name}",
        Key::AccountUpdated => "Le compte de {name} a été mis à jour.",
        Key::You => "vous",
        Key::RoleAdmin => "Administration",
        Key::RoleCoordinator => "Coordination",
        Key::RoleCoach => "Coach",
        Key::ForbiddenTitle => "Accès réservé",
        Key::ForbiddenBody => "Votre rôle ne donne pas accès à cette page.",
        Key::NotFoundTitle => "Page introuvable",
        Key::NotFoundBody => "Cette adresse ne correspond à aucune page d'Interra.",
        Key::NavPeople => "Personnes",
        Key::PeopleTitle => "Personnes",
        Key::PeopleIntro => "Toutes les personnes qui participent aux programmes d'Interra.",
        Key::NewPerson => "Nouvelle personne",
        Key::ReviewQueue => "À vérifier",
        Key::ReviewQueueTitle => "Inscriptions à vérifier",
        Key::ReviewIntro => "Inscriptions publiques et doublons possibles : acceptez une personne distincte ou archivez la fiche.",
        Key::NothingToReview => "Rien à vérifier pour le moment.",
        Key::Category => "Catégorie",
        Key::AllCategories => "Toutes les catégories",
        Key::Newcomer => "Primo-arrivant·e",
        Key::Local => "Habitant·e de longue date",
        Key::Programme => "Programme",
        Key::AllProgrammes => "Tous les programmes",
        Key::ProgInteract => "InterAct",
        Key::ProgDuo2change => "Duo2Change",
        Key::ProgTraining => "Formations",
        Key::ProgInterlab => "InterLab",
        Key::FrenchLevel => "Niveau de français",
        Key::FrenchMin => "Français, au moins",
        Key::FrenchMax => "Français, au plus",
        Key::AnyLevel => "Tous niveaux",
        Key::Commune => "Commune",
        Key::ShowArchived => "Afficher les fiches archivées",
        Key::OnlyToReview => "Seulement les fiches à vérifier",
        Key::PeopleCount => "{count} personne(s)",
        Key::NoPeople => "Aucune personne ne correspond à ces critères.",
        Key::ClearFilters => "Effacer les filtres",
        Key::Archived => "Archivée",
        Key::Anonymised => "Anonymisée",
        Key::Identity => "Identité",
        Key::FirstName => "Prénom",
        Key::LastName => "Nom de famille",
        Key::PreferredName => "Nom d'usage",
        Key::ContactDetails => "Coordonnées",
        Key::Phone => "Téléphone",
        Key::PreferredChannel => "Moyen de contact préféré",
        Key::ChEmail => "Par e-mail",
        Key::ChPhone => "Par téléphone",
        Key::ChSms => "Par SMS",
        Key::ChWhatsapp => "Par WhatsApp",
        Key::ChInPerson => "En personne",
        Key::Street => "Rue et numéro",
        Key::Postcode => "Code postal",
        Key::Profile => "Profil",
        Key::DeclaredProfile => "Profil déclaré",
        Key::ArrivalYear => "Année d'arrivée en Belgique",
        Key::ComputedCategory => "Catégorie calculée (règle des 5 ans)",
        Key::CategoryOverride => "Catégorie imposée",
        Key::OverrideReason => "Motif de la catégorie imposée",
        Key::NoOverride => "Aucune : la règle s'applique",
        Key::BirthYear => "Année de naissance",
        Key::Gender => "Genre",
        Key::OriginRegion => "Région d'origine",
        Key::Languages => "Langues parlées",
        Key::LevelBasic => "Notions",
        Key::LevelIntermediate => "Intermédiaire",
        Key::LevelFluent => "Courant",
        Key::LevelNative => "Langue maternelle",
        Key::Tags => "Passions, savoir-faire et envies",
        Key::KindPassion => "Passion",
        Key::KindSkill => "Savoir-faire",
        Key::KindInterest => "Envie de découvrir",
        Key::Availability => "Disponibilités",
        Key::DayMon => "Lundi",
        Key::DayTue => "Mardi",
        Key::DayWed => "Mercredi",
        Key::DayThu => "Jeudi",
        Key::DayFri => "Vendredi",
        Key::DaySat => "Samedi",
        Key::DaySun => "Dimanche",
        Key::Morning => "Matin",
        Key::Afternoon => "Après-midi",
        Key::Evening => "Soir",
        Key::Presentation => "Présentation",
        Key::StaffNotes => "Notes de l'équipe",
        Key::Memberships => "Participation aux programmes",
        Key::PrParticipant => "Participant·e",
        Key::PrWorkshopHost => "Animateur·rice d'atelier",
        Key::PrDuoCandidate => "Candidat·e duo",
        Key::PrTrainee => "Stagiaire",
        Key::PrEntrepreneur => "Entrepreneur·e",
        Key::PrMentor => "Mentor·e",
        Key::PrFacilitator => "Facilitateur·rice",
        Key::PrVolunteer => "Bénévole",
        Key::MsApplied => "Candidature",
        Key::MsActive => "En cours",
        Key::MsPaused => "En pause",
        Key::MsCompleted => "Terminé",
        Key::MsWithdrawn => "Abandon",
        Key::MembershipDates => "du {start} au {end}",
        Key::MembershipSince => "depuis le {start}",
        Key::NoMemberships => "Aucune participation pour l'instant.",
        Key::Consents => "Consentements",
        Key::PurposeProgrammeData => "Traitement des données pour les programmes",
        Key::PurposePhotos => "Photos",
        Key::PurposeNewsletter => "Lettre d'information",
        Key::PurposePartnerSharing => "Partage avec un partenaire",
        Key::MethodWebForm => "formulaire en ligne",
        Key::MethodPaperForm => "formulaire papier",
        Key::MethodOral => "accord oral",
        Key::ConsentGiven => "Donné le {date} ({method}, notice {version})",
        Key::ConsentWithdrawn => "Retiré le {date}",
        Key::NoConsents => "Aucun consentement enregistré.",
        Key::Edit => "Modifier",
        Key::Archive => "Archiver",
        Key::Restore => "Restaurer",
        Key::ExportData => "Exporter ses données",
        Key::ExportDone => "Le fichier d'export a été téléchargé.",
        Key::Anonymise => "Anonymiser",
        Key::AnonymiseTitle => "Anonymiser cette personne",
        Key::AnonymiseWarning => "Efface définitivement les données qui identifient la personne et les textes libres. C'est irréversible.",
        Key::AnonymiseConfirmLabel => "Pour confirmer, tapez le mot « anonymise »",
        Key::AnonymiseSubmit => "Anonymiser définitivement",
        Key::AnonymiseDone => "La personne a été anonymisée.",
        Key::PersonArchived => "Fiche archivée.",
        Key::PersonRestored => "Fiche restaurée.",
        Key::PersonSaved => "Fiche enregistrée.",
        Key::BackToPeople => "Retour à la liste des personnes",
        Key::PossibleDuplicate => "Doublon possible d'une autre fiche.",
        Key::OpenOther => "Voir l'autre fiche",
        Key::NotProvided => "Non renseigné",
        Key::EditPerson => "Modifier la fiche",
        Key::Save => "Enregistrer",
        Key::ContactHint => "Au moins un e-mail ou un numéro de téléphone.",
        Key::DuplicateFound => "Une personne avec le même e-mail ou téléphone existe déjà.",
        Key::ConfirmDistinct => "C'est une autre personne : enregistrer quand même",
        Key::Accept => "Accepter",
        Key::AcceptNamed => "Accepter {name}",
        Key::ArchiveNamed => "Archiver {name}",
        Key::ReviewAccepted => "{name} a été acceptée.",
        Key::ReviewArchived => "{name} a été archivée.",
        Key::PersonNotFound => "Cette personne est introuvable.",
        Key::TagFilter => "Passion ou savoir-faire",
        Key::AllTags => "Tous les centres d'intérêt",
        Key::TagSearch => "Chercher un centre d'intérêt",
        Key::AddTag => "Ajouter {name}",
        Key::RemoveTag => "Retirer {name}",
        Key::TagKindOf => "Lien avec {name}",
        Key::NoTagMatch => "Aucun centre d'intérêt ne correspond.",
        Key::AddLanguage => "Ajouter une langue",
        Key::LanguageCode => "Langue (code ISO, ex. ar, uk, prs)",
        Key::LanguageLevelLabel => "Niveau dans cette langue",
        Key::RemoveLanguage => "Retirer cette langue",
        Key::AddMembership => "Ajouter une participation",
        Key::RoleInProgramme => "Rôle dans le programme",
        Key::MembershipState => "État de la participation",
        Key::MembershipAdded => "Participation ajoutée.",
        Key::AddConsent => "Enregistrer un consentement",
        Key::ConsentPurposeLabel => "Objet du consentement",
        Key::NoticeLanguage => "Langue de la notice de confidentialité montrée",
        Key::ConsentMethodLabel => "Recueilli par",
        Key::ConsentAdded => "Consentement enregistré.",
        Key::WithdrawNamed => "Retirer le consentement : {name}",
        Key::Withdraw => "Retirer",
        Key::ConsentWithdrawnDone => "Consentement retiré.",
        Key::BackHome => "Retour à l'accueil",
    }
}

fn en(key: Key) -> &'static str {
    match key {
        Key::AppName => "Interra",
        Key::SkipToContent => "Skip to content",
        Key::MainNav => "Main navigation",
        Key::Menu => "Menu",
        Key::Language => "Language",
        Key::SignOut => "Sign out",
        Key::Loading => "Loading…",
        Key::RestoringSession => "Opening your session…",
        Key::Dismiss => "Dismiss this message",
        Key::Retry => "Try again",
        Key::ErrNetwork => "The server is not answering. Check the connection and try again.",
        Key::ErrUnexpected => "Something unexpected went wrong. Please try again later.",
        Key::SessionExpired => "Your session has expired. Sign in again to continue.",
        Key::SignedOut => "You are signed out.",
        Key::SignInTitle => "Sign in",
        Key::SignInIntro => "Sign in with your Interra account.",
        Key::Email => "Email address",
        Key::Password => "Password",
        Key::SignIn => "Sign in",
        Key::SigningIn => "Signing in…",
        Key::NavHome => "Home",
        Key::NavAdmin => "Admin",
        Key::HomeGreeting => "Hello, {name}",
        Key::YourAccount => "Your account",
        Key::Role => "Role",
        Key::Status => "Status",
        Key::LastLogin => "Last sign-in",
        Key::LastLoginAt => "Last sign-in: {date}",
        Key::Never => "Never",
        Key::WhatYouCanDo => "What you can do",
        Key::ManageAccounts => "Manage the team's accounts",
        Key::ManageAccountsHint => "Create accounts, change roles, remove access.",
        Key::ChangeYourPassword => "Change your password",
        Key::ChangeYourPasswordHint => "Choose a password that only you know.",
        Key::CurrentPassword => "Current password",
        Key::NewPassword => "New password",
        Key::PasswordHint => "At least 12 characters.",
        Key::ChangePasswordSubmit => "Change password",
        Key::Saving => "Saving…",
        Key::PasswordChanged => "Your password has been changed.",
        Key::AccountsTitle => "Team accounts",
        Key::AccountsIntro => "The people who can sign in to Interra, and their role.",
        Key::Filters => "Filter accounts",
        Key::Search => "Search (name or email)",
        Key::SearchSubmit => "Search",
        Key::AllRoles => "All roles",
        Key::AllStatuses => "All statuses",
        Key::Active => "Active",
        Key::Inactive => "Deactivated",
        Key::AccountCount => "Accounts found: {count}",
        Key::NoAccounts => "No account matches these filters.",
        Key::PreviousPage => "Previous page",
        Key::NextPage => "Next page",
        Key::PageOf => "Page {page} of {pages}",
        Key::Pagination => "Pagination",
        Key::NewAccount => "New account",
        Key::Cancel => "Cancel",
        Key::DisplayName => "Display name",
        Key::InitialPassword => "Initial password",
        Key::CreateAccount => "Create account",
        Key::Creating => "Creating…",
        Key::AccountCreated => "Account created for {email}.",
        Key::RoleOf => "Role of {name}",
        Key::SaveRole => "Save",
        Key::SaveRoleOf => "Save the role of {name}",
        Key::Deactivate => "Deactivate",
        Key::Reactivate => "Reactivate",
        Key::DeactivateNamed => "Deactivate {name}'s account",
        Key::ReactivateNamed => "Reactivate {name}'s account",
        Key::AccountUpdated => "{name}'s account has been updated.",
        Key::You => "you",
        Key::RoleAdmin => "Admin",
        Key::RoleCoordinator => "Coordinator",
        Key::RoleCoach => "Coach",
        Key::ForbiddenTitle => "Restricted page",
        Key::ForbiddenBody => "Your role does not give access to this page.",
        Key::NotFoundTitle => "Page not found",
        Key::NotFoundBody => "This address does not match any page of Interra.",
        Key::NavPeople => "People",
        Key::PeopleTitle => "People",
        Key::PeopleIntro => "Everyone who takes part in Interra's programmes.",
        Key::NewPerson => "New person",
        Key::ReviewQueue => "To review",
        Key::ReviewQueueTitle => "Sign-ups to review",
        Key::ReviewIntro => "Public sign-ups and possible duplicates: accept a distinct person or archive the record.",
        Key::NothingToReview => "Nothing to review right now.",
        Key::Category => "Category",
        Key::AllCategories => "All categories",
        Key::Newcomer => "Newcomer",
        Key::Local => "Local resident",
        Key::Programme => "Programme",
        Key::AllProgrammes => "All programmes",
        Key::ProgInteract => "InterAct",
        Key::ProgDuo2change => "Duo2Change",
        Key::ProgTraining => "Trainings",
        Key::ProgInterlab => "InterLab",
        Key::FrenchLevel => "French level",
        Key::FrenchMin => "French, at least",
        Key::FrenchMax => "French, at most",
        Key::AnyLevel => "Any level",
        Key::Commune => "Municipality",
        Key::ShowArchived => "Show archived records",
        Key::OnlyToReview => "Only records to review",
        Key::PeopleCount => "{count} person(s)",
        Key::NoPeople => "No one matches these filters.",
        Key::ClearFilters => "Clear filters",
        Key::Archived => "Archived",
        Key::Anonymised => "Anonymised",
        Key::Identity => "Identity",
        Key::FirstName => "First name",
        Key::LastName => "Last name",
        Key::PreferredName => "Preferred name",
        Key::ContactDetails => "Contact details",
        Key::Phone => "Phone",
        Key::PreferredChannel => "Preferred contact channel",
        Key::ChEmail => "By email",
        Key::ChPhone => "By phone",
        Key::ChSms => "By text message",
        Key::ChWhatsapp => "On WhatsApp",
        Key::ChInPerson => "In person",
        Key::Street => "Street and number",
        Key::Postcode => "Postcode",
        Key::Profile => "Profile",
        Key::DeclaredProfile => "Declared profile",
        Key::ArrivalYear => "Year of arrival in Belgium",
        Key::ComputedCategory => "Computed category (5-year rule)",
        Key::CategoryOverride => "Category override",
        Key::OverrideReason => "Reason for the override",
        Key::NoOverride => "None: the rule applies",
        Key::BirthYear => "Year of birth",
        Key::Gender => "Gender",
        Key::OriginRegion => "Region of origin",
        Key::Languages => "Languages spoken",
        Key::LevelBasic => "Basic",
        Key::LevelIntermediate => "Intermediate",
        Key::LevelFluent => "Fluent",
        Key::LevelNative => "Native",
        Key::Tags => "Passions, skills and interests",
        Key::KindPassion => "Passion",
        Key::KindSkill => "Skill",
        Key::KindInterest => "Would like to discover",
        Key::Availability => "Availability",
        Key::DayMon => "Monday",
        Key::DayTue => "Tuesday",
        Key::DayWed => "Wednesday",
        Key::DayThu => "Thursday",
        Key::DayFri => "Friday",
        Key::DaySat => "Saturday",
        Key::DaySun => "Sunday",
        Key::Morning => "Morning",
        Key::Afternoon => "Afternoon",
        Key::Evening => "Evening",
        Key::Presentation => "About them",
        Key::StaffNotes => "Staff notes",
        Key::Memberships => "Programme memberships",
        Key::PrParticipant => "Participant",
        Key::PrWorkshopHost => "Workshop host",
        Key::PrDuoCandidate => "Duo candidate",
        Key::PrTrainee => "Trainee",
        Key::PrEntrepreneur => "Entrepreneur",
        Key::PrMentor => "Mentor",
        Key::PrFacilitator => "Facilitator",
        Key::PrVolunteer => "Volunteer",
        Key::MsApplied => "Applied",
        Key::MsActive => "Active",
        Key::MsPaused => "Paused",
        Key::MsCompleted => "Completed",
        Key::MsWithdrawn => "Withdrawn",
        Key::MembershipDates => "from {start} to {end}",
        Key::MembershipSince => "since {start}",
        Key::NoMemberships => "No programme yet.",
        Key::Consents => "Consents",
        Key::PurposeProgrammeData => "Data processing for the programmes",
        Key::PurposePhotos => "Photos",
        Key::PurposeNewsletter => "Newsletter",
        Key::PurposePartnerSharing => "Sharing with a partner",
        Key::MethodWebForm => "online form",
        Key::MethodPaperForm => "paper form",
        Key::MethodOral => "spoken agreement",
        Key::ConsentGiven => "Given on {date} ({method}, notice {version})",
        Key::ConsentWithdrawn => "Withdrawn on {date}",
        Key::NoConsents => "No consent recorded.",
        Key::Edit => "Edit",
        Key::Archive => "Archive",
        Key::Restore => "Restore",
        Key::ExportData => "Export their data",
        Key::ExportDone => "The export file was downloaded.",
        Key::Anonymise => "Anonymise",
        Key::AnonymiseTitle => "Anonymise this person",
        Key::AnonymiseWarning => "Permanently wipes the data that identifies the person and all free text. This cannot be undone.",
        Key::AnonymiseConfirmLabel => "To confirm, type the word “anonymise”",
        Key::AnonymiseSubmit => "Anonymise permanently",
        Key::AnonymiseDone => "The person was anonymised.",
        Key::PersonArchived => "Record archived.",
        Key::PersonRestored => "Record restored.",
        Key::PersonSaved => "Record saved.",
        Key::BackToPeople => "Back to the list of people",
        Key::PossibleDuplicate => "Possible duplicate of another record.",
        Key::OpenOther => "See the other record",
        Key::NotProvided => "Not provided",
        Key::EditPerson => "Edit the record",
        Key::Save => "Save",
        Key::ContactHint => "At least an email or a phone number.",
        Key::DuplicateFound => "Someone with the same email or phone already exists.",
        Key::ConfirmDistinct => "This is a different person: save anyway",
        Key::Accept => "Accept",
        Key::AcceptNamed => "Accept {name}",
        Key::ArchiveNamed => "Archive {name}",
        Key::ReviewAccepted => "{name} was accepted.",
        Key::ReviewArchived => "{name} was archived.",
        Key::PersonNotFound => "This person cannot be found.",
        Key::TagFilter => "Passion or skill",
        Key::AllTags => "All interests",
        Key::TagSearch => "Find an interest",
        Key::AddTag => "Add {name}",
        Key::RemoveTag => "Remove {name}",
        Key::TagKindOf => "How {name} relates",
        Key::NoTagMatch => "No interest matches.",
        Key::AddLanguage => "Add a language",
        Key::LanguageCode => "Language (ISO code, e.g. ar, uk, prs)",
        Key::LanguageLevelLabel => "Level in this language",
        Key::RemoveLanguage => "Remove this language",
        Key::AddMembership => "Add a programme membership",
        Key::RoleInProgramme => "Role in the programme",
        Key::MembershipState => "Membership state",
        Key::MembershipAdded => "Membership added.",
        Key::AddConsent => "Record a consent",
        Key::ConsentPurposeLabel => "Purpose of the consent",
        Key::NoticeLanguage => "Language of the privacy notice shown",
        Key::ConsentMethodLabel => "Collected through",
        Key::ConsentAdded => "Consent recorded.",
        Key::WithdrawNamed => "Withdraw consent: {name}",
        Key::Withdraw => "Withdraw",
        Key::ConsentWithdrawnDone => "Consent withdrawn.",
        Key::BackHome => "Back to home",
    }
}

fn nl(key: Key) -> &'static str {
    match key {
        Key::AppName => "Interra",
        Key::SkipToContent => "Naar de inhoud",
        Key::MainNav => "Hoofdnavigatie",
        Key::Menu => "Menu",
        Key::Language => "Taal",
        Key::SignOut => "Afmelden",
        Key::Loading => "Laden…",
        Key::RestoringSession => "Uw sessie wordt geopend…",
        Key::Dismiss => "Dit bericht sluiten",
        Key::Retry => "Opnieuw proberen",
        Key::ErrNetwork => "De server antwoordt niet. Controleer de verbinding en probeer opnieuw.",
        Key::ErrUnexpected => "Er ging iets onverwachts mis. Probeer het later opnieuw.",
        Key::SessionExpired => "Uw sessie is verlopen. Meld u opnieuw aan om verder te gaan.",
        Key::SignedOut => "U bent afgemeld.",
        Key::SignInTitle => "Aanmelden",
        Key::SignInIntro => "Meld u aan met uw Interra-account.",
        Key::Email => "E-mailadres",
        Key::Password => "Wachtwoord",
        Key::SignIn => "Aanmelden",
        Key::SigningIn => "Aanmelden…",
        Key::NavHome => "Start",
        Key::NavAdmin => "Beheer",
        Key::HomeGreeting => "Hallo, {name}",
        Key::YourAccount => "Uw account",
        Key::Role => "Rol",
        Key::Status => "Status",
        Key::LastLogin => "Laatste aanmelding",
        Key::LastLoginAt => "Laatste aanmelding: {date}",
        Key::Never => "Nooit",
        Key::WhatYouCanDo => "Wat u kunt doen",
        Key::ManageAccounts => "De accounts van het team beheren",
        Key::ManageAccountsHint => "Accounts aanmaken, rollen wijzigen, toegang intrekken.",
        Key::ChangeYourPassword => "Uw wachtwoord wijzigen",
        Key::ChangeYourPasswordHint => "Kies een wachtwoord dat alleen u kent.",
        Key::CurrentPassword => "Huidig wachtwoord",
        Key::NewPassword => "Nieuw wachtwoord",
        Key::PasswordHint => "Minstens 12 tekens.",
        Key::ChangePasswordSubmit => "Wachtwoord wijzigen",
        Key::Saving => "Opslaan…",
        Key::PasswordChanged => "Uw wachtwoord is gewijzigd.",
        Key::AccountsTitle => "Accounts van het team",
        Key::AccountsIntro => "Wie zich bij Interra kan aanmelden, en met welke rol.",
        Key::Filters => "Accounts filteren",
        Key::Search => "Zoeken (naam of e-mail)",
        Key::SearchSubmit => "Zoeken",
        Key::AllRoles => "Alle rollen",
        Key::AllStatuses => "Alle statussen",
        Key::Active => "Actief",
        Key::Inactive => "Gedeactiveerd",
        Key::AccountCount => "Gevonden accounts: {count}",
        Key::NoAccounts => "Geen enkel account voldoet aan deze filters.",
        Key::PreviousPage => "Vorige pagina",
        Key::NextPage => "Volgende pagina",
        Key::PageOf => "Pagina {page} van {pages}",
        Key::Pagination => "Paginering",
        Key::NewAccount => "Nieuw account",
        Key::Cancel => "Annuleren",
        Key::DisplayName => "Weergavenaam",
        Key::InitialPassword => "Eerste wachtwoord",
        Key::CreateAccount => "Account aanmaken",
        Key::Creating => "Aanmaken…",
        Key::AccountCreated => "Account aangemaakt voor {email}.",
        Key::RoleOf => "Rol van {name}",
        Key::SaveRole => "Opslaan",
        Key::SaveRoleOf => "De rol van {name} opslaan",
        Key::Deactivate => "Deactiveren",
        Key::Reactivate => "Heractiveren",
        Key::DeactivateNamed => "Het account van {name} deactiveren",
        Key::ReactivateNamed => "Het account van {name} heractiveren",
        Key::AccountUpdated => "Het account van {name} is bijgewerkt.",
        Key::You => "u",
        Key::RoleAdmin => "Beheerder",
        Key::RoleCoordinator => "Coördinator",
        Key::RoleCoach => "Coach",
        Key::ForbiddenTitle => "Beperkte toegang",
        Key::ForbiddenBody => "Uw rol geeft geen toegang tot deze pagina.",
        Key::NotFoundTitle => "Pagina niet gevonden",
        Key::NotFoundBody => "Dit adres komt met geen enkele pagina van Interra overeen.",
        Key::NavPeople => "Personen",
        Key::PeopleTitle => "Personen",
        Key::PeopleIntro => "Iedereen die deelneemt aan de programma's van Interra.",
        Key::NewPerson => "Nieuwe persoon",
        Key::ReviewQueue => "Te controleren",
        Key::ReviewQueueTitle => "Te controleren aanmeldingen",
        Key::ReviewIntro => "Publieke aanmeldingen en mogelijke dubbels: aanvaard een aparte persoon of archiveer de fiche.",
        Key::NothingToReview => "Momenteel niets te controleren.",
        Key::Category => "Categorie",
        Key::AllCategories => "Alle categorieën",
        Key::Newcomer => "Nieuwkomer",
        Key::Local => "Lokale inwoner",
        Key::Programme => "Programma",
        Key::AllProgrammes => "Alle programma's",
        Key::ProgInteract => "InterAct",
        Key::ProgDuo2change => "Duo2Change",
        Key::ProgTraining => "Opleidingen",
        Key::ProgInterlab => "InterLab",
        Key::FrenchLevel => "Niveau Frans",
        Key::FrenchMin => "Frans, minstens",
        Key::FrenchMax => "Frans, hoogstens",
        Key::AnyLevel => "Elk niveau",
        Key::Commune => "Gemeente",
        Key::ShowArchived => "Gearchiveerde fiches tonen",
        Key::OnlyToReview => "Alleen te controleren fiches",
        Key::PeopleCount => "{count} perso(o)n(en)",
        Key::NoPeople => "Niemand voldoet aan deze filters.",
        Key::ClearFilters => "Filters wissen",
        Key::Archived => "Gearchiveerd",
        Key::Anonymised => "Geanonimiseerd",
        Key::Identity => "Identiteit",
        Key::FirstName => "Voornaam",
        Key::LastName => "Achternaam",
        Key::PreferredName => "Roepnaam",
        Key::ContactDetails => "Contactgegevens",
        Key::Phone => "Telefoon",
        Key::PreferredChannel => "Voorkeurskanaal",
        Key::ChEmail => "Per e-mail",
        Key::ChPhone => "Telefonisch",
        Key::ChSms => "Per sms",
        Key::ChWhatsapp => "Via WhatsApp",
        Key::ChInPerson => "Persoonlijk",
        Key::Street => "Straat en nummer",
        Key::Postcode => "Postcode",
        Key::Profile => "Profiel",
        Key::DeclaredProfile => "Opgegeven profiel",
        Key::ArrivalYear => "Jaar van aankomst in België",
        Key::ComputedCategory => "Berekende categorie (5-jarenregel)",
        Key::CategoryOverride => "Opgelegde categorie",
        Key::OverrideReason => "Reden van de opgelegde categorie",
        Key::NoOverride => "Geen: de regel geldt",
        Key::BirthYear => "Geboortejaar",
        Key::Gender => "Gender",
        Key::OriginRegion => "Regio van herkomst",
        Key::Languages => "Gesproken talen",
        Key::LevelBasic => "Basis",
        Key::LevelIntermediate => "Gemiddeld",
        Key::LevelFluent => "Vloeiend",
        Key::LevelNative => "Moedertaal",
        Key::Tags => "Passies, vaardigheden en interesses",
        Key::KindPassion => "Passie",
        Key::KindSkill => "Vaardigheid",
        Key::KindInterest => "Wil ontdekken",
        Key::Availability => "Beschikbaarheid",
        Key::DayMon => "Maandag",
        Key::DayTue => "Dinsdag",
        Key::DayWed => "Woensdag",
        Key::DayThu => "Donderdag",
        Key::DayFri => "Vrijdag",
        Key::DaySat => "Zaterdag",
        Key::DaySun => "Zondag",
        Key::Morning => "Ochtend",
        Key::Afternoon => "Namiddag",
        Key::Evening => "Avond",
        Key::Presentation => "Voorstelling",
        Key::StaffNotes => "Notities van het team",
        Key::Memberships => "Deelname aan programma's",
        Key::PrParticipant => "Deelnemer",
        Key::PrWorkshopHost => "Workshopbegeleider",
        Key::PrDuoCandidate => "Duokandidaat",
        Key::PrTrainee => "Cursist",
        Key::PrEntrepreneur => "Ondernemer",
        Key::PrMentor => "Mentor",
        Key::PrFacilitator => "Facilitator",
        Key::PrVolunteer => "Vrijwilliger",
        Key::MsApplied => "Aangemeld",
        Key::MsActive => "Lopend",
        Key::MsPaused => "Gepauzeerd",
        Key::MsCompleted => "Afgerond",
        Key::MsWithdrawn => "Gestopt",
        Key::MembershipDates => "van {start} tot {end}",
        Key::MembershipSince => "sinds {start}",
        Key::NoMemberships => "Nog geen programma.",
        Key::Consents => "Toestemmingen",
        Key::PurposeProgrammeData => "Gegevensverwerking voor de programma's",
        Key::PurposePhotos => "Foto's",
        Key::PurposeNewsletter => "Nieuwsbrief",
        Key::PurposePartnerSharing => "Delen met een partner",
        Key::MethodWebForm => "onlineformulier",
        Key::MethodPaperForm => "papieren formulier",
        Key::MethodOral => "mondeling akkoord",
        Key::ConsentGiven => "Gegeven op {date} ({method}, verklaring {version})",
        Key::ConsentWithdrawn => "Ingetrokken op {date}",
        Key::NoConsents => "Geen toestemming geregistreerd.",
        Key::Edit => "Bewerken",
        Key::Archive => "Archiveren",
        Key::Restore => "Herstellen",
        Key::ExportData => "Gegevens exporteren",
        Key::ExportDone => "Het exportbestand is gedownload.",
        Key::Anonymise => "Anonimiseren",
        Key::AnonymiseTitle => "Deze persoon anonimiseren",
        Key::AnonymiseWarning => "Wist de gegevens die de persoon identificeren en alle vrije tekst definitief. Dit kan niet ongedaan worden gemaakt.",
        Key::AnonymiseConfirmLabel => "Typ het woord „anonymise” om te bevestigen",
        Key::AnonymiseSubmit => "Definitief anonimiseren",
        Key::AnonymiseDone => "De persoon is geanonimiseerd.",
        Key::PersonArchived => "Fiche gearchiveerd.",
        Key::PersonRestored => "Fiche hersteld.",
        Key::PersonSaved => "Fiche opgeslagen.",
        Key::BackToPeople => "Terug naar de lijst met personen",
        Key::PossibleDuplicate => "Mogelijk dubbel van een andere fiche.",
        Key::OpenOther => "Andere fiche bekijken",
        Key::NotProvided => "Niet ingevuld",
        Key::EditPerson => "Fiche bewerken",
        Key::Save => "Opslaan",
        Key::ContactHint => "Minstens een e-mailadres of telefoonnummer.",
        Key::DuplicateFound => "Er bestaat al iemand met hetzelfde e-mailadres of telefoonnummer.",
        Key::ConfirmDistinct => "Dit is een andere persoon: toch opslaan",
        Key::Accept => "Aanvaarden",
        Key::AcceptNamed => "{name} aanvaarden",
        Key::ArchiveNamed => "{name} archiveren",
        Key::ReviewAccepted => "{name} is aanvaard.",
        Key::ReviewArchived => "{name} is gearchiveerd.",
        Key::PersonNotFound => "Deze persoon is niet gevonden.",
        Key::TagFilter => "Passie of vaardigheid",
        Key::AllTags => "Alle interesses",
        Key::TagSearch => "Een interesse zoeken",
        Key::AddTag => "{name} toevoegen",
        Key::RemoveTag => "{name} verwijderen",
        Key::TagKindOf => "Soort voor {name}",
        Key::NoTagMatch => "Geen interesse gevonden.",
        Key::AddLanguage => "Een taal toevoegen",
        Key::LanguageCode => "Taal (ISO-code, bv. ar, uk, prs)",
        Key::LanguageLevelLabel => "Taalniveau",
        Key::RemoveLanguage => "Deze taal verwijderen",
        Key::AddMembership => "Deelname toevoegen",
        Key::RoleInProgramme => "Rol in het programma",
        Key::MembershipState => "Stand van de deelname",
        Key::MembershipAdded => "Deelname toegevoegd.",
        Key::AddConsent => "Toestemming registreren",
        Key::ConsentPurposeLabel => "Doel van de toestemming",
        Key::NoticeLanguage => "Taal van de getoonde privacyverklaring",
        Key::ConsentMethodLabel => "Verzameld via",
        Key::ConsentAdded => "Toestemming geregistreerd.",
        Key::WithdrawNamed => "Toestemming intrekken: {name}",
        Key::Withdraw => "Intrekken",
        Key::ConsentWithdrawnDone => "Toestemming ingetrokken.",
        Key::BackHome => "Terug naar start",
    }
}

fn ar(key: Key) -> &'static str {
    match key {
        Key::AppName => "إنتيرا",
        Key::SkipToContent => "انتقل إلى المحتوى",
        Key::MainNav => "التنقل الرئيسي",
        Key::Menu => "القائمة",
        Key::Language => "اللغة",
        Key::SignOut => "تسجيل الخروج",
        Key::Loading => "جارٍ التحميل…",
        Key::RestoringSession => "جارٍ فتح جلستك…",
        Key::Dismiss => "إغلاق هذه الرسالة",
        Key::Retry => "إعادة المحاولة",
        Key::ErrNetwork => "الخادم لا يستجيب. تحقق من الاتصال وحاول مرة أخرى.",
        Key::ErrUnexpected => "حدث خطأ غير متوقع. يرجى المحاولة لاحقًا.",
        Key::SessionExpired => "انتهت صلاحية جلستك. سجّل الدخول مرة أخرى للمتابعة.",
        Key::SignedOut => "لقد سجّلت الخروج.",
        Key::SignInTitle => "تسجيل الدخول",
        Key::SignInIntro => "سجّل الدخول بحسابك في إنتيرا.",
        Key::Email => "البريد الإلكتروني",
        Key::Password => "كلمة المرور",
        Key::SignIn => "تسجيل الدخول",
        Key::SigningIn => "جارٍ تسجيل الدخول…",
        Key::NavHome => "الرئيسية",
        Key::NavAdmin => "الإدارة",
        Key::HomeGreeting => "مرحبًا، {name}",
        Key::YourAccount => "حسابك",
        Key::Role => "الدور",
        Key::Status => "الحالة",
        Key::LastLogin => "آخر تسجيل دخول",
        Key::LastLoginAt => "آخر تسجيل دخول: {date}",
        Key::Never => "أبدًا",
        Key::WhatYouCanDo => "ما يمكنك فعله",
        Key::ManageAccounts => "إدارة حسابات الفريق",
        Key::ManageAccountsHint => "إنشاء الحسابات وتغيير الأدوار وإلغاء الوصول.",
        Key::ChangeYourPassword => "تغيير كلمة المرور",
        Key::ChangeYourPasswordHint => "اختر كلمة مرور لا يعرفها أحد غيرك.",
        Key::CurrentPassword => "كلمة المرور الحالية",
        Key::NewPassword => "كلمة المرور الجديدة",
        Key::PasswordHint => "12 حرفًا على الأقل.",
        Key::ChangePasswordSubmit => "تغيير كلمة المرور",
        Key::Saving => "جارٍ الحفظ…",
        Key::PasswordChanged => "تم تغيير كلمة المرور.",
        Key::AccountsTitle => "حسابات الفريق",
        Key::AccountsIntro => "الأشخاص الذين يمكنهم تسجيل الدخول إلى إنتيرا، وأدوارهم.",
        Key::Filters => "تصفية الحسابات",
        Key::Search => "بحث (الاسم أو البريد الإلكتروني)",
        Key::SearchSubmit => "بحث",
        Key::AllRoles => "كل الأدوار",
        Key::AllStatuses => "كل الحالات",
        Key::Active => "نشط",
        Key::Inactive => "معطّل",
        Key::AccountCount => "الحسابات الموجودة: {count}",
        Key::NoAccounts => "لا يوجد حساب يطابق هذه المعايير.",
        Key::PreviousPage => "الصفحة السابقة",
        Key::NextPage => "الصفحة التالية",
        Key::PageOf => "الصفحة {page} من {pages}",
        Key::Pagination => "ترقيم الصفحات",
        Key::NewAccount => "حساب جديد",
        Key::Cancel => "إلغاء",
        Key::DisplayName => "الاسم المعروض",
        Key::InitialPassword => "كلمة المرور الأولى",
        Key::CreateAccount => "إنشاء الحساب",
        Key::Creating => "جارٍ الإنشاء…",
        Key::AccountCreated => "تم إنشاء حساب لـ {email}.",
        Key::RoleOf => "دور {name}",
        Key::SaveRole => "حفظ",
        Key::SaveRoleOf => "حفظ دور {name}",
        Key::Deactivate => "تعطيل",
        Key::Reactivate => "إعادة التفعيل",
        Key::DeactivateNamed => "تعطيل حساب {name}",
        Key::ReactivateNamed => "إعادة تفعيل حساب {name}",
        Key::AccountUpdated => "تم تحديث حساب {name}.",
        Key::You => "أنت",
        Key::RoleAdmin => "مسؤول",
        Key::RoleCoordinator => "منسّق",
        Key::RoleCoach => "مرافق",
        Key::ForbiddenTitle => "صفحة محظورة",
        Key::ForbiddenBody => "دورك لا يسمح بالوصول إلى هذه الصفحة.",
        Key::NotFoundTitle => "الصفحة غير موجودة",
        Key::NotFoundBody => "هذا العنوان لا يطابق أي صفحة في إنتيرا.",
        Key::NavPeople => "الأشخاص",
        Key::PeopleTitle => "الأشخاص",
        Key::PeopleIntro => "كل من يشارك في برامج إنترا.",
        Key::NewPerson => "شخص جديد",
        Key::ReviewQueue => "للمراجعة",
        Key::ReviewQueueTitle => "تسجيلات للمراجعة",
        Key::ReviewIntro => {
            "التسجيلات العامة والنسخ المكررة المحتملة: اقبل شخصًا مختلفًا أو أرشف السجل."
        }
        Key::NothingToReview => "لا شيء للمراجعة حاليًا.",
        Key::Category => "الفئة",
        Key::AllCategories => "كل الفئات",
        Key::Newcomer => "وافد جديد",
        Key::Local => "مقيم محلي",
        Key::Programme => "البرنامج",
        Key::AllProgrammes => "كل البرامج",
        Key::ProgInteract => "InterAct",
        Key::ProgDuo2change => "Duo2Change",
        Key::ProgTraining => "التكوينات",
        Key::ProgInterlab => "InterLab",
        Key::FrenchLevel => "مستوى الفرنسية",
        Key::FrenchMin => "الفرنسية، على الأقل",
        Key::FrenchMax => "الفرنسية، على الأكثر",
        Key::AnyLevel => "أي مستوى",
        Key::Commune => "البلدية",
        Key::ShowArchived => "عرض السجلات المؤرشفة",
        Key::OnlyToReview => "السجلات التي تحتاج إلى مراجعة فقط",
        Key::PeopleCount => "عدد الأشخاص: {count}",
        Key::NoPeople => "لا أحد يطابق هذه المعايير.",
        Key::ClearFilters => "مسح المعايير",
        Key::Archived => "مؤرشف",
        Key::Anonymised => "مجهول الهوية",
        Key::Identity => "الهوية",
        Key::FirstName => "الاسم الأول",
        Key::LastName => "اسم العائلة",
        Key::PreferredName => "الاسم المفضل",
        Key::ContactDetails => "معلومات الاتصال",
        Key::Phone => "الهاتف",
        Key::PreferredChannel => "وسيلة الاتصال المفضلة",
        Key::ChEmail => "عبر البريد الإلكتروني",
        Key::ChPhone => "عبر الهاتف",
        Key::ChSms => "عبر رسالة نصية",
        Key::ChWhatsapp => "عبر واتساب",
        Key::ChInPerson => "شخصيًا",
        Key::Street => "الشارع والرقم",
        Key::Postcode => "الرمز البريدي",
        Key::Profile => "الملف الشخصي",
        Key::DeclaredProfile => "الملف المصرح به",
        Key::ArrivalYear => "سنة الوصول إلى بلجيكا",
        Key::ComputedCategory => "الفئة المحسوبة (قاعدة السنوات الخمس)",
        Key::CategoryOverride => "فئة مفروضة",
        Key::OverrideReason => "سبب الفئة المفروضة",
        Key::NoOverride => "لا شيء: تُطبَّق القاعدة",
        Key::BirthYear => "سنة الميلاد",
        Key::Gender => "الجنس",
        Key::OriginRegion => "منطقة الأصل",
        Key::Languages => "اللغات المحكية",
        Key::LevelBasic => "أساسي",
        Key::LevelIntermediate => "متوسط",
        Key::LevelFluent => "بطلاقة",
        Key::LevelNative => "اللغة الأم",
        Key::Tags => "الشغف والمهارات والاهتمامات",
        Key::KindPassion => "شغف",
        Key::KindSkill => "مهارة",
        Key::KindInterest => "يرغب في الاكتشاف",
        Key::Availability => "أوقات التوفر",
        Key::DayMon => "الاثنين",
        Key::DayTue => "الثلاثاء",
        Key::DayWed => "الأربعاء",
        Key::DayThu => "الخميس",
        Key::DayFri => "الجمعة",
        Key::DaySat => "السبت",
        Key::DaySun => "الأحد",
        Key::Morning => "الصباح",
        Key::Afternoon => "بعد الظهر",
        Key::Evening => "المساء",
        Key::Presentation => "تقديم شخصي",
        Key::StaffNotes => "ملاحظات الفريق",
        Key::Memberships => "المشاركة في البرامج",
        Key::PrParticipant => "مشارك",
        Key::PrWorkshopHost => "منشط ورشة",
        Key::PrDuoCandidate => "مرشح للثنائي",
        Key::PrTrainee => "متدرب",
        Key::PrEntrepreneur => "رائد أعمال",
        Key::PrMentor => "مرشد",
        Key::PrFacilitator => "ميسّر",
        Key::PrVolunteer => "متطوع",
        Key::MsApplied => "قدّم طلبًا",
        Key::MsActive => "جارٍ",
        Key::MsPaused => "متوقف مؤقتًا",
        Key::MsCompleted => "مكتمل",
        Key::MsWithdrawn => "انسحب",
        Key::MembershipDates => "من {start} إلى {end}",
        Key::MembershipSince => "منذ {start}",
        Key::NoMemberships => "لا مشاركة بعد.",
        Key::Consents => "الموافقات",
        Key::PurposeProgrammeData => "معالجة البيانات للبرامج",
        Key::PurposePhotos => "الصور",
        Key::PurposeNewsletter => "النشرة الإخبارية",
        Key::PurposePartnerSharing => "المشاركة مع شريك",
        Key::MethodWebForm => "استمارة إلكترونية",
        Key::MethodPaperForm => "استمارة ورقية",
        Key::MethodOral => "موافقة شفهية",
        Key::ConsentGiven => "أُعطيت في {date} ({method}، الإشعار {version})",
        Key::ConsentWithdrawn => "سُحبت في {date}",
        Key::NoConsents => "لا توجد موافقة مسجلة.",
        Key::Edit => "تعديل",
        Key::Archive => "أرشفة",
        Key::Restore => "استعادة",
        Key::ExportData => "تصدير بياناته",
        Key::ExportDone => "تم تنزيل ملف التصدير.",
        Key::Anonymise => "إخفاء الهوية",
        Key::AnonymiseTitle => "إخفاء هوية هذا الشخص",
        Key::AnonymiseWarning => {
            "يمحو نهائيًا البيانات التي تعرّف بالشخص وكل النصوص الحرة. لا يمكن التراجع عن ذلك."
        }
        Key::AnonymiseConfirmLabel => "للتأكيد، اكتب كلمة «anonymise»",
        Key::AnonymiseSubmit => "إخفاء الهوية نهائيًا",
        Key::AnonymiseDone => "تم إخفاء هوية الشخص.",
        Key::PersonArchived => "تمت أرشفة السجل.",
        Key::PersonRestored => "تمت استعادة السجل.",
        Key::PersonSaved => "تم حفظ السجل.",
        Key::BackToPeople => "العودة إلى قائمة الأشخاص",
        Key::PossibleDuplicate => "نسخة مكررة محتملة لسجل آخر.",
        Key::OpenOther => "عرض السجل الآخر",
        Key::NotProvided => "غير محدد",
        Key::EditPerson => "تعديل السجل",
        Key::Save => "حفظ",
        Key::ContactHint => "بريد إلكتروني أو رقم هاتف على الأقل.",
        Key::DuplicateFound => "يوجد بالفعل شخص بنفس البريد الإلكتروني أو الهاتف.",
        Key::ConfirmDistinct => "هذا شخص مختلف: احفظ على أي حال",
        Key::Accept => "قبول",
        Key::AcceptNamed => "قبول {name}",
        Key::ArchiveNamed => "أرشفة {name}",
        Key::ReviewAccepted => "تم قبول {name}.",
        Key::ReviewArchived => "تمت أرشفة {name}.",
        Key::PersonNotFound => "تعذر العثور على هذا الشخص.",
        Key::TagFilter => "شغف أو مهارة",
        Key::AllTags => "كل الاهتمامات",
        Key::TagSearch => "ابحث عن اهتمام",
        Key::AddTag => "إضافة {name}",
        Key::RemoveTag => "إزالة {name}",
        Key::TagKindOf => "نوع {name}",
        Key::NoTagMatch => "لا يوجد اهتمام مطابق.",
        Key::AddLanguage => "إضافة لغة",
        Key::LanguageCode => "اللغة (رمز ISO، مثل ar وuk وprs)",
        Key::LanguageLevelLabel => "المستوى في هذه اللغة",
        Key::RemoveLanguage => "إزالة هذه اللغة",
        Key::AddMembership => "إضافة مشاركة",
        Key::RoleInProgramme => "الدور في البرنامج",
        Key::MembershipState => "حالة المشاركة",
        Key::MembershipAdded => "تمت إضافة المشاركة.",
        Key::AddConsent => "تسجيل موافقة",
        Key::ConsentPurposeLabel => "غرض الموافقة",
        Key::NoticeLanguage => "لغة إشعار الخصوصية المعروض",
        Key::ConsentMethodLabel => "طريقة الجمع",
        Key::ConsentAdded => "تم تسجيل الموافقة.",
        Key::WithdrawNamed => "سحب الموافقة: {name}",
        Key::Withdraw => "سحب",
        Key::ConsentWithdrawnDone => "تم سحب الموافقة.",
        Key::BackHome => "العودة إلى الرئيسية",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn all_lists_every_key_once_in_order() {
        assert_eq!(Key::ALL.len(), Key::BackHome as usize + 1);
        for (i, key) in Key::ALL.iter().enumerate() {
            assert_eq!(*key as usize, i, "{key:?} out of place in Key::ALL");
        }
    }

    #[test]
    fn every_message_is_translated_and_not_empty() {
        for lang in Lang::ALL {
            for key in Key::ALL {
                let s = t(lang, key);
                assert!(!s.trim().is_empty(), "{lang:?} {key:?} is empty");
            }
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        for key in Key::ALL {
            let reference = placeholders(t(Lang::Fr, key));
            for lang in Lang::ALL {
                assert_eq!(
                    placeholders(t(lang, key)),
                    reference,
                    "{lang:?} {key:?} has different placeholders"
                );
            }
        }
    }

    #[test]
    fn other_languages_really_are_translated() {
        // Catches copy-paste: apart from names and loanwords, a language must differ from French.
        let same_everywhere = [
            Key::AppName,
            Key::Menu,
            Key::RoleCoach,
            Key::Status,
            // Programme names, and words that are the same in French and English.
            Key::ProgInteract,
            Key::ProgDuo2change,
            Key::ProgInterlab,
            Key::Programme,
            Key::KindPassion,
            Key::PurposePhotos,
        ];
        for lang in [Lang::En, Lang::Nl, Lang::Ar] {
            let identical = Key::ALL
                .into_iter()
                .filter(|k| !same_everywhere.contains(k) && t(lang, *k) == t(Lang::Fr, *k))
                .collect::<Vec<_>>();
            assert!(
                identical.len() <= 2,
                "{lang:?} repeats French for {identical:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            tf(Lang::En, Key::PageOf, &[("page", "2"), ("pages", "5")]),
            "Page 2 of 5"
        );
        assert_eq!(
            tf(Lang::Fr, Key::HomeGreeting, &[("name", "Amina")]),
            "Bonjour, Amina"
        );
    }

    crate::catalogue! {
        /// A catalogue declared with the macro, as feature modules do.
        pub enum DemoKey {
            Hello => { fr: "Bonjour {name}", en: "Hello {name}", nl: "Hallo {name}", ar: "مرحبا {name}" },
            Agenda => { fr: "Agenda", en: "Agenda", nl: "Agenda", ar: "الأجندة" },
        }
    }

    #[test]
    fn feature_catalogues_work_like_the_core_one() {
        check_catalogue(DemoKey::ALL, &[DemoKey::Agenda], 0);
        assert_eq!(
            tf(Lang::Nl, DemoKey::Hello, &[("name", "Amina")]),
            "Hallo Amina"
        );
        let text: Text = DemoKey::Agenda.into();
        assert_eq!(text.get(Lang::Ar), "الأجندة");
        assert_eq!(t(Lang::En, Key::Menu), Text::from(Key::Menu).get(Lang::En));
    }

    #[test]
    fn roles_have_names() {
        assert_eq!(t(Lang::Nl, role_key(Role::Coordinator)), "Coördinator");
    }
}

//! Texts of the public agenda pages and forms, in the four interface languages (the same shape
//! as `crate::i18n::Msg`: one match on text and language).

use shared::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The receipt of a public registration that got a seat.
    Registered,
    /// The receipt of a public registration that went to the waiting list.
    Waitlisted,
    /// The same while places are free but held for the other group (the mix target).
    WaitlistedHeld,
    AgendaHeading,
    AgendaEmpty,
    /// Next to a full activity in the embedded agenda.
    Full,
    /// Next to a cancelled activity in the embedded agenda.
    Cancelled,
    /// Added to every public registration's receipt: whose email or phone is already known
    /// confirms through a link (the receipt is the same either way).
    KnownConfirmByEmail,
    /// The page a confirmation link opens.
    ConfirmHeading,
    /// Asks to confirm; `{title}` stands for the activity.
    ConfirmAsk,
    ConfirmButton,
    ConfirmClosed,
    ConfirmInvalid,
    /// The embedded agenda's link to the whole agenda, where visitors register.
    EmbedSeeAll,
    /// Next to an activity still open to registration in the embedded agenda.
    EmbedRegister,
    /// The embedded agenda's page when its address has a wrong parameter.
    EmbedBadAddress,
    EmbedBadAddressHint,
}

impl Text {
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::*;
        use Text::*;
        match (self, lang) {
            (Registered, Fr) => "Merci ! Votre inscription est enregistrée. À bientôt !",
            (Registered, En) => "Thank you! Your registration is recorded. See you soon!",
            (Registered, Nl) => "Dank u! Uw inschrijving is geregistreerd. Tot binnenkort!",
            (Registered, Ar) => "شكرًا! تم تسجيلك. نراك قريبًا!",
            (Waitlisted, Fr) => "Merci ! L'activité est complète : vous êtes sur la liste d'attente. Nous vous préviendrons si une place se libère.",
            (Waitlisted, En) => "Thank you! The activity is full: you are on the waiting list. We will let you know if a place frees up.",
            (Waitlisted, Nl) => "Dank u! De activiteit is volzet: u staat op de wachtlijst. We laten het u weten als er een plaats vrijkomt.",
            (Waitlisted, Ar) => "شكرًا! النشاط مكتمل: أنت على قائمة الانتظار. سنخبرك إذا أصبح هناك مكان شاغر.",
            (WaitlistedHeld, Fr) => "Merci ! Les places restantes sont réservées pour que le groupe mélange nouveaux·elles arrivant·es et habitant·es d'ici : vous êtes sur la liste d'attente. Nous vous préviendrons si une place se libère pour vous.",
            (WaitlistedHeld, En) => "Thank you! The remaining places are held so that the group mixes newcomers and local residents: you are on the waiting list. We will let you know if a place frees up for you.",
            (WaitlistedHeld, Nl) => "Dank u! De overige plaatsen zijn voorbehouden zodat de groep nieuwkomers en inwoners van hier mengt: u staat op de wachtlijst. We laten het u weten als er een plaats voor u vrijkomt.",
            (WaitlistedHeld, Ar) => "شكرًا! الأماكن المتبقية محجوزة ليجمع الفريق بين القادمين الجدد والسكان المحليين: أنت على قائمة الانتظار. سنخبرك إذا أصبح هناك مكان شاغر لك.",
            (AgendaHeading, Fr) => "Prochaines activités d'Interra",
            (AgendaHeading, En) => "Upcoming Interra activities",
            (AgendaHeading, Nl) => "Komende activiteiten van Interra",
            (AgendaHeading, Ar) => "أنشطة إنتيرا القادمة",
            (AgendaEmpty, Fr) => "Aucune activité prévue pour le moment.",
            (AgendaEmpty, En) => "No activity planned for now.",
            (AgendaEmpty, Nl) => "Momenteel geen activiteiten gepland.",
            (AgendaEmpty, Ar) => "لا توجد أنشطة مبرمجة حاليًا.",
            (Full, Fr) => "complet — liste d'attente",
            (Full, En) => "full — waiting list",
            (Full, Nl) => "volzet — wachtlijst",
            (Full, Ar) => "مكتمل — قائمة انتظار",
            (Cancelled, Fr) => "annulé",
            (Cancelled, En) => "cancelled",
            (Cancelled, Nl) => "geannuleerd",
            (Cancelled, Ar) => "أُلغي",
            (KnownConfirmByEmail, Fr) => "Si nous vous connaissons déjà, confirmez votre inscription avec le lien que nous envoyons à votre adresse e-mail.",
            (KnownConfirmByEmail, En) => "If we already know you, confirm your registration with the link we are sending to your email address.",
            (KnownConfirmByEmail, Nl) => "Als we u al kennen, bevestig uw inschrijving dan met de link die we naar uw e-mailadres sturen.",
            (KnownConfirmByEmail, Ar) => "إذا كنا نعرفك مسبقًا، فأكّد تسجيلك عبر الرابط الذي نرسله إلى بريدك الإلكتروني.",
            (ConfirmHeading, Fr) => "Confirmer votre inscription",
            (ConfirmHeading, En) => "Confirm your registration",
            (ConfirmHeading, Nl) => "Uw inschrijving bevestigen",
            (ConfirmHeading, Ar) => "تأكيد تسجيلك",
            (ConfirmAsk, Fr) => "Voulez-vous vous inscrire à « {title} » ?",
            (ConfirmAsk, En) => "Do you want to register for “{title}”?",
            (ConfirmAsk, Nl) => "Wilt u zich inschrijven voor “{title}”?",
            (ConfirmAsk, Ar) => "هل تريد التسجيل في «{title}»؟",
            (ConfirmButton, Fr) => "Oui, je m'inscris",
            (ConfirmButton, En) => "Yes, register me",
            (ConfirmButton, Nl) => "Ja, schrijf me in",
            (ConfirmButton, Ar) => "نعم، سجّلني",
            (ConfirmClosed, Fr) => "Les inscriptions à cette activité sont closes.",
            (ConfirmClosed, En) => "Registration for this activity is closed.",
            (ConfirmClosed, Nl) => "De inschrijvingen voor deze activiteit zijn gesloten.",
            (ConfirmClosed, Ar) => "التسجيل في هذا النشاط مغلق.",
            (ConfirmInvalid, Fr) => "Ce lien n'est plus valable : il a déjà servi ou il a expiré.",
            (ConfirmInvalid, En) => "This link is no longer valid: it was already used or it has expired.",
            (ConfirmInvalid, Nl) => "Deze link is niet meer geldig: hij werd al gebruikt of is verlopen.",
            (ConfirmInvalid, Ar) => "هذا الرابط لم يعد صالحًا: استُخدم من قبل أو انتهت صلاحيته.",
            (EmbedSeeAll, Fr) => "Tout l'agenda et les inscriptions",
            (EmbedSeeAll, En) => "The whole agenda and registration",
            (EmbedSeeAll, Nl) => "De hele agenda en inschrijven",
            (EmbedSeeAll, Ar) => "كل المفكرة والتسجيل",
            (EmbedRegister, Fr) => "s'inscrire",
            (EmbedRegister, En) => "register",
            (EmbedRegister, Nl) => "inschrijven",
            (EmbedRegister, Ar) => "سجّل",
            (EmbedBadAddress, Fr) => "Cet agenda ne peut pas s'afficher : son adresse contient une erreur.",
            (EmbedBadAddress, En) => "This agenda cannot be shown: its address has a mistake.",
            (EmbedBadAddress, Nl) => "Deze agenda kan niet worden getoond: het adres bevat een fout.",
            (EmbedBadAddress, Ar) => "لا يمكن عرض هذه المفكرة: عنوانها يحتوي على خطأ.",
            (EmbedBadAddressHint, Fr) => "Pour le site qui l'affiche : corrigez ces paramètres de l'adresse (voir la documentation pour les partenaires).",
            (EmbedBadAddressHint, En) => "For the site that shows it: correct these parameters of the address (see the documentation for partners).",
            (EmbedBadAddressHint, Nl) => "Voor de site die ze toont: verbeter deze parameters van het adres (zie de documentatie voor partners).",
            (EmbedBadAddressHint, Ar) => "للموقع الذي يعرضها: صحّح معلمات العنوان هذه (راجع التوثيق الخاص بالشركاء).",
        }
    }
}

//! Texts of the public agenda pages and forms, in the four interface languages (the same shape
//! as `crate::i18n::Msg`: one match on text and language).

use shared::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The receipt of a public registration that got a seat.
    Registered,
    /// The receipt of a public registration that went to the waiting list.
    Waitlisted,
    AgendaHeading,
    AgendaEmpty,
    /// Next to a full activity in the embedded agenda.
    Full,
    /// Next to a cancelled activity in the embedded agenda.
    Cancelled,
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
        }
    }
}

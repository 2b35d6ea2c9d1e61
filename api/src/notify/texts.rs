//! Texts of notification emails in the four interface languages (the same shape as
//! `crate::i18n::Msg`: one match on text and language). `{title}` stands for the activity.

use shared::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Hello,
    PromotedSubject,
    Promoted,
    CancelledSubject,
    Cancelled,
    Reason,
    When,
    TimeZone,
    Place,
    More,
    CannotCome,
    Signature,
    ConfirmSubject,
    /// Someone registered with the person's email or phone; `{title}` is the activity.
    ConfirmAsk,
    /// Before the link's expiry date.
    ConfirmUntil,
    ConfirmIgnore,
}

impl Text {
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::*;
        use Text::*;
        match (self, lang) {
            (Hello, Fr) => "Bonjour",
            (Hello, En) => "Hello",
            (Hello, Nl) => "Hallo",
            (Hello, Ar) => "مرحبًا",
            (PromotedSubject, Fr) => "Une place pour vous :",
            (PromotedSubject, En) => "A place is yours:",
            (PromotedSubject, Nl) => "Er is een plaats voor u:",
            (PromotedSubject, Ar) => "لديك مكان الآن:",
            (Promoted, Fr) => "Bonne nouvelle : une place s'est libérée et vous êtes maintenant inscrit·e à « {title} ».",
            (Promoted, En) => "Good news: a place became free and you are now registered for “{title}”.",
            (Promoted, Nl) => "Goed nieuws: er is een plaats vrijgekomen en u bent nu ingeschreven voor “{title}”.",
            (Promoted, Ar) => "خبر سار: أصبح هناك مكان شاغر وأنت الآن مسجَّل في «{title}».",
            (CancelledSubject, Fr) => "Annulé :",
            (CancelledSubject, En) => "Cancelled:",
            (CancelledSubject, Nl) => "Geannuleerd:",
            (CancelledSubject, Ar) => "أُلغي:",
            (Cancelled, Fr) => "Nous sommes désolés : « {title} » est annulé.",
            (Cancelled, En) => "We are sorry: “{title}” is cancelled.",
            (Cancelled, Nl) => "Het spijt ons: “{title}” is geannuleerd.",
            (Cancelled, Ar) => "نأسف: أُلغي «{title}».",
            (Reason, Fr) => "Raison :",
            (Reason, En) => "Reason:",
            (Reason, Nl) => "Reden:",
            (Reason, Ar) => "السبب:",
            (When, Fr) => "Quand :",
            (When, En) => "When:",
            (When, Nl) => "Wanneer:",
            (When, Ar) => "متى:",
            (TimeZone, Fr) => "heure de Bruxelles",
            (TimeZone, En) => "Brussels time",
            (TimeZone, Nl) => "Brusselse tijd",
            (TimeZone, Ar) => "بتوقيت بروكسل",
            (Place, Fr) => "Où :",
            (Place, En) => "Where:",
            (Place, Nl) => "Waar:",
            (Place, Ar) => "أين:",
            (More, Fr) => "Plus d'informations :",
            (More, En) => "More information:",
            (More, Nl) => "Meer informatie:",
            (More, Ar) => "لمزيد من المعلومات:",
            (CannotCome, Fr) => "Si vous ne pouvez plus venir, prévenez-nous pour que quelqu'un d'autre puisse avoir la place.",
            (CannotCome, En) => "If you cannot come any more, please tell us so that someone else can have the place.",
            (CannotCome, Nl) => "Kunt u niet meer komen? Laat het ons weten, zodat iemand anders de plaats kan krijgen.",
            (CannotCome, Ar) => "إذا لم يعد بإمكانك الحضور، يرجى إخبارنا ليتمكن شخص آخر من أخذ المكان.",
            (Signature, Fr) => "L'équipe Interra",
            (Signature, En) => "The Interra team",
            (Signature, Nl) => "Het Interra-team",
            (Signature, Ar) => "فريق Interra",
            (ConfirmSubject, Fr) => "Confirmez votre inscription :",
            (ConfirmSubject, En) => "Confirm your registration:",
            (ConfirmSubject, Nl) => "Bevestig uw inschrijving:",
            (ConfirmSubject, Ar) => "أكّد تسجيلك:",
            (ConfirmAsk, Fr) => "Une inscription à « {title} » a été demandée avec votre adresse e-mail ou votre numéro de téléphone. Si c'est bien vous, confirmez-la avec ce lien :",
            (ConfirmAsk, En) => "A registration for “{title}” was requested with your email address or phone number. If it was you, confirm it with this link:",
            (ConfirmAsk, Nl) => "Er werd een inschrijving voor “{title}” aangevraagd met uw e-mailadres of telefoonnummer. Was u dat? Bevestig ze dan met deze link:",
            (ConfirmAsk, Ar) => "طُلب تسجيل في «{title}» باستخدام بريدك الإلكتروني أو رقم هاتفك. إذا كنت أنت، فأكّده عبر هذا الرابط:",
            (ConfirmUntil, Fr) => "Le lien est valable jusqu'au",
            (ConfirmUntil, En) => "The link is valid until",
            (ConfirmUntil, Nl) => "De link is geldig tot",
            (ConfirmUntil, Ar) => "الرابط صالح حتى",
            (ConfirmIgnore, Fr) => "Si ce n'est pas vous, ignorez ce message : rien n'a changé pour vous.",
            (ConfirmIgnore, En) => "If it was not you, ignore this message: nothing has changed for you.",
            (ConfirmIgnore, Nl) => "Was u het niet? Negeer dan dit bericht: er is niets veranderd voor u.",
            (ConfirmIgnore, Ar) => "إذا لم تكن أنت، فتجاهل هذه الرسالة: لم يتغير شيء بالنسبة إليك.",
        }
    }
}

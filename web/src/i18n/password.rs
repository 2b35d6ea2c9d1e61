//! "Forgot my password", the page a password link opens, and the links administrators send.

crate::catalogue! {
    /// Messages of password links.
    pub enum PasswordKey {
        ForgotLink => {
            fr: "Mot de passe oublié ?",
            en: "Forgot your password?",
            nl: "Wachtwoord vergeten?",
            ar: "نسيت كلمة المرور؟",
        },
        ForgotTitle => {
            fr: "Mot de passe oublié",
            en: "Forgot your password",
            nl: "Wachtwoord vergeten",
            ar: "نسيت كلمة المرور",
        },
        ForgotIntro => {
            fr: "Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe. Il est valable une heure et ne sert qu'une fois.",
            en: "Enter your account's email address: we will send you a link to choose a new password. It is valid for one hour and works once.",
            nl: "Vul het e-mailadres van uw account in: we sturen u een link om een nieuw wachtwoord te kiezen. Hij is een uur geldig en werkt één keer.",
            ar: "أدخل البريد الإلكتروني لحسابك: سنرسل إليك رابطًا لاختيار كلمة مرور جديدة. يبقى صالحًا لمدة ساعة ويعمل مرة واحدة.",
        },
        SendLink => {
            fr: "Envoyer le lien",
            en: "Send the link",
            nl: "Link versturen",
            ar: "إرسال الرابط",
        },
        Sending => {
            fr: "Envoi…",
            en: "Sending…",
            nl: "Versturen…",
            ar: "جارٍ الإرسال…",
        },
        LinkOnItsWay => {
            fr: "Si un compte existe pour cette adresse, un e-mail avec le lien est en route. Pensez à regarder dans les indésirables. Rien reçu dans quelques minutes ? Demandez à un·e administrateur·rice de vous envoyer un lien.",
            en: "If an account exists for this address, an email with the link is on its way. Check your spam folder too. Nothing within a few minutes? Ask an administrator to send you a link.",
            nl: "Als er een account bestaat voor dit adres, is er een e-mail met de link onderweg. Kijk ook in uw spammap. Niets ontvangen binnen enkele minuten? Vraag een beheerder om u een link te sturen.",
            ar: "إذا كان هناك حساب لهذا العنوان، فهناك رسالة بريد إلكتروني بالرابط في الطريق. تحقّق أيضًا من مجلد الرسائل غير المرغوب فيها. لم يصلك شيء خلال بضع دقائق؟ اطلب من أحد المسؤولين أن يرسل لك رابطًا.",
        },
        BackToSignIn => {
            fr: "Retour à la connexion",
            en: "Back to sign in",
            nl: "Terug naar aanmelden",
            ar: "العودة إلى تسجيل الدخول",
        },
        ResetTitle => {
            fr: "Choisir un nouveau mot de passe",
            en: "Choose a new password",
            nl: "Een nieuw wachtwoord kiezen",
            ar: "اختيار كلمة مرور جديدة",
        },
        ResetIntro => {
            fr: "Choisissez le mot de passe de votre compte Interra. Ensuite, connectez-vous avec lui : vos autres sessions sont fermées.",
            en: "Choose the password of your Interra account. Then sign in with it: your other sessions are ended.",
            nl: "Kies het wachtwoord van uw Interra-account. Meld u daarna ermee aan: uw andere sessies worden beëindigd.",
            ar: "اختر كلمة مرور حسابك في Interra. ثم سجّل الدخول بها: تُغلق جلساتك الأخرى.",
        },
        NoToken => {
            fr: "Ce lien est incomplet. Ouvrez le lien reçu tel quel, ou demandez-en un nouveau.",
            en: "This link is incomplete. Open the link you received as it is, or ask for a new one.",
            nl: "Deze link is onvolledig. Open de ontvangen link zoals hij is, of vraag een nieuwe aan.",
            ar: "هذا الرابط غير مكتمل. افتح الرابط الذي وصلك كما هو، أو اطلب رابطًا جديدًا.",
        },
        SavePassword => {
            fr: "Enregistrer le mot de passe",
            en: "Save the password",
            nl: "Wachtwoord opslaan",
            ar: "حفظ كلمة المرور",
        },
        PasswordSet => {
            fr: "Votre mot de passe est enregistré. Connectez-vous avec lui.",
            en: "Your password is saved. Sign in with it.",
            nl: "Uw wachtwoord is opgeslagen. Meld u ermee aan.",
            ar: "حُفظت كلمة مرورك. سجّل الدخول بها.",
        },
        AskNewLink => {
            fr: "Demander un nouveau lien",
            en: "Ask for a new link",
            nl: "Een nieuwe link aanvragen",
            ar: "طلب رابط جديد",
        },
        SendResetTo => {
            fr: "Envoyer un lien de réinitialisation à {name}",
            en: "Send a password reset link to {name}",
            nl: "Een link om het wachtwoord te herstellen sturen naar {name}",
            ar: "إرسال رابط لإعادة تعيين كلمة المرور إلى {name}",
        },
        SendReset => {
            fr: "Lien de réinitialisation",
            en: "Reset link",
            nl: "Herstellink",
            ar: "رابط إعادة التعيين",
        },
        InviteInstead => {
            fr: "Envoyer une invitation : la personne choisit elle-même son mot de passe",
            en: "Send an invitation: the person chooses their own password",
            nl: "Een uitnodiging sturen: de persoon kiest zelf een wachtwoord",
            ar: "إرسال دعوة: يختار الشخص كلمة المرور بنفسه",
        },
        LinkEmailed => {
            fr: "Un lien a été envoyé par e-mail à {name}. Il ne sert qu'une fois, jusqu'au {date}.",
            en: "A link was emailed to {name}. It works once, until {date}.",
            nl: "Er werd een link gemaild naar {name}. Hij werkt één keer, tot {date}.",
            ar: "أُرسل رابط بالبريد الإلكتروني إلى {name}. يعمل مرة واحدة، حتى {date}.",
        },
        LinkToPass => {
            fr: "Aucun serveur d'e-mail n'est configuré : transmettez vous-même ce lien à {name} (une seule utilisation, jusqu'au {date}).",
            en: "No mail server is configured: pass this link on to {name} yourself (single use, until {date}).",
            nl: "Er is geen mailserver ingesteld: geef deze link zelf door aan {name} (één keer te gebruiken, tot {date}).",
            ar: "لا يوجد خادم بريد مُعدّ: أرسل هذا الرابط بنفسك إلى {name} (يُستخدم مرة واحدة، حتى {date}).",
        },
        LinkFor => {
            fr: "Lien pour {name}",
            en: "Link for {name}",
            nl: "Link voor {name}",
            ar: "رابط لـ {name}",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        check_catalogue(PasswordKey::ALL, &[], 0);
    }
}

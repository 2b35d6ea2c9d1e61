//! The privacy notice, versioned, in every interface language. A new version is added here
//! (older versions stay, since consents refer to them).

use shared::consent::PrivacyNotice;
use shared::Lang;

/// The version shown today.
pub const CURRENT_VERSION: &str = "2026-11";

const VERSIONS: &[&str] = &["2026-11"];

pub fn is_known_version(v: &str) -> bool {
    VERSIONS.contains(&v)
}

pub fn current(lang: Lang) -> PrivacyNotice {
    let (title, text) = match lang {
        Lang::Fr => (
            "Comment Interra utilise vos données",
            "Interra ASBL (Liège) enregistre les informations que vous nous donnez pour vous inscrire à ses activités et programmes (InterAct, Duo2Change, formations, InterLab) et pour vous recontacter.\n\n\
Nous ne demandons jamais votre statut administratif, votre nationalité ou votre religion. Seule l'équipe d'Interra voit vos données ; nous ne les partageons avec un partenaire que si vous l'acceptez.\n\n\
Vous pouvez à tout moment demander à voir vos données, les corriger ou les effacer, et retirer votre accord : parlez-en à l'équipe ou écrivez à info@interra.be. Nous gardons vos données au plus 3 ans après votre dernière activité avec nous.",
        ),
        Lang::En => (
            "How Interra uses your data",
            "Interra ASBL (Liège) keeps the information you give us to register you for its activities and programmes (InterAct, Duo2Change, trainings, InterLab) and to contact you again.\n\n\
We never ask for your administrative status, nationality or religion. Only the Interra team sees your data; we share it with a partner only if you agree.\n\n\
You can ask at any time to see, correct or erase your data, and withdraw your consent: talk to the team or write to info@interra.be. We keep your data at most 3 years after your last activity with us.",
        ),
        Lang::Nl => (
            "Hoe Interra uw gegevens gebruikt",
            "Interra vzw (Luik) bewaart de gegevens die u ons geeft om u in te schrijven voor haar activiteiten en programma's (InterAct, Duo2Change, opleidingen, InterLab) en om opnieuw contact met u op te nemen.\n\n\
We vragen nooit naar uw administratieve status, nationaliteit of godsdienst. Alleen het Interra-team ziet uw gegevens; we delen ze alleen met een partner als u daarmee akkoord gaat.\n\n\
U kunt op elk moment vragen om uw gegevens in te zien, te verbeteren of te wissen, en uw toestemming intrekken: spreek het team aan of schrijf naar info@interra.be. We bewaren uw gegevens maximaal 3 jaar na uw laatste activiteit bij ons.",
        ),
        Lang::Ar => (
            "كيف تستخدم إنتيرا بياناتك",
            "تحتفظ جمعية إنتيرا (لييج) بالمعلومات التي تقدمها لنا لتسجيلك في أنشطتها وبرامجها (InterAct وDuo2Change والتكوينات وInterLab) وللتواصل معك مجددًا.\n\n\
لا نسألك أبدًا عن وضعك الإداري أو جنسيتك أو دينك. لا يرى بياناتك إلا فريق إنتيرا، ولا نشاركها مع أي شريك إلا بموافقتك.\n\n\
يمكنك في أي وقت أن تطلب الاطلاع على بياناتك أو تصحيحها أو حذفها، وأن تسحب موافقتك: تحدّث إلى الفريق أو اكتب إلى info@interra.be. نحتفظ ببياناتك ثلاث سنوات على الأكثر بعد آخر نشاط لك معنا.",
        ),
    };
    PrivacyNotice {
        version: CURRENT_VERSION.to_owned(),
        lang,
        title: title.to_owned(),
        text: text.to_owned(),
    }
}

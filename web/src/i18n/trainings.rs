//! Messages of the trainings: the public check of a certificate of attendance and the
//! trainee's end-of-course questionnaire behind a personal link.

crate::catalogue! {
    /// Messages of the trainings pages.
    pub enum TrKey {
        CheckTitle => {
            fr: "Vérifier une attestation",
            en: "Check a certificate",
            nl: "Een attest controleren",
            ar: "التحقق من شهادة",
        },
        CheckIntro => {
            fr: "Chaque attestation de formation d'Interra porte un code de vérification. Tapez-le pour voir si elle est authentique.",
            en: "Every Interra training certificate carries a verification code. Type it to see whether it is genuine.",
            nl: "Elk opleidingsattest van Interra draagt een verificatiecode. Typ die om te zien of het echt is.",
            ar: "تحمل كل شهادة تكوين من إنتيرا رمز تحقق. اكتبه لتعرف إن كانت أصلية.",
        },
        CodeLabel => { fr: "Code de vérification", en: "Verification code", nl: "Verificatiecode", ar: "رمز التحقق" },
        CodeHint => {
            fr: "Quatre groupes de cinq caractères, par exemple 7K3QD-M2XPA-9VBNE-H4RTW.",
            en: "Four groups of five characters, for example 7K3QD-M2XPA-9VBNE-H4RTW.",
            nl: "Vier groepen van vijf tekens, bijvoorbeeld 7K3QD-M2XPA-9VBNE-H4RTW.",
            ar: "أربع مجموعات من خمسة رموز، مثلًا 7K3QD-M2XPA-9VBNE-H4RTW.",
        },
        CheckButton => { fr: "Vérifier", en: "Check", nl: "Controleren", ar: "تحقّق" },
        Genuine => {
            fr: "Attestation authentique",
            en: "Genuine certificate",
            nl: "Echt attest",
            ar: "شهادة أصلية",
        },
        GenuineLead => {
            fr: "Interra confirme avoir délivré cette attestation de participation.",
            en: "Interra confirms that it issued this certificate of attendance.",
            nl: "Interra bevestigt dat het dit deelnameattest heeft uitgereikt.",
            ar: "تؤكد إنتيرا أنها أصدرت شهادة المشاركة هذه.",
        },
        NotGenuine => {
            fr: "Attestation introuvable ou révoquée",
            en: "Certificate not found or revoked",
            nl: "Attest niet gevonden of ingetrokken",
            ar: "الشهادة غير موجودة أو ملغاة",
        },
        NotGenuineLead => {
            fr: "Aucune attestation valide ne porte ce code. Vérifiez chaque caractère ; si le code est juste, l'attestation a été révoquée ou n'a pas été délivrée par Interra.",
            en: "No valid certificate carries this code. Check each character; if the code is right, the certificate was revoked or was not issued by Interra.",
            nl: "Geen geldig attest draagt deze code. Controleer elk teken; als de code klopt, is het attest ingetrokken of niet door Interra uitgereikt.",
            ar: "لا توجد شهادة صالحة تحمل هذا الرمز. تحقّق من كل رمز؛ إن كان صحيحًا فالشهادة ملغاة أو لم تصدرها إنتيرا.",
        },
        Trainee => { fr: "Participant·e", en: "Trainee", nl: "Deelnemer", ar: "المشارك(ة)" },
        Module => { fr: "Module", en: "Module", nl: "Module", ar: "الوحدة" },
        Dates => { fr: "Dates", en: "Dates", nl: "Data", ar: "التواريخ" },
        DateRange => {
            fr: "du {start} au {end}",
            en: "from {start} to {end}",
            nl: "van {start} tot {end}",
            ar: "من {start} إلى {end}",
        },
        Hours => { fr: "Heures suivies", en: "Hours attended", nl: "Gevolgde uren", ar: "الساعات المحضورة" },
        HoursValue => {
            fr: "{hours} h",
            en: "{hours} h",
            nl: "{hours} u",
            ar: "{hours} ساعة",
        },
        IssuedOn => { fr: "Délivrée le", en: "Issued on", nl: "Uitgereikt op", ar: "تاريخ الإصدار" },

        EvalTitle => {
            fr: "Votre avis sur la formation",
            en: "Your opinion of the training",
            nl: "Uw mening over de opleiding",
            ar: "رأيك في التكوين",
        },
        EvalIntro => {
            fr: "Quelques questions sur « {module} ». Vos réponses aident l'équipe à améliorer la formation ; les résultats ne sont montrés que regroupés, à partir de cinq réponses.",
            en: "A few questions about “{module}”. Your answers help the team improve the training; results are only shown together, from five answers on.",
            nl: "Enkele vragen over ‘{module}’. Uw antwoorden helpen het team de opleiding te verbeteren; de resultaten worden alleen samen getoond, vanaf vijf antwoorden.",
            ar: "بعض الأسئلة حول «{module}». تساعد إجاباتك الفريق على تحسين التكوين؛ لا تُعرض النتائج إلا مجمّعة، ابتداءً من خمس إجابات.",
        },
        EvalNotFoundTitle => {
            fr: "Lien d'évaluation inconnu",
            en: "Unknown evaluation link",
            nl: "Onbekende evaluatielink",
            ar: "رابط تقييم غير معروف",
        },
        EvalNotFound => {
            fr: "Ce lien ne mène à aucun questionnaire. Copiez-le en entier depuis le message reçu, ou demandez un nouveau lien à l'équipe.",
            en: "This link leads to no questionnaire. Copy it whole from the message you received, or ask the team for a new link.",
            nl: "Deze link leidt naar geen vragenlijst. Kopieer hem volledig uit het ontvangen bericht, of vraag het team een nieuwe link.",
            ar: "هذا الرابط لا يؤدي إلى أي استبيان. انسخه كاملًا من الرسالة التي وصلتك، أو اطلب رابطًا جديدًا من الفريق.",
        },
        Satisfaction => {
            fr: "Dans l'ensemble, êtes-vous satisfait·e de la formation ?",
            en: "Overall, are you satisfied with the training?",
            nl: "Bent u over het geheel tevreden over de opleiding?",
            ar: "بشكل عام، هل أنت راضٍ عن التكوين؟",
        },
        Scale1 => { fr: "1 — pas du tout", en: "1 — not at all", nl: "1 — helemaal niet", ar: "1 — إطلاقًا" },
        Scale2 => { fr: "2 — peu", en: "2 — a little", nl: "2 — weinig", ar: "2 — قليلًا" },
        Scale3 => { fr: "3 — moyennement", en: "3 — moderately", nl: "3 — middelmatig", ar: "3 — بشكل متوسط" },
        Scale4 => { fr: "4 — bien", en: "4 — well", nl: "4 — goed", ar: "4 — جيدًا" },
        Scale5 => { fr: "5 — tout à fait", en: "5 — completely", nl: "5 — helemaal", ar: "5 — تمامًا" },
        Useful => {
            fr: "Qu'est-ce qui vous a été le plus utile ? (facultatif)",
            en: "What was most useful to you? (optional)",
            nl: "Wat was voor u het nuttigst? (facultatief)",
            ar: "ما الذي كان الأكثر فائدة لك؟ (اختياري)",
        },
        ObjectivesTitle => {
            fr: "Avant et après la formation",
            en: "Before and after the training",
            nl: "Voor en na de opleiding",
            ar: "قبل التكوين وبعده",
        },
        ObjectivesHint => {
            fr: "Pour chaque objectif, dites où vous en étiez avant et où vous en êtes maintenant, de 1 (pas du tout) à 5 (tout à fait).",
            en: "For each objective, say where you stood before and where you stand now, from 1 (not at all) to 5 (completely).",
            nl: "Zeg voor elk doel waar u vóór stond en waar u nu staat, van 1 (helemaal niet) tot 5 (helemaal).",
            ar: "لكل هدف، قل أين كنت قبل التكوين وأين أنت الآن، من 1 (إطلاقًا) إلى 5 (تمامًا).",
        },
        Before => { fr: "Avant", en: "Before", nl: "Vooraf", ar: "قبل" },
        After => { fr: "Après", en: "After", nl: "Achteraf", ar: "بعد" },
        BeforeOf => {
            fr: "Avant la formation : {objective}",
            en: "Before the training: {objective}",
            nl: "Vóór de opleiding: {objective}",
            ar: "قبل التكوين: {objective}",
        },
        AfterOf => {
            fr: "Après la formation : {objective}",
            en: "After the training: {objective}",
            nl: "Na de opleiding: {objective}",
            ar: "بعد التكوين: {objective}",
        },
        Send => { fr: "Envoyer mes réponses", en: "Send my answers", nl: "Mijn antwoorden versturen", ar: "أرسل إجاباتي" },
        Sending => { fr: "Envoi…", en: "Sending…", nl: "Verzenden…", ar: "جارٍ الإرسال…" },
        ThanksTitle => { fr: "Merci !", en: "Thank you!", nl: "Bedankt!", ar: "شكرًا!" },
        Thanks => {
            fr: "Vos réponses sont enregistrées. Elles aideront l'équipe à préparer les prochaines sessions.",
            en: "Your answers are saved. They will help the team prepare the next sessions.",
            nl: "Uw antwoorden zijn opgeslagen. Ze helpen het team de volgende sessies voor te bereiden.",
            ar: "تم حفظ إجاباتك. ستساعد الفريق على تحضير الدورات القادمة.",
        },
        AlreadyAnswered => {
            fr: "Ce questionnaire a déjà reçu une réponse. Merci pour votre participation !",
            en: "This questionnaire has already been answered. Thank you for taking part!",
            nl: "Deze vragenlijst is al beantwoord. Bedankt voor uw deelname!",
            ar: "تمت الإجابة عن هذا الاستبيان من قبل. شكرًا على مشاركتك!",
        },
    }
}

/// The label of level `n` (1 to 5) of the questionnaire's scale.
pub fn scale_key(n: i32) -> Option<TrKey> {
    match n {
        1 => Some(TrKey::Scale1),
        2 => Some(TrKey::Scale2),
        3 => Some(TrKey::Scale3),
        4 => Some(TrKey::Scale4),
        5 => Some(TrKey::Scale5),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::Lang;

    #[test]
    fn catalogue_is_complete() {
        crate::i18n::check_catalogue(
            TrKey::ALL,
            &[TrKey::Module, TrKey::HoursValue, TrKey::Dates],
            0,
        );
    }

    #[test]
    fn the_scale_has_five_levels() {
        assert!(scale_key(0).is_none() && scale_key(6).is_none());
        assert_eq!(
            crate::i18n::t(Lang::Fr, scale_key(5).unwrap_or(TrKey::Scale1)),
            "5 — tout à fait"
        );
    }
}

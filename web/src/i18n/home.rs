//! The signed-in user's home page (what needs them this week) and their account page.

crate::catalogue! {
    /// Messages of the home page and the account page.
    pub enum HomeKey {
        WeekOf => { fr: "Semaine du {date}", en: "Week of {date}", nl: "Week van {date}", ar: "أسبوع {date}" },
        Intro => {
            fr: "Ce qui vous attend cette semaine. Chaque élément mène à la page où il se traite.",
            en: "What needs you this week. Each item leads to the page where it is handled.",
            nl: "Wat deze week op u wacht. Elk item leidt naar de pagina waar het behandeld wordt.",
            ar: "ما ينتظرك هذا الأسبوع. كل عنصر يقودك إلى الصفحة التي يُعالَج فيها.",
        },
        CoachIntro => {
            fr: "Ce qui concerne cette semaine les personnes et les activités que vous accompagnez.",
            en: "What concerns the people and activities you accompany this week.",
            nl: "Wat deze week de personen en activiteiten betreft die u begeleidt.",
            ar: "ما يخص هذا الأسبوع الأشخاص والأنشطة التي ترافقها.",
        },
        MentorIntro => {
            fr: "Vos entrepreneur·es, vos rencontres et vos permanences sont dans InterLab.",
            en: "Your entrepreneurs, meetings and office hours are in InterLab.",
            nl: "Uw ondernemers, ontmoetingen en spreekuren staan in InterLab.",
            ar: "رواد أعمالك ولقاءاتك ومواعيد استقبالك موجودة في InterLab.",
        },
        OpenInterlab => { fr: "Ouvrir InterLab", en: "Open InterLab", nl: "InterLab openen", ar: "افتح InterLab" },
        Activities => { fr: "Les activités de la semaine", en: "This week's activities", nl: "De activiteiten van deze week", ar: "أنشطة هذا الأسبوع" },
        NoActivities => {
            fr: "Aucune activité prévue cette semaine : une semaine calme.",
            en: "No activity planned this week: a quiet week.",
            nl: "Geen activiteit gepland deze week: een rustige week.",
            ar: "لا يوجد نشاط مبرمج هذا الأسبوع: أسبوع هادئ.",
        },
        Seats => { fr: "Places prises : {taken} sur {capacity}", en: "Seats taken: {taken} of {capacity}", nl: "Bezette plaatsen: {taken} van {capacity}", ar: "المقاعد المحجوزة: {taken} من {capacity}" },
        SeatsNoLimit => { fr: "Inscrit·es : {taken} (sans limite)", en: "Registered: {taken} (no limit)", nl: "Ingeschreven: {taken} (geen limiet)", ar: "المسجَّلون: {taken} (بلا حد)" },
        Waitlisted => { fr: "Liste d'attente : {count}", en: "Waiting list: {count}", nl: "Wachtlijst: {count}", ar: "قائمة الانتظار: {count}" },
        Mix => {
            fr: "Mixité : {newcomers} primo-arrivant·es, {locals} habitant·es",
            en: "Mix: {newcomers} newcomers, {locals} local residents",
            nl: "Mix: {newcomers} nieuwkomers, {locals} lokale inwoners",
            ar: "التنوع: الوافدون الجدد {newcomers}، المقيمون {locals}",
        },
        ToPromote => { fr: "Une place s'est libérée : proposer ou prévenir", en: "A seat is free: offer it or tell them", nl: "Er is een plaats vrij: aanbieden of verwittigen", ar: "تحرّر مقعد: اعرضه أو أبلغ الشخص" },
        NoToPromote => { fr: "Personne n'attend une place libre.", en: "Nobody is waiting for a free seat.", nl: "Niemand wacht op een vrije plaats.", ar: "لا أحد ينتظر مقعدًا شاغرًا." },
        DuosAttention => { fr: "Duos à suivre", en: "Duos needing attention", nl: "Duo's die aandacht vragen", ar: "ثنائيات تحتاج إلى متابعة" },
        NoDuosAttention => { fr: "Tous les duos vont bien.", en: "Every duo is doing fine.", nl: "Alle duo's doen het goed.", ar: "كل الثنائيات بخير." },
        FollowUps => { fr: "Appels de suivi à faire", en: "Follow-up calls due", nl: "Op te volgen oproepen", ar: "مكالمات متابعة مستحقة" },
        NoFollowUps => { fr: "Aucun appel de suivi à faire cette semaine.", en: "No follow-up call due this week.", nl: "Geen opvolgoproep deze week.", ar: "لا توجد مكالمة متابعة هذا الأسبوع." },
        Signups => { fr: "Inscriptions à vérifier", en: "Sign-ups to review", nl: "Te controleren aanmeldingen", ar: "تسجيلات للمراجعة" },
        NoSignups => { fr: "Aucune nouvelle inscription à vérifier.", en: "No new sign-up to review.", nl: "Geen nieuwe aanmelding te controleren.", ar: "لا يوجد تسجيل جديد للمراجعة." },
        Applications => { fr: "Candidatures InterLab à examiner", en: "InterLab applications to review", nl: "InterLab-kandidaturen te bekijken", ar: "طلبات InterLab للمراجعة" },
        NoApplications => { fr: "Aucune candidature en attente.", en: "No application waiting.", nl: "Geen kandidatuur in afwachting.", ar: "لا يوجد طلب في الانتظار." },
        Milestones => { fr: "Jalons InterLab en retard", en: "InterLab milestones overdue", nl: "Achterstallige InterLab-mijlpalen", ar: "مراحل InterLab المتأخرة" },
        InterlabCalls => { fr: "Appels de suivi InterLab à faire", en: "InterLab follow-up calls due", nl: "InterLab-opvolgingsgesprekken te doen", ar: "مكالمات متابعة InterLab المستحقة" },
        NoInterlabCalls => { fr: "Aucun appel de suivi à faire.", en: "No follow-up call due.", nl: "Geen opvolgingsgesprek te doen.", ar: "لا توجد مكالمة متابعة مستحقة." },
        NoMilestones => { fr: "Aucun jalon en retard.", en: "No milestone overdue.", nl: "Geen achterstallige mijlpaal.", ar: "لا توجد مرحلة متأخرة." },
        DueOn => { fr: "pour le {date}", en: "due {date}", nl: "tegen {date}", ar: "قبل {date}" },
        ItemsCount => { fr: "Éléments : {count}", en: "Items: {count}", nl: "Items: {count}", ar: "العناصر: {count}" },
        AllClear => {
            fr: "Rien ne vous attend cette semaine. Bonne semaine !",
            en: "Nothing needs you this week. Have a good week!",
            nl: "Deze week wacht er niets op u. Fijne week!",
            ar: "لا شيء ينتظرك هذا الأسبوع. أسبوعًا طيبًا!",
        },
        AccountLink => { fr: "Mon compte", en: "My account", nl: "Mijn account", ar: "حسابي" },
        AccountTitle => { fr: "Mon compte", en: "My account", nl: "Mijn account", ar: "حسابي" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        check_catalogue(HomeKey::ALL, &[], 0);
    }
}

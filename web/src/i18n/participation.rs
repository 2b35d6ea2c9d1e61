//! The "Participation" card of a person's page: what they take part in across the programmes.

crate::catalogue! {
    /// Messages of a person's participation card.
    pub enum PartKey {
        Title => { fr: "Participation aux programmes", en: "Taking part in the programmes", nl: "Deelname aan de programma's", ar: "المشاركة في البرامج" },
        Nothing => {
            fr: "Ne participe encore à aucune activité ni à aucun programme.",
            en: "Takes part in no activity or programme yet.",
            nl: "Neemt nog aan geen enkele activiteit of programma deel.",
            ar: "لا يشارك بعد في أي نشاط أو برنامج.",
        },
        Activities => { fr: "Activités", en: "Activities", nl: "Activiteiten", ar: "الأنشطة" },
        AttendanceSummary => {
            fr: "{count} {count?inscription|inscriptions} : {attended} {attended?présence|présences}, {absent} {absent?absence non excusée|absences non excusées}",
            en: "{count} {count?registration|registrations}: {attended} attended, {absent} missed without excuse",
            nl: "{count} {count?inschrijving|inschrijvingen}: {attended} aanwezig, {absent} onverwittigd afwezig",
            ar: "عدد التسجيلات: {count} — الحضور: {attended}، الغياب دون عذر: {absent}",
        },
        Hosted => { fr: "Ateliers animés", en: "Workshops led", nl: "Geleide workshops", ar: "الورشات التي نشّطها" },
        Duo => { fr: "Duo2Change", en: "Duo2Change", nl: "Duo2Change", ar: "Duo2Change" },
        Candidacy => {
            fr: "Candidature ({side}) : {status}, depuis le {date}",
            en: "Candidacy ({side}): {status}, since {date}",
            nl: "Kandidatuur ({side}): {status}, sinds {date}",
            ar: "الترشح ({side}): {status}، منذ {date}",
        },
        OpenCandidacy => { fr: "Voir la candidature", en: "Open the candidacy", nl: "Kandidatuur openen", ar: "عرض الترشح" },
        DuoWith => { fr: "Duo avec {name}", en: "Duo with {name}", nl: "Duo met {name}", ar: "ثنائي مع {name}" },
        PartnerPage => { fr: "fiche de {name}", en: "{name}'s page", nl: "fiche van {name}", ar: "صفحة {name}" },
        DuoWithHidden => {
            fr: "Duo avec une personne que vous n'accompagnez pas",
            en: "Duo with someone you do not accompany",
            nl: "Duo met iemand die u niet begeleidt",
            ar: "ثنائي مع شخص لا ترافقه",
        },
        DuoProposed => { fr: "proposé le {date}", en: "proposed on {date}", nl: "voorgesteld op {date}", ar: "اقتُرح في {date}" },
        DuoConfirmed => { fr: "confirmé le {date}", en: "confirmed on {date}", nl: "bevestigd op {date}", ar: "تأكّد في {date}" },
        DuoEnded => { fr: "terminé le {date}", en: "ended on {date}", nl: "beëindigd op {date}", ar: "انتهى في {date}" },
        Interlab => { fr: "InterLab", en: "InterLab", nl: "InterLab", ar: "InterLab" },
        Project => { fr: "Projet « {name} » : {stage}", en: "Project “{name}”: {stage}", nl: "Project „{name}”: {stage}", ar: "المشروع «{name}»: {stage}" },
        Organisations => { fr: "Organisations partenaires", en: "Partner organisations", nl: "Partnerorganisaties", ar: "المنظمات الشريكة" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        check_catalogue(PartKey::ALL, &[PartKey::Duo, PartKey::Interlab], 0);
    }
}

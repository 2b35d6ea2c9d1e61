//! The team's tools: a person's coaches (and assigning one to several people at once), the
//! administration menu and the audit log screen.

crate::catalogue! {
    /// Messages of the coach assignment, the administration menu and the audit screen.
    pub enum TeamKey {
        CoachesTitle => { fr: "Coachs", en: "Coaches", nl: "Coaches", ar: "المرافقون" },
        CoachesIntro => {
            fr: "Les coachs voient cette personne dans leurs listes et l'accompagnent.",
            en: "Coaches see this person in their lists and accompany them.",
            nl: "Coaches zien deze persoon in hun lijsten en begeleiden haar.",
            ar: "يرى المرافقون هذا الشخص في قوائمهم ويرافقونه.",
        },
        NoCoaches => { fr: "Aucun coach pour l'instant.", en: "No coach yet.", nl: "Nog geen coach.", ar: "لا يوجد مرافق بعد." },
        NoCoachAccounts => {
            fr: "Aucun compte de coach actif : un·e admin peut en créer dans Administration.",
            en: "No active coach account: an admin can create one under Administration.",
            nl: "Geen actieve coachaccount: een beheerder kan er een aanmaken onder Beheer.",
            ar: "لا يوجد حساب مرافق نشط: يمكن للمسؤول إنشاء حساب من الإدارة.",
        },
        CoachLabel => { fr: "Coach à assigner", en: "Coach to assign", nl: "Toe te wijzen coach", ar: "المرافق المراد تعيينه" },
        ChooseCoach => { fr: "Choisir un coach", en: "Choose a coach", nl: "Kies een coach", ar: "اختر مرافقًا" },
        AssignCoach => { fr: "Assigner", en: "Assign", nl: "Toewijzen", ar: "عيّن" },
        RemoveCoach => { fr: "Retirer", en: "Remove", nl: "Verwijderen", ar: "أزل" },
        RemoveCoachNamed => { fr: "Retirer {name} des coachs", en: "Remove {name} from the coaches", nl: "{name} als coach verwijderen", ar: "أزل {name} من المرافقين" },
        CoachAssigned => { fr: "Coach assigné : {name}.", en: "Coach assigned: {name}.", nl: "Coach toegewezen: {name}.", ar: "تم تعيين المرافق: {name}." },
        CoachRemoved => { fr: "Coach retiré : {name}.", en: "Coach removed: {name}.", nl: "Coach verwijderd: {name}.", ar: "تمت إزالة المرافق: {name}." },
        InactiveCoach => { fr: "Compte inactif", en: "Inactive account", nl: "Inactieve account", ar: "حساب غير نشط" },

        BulkTitle => { fr: "Action groupée", en: "Bulk action", nl: "Groepsactie", ar: "إجراء جماعي" },
        SelectPerson => { fr: "Sélectionner {name}", en: "Select {name}", nl: "{name} selecteren", ar: "حدّد {name}" },
        SelectPage => { fr: "Sélectionner toute la page", en: "Select the whole page", nl: "De hele pagina selecteren", ar: "حدّد الصفحة كلها" },
        ClearSelection => { fr: "Tout désélectionner", en: "Clear the selection", nl: "Selectie wissen", ar: "ألغِ التحديد" },
        SelectedCount => { fr: "Personnes sélectionnées : {count}", en: "People selected: {count}", nl: "Geselecteerde personen: {count}", ar: "الأشخاص المحدَّدون: {count}" },
        BulkAssign => { fr: "Assigner aux personnes sélectionnées", en: "Assign to the selected people", nl: "Toewijzen aan de geselecteerde personen", ar: "عيّن للأشخاص المحدَّدين" },
        BulkAssigned => { fr: "{name} accompagne maintenant les personnes sélectionnées ({count}).", en: "{name} now accompanies the selected people ({count}).", nl: "{name} begeleidt nu de geselecteerde personen ({count}).", ar: "يرافق {name} الآن الأشخاص المحدَّدين ({count})." },
        BulkFailed => { fr: "Pas assigné pour : {names}.", en: "Not assigned for: {names}.", nl: "Niet toegewezen voor: {names}.", ar: "لم يتم التعيين لـ: {names}." },

        AdminMenu => { fr: "Menu d'administration", en: "Administration menu", nl: "Beheermenu", ar: "قائمة الإدارة" },
        AdminAccounts => { fr: "Comptes", en: "Accounts", nl: "Accounts", ar: "الحسابات" },
        AdminAudit => { fr: "Journal d'audit", en: "Audit log", nl: "Auditlogboek", ar: "سجل التدقيق" },
        AdminRetention => { fr: "Conservation des données", en: "Data retention", nl: "Bewaring van gegevens", ar: "الاحتفاظ بالبيانات" },

        AuditTitle => { fr: "Journal d'audit", en: "Audit log", nl: "Auditlogboek", ar: "سجل التدقيق" },
        AuditIntro => {
            fr: "Qui a fait quoi, sur quelle fiche, et quand. Le journal nomme les champs modifiés, jamais leurs valeurs.",
            en: "Who did what, to which record, and when. The log names the fields that changed, never their values.",
            nl: "Wie deed wat, aan welke fiche, en wanneer. Het logboek noemt de gewijzigde velden, nooit hun waarden.",
            ar: "من فعل ماذا، في أي سجل، ومتى. يذكر السجل الحقول التي تغيّرت، ولا يذكر قيمها أبدًا.",
        },
        AuditFilters => { fr: "Filtrer le journal", en: "Filter the log", nl: "Het logboek filteren", ar: "تصفية السجل" },
        Who => { fr: "Qui", en: "Who", nl: "Wie", ar: "من" },
        What => { fr: "Quoi", en: "What", nl: "Wat", ar: "ماذا" },
        When => { fr: "Quand", en: "When", nl: "Wanneer", ar: "متى" },
        Object => { fr: "Fiche", en: "Record", nl: "Fiche", ar: "السجل" },
        Anyone => { fr: "Tout le monde", en: "Anyone", nl: "Iedereen", ar: "الجميع" },
        AnyAction => { fr: "Toutes les actions", en: "Every action", nl: "Alle acties", ar: "كل الإجراءات" },
        AnyObject => { fr: "Toutes les fiches", en: "Every record", nl: "Alle fiches", ar: "كل السجلات" },
        FromDay => { fr: "Du", en: "From", nl: "Van", ar: "من تاريخ" },
        ToDay => { fr: "Au", en: "To", nl: "Tot", ar: "إلى تاريخ" },
        ObjectId => { fr: "Identifiant de la fiche", en: "Record id", nl: "Id van de fiche", ar: "معرّف السجل" },
        Apply => { fr: "Filtrer", en: "Filter", nl: "Filteren", ar: "صفِّ" },
        NoEntries => { fr: "Aucune entrée pour ces filtres.", en: "No entry for these filters.", nl: "Geen item voor deze filters.", ar: "لا توجد إدخالات لهذه المرشحات." },
        EntriesCount => { fr: "Entrées : {count}", en: "Entries: {count}", nl: "Items: {count}", ar: "الإدخالات: {count}" },
        SystemActor => { fr: "Public ou système", en: "Public or system", nl: "Publiek of systeem", ar: "العموم أو النظام" },
        OpenObject => { fr: "Ouvrir", en: "Open", nl: "Openen", ar: "افتح" },
        OpenObjectNamed => { fr: "Ouvrir la fiche {id}", en: "Open record {id}", nl: "Fiche {id} openen", ar: "افتح السجل {id}" },
        Changed => { fr: "Champs", en: "Fields", nl: "Velden", ar: "الحقول" },
        ObjPerson => { fr: "Personne", en: "Person", nl: "Persoon", ar: "شخص" },
        ObjActivity => { fr: "Activité", en: "Activity", nl: "Activiteit", ar: "نشاط" },
        ObjRegistration => { fr: "Inscription", en: "Registration", nl: "Inschrijving", ar: "تسجيل" },
        ObjUser => { fr: "Compte", en: "Account", nl: "Account", ar: "حساب" },
        ObjDuo => { fr: "Duo", en: "Duo", nl: "Duo", ar: "ثنائي" },
        ObjProposal => { fr: "Proposition InterAct", en: "InterAct proposal", nl: "InterAct-voorstel", ar: "اقتراح InterAct" },
        ObjEntrepreneur => { fr: "Entrepreneur·e InterLab", en: "InterLab entrepreneur", nl: "InterLab-ondernemer", ar: "رائد أعمال InterLab" },
        ObjTag => { fr: "Étiquette", en: "Tag", nl: "Label", ar: "وسم" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_catalogue;

    #[test]
    fn every_message_is_translated() {
        check_catalogue(
            TeamKey::ALL,
            &[
                TeamKey::CoachesTitle,
                TeamKey::ObjDuo,
                TeamKey::AdminAccounts,
                TeamKey::Object,
            ],
            0,
        );
    }
}

//! Messages of InterLab's mentoring screens: the mentors' directory, the explained suggestions
//! and the mentoring relations on the entrepreneur's page. As everywhere in InterLab, no message
//! calls a person a "case" or a "problem" (a test checks).

use shared::interlab::{MentorRole, MentorshipEndReason, MentorshipStatus};

crate::catalogue! {
    /// Messages of the mentors' directory and of the mentoring relations.
    pub enum IlmKey {
        // ---- directory
        TabMentors => { fr: "Mentors", en: "Mentors", nl: "Mentoren", ar: "المرشدون" },
        DirectoryTitle => { fr: "InterLab : mentors et facilitateur·rices", en: "InterLab: mentors and facilitators", nl: "InterLab: mentoren en begeleiders", ar: "InterLab: المرشدون والميسّرون" },
        DirectoryIntro => { fr: "Les personnes qui accompagnent les projets : leur expertise, leurs langues, les places qu'il leur reste.", en: "The people who accompany the projects: their expertise, their languages, the places they have left.", nl: "De mensen die de projecten begeleiden: hun expertise, hun talen, de plaatsen die ze nog hebben.", ar: "الأشخاص الذين يرافقون المشاريع: خبراتهم ولغاتهم والأماكن المتبقية لديهم." },
        DirectoryFilters => { fr: "Filtrer l'annuaire", en: "Filter the directory", nl: "De lijst filteren", ar: "تصفية الدليل" },
        RoleLabel => { fr: "Rôle", en: "Role", nl: "Rol", ar: "الدور" },
        AllRoles => { fr: "Tous les rôles", en: "All roles", nl: "Alle rollen", ar: "كل الأدوار" },
        Expertise => { fr: "Domaines d'expertise", en: "Areas of expertise", nl: "Expertisedomeinen", ar: "مجالات الخبرة" },
        AllDomains => { fr: "Toutes les expertises", en: "All areas", nl: "Alle domeinen", ar: "كل المجالات" },
        Availability => { fr: "Disponibilités", en: "Availability", nl: "Beschikbaarheid", ar: "الأوقات المتاحة" },
        Organisation => { fr: "Structure", en: "Organisation", nl: "Organisatie", ar: "الجهة" },
        Languages => { fr: "Langues", en: "Languages", nl: "Talen", ar: "اللغات" },
        Sectors => { fr: "Secteurs connus", en: "Sectors known", nl: "Gekende sectoren", ar: "القطاعات المعروفة" },
        ActiveFilter => { fr: "Disponibilité", en: "Status", nl: "Status", ar: "الوضع" },
        ActiveOnly => { fr: "Actif·ves seulement", en: "Active only", nl: "Alleen actieven", ar: "النشطون فقط" },
        InactiveOnly => { fr: "Inactif·ves seulement", en: "Inactive only", nl: "Alleen inactieven", ar: "غير النشطين فقط" },
        Everyone => { fr: "Tout le monde", en: "Everyone", nl: "Iedereen", ar: "الجميع" },
        Inactive => { fr: "Inactif·ve", en: "Inactive", nl: "Inactief", ar: "غير نشط" },
        MentorCount => { fr: "{count} personne(s)", en: "{count} person(s)", nl: "{count} perso(o)n(en)", ar: "عدد الأشخاص: {count}" },
        NoMentorsFound => { fr: "Personne ne correspond à ces filtres.", en: "Nobody matches these filters.", nl: "Niemand past bij deze filters.", ar: "لا أحد يطابق هذه المرشحات." },
        PlacesTaken => { fr: "{load} place(s) prise(s) sur {capacity}", en: "{load} of {capacity} places taken", nl: "{load} van {capacity} plaatsen bezet", ar: "{load} من {capacity} أماكن مشغولة" },
        Full => { fr: "Complet", en: "Full", nl: "Volzet", ar: "مكتمل" },
        RoleMentor => { fr: "Mentor", en: "Mentor", nl: "Mentor", ar: "مرشد(ة)" },
        RoleFacilitator => { fr: "Facilitateur·rice", en: "Facilitator", nl: "Begeleider", ar: "ميسّر(ة)" },
        RoleExpert => { fr: "Expert·e", en: "Expert", nl: "Deskundige", ar: "خبير(ة)" },

        // ---- relations on the entrepreneur's page
        MentorsTitle => { fr: "Mentors et facilitateur·rices", en: "Mentors and facilitators", nl: "Mentoren en begeleiders", ar: "المرشدون والميسّرون" },
        Relations => { fr: "Relations de mentorat", en: "Mentoring relations", nl: "Mentorschapsrelaties", ar: "علاقات الإرشاد" },
        NoRelations => { fr: "Pas encore de mentor.", en: "No mentor yet.", nl: "Nog geen mentor.", ar: "لا يوجد مرشد بعد." },
        StatusProposed => { fr: "Proposée", en: "Proposed", nl: "Voorgesteld", ar: "مقترحة" },
        StatusActive => { fr: "En cours", en: "Active", nl: "Lopend", ar: "جارية" },
        StatusEnded => { fr: "Terminée", en: "Ended", nl: "Beëindigd", ar: "منتهية" },
        Start => { fr: "Les deux sont d'accord : commencer", en: "Both agree: start", nl: "Beiden akkoord: starten", ar: "الطرفان موافقان: البدء" },
        StartNamed => { fr: "Les deux sont d'accord : commencer le mentorat avec {name}", en: "Both agree: start the mentoring with {name}", nl: "Beiden akkoord: het mentorschap met {name} starten", ar: "الطرفان موافقان: بدء الإرشاد مع {name}" },
        Started => { fr: "Le mentorat avec {name} a commencé.", en: "The mentoring with {name} has started.", nl: "Het mentorschap met {name} is gestart.", ar: "بدأ الإرشاد مع {name}." },
        End => { fr: "Terminer", en: "End", nl: "Beëindigen", ar: "إنهاء" },
        EndNamed => { fr: "Terminer la relation avec {name}", en: "End the relation with {name}", nl: "De relatie met {name} beëindigen", ar: "إنهاء العلاقة مع {name}" },
        EndReason => { fr: "Pourquoi elle se termine", en: "Why it ends", nl: "Waarom ze eindigt", ar: "سبب الانتهاء" },
        EndNote => { fr: "Un mot sur la fin", en: "A word on the end", nl: "Een woord over het einde", ar: "كلمة عن النهاية" },
        ConfirmEnd => { fr: "Confirmer la fin", en: "Confirm the end", nl: "Einde bevestigen", ar: "تأكيد الإنهاء" },
        Ended => { fr: "La relation est terminée.", en: "The relation has ended.", nl: "De relatie is beëindigd.", ar: "انتهت العلاقة." },
        ReasonCompleted => { fr: "Objectifs atteints", en: "Goals reached", nl: "Doelen bereikt", ar: "تحققت الأهداف" },
        ReasonDeclined => { fr: "Proposition déclinée", en: "Proposal declined", nl: "Voorstel afgewezen", ar: "رُفض الاقتراح" },
        ReasonEntrepreneurLeft => { fr: "L'entrepreneur·e a quitté le parcours", en: "The entrepreneur left the path", nl: "De ondernemer verliet het traject", ar: "غادر رائد(ة) الأعمال المسار" },
        ReasonMentorUnavailable => { fr: "Plus disponible", en: "No longer available", nl: "Niet meer beschikbaar", ar: "لم يعد متاحًا" },
        ReasonNoMatch => { fr: "Ça n'a pas fonctionné entre eux", en: "It did not work out between them", nl: "Het klikte niet", ar: "لم ينجح التفاهم بينهما" },
        ReasonOther => { fr: "Autre raison", en: "Another reason", nl: "Andere reden", ar: "سبب آخر" },
        BeyondCapacity => { fr: "Au-delà de sa capacité : {reason}", en: "Beyond capacity: {reason}", nl: "Boven de capaciteit: {reason}", ar: "فوق الطاقة: {reason}" },

        // ---- suggestions and proposals
        Suggestions => { fr: "Mentors suggérés", en: "Suggested mentors", nl: "Voorgestelde mentoren", ar: "مرشدون مقترحون" },
        SuggestionsHint => { fr: "Une langue commune, des places libres, aucun conflit d'intérêts ; puis l'expertise, le secteur, la distance et l'attente.", en: "A shared language, places left, no conflict of interest; then expertise, sector, distance and waiting time.", nl: "Een gemeenschappelijke taal, vrije plaatsen, geen belangenconflict; dan expertise, sector, afstand en wachttijd.", ar: "لغة مشتركة وأماكن شاغرة ولا تضارب مصالح؛ ثم الخبرة والقطاع والمسافة ومدة الانتظار." },
        NoSuggestions => { fr: "Aucun mentor disponible ne correspond pour l'instant.", en: "No available mentor matches for now.", nl: "Voorlopig past geen beschikbare mentor.", ar: "لا يوجد مرشد متاح مناسب حاليًا." },
        ScoreOf => { fr: "Accord : {score}/100", en: "Match: {score}/100", nl: "Overeenkomst: {score}/100", ar: "التوافق: {score}/100" },
        Propose => { fr: "Proposer", en: "Propose", nl: "Voorstellen", ar: "اقتراح" },
        ProposeNamed => { fr: "Proposer {name} comme mentor", en: "Propose {name} as a mentor", nl: "{name} als mentor voorstellen", ar: "اقتراح {name} مرشدًا" },
        ProposedMsg => { fr: "{name} est proposé·e ; reste à noter leurs deux accords.", en: "{name} is proposed; both agreements remain to be recorded.", nl: "{name} is voorgesteld; beide akkoorden moeten nog genoteerd worden.", ar: "تم اقتراح {name}؛ يبقى تسجيل موافقة الطرفين." },
        OtherMentor => { fr: "Proposer quelqu'un d'autre de l'annuaire", en: "Propose someone else from the directory", nl: "Iemand anders uit de lijst voorstellen", ar: "اقتراح شخص آخر من الدليل" },
        WhichMentor => { fr: "Qui", en: "Who", nl: "Wie", ar: "من" },
        ChooseMentor => { fr: "Choisir une personne", en: "Choose a person", nl: "Kies een persoon", ar: "اختر شخصًا" },
        MentorOption => { fr: "{name} · {places}", en: "{name} · {places}", nl: "{name} · {places}", ar: "{name} · {places}" },
        ProposalNote => { fr: "Une note pour l'équipe", en: "A note for the team", nl: "Een notitie voor het team", ar: "ملاحظة للفريق" },
        OverCapacity => { fr: "Cette personne est complète : je confirme la proposer au-delà de sa capacité", en: "This person is full: I confirm proposing them beyond their capacity", nl: "Deze persoon is volzet: ik bevestig het voorstel boven de capaciteit", ar: "هذا الشخص مكتمل: أؤكد اقتراحه فوق طاقته" },
        OverrideReason => { fr: "Pourquoi malgré tout", en: "Why all the same", nl: "Waarom toch", ar: "لماذا رغم ذلك" },
        OverrideHint => { fr: "La raison est gardée dans le journal des modifications.", en: "The reason is kept in the audit log.", nl: "De reden wordt bewaard in het wijzigingslogboek.", ar: "يُحفَظ السبب في سجل التعديلات." },
        FullAskCoordinator => { fr: "Cette personne est complète : seule la coordination peut la proposer au-delà de sa capacité.", en: "This person is full: only coordinators may propose them beyond their capacity.", nl: "Deze persoon is volzet: alleen de coördinatie kan haar boven de capaciteit voorstellen.", ar: "هذا الشخص مكتمل: وحدها المنسقة يمكنها اقتراحه فوق طاقته." },
    }
}

pub fn mentor_role_key(r: MentorRole) -> IlmKey {
    match r {
        MentorRole::Mentor => IlmKey::RoleMentor,
        MentorRole::Facilitator => IlmKey::RoleFacilitator,
        MentorRole::Expert => IlmKey::RoleExpert,
    }
}

pub fn mentorship_status_key(s: MentorshipStatus) -> IlmKey {
    match s {
        MentorshipStatus::Proposed => IlmKey::StatusProposed,
        MentorshipStatus::Active => IlmKey::StatusActive,
        MentorshipStatus::Ended => IlmKey::StatusEnded,
    }
}

pub fn end_reason_key(r: MentorshipEndReason) -> IlmKey {
    match r {
        MentorshipEndReason::Completed => IlmKey::ReasonCompleted,
        MentorshipEndReason::Declined => IlmKey::ReasonDeclined,
        MentorshipEndReason::EntrepreneurLeft => IlmKey::ReasonEntrepreneurLeft,
        MentorshipEndReason::MentorUnavailable => IlmKey::ReasonMentorUnavailable,
        MentorshipEndReason::NoMatch => IlmKey::ReasonNoMatch,
        MentorshipEndReason::Other => IlmKey::ReasonOther,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_catalogue, t};
    use shared::Lang;

    #[test]
    fn the_catalogue_is_complete_and_translated() {
        check_catalogue(
            IlmKey::ALL,
            // Names and numbers that read the same.
            &[IlmKey::TabMentors, IlmKey::RoleMentor, IlmKey::MentorOption],
            0,
        );
    }

    #[test]
    fn nobody_is_called_a_case_or_a_problem() {
        let banned = [
            " cas ",
            "cas.",
            "problème",
            " case",
            "problem",
            "geval",
            "probleem",
            "حالة",
            "مشكلة",
            "مشكل",
        ];
        for &key in IlmKey::ALL {
            for lang in Lang::ALL {
                let text = format!(" {} ", t(lang, key).to_lowercase());
                for word in banned {
                    assert!(!text.contains(word), "{lang:?} {key:?}: {text:?}");
                }
            }
        }
    }

    #[test]
    fn every_state_and_reason_has_its_own_name() {
        let reasons: std::collections::HashSet<_> = MentorshipEndReason::ALL
            .iter()
            .map(|r| t(Lang::Fr, end_reason_key(*r)))
            .collect();
        assert_eq!(reasons.len(), MentorshipEndReason::ALL.len());
        for s in MentorshipStatus::ALL {
            assert!(!t(Lang::Ar, mentorship_status_key(*s)).is_empty());
        }
        for r in MentorRole::ALL {
            assert!(!t(Lang::Nl, mentor_role_key(*r)).is_empty());
        }
    }
}

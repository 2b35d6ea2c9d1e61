//! Messages of InterLab's office hours: the week's slots, booking an entrepreneur into one,
//! offering a slot, and a mentor's personal calendar feed. As everywhere in InterLab, no message
//! calls a person a "case" or a "problem" (a test checks).

crate::catalogue! {
    /// Messages of the office-hours screen.
    pub enum IloKey {
        TabOfficeHours => { fr: "Permanences", en: "Office hours", nl: "Spreekuren", ar: "ساعات الاستقبال" },
        Title => { fr: "InterLab : les permanences des mentors", en: "InterLab: the mentors' office hours", nl: "InterLab: de spreekuren van de mentoren", ar: "InterLab: ساعات استقبال المرشدين" },
        Intro => { fr: "Les créneaux que les mentors et facilitateur·rices offrent, semaine par semaine. Réservez un créneau libre pour une personne que vous accompagnez.", en: "The slots mentors and facilitators offer, week by week. Book a free slot for someone you accompany.", nl: "De tijdsloten die mentoren en begeleiders aanbieden, week per week. Reserveer een vrij tijdslot voor iemand die u begeleidt.", ar: "المواعيد التي يقترحها المرشدون والميسّرون، أسبوعًا بعد أسبوع. احجز موعدًا شاغرًا لشخص ترافقه." },
        WeekOf => { fr: "Semaine du {date}", en: "Week of {date}", nl: "Week van {date}", ar: "أسبوع {date}" },
        PreviousWeek => { fr: "Semaine précédente", en: "Previous week", nl: "Vorige week", ar: "الأسبوع السابق" },
        NextWeek => { fr: "Semaine suivante", en: "Next week", nl: "Volgende week", ar: "الأسبوع التالي" },
        ThisWeek => { fr: "Cette semaine", en: "This week", nl: "Deze week", ar: "هذا الأسبوع" },
        MentorLabel => { fr: "Mentor", en: "Mentor", nl: "Mentor", ar: "المرشد(ة)" },
        AllMentors => { fr: "Tous les mentors", en: "All mentors", nl: "Alle mentoren", ar: "كل المرشدين" },
        Filters => { fr: "Choisir les créneaux affichés", en: "Choose the slots shown", nl: "Kies de getoonde tijdsloten", ar: "اختيار المواعيد المعروضة" },
        SlotCount => { fr: "{count} {count?créneau|créneaux} cette semaine, dont {free} {free?libre|libres}", en: "{count} {count?slot|slots} this week, {free} free", nl: "{count} {count?tijdslot|tijdsloten} deze week, {free} vrij", ar: "عدد المواعيد هذا الأسبوع: {count}، الشاغرة منها: {free}" },
        NoSlotsDay => { fr: "Pas de créneau", en: "No slot", nl: "Geen tijdslot", ar: "لا مواعيد" },
        SlotTime => { fr: "{start} – {end}", en: "{start} – {end}", nl: "{start} – {end}", ar: "{start} – {end}" },
        Free => { fr: "Libre", en: "Free", nl: "Vrij", ar: "شاغر" },
        Booked => { fr: "Réservé", en: "Booked", nl: "Gereserveerd", ar: "محجوز" },
        Cancelled => { fr: "Annulé", en: "Cancelled", nl: "Geannuleerd", ar: "ملغى" },
        BookedFor => { fr: "Pour {name} ({project})", en: "For {name} ({project})", nl: "Voor {name} ({project})", ar: "لـ {name} ({project})" },
        Video => { fr: "Appel vidéo", en: "Video call", nl: "Videogesprek", ar: "مكالمة فيديو" },
        Book => { fr: "Réserver", en: "Book", nl: "Reserveren", ar: "حجز" },
        BookNamed => { fr: "Réserver le créneau de {time} avec {mentor}", en: "Book the {time} slot with {mentor}", nl: "Reserveren: het tijdslot van {time} met {mentor}", ar: "حجز موعد {time} مع {mentor}" },
        BookingTitle => { fr: "Réserver : {when} avec {mentor}", en: "Book: {when} with {mentor}", nl: "Reserveren: {when} met {mentor}", ar: "حجز: {when} مع {mentor}" },
        Entrepreneur => { fr: "Pour qui", en: "For whom", nl: "Voor wie", ar: "لمن" },
        ChooseEntrepreneur => { fr: "Choisir une personne", en: "Choose a person", nl: "Kies een persoon", ar: "اختر شخصًا" },
        NobodyToBook => { fr: "Personne à inscrire : vous n'accompagnez encore aucun projet.", en: "Nobody to book: you do not accompany any project yet.", nl: "Niemand om in te schrijven: u begeleidt nog geen project.", ar: "لا أحد للحجز: لا ترافق أي مشروع بعد." },
        BookingNote => { fr: "De quoi parler (facultatif)", en: "What to talk about (optional)", nl: "Waarover praten (niet verplicht)", ar: "موضوع الحديث (اختياري)" },
        ConfirmBooking => { fr: "Confirmer la réservation", en: "Confirm the booking", nl: "Reservering bevestigen", ar: "تأكيد الحجز" },
        CloseBooking => { fr: "Fermer sans réserver", en: "Close without booking", nl: "Sluiten zonder te reserveren", ar: "إغلاق دون حجز" },
        BookedSaved => { fr: "Créneau réservé pour {name}.", en: "Slot booked for {name}.", nl: "Tijdslot gereserveerd voor {name}.", ar: "تم حجز الموعد لـ {name}." },
        SlotJustTaken => { fr: "Ce créneau vient d'être pris par quelqu'un d'autre. La semaine est à jour : choisissez un autre créneau.", en: "Someone else has just taken this slot. The week is up to date: choose another slot.", nl: "Iemand anders heeft dit tijdslot net genomen. De week is bijgewerkt: kies een ander tijdslot.", ar: "حجز شخص آخر هذا الموعد للتو. الأسبوع محدَّث: اختر موعدًا آخر." },
        Unbook => { fr: "Libérer le créneau", en: "Free the slot", nl: "Tijdslot vrijgeven", ar: "إلغاء الحجز" },
        UnbookNamed => { fr: "Libérer le créneau de {time} réservé pour {name}", en: "Free the {time} slot booked for {name}", nl: "Tijdslot vrijgeven: {time}, gereserveerd voor {name}", ar: "إلغاء الحجز: موعد {time} المحجوز لـ {name}" },
        Unbooked => { fr: "Réservation annulée : le créneau est de nouveau libre.", en: "Booking cancelled: the slot is free again.", nl: "Reservering geannuleerd: het tijdslot is weer vrij.", ar: "أُلغي الحجز: الموعد شاغر من جديد." },
        CancelSlot => { fr: "Annuler le créneau", en: "Cancel the slot", nl: "Tijdslot annuleren", ar: "إلغاء الموعد" },
        CancelSlotNamed => { fr: "Annuler le créneau de {time}", en: "Cancel the slot of {time}", nl: "Tijdslot annuleren: {time}", ar: "إلغاء الموعد: {time}" },
        SlotCancelled => { fr: "Créneau annulé.", en: "Slot cancelled.", nl: "Tijdslot geannuleerd.", ar: "أُلغي الموعد." },

        // ---- offering a slot
        OfferTitle => { fr: "Offrir un créneau", en: "Offer a slot", nl: "Een tijdslot aanbieden", ar: "اقتراح موعد" },
        ChooseMentor => { fr: "Choisir un mentor", en: "Choose a mentor", nl: "Kies een mentor", ar: "اختر مرشدًا" },
        Day => { fr: "Jour", en: "Day", nl: "Dag", ar: "اليوم" },
        From => { fr: "De", en: "From", nl: "Van", ar: "من" },
        Until => { fr: "À", en: "Until", nl: "Tot", ar: "إلى" },
        Place => { fr: "Lieu", en: "Place", nl: "Plaats", ar: "المكان" },
        VideoLink => { fr: "Lien de l'appel vidéo", en: "Video call link", nl: "Link van het videogesprek", ar: "رابط مكالمة الفيديو" },
        PlaceOrLinkHint => { fr: "Un lieu, un lien https://, ou les deux.", en: "A place, an https:// link, or both.", nl: "Een plaats, een https://-link, of beide.", ar: "مكان، أو رابط https://، أو كلاهما." },
        SaveSlot => { fr: "Ajouter le créneau", en: "Add the slot", nl: "Tijdslot toevoegen", ar: "إضافة الموعد" },
        SlotSaved => { fr: "Créneau ajouté.", en: "Slot added.", nl: "Tijdslot toegevoegd.", ar: "تمت إضافة الموعد." },

        // ---- the mentor's calendar feed
        FeedTitle => { fr: "Mon agenda personnel", en: "My personal calendar", nl: "Mijn persoonlijke agenda", ar: "أجندتي الشخصية" },
        FeedIntro => { fr: "Une adresse à ajouter à votre agenda (téléphone, Outlook, Google) : vos créneaux réservés y apparaissent. Gardez-la pour vous ; vous pouvez la remplacer ou la fermer à tout moment.", en: "An address to add to your calendar (phone, Outlook, Google): your booked slots appear in it. Keep it to yourself; you can replace or close it at any time.", nl: "Een adres om aan uw agenda toe te voegen (telefoon, Outlook, Google): uw gereserveerde tijdsloten verschijnen erin. Houd het voor uzelf; u kunt het altijd vervangen of sluiten.", ar: "عنوان تضيفه إلى أجندتك (الهاتف، Outlook، Google): تظهر فيه مواعيدك المحجوزة. احتفظ به لنفسك؛ يمكنك استبداله أو إغلاقه في أي وقت." },
        FeedNone => { fr: "Pas encore d'adresse.", en: "No address yet.", nl: "Nog geen adres.", ar: "لا يوجد عنوان بعد." },
        FeedExists => { fr: "Une adresse est active. Elle n'est montrée qu'une fois : pour la revoir, faites-en une nouvelle (l'ancienne cessera de fonctionner).", en: "An address is active. It is shown only once: to see it again, make a new one (the old one stops working).", nl: "Er is een actief adres. Het wordt maar één keer getoond: maak een nieuw om het opnieuw te zien (het oude werkt dan niet meer).", ar: "يوجد عنوان نشط. لا يُعرض إلا مرة واحدة: لرؤيته مجددًا، أنشئ عنوانًا جديدًا (يتوقف القديم عن العمل)." },
        MakeFeed => { fr: "Faire une adresse", en: "Make an address", nl: "Een adres maken", ar: "إنشاء عنوان" },
        RemakeFeed => { fr: "Faire une nouvelle adresse", en: "Make a new address", nl: "Een nieuw adres maken", ar: "إنشاء عنوان جديد" },
        RevokeFeed => { fr: "Fermer l'adresse", en: "Close the address", nl: "Het adres sluiten", ar: "إغلاق العنوان" },
        FeedAddress => { fr: "Adresse de votre agenda", en: "Your calendar's address", nl: "Adres van uw agenda", ar: "عنوان أجندتك" },
        FeedMade => { fr: "Nouvelle adresse prête : copiez-la maintenant, elle ne sera plus montrée.", en: "New address ready: copy it now, it will not be shown again.", nl: "Nieuw adres klaar: kopieer het nu, het wordt niet meer getoond.", ar: "العنوان الجديد جاهز: انسخه الآن، فلن يُعرض مرة أخرى." },
        FeedRevoked => { fr: "L'adresse est fermée : elle ne fonctionne plus.", en: "The address is closed: it no longer works.", nl: "Het adres is gesloten: het werkt niet meer.", ar: "أُغلق العنوان: لم يعد يعمل." },
        // ---- the cohort's activities and attendance
        CohortActivitiesTitle => { fr: "Formations et soirées de la cohorte", en: "The cohort's trainings and evenings", nl: "Opleidingen en avonden van de groep", ar: "تكوينات وأمسيات الدفعة" },
        CohortActivitiesIntro => { fr: "Les activités InterLab de la cohorte et qui y était. La présence se note sur la page de l'activité.", en: "The cohort's InterLab activities and who was there. Attendance is taken on the activity's page.", nl: "De InterLab-activiteiten van de groep en wie er was. De aanwezigheid wordt op de pagina van de activiteit genoteerd.", ar: "أنشطة InterLab الخاصة بالدفعة ومن حضرها. يُسجَّل الحضور في صفحة النشاط." },
        AttendanceCaption => { fr: "Présence de chaque entrepreneur·e aux activités de la cohorte", en: "Each entrepreneur's attendance at the cohort's activities", nl: "Aanwezigheid van elke ondernemer op de activiteiten van de groep", ar: "حضور كل رائد(ة) أعمال في أنشطة الدفعة" },
        EntrepreneurColumn => { fr: "Entrepreneur·e", en: "Entrepreneur", nl: "Ondernemer", ar: "رائد(ة) الأعمال" },
        NoCohortActivities => { fr: "Aucune activité liée à cette cohorte pour l'instant.", en: "No activity linked to this cohort yet.", nl: "Nog geen activiteit gekoppeld aan deze groep.", ar: "لا يوجد أي نشاط مرتبط بهذه الدفعة بعد." },
        NoCohortMembers => { fr: "Personne dans cette cohorte.", en: "Nobody in this cohort.", nl: "Niemand in deze groep.", ar: "لا أحد في هذه الدفعة." },
        AttPresent => { fr: "Présent·e", en: "Present", nl: "Aanwezig", ar: "حاضر(ة)" },
        AttAbsent => { fr: "Absent·e", en: "Absent", nl: "Afwezig", ar: "غائب(ة)" },
        AttExcused => { fr: "Excusé·e", en: "Excused", nl: "Verontschuldigd", ar: "غياب بعذر" },
        AttRegistered => { fr: "Inscrit·e", en: "Registered", nl: "Ingeschreven", ar: "مسجَّل(ة)" },
        AttWaitlisted => { fr: "En liste d'attente", en: "On the waiting list", nl: "Op de wachtlijst", ar: "في قائمة الانتظار" },
        AttCancelled => { fr: "Inscription annulée", en: "Registration cancelled", nl: "Inschrijving geannuleerd", ar: "أُلغي التسجيل" },
        AttNone => { fr: "Pas inscrit·e", en: "Not registered", nl: "Niet ingeschreven", ar: "غير مسجَّل(ة)" },
        LinkActivity => { fr: "Activité InterLab à ajouter", en: "InterLab activity to add", nl: "InterLab-activiteit om toe te voegen", ar: "نشاط InterLab للإضافة" },
        ChooseActivity => { fr: "Choisir une activité", en: "Choose an activity", nl: "Kies een activiteit", ar: "اختر نشاطًا" },
        AddToCohort => { fr: "Ajouter à la cohorte", en: "Add to the cohort", nl: "Aan de groep toevoegen", ar: "إضافة إلى الدفعة" },
        ActivityLinked => { fr: "Activité ajoutée à la cohorte.", en: "Activity added to the cohort.", nl: "Activiteit aan de groep toegevoegd.", ar: "أُضيف النشاط إلى الدفعة." },
        Unlink => { fr: "Retirer", en: "Remove", nl: "Verwijderen", ar: "إزالة" },
        UnlinkNamed => { fr: "Retirer de la cohorte : {title}", en: "Remove from the cohort: {title}", nl: "Uit de groep verwijderen: {title}", ar: "إزالة من الدفعة: {title}" },
        ActivityUnlinked => { fr: "Activité retirée de la cohorte (elle reste dans l'agenda).", en: "Activity removed from the cohort (it stays in the agenda).", nl: "Activiteit uit de groep verwijderd (ze blijft in de agenda).", ar: "أُزيل النشاط من الدفعة (يبقى في الأجندة)." },
        NoMentorEntry => { fr: "Votre compte n'est lié à aucune fiche de mentor : demandez à l'équipe d'InterLab de le relier.", en: "Your account is not linked to a mentor entry: ask the InterLab team to link it.", nl: "Uw account is niet gekoppeld aan een mentorfiche: vraag het InterLab-team om het te koppelen.", ar: "حسابك غير مرتبط بأي بطاقة مرشد: اطلب من فريق InterLab ربطه." },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_catalogue, t};
    use shared::Lang;

    #[test]
    fn the_catalogue_is_complete_and_translated() {
        // A time range and "Mentor" read the same in several languages.
        check_catalogue(IloKey::ALL, &[IloKey::SlotTime, IloKey::MentorLabel], 0);
    }

    #[test]
    fn nobody_is_called_a_case_or_a_problem() {
        let banned = [
            " cas ",
            "problème",
            " case",
            "problem",
            "geval",
            "probleem",
            "حالة",
            "مشكلة",
        ];
        for &key in IloKey::ALL {
            for lang in Lang::ALL {
                let text = format!(" {} ", t(lang, key).to_lowercase());
                for word in banned {
                    assert!(!text.contains(word), "{lang:?} {key:?}: {text:?}");
                }
            }
        }
    }

    #[test]
    fn the_week_count_agrees_with_its_numbers() {
        let one = crate::i18n::tf(
            Lang::Fr,
            IloKey::SlotCount,
            &[("count", "1"), ("free", "1")],
        );
        assert_eq!(one, "1 créneau cette semaine, dont 1 libre");
        let many = crate::i18n::tf(
            Lang::Fr,
            IloKey::SlotCount,
            &[("count", "3"), ("free", "2")],
        );
        assert_eq!(many, "3 créneaux cette semaine, dont 2 libres");
    }
}

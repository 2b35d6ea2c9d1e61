//! The one diesel schema, valid for SQLite and PostgreSQL alike (see `migrations/README.md`).

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        display_name -> Text,
        role -> Text,
        active -> Bool,
        password_hash -> Text,
        sessions_valid_after -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        family_id -> Text,
        user_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        occurred_at -> Timestamp,
        actor_id -> Nullable<Text>,
        action -> Text,
        entity_type -> Text,
        entity_id -> Nullable<Text>,
        details -> Text,
        ip -> Nullable<Text>,
        request_id -> Nullable<Text>,
    }
}

diesel::joinable!(refresh_tokens -> users (user_id));

diesel::table! {
    tags (id) {
        id -> Text,
        slug -> Text,
        category -> Text,
        label_fr -> Text,
        label_en -> Text,
        label_nl -> Text,
        label_ar -> Text,
        merged_into -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    people (id) {
        id -> Text,
        first_name -> Text,
        last_name -> Nullable<Text>,
        preferred_name -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        preferred_channel -> Nullable<Text>,
        street -> Nullable<Text>,
        postcode -> Nullable<Text>,
        commune -> Nullable<Text>,
        profile -> Nullable<Text>,
        arrival_year -> Nullable<Integer>,
        category_override -> Nullable<Text>,
        category_override_reason -> Nullable<Text>,
        birth_year -> Nullable<Integer>,
        gender -> Nullable<Text>,
        french_level -> Nullable<Text>,
        origin_region -> Nullable<Text>,
        presentation -> Nullable<Text>,
        staff_notes -> Nullable<Text>,
        status -> Text,
        possible_duplicate_of -> Nullable<Text>,
        source -> Text,
        archived -> Bool,
        anonymised_at -> Nullable<Timestamp>,
        search_text -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_activity_at -> Timestamp,
    }
}

diesel::table! {
    person_languages (person_id, language) {
        person_id -> Text,
        language -> Text,
        level -> Text,
    }
}

diesel::table! {
    person_tags (person_id, tag_id) {
        person_id -> Text,
        tag_id -> Text,
        kind -> Text,
    }
}

diesel::table! {
    person_availability (person_id, slot) {
        person_id -> Text,
        slot -> Text,
    }
}

diesel::table! {
    memberships (id) {
        id -> Text,
        person_id -> Text,
        programme -> Text,
        role -> Text,
        status -> Text,
        started_on -> Date,
        ended_on -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    consents (id) {
        id -> Text,
        person_id -> Text,
        purpose -> Text,
        notice_version -> Text,
        notice_lang -> Text,
        method -> Text,
        given_at -> Timestamp,
        recorded_by -> Nullable<Text>,
        withdrawn_at -> Nullable<Timestamp>,
        withdrawn_by -> Nullable<Text>,
    }
}

diesel::table! {
    person_coaches (person_id, user_id) {
        person_id -> Text,
        user_id -> Text,
        since -> Timestamp,
    }
}

diesel::table! {
    communes (id) {
        id -> Text,
        name -> Text,
        latitude -> Double,
        longitude -> Double,
    }
}

diesel::table! {
    commune_neighbours (commune_id, neighbour_id) {
        commune_id -> Text,
        neighbour_id -> Text,
    }
}

diesel::table! {
    commune_postcodes (postcode) {
        postcode -> Text,
        commune_id -> Text,
    }
}

diesel::table! {
    duo_candidacies (id) {
        id -> Text,
        person_id -> Text,
        side -> Text,
        status -> Text,
        waiting_since -> Timestamp,
        commune_id -> Nullable<Text>,
        travel -> Text,
        gender -> Nullable<Text>,
        partner_gender -> Nullable<Text>,
        partner_age_min -> Nullable<Integer>,
        partner_age_max -> Nullable<Integer>,
        hopes -> Text,
        wants_french_practice -> Bool,
        remarks -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    duo_settings (version) {
        version -> Integer,
        weights -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    duo_blocks (id) {
        id -> Text,
        person_a -> Text,
        person_b -> Text,
        reason -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    duos (id) {
        id -> Text,
        newcomer_id -> Text,
        local_id -> Text,
        newcomer_candidacy_id -> Nullable<Text>,
        local_candidacy_id -> Nullable<Text>,
        status -> Text,
        score -> Nullable<Double>,
        explanation -> Nullable<Text>,
        settings_version -> Nullable<Integer>,
        pinned -> Bool,
        proposed_at -> Timestamp,
        introduced_at -> Nullable<Timestamp>,
        confirmed_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        reason -> Nullable<Text>,
        outcome -> Nullable<Text>,
        created_by -> Nullable<Text>,
        updated_at -> Timestamp,
        pause_reason -> Nullable<Text>,
    }
}

diesel::table! {
    duo_check_ins (id) {
        id -> Text,
        duo_id -> Text,
        met_on -> Date,
        activity -> Text,
        duration_minutes -> Nullable<Integer>,
        reported_by -> Text,
        satisfaction_newcomer -> Nullable<Integer>,
        satisfaction_local -> Nullable<Integer>,
        notes -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    duo_follow_ups (id) {
        id -> Text,
        duo_id -> Text,
        due_on -> Date,
        kind -> Text,
        done_at -> Nullable<Timestamp>,
        notes -> Nullable<Text>,
        done_on -> Nullable<Date>,
        done_by -> Nullable<Text>,
        done_notes -> Nullable<Text>,
        created_by -> Nullable<Text>,
    }
}

diesel::table! {
    duo_feedback (id) {
        id -> Text,
        duo_id -> Text,
        person_id -> Text,
        side -> Text,
        wants_to_continue -> Text,
        rating -> Integer,
        notes -> Nullable<Text>,
        given_on -> Date,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    duo_assessments (id) {
        id -> Text,
        duo_id -> Text,
        person_id -> Text,
        side -> Text,
        phase -> Text,
        assessed_on -> Date,
        french_confidence -> Nullable<Integer>,
        help_contacts -> Nullable<Integer>,
        intercultural_understanding -> Nullable<Integer>,
        learnt -> Nullable<Text>,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(duo_candidacies -> people (person_id));
diesel::joinable!(duo_check_ins -> duos (duo_id));
diesel::joinable!(duo_follow_ups -> duos (duo_id));
diesel::joinable!(duo_feedback -> duos (duo_id));
diesel::joinable!(duo_assessments -> duos (duo_id));

diesel::joinable!(person_languages -> people (person_id));
diesel::joinable!(person_tags -> people (person_id));
diesel::joinable!(person_tags -> tags (tag_id));
diesel::joinable!(person_availability -> people (person_id));
diesel::joinable!(memberships -> people (person_id));
diesel::joinable!(consents -> people (person_id));
diesel::joinable!(person_coaches -> people (person_id));
diesel::allow_tables_to_appear_in_same_query!(
    people,
    person_languages,
    person_tags,
    person_availability,
    memberships,
    consents,
    person_coaches,
    tags,
    users,
    refresh_tokens,
    audit_log,
    communes,
    commune_neighbours,
    duo_candidacies,
    duo_settings,
    duo_blocks,
    duos,
    duo_check_ins,
    duo_follow_ups,
    duo_feedback,
    duo_assessments,
    venues,
    activity_series,
    activities,
    activity_tags,
    activity_hosts,
    activity_staff,
    registrations,
    idempotency_keys,
    notifications,
    registration_confirmations,
    password_links,
    interlab_terms,
    interlab_cohorts,
    interlab_mentors,
    interlab_mentorships,
    interlab_office_hours,
    interlab_applications,
    interlab_entrepreneurs,
    interlab_diagnostics,
    interlab_diagnostic_strengths,
    interlab_diagnostic_needs,
    interlab_templates,
    interlab_milestones,
    interact_proposals,
    interact_proposal_tags,
    interact_notes,
    interact_workshops,
    interact_autonomy,
    interact_feedback
);

diesel::table! {
    password_links (id) {
        id -> Text,
        user_id -> Text,
        purpose -> Text,
        token_hash -> Text,
        token -> Nullable<Text>,
        lang -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    registration_confirmations (id) {
        id -> Text,
        token_hash -> Text,
        token -> Nullable<Text>,
        activity_id -> Text,
        person_id -> Text,
        lang -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        claimed_by -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    venues (id) {
        id -> Text,
        name -> Text,
        street -> Nullable<Text>,
        postcode -> Nullable<Text>,
        locality -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    activity_series (id) {
        id -> Text,
        recurrence -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    activities (id) {
        id -> Text,
        series_id -> Nullable<Text>,
        title -> Text,
        description -> Text,
        programme -> Text,
        kind -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        venue_id -> Nullable<Text>,
        online_url -> Nullable<Text>,
        capacity -> Nullable<Integer>,
        registration_opens_at -> Nullable<Timestamp>,
        registration_closes_at -> Nullable<Timestamp>,
        languages -> Text,
        french_level -> Nullable<Text>,
        free -> Bool,
        accessibility_notes -> Nullable<Text>,
        visibility -> Text,
        status -> Text,
        cancel_reason -> Nullable<Text>,
        min_newcomer_percent -> Nullable<Integer>,
        min_local_percent -> Nullable<Integer>,
        sequence -> Integer,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        was_public -> Bool,
    }
}

diesel::table! {
    activity_tags (activity_id, tag_id) {
        activity_id -> Text,
        tag_id -> Text,
    }
}

diesel::table! {
    activity_hosts (activity_id, person_id) {
        activity_id -> Text,
        person_id -> Text,
        public_name -> Nullable<Text>,
    }
}

diesel::table! {
    activity_staff (activity_id, user_id) {
        activity_id -> Text,
        user_id -> Text,
    }
}

diesel::table! {
    registrations (id) {
        id -> Text,
        activity_id -> Text,
        person_id -> Text,
        category -> Nullable<Text>,
        status -> Text,
        source -> Text,
        queued_at -> Timestamp,
        registered_by -> Nullable<Text>,
        promoted_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (scope, key) {
        key -> Text,
        scope -> Text,
        status -> Integer,
        body -> Text,
        created_at -> Timestamp,
        request_hash -> Text,
    }
}

diesel::joinable!(activities -> venues (venue_id));
diesel::joinable!(activity_tags -> activities (activity_id));
diesel::joinable!(activity_hosts -> activities (activity_id));
diesel::joinable!(activity_staff -> activities (activity_id));
diesel::joinable!(registrations -> activities (activity_id));
diesel::joinable!(registrations -> people (person_id));
diesel::joinable!(activity_hosts -> people (person_id));

diesel::table! {
    notifications (id) {
        id -> Text,
        kind -> Text,
        person_id -> Text,
        activity_id -> Text,
        registration_id -> Nullable<Text>,
        channel -> Text,
        status -> Text,
        attempts -> Integer,
        last_error -> Nullable<Text>,
        next_attempt_at -> Timestamp,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        done_at -> Nullable<Timestamp>,
        done_by -> Nullable<Text>,
        done_note -> Nullable<Text>,
        claimed_by -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
    }
}

diesel::joinable!(notifications -> people (person_id));
diesel::joinable!(notifications -> activities (activity_id));

diesel::table! {
    interlab_terms (id) {
        id -> Text,
        kind -> Text,
        slug -> Text,
        label_fr -> Text,
        label_en -> Text,
        label_nl -> Text,
        label_ar -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interlab_cohorts (id) {
        id -> Text,
        name -> Text,
        starts_on -> Date,
        ends_on -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interlab_applications (id) {
        id -> Text,
        person_id -> Text,
        idea -> Text,
        heard_via -> Nullable<Text>,
        heard_via_detail -> Nullable<Text>,
        status -> Text,
        decision_note -> Nullable<Text>,
        partner -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interlab_entrepreneurs (id) {
        id -> Text,
        person_id -> Text,
        application_id -> Nullable<Text>,
        project_name -> Text,
        project_description -> Nullable<Text>,
        sector_id -> Nullable<Text>,
        stage -> Text,
        legal_form -> Text,
        target_date -> Nullable<Date>,
        cohort_id -> Nullable<Text>,
        coach_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(interlab_applications -> people (person_id));
diesel::joinable!(interlab_entrepreneurs -> people (person_id));
diesel::joinable!(interlab_entrepreneurs -> interlab_cohorts (cohort_id));
diesel::joinable!(interlab_entrepreneurs -> interlab_terms (sector_id));

diesel::table! {
    interlab_diagnostics (id) {
        id -> Text,
        entrepreneur_id -> Text,
        version -> Integer,
        held_on -> Date,
        summary -> Nullable<Text>,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    interlab_diagnostic_strengths (diagnostic_id, strength_id) {
        diagnostic_id -> Text,
        strength_id -> Text,
        position -> Integer,
        level -> Integer,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    interlab_diagnostic_needs (id) {
        id -> Text,
        diagnostic_id -> Text,
        domain -> Text,
        priority -> Text,
        goal -> Nullable<Text>,
        note -> Nullable<Text>,
    }
}

diesel::joinable!(interlab_diagnostics -> interlab_entrepreneurs (entrepreneur_id));
diesel::joinable!(interlab_diagnostic_strengths -> interlab_diagnostics (diagnostic_id));
diesel::joinable!(interlab_diagnostic_needs -> interlab_diagnostics (diagnostic_id));

diesel::table! {
    interlab_mentors (id) {
        id -> Text,
        person_id -> Text,
        role -> Text,
        organisation -> Nullable<Text>,
        domains -> Text,
        sector_ids -> Text,
        languages -> Text,
        conflicts -> Text,
        capacity -> Integer,
        availability -> Nullable<Text>,
        active -> Bool,
        user_id -> Nullable<Text>,
        feed_token_hash -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interlab_mentorships (id) {
        id -> Text,
        mentor_id -> Text,
        entrepreneur_id -> Text,
        status -> Text,
        entrepreneur_agreed_at -> Nullable<Timestamp>,
        mentor_agreed_at -> Nullable<Timestamp>,
        started_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        end_reason -> Nullable<Text>,
        end_note -> Nullable<Text>,
        note -> Nullable<Text>,
        capacity_override_reason -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interlab_office_hours (id) {
        id -> Text,
        mentor_id -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        place -> Nullable<Text>,
        video_url -> Nullable<Text>,
        status -> Text,
        entrepreneur_id -> Nullable<Text>,
        booking_note -> Nullable<Text>,
        booked_by -> Nullable<Text>,
        booked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(interlab_mentors -> people (person_id));
diesel::joinable!(interlab_mentorships -> interlab_mentors (mentor_id));
diesel::joinable!(interlab_mentorships -> interlab_entrepreneurs (entrepreneur_id));
diesel::joinable!(interlab_office_hours -> interlab_mentors (mentor_id));

diesel::table! {
    interlab_templates (id) {
        id -> Text,
        domain -> Text,
        position -> Integer,
        title -> Text,
        description -> Nullable<Text>,
        typical_days -> Integer,
        resources -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interlab_milestones (id) {
        id -> Text,
        entrepreneur_id -> Text,
        need_id -> Nullable<Text>,
        template_id -> Nullable<Text>,
        title -> Text,
        description -> Nullable<Text>,
        due_on -> Nullable<Date>,
        owner -> Text,
        status -> Text,
        evidence -> Nullable<Text>,
        completed_on -> Nullable<Date>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(interlab_milestones -> interlab_entrepreneurs (entrepreneur_id));

diesel::table! {
    interlab_meetings (id) {
        id -> Text,
        entrepreneur_id -> Text,
        held_on -> Date,
        entrepreneur_words -> Nullable<Text>,
        notes -> Nullable<Text>,
        decisions -> Nullable<Text>,
        next_steps -> Text,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interlab_meeting_attendees (id) {
        id -> Text,
        meeting_id -> Text,
        person_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        position -> Integer,
    }
}

diesel::table! {
    interlab_outcomes (id) {
        id -> Text,
        entrepreneur_id -> Text,
        kind -> Text,
        occurred_on -> Date,
        legal_form -> Nullable<Text>,
        enterprise_number -> Nullable<Text>,
        reason -> Nullable<Text>,
        note -> Nullable<Text>,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interlab_follow_ups (id) {
        id -> Text,
        entrepreneur_id -> Text,
        outcome_id -> Text,
        months -> Integer,
        due_on -> Date,
        done_on -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(interlab_meetings -> interlab_entrepreneurs (entrepreneur_id));
diesel::joinable!(interlab_meeting_attendees -> interlab_meetings (meeting_id));
diesel::joinable!(interlab_outcomes -> interlab_entrepreneurs (entrepreneur_id));
diesel::joinable!(interlab_follow_ups -> interlab_outcomes (outcome_id));
diesel::allow_tables_to_appear_in_same_query!(
    interlab_meetings,
    interlab_meeting_attendees,
    interlab_outcomes,
    interlab_follow_ups,
    interlab_entrepreneurs
);

diesel::table! {
    periodic_jobs (name) {
        name -> Text,
        last_run_at -> Timestamp,
    }
}

diesel::table! {
    throttle_events (id) {
        id -> Text,
        bucket -> Text,
        key_hash -> Text,
        at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    interact_proposals (id) {
        id -> Text,
        person_id -> Text,
        title -> Text,
        description -> Text,
        languages -> Text,
        availability -> Text,
        availability_note -> Nullable<Text>,
        needs -> Nullable<Text>,
        wants_cohost -> Bool,
        cohost_id -> Nullable<Text>,
        status -> Text,
        coordinator_id -> Nullable<Text>,
        next_step -> Nullable<Text>,
        next_step_on -> Nullable<Date>,
        autonomy -> Text,
        source -> Text,
        created_by -> Nullable<Text>,
        status_changed_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    interact_proposal_tags (proposal_id, tag_id) {
        proposal_id -> Text,
        tag_id -> Text,
    }
}

diesel::table! {
    interact_notes (id) {
        id -> Text,
        proposal_id -> Text,
        body -> Text,
        noted_on -> Date,
        author_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    interact_workshops (id) {
        id -> Text,
        proposal_id -> Text,
        series_id -> Nullable<Text>,
        activity_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    interact_autonomy (id) {
        id -> Text,
        proposal_id -> Text,
        level -> Text,
        changed_on -> Date,
        note -> Nullable<Text>,
        changed_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    interact_feedback (id) {
        id -> Text,
        activity_id -> Text,
        person_id -> Text,
        rating -> Integer,
        comment -> Nullable<Text>,
        recorded_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(interact_proposal_tags -> interact_proposals (proposal_id));
diesel::joinable!(interact_proposal_tags -> tags (tag_id));
diesel::joinable!(interact_notes -> interact_proposals (proposal_id));
diesel::joinable!(interact_workshops -> interact_proposals (proposal_id));
diesel::joinable!(interact_autonomy -> interact_proposals (proposal_id));

diesel::table! {
    organisations (id) {
        id -> Text,
        name -> Text,
        kind -> Text,
        street -> Nullable<Text>,
        postcode -> Nullable<Text>,
        commune -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        agreement_start -> Nullable<Date>,
        agreement_end -> Nullable<Date>,
        data_sharing_signed -> Bool,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    organisation_people (organisation_id, person_id) {
        organisation_id -> Text,
        person_id -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    api_clients (id) {
        id -> Text,
        organisation_id -> Text,
        name -> Text,
        scopes -> Text,
        secret_hash -> Text,
        previous_secret_hash -> Nullable<Text>,
        previous_valid_until -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(organisation_people -> organisations (organisation_id));
diesel::joinable!(organisation_people -> people (person_id));
diesel::joinable!(api_clients -> organisations (organisation_id));
diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    organisation_people,
    people,
    api_clients
);

diesel::table! {
    referrals (id) {
        id -> Text,
        organisation_id -> Text,
        client_id -> Text,
        programme -> Text,
        first_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        languages -> Text,
        note -> Nullable<Text>,
        consent_collected_by -> Text,
        consent_at -> Timestamp,
        notice_version -> Text,
        status -> Text,
        person_id -> Nullable<Text>,
        staff_note -> Nullable<Text>,
        status_changed_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(referrals -> organisations (organisation_id));
diesel::allow_tables_to_appear_in_same_query!(referrals, organisations);

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        organisation_id -> Text,
        url -> Text,
        description -> Nullable<Text>,
        event_types -> Text,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        enabled -> Bool,
        disabled_at -> Nullable<Timestamp>,
        disabled_reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        endpoint_id -> Text,
        message_id -> Text,
        event_type -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        last_attempt_at -> Nullable<Timestamp>,
        response_status -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::allow_tables_to_appear_in_same_query!(webhook_deliveries, webhook_endpoints);

diesel::table! {
    interlab_cohort_activities (cohort_id, activity_id) {
        cohort_id -> Text,
        activity_id -> Text,
        linked_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(interlab_cohort_activities -> interlab_cohorts (cohort_id));
diesel::joinable!(interlab_cohort_activities -> activities (activity_id));
diesel::allow_tables_to_appear_in_same_query!(interlab_cohort_activities, interlab_cohorts);
diesel::allow_tables_to_appear_in_same_query!(interlab_cohort_activities, activities);
diesel::allow_tables_to_appear_in_same_query!(interlab_cohort_activities, registrations);
diesel::allow_tables_to_appear_in_same_query!(interlab_cohort_activities, interlab_entrepreneurs);

diesel::table! {
    training_modules (id) {
        id -> Text,
        title -> Text,
        description -> Text,
        objectives -> Text,
        minutes -> Integer,
        audience -> Text,
        languages -> Text,
        prerequisites -> Nullable<Text>,
        max_group_size -> Nullable<Integer>,
        certificate -> Bool,
        min_attendance_percent -> Integer,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    training_courses (id) {
        id -> Text,
        module_id -> Text,
        starts_on -> Date,
        ends_on -> Date,
        open_to_partners -> Bool,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    training_course_sessions (course_id, activity_id) {
        course_id -> Text,
        activity_id -> Text,
    }
}

diesel::table! {
    training_registrations (id) {
        id -> Text,
        course_id -> Text,
        person_id -> Text,
        organisation_id -> Nullable<Text>,
        source -> Text,
        registered_by -> Nullable<Text>,
        cancelled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    training_certificates (id) {
        id -> Text,
        course_id -> Text,
        person_id -> Text,
        code -> Text,
        code_hash -> Text,
        language -> Text,
        minutes -> Integer,
        issued_by -> Nullable<Text>,
        issued_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        revoked_by -> Nullable<Text>,
        revoke_reason -> Nullable<Text>,
    }
}

diesel::joinable!(training_courses -> training_modules (module_id));
diesel::joinable!(training_course_sessions -> training_courses (course_id));
diesel::joinable!(training_course_sessions -> activities (activity_id));
diesel::joinable!(training_registrations -> training_courses (course_id));
diesel::joinable!(training_certificates -> training_courses (course_id));
diesel::allow_tables_to_appear_in_same_query!(training_courses, training_modules);
diesel::allow_tables_to_appear_in_same_query!(training_course_sessions, training_courses);
diesel::allow_tables_to_appear_in_same_query!(training_course_sessions, activities);
diesel::allow_tables_to_appear_in_same_query!(training_registrations, training_courses);
diesel::allow_tables_to_appear_in_same_query!(training_registrations, people);
diesel::allow_tables_to_appear_in_same_query!(training_certificates, training_courses);
diesel::allow_tables_to_appear_in_same_query!(training_certificates, people);

diesel::table! {
    training_evaluations (id) {
        id -> Text,
        course_id -> Text,
        person_id -> Text,
        token_hash -> Nullable<Text>,
        satisfaction -> Nullable<Integer>,
        useful -> Nullable<Text>,
        objectives -> Text,
        entered_by -> Nullable<Text>,
        answered_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(training_evaluations -> training_courses (course_id));
diesel::allow_tables_to_appear_in_same_query!(training_evaluations, training_courses);

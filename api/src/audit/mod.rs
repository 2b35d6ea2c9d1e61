//! The audit log: who did what to which record, and when. Append-only.

pub mod http;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::audit_log;
use crate::db::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = audit_log)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct AuditRow {
    pub id: String,
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub details: String,
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

/// Declares [`AuditAction`] with the text stored for each action.
macro_rules! audit_actions {
    ($($variant:ident = $text:literal,)+) => {
        /// Every action the code records. The stored text is part of the data: the audit list
        /// filters on it and the duo timeline reads it back, so a variant's text never changes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum AuditAction {
            $($variant),+
        }

        impl AuditAction {
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(AuditAction::$variant => $text),+
                }
            }

            /// The action stored as `text`, if the code records it.
            pub fn parse(text: &str) -> Option<AuditAction> {
                AuditAction::ALL.iter().copied().find(|a| a.as_str() == text)
            }
        }
    };
}

audit_actions! {
    DuoProposed = "duo.proposed",
    DuoTransition = "duo.transition",
    DuoCheckIn = "duo.check_in",
    DuoFeedbackRecorded = "duo.feedback_recorded",
    DuoCandidacyCreated = "duo.candidacy_created",
    DuoCandidacyUpdated = "duo.candidacy_updated",
    DuoPairBlocked = "duo.pair_blocked",
    DuoPairUnblocked = "duo.pair_unblocked",
    DuoAssessmentRecorded = "duo.assessment_recorded",
    DuoCommuneCreated = "duo.commune_created",
    DuoCommuneUpdated = "duo.commune_updated",
    DuoFollowUpPlanned = "duo.follow_up_planned",
    DuoFollowUpDone = "duo.follow_up_done",
    DuoSettingsChanged = "duo.settings_changed",
    NotificationQueued = "notification.queued",
    NotificationSent = "notification.sent",
    NotificationFailed = "notification.failed",
    NotificationDone = "notification.done",
    ActivityCreated = "activity.created",
    ActivitySeriesCreated = "activity.series_created",
    ActivityUpdated = "activity.updated",
    RegistrationCreated = "registration.created",
    RegistrationStatus = "registration.status",
    RegistrationPromoted = "registration.promoted",
    VenueCreated = "venue.created",
    AuthLogin = "auth.login",
    AuthLoginFailed = "auth.login_failed",
    AuthRefreshReused = "auth.refresh_reused",
    AuthLogout = "auth.logout",
    AuthPasswordChanged = "auth.password_changed",
    AuthPasswordResetRequested = "auth.password_reset_requested",
    AuthPasswordReset = "auth.password_reset",
    UserPasswordLinkCreated = "user.password_link_created",
    UserCreated = "user.created",
    UserUpdated = "user.updated",
    TagCreated = "tag.created",
    TagUpdated = "tag.updated",
    TagMerged = "tag.merged",
    PersonSignup = "person.signup",
    PersonCreated = "person.created",
    PersonUpdated = "person.updated",
    PersonArchived = "person.archived",
    PersonRestored = "person.restored",
    PersonReviewed = "person.reviewed",
    PersonMembershipAdded = "person.membership_added",
    PersonMembershipUpdated = "person.membership_updated",
    PersonConsentGiven = "person.consent_given",
    PersonConsentWithdrawn = "person.consent_withdrawn",
    PersonCoachAssigned = "person.coach_assigned",
    PersonCoachRemoved = "person.coach_removed",
    PersonExported = "person.exported",
    PersonAnonymised = "person.anonymised",
    InterlabApplied = "interlab.applied",
    InterlabApplicationDecided = "interlab.application_decided",
    InterlabEntrepreneurUpdated = "interlab.entrepreneur_updated",
    InterlabCohortCreated = "interlab.cohort_created",
    InterlabCohortUpdated = "interlab.cohort_updated",
    InterlabTermCreated = "interlab.term_created",
    InterlabTermUpdated = "interlab.term_updated",
    InterlabDiagnosticRecorded = "interlab.diagnostic_recorded",
    InterlabMeetingRecorded = "interlab.meeting_recorded",
    InterlabMeetingUpdated = "interlab.meeting_updated",
    InterlabMeetingDeleted = "interlab.meeting_deleted",
    InterlabNextStepMilestone = "interlab.next_step_milestone",
    InterlabOutcomeRecorded = "interlab.outcome_recorded",
    InterlabOutcomeUpdated = "interlab.outcome_updated",
    InterlabOutcomeDeleted = "interlab.outcome_deleted",
    InterlabFollowUpDone = "interlab.follow_up_done",
    InterlabTemplateCreated = "interlab.template_created",
    InterlabTemplateUpdated = "interlab.template_updated",
    InterlabMilestoneCreated = "interlab.milestone_created",
    InterlabMilestoneUpdated = "interlab.milestone_updated",
    InterlabMentorCreated = "interlab.mentor_created",
    InterlabMentorUpdated = "interlab.mentor_updated",
    InterlabMentorFeedRotated = "interlab.mentor_feed_rotated",
    InterlabMentorFeedRevoked = "interlab.mentor_feed_revoked",
    InterlabMentorshipProposed = "interlab.mentorship_proposed",
    InterlabMentorshipUpdated = "interlab.mentorship_updated",
    InterlabMentorCapacityOverridden = "interlab.mentor_capacity_overridden",
    InterlabOfficeHourCreated = "interlab.office_hour_created",
    InterlabOfficeHourUpdated = "interlab.office_hour_updated",
    InterlabOfficeHourBooked = "interlab.office_hour_booked",
    InterlabOfficeHourUnbooked = "interlab.office_hour_unbooked",
    InterlabCohortActivityLinked = "interlab.cohort_activity_linked",
    InterlabCohortActivityUnlinked = "interlab.cohort_activity_unlinked",
    TrainingModuleCreated = "training.module_created",
    TrainingModuleUpdated = "training.module_updated",
    TrainingCourseCreated = "training.course_created",
    TrainingCourseUpdated = "training.course_updated",
    TrainingRegistered = "training.registered",
    TrainingWithdrawn = "training.withdrawn",
    TrainingAttendance = "training.attendance",
    TrainingCertificateIssued = "training.certificate_issued",
    TrainingCertificateRevoked = "training.certificate_revoked",
    TrainingCertificateDownloaded = "training.certificate_downloaded",
    TrainingEvaluationLinks = "training.evaluation_links",
    TrainingEvaluationAnswered = "training.evaluation_answered",
    InteractProposed = "interact.proposed",
    InteractProposalUpdated = "interact.proposal_updated",
    InteractStatusChanged = "interact.status_changed",
    InteractNoteAdded = "interact.note_added",
    InteractAutonomyChanged = "interact.autonomy_changed",
    InteractWorkshopCreated = "interact.workshop_created",
    InteractFeedbackRecorded = "interact.feedback_recorded",
    OrganisationCreated = "organisation.created",
    OrganisationUpdated = "organisation.updated",
    OrganisationContactSet = "organisation.contact_set",
    OrganisationContactRemoved = "organisation.contact_removed",
    ApiClientCreated = "api_client.created",
    ApiClientRotated = "api_client.rotated",
    ApiClientRevoked = "api_client.revoked",
    PartnerTokenIssued = "partner.token_issued",
    PartnerTokenRefused = "partner.token_refused",
    PartnerCall = "partner.call",
    ReferralReceived = "referral.received",
    ReferralReviewed = "referral.reviewed",
    WebhookEndpointCreated = "webhook.endpoint_created",
    WebhookEndpointUpdated = "webhook.endpoint_updated",
    WebhookEndpointDeleted = "webhook.endpoint_deleted",
    WebhookSecretRotated = "webhook.secret_rotated",
    WebhookEndpointDisabled = "webhook.endpoint_disabled",
    WebhookDeliveryReplayed = "webhook.delivery_replayed",
}

/// Who acted, from where; attached to every audit entry of a request.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<Uuid>,
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

/// One event to record.
pub struct AuditEvent<'a> {
    pub action: AuditAction,
    pub entity_type: &'a str,
    pub entity_id: Option<String>,
    /// Field names and non-sensitive facts; never personal values.
    pub details: serde_json::Value,
}

pub fn record(conn: &mut DbConnection, actor: &Actor, event: AuditEvent<'_>) -> QueryResult<()> {
    let row = AuditRow {
        id: Uuid::now_v7().to_string(),
        occurred_at: crate::db::now(),
        actor_id: actor.user_id.map(|u| u.to_string()),
        action: event.action.as_str().to_owned(),
        entity_type: event.entity_type.to_owned(),
        entity_id: event.entity_id,
        details: event.details.to_string(),
        ip: actor.ip.clone(),
        request_id: actor.request_id.clone(),
    };
    diesel::insert_into(audit_log::table)
        .values(&row)
        .execute(conn)
        .map(|_| ())
}

/// Filters of the audit list.
#[derive(Debug, Default)]
pub struct AuditQuery {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<String>,
    pub action: Option<AuditAction>,
    /// Entries at or after this instant (UTC).
    pub from: Option<NaiveDateTime>,
    /// Entries before this instant (UTC).
    pub before: Option<NaiveDateTime>,
}

/// One page of entries, newest first, and the total count.
pub fn list(
    conn: &mut DbConnection,
    filter: &AuditQuery,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<AuditRow>, i64)> {
    let build = || {
        let mut q = audit_log::table.into_boxed();
        if let Some(v) = &filter.entity_type {
            q = q.filter(audit_log::entity_type.eq(v.clone()));
        }
        if let Some(v) = &filter.entity_id {
            q = q.filter(audit_log::entity_id.eq(v.clone()));
        }
        if let Some(v) = &filter.actor_id {
            q = q.filter(audit_log::actor_id.eq(v.clone()));
        }
        if let Some(v) = filter.action {
            q = q.filter(audit_log::action.eq(v.as_str()));
        }
        if let Some(v) = filter.from {
            q = q.filter(audit_log::occurred_at.ge(v));
        }
        if let Some(v) = filter.before {
            q = q.filter(audit_log::occurred_at.lt(v));
        }
        q
    };
    let count = build().count().get_result(conn)?;
    let rows = build()
        .order((audit_log::occurred_at.desc(), audit_log::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?;
    Ok((rows, count))
}

/// Display names of the staff accounts among `ids` (ids without an account are left out).
pub fn actor_names(
    conn: &mut DbConnection,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    use crate::db::schema::users;
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let rows: Vec<(String, String)> = users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The entries of one record with the given actions, oldest first.
pub fn history(
    conn: &mut DbConnection,
    entity_type: &str,
    entity_id: &str,
    actions: &[AuditAction],
) -> QueryResult<Vec<AuditRow>> {
    let actions: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
    audit_log::table
        .filter(audit_log::entity_type.eq(entity_type))
        .filter(audit_log::entity_id.eq(entity_id))
        .filter(audit_log::action.eq_any(&actions))
        .order((audit_log::occurred_at.asc(), audit_log::id.asc()))
        .select(AuditRow::as_select())
        .load(conn)
}

/// Appends one entry to the audit log.
pub fn audit_event(
    conn: &mut DbConnection,
    actor: &Actor,
    action: AuditAction,
    entity_type: &str,
    entity_id: &str,
    details: serde_json::Value,
) -> Result<(), crate::error::ApiError> {
    crate::audit::record(
        conn,
        actor,
        crate::audit::AuditEvent {
            action,
            entity_type,
            entity_id: Some(entity_id.to_owned()),
            details,
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod action_tests {
    use super::AuditAction;

    #[test]
    fn action_texts_are_distinct_and_dotted() {
        let mut seen = std::collections::HashSet::new();
        for a in AuditAction::ALL {
            assert!(seen.insert(a.as_str()), "{a:?} repeats a text");
            assert!(a.as_str().contains('.'), "{a:?}");
            assert_eq!(AuditAction::parse(a.as_str()), Some(*a));
        }
        assert_eq!(AuditAction::parse("person"), None);
        assert_eq!(AuditAction::parse("Person.created"), None);
    }
}

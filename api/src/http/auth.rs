//! Authentication (who is calling) and authorization (what their role may do).

use std::future::Future;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use shared::auth::Role;
use uuid::Uuid;

use crate::accounts::store::UserRow;
use crate::error::ApiError;
use crate::state::AppState;

/// What a role may do, named per feature. Object-level rules (a coach sees only the people
/// they accompany and the activities they run) live with each feature's service; this table
/// answers the role-level question in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// List, create, change and deactivate staff accounts.
    ManageAccounts,
    /// Read the audit log.
    ReadAudit,
    /// Read people (coaches: only those they accompany, checked per record).
    ReadPeople,
    /// Create and change people, memberships, consents; export and anonymise one person.
    WritePeople,
    /// Add, rename and merge tags of the vocabulary.
    ManageTags,
    /// Review people past the retention period and anonymise them in bulk.
    ManageRetention,
    /// Read activities and their registrations (coaches: those they run).
    ReadActivities,
    /// Create activities, series and venues; manage any activity's registrations.
    WriteActivities,
    /// Read Duo2Change candidacies and duos (coaches: of the people they accompany).
    ReadDuos,
    /// Candidacies, proposals, duo transitions, blocks, follow-ups and feedback.
    ManageDuos,
    /// Change the matching weights and the communes of the travel map.
    ConfigureMatching,
    /// See and mark done the notices staff pass on themselves (coaches: their activities').
    ReadNotifications,
    /// Read InterLab entrepreneurs and cohorts (coaches: the entrepreneurs they accompany).
    ReadInterlab,
    /// Change an entrepreneur's project (coaches: of the entrepreneurs they accompany).
    WriteEntrepreneurs,
    /// Review applications, manage cohorts and the sector vocabulary, reassign coaches.
    ManageInterlab,
    /// Edit InterLab's milestone templates.
    EditTemplates,
    /// Read InterLab cohorts (not mentors: they see only the entrepreneurs they accompany).
    ReadCohorts,
    /// Read the mentors' directory, suggestions and relations (coaches: their entrepreneurs').
    ReadMentors,
    /// Propose mentors and follow relations; book office hours (coaches: for the entrepreneurs
    /// they accompany).
    WriteMentorships,
    /// Office hours: read the slots (mentors: their own), offer and change slots (mentors:
    /// their own, checked by the service).
    OfficeHours,
    /// Record an accompaniment meeting (coaches: for the entrepreneurs they accompany; mentors:
    /// for those of their active relations, as an attendee).
    RecordMeetings,
    /// Book an entrepreneur into an office hour (coaches: the entrepreneurs they accompany;
    /// mentors: those of their active relations, into their own slots).
    BookOfficeHours,
    /// Partner organisations, their contacts and their API clients.
    ManagePartners,
    /// The organisation-wide reports (issue 17): never coaches, mentors or partners.
    ReadReports,
    /// The home page: what needs the user this week (coaches: only what they accompany).
    ReadHome,
    /// Read the training catalogue and courses (coaches: only the trainees they accompany).
    ReadTrainings,
    /// Write modules and courses, register trainees, take attendance, issue and revoke
    /// certificates.
    ManageTrainings,
}

impl Permission {
    pub fn allowed(self, role: Role) -> bool {
        use Permission::*;
        // A mentor's account: the entrepreneurs of their active relations (read, meetings
        // recorded and office hours booked for them, checked per record) and their own office
        // hours; nothing else of the staff routes.
        if role == Role::Mentor {
            return matches!(
                self,
                ReadInterlab | OfficeHours | RecordMeetings | BookOfficeHours
            );
        }
        match self {
            ManageAccounts | ReadAudit | ManageRetention | ConfigureMatching | EditTemplates => {
                role == Role::Admin
            }
            WritePeople | ManageTags | WriteActivities | ManageDuos | ManageInterlab
            | ManagePartners | ReadReports | ManageTrainings => {
                matches!(role, Role::Admin | Role::Coordinator)
            }
            ReadPeople | ReadActivities | ReadDuos | ReadNotifications | ReadInterlab
            | WriteEntrepreneurs | ReadCohorts | ReadMentors | WriteMentorships | OfficeHours
            | RecordMeetings | BookOfficeHours | ReadHome | ReadTrainings => true,
        }
    }
}

/// The authenticated staff member making the request, loaded from the database on every
/// request so that deactivation and role changes take effect at once.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: Uuid,
    pub role: Role,
    pub email: String,
    pub display_name: String,
}

impl AuthUser {
    /// For roles that see only the people they accompany: their own id.
    pub fn people_scope(&self) -> Option<String> {
        matches!(self.role, Role::Coach | Role::Mentor).then(|| self.id.to_string())
    }

    /// Whether this role sees staff-only notes.
    pub fn sees_staff_notes(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Coordinator)
    }

    /// `Forbidden` unless the user's role has `perm`.
    pub fn require(&self, perm: Permission) -> Result<(), ApiError> {
        if perm.allowed(self.role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| anyhow::anyhow!("application state missing"))?;
            let claims = token
                .and_then(|t| state.jwt.verify(&t))
                .ok_or(ApiError::Unauthorized)?;
            let id: Uuid = claims.sub.parse().map_err(|_| ApiError::Unauthorized)?;
            let user = state
                .db
                .run(move |conn| Ok(UserRow::find(conn, id)?))
                .await?
                .ok_or(ApiError::Unauthorized)?;
            let revoked_at = user.sessions_valid_after.and_utc().timestamp_micros();
            if !user.active || claims.issued_at_us() < revoked_at {
                return Err(ApiError::Unauthorized);
            }
            Ok(AuthUser {
                id,
                role: user.role,
                email: user.email,
                display_name: user.display_name,
            })
        })
    }
}

/// Client address used for throttling and the audit log: the connecting peer, or the client
/// a trusted reverse proxy forwarded (`INTERRA_TRUSTED_PROXIES`).
pub fn client_ip(req: &HttpRequest) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return "unknown".into();
    };
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return peer.to_string();
    };
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    state
        .settings
        .trusted_proxies
        .client(peer, &forwarded)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_manage_accounts() {
        assert!(Permission::ManageAccounts.allowed(Role::Admin));
        assert!(!Permission::ManageAccounts.allowed(Role::Coordinator));
        assert!(!Permission::ManageAccounts.allowed(Role::Coach));
    }

    #[test]
    fn coaches_read_people_but_do_not_write_them() {
        assert!(Permission::ReadPeople.allowed(Role::Coach));
        assert!(!Permission::WritePeople.allowed(Role::Coach));
        assert!(Permission::WritePeople.allowed(Role::Coordinator));
        assert!(!Permission::ManageRetention.allowed(Role::Coordinator));
    }

    #[test]
    fn coaches_write_their_entrepreneurs_but_do_not_run_interlab() {
        assert!(Permission::WriteEntrepreneurs.allowed(Role::Coach));
        assert!(!Permission::ManageInterlab.allowed(Role::Coach));
        assert!(Permission::ManageInterlab.allowed(Role::Coordinator));
        assert!(Permission::ManageInterlab.allowed(Role::Admin));
    }

    #[test]
    fn a_mentor_reads_interlab_records_meetings_and_keeps_office_hours_only() {
        assert!(Permission::ReadInterlab.allowed(Role::Mentor));
        assert!(Permission::OfficeHours.allowed(Role::Mentor));
        // For the entrepreneurs of its active relations, checked by the services.
        assert!(Permission::RecordMeetings.allowed(Role::Mentor));
        assert!(Permission::BookOfficeHours.allowed(Role::Mentor));
        assert!(Permission::RecordMeetings.allowed(Role::Coach));
        for p in [
            Permission::ReadPeople,
            Permission::ReadActivities,
            Permission::ReadDuos,
            Permission::ReadNotifications,
            Permission::ReadCohorts,
            Permission::ReadMentors,
            Permission::WriteMentorships,
            Permission::WriteEntrepreneurs,
            Permission::ManageInterlab,
            Permission::ManageAccounts,
        ] {
            assert!(!p.allowed(Role::Mentor), "{p:?}");
        }
    }
}

//! API calls of the team's tools: the staff directory (coach pickers), assigning and removing
//! a person's coaches, and the audit log (administrators).

use gloo_net::http::Method;
use shared::audit::{AuditEntry, AuditFilter};
use shared::people::CoachAssignment;
use shared::staff::{StaffFilter, StaffMember};
use shared::Page;
use uuid::Uuid;

use super::{query, Api, ApiError};

impl Api {
    /// `GET /staff` (coordinators and admins): active colleagues, by name.
    pub async fn staff(&self, filter: &StaffFilter) -> Result<Page<StaffMember>, ApiError> {
        let path = format!("/staff{}", query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /people/{id}/coaches`.
    pub async fn add_coach(&self, id: Uuid, coach: Uuid) -> Result<(), ApiError> {
        let body = CoachAssignment { user_id: coach };
        let resp = self
            .authed(
                Method::POST,
                &format!("/people/{id}/coaches"),
                Some(Self::to_json(&body)?),
            )
            .await?;
        if resp.ok() {
            Ok(())
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    /// `DELETE /people/{id}/coaches/{coach}`.
    pub async fn remove_coach(&self, id: Uuid, coach: Uuid) -> Result<(), ApiError> {
        let resp = self
            .authed(
                Method::DELETE,
                &format!("/people/{id}/coaches/{coach}"),
                None,
            )
            .await?;
        if resp.ok() {
            Ok(())
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    /// `GET /audit` (admins), newest first.
    pub async fn audit(&self, filter: &AuditFilter) -> Result<Page<AuditEntry>, ApiError> {
        let path = format!("/audit{}", query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `GET /audit/actions` (admins): every action the API records.
    pub async fn audit_actions(&self) -> Result<Vec<String>, ApiError> {
        self.authed_json(Method::GET, "/audit/actions", None).await
    }
}

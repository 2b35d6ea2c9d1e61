//! API calls of the accounts screen (administrators).

use gloo_net::http::Method;
use shared::auth::{PasswordResetConfirm, PasswordResetRequest};
use shared::users::{
    CreatePasswordLink, CreateUser, PasswordLink, StaffUser, UpdateUser, UserFilter,
};
use shared::Page;
use uuid::Uuid;

use super::{users_query, Api, ApiError};

impl Api {
    /// `GET /users` (admin).
    pub async fn list_users(&self, filter: &UserFilter) -> Result<Page<StaffUser>, ApiError> {
        let path = format!("/users{}", users_query(filter));
        self.authed_json(Method::GET, &path, None).await
    }

    /// `POST /users` (admin).
    pub async fn create_user(&self, body: &CreateUser) -> Result<StaffUser, ApiError> {
        self.authed_json(Method::POST, "/users", Some(Self::to_json(body)?))
            .await
    }

    /// `PATCH /users/{id}` (admin).
    pub async fn update_user(&self, id: Uuid, body: &UpdateUser) -> Result<StaffUser, ApiError> {
        let user: StaffUser = self
            .authed_json(
                Method::PATCH,
                &format!("/users/{id}"),
                Some(Self::to_json(body)?),
            )
            .await?;
        self.session.update_user(user.clone());
        Ok(user)
    }

    /// `POST /users/{id}/password-link` (admin).
    pub async fn create_password_link(
        &self,
        id: Uuid,
        body: &CreatePasswordLink,
    ) -> Result<PasswordLink, ApiError> {
        self.authed_json(
            Method::POST,
            &format!("/users/{id}/password-link"),
            Some(Self::to_json(body)?),
        )
        .await
    }

    /// `POST /auth/password-reset` (no account needed): 202 whatever the address.
    pub async fn forgot_password(&self, body: &PasswordResetRequest) -> Result<(), ApiError> {
        let json = Self::to_json(body)?;
        let resp = self
            .send(Method::POST, "/auth/password-reset", Some(&json), None)
            .await?;
        if resp.ok() {
            Ok(())
        } else {
            Err(Self::error_of(resp).await)
        }
    }

    /// `POST /auth/password-reset/confirm` (the link's token stands for the account).
    pub async fn reset_password(&self, body: &PasswordResetConfirm) -> Result<(), ApiError> {
        let json = Self::to_json(body)?;
        let resp = self
            .send(
                Method::POST,
                "/auth/password-reset/confirm",
                Some(&json),
                None,
            )
            .await?;
        if resp.ok() {
            Ok(())
        } else {
            Err(Self::error_of(resp).await)
        }
    }
}

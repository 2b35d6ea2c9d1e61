//! API calls of the accounts screen (administrators).

use gloo_net::http::Method;
use shared::users::{CreateUser, StaffUser, UpdateUser, UserFilter};
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
}

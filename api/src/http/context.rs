//! Who is making a request and in which language: read once per request.

use actix_web::HttpRequest;

use crate::audit::Actor;
use crate::http::auth::{client_ip, AuthUser};
use crate::telemetry::request_id;

/// Who is acting in this request, for the audit log.
pub fn actor(req: &HttpRequest, user: Option<&AuthUser>) -> Actor {
    Actor {
        user_id: user.map(|u| u.id),
        ip: Some(client_ip(req)),
        request_id: request_id(req),
    }
}

//! Who is making a request and in which language, read once per request: handlers take a
//! [`Ctx`] (signed-in staff) or a [`Visitor`] (public routes) instead of the raw request.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use shared::Lang;

use crate::audit::Actor;
use crate::error::ApiError;
use crate::http::auth::{client_ip, AuthUser, Permission};
use crate::telemetry::{lang_of, request_id};

/// A signed-in staff member's request: who (`user`), for the audit log (`actor`), and the
/// language of the answer (`lang`).
pub struct Ctx {
    pub user: AuthUser,
    pub actor: Actor,
    pub lang: Lang,
}

impl Ctx {
    /// `Forbidden` unless the user's role has `perm`.
    pub fn require(&self, perm: Permission) -> Result<(), ApiError> {
        self.user.require(perm)
    }
}

impl FromRequest for Ctx {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = AuthUser::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let user = user.await?;
            Ok(Ctx {
                actor: actor(&req, Some(&user)),
                lang: lang_of(&req),
                user,
            })
        })
    }
}

/// An anonymous request (public forms and feeds): the audit actor and the language.
pub struct Visitor {
    pub actor: Actor,
    pub lang: Lang,
    /// The client address, for throttling.
    pub ip: String,
}

impl FromRequest for Visitor {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Visitor {
            actor: actor(req, None),
            lang: lang_of(req),
            ip: client_ip(req),
        }))
    }
}

/// Who is acting in this request, for the audit log.
pub fn actor(req: &HttpRequest, user: Option<&AuthUser>) -> Actor {
    Actor {
        user_id: user.map(|u| u.id),
        ip: Some(client_ip(req)),
        request_id: request_id(req),
    }
}

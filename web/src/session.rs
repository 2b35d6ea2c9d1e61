//! Who is signed in, kept in memory only.
//!
//! The access token never leaves this module's signal: nothing auth-related is written to
//! `localStorage`. A reload restores the session through the HttpOnly refresh cookie
//! (`POST /api/v1/auth/refresh`), which JavaScript cannot read.

use leptos::prelude::*;
use shared::auth::{Role, TokenResponse};
use shared::users::StaffUser;

/// A valid access token and the user it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Auth {
    pub token: String,
    pub user: StaffUser,
}

/// Why nobody is signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedOutReason {
    /// No (valid) refresh cookie at start-up: a normal first visit.
    NoSession,
    /// The session ended on its own (token refused, refresh failed): the user is sent back to
    /// the sign-in page, which remembers the page they were on.
    Expired,
    /// The user signed out.
    Manual,
}

/// The authentication state of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthState {
    /// Start-up: asking the server whether the refresh cookie still opens a session.
    Restoring,
    SignedOut(SignedOutReason),
    SignedIn(Auth),
}

/// A coarse view of [`AuthState`] that does not change when the token is renewed, so views
/// that only care whether (and as whom) someone is signed in do not re-render on each refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Restoring,
    SignedOut(SignedOutReason),
    SignedIn(Role),
}

/// The session, provided as context at the root of the app.
#[derive(Clone, Copy)]
pub struct Session {
    state: RwSignal<AuthState>,
    /// Bumped on every sign-in or sign-out, so a pending refresh timer can tell it is stale.
    generation: StoredValue<u64>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    pub fn new() -> Self {
        Session {
            state: RwSignal::new(AuthState::Restoring),
            generation: StoredValue::new(0),
        }
    }

    /// The coarse status (tracked).
    pub fn status(&self) -> Status {
        self.state.with(|s| match s {
            AuthState::Restoring => Status::Restoring,
            AuthState::SignedOut(r) => Status::SignedOut(*r),
            AuthState::SignedIn(a) => Status::SignedIn(a.user.role),
        })
    }

    /// The signed-in user (tracked).
    pub fn user(&self) -> Option<StaffUser> {
        self.state.with(|s| match s {
            AuthState::SignedIn(a) => Some(a.user.clone()),
            _ => None,
        })
    }

    /// The current access token (untracked: read when sending a request).
    pub fn token(&self) -> Option<String> {
        self.state.with_untracked(|s| match s {
            AuthState::SignedIn(a) => Some(a.token.clone()),
            _ => None,
        })
    }

    /// The signed-in user's id (untracked).
    pub fn user_id_untracked(&self) -> Option<uuid::Uuid> {
        self.state.with_untracked(|s| match s {
            AuthState::SignedIn(a) => Some(a.user.id),
            _ => None,
        })
    }

    /// Stores a new token; returns the generation that a refresh timer must match.
    pub fn signed_in(&self, tokens: TokenResponse) -> u64 {
        let generation = self.bump();
        self.state.set(AuthState::SignedIn(Auth {
            token: tokens.access_token,
            user: tokens.user,
        }));
        generation
    }

    /// Replaces the user record (after it changed on the server) without touching the token.
    pub fn update_user(&self, user: StaffUser) {
        self.state.update(|s| {
            if let AuthState::SignedIn(a) = s {
                if a.user.id == user.id {
                    a.user = user;
                }
            }
        });
    }

    pub fn signed_out(&self, reason: SignedOutReason) {
        self.bump();
        self.state.set(AuthState::SignedOut(reason));
    }

    pub fn generation(&self) -> u64 {
        self.generation.get_value()
    }

    fn bump(&self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }
}

/// Seconds to wait before renewing an access token valid for `expires_in` seconds: at 80 % of
/// its life but at least a minute before it ends, and never before half of it.
pub fn refresh_delay_secs(expires_in: u64) -> u64 {
    let at_80 = expires_in.saturating_mul(8) / 10;
    let minute_before = expires_in.saturating_sub(60);
    at_80.min(minute_before).max(expires_in / 2).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_happens_before_expiry() {
        assert_eq!(refresh_delay_secs(900), 720);
        assert_eq!(refresh_delay_secs(3600), 2880);
        assert_eq!(refresh_delay_secs(120), 60);
        assert_eq!(refresh_delay_secs(30), 15);
        assert_eq!(refresh_delay_secs(1), 1);
        assert_eq!(refresh_delay_secs(0), 1);
        for secs in [2, 10, 61, 300, 900, 86_400] {
            let d = refresh_delay_secs(secs);
            assert!(d < secs, "{secs}: {d}");
            assert!(d >= secs / 2, "{secs}: {d}");
        }
    }
}

/// The page's cookies as the browser shows them to scripts (`None` outside a browser).
fn document_cookies() -> Option<String> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?
        .cookie()
        .ok()
}

/// Whether `cookies` (a `document.cookie` string) holds the session hint.
pub fn has_session_hint(cookies: &str) -> bool {
    cookies
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .any(|(name, value)| name == shared::auth::SESSION_HINT_COOKIE && !value.is_empty())
}

/// Whether a session may exist: the server set its hint cookie with the refresh cookie. When
/// the page cannot read cookies, assume it may.
pub fn may_have_session() -> bool {
    document_cookies().is_none_or(|c| has_session_hint(&c))
}

/// Clears the hint after the server refused to renew the session (expired or revoked).
pub fn forget_session_hint() {
    use wasm_bindgen::JsCast;
    if let Some(doc) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    {
        let _ = doc.set_cookie(&format!(
            "{}=; Path=/; Max-Age=0; SameSite=Strict",
            shared::auth::SESSION_HINT_COOKIE
        ));
    }
}

#[cfg(test)]
mod hint_tests {
    use super::has_session_hint;

    #[test]
    fn the_hint_is_read_among_other_cookies() {
        assert!(has_session_hint("interra_session=1"));
        assert!(has_session_hint("a=b; interra_session=1; c=d"));
        assert!(!has_session_hint(""));
        assert!(!has_session_hint("interra_session="));
        assert!(!has_session_hint("not_interra_session=1"));
    }
}

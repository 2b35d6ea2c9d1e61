//! The partner screens of coordinators and administrators: the organisations (list, page with
//! contacts, API clients and webhook endpoints) and the review queue of partners' referrals.
//!
//! This module holds what the screens share: the section's tabs, the organisation form, the
//! referral status badge and the copy button of a secret shown once.

pub mod clients;
pub mod organisation;
pub mod organisations;
pub mod referral;
pub mod referrals;
pub mod webhooks;

use leptos::prelude::*;
use shared::partners::{Organisation, OrganisationInput, OrganisationKind};
use shared::referrals::ReferralStatus;

use crate::api::FormErrors;
use crate::components::form::{SelectField, TextField};
use crate::i18n::partners::{kind_key, status_key, PtKey};
use crate::i18n::Text;
use crate::locale::use_i18n;
use crate::pages::interlab::{current_role, date_value, opt_text, parse_date};
use crate::routes::{manages_partners, ORGANISATIONS, REFERRALS};

/// Whether whoever is signed in works with partners (coordinators and administrators).
pub fn manages() -> bool {
    current_role().is_some_and(manages_partners)
}

/// The section's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Organisations,
    Referrals,
}

impl Tab {
    fn path(self) -> &'static str {
        match self {
            Tab::Organisations => ORGANISATIONS,
            Tab::Referrals => REFERRALS,
        }
    }

    fn label(self) -> PtKey {
        match self {
            Tab::Organisations => PtKey::TabOrganisations,
            Tab::Referrals => PtKey::TabReferrals,
        }
    }
}

/// The section's own navigation, under the page heading.
#[component]
pub fn PartnerTabs(current: Option<Tab>) -> impl IntoView {
    let i18n = use_i18n();
    let items = [Tab::Organisations, Tab::Referrals]
        .into_iter()
        .map(|tab| {
            let here = current == Some(tab);
            view! {
                <li>
                    <a href=tab.path() aria-current=here.then_some("page")>
                        {move || i18n.t(tab.label())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="duo-tabs" aria-label=move || i18n.t(PtKey::PartnerTabs)>
            <ul>{items}</ul>
        </nav>
    }
}

#[component]
pub fn ReferralBadge(status: ReferralStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge referral-{}", status.as_str())>
            {move || i18n.t(status_key(status))}
        </span>
    }
}

/// The organisation form's inputs, by the names the API uses for its field errors.
pub const ORG_FIELDS: [&str; 10] = [
    "name",
    "kind",
    "street",
    "postcode",
    "commune",
    "email",
    "phone",
    "agreement_start",
    "agreement_end",
    "data_sharing_signed",
];

/// What the organisation form holds while it is typed.
#[derive(Clone, Copy)]
pub struct OrgDraft {
    pub name: RwSignal<String>,
    pub kind: RwSignal<String>,
    pub street: RwSignal<String>,
    pub postcode: RwSignal<String>,
    pub commune: RwSignal<String>,
    pub email: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub agreement_start: RwSignal<String>,
    pub agreement_end: RwSignal<String>,
    pub data_sharing: RwSignal<bool>,
}

impl OrgDraft {
    pub fn new(o: Option<&Organisation>) -> OrgDraft {
        let text = |v: Option<&String>| RwSignal::new(v.cloned().unwrap_or_default());
        OrgDraft {
            name: RwSignal::new(o.map(|o| o.name.clone()).unwrap_or_default()),
            kind: RwSignal::new(o.map(|o| o.kind.as_str().to_string()).unwrap_or_default()),
            street: text(o.and_then(|o| o.street.as_ref())),
            postcode: text(o.and_then(|o| o.postcode.as_ref())),
            commune: text(o.and_then(|o| o.commune.as_ref())),
            email: text(o.and_then(|o| o.email.as_ref())),
            phone: text(o.and_then(|o| o.phone.as_ref())),
            agreement_start: RwSignal::new(date_value(o.and_then(|o| o.agreement_start))),
            agreement_end: RwSignal::new(date_value(o.and_then(|o| o.agreement_end))),
            data_sharing: RwSignal::new(o.is_some_and(|o| o.data_sharing_signed)),
        }
    }

    /// The body to send, or the fields the browser already refuses (a kind to choose, a date
    /// that is not one).
    pub fn input(&self) -> Result<OrganisationInput, Vec<&'static str>> {
        let mut bad = Vec::new();
        let kind = self.kind.get_untracked().parse::<OrganisationKind>().ok();
        if kind.is_none() {
            bad.push("kind");
        }
        let date = |field: &'static str, v: String, bad: &mut Vec<&'static str>| {
            if v.trim().is_empty() {
                None
            } else {
                let d = parse_date(&v);
                if d.is_none() {
                    bad.push(field);
                }
                d
            }
        };
        let agreement_start = date(
            "agreement_start",
            self.agreement_start.get_untracked(),
            &mut bad,
        );
        let agreement_end = date(
            "agreement_end",
            self.agreement_end.get_untracked(),
            &mut bad,
        );
        match kind {
            Some(kind) if bad.is_empty() => Ok(OrganisationInput {
                name: self.name.get_untracked().trim().to_string(),
                kind,
                street: opt_text(&self.street.get_untracked()),
                postcode: opt_text(&self.postcode.get_untracked()),
                commune: opt_text(&self.commune.get_untracked()),
                email: opt_text(&self.email.get_untracked()),
                phone: opt_text(&self.phone.get_untracked()),
                agreement_start,
                agreement_end,
                data_sharing_signed: self.data_sharing.get_untracked(),
            }),
            _ => Err(bad),
        }
    }
}

/// The kinds as choices of a select.
pub fn kind_choices() -> Vec<(&'static str, Text)> {
    OrganisationKind::ALL
        .iter()
        .map(|k| (k.as_str(), kind_key(*k).into()))
        .collect()
}

/// The organisation's fields (inside the caller's `<form>`).
#[component]
pub fn OrgFields(
    draft: OrgDraft,
    errors: RwSignal<FormErrors>,
    /// Fields the browser refused (a date that is not one, no kind chosen).
    local: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let err = move |name: &'static str| {
        Signal::derive(move || {
            if local.with(|l| l.contains(&name)) {
                Some(
                    i18n.t(crate::i18n::common::CommonKey::CheckValue)
                        .to_string(),
                )
            } else {
                errors.with(|e| e.field(name))
            }
        })
    };
    let shared_err = err("data_sharing_signed");
    view! {
        <TextField id="name" label=PtKey::Name value=draft.name required=true error=err("name")/>
        <SelectField id="kind" label=PtKey::Kind value=draft.kind options=kind_choices() empty=PtKey::Kind required=true error=err("kind")/>
        <TextField id="street" label=PtKey::Street value=draft.street autocomplete="street-address" error=err("street")/>
        <div class="field-row">
            <TextField id="postcode" label=PtKey::Postcode value=draft.postcode autocomplete="postal-code" error=err("postcode")/>
            <TextField id="commune" label=PtKey::Commune value=draft.commune error=err("commune")/>
        </div>
        <TextField id="email" label=PtKey::OrgEmail hint=PtKey::OrgEmailHint input_type="email" value=draft.email error=err("email")/>
        <TextField id="phone" label=PtKey::Phone input_type="tel" value=draft.phone error=err("phone")/>
        <fieldset class="plain-fieldset">
            <legend>{move || i18n.t(PtKey::Agreement)}</legend>
            <div class="field-row">
                <TextField id="agreement_start" label=PtKey::AgreementStart input_type="date" value=draft.agreement_start error=err("agreement_start")/>
                <TextField id="agreement_end" label=PtKey::AgreementEnd input_type="date" value=draft.agreement_end error=err("agreement_end")/>
            </div>
            <div class="field">
                <label class="check" for="data_sharing_signed">
                    <input
                        type="checkbox"
                        id="data_sharing_signed"
                        aria-describedby="data_sharing_signed-hint"
                        prop:checked=move || draft.data_sharing.get()
                        on:change=move |ev| draft.data_sharing.set(event_target_checked(&ev))
                    />
                    <span>{move || i18n.t(PtKey::DataSharing)}</span>
                </label>
                <p class="hint" id="data_sharing_signed-hint">{move || i18n.t(PtKey::DataSharingHint)}</p>
                {move || shared_err.get().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_organisation_field_is_listed() {
        for f in ["name", "kind", "agreement_start", "agreement_end", "email"] {
            assert!(ORG_FIELDS.contains(&f), "{f}");
        }
        assert_eq!(kind_choices().len(), OrganisationKind::ALL.len());
    }
}

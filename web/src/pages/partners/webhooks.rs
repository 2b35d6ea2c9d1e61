//! The webhook endpoints an organisation's server registered (read-only for the team: the partner
//! manages them through the API): where they point, what they receive, whether they are on and
//! why not, and their latest deliveries.

use leptos::prelude::*;
use shared::webhooks::{WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint};
use uuid::Uuid;

use crate::api::use_api;
use crate::components::load::load_state;
use crate::i18n::partners::{delivery_key, event_key, PtKey};
use crate::locale::{format_datetime, use_i18n};

#[component]
pub fn WebhooksCard(organisation: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let list =
        LocalResource::new(move || async move { api.organisation_webhooks(organisation).await });
    view! {
        <section class="card" aria-labelledby="webhooks-title">
            <h2 id="webhooks-title">{move || i18n.t(PtKey::Webhooks)}</h2>
            <p class="hint">{move || i18n.t(PtKey::WebhooksHint)}</p>
            {move || load_state(list.get(), move || list.refetch(), |hooks| {
                if hooks.is_empty() {
                    view! { <p class="muted">{move || i18n.t(PtKey::NoWebhooks)}</p> }.into_any()
                } else {
                    let items = hooks.into_iter().map(|e| view! { <Endpoint e=e organisation=organisation/> }).collect_view();
                    view! { <ul class="plain webhooks">{items}</ul> }.into_any()
                }
            })}
        </section>
    }
}

#[component]
fn Endpoint(e: WebhookEndpoint, organisation: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = e.id;
    let deliveries =
        LocalResource::new(
            move || async move { api.organisation_deliveries(organisation, id).await },
        );
    let enabled = e.enabled;
    let why = e.disabled_at.map(|at| (at, e.disabled_reason.clone()));
    let types = e.event_types.clone();
    let title_id = format!("hook-{id}");
    let deliveries_id = format!("hook-{id}-deliveries");
    view! {
        <li class="card webhook">
            <div class="person-main">
                <h3 class="person-name" id=title_id><code dir="ltr" class="secret-value">{e.url.clone()}</code></h3>
                {if enabled {
                    view! { <span class="badge badge-active">{move || i18n.t(PtKey::Enabled)}</span> }.into_any()
                } else {
                    view! { <span class="badge badge-inactive">{move || i18n.t(PtKey::Disabled)}</span> }.into_any()
                }}
            </div>
            {e.description.clone().map(|d| view! { <p class="small"><bdi>{d}</bdi></p> })}
            {(!enabled).then(|| {
                let why = why.clone();
                view! {
                    <p class="alert-warn disabled-reason">
                        {move || match &why {
                            Some((at, Some(reason))) => i18n.tf(PtKey::DisabledBecause, &[("date", &format_datetime(i18n.lang.get(), at)), ("reason", reason)]),
                            _ => i18n.t(PtKey::DisabledByPartner).to_string(),
                        }}
                    </p>
                }
            })}
            <p class="small"><strong>{move || i18n.t(PtKey::EventTypes)}</strong></p>
            <ul class="small">
                {types.into_iter().map(|t| view! { <li>{move || i18n.t(event_key(t))}" "<code dir="ltr">{t.as_str()}</code></li> }).collect_view()}
            </ul>
            <h4 id=deliveries_id.clone()>{move || i18n.t(PtKey::RecentDeliveries)}</h4>
            {move || load_state(deliveries.get(), move || deliveries.refetch(), |page| {
                if page.results.is_empty() {
                    view! { <p class="muted small">{move || i18n.t(PtKey::NoDeliveries)}</p> }.into_any()
                } else {
                    let rows = page.results.into_iter().map(|d| view! { <DeliveryRow d=d/> }).collect_view();
                    view! {
                        <div class="table-wrap">
                            <table class="deliveries">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t(PtKey::Sent)}</th>
                                        <th scope="col">{move || i18n.t(PtKey::Message)}</th>
                                        <th scope="col">{move || i18n.t(PtKey::Outcome)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            })}
        </li>
    }
}

#[component]
fn DeliveryRow(d: WebhookDelivery) -> impl IntoView {
    let i18n = use_i18n();
    let created = d.created_at;
    let status = d.status;
    let attempts = d.attempts;
    let http = d.response_status;
    let error = d.last_error.clone();
    let next = d
        .next_attempt_at
        .filter(|_| status == WebhookDeliveryStatus::Pending);
    view! {
        <tr>
            <td>{move || format_datetime(i18n.lang.get(), &created)}</td>
            <td><code dir="ltr">{d.event_type.as_str()}</code></td>
            <td>
                <span class=format!("badge delivery-{}", status.as_str())>{move || i18n.t(delivery_key(status))}</span>
                " "
                <span class="small">
                    {move || {
                        let mut parts = vec![i18n.tf(PtKey::Attempts, &[("count", &attempts.to_string())])];
                        if let Some(s) = http {
                            parts.push(i18n.tf(PtKey::HttpAnswer, &[("status", &s.to_string())]));
                        }
                        if let Some(n) = next {
                            parts.push(i18n.tf(PtKey::NextAttempt, &[("date", &format_datetime(i18n.lang.get(), &n))]));
                        }
                        parts.join(" · ")
                    }}
                </span>
                {error.map(|e| view! { <span class="muted small block"><bdi>{e}</bdi></span> })}
            </td>
        </tr>
    }
}

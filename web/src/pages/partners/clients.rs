//! An organisation's API clients: create one with its scopes (the secret shown once, with a copy
//! button and a warning), give a new secret (the old one stays valid 24 hours), revoke.

use leptos::prelude::*;
use shared::partners::{ApiClient, ApiClientInput, ApiClientSecret, Scope};
use uuid::Uuid;

use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_id_later;
use crate::components::form::{use_submit, ErrorAlert, TextField};
use crate::components::load::load_state;
use crate::components::share::copy_text;
use crate::i18n::common::CommonKey;
use crate::i18n::partners::{scope_key, PtKey};
use crate::locale::{format_datetime, use_i18n};

pub const CLIENT_FIELDS: [&str; 2] = ["name", "scopes"];

#[component]
pub fn ClientsCard(organisation: Uuid, status: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let list = LocalResource::new(move || async move { api.api_clients(organisation).await });
    // The secret just issued: shown until the person says they copied it.
    let shown = RwSignal::new(None::<ApiClientSecret>);
    let creating = RwSignal::new(false);
    let on_secret = Callback::new(move |s: ApiClientSecret| {
        status.set(None);
        shown.set(Some(s));
        list.refetch();
        focus_id_later("secret-title");
    });
    view! {
        <section class="card" aria-labelledby="clients-title">
            <h2 id="clients-title">{move || i18n.t(PtKey::Clients)}</h2>
            <p class="hint">{move || i18n.t(PtKey::ClientsHint)}</p>
            {move || shown.get().map(|s| view! { <SecretShown s=s done=Callback::new(move |()| shown.set(None))/> })}
            {move || load_state(list.get(), move || list.refetch(), |clients| {
                if clients.is_empty() {
                    view! { <p class="muted">{move || i18n.t(PtKey::NoClients)}</p> }.into_any()
                } else {
                    let items = clients.into_iter().map(|c| view! {
                        <ClientItem c=c organisation=organisation on_secret=on_secret status=status reload=Callback::new(move |()| list.refetch())/>
                    }).collect_view();
                    view! { <ul class="plain clients">{items}</ul> }.into_any()
                }
            })}
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || if creating.get() { "true" } else { "false" }
                    aria-controls="new-client"
                    on:click=move |_| { creating.update(|c| *c = !*c); focus_id_later("client-name"); }
                >
                    {move || i18n.t(PtKey::NewClient)}
                </button>
            </div>
            <div id="new-client">
                {move || creating.get().then(|| view! {
                    <NewClient organisation=organisation on_secret=Callback::new(move |s| { creating.set(false); on_secret.run(s); })/>
                })}
            </div>
        </section>
    }
}

#[component]
fn NewClient(organisation: Uuid, on_secret: Callback<ApiClientSecret>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let name = RwSignal::new(String::new());
    let scopes = RwSignal::new(Vec::<Scope>::new());
    let errors = RwSignal::new(FormErrors::default());
    let go = use_submit(
        errors,
        &CLIENT_FIELDS,
        move |body: ApiClientInput| async move { api.create_api_client(organisation, &body).await },
        move |s| on_secret.run(s),
    );
    let pending = go.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go.dispatch(ApiClientInput {
            name: name.get_untracked().trim().to_string(),
            scopes: scopes.get_untracked(),
        });
    };
    let scope_error = Signal::derive(move || errors.with(|e| e.field("scopes")));
    let boxes = Scope::ALL
        .iter()
        .map(|&s| {
            let id = format!("scope-{}", s.as_str().replace(':', "-"));
            let for_id = id.clone();
            view! {
                <li>
                    <label class="check" for=for_id>
                        <input
                            type="checkbox"
                            id=id
                            value=s.as_str()
                            prop:checked=move || scopes.with(|l| l.contains(&s))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                scopes.update(|l| {
                                    l.retain(|x| *x != s);
                                    if on {
                                        l.push(s);
                                    }
                                });
                            }
                        />
                        <span>{move || i18n.t(scope_key(s))}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <form class="form" on:submit=on_submit novalidate=true>
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <TextField id="client-name" label=PtKey::ClientName hint=PtKey::ClientNameHint value=name required=true error=Signal::derive(move || errors.with(|e| e.field("name")))/>
            <fieldset class="plain-fieldset" id="scopes" aria-describedby=move || scope_error.with(Option::is_some).then_some("scopes-error")>
                <legend>{move || i18n.t(PtKey::Scopes)}</legend>
                <ul class="plain checks">{boxes}</ul>
                {move || scope_error.get().map(|m| view! { <p class="field-error" id="scopes-error">{m}</p> })}
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || i18n.t(PtKey::CreateClient)}
                </button>
            </div>
        </form>
    }
}

/// The secret just issued, with copy buttons and the warning that it is shown once.
#[component]
fn SecretShown(s: ApiClientSecret, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<String>);
    let copy = move |text: String| {
        leptos::task::spawn_local(async move {
            let ok = copy_text(&text).await;
            copied.set(Some(
                i18n.t(if ok { PtKey::Copied } else { PtKey::CopyFailed })
                    .to_string(),
            ));
        });
    };
    let name = s.client.name.clone();
    let (id, secret) = (s.client.id.clone(), s.client_secret.clone());
    let (id2, secret2) = (id.clone(), secret.clone());
    view! {
        <div class="secret-box alert-warn" role="region" aria-labelledby="secret-title">
            <h3 id="secret-title" tabindex="-1">{move || i18n.tf(PtKey::SecretTitle, &[("name", &name)])}</h3>
            <p><strong>{move || i18n.t(PtKey::SecretWarning)}</strong></p>
            <dl class="facts">
                <div>
                    <dt>{move || i18n.t(PtKey::ClientId)}</dt>
                    <dd>
                        <code class="secret-value" id="client-id" dir="ltr">{id.clone()}</code>
                        " "
                        <button type="button" class="button small-button" aria-label=move || i18n.tf(PtKey::CopyNamed, &[("what", i18n.t(PtKey::ClientId))])
                            on:click=move |_| copy(id2.clone())>{move || i18n.t(PtKey::Copy)}</button>
                    </dd>
                </div>
                <div>
                    <dt>{move || i18n.t(PtKey::ClientSecret)}</dt>
                    <dd>
                        <code class="secret-value" id="client-secret" dir="ltr">{secret.clone()}</code>
                        " "
                        <button type="button" class="button small-button" aria-label=move || i18n.tf(PtKey::CopyNamed, &[("what", i18n.t(PtKey::ClientSecret))])
                            on:click=move |_| copy(secret2.clone())>{move || i18n.t(PtKey::Copy)}</button>
                    </dd>
                </div>
            </dl>
            <p role="status" class="small">{move || copied.get()}</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| done.run(())>{move || i18n.t(PtKey::SecretDone)}</button>
            </div>
        </div>
    }
}

#[component]
fn ClientItem(
    c: ApiClient,
    organisation: Uuid,
    on_secret: Callback<ApiClientSecret>,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(FormErrors::default());
    let revoked = c.revoked_at;
    let (created, last_used, previous) =
        (c.created_at, c.last_used_at, c.previous_secret_valid_until);
    let scopes = c.scopes.clone();
    let name = StoredValue::new(c.name.clone());
    let id = StoredValue::new(c.id.clone());
    let rotate = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api.rotate_api_client(organisation, &id.get_value()).await;
            busy.set(false);
            match result {
                Ok(s) => on_secret.run(s),
                Err(err) => error.set(FormErrors::from_error(&err, &[], i18n.lang.get_untracked())),
            }
        });
    };
    let revoke = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api.revoke_api_client(organisation, &id.get_value()).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    confirming.set(false);
                    status.set(Some(
                        i18n.tf(PtKey::ClientRevoked, &[("name", &name.get_value())]),
                    ));
                    reload.run(());
                }
                Err(err) => error.set(FormErrors::from_error(&err, &[], i18n.lang.get_untracked())),
            }
        });
    };
    let confirm_id = format!("revoke-{}", c.id);
    let confirm_id2 = confirm_id.clone();
    view! {
        <li class="card client">
            <div class="person-main">
                <h3 class="person-name"><bdi>{c.name.clone()}</bdi></h3>
                {match revoked {
                    Some(_) => view! { <span class="badge badge-inactive">{move || i18n.t(PtKey::RevokedBadge)}</span> }.into_any(),
                    None => view! { <span class="badge badge-active">{move || i18n.t(PtKey::Active)}</span> }.into_any(),
                }}
            </div>
            <p class="small"><code dir="ltr">{c.id.clone()}</code></p>
            <ul class="plain small scopes">
                {scopes.into_iter().map(|s| view! { <li>{move || i18n.t(scope_key(s))}</li> }).collect_view()}
            </ul>
            <p class="small muted">
                {move || i18n.tf(PtKey::CreatedOn, &[("date", &format_datetime(i18n.lang.get(), &created))])}
                " · "
                {move || match last_used {
                    Some(d) => i18n.tf(PtKey::LastUsed, &[("date", &format_datetime(i18n.lang.get(), &d))]),
                    None => i18n.t(PtKey::NeverUsed).to_string(),
                }}
            </p>
            {move || revoked.map(|d| view! {
                <p class="small">{i18n.tf(PtKey::RevokedOn, &[("date", &format_datetime(i18n.lang.get(), &d))])}</p>
            })}
            {move || (revoked.is_none()).then(|| previous.map(|d| view! {
                <p class="small">{i18n.tf(PtKey::PreviousUntil, &[("date", &format_datetime(i18n.lang.get(), &d))])}</p>
            })).flatten()}
            <ErrorAlert message=Signal::derive(move || error.with(|e| e.general())) on_dismiss=move || error.update(|e| e.dismiss_general())/>
            {revoked.is_none().then(|| view! {
                <p class="hint">{move || i18n.t(PtKey::RotateExplain)}</p>
                <div class="actions">
                    <button type="button" class="button" disabled=move || busy.get()
                        aria-label=move || i18n.tf(PtKey::RotateNamed, &[("name", &name.get_value())])
                        on:click=rotate>
                        {move || i18n.t(PtKey::Rotate)}
                    </button>
                    <button type="button" class="button danger" disabled=move || busy.get()
                        aria-label=move || i18n.tf(PtKey::RevokeNamed, &[("name", &name.get_value())])
                        aria-expanded=move || if confirming.get() { "true" } else { "false" }
                        aria-controls=confirm_id.clone()
                        on:click=move |_| confirming.update(|c| *c = !*c)>
                        {move || i18n.t(PtKey::Revoke)}
                    </button>
                </div>
                <div id=confirm_id2.clone()>
                    {move || confirming.get().then(|| view! {
                        <div class="alert-warn">
                            <p>{move || i18n.t(PtKey::RevokeExplain)}</p>
                            <div class="actions">
                                <button type="button" class="button danger" disabled=move || busy.get() on:click=revoke>
                                    {move || i18n.t(PtKey::ConfirmRevoke)}
                                </button>
                                <button type="button" class="button" on:click=move |_| confirming.set(false)>
                                    {move || i18n.t(CommonKey::Cancel)}
                                </button>
                            </div>
                        </div>
                    })}
                </div>
            })}
        </li>
    }
}

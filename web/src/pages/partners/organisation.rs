//! One organisation: its details and agreement (with the edit form), the people affiliated to
//! it with their role, its API clients and the webhook endpoints its server registered.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::partners::{Contact, Organisation};
use shared::people::PersonSummary;
use uuid::Uuid;

use super::clients::ClientsCard;
use super::webhooks::WebhooksCard;
use super::{manages, OrgDraft, OrgFields, PartnerTabs, ORG_FIELDS};
use crate::api::{use_api, ApiError, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::{use_submit, ErrorAlert, TextField};
use crate::components::load::{load_page, PageHeadings};
use crate::components::{Forbidden, StatusMessage};
use crate::i18n::common::CommonKey;
use crate::i18n::partners::{kind_key, PtKey};
use crate::locale::{use_i18n, use_page_title};
use crate::pages::activities::PersonSearch;
use crate::pages::duo::format_date;
use crate::routes::{person_path, ORGANISATIONS};

#[component]
pub fn OrganisationPage() -> impl IntoView {
    if !manages() {
        return view! { <Forbidden/> }.into_any();
    }
    let i18n = use_i18n();
    use_page_title(PtKey::OrgTitle);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let status = RwSignal::new(None::<String>);
    let org = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api.organisation(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=ORGANISATIONS>{move || i18n.t(PtKey::BackToOrgs)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                org.get(),
                move || org.refetch(),
                PageHeadings { failed: PtKey::OrgTitle.into(), not_found: Some(PtKey::OrgNotFound.into()) },
                |o| view! { <OrgView o=o status=status reload=Callback::new(move |_| org.refetch())/> }.into_any(),
            )}
        </section>
    }
    .into_any()
}

#[component]
fn OrgView(
    o: Organisation,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let kind = o.kind;
    let id = o.id;
    let stored = StoredValue::new(o.clone());
    let address = [
        o.street.clone(),
        match (o.postcode.clone(), o.commune.clone()) {
            (Some(p), Some(c)) => Some(format!("{p} {c}")),
            (p, c) => p.or(c),
        },
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let (start, end) = (o.agreement_start, o.agreement_end);
    let agreement = move || {
        let lang = i18n.lang.get();
        match (start, end) {
            (Some(s), Some(e)) => i18n.tf(
                PtKey::AgreementFromTo,
                &[
                    ("start", &format_date(lang, s)),
                    ("end", &format_date(lang, e)),
                ],
            ),
            (Some(s), None) => i18n.tf(PtKey::AgreementFrom, &[("start", &format_date(lang, s))]),
            (None, Some(e)) => i18n.tf(PtKey::AgreementUntil, &[("end", &format_date(lang, e))]),
            (None, None) => i18n.t(PtKey::NoAgreement).to_string(),
        }
    };
    let signed = o.data_sharing_signed;
    let (email, phone) = (o.email.clone(), o.phone.clone());
    view! {
        <div class="page-head">
            <div>
                <h1 id="page-title"><bdi>{o.name.clone()}</bdi></h1>
                <span class="badges"><span class="badge">{move || i18n.t(kind_key(kind))}</span></span>
            </div>
        </div>
        <PartnerTabs current=None/>
        <div class="duo-grid">
            <section class="card" aria-labelledby="details-title">
                <h2 id="details-title">{move || i18n.t(PtKey::Details)}</h2>
                <dl class="facts">
                    {(!address.is_empty()).then(|| view! { <div><dt>{move || i18n.t(PtKey::Street)}</dt><dd><bdi>{address}</bdi></dd></div> })}
                    {email.map(|e| view! { <div><dt>{move || i18n.t(PtKey::OrgEmail)}</dt><dd><bdi>{e}</bdi></dd></div> })}
                    {phone.map(|p| view! { <div><dt>{move || i18n.t(PtKey::Phone)}</dt><dd><bdi dir="ltr">{p}</bdi></dd></div> })}
                    <div><dt>{move || i18n.t(PtKey::Agreement)}</dt><dd class="agreement">{agreement}</dd></div>
                </dl>
                <p class="data-sharing">
                    {move || i18n.t(if signed { PtKey::DataSharingYes } else { PtKey::DataSharingNo })}
                </p>
                <div class="actions">
                    <button
                        type="button"
                        class="button"
                        aria-expanded=move || if editing.get() { "true" } else { "false" }
                        aria-controls="org-edit"
                        on:click=move |_| { status.set(None); editing.update(|e| *e = !*e); }
                    >
                        {move || i18n.t(PtKey::EditOrg)}
                    </button>
                </div>
            </section>
            <Contacts id=id contacts=o.contacts.clone() status=status reload=reload/>
        </div>
        <div id="org-edit">
            {move || editing.get().then(|| view! {
                <EditOrg o=stored.get_value() status=status done=Callback::new(move |()| { editing.set(false); reload.run(()); })/>
            })}
        </div>
        <ClientsCard organisation=id status=status/>
        <WebhooksCard organisation=id/>
    }
}

#[component]
fn EditOrg(o: Organisation, status: RwSignal<Option<String>>, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let id = o.id;
    let draft = OrgDraft::new(Some(&o));
    let errors = RwSignal::new(FormErrors::default());
    let local = RwSignal::new(Vec::<&'static str>::new());
    let go = use_submit(
        errors,
        &ORG_FIELDS,
        move |body| async move { api.update_organisation(id, &body).await },
        move |_: Organisation| {
            status.set(Some(i18n.t(PtKey::OrgSaved).to_string()));
            done.run(());
        },
    );
    let pending = go.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.input() {
            Ok(body) => {
                local.set(Vec::new());
                go.dispatch(body);
            }
            Err(bad) => {
                local.set(bad);
                focus_first_error();
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="edit-title">
            <h2 id="edit-title">{move || i18n.t(PtKey::EditOrg)}</h2>
            <form class="form" on:submit=on_submit novalidate=true>
                <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
                <OrgFields draft=draft errors=errors local=local/>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || i18n.t(PtKey::SaveOrg)}
                    </button>
                    <button type="button" class="button" on:click=move |_| done.run(())>
                        {move || i18n.t(CommonKey::Cancel)}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The people affiliated to the organisation, with their role; affiliate someone found through
/// the people search, or end an affiliation.
#[component]
fn Contacts(
    id: Uuid,
    contacts: Vec<Contact>,
    status: RwSignal<Option<String>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let role = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let busy = RwSignal::new(false);
    let already: Vec<Uuid> = contacts.iter().map(|c| c.person_id).collect();
    let add = move |p: PersonSummary| {
        let r = role.get_untracked().trim().to_string();
        if r.is_empty() {
            errors.set(FormErrors::local("role", i18n.t(PtKey::RoleRequired)));
            focus_first_error();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api.set_contact(id, p.id, &r).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    role.set(String::new());
                    errors.set(FormErrors::default());
                    status.set(Some(
                        i18n.tf(PtKey::ContactAdded, &[("name", &p.display_name)]),
                    ));
                    reload.run(());
                }
                Err(err) => {
                    errors.set(FormErrors::from_error(
                        &err,
                        &["role"],
                        i18n.lang.get_untracked(),
                    ));
                    focus_first_error();
                }
            }
        });
    };
    let remove = move |c: Contact| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api.remove_contact(id, c.person_id).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    status.set(Some(
                        i18n.tf(PtKey::ContactRemoved, &[("name", &c.display_name)]),
                    ));
                    reload.run(());
                }
                Err(err) => {
                    errors.set(FormErrors::from_error(&err, &[], i18n.lang.get_untracked()))
                }
            }
        });
    };
    let list = if contacts.is_empty() {
        view! { <p class="muted">{move || i18n.t(PtKey::NoContacts)}</p> }.into_any()
    } else {
        let items = contacts
            .into_iter()
            .map(|c| {
                let name = c.display_name.clone();
                let reach = [c.email.clone(), c.phone.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                let gone = c.clone();
                view! {
                    <li class="pick contact">
                        <div class="pick-who">
                            <a class="pick-name" href=person_path(c.person_id)><bdi>{c.display_name.clone()}</bdi></a>
                            <span class="contact-role"><bdi>{c.role.clone()}</bdi></span>
                            {(!reach.is_empty()).then(|| view! { <span class="muted small block"><bdi>{reach}</bdi></span> })}
                        </div>
                        <button
                            type="button"
                            class="button small-button"
                            disabled=move || busy.get()
                            aria-label=move || i18n.tf(PtKey::RemoveContactNamed, &[("name", &name)])
                            on:click=move |_| remove(gone.clone())
                        >
                            {move || i18n.t(PtKey::RemoveContact)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain contacts">{items}</ul> }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{move || i18n.t(PtKey::Contacts)}</h2>
            <p class="hint">{move || i18n.t(PtKey::ContactsHint)}</p>
            {list}
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <TextField id="role" label=PtKey::Role hint=PtKey::RoleHint value=role error=Signal::derive(move || errors.with(|e| e.field("role")))/>
            <PersonSearch
                id="contact-search"
                label=PtKey::FindPerson
                action=PtKey::Affiliate
                action_named=PtKey::AffiliateNamed
                on_choose=Callback::new(add)
                exclude=Signal::derive(move || already.clone())
                busy=Signal::derive(move || busy.get())
            />
        </section>
    }
}

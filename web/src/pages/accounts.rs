//! Admin: the team's staff accounts (list, search, filter, create, change role, deactivate).

use leptos::prelude::*;
use shared::auth::Role;
use shared::page::PageParams;
use shared::users::{
    CreatePasswordLink, CreateUser, PasswordLink, PasswordLinkPurpose, StaffUser, UpdateUser,
    UserFilter,
};
use shared::Page;
use uuid::Uuid;

use crate::api::{use_api, ApiError, FormErrors};
use crate::components::{Pager, StatusMessage};

use crate::components::dom::focus_id_later;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::TextField;
use crate::components::load::load_state;
use crate::i18n::accounts::AccountsKey;
use crate::i18n::auth::role_key;
use crate::i18n::auth::AuthKey;
use crate::i18n::common::CommonKey;
use crate::i18n::password::PasswordKey;
use crate::locale::{use_i18n, use_page_title};
use crate::pages::password::LinkMade;

const PAGE_SIZE: u32 = 20;
const CREATE_FIELDS: [&str; 4] = ["email", "display_name", "role", "password"];

/// A password link to make: the account, its name for the message, and what for.
#[derive(Clone)]
struct LinkRequest {
    id: Uuid,
    name: String,
    purpose: PasswordLinkPurpose,
}

type LinkAction = Action<LinkRequest, (String, Result<PasswordLink, ApiError>)>;

/// One change to an account: its id, the change, and its name for the confirmation message.
#[derive(Clone)]
struct Change {
    id: Uuid,
    name: String,
    patch: UpdateUser,
}

fn parse_role_filter(v: &str) -> Option<Role> {
    Role::parse(v)
}

fn parse_active_filter(v: &str) -> Option<bool> {
    match v {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(AccountsKey::AccountsTitle);
    let api = use_api();

    // Filters.
    let search_input = RwSignal::new(String::new());
    let q = RwSignal::new(String::new());
    let role = RwSignal::new(None::<Role>);
    let active = RwSignal::new(None::<bool>);
    let page = RwSignal::new(1_u32);

    // Messages.
    let status = RwSignal::new(None::<String>);
    let page_error = RwSignal::new(None::<String>);

    let update = Action::new_local(move |c: &Change| {
        let c = c.clone();
        async move { (c.name.clone(), api.update_user(c.id, &c.patch).await) }
    });
    Effect::new(move |_| match update.value().get() {
        Some((name, Ok(_))) => {
            page_error.set(None);
            status.set(Some(
                i18n.tf(AccountsKey::AccountUpdated, &[("name", &name)]),
            ));
        }
        Some((_, Err(err))) => {
            status.set(None);
            page_error.set(Some(err.message(i18n.lang.get_untracked())));
        }
        None => {}
    });

    // Password links: the last one made, emailed or to pass on.
    let made = RwSignal::new(None::<(String, PasswordLink)>);
    let send_link: LinkAction = Action::new_local(move |r: &LinkRequest| {
        let r = r.clone();
        let body = CreatePasswordLink {
            purpose: r.purpose,
            lang: i18n.lang.get_untracked(),
        };
        async move { (r.name, api.create_password_link(r.id, &body).await) }
    });
    Effect::new(move |_| match send_link.value().get() {
        Some((name, Ok(link))) => {
            page_error.set(None);
            made.set(Some((name, link)));
        }
        Some((_, Err(err))) => {
            made.set(None);
            page_error.set(Some(err.message(i18n.lang.get_untracked())));
        }
        None => {}
    });

    let show_create = RwSignal::new(false);
    let created_version = RwSignal::new(0_u32);

    let users = LocalResource::new(move || {
        let filter = UserFilter {
            q: Some(q.get()),
            role: role.get(),
            active: active.get(),
            page: Some(page.get()),
            page_size: Some(PAGE_SIZE),
        };
        update.version().get();
        created_version.get();
        async move { api.list_users(&filter).await }
    });

    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        page.set(1);
        q.set(search_input.get_untracked());
    };

    view! {
        <section class="page" aria-labelledby="page-title">
            <crate::pages::admin_nav::AdminNav/>
            <div class="page-head">
                <div>
                    <h1 id="page-title">{move || i18n.t(AccountsKey::AccountsTitle)}</h1>
                    <p class="lead">{move || i18n.t(AccountsKey::AccountsIntro)}</p>
                </div>
                <button
                    type="button"
                    class="button primary"
                    aria-expanded=move || if show_create.get() { "true" } else { "false" }
                    aria-controls="new-account"
                    on:click=move |_| {
                        show_create.update(|s| *s = !*s);
                        if show_create.get_untracked() {
                            focus_id_later("email");
                        }
                    }
                >
                    {move || i18n.t(AccountsKey::NewAccount)}
                </button>
            </div>

            <StatusMessage message=status/>
            <ErrorAlert message=page_error on_dismiss=move || page_error.set(None)/>
            {move || made.get().map(|(name, link)| view! { <LinkMade name link/> })}

            <div id="new-account">
                <Show when=move || show_create.get()>
                    <CreateAccount
                        on_done=move |user: StaffUser, invite: bool| {
                            show_create.set(false);
                            page_error.set(None);
                            made.set(None);
                            status.set(Some(i18n.tf(AccountsKey::AccountCreated, &[("email", &user.email)])));
                            created_version.update(|v| *v += 1);
                            if invite {
                                send_link.dispatch(LinkRequest {
                                    id: user.id,
                                    name: user.display_name,
                                    purpose: PasswordLinkPurpose::Invitation,
                                });
                            }
                        }
                        on_cancel=move || show_create.set(false)
                    />
                </Show>
            </div>

            <form class="filters card" role="search" on:submit=on_search aria-labelledby="filters-title">
                <h2 id="filters-title" class="visually-hidden">{move || i18n.t(CommonKey::Filters)}</h2>
                <div class="field">
                    <label for="filter-q">{move || i18n.t(CommonKey::Search)}</label>
                    <div class="inline">
                        <input id="filter-q" type="search" bind:value=search_input/>
                        <button type="submit" class="button">{move || i18n.t(CommonKey::SearchSubmit)}</button>
                    </div>
                </div>
                <div class="field">
                    <label for="filter-role">{move || i18n.t(AuthKey::Role)}</label>
                    <select
                        id="filter-role"
                        on:change=move |ev| {
                            page.set(1);
                            role.set(parse_role_filter(&event_target_value(&ev)));
                        }
                    >
                        <option value="" selected=move || role.get().is_none()>{move || i18n.t(AccountsKey::AllRoles)}</option>
                        {Role::ALL
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <option value=r.as_str() selected=move || role.get() == Some(r)>
                                        {move || i18n.t(role_key(r))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-active">{move || i18n.t(CommonKey::Status)}</label>
                    <select
                        id="filter-active"
                        on:change=move |ev| {
                            page.set(1);
                            active.set(parse_active_filter(&event_target_value(&ev)));
                        }
                    >
                        <option value="">{move || i18n.t(CommonKey::AllStatuses)}</option>
                        <option value="true">{move || i18n.t(AccountsKey::Active)}</option>
                        <option value="false">{move || i18n.t(AccountsKey::Inactive)}</option>
                    </select>
                </div>
            </form>

            {move || load_state(users.get(), move || users.refetch(), |result| view! { <AccountList result=result page=page update=update send_link=send_link/> }.into_any())}
        </section>
    }
}

#[component]
fn AccountList(
    result: Page<StaffUser>,
    page: RwSignal<u32>,
    update: Action<Change, (String, Result<StaffUser, ApiError>)>,
    send_link: LinkAction,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    // Untracked: a renewed token must not re-render the list.
    let me = api.session.user_id_untracked();
    let params = PageParams {
        page: Some(page.get_untracked()),
        page_size: Some(PAGE_SIZE),
    };
    let pages = params.last_page(result.count);
    let has_prev = result.previous.is_some();
    let has_next = result.next.is_some();
    let count = result.count;
    let busy = update.pending();
    let linking = send_link.pending();

    if result.results.is_empty() {
        return view! {
            <p class="empty card">{move || i18n.t(AccountsKey::NoAccounts)}</p>
        }
        .into_any();
    }

    let rows = result
        .results
        .into_iter()
        .map(|user| {
            let select_id = format!("role-{}", user.id);
            let is_me = Some(user.id) == me;
            let name = user.display_name.clone();
            let id = user.id;
            let current_role = user.role;
            let active = user.active;
            let (name2, name3, name4, name5) = (name.clone(), name.clone(), name.clone(), name.clone());
            let (name6, name7) = (name.clone(), name.clone());
            let chosen_role = RwSignal::new(current_role);
            let last_login = user.last_login_at;
            view! {
                <li class="account card" class:inactive=!active>
                    <div class="account-who">
                        <h3>
                            <bdi>{user.display_name.clone()}</bdi>
                            {is_me.then(|| view! { <span class="tag">{move || i18n.t(AccountsKey::You)}</span> })}
                        </h3>
                        <p class="muted"><bdi>{user.email.clone()}</bdi></p>
                        <p class="muted small">
                            {move || {
                                let date = last_login
                                    .as_ref()
                                    .map(|d| i18n.date(d))
                                    .unwrap_or_else(|| i18n.t(AuthKey::Never).to_string());
                                i18n.tf(AccountsKey::LastLoginAt, &[("date", &date)])
                            }}
                        </p>
                    </div>
                    {if is_me {
                        view! {
                            <div class="account-role">
                                <p class="muted small">{move || i18n.t(AuthKey::Role)}</p>
                                <p>{move || i18n.t(role_key(current_role))}</p>
                            </div>
                        }
                            .into_any()
                    } else {
                        view! {
                            <div class="account-role field">
                                <label for=select_id.clone()>{move || i18n.tf(AccountsKey::RoleOf, &[("name", &name)])}</label>
                                <div class="inline">
                                    <select
                                        id=select_id
                                        disabled=move || busy.get()
                                        on:change=move |ev| {
                                            if let Some(r) = Role::parse(&event_target_value(&ev)) {
                                                chosen_role.set(r);
                                            }
                                        }
                                    >
                                        {Role::ALL
                                            .into_iter()
                                            .map(|r| {
                                                view! {
                                                    <option value=r.as_str() selected=r == current_role>
                                                        {move || i18n.t(role_key(r))}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                    // A separate button: arrow keys on a closed select fire `change`,
                                    // so saving on change would let the keyboard change roles by accident.
                                    <button
                                        type="button"
                                        class="button save-role"
                                        disabled=move || busy.get() || chosen_role.get() == current_role
                                        aria-label=move || i18n.tf(AccountsKey::SaveRoleOf, &[("name", &name5)])
                                        on:click=move |_| {
                                            update.dispatch(Change {
                                                id,
                                                name: name2.clone(),
                                                patch: UpdateUser {
                                                    role: Some(chosen_role.get_untracked()),
                                                    ..UpdateUser::default()
                                                },
                                            });
                                        }
                                    >
                                        {move || i18n.t(AccountsKey::SaveRole)}
                                    </button>
                                </div>
                            </div>
                        }
                            .into_any()
                    }}
                    <div class="account-status">
                        <span class=if active { "badge badge-active" } else { "badge badge-inactive" }>
                            {move || i18n.t(if active { AccountsKey::Active } else { AccountsKey::Inactive })}
                        </span>
                        {(!is_me && active).then(|| view! {
                        <button
                            type="button"
                            class="button send-reset"
                            disabled=move || linking.get()
                            aria-label=move || i18n.tf(PasswordKey::SendResetTo, &[("name", &name6)])
                            on:click=move |_| {
                                send_link.dispatch(LinkRequest {
                                    id,
                                    name: name7.clone(),
                                    purpose: PasswordLinkPurpose::Reset,
                                });
                            }
                        >
                            {move || i18n.t(PasswordKey::SendReset)}
                        </button>
                        })}
                        {(!is_me).then(|| view! {
                        <button
                            type="button"
                            class=if active { "button danger" } else { "button" }
                            disabled=move || busy.get()
                            aria-label=move || {
                                i18n.tf(
                                    if active { AccountsKey::DeactivateNamed } else { AccountsKey::ReactivateNamed },
                                    &[("name", &name4)],
                                )
                            }
                            on:click=move |_| {
                                update.dispatch(Change {
                                    id,
                                    name: name3.clone(),
                                    patch: UpdateUser { active: Some(!active), ..UpdateUser::default() },
                                });
                            }
                        >
                            {move || i18n.t(if active { AccountsKey::Deactivate } else { AccountsKey::Reactivate })}
                        </button>
                        })}
                    </div>
                </li>
            }
        })
        .collect_view();

    view! {
        <p class="count" aria-live="polite">
            {move || i18n.tf(AccountsKey::AccountCount, &[("count", &count.to_string())])}
        </p>
        <ul class="accounts">{rows}</ul>
        <Pager
            page=page.get_untracked()
            pages
            has_prev
            has_next
            go=Callback::new(move |to| page.set(to))
        />
    }
    .into_any()
}

#[component]
fn CreateAccount(
    /// The account created, and whether to send it an invitation.
    on_done: impl Fn(StaffUser, bool) + Send + Sync + 'static,
    on_cancel: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let email = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Coach);
    let password = RwSignal::new(String::new());
    // Inviting is the default: nobody types a colleague's password for them.
    let invite = RwSignal::new(true);
    let errors = RwSignal::new(FormErrors::default());

    let create = use_submit(
        errors,
        &CREATE_FIELDS,
        move |body: CreateUser| async move { api.create_user(&body).await },
        move |user| on_done(user, invite.get_untracked()),
    );
    let pending = create.pending();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateUser {
            email: email.get_untracked().trim().to_string(),
            display_name: display_name.get_untracked().trim().to_string(),
            role: role.get_untracked(),
            password: (!invite.get_untracked()).then(|| password.get_untracked()),
        });
    };
    let role_error = Signal::derive(move || errors.with(|e| e.field("role")));

    view! {
        <section class="card" aria-labelledby="create-title">
            <h2 id="create-title">{move || i18n.t(AccountsKey::NewAccount)}</h2>
            <ErrorAlert
                message=Signal::derive(move || errors.with(FormErrors::general))
                on_dismiss=move || errors.update(FormErrors::dismiss_general)
            />
            <form class="form form-grid" on:submit=on_submit>
                <TextField
                    id="email"
                    label=CommonKey::Email
                    value=email
                    input_type="email"
                    autocomplete="off"
                    required=true
                    error=Signal::derive(move || errors.with(|e| e.field("email")))
                />
                <TextField
                    id="display_name"
                    label=AccountsKey::DisplayName
                    value=display_name
                    autocomplete="off"
                    required=true
                    error=Signal::derive(move || errors.with(|e| e.field("display_name")))
                />
                <div class="field" class:field-invalid=move || role_error.with(Option::is_some)>
                    <label for="role">{move || i18n.t(AuthKey::Role)}</label>
                    <select
                        id="role"
                        name="role"
                        aria-invalid=move || role_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || role_error.with(Option::is_some).then_some("role-error")
                        on:change=move |ev| {
                            if let Some(r) = Role::parse(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {Role::ALL
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <option value=r.as_str() selected=move || role.get() == r>
                                        {move || i18n.t(role_key(r))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    {move || role_error.get().map(|m| view! { <p class="field-error" id="role-error">{m}</p> })}
                </div>
                <div class="field">
                    <label class="check" for="invite">
                        <input
                            id="invite"
                            type="checkbox"
                            prop:checked=move || invite.get()
                            on:change=move |ev| invite.set(event_target_checked(&ev))
                        />
                        {move || i18n.t(PasswordKey::InviteInstead)}
                    </label>
                </div>
                <Show when=move || !invite.get()>
                    <TextField
                        id="password"
                        label=AccountsKey::InitialPassword
                        value=password
                        input_type="password"
                        autocomplete="new-password"
                        hint=AuthKey::PasswordHint
                        required=true
                        error=Signal::derive(move || errors.with(|e| e.field("password")))
                    />
                </Show>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t(CommonKey::Creating) } else { i18n.t(AccountsKey::CreateAccount) }}
                    </button>
                    <button type="button" class="button" on:click=move |_| on_cancel()>
                        {move || i18n.t(CommonKey::Cancel)}
                    </button>
                </div>
            </form>
        </section>
    }
}

//! A host's page (`/interact/hosts/:id`): their workshops and sessions with who took part, the
//! newcomer/local mix month by month, attendance, participants' feedback per workshop (recorded
//! here), and their autonomy path (changed here).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::interact::{AutonomyInput, AutonomyLevel, HostPage as Host, ProposalStatus};
use uuid::Uuid;

use crate::api::{use_api, ApiError};
use crate::components::load::{load_page, PageHeadings};
use crate::components::StatusMessage;
use crate::i18n::interact::{level_key, InteractKey};
use crate::locale::{use_i18n, use_page_title};
use crate::pages::interact::feedback::WorkshopFeedbackView;
use crate::routes::{proposal_path, INTERACT};

#[component]
pub fn HostPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(InteractKey::HostPage);
    let api = use_api();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Uuid::parse_str(&s).ok())));
    let status = RwSignal::new(None::<String>);
    let page = LocalResource::new(move || {
        let (id, _lang) = (id.get(), i18n.lang.get());
        async move {
            match id {
                Some(id) => api.host_page(id).await,
                None => Err(ApiError::Status(404)),
            }
        }
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="back"><a href=INTERACT>{move || i18n.t(InteractKey::BackToBoard)}</a></p>
            <StatusMessage message=status/>
            {move || load_page(
                page.get(),
                move || page.refetch(),
                PageHeadings { failed: InteractKey::HostPage.into(), not_found: None },
                |h| view! { <HostView h=h status=status reload=Callback::new(move |_| page.refetch())/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn HostView(h: Host, status: RwSignal<Option<String>>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let writes = api
        .session
        .user()
        .is_some_and(|u| crate::routes::writes_people(u.role));
    let error = RwSignal::new(None::<String>);
    let t = h.totals.clone();
    let attendance = t
        .attendance_percent
        .map(|p| format!("{p} %"))
        .unwrap_or_else(|| "—".into());
    let workshops = h
        .workshops
        .iter()
        .enumerate()
        .map(|(k, w)| {
            let whole = w.clone();
            let level = w.autonomy;
            let n = w.sessions.len().to_string();
            let participants: u32 = w.sessions.iter().map(|s| s.participants).sum();
            view! {
                <li class="card host-workshop">
                    <h3>
                        {match w.proposal_id {
                            Some(p) => view! { <a href=proposal_path(p)><bdi>{w.title.clone()}</bdi></a> }.into_any(),
                            None => view! { <bdi>{w.title.clone()}</bdi> }.into_any(),
                        }}
                    </h3>
                    <p class="small">
                        {move || i18n.tf(InteractKey::Sessions, &[("count", &n)])}
                        " · " {move || i18n.t(InteractKey::Participants)} " : " {participants}
                        {level.map(|l| view! { " · " <span class="badge workshop-level">{move || i18n.t(level_key(l))}</span> })}
                    </p>
                    <WorkshopFeedbackView w=whole k=k can_record=writes reload=reload/>
                </li>
            }
        })
        .collect_view();
    let months = h
        .timeline
        .iter()
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{m.month.clone()}</th>
                    <td>{m.sessions}</td>
                    <td>{m.newcomers}</td>
                    <td>{m.locals}</td>
                    <td>{m.attended}</td>
                </tr>
            }
        })
        .collect_view();
    let history = h
        .autonomy_history
        .iter()
        .map(|c| {
            let level = c.level;
            view! {
                <li>
                    <span class="muted small">{c.changed_on.to_string()}</span> " "
                    <bdi>{c.proposal_title.clone()}</bdi> " : "
                    <strong>{move || i18n.t(level_key(level))}</strong>
                    {c.note.clone().map(|n| view! { " — " <bdi>{n}</bdi> })}
                </li>
            }
        })
        .collect_view();
    // The level of each workshop being prepared or run can change here.
    let changeable: Vec<(Uuid, String, AutonomyLevel)> = h
        .proposals
        .iter()
        .filter(|p| {
            matches!(
                p.status,
                ProposalStatus::Planned | ProposalStatus::Running | ProposalStatus::Paused
            )
        })
        .map(|p| (p.id, p.title.clone(), p.autonomy))
        .collect();
    let forms = changeable
        .into_iter()
        .enumerate()
        .map(|(k, (pid, title, current))| {
            let level = RwSignal::new(current.as_str().to_string());
            let note = RwSignal::new(String::new());
            // A change is often recorded after the fact: the date defaults to today, never later.
            let today = crate::pages::duo::today_in_brussels().to_string();
            let changed_on = RwSignal::new(today.clone());
            let select_id = format!("level-{k}");
            let note_id = format!("level-note-{k}");
            let date_id = format!("level-date-{k}");
            let options = AutonomyLevel::ALL
                .iter()
                .map(|l| {
                    let l = *l;
                    view! { <option value=l.as_str() selected={l == current}>{move || i18n.t(level_key(l))}</option> }
                })
                .collect_view();
            let save = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let Ok(l) = level.get_untracked().parse::<AutonomyLevel>() else { return };
                let body = AutonomyInput {
                    level: l,
                    changed_on: changed_on.get_untracked().parse().ok(),
                    note: crate::pages::people::person_form::opt_text(&note.get_untracked()),
                };
                leptos::task::spawn_local(async move {
                    match api.proposal_autonomy(pid, &body).await {
                        Ok(_) => {
                            status.set(Some(i18n.t(InteractKey::Saved).to_string()));
                            reload.run(());
                        }
                        Err(err) => error.set(Some(err.message(i18n.lang.get_untracked()))),
                    }
                });
            };
            view! {
                <form class="form level-form" on:submit=save>
                    <h3><bdi>{title}</bdi></h3>
                    <div class="form-grid">
                        <div class="field">
                            <label for=select_id.clone()>{move || i18n.t(InteractKey::Level)}</label>
                            <select id=select_id on:change=move |ev| level.set(event_target_value(&ev))>{options}</select>
                        </div>
                        <div class="field">
                            <label for=date_id.clone()>{move || i18n.t(InteractKey::Date)}</label>
                            <input
                                id=date_id
                                type="date"
                                required
                                max=today.clone()
                                prop:value=move || changed_on.get()
                                on:input=move |ev| changed_on.set(event_target_value(&ev))
                            />
                        </div>
                        <div class="field">
                            <label for=note_id.clone()>{move || i18n.t(InteractKey::LevelNote)}</label>
                            <input id=note_id type="text" on:input=move |ev| note.set(event_target_value(&ev))/>
                        </div>
                    </div>
                    <div class="actions">
                        <button type="submit" class="button">{move || i18n.t(InteractKey::ChangeLevel)}</button>
                    </div>
                </form>
            }
        })
        .collect_view();
    view! {
        <h1 id="page-title"><bdi>{h.display_name.clone()}</bdi></h1>
        <p class="lead">{move || i18n.t(InteractKey::HostIntro)}</p>
        <div class="alert-slot" role="alert">
            {move || error.get().map(|m| view! { <p class="alert alert-error">{m}</p> })}
        </div>
        <section class="card" aria-labelledby="host-workshops-title">
            <h2 id="host-workshops-title">{move || i18n.t(InteractKey::Workshops)}</h2>
            <ul class="host-workshops">{workshops}</ul>
        </section>
        <section class="card" aria-labelledby="totals-title">
            <h2 id="totals-title">{move || i18n.t(InteractKey::Totals)}</h2>
            <dl class="facts">
                <dt>{move || i18n.t(InteractKey::SessionsTitle)}</dt><dd>{t.sessions}</dd>
                <dt>{move || i18n.t(InteractKey::Participants)}</dt><dd>{t.participants}</dd>
                <dt>{move || i18n.t(InteractKey::Newcomers)}</dt><dd>{t.newcomers}</dd>
                <dt>{move || i18n.t(InteractKey::Locals)}</dt><dd>{t.locals}</dd>
                <dt>{move || i18n.t(InteractKey::Attendance)}</dt><dd>{attendance}</dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{move || i18n.t(InteractKey::Timeline)}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="timeline-title">
                <table>
                    <thead><tr>
                        <th scope="col">{move || i18n.t(InteractKey::Month)}</th>
                        <th scope="col">{move || i18n.t(InteractKey::SessionsTitle)}</th>
                        <th scope="col">{move || i18n.t(InteractKey::Newcomers)}</th>
                        <th scope="col">{move || i18n.t(InteractKey::Locals)}</th>
                        <th scope="col">{move || i18n.t(InteractKey::Attendance)}</th>
                    </tr></thead>
                    <tbody>{months}</tbody>
                </table>
            </div>
        </section>
        <section class="card" aria-labelledby="autonomy-title">
            <h2 id="autonomy-title">{move || i18n.t(InteractKey::AutonomyHistory)}</h2>
            <ul class="autonomy-history">{history}</ul>
            {writes.then_some(forms)}
        </section>
    }
}

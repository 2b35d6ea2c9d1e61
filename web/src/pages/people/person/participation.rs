//! The "Participation" card of a person's page: registrations and attendance, workshops they
//! lead, Duo2Change candidacy and duos, InterLab projects and partner organisations, each
//! linking to the page where it is handled.

use leptos::prelude::*;
use shared::participation::PersonParticipation;
use uuid::Uuid;

use crate::api::use_api;
use crate::components::load::LoadError;
use crate::i18n::common::CommonKey;
use crate::i18n::duo::{candidacy_status_key, duo_status_key};
use crate::i18n::interlab::stage_key;
use crate::i18n::participation::PartKey;
use crate::i18n::public::activity_programme_key;
use crate::i18n::vocabulary::category_key;
use crate::locale::{use_i18n, I18n};
use crate::pages::activities::{pick, registration_status_key};
use crate::pages::duo::format_date;
use crate::routes::{activity_path, duo_candidate_path, duo_path, entrepreneur_path, person_path};

/// Whether the person takes part in nothing at all (the card then says so in one line).
pub fn takes_part_in_nothing(p: &PersonParticipation) -> bool {
    p.registrations.is_empty()
        && p.hosted.is_empty()
        && p.candidacies.is_empty()
        && p.duos.is_empty()
        && p.interlab.is_empty()
        && p.organisations.is_empty()
}

#[component]
pub fn Participation(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let data = LocalResource::new(move || async move { api.person_participation(id).await });
    view! {
        <section class="card participation" aria-labelledby="participation-title">
            <h2 id="participation-title">{move || i18n.t(PartKey::Title)}</h2>
            {move || match data.get() {
                None => view! { <p class="loading" role="status">{move || i18n.t(CommonKey::Loading)}</p> }.into_any(),
                Some(Err(err)) => view! {
                    <LoadError message=err.message(i18n.lang.get_untracked()) retry=Callback::new(move |()| data.refetch())/>
                }.into_any(),
                Some(Ok(p)) if takes_part_in_nothing(&p) => view! {
                    <p class="muted">{move || i18n.t(PartKey::Nothing)}</p>
                }.into_any(),
                Some(Ok(p)) => body(i18n, p).into_any(),
            }}
        </section>
    }
}

fn body(i18n: I18n, p: PersonParticipation) -> impl IntoView {
    let count = p.registrations.len().to_string();
    let (attended, absent) = (p.attended.to_string(), p.absent.to_string());
    let registrations = (!p.registrations.is_empty()).then(|| {
        let items = p
            .registrations
            .into_iter()
            .map(|r| {
                let (programme, status, starts) = (r.programme, r.status, r.starts_at);
                let title = r.title;
                view! {
                    <li>
                        <a href=activity_path(r.activity_id)><bdi>{move || pick(&title, i18n.lang.get())}</bdi></a>
                        " "
                        <span class="badge">{move || i18n.t(registration_status_key(status))}</span>
                        <span class="muted small block">
                            {move || format!("{} — {}", i18n.t(activity_programme_key(programme)), i18n.date(&starts))}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{move || i18n.t(PartKey::Activities)}</h3>
            <p class="attendance-summary">
                {move || i18n.tf(PartKey::AttendanceSummary, &[("count", &count), ("attended", &attended), ("absent", &absent)])}
            </p>
            <ul class="plain participation-list">{items}</ul>
        }
    });
    let hosted = (!p.hosted.is_empty()).then(|| {
        let items = p
            .hosted
            .into_iter()
            .map(|h| {
                let starts = h.starts_at;
                let title = h.title;
                view! {
                    <li>
                        <a href=activity_path(h.activity_id)><bdi>{move || pick(&title, i18n.lang.get())}</bdi></a>
                        <span class="muted small block">{move || i18n.date(&starts)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{move || i18n.t(PartKey::Hosted)}</h3>
            <ul class="plain participation-list">{items}</ul>
        }
    });
    let duo = (!p.candidacies.is_empty() || !p.duos.is_empty()).then(|| {
        let candidacies = p
            .candidacies
            .into_iter()
            .map(|c| {
                let (side, status, since) = (c.side, c.status, c.waiting_since);
                view! {
                    <li>
                        {move || {
                            let lang = i18n.lang.get();
                            i18n.tf(PartKey::Candidacy, &[
                                ("side", i18n.t(category_key(side))),
                                ("status", i18n.t(candidacy_status_key(status))),
                                ("date", &format_date(lang, since.date_naive())),
                            ])
                        }}
                        " "
                        <a href=duo_candidate_path(c.id)>{move || i18n.t(PartKey::OpenCandidacy)}</a>
                    </li>
                }
            })
            .collect_view();
        let duos = p
            .duos
            .into_iter()
            .map(|d| {
                let status = d.status;
                let (proposed, confirmed, ended) = (d.proposed_at, d.confirmed_at, d.ended_at);
                let title = match d.partner {
                    Some(partner) => {
                        let name = partner.name;
                        let also = name.clone();
                        view! {
                            <a href=duo_path(d.id)>{move || i18n.tf(PartKey::DuoWith, &[("name", &name)])}</a>
                            " ("
                            <a href=person_path(partner.id)>{move || i18n.tf(PartKey::PartnerPage, &[("name", &also)])}</a>
                            ")"
                        }
                        .into_any()
                    }
                    None => view! { <a href=duo_path(d.id)>{move || i18n.t(PartKey::DuoWithHidden)}</a> }.into_any(),
                };
                view! {
                    <li>
                        {title}
                        " "
                        <span class="badge">{move || i18n.t(duo_status_key(status))}</span>
                        <span class="muted small block">
                            {move || {
                                let lang = i18n.lang.get();
                                let day = |d: chrono::DateTime<chrono::Utc>| format_date(lang, d.date_naive());
                                let mut parts = vec![i18n.tf(PartKey::DuoProposed, &[("date", &day(proposed))])];
                                if let Some(c) = confirmed {
                                    parts.push(i18n.tf(PartKey::DuoConfirmed, &[("date", &day(c))]));
                                }
                                if let Some(e) = ended {
                                    parts.push(i18n.tf(PartKey::DuoEnded, &[("date", &day(e))]));
                                }
                                parts.join(", ")
                            }}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{move || i18n.t(PartKey::Duo)}</h3>
            <ul class="plain participation-list">{candidacies}{duos}</ul>
        }
    });
    let interlab = (!p.interlab.is_empty()).then(|| {
        let items = p
            .interlab
            .into_iter()
            .map(|e| {
                let (name, stage) = (e.project_name, e.stage);
                view! {
                    <li>
                        <a href=entrepreneur_path(e.entrepreneur_id)>
                            {move || i18n.tf(PartKey::Project, &[("name", &name), ("stage", i18n.t(stage_key(stage)))])}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{move || i18n.t(PartKey::Interlab)}</h3>
            <ul class="plain participation-list">{items}</ul>
        }
    });
    let organisations = (!p.organisations.is_empty()).then(|| {
        let items = p
            .organisations
            .into_iter()
            .map(|o| view! { <li><bdi>{o.name}</bdi>" — "<bdi>{o.role}</bdi></li> })
            .collect_view();
        view! {
            <h3>{move || i18n.t(PartKey::Organisations)}</h3>
            <ul class="plain participation-list">{items}</ul>
        }
    });
    view! { {registrations}{hosted}{duo}{interlab}{organisations} }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_means_every_list_empty() {
        let mut p = PersonParticipation::default();
        assert!(takes_part_in_nothing(&p));
        p.organisations
            .push(shared::participation::ParticipationAffiliation {
                organisation_id: Uuid::nil(),
                name: "CPAS de Liège".into(),
                role: "assistante sociale".into(),
            });
        assert!(!takes_part_in_nothing(&p));
    }
}

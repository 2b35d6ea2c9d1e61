//! The communes of the Liège area and their neighbours, which travel ranges are measured with.
//! Everyone reads the list; administrators add a commune or change one (a link holds both
//! ways: the API sets it on both sides).

use leptos::prelude::*;
use shared::duo::{Commune, CommuneInput};

use super::parse_number;
use crate::api::{use_api, FormErrors};
use crate::components::dom::focus_first_error;
use crate::components::form::use_submit;
use crate::components::form::ErrorAlert;
use crate::components::form::FieldErrors;
use crate::components::form::TextField;
use crate::components::load::load_error;
use crate::components::Loading;
use crate::i18n::duo::DuoKey;
use crate::locale::use_i18n;

/// The fields of the commune form, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommuneDraft {
    pub name: String,
    pub latitude: String,
    pub longitude: String,
    pub neighbours: Vec<String>,
}

impl CommuneDraft {
    pub fn of(c: &Commune) -> CommuneDraft {
        CommuneDraft {
            name: c.name.clone(),
            latitude: c.latitude.to_string(),
            longitude: c.longitude.to_string(),
            neighbours: c.neighbours.clone(),
        }
    }

    /// The request body, or the fields that are not numbers in range.
    pub fn input(&self) -> Result<CommuneInput, Vec<&'static str>> {
        let lat = parse_number(&self.latitude).filter(|v| (-90.0..=90.0).contains(v));
        let lon = parse_number(&self.longitude).filter(|v| (-180.0..=180.0).contains(v));
        match (lat, lon) {
            (Some(latitude), Some(longitude)) => Ok(CommuneInput {
                name: self.name.clone(),
                latitude,
                longitude,
                neighbours: self.neighbours.clone(),
            }),
            _ => Err([(lat, "latitude"), (lon, "longitude")]
                .into_iter()
                .filter(|(v, _)| v.is_none())
                .map(|(_, f)| f)
                .collect()),
        }
    }
}

/// The names of `ids`, in the list's order (by name); unknown ids as they are.
pub fn neighbour_names(all: &[Commune], ids: &[String]) -> String {
    let mut names: Vec<&str> = ids
        .iter()
        .map(|id| {
            all.iter()
                .find(|c| &c.id == id)
                .map_or(id.as_str(), |c| c.name.as_str())
        })
        .collect();
    names.sort_unstable();
    names.join(", ")
}

const FIELDS: [&str; 5] = ["id", "name", "latitude", "longitude", "neighbours"];

#[component]
pub fn CommunesSection(admin: bool, status: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let list = LocalResource::new(move || async move { api.duo_communes().await });
    view! {
        <section class="card" aria-labelledby="communes-title">
            <h2 id="communes-title">{move || i18n.t(DuoKey::CommunesTitle)}</h2>
            <p class="muted small">{move || i18n.t(DuoKey::CommunesIntro)}</p>
            {move || match list.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(err)) => load_error(&err, move || list.refetch()),
                Some(Ok(all)) => {
                    let rows = all.iter().map(|c| {
                        let names = neighbour_names(&all, &c.neighbours);
                        view! {
                            <tr>
                                <th scope="row"><bdi>{c.name.clone()}</bdi></th>
                                <td>{if names.is_empty() {
                                    view! { <span class="muted">{move || i18n.t(DuoKey::NoNeighbours)}</span> }.into_any()
                                } else {
                                    view! { <bdi>{names}</bdi> }.into_any()
                                }}</td>
                            </tr>
                        }
                    }).collect_view();
                    view! {
                        <div class="table-wrap">
                            <table class="assessments communes">
                                <thead><tr>
                                    <th scope="col">{move || i18n.t(DuoKey::CommuneColumn)}</th>
                                    <th scope="col">{move || i18n.t(DuoKey::NeighboursColumn)}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        {admin.then(|| view! {
                            <CommuneForm all=all status=status on_saved=Callback::new(move |()| list.refetch())/>
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn CommuneForm(
    all: Vec<Commune>,
    status: RwSignal<Option<String>>,
    on_saved: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let all = StoredValue::new(all);
    // Empty: a new commune.
    let picked = RwSignal::new(String::new());
    let id = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let latitude = RwSignal::new(String::new());
    let longitude = RwSignal::new(String::new());
    let neighbours = RwSignal::new(Vec::<String>::new());
    let fields = FieldErrors::new();
    let (errors, local) = (fields.server, fields.local);
    let err = move |name: &'static str| fields.of(i18n, name);
    let fill = move |which: String| {
        let draft = all.with_value(|all| {
            all.iter()
                .find(|c| c.id == which)
                .map(CommuneDraft::of)
                .unwrap_or_default()
        });
        id.set(which.clone());
        picked.set(which);
        name.set(draft.name);
        latitude.set(draft.latitude);
        longitude.set(draft.longitude);
        neighbours.set(draft.neighbours);
        errors.set(FormErrors::default());
        local.set(Vec::new());
    };
    let save = use_submit(
        errors,
        &FIELDS,
        move |(id, body): (String, CommuneInput)| async move { api.put_commune(&id, &body).await },
        move |c| {
            status.set(Some(i18n.tf(DuoKey::CommuneSaved, &[("name", &c.name)])));
            on_saved.run(());
        },
    );
    let pending = save.pending();
    let options = all.with_value(|all| {
        all.iter()
            .map(|c| view! { <option value=c.id.clone()>{c.name.clone()}</option> })
            .collect_view()
    });
    view! {
        <form
            class="form commune-form"
            novalidate
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                errors.set(FormErrors::default());
                let draft = CommuneDraft {
                    name: name.get_untracked(),
                    latitude: latitude.get_untracked(),
                    longitude: longitude.get_untracked(),
                    neighbours: neighbours.get_untracked(),
                };
                let cid = id.get_untracked().trim().to_owned();
                match draft.input() {
                    Ok(body) if !cid.is_empty() => {
                        local.set(Vec::new());
                        save.dispatch((cid, body));
                    }
                    result => {
                        let mut bad = result.err().unwrap_or_default();
                        if cid.is_empty() {
                            bad.insert(0, "id");
                        }
                        local.set(bad);
                        focus_first_error();
                    }
                }
            }
        >
            <ErrorAlert message=Signal::derive(move || errors.with(|e| e.general())) on_dismiss=move || errors.update(|e| e.dismiss_general())/>
            <div class="field">
                <label for="commune-pick">{move || i18n.t(DuoKey::CommuneToEdit)}</label>
                <select id="commune-pick" on:change=move |ev| fill(event_target_value(&ev))>
                    <option value="" selected=move || picked.with(String::is_empty)>{move || i18n.t(DuoKey::NewCommune)}</option>
                    {options}
                </select>
            </div>
            <div class="form-grid">
                {move || picked.with(String::is_empty).then(|| view! {
                    <TextField id="commune-id" label=DuoKey::CommuneId hint=DuoKey::CommuneIdHint value=id required=true error=err("id")/>
                })}
                <TextField id="commune-name" label=DuoKey::CommuneName value=name required=true error=err("name")/>
                <TextField id="commune-latitude" label=DuoKey::Latitude value=latitude input_type="text" required=true error=err("latitude")/>
                <TextField id="commune-longitude" label=DuoKey::Longitude value=longitude input_type="text" required=true error=err("longitude")/>
            </div>
            <fieldset class="checks-fieldset" aria-describedby="commune-neighbours-hint">
                <legend>{move || i18n.t(DuoKey::NeighboursColumn)}</legend>
                <p class="hint" id="commune-neighbours-hint">{move || i18n.t(DuoKey::NeighboursHint)}</p>
                {move || errors.with(|e| e.field("neighbours")).map(|m| view! { <p class="field-error" id="neighbours-error">{m}</p> })}
                <div class="checks">
                // A commune is not its own neighbour: its box is left out.
                {move || { let me = picked.get(); all.with_value(|all| all.iter().filter(|c| c.id != me).map(|c| {
                    let cid = c.id.clone();
                    let (c1, c2) = (cid.clone(), cid.clone());
                    let input_id = format!("neighbour-{cid}");
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked=move || neighbours.with(|n| n.contains(&c1))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    neighbours.update(|n| {
                                        n.retain(|x| *x != c2);
                                        if on { n.push(c2.clone()); }
                                    });
                                }
                            />
                            {c.name.clone()}
                        </label>
                    }
                }).collect_view()) }}
                </div>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || i18n.t(DuoKey::SaveCommune)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commune(id: &str, name: &str, neighbours: &[&str]) -> Commune {
        Commune {
            id: id.into(),
            name: name.into(),
            latitude: 50.6,
            longitude: 5.5,
            neighbours: neighbours.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn coordinates_are_read_with_a_comma_or_a_point_and_checked() {
        let draft = CommuneDraft {
            name: "Oupeye".into(),
            latitude: "50,71".into(),
            longitude: "5.64".into(),
            neighbours: vec!["herstal".into()],
        };
        let input = draft.input().expect("valid");
        assert_eq!((input.latitude, input.longitude), (50.71, 5.64));
        assert_eq!(input.neighbours, vec!["herstal"]);
        let bad = CommuneDraft {
            latitude: "95".into(),
            longitude: "east".into(),
            ..draft
        };
        assert_eq!(bad.input(), Err(vec!["latitude", "longitude"]));
    }

    #[test]
    fn neighbours_are_named_in_alphabetical_order() {
        let all = [
            commune("seraing", "Seraing", &[]),
            commune("liege", "Liège", &[]),
            commune("ans", "Ans", &[]),
        ];
        let ids = ["seraing".to_string(), "ans".into(), "gone".into()];
        assert_eq!(neighbour_names(&all, &ids), "Ans, Seraing, gone");
    }
}

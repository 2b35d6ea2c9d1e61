//! After an anonymisation: the texts staff wrote elsewhere that still contain the person's
//! names (an activity's description, notes about someone else), each with a link to edit it.
//! The anonymisation does not rewrite them: only their authors know what to keep.

use shared::people::{MentionedIn, TextMention};

use crate::i18n::people::PeopleKey;
use crate::locale::use_i18n;
use crate::routes::person_edit_path;
use crate::routes::{activity_edit_path, duo_candidate_edit_path, duo_path, proposal_path, DUO};
use leptos::prelude::*;

/// Where to edit a text, and how to name the record.
fn target(m: &TextMention) -> (PeopleKey, String) {
    match m.object_type {
        MentionedIn::Activity => (PeopleKey::MentionActivity, activity_edit_path(m.object_id)),
        MentionedIn::Person => (PeopleKey::MentionPerson, person_edit_path(m.object_id)),
        MentionedIn::Duo => (PeopleKey::MentionDuo, duo_path(m.object_id)),
        MentionedIn::DuoCandidacy => (
            PeopleKey::MentionCandidacy,
            duo_candidate_edit_path(m.object_id),
        ),
        MentionedIn::DuoBlock => (PeopleKey::MentionBlock, DUO.to_owned()),
        MentionedIn::InteractProposal => (PeopleKey::MentionProposal, proposal_path(m.object_id)),
    }
}

#[component]
pub fn Mentions(mentions: RwSignal<Vec<TextMention>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = mentions.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="mentions-title">
                    <h2 id="mentions-title">{move || i18n.t(PeopleKey::MentionsTitle)}</h2>
                    <p>{move || i18n.t(PeopleKey::MentionsIntro)}</p>
                    <ul>
                        {list
                            .into_iter()
                            .map(|m| {
                                let (key, href) = target(&m);
                                view! {
                                    <li>
                                        <a href=href>{move || i18n.t(key)}</a>
                                        " — "
                                        <code dir="ltr">{m.field}</code>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

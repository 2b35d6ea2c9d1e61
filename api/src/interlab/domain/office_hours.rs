//! Office hours' pure rules: what a slot must hold and when it may be booked.

use chrono::{DateTime, Duration, Utc};
use shared::interlab::SlotStatus;

use crate::activities::domain::parse_instant;
use crate::error::{ApiError, Validator};
use crate::i18n::Msg;
use crate::people::domain::optional_text;

pub const PLACE_MAX: usize = 300;
pub const URL_MAX: usize = 500;
pub const BOOKING_NOTE_MAX: usize = 1000;
/// The longest slot.
pub const MAX_HOURS: i64 = 8;

/// A slot as stored (times in UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: Option<String>,
    pub video_url: Option<String>,
}

/// The raw fields of a slot, as typed.
#[derive(Debug, Clone, Default)]
pub struct SlotText<'a> {
    pub starts_at: &'a str,
    pub ends_at: &'a str,
    pub place: Option<&'a str>,
    pub video_url: Option<&'a str>,
}

/// Checks a slot: times in Europe/Brussels (or with an offset), the start in the future, the end
/// after it and at most [`MAX_HOURS`] later, a place or an `https://` video link.
pub fn check_slot(raw: &SlotText<'_>, now: DateTime<Utc>) -> Result<Slot, ApiError> {
    let mut v = Validator::new();
    let starts = v.check("starts_at", parse_instant(raw.starts_at));
    let ends = v.check("ends_at", parse_instant(raw.ends_at));
    let place = v
        .check("place", optional_text(raw.place, PLACE_MAX))
        .flatten();
    let video = v
        .check("video_url", optional_text(raw.video_url, URL_MAX))
        .flatten();
    if video
        .as_deref()
        .is_some_and(|u| !u.starts_with("https://") || u.len() <= "https://".len())
    {
        v.add("video_url", Msg::InvalidValue);
    }
    if place.is_none() && video.is_none() && raw.place.is_none_or(|p| p.trim().is_empty()) {
        v.add("place", Msg::PlaceOrLinkRequired);
    }
    if let Some(s) = starts {
        if s <= now {
            v.add("starts_at", Msg::DateInPast);
        }
    }
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            v.add("ends_at", Msg::EndBeforeStart);
        } else if e - s > Duration::hours(MAX_HOURS) {
            v.add("ends_at", Msg::Between(1, MAX_HOURS * 60));
        }
    }
    v.finish()?;
    match (starts, ends) {
        (Some(starts_at), Some(ends_at)) => Ok(Slot {
            starts_at,
            ends_at,
            place,
            video_url: video,
        }),
        _ => Err(anyhow::anyhow!("validated slot without its times").into()),
    }
}

/// Whether a slot may be booked now: open, in the future and free. A refusal is a conflict with
/// the slot's state (409), named on the slot.
pub fn may_book(
    status: SlotStatus,
    starts_at: DateTime<Utc>,
    booked: bool,
    now: DateTime<Utc>,
) -> Result<(), Msg> {
    if status == SlotStatus::Cancelled {
        return Err(Msg::SlotCancelled);
    }
    if starts_at <= now {
        return Err(Msg::SlotPast);
    }
    if booked {
        return Err(Msg::SlotTaken);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, 10, 9, 0, 0)
            .single()
            .expect("valid")
    }

    fn fields(err: ApiError) -> Vec<String> {
        match err {
            ApiError::Validation(f) => f.into_iter().map(|(k, _)| k).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_slot_is_read_in_brussels_time() {
        let s = check_slot(
            &SlotText {
                starts_at: "2027-01-12T14:00",
                ends_at: "2027-01-12T15:00",
                place: Some(" La Grand Poste "),
                video_url: None,
            },
            now(),
        )
        .expect("valid");
        // Winter: Brussels is UTC+1.
        assert_eq!(
            s.starts_at,
            Utc.with_ymd_and_hms(2027, 1, 12, 13, 0, 0)
                .single()
                .expect("valid")
        );
        assert_eq!(s.place.as_deref(), Some("La Grand Poste"));
    }

    #[test]
    fn a_bad_slot_names_every_field() {
        let err = check_slot(
            &SlotText {
                starts_at: "2027-01-09T14:00",
                ends_at: "2027-01-09T13:00",
                place: None,
                video_url: Some("ftp://x"),
            },
            now(),
        )
        .expect_err("refused");
        let f = fields(err);
        assert!(f.contains(&"starts_at".to_owned()));
        assert!(f.contains(&"ends_at".to_owned()));
        assert!(f.contains(&"video_url".to_owned()));
    }

    #[test]
    fn a_slot_needs_a_place_or_a_link_and_stays_short() {
        let f = fields(
            check_slot(
                &SlotText {
                    starts_at: "2027-01-12T09:00",
                    ends_at: "2027-01-12T19:00",
                    place: Some("  "),
                    video_url: None,
                },
                now(),
            )
            .expect_err("refused"),
        );
        assert_eq!(f, vec!["place".to_owned(), "ends_at".to_owned()]);
    }

    #[test]
    fn only_an_open_future_free_slot_is_booked() {
        let later = now() + Duration::days(1);
        assert_eq!(may_book(SlotStatus::Open, later, false, now()), Ok(()));
        assert_eq!(
            may_book(SlotStatus::Cancelled, later, false, now()),
            Err(Msg::SlotCancelled)
        );
        assert_eq!(
            may_book(SlotStatus::Open, now(), false, now()),
            Err(Msg::SlotPast)
        );
        assert_eq!(
            may_book(SlotStatus::Open, later, true, now()),
            Err(Msg::SlotTaken)
        );
    }
}

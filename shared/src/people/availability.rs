//! Weekly availability: the days, the parts of a day and the slots they make
//! (`"sat_afternoon"`), as people give them and Duo2Change matches them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

wire_enum!(
    Weekday {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
);

wire_enum!(
    DayPart {
        Morning = "morning",
        Afternoon = "afternoon",
        Evening = "evening",
    }
);

/// A weekly availability slot, on the wire (and in the database) as `"sat_afternoon"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "diesel",
    derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)
)]
#[cfg_attr(feature = "diesel", diesel(sql_type = diesel::sql_types::Text))]
pub struct Slot {
    pub day: Weekday,
    pub part: DayPart,
}

/// Every slot's text, by day then part (the orders of `Weekday::ALL` and `DayPart::ALL`).
const SLOT_NAMES: [[&str; 3]; 7] = [
    ["mon_morning", "mon_afternoon", "mon_evening"],
    ["tue_morning", "tue_afternoon", "tue_evening"],
    ["wed_morning", "wed_afternoon", "wed_evening"],
    ["thu_morning", "thu_afternoon", "thu_evening"],
    ["fri_morning", "fri_afternoon", "fri_evening"],
    ["sat_morning", "sat_afternoon", "sat_evening"],
    ["sun_morning", "sun_afternoon", "sun_evening"],
];

impl Slot {
    pub fn all() -> impl Iterator<Item = Slot> {
        Weekday::ALL
            .iter()
            .flat_map(|&day| DayPart::ALL.iter().map(move |&part| Slot { day, part }))
    }

    pub fn as_str(self) -> &'static str {
        SLOT_NAMES[self.day as usize][self.part as usize]
    }
}

text_column!(Slot);

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Slot {
    type Err = ();
    fn from_str(s: &str) -> Result<Slot, ()> {
        let (day, part) = s.split_once('_').ok_or(())?;
        Ok(Slot {
            day: day.parse()?,
            part: part.parse()?,
        })
    }
}

impl Serialize for Slot {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Slot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Slot, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown slot {s:?}: expected <mon..sun>_<morning|afternoon|evening>"
            ))
        })
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Slot {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        // Every value, listed: exactly what the API sends and accepts (by day, then part).
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(SLOT_NAMES.iter().flatten().copied()))
            .examples(["sat_afternoon"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Slot {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_round_trip() {
        assert_eq!(Slot::all().count(), 21);
        for slot in Slot::all() {
            assert_eq!(slot.as_str(), format!("{}_{}", slot.day, slot.part));
            assert_eq!(slot.as_str().parse(), Ok(slot));
        }
        let s: Slot = "sat_afternoon".parse().unwrap_or(Slot {
            day: Weekday::Mon,
            part: DayPart::Morning,
        });
        assert_eq!(s.to_string(), "sat_afternoon");
        assert!("sat_noon".parse::<Slot>().is_err());
        let json = serde_json::to_string(&s).unwrap_or_default();
        assert_eq!(json, "\"sat_afternoon\"");
    }
}

//! Newcomer or local: the category a person declares, Interra's five-year rule and a
//! coordinator's override; none for someone who declared neither (partner staff).

wire_enum!(
    /// Interra's rule: newcomers arrived less than 5 years ago; locals have lived here longer.
    Category {
        Newcomer = "newcomer",
        Local = "local",
    }
);

/// The effective category under Interra's rule: newcomers arrived less than five years ago.
pub fn computed_category(
    profile: Category,
    arrival_year: Option<i32>,
    current_year: i32,
) -> Category {
    match (profile, arrival_year) {
        (Category::Newcomer, Some(year)) if current_year - year >= 5 => Category::Local,
        (profile, _) => profile,
    }
}

/// The category that counts: a coordinator's override, else the five-year rule on the declared
/// profile; none for someone who declared neither and has no override.
pub fn effective_category(
    profile: Option<Category>,
    arrival_year: Option<i32>,
    category_override: Option<Category>,
    current_year: i32,
) -> Option<Category> {
    category_override.or(profile.map(|p| computed_category(p, arrival_year, current_year)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_year_rule() {
        assert_eq!(
            computed_category(Category::Newcomer, Some(2023), 2026),
            Category::Newcomer
        );
        assert_eq!(
            computed_category(Category::Newcomer, Some(2022), 2026),
            Category::Newcomer
        );
        assert_eq!(
            computed_category(Category::Newcomer, Some(2021), 2026),
            Category::Local
        );
        assert_eq!(
            computed_category(Category::Local, None, 2026),
            Category::Local
        );
    }

    #[test]
    fn override_wins_and_neither_stays_neither() {
        assert_eq!(
            effective_category(Some(Category::Newcomer), Some(2020), None, 2026),
            Some(Category::Local)
        );
        assert_eq!(
            effective_category(
                Some(Category::Newcomer),
                Some(2020),
                Some(Category::Newcomer),
                2026
            ),
            Some(Category::Newcomer)
        );
        assert_eq!(effective_category(None, None, None, 2026), None);
        assert_eq!(
            effective_category(None, None, Some(Category::Local), 2026),
            Some(Category::Local)
        );
    }
}

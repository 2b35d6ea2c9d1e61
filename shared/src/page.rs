//! The list envelope used by every collection endpoint.

use serde::{Deserialize, Serialize};

/// Largest page a client may ask for; bigger `page_size` values are capped to this.
pub const MAX_PAGE_SIZE: u32 = 200;
/// Page size when the client does not say.
pub const DEFAULT_PAGE_SIZE: u32 = 50;

/// One page of a collection: `{count, next, previous, results}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// Number of items matching the query, over all pages.
    pub count: u64,
    /// Absolute path (with query) of the next page, if any.
    pub next: Option<String>,
    /// Absolute path (with query) of the previous page, if any.
    pub previous: Option<String>,
    /// The items of this page.
    pub results: Vec<T>,
}

/// `page` (1-based) and `page_size` query parameters, as sent by a client.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageParams {
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page (default 50, at most 200).
    pub page_size: Option<u32>,
}

impl PageParams {
    /// The page number, at least 1.
    pub fn page(&self) -> u32 {
        self.page.unwrap_or(1).max(1)
    }

    /// The page size, between 1 and [`MAX_PAGE_SIZE`].
    pub fn page_size(&self) -> u32 {
        self.page_size
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .clamp(1, MAX_PAGE_SIZE)
    }

    /// Rows to skip for this page.
    pub fn offset(&self) -> u64 {
        u64::from(self.page() - 1) * u64::from(self.page_size())
    }

    /// Number of pages needed for `count` items (at least 1).
    pub fn last_page(&self, count: u64) -> u32 {
        let size = u64::from(self.page_size());
        u32::try_from(count.div_ceil(size).max(1)).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_size_is_capped_and_page_is_one_based() {
        let p = PageParams {
            page: Some(0),
            page_size: Some(10_000),
        };
        assert_eq!(p.page(), 1);
        assert_eq!(p.page_size(), MAX_PAGE_SIZE);
        assert_eq!(p.offset(), 0);
        let p = PageParams {
            page: Some(3),
            page_size: Some(20),
        };
        assert_eq!(p.offset(), 40);
        assert_eq!(p.last_page(41), 3);
        assert_eq!(p.last_page(0), 1);
    }
}

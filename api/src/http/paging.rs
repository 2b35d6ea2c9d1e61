//! Links between the pages of a list.

use actix_web::HttpRequest;
use shared::page::PageParams;

/// `next` and `previous` links of a page: the request's own path and query with `page` changed.
pub fn page_links(
    req: &HttpRequest,
    params: &PageParams,
    count: u64,
) -> (Option<String>, Option<String>) {
    let page = params.page();
    let link = |target: u32| {
        let mut pairs: Vec<(String, String)> =
            form_urlencoded::parse(req.query_string().as_bytes())
                .filter(|(k, _)| k != "page")
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
        pairs.push(("page".into(), target.to_string()));
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        format!("{}?{}", req.path(), query)
    };
    let next = (page < params.last_page(count)).then(|| link(page + 1));
    let previous = (page > 1).then(|| link((page - 1).min(params.last_page(count))));
    (next, previous)
}

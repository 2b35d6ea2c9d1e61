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

/// A page (`{count, next, previous, results}`, as `shared::Page` serialises) whose items are
/// already JSON: the public agenda keeps each event rendered, and a page only joins them.
pub fn page_json(
    count: u64,
    next: Option<&str>,
    previous: Option<&str>,
    items: &[&str],
) -> Result<Vec<u8>, serde_json::Error> {
    let mut out =
        Vec::with_capacity(128 + items.len() + items.iter().map(|i| i.len()).sum::<usize>());
    out.extend_from_slice(b"{\"count\":");
    serde_json::to_writer(&mut out, &count)?;
    out.extend_from_slice(b",\"next\":");
    serde_json::to_writer(&mut out, &next)?;
    out.extend_from_slice(b",\"previous\":");
    serde_json::to_writer(&mut out, &previous)?;
    out.extend_from_slice(b",\"results\":[");
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        out.extend_from_slice(item.as_bytes());
    }
    out.extend_from_slice(b"]}");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::page_json;
    use serde_json::json;
    use shared::Page;

    #[test]
    fn a_page_of_rendered_items_is_the_page_serialised() {
        let items = [
            json!({"id": 1, "title": "Café \"Liège\""}),
            json!({"id": 2}),
        ];
        let rendered: Vec<String> = items.iter().map(|i| i.to_string()).collect();
        let texts: Vec<&str> = rendered.iter().map(String::as_str).collect();
        for (next, previous, items) in [
            (Some("/a?page=3"), Some("/a?page=1"), &items[..]),
            (None, None, &items[..0]),
        ] {
            let expected = serde_json::to_vec(&Page {
                count: 120,
                next: next.map(str::to_owned),
                previous: previous.map(str::to_owned),
                results: items.to_vec(),
            })
            .expect("json");
            let made = page_json(120, next, previous, &texts[..items.len()]).expect("json");
            assert_eq!(
                String::from_utf8_lossy(&made),
                String::from_utf8_lossy(&expected)
            );
        }
    }
}

//! RSS 2.0 feed of upcoming public activities.

use chrono::{DateTime, Utc};

pub struct RssItem<'a> {
    pub guid: String,
    pub title: &'a str,
    pub link: &'a str,
    pub description: String,
    pub published: DateTime<Utc>,
    /// Cancelled (or withdrawn from the agenda): a `cancelled` category for readers that filter.
    pub cancelled: bool,
}

pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

pub fn channel(
    title: &str,
    link: &str,
    description: &str,
    lang: &str,
    items: &[RssItem<'_>],
) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n",
    );
    out.push_str(&format!(
        "<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n<ttl>60</ttl>\n",
        xml_escape(title),
        xml_escape(link),
        xml_escape(description),
        xml_escape(lang)
    ));
    for i in items {
        out.push_str(&format!(
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"false\">{}</guid>\n<pubDate>{}</pubDate>\n<description>{}</description>\n{}</item>\n",
            xml_escape(i.title),
            xml_escape(i.link),
            xml_escape(&i.guid),
            i.published.to_rfc2822(),
            xml_escape(&i.description),
            if i.cancelled {
                "<category>cancelled</category>\n"
            } else {
                ""
            }
        ));
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_escaped() {
        let item = RssItem {
            guid: "urn:uuid:1".into(),
            title: "Pizza & <co>",
            link: "https://x/e/1",
            description: "a \"b\"".into(),
            published: Utc::now(),
            cancelled: false,
        };
        let xml = channel("Agenda", "https://x", "d", "fr", &[item]);
        assert!(xml.contains("Pizza &amp; &lt;co&gt;"));
        assert!(xml.starts_with("<?xml"));
    }
}

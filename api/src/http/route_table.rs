//! The documented routes, read from the OpenAPI document once at start-up, to tell an unknown
//! path (404) from a known path called with another method (405 with `Allow`).

/// Documented path templates and their methods, to tell 404 from 405.
#[derive(Debug, Default)]
pub struct ApiRoutes(Vec<(Vec<String>, Vec<String>)>);

impl ApiRoutes {
    pub fn from_openapi(doc: &serde_json::Value) -> ApiRoutes {
        let Some(paths) = doc.get("paths").and_then(|p| p.as_object()) else {
            return ApiRoutes::default();
        };
        ApiRoutes(
            paths
                .iter()
                .map(|(path, item)| {
                    let segments = path.split('/').map(str::to_owned).collect();
                    let methods = item
                        .as_object()
                        .map(|ops| ops.keys().map(|m| m.to_uppercase()).collect())
                        .unwrap_or_default();
                    (segments, methods)
                })
                .collect(),
        )
    }

    /// Methods allowed on `path`, if it matches a documented route; the route with the fewest
    /// parameters wins (`/people/retention` over `/people/{id}`).
    pub fn allowed(&self, path: &str) -> Option<Vec<String>> {
        let segs: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        self.0
            .iter()
            .filter(|(template, _)| {
                template.len() == segs.len()
                    && template
                        .iter()
                        .zip(&segs)
                        .all(|(t, s)| t == s || (t.starts_with('{') && !s.is_empty()))
            })
            .min_by_key(|(template, _)| template.iter().filter(|t| t.starts_with('{')).count())
            .map(|(_, methods)| methods.clone())
    }
}

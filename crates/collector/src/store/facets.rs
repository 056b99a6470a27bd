//! What a survey's responses can be narrowed by: the locales, pages and
//! context values that occur, with how often, for the dashboard's filters.

use std::collections::{BTreeMap, HashMap};

use candor_core::admin::{ContextFacet, FacetValue, Facets};

use super::{Store, StoreError, on_pool};

/// Newest responses read for one answer: enough to find every common value
/// without reading a large survey whole.
const MAX_SCANNED: i64 = 50_000;
/// Values listed per facet, most frequent first.
const TOP: usize = 30;

impl Store {
    /// The facets of the responses of `survey` received at or after `from`
    /// (RFC 3339 or a day; all when `None`).
    pub async fn facets(&self, survey: &str, from: Option<&str>) -> Result<Facets, StoreError> {
        let rows: Vec<(Option<String>, Option<String>, String)> = on_pool!(self.backend, |pool| {
            sqlx::query_as(
                "SELECT locale, page, context FROM responses
                 WHERE survey_id = $1 AND ($2 IS NULL OR received_at >= $2)
                 ORDER BY received_at DESC LIMIT $3",
            )
            .bind(survey)
            .bind(from)
            .bind(MAX_SCANNED)
            .fetch_all(pool)
            .await?
        });
        let mut locales = HashMap::new();
        let mut pages = HashMap::new();
        let mut context: BTreeMap<String, HashMap<String, u64>> = BTreeMap::new();
        for (locale, page, fields) in rows {
            if let Some(locale) = locale {
                *locales.entry(locale).or_default() += 1;
            }
            if let Some(page) = page {
                *pages.entry(page).or_default() += 1;
            }
            let fields: BTreeMap<String, String> = serde_json::from_str(&fields)?;
            for (name, value) in fields {
                *context.entry(name).or_default().entry(value).or_default() += 1;
            }
        }
        Ok(Facets {
            locales: top(locales),
            pages: top(pages),
            context: context
                .into_iter()
                .map(|(name, values)| ContextFacet {
                    name,
                    values: top(values),
                })
                .collect(),
        })
    }
}

/// The most frequent values, ties in text order.
fn top(counts: HashMap<String, u64>) -> Vec<FacetValue> {
    let mut values: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, responses)| FacetValue { value, responses })
        .collect();
    values.sort_by(|a, b| b.responses.cmp(&a.responses).then_with(|| a.value.cmp(&b.value)));
    values.truncate(TOP);
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_orders_by_count_then_text_and_keeps_thirty() {
        let mut counts: HashMap<String, u64> = (0..40).map(|i| (format!("v{i:02}"), 1)).collect();
        counts.insert("common".to_owned(), 5);
        let values = top(counts);
        assert_eq!(values.len(), TOP);
        assert_eq!(values[0].value, "common");
        assert_eq!(values[1].value, "v00");
    }
}

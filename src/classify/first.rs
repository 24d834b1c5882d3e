//! Who had it first: among the articles that carry a passage or a quote, the one published
//! strictly earliest, when every one of them has a known date.

use super::Analysis;
use crate::load::meta::earliest;

impl Analysis {
    /// The article among `docs` published first: `None` unless every one of them has a date
    /// and one is strictly earliest (two dates of the same day, one without a time, are not
    /// ordered). Repeated entries count once.
    pub fn first_of(&self, docs: impl IntoIterator<Item = usize>) -> Option<usize> {
        let mut docs: Vec<usize> = docs.into_iter().collect();
        docs.sort_unstable();
        docs.dedup();
        earliest(docs.into_iter().map(|d| {
            let date = self
                .documents
                .get(d)
                .and_then(|doc| doc.article.meta.date.as_deref());
            (d, date)
        }))
    }
}

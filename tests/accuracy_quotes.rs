//! Quote-status accuracy on the labelled benchmark `tests/data/quote_status.tsv`: real
//! quotations told by two articles with one controlled difference each (spellings, marks,
//! interruptions, changed words, fragments, unquoted use, another speaker, another
//! quotation). The figure is in README ("Accuracy"); `-- --nocapture` prints every miss.

use sourcediff::classify::quote::{QuoteStatus, match_quotes};
use sourcediff::{Article, Document};

/// Lowest share of cases whose status is the labelled one.
const MIN_ACCURACY: f64 = 0.9;

fn status_name(s: QuoteStatus) -> &'static str {
    match s {
        QuoteStatus::Exact => "exact",
        QuoteStatus::Altered => "altered",
        QuoteStatus::Partial => "partial",
        QuoteStatus::Unquoted => "unquoted",
        QuoteStatus::Misattributed => "misattributed",
        QuoteStatus::Unmatched => "unmatched",
    }
}

#[test]
fn quote_status_accuracy() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quote_status.tsv");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (mut cases, mut right) = (0usize, 0usize);
    let mut misses = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "line {}: four tab-separated columns", i + 1);
        let docs: Vec<Document> = [cols[1], cols[2]]
            .iter()
            .enumerate()
            .map(|(k, t)| Document::new(Article::from_text(format!("{k}"), *t)))
            .collect();
        // The statuses of quotations both articles carry.
        let shared: Vec<&str> = match_quotes(&docs)
            .iter()
            .filter(|m| m.status != QuoteStatus::Unmatched && !m.occurrences.is_empty())
            .filter(|m| m.occurrences.iter().any(|o| o.doc == 0))
            .filter(|m| m.occurrences.iter().any(|o| o.doc == 1))
            .map(|m| status_name(m.status))
            .collect();
        let got = match shared.as_slice() {
            [] => "none".to_string(),
            [one] => one.to_string(),
            many => many.join("+"),
        };
        cases += 1;
        if got == cols[0] {
            right += 1;
        } else {
            misses.push(format!("line {}: expected {}, got {got}", i + 1, cols[0]));
        }
    }
    let accuracy = right as f64 / cases.max(1) as f64;
    println!("quote status: {right} of {cases} cases right ({accuracy:.2})");
    for m in &misses {
        println!("  {m}");
    }
    assert!(cases >= 20, "the benchmark has {cases} cases");
    assert!(
        accuracy >= MIN_ACCURACY,
        "quote-status accuracy {accuracy:.2} < {MIN_ACCURACY}:\n{}",
        misses.join("\n")
    );
}

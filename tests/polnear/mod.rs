//! PolNeAR's hand annotations (`../shared/corpus/polnear-train`), read for the accuracy tests:
//! the attributions whose content holds quote marks, and whether a speaker sourcediff gives is
//! the annotated one. Used by tests/accuracy_speakers.rs and tests/accuracy_quotes.rs.

#![allow(dead_code)]

use std::collections::BTreeMap;

/// One annotated attribution: byte spans of its content and source.
pub struct Gold {
    pub content: (usize, usize),
    pub source: String,
    /// For a pronoun source ("he"): the nearest annotated source before it that is not a
    /// pronoun, in any attribution (an approximation of whom the pronoun means).
    pub antecedent: Option<String>,
}

/// The attributions of `NAME.ann` whose content holds quote marks, with byte offsets into
/// `text` (the annotation counts code points). Span lines that do not match the text are
/// skipped, as the corpus README says.
pub fn gold(text: &str, ann: &str) -> Vec<Gold> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let mut spans: BTreeMap<&str, (&str, usize, usize, &str)> = BTreeMap::new();
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 || !cols[0].starts_with('T') {
            continue;
        }
        let mut head = cols[1].split([' ', ';']);
        let (Some(kind), Some(s), Some(e)) = (head.next(), head.next(), head.next()) else {
            continue;
        };
        let e = head.next_back().unwrap_or(e);
        let (Ok(s), Ok(e)) = (s.parse::<usize>(), e.parse::<usize>()) else {
            continue;
        };
        let (Some(&bs), Some(&be)) = (bytes.get(s), bytes.get(e)) else {
            continue;
        };
        spans.insert(cols[0], (kind, bs, be, cols[2]));
    }
    // Every annotated source that is not a pronoun, by where it starts.
    let mut named: Vec<(usize, &str)> = spans
        .values()
        .filter(|t| t.0 == "Source" && !PRONOUNS.contains(&t.3.to_lowercase().as_str()))
        .map(|t| (t.1, t.3))
        .collect();
    named.sort();
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let Some(args) = line.split('\t').nth(1) else {
            continue;
        };
        let mut content = None;
        let mut source = None;
        for arg in args.split(' ') {
            match arg.split_once(':') {
                Some(("Content", t)) => content = spans.get(t),
                Some(("Source", t)) => source = spans.get(t),
                _ => {}
            }
        }
        let (Some(c), Some(s)) = (content, source) else {
            continue;
        };
        let Some(content_text) = text.get(c.1..c.2) else {
            continue;
        };
        if !content_text.contains(['"', '“', '”']) || text.get(s.1..s.2) != Some(s.3) {
            continue;
        }
        let antecedent = named
            .iter()
            .rev()
            .find(|(at, _)| *at < s.1)
            .map(|(_, t)| t.to_string());
        out.push(Gold {
            content: (c.1, c.2),
            source: s.3.to_string(),
            antecedent,
        });
    }
    out
}

pub const PRONOUNS: &[&str] = &[
    "he", "her", "him", "his", "i", "it", "its", "me", "my", "she", "that", "their", "them",
    "they", "this", "we", "which", "who", "you",
];

/// The last word of `s`: possessive and punctuation dropped, case folded.
pub fn last_word(s: &str) -> String {
    s.split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_lowercase()
        })
        .find(|w| !w.is_empty())
        .unwrap_or_default()
}

/// A description that opens the annotated one word for word ("a source close" for "a source
/// close to the campaign"): the same speaker, cut short.
pub fn described(speaker: &str, source: &str) -> bool {
    let (s, g) = (speaker.to_lowercase(), source.to_lowercase());
    speaker.starts_with(char::is_lowercase)
        && speaker.split_whitespace().count() >= 2
        && g.starts_with(&s)
}

/// The words an annotated source may be named by: the last word of each comma-separated part,
/// cut before "of" and a parenthesis ("her senior policy adviser, Jake Sullivan," gives
/// "adviser" and "sullivan"; "Rep. Bobby Scott (D-Va.)" gives "scott"; "Robert Antonacci of
/// the New York delegation" gives "antonacci" and "delegation").
pub fn heads(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in source.split([',', '(', ')']) {
        for cut in [part, part.split(" of ").next().unwrap_or(part)] {
            let w = last_word(cut);
            if !w.is_empty() && !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// The annotated attribution holding most of the quote at `span` (at least half of it).
pub fn holding(gold: &[Gold], span: (usize, usize)) -> Option<&Gold> {
    let overlap = |g: &Gold| {
        let (s, e) = (span.0.max(g.content.0), span.1.min(g.content.1));
        e.saturating_sub(s)
    };
    let g = gold.iter().max_by_key(|g| overlap(g))?;
    (overlap(g) * 2 >= span.1 - span.0).then_some(g)
}

/// Whom the annotation credits: the source, or for a pronoun source its approximated
/// antecedent.
pub fn truth(g: &Gold) -> &str {
    if PRONOUNS.contains(&g.source.to_lowercase().as_str()) {
        g.antecedent.as_deref().unwrap_or("")
    } else {
        &g.source
    }
}

/// Is `speaker` the annotated source `truth`?
pub fn right(speaker: &str, truth: &str) -> bool {
    heads(truth).contains(&last_word(speaker)) || described(speaker, truth)
}

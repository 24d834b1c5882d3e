//! Stage 7, report: an [`Analysis`] becomes bytes on a `Write`. This is the only stage that
//! writes. Every format is a pure function of the analysis and the [`RenderOptions`]; this
//! module holds what they share: labels ("A3" is article A's third sentence), the inline
//! word diff of a pair as pieces, and the words each side of a framing pair has alone.

pub mod html;
pub mod json;
pub mod markdown;
pub mod quotes;
pub mod safe;
pub mod segments;
pub mod terminal;

use std::io::{self, Write};

use crate::align::{self, EditOp};
use crate::classify::quote::{QuoteMatch, QuoteStatus};
use crate::classify::{Analysis, Drift, DriftKind, Finding, FindingKind};
use crate::options::{Format, RenderOptions, Section};
use crate::tokenize::{Document, Token};

/// The kinds of aligned pair in the order reports list them, with the `--only` part that
/// shows each.
pub const PAIR_SECTIONS: [(Section, FindingKind); 3] = [
    (Section::Verbatim, FindingKind::Verbatim),
    (Section::Edited, FindingKind::Edited),
    (Section::Framing, FindingKind::Framing),
];

/// Writes the compare report in the format `options` asks for.
pub fn write(analysis: &Analysis, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    match options.format {
        Format::Text => terminal::write(analysis, options, out),
        Format::Json => json::write(analysis, out),
        Format::Html => html::write(analysis, options, out),
        Format::Markdown => markdown::write(analysis, options, out),
    }
}

/// " · first: A" when the articles' dates say which of `docs` was published first; empty
/// otherwise.
pub fn first_note(analysis: &Analysis, docs: impl IntoIterator<Item = usize>) -> String {
    analysis
        .first_of(docs)
        .map_or_else(String::new, |d| format!(" · first: {}", doc_label(d)))
}

/// The letters reports use for article `doc`: A, B, … Z, then AA, AB, … AZ, BA, … ZZ, AAA, …
/// (as spreadsheet columns). Letters only, so a sentence label ("AA3": article AA, sentence 3)
/// can be read one way only, however many articles there are.
pub fn doc_label(doc: usize) -> String {
    let mut n = doc + 1;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect()
}

/// "A3": article A, sentence 3 (counted from 1, as people count).
pub fn sentence_label(doc: usize, sentence: usize) -> String {
    format!("{}{}", doc_label(doc), sentence + 1)
}

/// Labels of several sentences of one article: "A3", "A3–A4", "A3, A7", and for a longer
/// scattered list (the copies of a repeated sentence) the first and how many: "A3 … (12
/// copies)", so a label never grows with the input.
pub fn sentences_label(doc: usize, sentences: &[usize]) -> String {
    match sentences {
        [] => doc_label(doc),
        [one] => sentence_label(doc, *one),
        [first, .., last] if last - first + 1 == sentences.len() => {
            format!(
                "{}–{}",
                sentence_label(doc, *first),
                sentence_label(doc, *last)
            )
        }
        many if many.len() <= 3 => many
            .iter()
            .map(|&s| sentence_label(doc, s))
            .collect::<Vec<_>>()
            .join(", "),
        many => format!("{} … ({} copies)", sentence_label(doc, many[0]), many.len()),
    }
}

/// How often a verbatim finding's sentence stands in each article, when more than once:
/// "10000 times in A, 3 times in B"; empty for a sentence that stands once on each side.
pub fn copies_text(finding: &Finding) -> String {
    let p = &finding.pair;
    if finding.kind != FindingKind::Verbatim
        || (p.left.sentences.len() < 2 && p.right.sentences.len() < 2)
    {
        return String::new();
    }
    let times = |n: usize| {
        if n == 1 {
            "once".to_string()
        } else {
            format!("{n} times")
        }
    };
    format!(
        "repeated: {} in {}, {} in {}",
        times(p.left.sentences.len()),
        doc_label(p.left.doc),
        times(p.right.sentences.len()),
        doc_label(p.right.doc)
    )
}

/// Occurrences of a quote that one article credits alike (the same speaker, with or without
/// quote marks): a quotation repeated 2,000 times is one line of a report, not 2,000.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Places<'a> {
    /// The article.
    pub doc: usize,
    /// Index of the first of these occurrences in the quote's list.
    pub first: usize,
    /// How many occurrences.
    pub count: usize,
    /// Who the article credits them to.
    pub speaker: Option<&'a str>,
    /// Whether they stand in quote marks.
    pub quoted: bool,
}

/// A quote's occurrences grouped into [`Places`], in the order of their first occurrence.
pub fn quote_places(q: &QuoteMatch) -> Vec<Places<'_>> {
    let mut out: Vec<Places> = Vec::new();
    let mut index: std::collections::HashMap<(usize, Option<&str>, bool), usize> =
        std::collections::HashMap::new();
    for (i, o) in q.occurrences.iter().enumerate() {
        let key = (o.doc, o.speaker.as_deref(), o.quoted);
        match index.get(&key) {
            Some(&k) => out[k].count += 1,
            None => {
                index.insert(key, out.len());
                out.push(Places {
                    doc: o.doc,
                    first: i,
                    count: 1,
                    speaker: o.speaker.as_deref(),
                    quoted: o.quoted,
                });
            }
        }
    }
    out
}

/// ", quoted 2000 times in A" for places holding several occurrences; empty for one.
pub fn places_count(p: &Places) -> String {
    if p.count > 1 {
        format!(", quoted {} times in {}", p.count, doc_label(p.doc))
    } else {
        String::new()
    }
}

/// The sentence of `doc` that holds byte `offset`, if any.
pub fn sentence_at(doc: &Document, offset: usize) -> Option<usize> {
    let k = doc.sentences.partition_point(|s| s.span.start <= offset);
    let s = k.checked_sub(1)?;
    (offset < doc.sentences[s].span.end).then_some(s)
}

/// One run of an inline word diff, with the original text of each side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    /// What happened to the run.
    pub op: EditOp,
    /// The left side's text (empty for insertions).
    pub left: &'a str,
    /// The right side's text (empty for deletions).
    pub right: &'a str,
    /// Whether white space came before the run in the text it is printed from.
    pub space_before: bool,
}

/// The word diff of a finding as pieces of original text. Empty when no diff was made (a side
/// over the diff size limit).
pub fn diff_pieces<'a>(analysis: &'a Analysis, finding: &Finding) -> Vec<Piece<'a>> {
    let p = &finding.pair;
    let verbatim = finding.pair.kind == align::PairKind::Verbatim;
    let (ld, rd) = (
        &analysis.documents[p.left.doc],
        &analysis.documents[p.right.doc],
    );
    let left = align::side_tokens(&analysis.documents, &p.left, verbatim);
    let right = align::side_tokens(&analysis.documents, &p.right, verbatim);
    p.edits
        .iter()
        .map(|e| {
            let l = run_text(ld, &left[e.left.clone()]);
            let r = run_text(rd, &right[e.right.clone()]);
            // A run follows white space when either side has some before it: an equal run after
            // an insertion at the very start has none on the left but some on the right.
            let space_before = match e.op {
                EditOp::Insert => space_before(rd, &right, e.right.start),
                EditOp::Delete => space_before(ld, &left, e.left.start),
                _ => {
                    space_before(ld, &left, e.left.start) || space_before(rd, &right, e.right.start)
                }
            };
            Piece {
                op: e.op,
                left: l,
                right: r,
                space_before,
            }
        })
        .collect()
}

/// The original text from the first to the last of `tokens` (which lie in one document).
fn run_text<'a>(doc: &'a Document, tokens: &[&Token]) -> &'a str {
    match (tokens.first(), tokens.last()) {
        (Some(f), Some(l)) => doc.article.text.get(f.span.start..l.span.end).unwrap_or(""),
        _ => "",
    }
}

/// Whether white space precedes token `at` of a side (never before the side's first token).
fn space_before(doc: &Document, tokens: &[&Token], at: usize) -> bool {
    at > 0 && tokens.get(at).is_some_and(|t| starts_after_space(doc, t))
}

fn starts_after_space(doc: &Document, t: &Token) -> bool {
    doc.article.text[..t.span.start]
        .chars()
        .next_back()
        .is_some_and(char::is_whitespace)
}

/// A stretch of one side's text, marked when the other side lacks its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked<'a> {
    /// The text, as written.
    pub text: &'a str,
    /// Whether these are words the other side does not use.
    pub own: bool,
}

/// Each side of a finding as stretches of text, with the content words the other side does
/// not use marked: for framing pairs, "the words each side uses that the other does not".
pub fn own_words<'a>(
    analysis: &'a Analysis,
    finding: &Finding,
) -> (Vec<Marked<'a>>, Vec<Marked<'a>>) {
    let p = &finding.pair;
    let docs = &analysis.documents;
    let left = align::side_tokens(docs, &p.left, false);
    let right = align::side_tokens(docs, &p.right, false);
    (
        marked_text(&docs[p.left.doc], &left, &p.left_own),
        marked_text(&docs[p.right.doc], &right, &p.right_own),
    )
}

/// Splits the text covered by `tokens` into stretches of marked and unmarked tokens; a
/// stretch of marked words keeps the spaces between them.
fn marked_text<'a>(doc: &'a Document, tokens: &[&Token], own: &[bool]) -> Vec<Marked<'a>> {
    let text = &doc.article.text;
    let mut out = Vec::new();
    let Some(first) = tokens.first() else {
        return out;
    };
    let mut start = first.span.start;
    let mut i = 0;
    while i < tokens.len() {
        let flag = own.get(i).copied().unwrap_or(false);
        let mut j = i;
        while j + 1 < tokens.len() && own.get(j + 1).copied().unwrap_or(false) == flag {
            j += 1;
        }
        if flag {
            let (s, e) = (tokens[i].span.start, tokens[j].span.end);
            if start < s {
                out.push(Marked {
                    text: &text[start..s],
                    own: false,
                });
            }
            out.push(Marked {
                text: &text[s..e],
                own: true,
            });
            start = e;
        }
        i = j + 1;
    }
    if let Some(last) = tokens.last()
        && start < last.span.end
    {
        out.push(Marked {
            text: &text[start..last.span.end],
            own: false,
        });
    }
    out
}

/// The sign that joins the labels of a pair: `A4 = B9`, `A2 ~ B11`, `A1 ≈ B1`.
pub fn kind_sign(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Verbatim => "=",
        FindingKind::Edited => "~",
        FindingKind::Framing => "≈",
        FindingKind::Unique => "",
    }
}

/// A kind's name and what it means, as the key shows them.
pub fn kind_words(kind: FindingKind) -> (&'static str, &'static str) {
    match kind {
        FindingKind::Verbatim => ("Verbatim", "the same words"),
        FindingKind::Edited => ("Edited", "the same sentence, words changed"),
        FindingKind::Framing => ("Framing", "the same fact in other words"),
        FindingKind::Unique => ("Unique", "found in this article only"),
    }
}

/// What a claim-drift flag means, in full and as the one word shown on the sentence.
pub fn drift_words(kind: DriftKind) -> (&'static str, &'static str) {
    match kind {
        DriftKind::Number => ("numbers or dates differ", "numbers"),
        DriftKind::Hedge => ("hedge on one side only", "hedge"),
        DriftKind::Attribution => ("attribution verb changed", "verb"),
        DriftKind::Negation => ("negation on one side only", "negation"),
        DriftKind::Subject => ("names swapped", "names"),
    }
}

/// A drift flag in words: `hedge on one side only: A none · B “unlikely”`.
pub fn drift_text(finding: &Finding, drift: &Drift) -> String {
    let words = |w: &[String]| {
        if w.is_empty() {
            "none".to_string()
        } else {
            w.iter()
                .map(|x| format!("“{x}”"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    format!(
        "{}: {} {} · {} {}",
        drift_words(drift.kind).0,
        doc_label(finding.pair.left.doc),
        words(&drift.left),
        doc_label(finding.pair.right.doc),
        words(&drift.right)
    )
}

/// The score a pair is judged by, in words.
pub fn score_text(finding: &Finding) -> String {
    match finding.kind {
        FindingKind::Edited => format!("word similarity {:.2}", finding.pair.similarity),
        FindingKind::Framing => format!("shared content {:.2}", finding.pair.content_overlap),
        _ => String::new(),
    }
}

/// The class suffix of a quote status, and the word its badge shows.
pub fn status_slug(status: QuoteStatus) -> &'static str {
    match status {
        QuoteStatus::Exact => "exact",
        QuoteStatus::Altered => "altered",
        QuoteStatus::Partial => "partial",
        QuoteStatus::Unquoted => "unquoted",
        QuoteStatus::Misattributed => "misattributed",
        QuoteStatus::Unmatched => "unmatched",
    }
}

/// The order a reader checks quotes in: the articles' disagreements first.
pub fn status_rank(status: QuoteStatus) -> u8 {
    match status {
        QuoteStatus::Misattributed => 0,
        QuoteStatus::Altered => 1,
        QuoteStatus::Partial => 2,
        QuoteStatus::Unquoted => 3,
        QuoteStatus::Exact => 4,
        QuoteStatus::Unmatched => 5,
    }
}

/// One sentence carried word for word by several articles: every article's copies, in article
/// order. Built from the verbatim findings by joining those that share a sentence, so three
/// articles carrying one sentence are one group "A3 = B11 = C5", not three pairs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbatimGroup<'a> {
    /// (article, its copies of the sentence), one entry per article.
    pub members: Vec<(usize, &'a [usize])>,
    /// Indices of the findings joined.
    pub findings: Vec<usize>,
}

/// The verbatim findings joined into [`VerbatimGroup`]s (union-find over the sentences they
/// pair, so linear in the findings), ordered by their first member.
pub fn verbatim_groups(analysis: &Analysis) -> Vec<VerbatimGroup<'_>> {
    use std::collections::HashMap;
    let mut node: HashMap<(usize, usize), usize> = HashMap::new();
    let mut sides: Vec<(usize, &[usize])> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for (k, f) in analysis.findings.iter().enumerate() {
        if f.kind != FindingKind::Verbatim {
            continue;
        }
        let mut ids = [0; 2];
        for (i, side) in [&f.pair.left, &f.pair.right].into_iter().enumerate() {
            let Some(&first) = side.sentences.first() else {
                continue;
            };
            ids[i] = *node.entry((side.doc, first)).or_insert_with(|| {
                sides.push((side.doc, side.sentences.as_slice()));
                parent.push(parent.len());
                parent.len() - 1
            });
        }
        let (a, b) = (root(&mut parent, ids[0]), root(&mut parent, ids[1]));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
        joined.push((ids[0], k));
    }
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<VerbatimGroup> = Vec::new();
    let mut order: Vec<usize> = (0..sides.len()).collect();
    order.sort_by_key(|&i| (sides[i].0, sides[i].1.first().copied()));
    for i in order {
        let r = root(&mut parent, i);
        let g = *group_of.entry(r).or_insert_with(|| {
            groups.push(VerbatimGroup {
                members: Vec::new(),
                findings: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].members.push(sides[i]);
    }
    for (id, k) in joined {
        let r = root(&mut parent, id);
        if let Some(&g) = group_of.get(&r) {
            groups[g].findings.push(k);
        }
    }
    groups
}

/// One thing a reader checks first: a claim-drift flag on a pair, or a quote the articles
/// disagree on (altered or misattributed).
#[derive(Clone, Debug)]
pub enum Change<'a> {
    /// A drift flag and the finding it sits on.
    Drift(&'a Finding, &'a Drift),
    /// An altered or misattributed quote, and its index in [`Analysis::quotes`].
    Quote(usize, &'a QuoteMatch),
}

/// What changed between the articles, as the report opens with it: misattributed quotes, then
/// altered ones, then drift flags in finding order.
pub fn changes(analysis: &Analysis) -> Vec<Change<'_>> {
    let mut quotes: Vec<(usize, &QuoteMatch)> = analysis
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| matches!(q.status, QuoteStatus::Misattributed | QuoteStatus::Altered))
        .collect();
    quotes.sort_by_key(|(i, q)| (status_rank(q.status), *i));
    let mut out: Vec<Change> = quotes
        .into_iter()
        .map(|(i, q)| Change::Quote(i, q))
        .collect();
    for f in &analysis.findings {
        out.extend(f.drift.iter().map(|d| Change::Drift(f, d)));
    }
    out
}

/// Where a quote stands, briefly: the first place in each article ("A3 · B8").
pub fn quote_where(analysis: &Analysis, q: &QuoteMatch) -> String {
    let mut docs: Vec<usize> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    for o in &q.occurrences {
        if docs.contains(&o.doc) {
            continue;
        }
        docs.push(o.doc);
        let doc = &analysis.documents[o.doc];
        out.push(
            sentence_at(doc, o.start)
                .map_or_else(|| doc_label(o.doc), |s| sentence_label(o.doc, s)),
        );
    }
    out.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_labels_stay_unambiguous_past_26() {
        let labels: Vec<String> = (0..800).map(doc_label).collect();
        assert_eq!(&labels[..3], ["A", "B", "C"]);
        assert_eq!(labels[25], "Z");
        assert_eq!(labels[26], "AA");
        assert_eq!(labels[27], "AB");
        assert_eq!(labels[51], "AZ");
        assert_eq!(labels[52], "BA");
        assert_eq!(labels[701], "ZZ");
        assert_eq!(labels[702], "AAA");
        // Every (article, sentence) pair has its own label.
        let mut seen = std::collections::HashSet::new();
        for doc in 0..800 {
            for sentence in 0..300 {
                assert!(
                    seen.insert(sentence_label(doc, sentence)),
                    "{doc} {sentence}"
                );
            }
        }
    }
}

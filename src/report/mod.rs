//! Stage 7, report: an [`Analysis`] becomes bytes on a `Write`. This is the only stage that
//! writes. Every format is a pure function of the analysis and the [`RenderOptions`]; this
//! module holds what they share: labels ("A3" is article A's third sentence), the inline
//! word diff of a pair as pieces, and the words each side of a framing pair has alone.

mod file;
#[cfg(feature = "html-report")]
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod markdown;
mod names;
pub(crate) mod quotes;
pub(crate) mod safe;
#[cfg(feature = "schema")]
pub mod schema;
pub(crate) mod segments;
pub(crate) mod terminal;

use std::io::{self, Write};

pub use file::write_atomically;
pub use json::SCHEMA_VERSION as JSON_VERSION;
pub use quotes::write as write_quotes;
pub use safe::printable;
pub use segments::write as write_segments;

use crate::align::{self, EditOp};
use crate::classify::quote::{QuoteMatch, QuoteStatus};
use crate::classify::{Analysis, Drift, DriftKind, Finding, FindingKind, Group, GroupDrift};
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
        #[cfg(feature = "html-report")]
        Format::Html => html::write(analysis, options, out),
        #[cfg(not(feature = "html-report"))]
        Format::Html => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "HTML reports need sourcediff's html-report feature",
        )),
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

/// "A 10 · B 18": for each of `n` articles, its letter and how many of `ids` (article numbers,
/// one per item counted) are its.
pub(crate) fn per_article(n: usize, ids: impl Iterator<Item = usize>) -> String {
    let mut counts = vec![0usize; n];
    for doc in ids {
        if let Some(c) = counts.get_mut(doc) {
            *c += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .map(|(d, c)| format!("{} {c}", doc_label(d)))
        .collect::<Vec<_>>()
        .join(" · ")
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

/// For each sentence of each article, the quotation it lies in (four fifths of its bytes or
/// more inside one quoted occurrence, terms left out), with that quotation's speaker: a
/// sentence listed as unique that is someone's quoted words ("We can.", "This is a man with
/// integrity.”") is shown as such, not read as the outlet's own statement. Built in one sweep
/// per article (sentences and occurrences both in order), whatever the number of quotes.
pub struct QuotedSentences<'a> {
    /// `[doc][sentence]`: `None` outside any quotation; `Some(speaker)` inside one.
    per_doc: Vec<Vec<Option<Option<&'a str>>>>,
}

impl<'a> QuotedSentences<'a> {
    /// The index of one analysis's sentences and the quotations they lie in.
    pub fn new(analysis: &'a Analysis) -> Self {
        let mut spans: Vec<Vec<(usize, usize, Option<&'a str>)>> =
            vec![Vec::new(); analysis.documents.len()];
        for q in &analysis.quotes {
            for o in q.occurrences.iter().filter(|o| o.quoted && !o.term) {
                if let Some(list) = spans.get_mut(o.doc) {
                    list.push((o.start, o.end, o.speaker.as_deref()));
                }
            }
        }
        let per_doc = analysis
            .documents
            .iter()
            .zip(spans.iter_mut())
            .map(|(d, list)| {
                list.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
                let mut next = 0;
                // The occurrence reaching furthest among those begun so far.
                let mut reach: Option<(usize, usize, Option<&'a str>)> = None;
                d.sentences
                    .iter()
                    .map(|s| {
                        while next < list.len() && list[next].0 < s.span.end {
                            if reach.is_none_or(|r| list[next].1 > r.1) {
                                reach = Some(list[next]);
                            }
                            next += 1;
                        }
                        let (start, end, speaker) = reach?;
                        let inside = end.min(s.span.end).saturating_sub(start.max(s.span.start));
                        (inside * 5 >= s.span.len() * 4 && !s.span.is_empty()).then_some(speaker)
                    })
                    .collect()
            })
            .collect();
        QuotedSentences { per_doc }
    }

    /// `None` when the sentence is no quotation; else " [quotation: Speaker]" or
    /// " [quotation, speaker not found]": square brackets and the word "quotation", so the note
    /// does not read as words of the article.
    pub fn note(&self, doc: usize, sentence: usize) -> Option<String> {
        let speaker = (*self.per_doc.get(doc)?.get(sentence)?)?;
        Some(match speaker {
            Some(name) => format!(" [quotation: {}]", safe::one_line(name)),
            None => " [quotation, speaker not found]".to_string(),
        })
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
        (Some(f), Some(l)) => doc
            .article
            .text
            .get(f.span().start..l.span().end)
            .unwrap_or(""),
        _ => "",
    }
}

/// Whether white space precedes token `at` of a side (never before the side's first token).
fn space_before(doc: &Document, tokens: &[&Token], at: usize) -> bool {
    at > 0 && tokens.get(at).is_some_and(|t| starts_after_space(doc, t))
}

fn starts_after_space(doc: &Document, t: &Token) -> bool {
    doc.article.text[..t.span().start]
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
    let mut start = first.span().start;
    let mut i = 0;
    while i < tokens.len() {
        let flag = own.get(i).copied().unwrap_or(false);
        let mut j = i;
        while j + 1 < tokens.len() && own.get(j + 1).copied().unwrap_or(false) == flag {
            j += 1;
        }
        if flag {
            let (s, e) = (tokens[i].span().start, tokens[j].span().end);
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
        && start < last.span().end
    {
        out.push(Marked {
            text: &text[start..last.span().end],
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
    format!(
        "{}: {} {} · {} {}",
        drift_words(drift.kind).0,
        doc_label(finding.pair.left.doc),
        quoted_words(&drift.left),
        doc_label(finding.pair.right.doc),
        quoted_words(&drift.right)
    )
}

/// Words in quote marks, comma-separated; "none" for no words.
fn quoted_words(w: &[String]) -> String {
    if w.is_empty() {
        "none".to_string()
    } else {
        w.iter()
            .map(|x| format!("“{x}”"))
            .collect::<Vec<_>>()
            .join(", ")
    }
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

/// Whether reports list shared sentences by [`Group`] (three articles or more) rather than
/// pair by pair.
pub fn grouped(analysis: &Analysis) -> bool {
    analysis.documents.len() > 2
}

/// How a group reads: its members joined word for word into classes, and for every class
/// after the first the one finding that ties it to the rest (a spanning tree grown from the
/// first class, strongest and earliest findings first), so a group of n articles shows at
/// most n − 1 diffs, never one per pair.
#[derive(Clone, Debug)]
pub struct GroupView<'a> {
    /// The group.
    pub group: &'a Group,
    /// Indices into `group.members` joined word for word, in article order; the classes
    /// ordered by their first article.
    pub classes: Vec<Vec<usize>>,
    /// `ties[c]`: the finding joining class `c` to the classes before it in the tree (`None`
    /// for the first class).
    pub ties: Vec<Option<usize>>,
    /// The findings a report shows under the group: the ties, in class order, then any other
    /// finding that holds a sentence none of those holds.
    pub shown: Vec<usize>,
}

/// The [`GroupView`] of a group.
pub fn group_view<'a>(analysis: &'a Analysis, group: &'a Group) -> GroupView<'a> {
    let members = &group.members;
    let member = |doc: usize| members.binary_search_by_key(&doc, |m| m.doc).ok();
    let mut parent: Vec<usize> = (0..members.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &k in &group.findings {
        let p = &analysis.findings[k].pair;
        if p.kind != align::PairKind::Verbatim {
            continue;
        }
        if let (Some(a), Some(b)) = (member(p.left.doc), member(p.right.doc)) {
            let (a, b) = (root(&mut parent, a), root(&mut parent, b));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    // Members are in article order and a root is its class's smallest member, so classes
    // come out ordered by their first article.
    let mut class_of = vec![usize::MAX; members.len()];
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for m in 0..members.len() {
        let r = root(&mut parent, m);
        if class_of[r] == usize::MAX {
            class_of[r] = classes.len();
            classes.push(Vec::new());
        }
        class_of[m] = class_of[r];
        classes[class_of[m]].push(m);
    }
    // Edges between classes, strongest kind first, then in finding order.
    let mut edges: Vec<Vec<(FindingKind, usize, usize)>> = vec![Vec::new(); classes.len()];
    for &k in &group.findings {
        let f = &analysis.findings[k];
        let (Some(a), Some(b)) = (member(f.pair.left.doc), member(f.pair.right.doc)) else {
            continue;
        };
        let (a, b) = (class_of[a], class_of[b]);
        if a != b {
            edges[a].push((f.kind, k, b));
            edges[b].push((f.kind, k, a));
        }
    }
    for list in &mut edges {
        list.sort_unstable();
    }
    let mut ties: Vec<Option<usize>> = vec![None; classes.len()];
    let mut seen = vec![false; classes.len()];
    let mut queue = std::collections::VecDeque::new();
    if !classes.is_empty() {
        seen[0] = true;
        queue.push_back(0);
    }
    while let Some(c) = queue.pop_front() {
        for &(_, k, other) in &edges[c] {
            if !seen[other] {
                seen[other] = true;
                ties[other] = Some(k);
                queue.push_back(other);
            }
        }
    }
    // The tree shows every class; a sentence of a member that no finding of the tree holds (a
    // member of two sentences, say) is shown by the first other finding that holds it.
    use std::collections::HashSet;
    let mut shown: Vec<usize> = ties.iter().flatten().copied().collect();
    let in_tree: HashSet<usize> = shown.iter().copied().collect();
    let mut covered: HashSet<(usize, usize)> = HashSet::new();
    let hold = |side: &align::Side, covered: &mut HashSet<(usize, usize)>| {
        covered.extend(side.sentences.iter().map(|&s| (side.doc, s)));
    };
    for &k in &shown {
        let p = &analysis.findings[k].pair;
        hold(&p.left, &mut covered);
        hold(&p.right, &mut covered);
    }
    // A class joined word for word shows its text, so its sentences are shown.
    for class in &classes {
        if class.len() > 1 || group.kind == FindingKind::Verbatim {
            for &m in class {
                hold(&members[m], &mut covered);
            }
        }
    }
    for &k in &group.findings {
        let p = &analysis.findings[k].pair;
        if in_tree.contains(&k) || p.kind == align::PairKind::Verbatim {
            continue;
        }
        let new = [&p.left, &p.right].iter().any(|side| {
            side.sentences
                .iter()
                .any(|&s| !covered.contains(&(side.doc, s)))
        });
        if new {
            hold(&p.left, &mut covered);
            hold(&p.right, &mut covered);
            shown.push(k);
        }
    }
    GroupView {
        group,
        classes,
        ties,
        shown,
    }
}

impl GroupView<'_> {
    /// One class's members: "A4 = B9".
    pub fn class_label(&self, class: usize) -> String {
        self.classes[class]
            .iter()
            .map(|&m| {
                let side = &self.group.members[m];
                sentences_label(side.doc, &side.sentences)
            })
            .collect::<Vec<_>>()
            .join(" = ")
    }

    /// The whole group: "A4 = B9 ~ C4 ≈ D7" (each class after the first with the sign of the
    /// finding that ties it in).
    pub fn label(&self, analysis: &Analysis) -> String {
        let mut out = String::new();
        for c in 0..self.classes.len() {
            if c > 0 {
                let sign = self.ties[c].map_or("·", |k| kind_sign(analysis.findings[k].kind));
                out.push_str(&format!(" {sign} "));
            }
            out.push_str(&self.class_label(c));
        }
        out
    }

    /// The articles of the group, in order.
    pub fn docs(&self) -> impl Iterator<Item = usize> + '_ {
        self.group.members.iter().map(|m| m.doc)
    }
}

/// The groups of `kind` to list, with the runs of verbatim groups that go on sentence after
/// sentence in the same articles (a passage reprinted by several) joined: each entry is one
/// group, or several in a row.
pub fn group_runs(analysis: &Analysis, kind: FindingKind) -> Vec<Vec<&Group>> {
    let mut runs: Vec<Vec<&Group>> = Vec::new();
    let single = |g: &Group| g.members.iter().all(|m| m.sentences.len() == 1);
    for g in analysis.groups.iter().filter(|g| g.kind == kind) {
        let follows = kind == FindingKind::Verbatim
            && single(g)
            && runs.last().and_then(|r| r.last()).is_some_and(|prev| {
                single(prev)
                    && prev.members.len() == g.members.len()
                    && prev.members.iter().zip(&g.members).all(|(a, b)| {
                        a.doc == b.doc
                            && b.sentences[0] == a.sentences[0] + 1
                            && same_paragraph(analysis, a.doc, a.sentences[0], b.sentences[0])
                    })
            });
        match runs.last_mut() {
            Some(run) if follows => run.push(g),
            _ => runs.push(vec![g]),
        }
    }
    runs
}

fn same_paragraph(analysis: &Analysis, doc: usize, a: usize, b: usize) -> bool {
    let s = &analysis.documents[doc].sentences;
    s.get(a).map(|x| x.paragraph) == s.get(b).map(|x| x.paragraph)
}

/// The label of a run of verbatim groups: "A3–A5 = B11–B13 = C5–C7".
pub fn run_label(run: &[&Group]) -> String {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return String::new();
    };
    first
        .members
        .iter()
        .zip(&last.members)
        .map(|(a, b)| {
            let range: Vec<usize> = (a.sentences[0]..=b.sentences[0]).collect();
            sentences_label(a.doc, &range)
        })
        .collect::<Vec<_>>()
        .join(" = ")
}

/// A group's drift flag in words, each version once with every article holding it:
/// `numbers or dates differ: A, B “Tuesday” · C “Wednesday”`. For a flag on one pair this reads
/// as [`drift_text`].
pub fn group_drift_text(drift: &GroupDrift) -> String {
    let versions: Vec<String> = drift
        .variants
        .iter()
        .map(|v| {
            let docs: Vec<String> = v.docs.iter().map(|&d| doc_label(d)).collect();
            format!("{} {}", docs.join(", "), quoted_words(&v.words))
        })
        .collect();
    format!("{}: {}", drift_words(drift.kind).0, versions.join(" · "))
}

/// Where a group's drift flag stands: the pair ("A3 ~ B5") when one pair carries it, else the
/// whole group ("A4 = B9 ~ C4").
pub fn drift_where(analysis: &Analysis, group: &Group, drift: &GroupDrift) -> String {
    match drift.findings.as_slice() {
        [k] => pair_label(&analysis.findings[*k]),
        _ => group_view(analysis, group).label(analysis),
    }
}

/// "A3 ~ B5": a pair's sides and the sign of its kind.
pub fn pair_label(f: &Finding) -> String {
    format!(
        "{} {} {}",
        sentences_label(f.pair.left.doc, &f.pair.left.sentences),
        kind_sign(f.kind),
        sentences_label(f.pair.right.doc, &f.pair.right.sentences)
    )
}

/// One thing a reader checks first: a claim-drift flag on a pair, or a quote the articles
/// disagree on (altered or misattributed).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Change<'a> {
    /// A drift change and the group it sits in.
    Drift(&'a Group, &'a GroupDrift),
    /// An altered or misattributed quote, and its index in [`Analysis::quotes`].
    Quote(usize, &'a QuoteMatch),
}

/// What changed between the articles, as the report opens with it: misattributed quotes, then
/// altered ones, then drift changes by group (a change that recurs on several pairs of one
/// group once), in group order.
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
    for g in &analysis.groups {
        out.extend(g.drift.iter().map(|d| Change::Drift(g, d)));
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

/// The terms in quote marks that several articles carry, each with where it stands:
/// `“epidemic” A10 · B9, “put option” A9 · B10 · C15`; `None` when there is none. They are
/// listed on one line, apart from the shared quotations: a term is no one's statement.
pub fn shared_terms_text(analysis: &Analysis) -> Option<String> {
    if analysis.shared_terms.is_empty() {
        return None;
    }
    let list: Vec<String> = analysis
        .shared_terms
        .iter()
        .map(|q| format!("“{}” {}", q.shown(), quote_where(analysis, q)))
        .collect();
    Some(list.join(", "))
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

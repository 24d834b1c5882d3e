//! `compare --format html`: the analysis as one self-contained page for people who will not run
//! a terminal. The articles stand side by side, one column each, in their original paragraphs;
//! every sentence is a `<span>` (`id="d0-s3"`: article 0, sentence 3) marked by what it shares:
//! verbatim, edited or framing (each with its own color, underline style and a tag such as
//! `~B11`), or tinted as found in this article only. Claim-drift flags sit on the sentence as
//! `⚑` with a word and a tooltip. Quotes more than one article carries are boxed in the text
//! with a badge naming their status (exact, altered, partial, unquoted, misattributed). A
//! sidebar lists every shared quote and pair with its word diff; the script
//! (`assets/report.js`) lights up a sentence's counterparts, or a quote's other places, when
//! hovered or clicked, scrolls them into view and narrows the sidebar to them. The header holds
//! the summary: articles, shared text per pair as bars (a matrix for three articles or more),
//! counts by kind, the key, and the shared quotes with their status, speakers and word diff.
//!
//! Everything taken from an article goes through maud, which escapes it, and control
//! characters (escape sequences, bidirectional overrides) become visible stand-ins
//! (`report::safe`); sentences, quotes and names are bidi-isolated by the stylesheet, so
//! right-to-left text in one never reorders the next. The only unescaped
//! strings are the page's own stylesheet and script, embedded at compile time. The page loads
//! nothing: no fonts, images or scripts from the network. The output is a pure function of
//! the analysis: no timestamps, paths only as given on the command line.

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::names::{file_name, occurrence_label, status_meaning};
use super::{
    Change, Marked, changes, copies_text, diff_pieces, doc_label, drift_text, drift_where,
    drift_words, first_note, group_drift_text, group_runs, group_view, grouped, kind_sign,
    kind_words, own_words, pair_label, places_count, quote_places, quote_where, run_label,
    score_text, sentence_label, sentences_label, shared_terms_text, status_rank, status_slug,
};
use crate::align::{EditOp, Side};
use crate::classify::quote::{QuoteMatch, QuoteStatus};
use crate::classify::{Analysis, Finding, FindingKind, Group};
use crate::options::RenderOptions;

/// The page's stylesheet (screen and print).
const CSS: &str = include_str!("assets/report.css");
/// The page's script: counterpart highlighting and the pair sidebar.
const JS: &str = include_str!("assets/report.js");

/// Writes the HTML report. Every section is shown whatever `--only` asks: the page is one
/// picture of the articles, and hiding kinds of highlight would make it lie.
pub fn write(analysis: &Analysis, _options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let page = Page::new(analysis).render().into_string();
    // Control characters from the articles (escape sequences, right-to-left overrides) are
    // shown, never obeyed; the page's own markup, style and script hold none.
    out.write_all(super::safe::visible_in_page(&page).as_bytes())?;
    writeln!(out)
}

/// The three kinds of shared sentence, strongest first, with their sign and wording.
const SHARED_KINDS: [FindingKind; 3] = [
    FindingKind::Verbatim,
    FindingKind::Edited,
    FindingKind::Framing,
];

/// The class suffix and `data-kind` value of a kind.
fn kind_slug(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Verbatim => "verbatim",
        FindingKind::Edited => "edited",
        FindingKind::Framing => "framing",
        FindingKind::Unique => "unique",
    }
}

/// A quote's tooltip: its status and who each article credits it to, by [`Places`](super::Places) (at most
/// [`TITLE_PLACES`] of them, then how many more).
fn quote_title(analysis: &Analysis, q: &QuoteMatch) -> String {
    let places = quote_places(q);
    let mut who: Vec<String> = places
        .iter()
        .take(TITLE_PLACES)
        .map(|p| {
            let o = &q.occurrences[p.first];
            format!(
                "{} {}{}{}",
                occurrence_label(analysis, o.doc, o.start),
                p.speaker.unwrap_or("(speaker not found)"),
                if p.quoted { "" } else { " (no quote marks)" },
                places_count(p)
            )
        })
        .collect();
    if places.len() > TITLE_PLACES {
        who.push(format!("and {} more places", places.len() - TITLE_PLACES));
    }
    format!(
        "Quote, {}: {}. {}",
        status_slug(q.status),
        status_meaning(q.status),
        who.join(" · ")
    )
}

/// The `id` of an occurrence of a quote in a column.
fn occurrence_id(quote: usize, occurrence: usize) -> String {
    format!("q{quote}-o{occurrence}")
}

/// The `id` of a sentence's span.
fn sentence_id(doc: usize, sentence: usize) -> String {
    format!("d{doc}-s{sentence}")
}

/// The `id` of a finding in the sidebar.
fn finding_id(k: usize) -> String {
    format!("f{k}")
}

/// The `id` of a group's entry in the sidebar.
fn group_id(g: usize) -> String {
    format!("g{g}")
}

struct Page<'a> {
    analysis: &'a Analysis,
    /// `links[doc][sentence]`: indices of the findings that sentence is part of.
    links: Vec<Vec<Vec<usize>>>,
    /// With three articles or more the sidebar lists groups (a sentence several articles
    /// carry, once; reprinted sentences in a row, once): `entry_of[group]` is the index of
    /// the group that opens the entry holding it. Empty with two articles, whose sidebar lists
    /// pairs.
    entry_of: Vec<usize>,
    /// Quotations across the articles.
    quotes: &'a [QuoteMatch],
    /// Indices into `quotes` of those more than one article carries, in the order listed.
    shared_quotes: Vec<usize>,
    /// `marks[doc]`: where shared quotes stand in that article, by start, never overlapping.
    marks: Vec<Vec<QuoteMark>>,
    /// `titles[quote]`: the tooltip of each shared quote, made once (a quote repeated 2,000
    /// times must not list its places 2,000 times).
    titles: Vec<String>,
}

/// Most places a quote's tooltip names before it says how many more there are.
const TITLE_PLACES: usize = 6;

/// One occurrence of a shared quote in an article's text.
#[derive(Clone, Copy, Debug)]
struct QuoteMark {
    /// Byte range in the article's text.
    start: usize,
    end: usize,
    /// Index into [`Page::quotes`].
    quote: usize,
    /// Index into that quote's occurrences.
    occurrence: usize,
}

impl<'a> Page<'a> {
    fn new(analysis: &'a Analysis) -> Page<'a> {
        let quotes = analysis.quotes.as_slice();
        let mut links: Vec<Vec<Vec<usize>>> = analysis
            .documents
            .iter()
            .map(|d| vec![Vec::new(); d.sentences.len()])
            .collect();
        for (k, f) in analysis.findings.iter().enumerate() {
            for side in [&f.pair.left, &f.pair.right] {
                for &s in &side.sentences {
                    let list = &mut links[side.doc][s];
                    if list.last() != Some(&k) {
                        list.push(k);
                    }
                }
            }
        }
        // Quotes the articles disagree on come first: misattributed, altered, partial,
        // unquoted, then exact; in the analysis's order within each.
        let mut shared_quotes: Vec<usize> = (0..quotes.len())
            .filter(|&i| quotes[i].status != QuoteStatus::Unmatched)
            .collect();
        shared_quotes.sort_by_key(|&i| (status_rank(quotes[i].status), i));
        let mut marks: Vec<Vec<QuoteMark>> = vec![Vec::new(); analysis.documents.len()];
        for &i in &shared_quotes {
            for (j, o) in quotes[i].occurrences.iter().enumerate() {
                let fits = analysis.documents.get(o.doc).is_some_and(|d| {
                    o.start < o.end && d.article.text.get(o.start..o.end).is_some()
                });
                if fits {
                    marks[o.doc].push(QuoteMark {
                        start: o.start,
                        end: o.end,
                        quote: i,
                        occurrence: j,
                    });
                }
            }
        }
        // A quote inside another (a fragment quoted on its own) is shown by the outer one.
        for list in &mut marks {
            list.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.quote));
            let mut end = 0;
            list.retain(|m| {
                let keep = m.start >= end;
                if keep {
                    end = m.end;
                }
                keep
            });
        }
        let mut titles = vec![String::new(); quotes.len()];
        for &i in &shared_quotes {
            titles[i] = quote_title(analysis, &quotes[i]);
        }
        let mut entry_of = Vec::new();
        if grouped(analysis) {
            entry_of = vec![0; analysis.groups.len()];
            let index = |g: &Group| {
                analysis
                    .finding_groups
                    .get(g.findings.first().copied().unwrap_or(usize::MAX))
                    .copied()
                    .unwrap_or(0)
            };
            for kind in SHARED_KINDS {
                for run in group_runs(analysis, kind) {
                    let first = index(run[0]);
                    for g in run {
                        entry_of[index(g)] = first;
                    }
                }
            }
        }
        Page {
            analysis,
            links,
            entry_of,
            quotes,
            shared_quotes,
            marks,
            titles,
        }
    }

    fn render(&self) -> Markup {
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="generator" content="sourcediff";
                    title { (self.title()) }
                    style { (PreEscaped(CSS)) }
                }
                body {
                    (self.header())
                    main.workspace {
                        (self.columns())
                        (self.sidebar())
                    }
                    script { (PreEscaped(JS)) }
                }
            }
        }
    }

    fn title(&self) -> String {
        let names: Vec<&str> = self
            .analysis
            .documents
            .iter()
            .map(|d| file_name(&d.article.name))
            .collect();
        format!("sourcediff: {}", names.join(" vs "))
    }

    fn words(&self, doc: usize) -> usize {
        let d = &self.analysis.documents[doc];
        (0..d.sentences.len()).map(|s| d.word_count(s)).sum()
    }

    fn unique_count(&self, doc: usize) -> usize {
        self.analysis.unique.iter().filter(|u| u.doc == doc).count()
    }

    /// Shared sentences of `kind` as the sidebar lists them: pairs with two articles, groups
    /// with more.
    fn kind_count(&self, kind: FindingKind) -> usize {
        if self.entry_of.is_empty() {
            self.analysis.count(kind)
        } else {
            self.analysis
                .groups
                .iter()
                .filter(|g| g.kind == kind)
                .count()
        }
    }

    /// Drift changes, each once per group (as "What changed" lists them).
    fn drift_count(&self) -> usize {
        self.analysis.groups.iter().map(|g| g.drift.len()).sum()
    }

    fn header(&self) -> Markup {
        let a = self.analysis;
        let shared = if self.entry_of.is_empty() {
            a.findings.len()
        } else {
            a.groups.len()
        };
        html! {
            header.summary {
                div.masthead {
                    h1 { "sourcediff" }
                    p.lede {
                        (a.documents.len()) " articles compared · "
                        (shared) " shared " (if shared == 1 { "passage" } else { "passages" })
                        " · " (a.unique.len()) " sentences found in one article only"
                    }
                    p.hint.screen-only {
                        "Click a highlighted sentence to light up its counterpart and see what changed. "
                        "“B3” is article B, sentence 3."
                    }
                }
                div.summary-grid {
                    section.articles aria-labelledby="h-articles" {
                        h2 #h-articles { "Articles" }
                        ol.doc-list {
                            @for (i, d) in a.documents.iter().enumerate() {
                                li {
                                    span.badge { (doc_label(i)) }
                                    div {
                                        a.doc-name href=(format!("#d{i}")) {
                                            (file_name(&d.article.name))
                                        }
                                        @if let Some(path) = &d.article.path {
                                            @let path = path.display().to_string();
                                            @if path != file_name(&d.article.name) {
                                                " " code.path { (path) }
                                            }
                                        }
                                        @if let Some(origin) = d.article.meta.summary() {
                                            div.origin { (origin) }
                                        }
                                        div.meta {
                                            (d.sentences.len()) " sentences · "
                                            (self.words(i)) " words · "
                                            (self.unique_count(i)) " only here"
                                        }
                                    }
                                }
                            }
                        }
                    }
                    (self.coverage())
                    (self.key())
                }
                (self.changes())
                (self.quote_list())
            }
        }
    }

    /// Shared text per pair of articles: for two articles, a bar for each side; for more, a
    /// matrix (row: the article measured, column: the one it is measured against), which stays
    /// small as the pairs multiply.
    fn coverage(&self) -> Markup {
        let a = self.analysis;
        let n = a.documents.len();
        let pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
        html! {
            section.coverage aria-labelledby="h-coverage" {
                h2 #h-coverage { "Shared text" }
                p.hint { "Words of each article reused, verbatim or lightly edited, in the other" }
                @if n == 2 {
                    @for (i, j) in pairs {
                        div.pair {
                            div.pair-name { (doc_label(i)) " ↔ " (doc_label(j)) }
                            @for (doc, other) in [(i, j), (j, i)] {
                                div.bar-row {
                                    span.bar-label { (doc_label(doc)) }
                                    (self.bar(doc, other))
                                    @if let Some(c) = a.coverage_of(doc, other) {
                                        span.of { (c.shared_words) " of " (c.words) " words" }
                                    }
                                }
                            }
                            div.pair-counts { (self.pair_counts(i, j)) }
                        }
                    }
                } @else {
                    table.matrix {
                        thead {
                            tr {
                                th scope="col" { span.sr-only { "article" } }
                                @for other in 0..n { th scope="col" { "in " (doc_label(other)) } }
                            }
                        }
                        tbody {
                            @for doc in 0..n {
                                tr {
                                    th scope="row" { (doc_label(doc)) }
                                    @for other in 0..n {
                                        @if other == doc {
                                            td.self { "—" }
                                        } @else {
                                            (self.matrix_cell(doc, other))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The share of `doc`'s words also in `other`, as a bar and a figure.
    fn bar(&self, doc: usize, other: usize) -> Markup {
        let Some(c) = self.analysis.coverage_of(doc, other) else {
            return html! {};
        };
        let pct = c.shared * 100.0;
        let text = format!(
            "{pct:.1}% of {}’s words also in {} ({} of {})",
            doc_label(doc),
            doc_label(other),
            c.shared_words,
            c.words
        );
        html! {
            span.bar role="img" aria-label=(text) title=(text) {
                span.fill style=(format!("width:{pct:.1}%")) {}
            }
            span.pct { (format!("{pct:.1}%")) }
        }
    }

    /// One cell of the coverage matrix: the figure over a thin bar; the pair's counts by kind
    /// in the tooltip.
    fn matrix_cell(&self, doc: usize, other: usize) -> Markup {
        let Some(c) = self.analysis.coverage_of(doc, other) else {
            return html! { td {} };
        };
        let pct = c.shared * 100.0;
        let (i, j) = (doc.min(other), doc.max(other));
        let counts: Vec<String> = SHARED_KINDS
            .iter()
            .map(|&kind| {
                let n = self
                    .analysis
                    .findings
                    .iter()
                    .filter(|f| f.kind == kind && f.pair.left.doc == i && f.pair.right.doc == j)
                    .count();
                format!("{n} {}", kind_words(kind).0.to_lowercase())
            })
            .collect();
        let text = format!(
            "{pct:.1}% of {}’s words also in {} ({} of {}); {}",
            doc_label(doc),
            doc_label(other),
            c.shared_words,
            c.words,
            counts.join(" · ")
        );
        html! {
            td title=(text) {
                span.pct { (format!("{pct:.1}%")) }
                span.bar.mini role="img" aria-label=(text) {
                    span.fill style=(format!("width:{pct:.1}%")) {}
                }
            }
        }
    }

    /// How many pairs of each kind two articles share: "1 verbatim · 2 edited · 2 framing".
    fn pair_counts(&self, i: usize, j: usize) -> Markup {
        let count = |kind: FindingKind| {
            self.analysis
                .findings
                .iter()
                .filter(|f| f.kind == kind && f.pair.left.doc == i && f.pair.right.doc == j)
                .count()
        };
        html! {
            @for (k, kind) in SHARED_KINDS.into_iter().enumerate() {
                @if k > 0 { " · " }
                span class=(format!("count k-{}", kind_slug(kind))) {
                    (count(kind)) " " (kind_words(kind).0.to_lowercase())
                }
            }
        }
    }

    fn key(&self) -> Markup {
        let a = self.analysis;
        html! {
            section.key aria-labelledby="h-key" {
                h2 #h-key { "Key" }
                ul.legend {
                    @for kind in SHARED_KINDS {
                        @let (name, what) = kind_words(kind);
                        li {
                            span.sample {
                                span class=(format!("tag k-{}", kind_slug(kind))) {
                                    (kind_sign(kind)) "B3"
                                }
                                span class=(format!("s shared k-{}", kind_slug(kind))) { (name) }
                            }
                            " " span.what { (what) }
                            " " span.n { (self.kind_count(kind)) }
                        }
                    }
                    li {
                        span.sample { span.qbadge.q-altered { "❝ altered" } }
                        " " span.what { "shared quote: exact, altered, partial, unquoted or misattributed" }
                        " " span.n { (self.shared_quotes.len()) }
                    }
                    li {
                        span.sample.s.k-unique { "Unique" }
                        " " span.what { "in this article only" }
                        " " span.n { (a.unique.len()) }
                    }
                    @if !a.close_unpaired.is_empty() {
                        li {
                            span.sample.s.k-close { "Close" }
                            " " span.what { "not paired, but close to another article's sentence: read both" }
                            " " span.n { (a.close_unpaired.len()) }
                        }
                    }
                    li {
                        span.sample { span.flag { "⚑ names" } }
                        " " span.what { "claim drift: a number, hedge, name, verb or negation differs" }
                        " " span.n { (self.drift_count()) }
                    }
                    li {
                        span.sample { del { "removed" } " " ins { "added" } }
                        " " span.what { "word diff: left side’s words struck, right side’s underlined" }
                    }
                }
            }
        }
    }

    /// What changed, first in the header: quotes the articles disagree on and claim-drift
    /// flags, each linking to where it stands.
    fn changes(&self) -> Markup {
        let list = changes(self.analysis);
        if list.is_empty() {
            return html! {};
        }
        html! {
            section.changes aria-labelledby="h-changes" {
                h2 #h-changes { "What changed (" (list.len()) ")" }
                ul.change-list {
                    @for change in &list {
                        @match change {
                            Change::Quote(i, q) => {
                                @let i = *i;
                                li {
                                    (self.badge(i)) " "
                                    a href=(format!("#quote-{i}")) { (quote_where(self.analysis, q)) }
                                    " “" (q.shown()) "”"
                                }
                            }
                            Change::Drift(g, d) => {
                                @let target = d.findings.first()
                                    .map(|&k| &self.analysis.findings[k].pair.left)
                                    .or(g.members.first());
                                li {
                                    span.flag { "⚑ " (drift_words(d.kind).1) } " "
                                    @if let Some(side) = target {
                                        a href=(format!("#{}", sentence_id(side.doc, side.sentences[0]))) {
                                            (drift_where(self.analysis, g, d))
                                        }
                                    }
                                    " " (group_drift_text(d))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The header's list of the quotes more than one article carries.
    fn quote_list(&self) -> Markup {
        let terms = shared_terms_text(self.analysis);
        if self.shared_quotes.is_empty() && terms.is_none() {
            return html! {};
        }
        html! {
            section.quotes aria-labelledby="h-quotes" {
                h2 #h-quotes { "Shared quotes (" (self.shared_quotes.len()) ")" }
                @if !self.shared_quotes.is_empty() {
                    ol.quote-list {
                        @for &i in &self.shared_quotes {
                            (self.quote_entry(i, false))
                        }
                    }
                }
                @if let Some(terms) = terms {
                    p.shared-terms { "Terms in quote marks in more than one article: " (terms) }
                }
            }
        }
    }

    /// One shared quote: its status, its words (with the word diff when altered or cut), and
    /// where each article has it, credited to whom. In the header's list, or in the sidebar.
    fn quote_entry(&self, i: usize, sidebar: bool) -> Markup {
        let q = &self.quotes[i];
        let slug = status_slug(q.status);
        let (id, class) = if sidebar {
            (format!("qe-{i}"), format!("entry quote-entry q-{slug}"))
        } else {
            (format!("quote-{i}"), format!("quote-row q-{slug}"))
        };
        let diffed =
            matches!(q.status, QuoteStatus::Altered | QuoteStatus::Partial) && !q.diff.is_empty();
        html! {
            li class=(class) id=(id) data-quote=(i) {
                (self.badge(i))
                " "
                span.quote-words {
                    @if q.diffs.len() > 1 {
                        // Several wordings: each against the first quoted occurrence.
                        @for d in &q.diffs {
                            @let [l, r] = d.occurrences;
                            span.diff.wording {
                                span.pair {
                                    (occurrence_label(self.analysis, q.occurrences[l].doc, q.occurrences[l].start))
                                    " → "
                                    (occurrence_label(self.analysis, q.occurrences[r].doc, q.occurrences[r].start))
                                    " "
                                }
                                "“" (self.quote_diff_runs(&d.diff)) "”"
                            }
                            " "
                        }
                    } @else if diffed {
                        span.diff { "“" (self.quote_diff(q)) "”" }
                    } @else {
                        "“" (q.shown()) "”"
                    }
                }
                span.speakers {
                    @for (k, p) in quote_places(q).iter().enumerate() {
                        @if k > 0 { " · " }
                        @let o = &q.occurrences[p.first];
                        span.occ {
                            a.occ-ref href=(format!("#{}", occurrence_id(i, p.first))) data-quote=(i) {
                                (occurrence_label(self.analysis, o.doc, o.start))
                            }
                            " "
                            @match p.speaker {
                                Some(name) => (name),
                                None => span.none { "speaker not found" },
                            }
                            @if !p.quoted { " " em { "(no quote marks)" } }
                            (places_count(p))
                        }
                    }
                    @let first = first_note(self.analysis, q.occurrences.iter().map(|o| o.doc));
                    @if !first.is_empty() { span.first { (first) } }
                }
            }
        }
    }

    /// The word diff of an altered or cut quote: the first version's words struck, the
    /// other's underlined.
    fn quote_diff(&self, q: &QuoteMatch) -> Markup {
        self.quote_diff_runs(&q.diff)
    }

    /// Word diff runs: the first version's words struck, the other's underlined.
    fn quote_diff_runs(&self, diff: &[crate::classify::quote::DiffPiece]) -> Markup {
        html! {
            @for (k, p) in diff.iter().enumerate() {
                @if k > 0 { " " }
                @match p.op {
                    EditOp::Equal => (p.left),
                    EditOp::Delete => del { (p.left) },
                    EditOp::Insert => ins { (p.right) },
                    EditOp::Replace => { del { (p.left) } " " ins { (p.right) } },
                }
            }
        }
    }

    /// A quote's status badge; it links to the quote's entry in the header.
    fn badge(&self, i: usize) -> Markup {
        let status = self.quotes[i].status;
        let slug = status_slug(status);
        html! {
            a class=(format!("qbadge q-{slug}")) href=(format!("#quote-{i}")) data-quote=(i)
                title=(format!("Quote, {slug}: {}", status_meaning(status)))
            {
                "❝ " (slug)
            }
        }
    }

    /// A sentence's text, with the shared quotes in it marked; the piece where a quote starts
    /// carries its badge (a quote may run over several sentences).
    fn body(&self, doc: usize, s: usize) -> Markup {
        let d = &self.analysis.documents[doc];
        let span = d.sentences[s].span;
        let text = &d.article.text;
        let marks = &self.marks[doc];
        let slice = |a: usize, b: usize| text.get(a..b).unwrap_or("");
        let mut parts: Vec<(&str, Option<(QuoteMark, bool)>)> = Vec::new();
        let mut at = span.start;
        let first = marks.partition_point(|m| m.end <= span.start);
        for m in marks[first..].iter().take_while(|m| m.start < span.end) {
            let (a, b) = (m.start.max(span.start), m.end.min(span.end));
            if a > at {
                parts.push((slice(at, a), None));
            }
            parts.push((slice(a, b), Some((*m, m.start >= span.start))));
            at = b;
        }
        if at < span.end {
            parts.push((slice(at, span.end), None));
        }
        html! {
            @for (piece, mark) in parts {
                @match mark {
                    None => (piece),
                    Some((m, starts)) => {
                        @let q = &self.quotes[m.quote];
                        span class=(format!("q q-{}", status_slug(q.status)))
                            id=[starts.then(|| occurrence_id(m.quote, m.occurrence))]
                            data-quote=(m.quote) title=(self.titles[m.quote])
                        {
                            @if starts { (self.badge(m.quote)) " " }
                            (piece)
                        }
                    }
                }
            }
        }
    }

    fn columns(&self) -> Markup {
        let a = self.analysis;
        html! {
            div.columns style=(format!("--cols:{}", a.documents.len())) {
                @for doc in 0..a.documents.len() {
                    (self.column(doc))
                }
            }
        }
    }

    fn column(&self, doc: usize) -> Markup {
        let d = &self.analysis.documents[doc];
        let mut paragraphs: Vec<Vec<usize>> = Vec::new();
        for (s, sentence) in d.sentences.iter().enumerate() {
            match paragraphs.last_mut() {
                Some(p) if d.sentences[p[0]].paragraph == sentence.paragraph => p.push(s),
                _ => paragraphs.push(vec![s]),
            }
        }
        html! {
            section.doc id=(format!("d{doc}")) aria-labelledby=(format!("d{doc}-h")) {
                h2.doc-head id=(format!("d{doc}-h")) {
                    span.badge { (doc_label(doc)) }
                    " "
                    span.name { (file_name(&d.article.name)) }
                }
                div.doc-text {
                    @for p in &paragraphs {
                        p {
                            @for (k, &s) in p.iter().enumerate() {
                                @if k > 0 { (self.gap(doc, s - 1, s)) }
                                (self.sentence(doc, s))
                            }
                        }
                    }
                }
            }
        }
    }

    /// What stands between two sentences of one paragraph: a line break where the text has
    /// one (articles that put one paragraph on each line, with no blank line between), else a
    /// space.
    fn gap(&self, doc: usize, prev: usize, next: usize) -> Markup {
        let d = &self.analysis.documents[doc];
        let (p, n) = (d.sentences[prev], d.sentences[next]);
        let between = d.article.text.get(p.span.end..n.span.start).unwrap_or(" ");
        html! {
            @if between.contains(['\n', '\r']) { br.nl; } @else { " " }
        }
    }

    fn sentence(&self, doc: usize, s: usize) -> Markup {
        let findings = &self.analysis.findings;
        let links = &self.links[doc][s];
        let label = sentence_label(doc, s);
        let id = sentence_id(doc, s);
        let Some(kind) = links.iter().map(|&k| findings[k].kind).min() else {
            let close = &self.analysis.close_unpaired;
            if let Ok(i) = close.binary_search_by_key(&(doc, s), |c| (c.doc, c.sentence)) {
                let other = sentence_label(close[i].other_doc, close[i].other);
                let title = format!(
                    "{label}: paired with nothing, but close in content to {other}: read both"
                );
                return html! {
                    span.s.k-close id=(id) data-label=(label) data-kind="close" title=(title) {
                        (self.body(doc, s))
                    }
                };
            }
            let title = format!("{label}: only in {}", doc_label(doc));
            return html! {
                span.s.k-unique id=(id) data-label=(label) data-kind="unique" title=(title) {
                    (self.body(doc, s))
                }
            };
        };
        // One tag per counterpart ("~B11"), linking to it; several pairs may lead to the
        // same sentences (verbatim with one article, framing with another).
        let mut tags: Vec<(String, String, String, FindingKind)> = Vec::new();
        for &k in links {
            let f = &findings[k];
            let other = self.other_side(f, doc);
            let target = sentences_label(other.doc, &other.sentences);
            let text = format!("{}{target}", kind_sign(f.kind));
            if tags.iter().all(|t| t.0 != text) {
                let said = format!("{} in {target}", kind_words(f.kind).0.to_lowercase());
                tags.push((
                    text,
                    sentence_id(other.doc, other.sentences[0]),
                    said,
                    f.kind,
                ));
            }
        }
        // With three articles or more: one tag per other article of the sentence's group
        // ("~B5", "~C5–C6"), whatever pairs lead there, with the kind of the closest pair
        // this sentence has with that article (the group's kind when it has none of its own).
        let group = links
            .first()
            .and_then(|&k| self.analysis.finding_groups.get(k))
            .and_then(|&g| self.analysis.groups.get(g))
            .filter(|_| !self.entry_of.is_empty());
        if let Some(g) = group {
            tags.clear();
            for m in g.members.iter().filter(|m| m.doc != doc) {
                let kind = links
                    .iter()
                    .map(|&k| &findings[k])
                    .filter(|f| self.other_side(f, doc).doc == m.doc)
                    .map(|f| f.kind)
                    .min()
                    .unwrap_or(g.kind);
                let target = sentences_label(m.doc, &m.sentences);
                let said = format!("{} in {target}", kind_words(kind).0.to_lowercase());
                tags.push((
                    format!("{}{target}", kind_sign(kind)),
                    sentence_id(m.doc, m.sentences[0]),
                    said,
                    kind,
                ));
            }
        }
        let pairs: Vec<String> = if self.entry_of.is_empty() {
            links.iter().map(|&k| finding_id(k)).collect()
        } else {
            let mut ids: Vec<usize> = links
                .iter()
                .filter_map(|&k| self.analysis.finding_groups.get(k))
                .filter_map(|&g| self.entry_of.get(g).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter().map(group_id).collect()
        };
        let said: Vec<&str> = tags.iter().map(|t| t.2.as_str()).collect();
        let title = format!("{label}: {}. Click to compare.", said.join("; "));
        // Flags go on the last sentence of the finding's side (of the article's sentences in a
        // group), so a pair read over two sentences shows each once; a change that recurs on
        // several pairs of a group once.
        let flags: Vec<(String, &'static str)> = if self.entry_of.is_empty() {
            links
                .iter()
                .map(|&k| &findings[k])
                .filter(|f| self.own_side(f, doc).sentences.last() == Some(&s))
                .flat_map(|f| {
                    f.drift
                        .iter()
                        .map(move |d| (drift_text(f, d), drift_words(d.kind).1))
                })
                .collect()
        } else {
            let mut groups: Vec<usize> = links
                .iter()
                .filter_map(|&k| self.analysis.finding_groups.get(k).copied())
                .collect();
            groups.dedup();
            groups
                .into_iter()
                .filter_map(|g| self.analysis.groups.get(g))
                .filter(|g| {
                    g.members
                        .iter()
                        .any(|m| m.doc == doc && m.sentences.last() == Some(&s))
                })
                .flat_map(|g| {
                    g.drift
                        .iter()
                        .filter(|d| d.variants.iter().any(|v| v.docs.contains(&doc)))
                        .map(|d| (group_drift_text(d), drift_words(d.kind).1))
                })
                .collect()
        };
        // The tags stand outside the sentence, right against its first word, so they never
        // take its underline and never end a line alone.
        html! {
            span.tags {
                @for (text, target, said, kind) in &tags {
                    a class=(format!("tag ref k-{}", kind_slug(*kind)))
                        href=(format!("#{target}")) data-for=(id)
                        title=(format!("{label}: {said}"))
                    {
                        (text)
                    }
                }
            }
            span class=(format!("s shared k-{}", kind_slug(kind)))
                id=(id) data-label=(label) data-kind=(kind_slug(kind))
                data-pairs=(pairs.join(" ")) tabindex="0" title=(title)
            {
                (self.body(doc, s))
                @for (full, word) in flags {
                    " "
                    span.flag title=(full) aria-label=(format!("Claim drift: {full}")) {
                        "⚑ " (word)
                    }
                }
            }
        }
    }

    /// The side of `f` in article `doc`.
    fn own_side<'f>(&self, f: &'f Finding, doc: usize) -> &'f Side {
        if f.pair.left.doc == doc {
            &f.pair.left
        } else {
            &f.pair.right
        }
    }

    /// The side of `f` not in article `doc`.
    fn other_side<'f>(&self, f: &'f Finding, doc: usize) -> &'f Side {
        if f.pair.left.doc == doc {
            &f.pair.right
        } else {
            &f.pair.left
        }
    }

    fn sidebar(&self) -> Markup {
        let a = self.analysis;
        html! {
            aside.pairs aria-labelledby="h-pairs" {
                div.pairs-head {
                    h2 #h-pairs { "Shared passages" }
                    p.hint.screen-only.when-idle {
                        "Click a highlighted sentence, or a pair below, to see both sides."
                    }
                    p.hint.screen-only.when-selected {
                        "Showing only what you selected. "
                        button.clear type="button" { "Show all (Esc)" }
                    }
                }
                @if !self.shared_quotes.is_empty() {
                    section.kind-group.quote-group {
                        h3 { "Quotes (" (self.shared_quotes.len()) ") " span.what { "— shared by the articles" } }
                        ol.quote-entries {
                            @for &i in &self.shared_quotes {
                                (self.quote_entry(i, true))
                            }
                        }
                    }
                }
                @for kind in SHARED_KINDS {
                    @let (name, what) = kind_words(kind);
                    @if self.entry_of.is_empty() {
                        @let list: Vec<(usize, &Finding)> = a.findings.iter().enumerate()
                            .filter(|(_, f)| f.kind == kind).collect();
                        section.kind-group {
                            h3 { (name) " (" (list.len()) ") " span.what { "— " (what) } }
                            @for (k, f) in list {
                                (self.finding(k, f))
                            }
                        }
                    } @else {
                        @let runs = group_runs(a, kind);
                        @let count: usize = runs.iter().map(Vec::len).sum();
                        section.kind-group {
                            h3 {
                                (name) " (" (count) ") "
                                span.what { "— " (what) ", by the articles that carry it" }
                            }
                            @for run in &runs {
                                (self.group_entry(run))
                            }
                        }
                    }
                }
            }
        }
    }

    /// One entry of the sidebar with three articles or more: a group (its members, its text
    /// or the pairs that tie each version in, its drift changes once), or a run of groups
    /// reprinted sentence after sentence by the same articles.
    fn group_entry(&self, run: &[&Group]) -> Markup {
        let a = self.analysis;
        let Some(&g) = run.first() else {
            return html! {};
        };
        let id = a
            .finding_groups
            .get(g.findings.first().copied().unwrap_or(usize::MAX))
            .copied()
            .unwrap_or(0);
        let members: Vec<String> = run
            .iter()
            .flat_map(|g| g.members.iter())
            .flat_map(|m| m.sentences.iter().map(|&s| sentence_id(m.doc, s)))
            .collect();
        let view = group_view(a, g);
        let link = |side: &Side, label: String| {
            html! {
                a.ref href=(format!("#{}", sentence_id(side.doc, side.sentences[0]))) { (label) }
            }
        };
        let first = first_note(a, view.docs());
        html! {
            article class=(format!("entry finding group k-{}", kind_slug(g.kind)))
                id=(group_id(id)) data-members=(members.join(" "))
            {
                h4 {
                    @if run.len() > 1 {
                        (link(&g.members[0], run_label(run)))
                        " " span.score { (run.len()) " sentences in a row" }
                    } @else {
                        @for (c, class) in view.classes.iter().enumerate() {
                            @if c > 0 {
                                @let sign = view.ties[c]
                                    .map_or("·", |k| kind_sign(a.findings[k].kind));
                                " " span.sign { (sign) } " "
                            }
                            @for (i, &m) in class.iter().enumerate() {
                                @if i > 0 { " " span.sign { "=" } " " }
                                @let side = &g.members[m];
                                (link(side, sentences_label(side.doc, &side.sentences)))
                            }
                        }
                        @if let [k] = g.findings.as_slice() {
                            @let score = score_text(&a.findings[*k]);
                            @if !score.is_empty() { " " span.score { (score) } }
                        } @else {
                            " " span.score { (g.members.len()) " articles" }
                        }
                    }
                    @if !first.is_empty() { span.score.first { (first) } }
                }
                @if g.kind == FindingKind::Verbatim {
                    @let side = &g.members[0];
                    blockquote.same { (a.documents[side.doc].sentence_text(side.sentences[0])) }
                } @else if let [k] = g.findings.as_slice() {
                    (self.pair_body(&a.findings[*k]))
                } @else {
                    @for (c, class) in view.classes.iter().enumerate() {
                        @if class.len() > 1 {
                            @let side = &g.members[class[0]];
                            p.side {
                                b.side-label { (view.class_label(c)) }
                                " " (a.documents[side.doc].sentence_text(side.sentences[0]))
                            }
                        }
                    }
                    @for &k in &view.shown {
                        @let f = &a.findings[k];
                        div.tie {
                            h5 {
                                (pair_label(f))
                                @let score = score_text(f);
                                @if !score.is_empty() { " " span.score { (score) } }
                            }
                            (self.pair_body(f))
                        }
                    }
                }
                @if !g.drift.is_empty() {
                    ul.drift-list {
                        @for d in &g.drift {
                            li { span.flag { "⚑ " (drift_words(d.kind).1) } " " (group_drift_text(d)) }
                        }
                    }
                }
            }
        }
    }

    /// A pair's text: verbatim once, edited as a word diff, framing side by side.
    fn pair_body(&self, f: &Finding) -> Markup {
        let p = &f.pair;
        html! {
            @match f.kind {
                FindingKind::Verbatim => {
                    blockquote.same {
                        (self.analysis.documents[p.left.doc].sentence_text(p.left.sentences[0]))
                    }
                }
                FindingKind::Edited => (self.edited(f)),
                _ => (self.framing(f)),
            }
        }
    }

    fn finding(&self, k: usize, f: &Finding) -> Markup {
        let p = &f.pair;
        let members: Vec<String> = [&p.left, &p.right]
            .into_iter()
            .flat_map(|side| side.sentences.iter().map(|&s| sentence_id(side.doc, s)))
            .collect();
        let link = |side: &Side| {
            html! {
                a.ref href=(format!("#{}", sentence_id(side.doc, side.sentences[0]))) {
                    (sentences_label(side.doc, &side.sentences))
                }
            }
        };
        html! {
            article class=(format!("entry finding k-{}", kind_slug(f.kind)))
                id=(finding_id(k)) data-members=(members.join(" "))
            {
                h4 {
                    (link(&p.left)) " " span.sign { (kind_sign(f.kind)) } " " (link(&p.right))
                    @let score = score_text(f);
                    @if !score.is_empty() { " " span.score { (score) } }
                    @let first = first_note(self.analysis, [p.left.doc, p.right.doc]);
                    @if !first.is_empty() { span.score.first { (first) } }
                    @let copies = copies_text(f);
                    @if !copies.is_empty() { " " span.score { (copies) } }
                }
                (self.pair_body(f))
                @if !f.drift.is_empty() {
                    ul.drift-list {
                        @for d in &f.drift {
                            li { span.flag { "⚑ " (drift_words(d.kind).1) } " " (drift_text(f, d)) }
                        }
                    }
                }
            }
        }
    }

    /// An edited pair as one line: the left side's words struck, the right side's underlined.
    fn edited(&self, f: &Finding) -> Markup {
        let pieces = diff_pieces(self.analysis, f);
        if pieces.is_empty() {
            return self.both_sides(f);
        }
        let (l, r) = (
            sentences_label(f.pair.left.doc, &f.pair.left.sentences),
            sentences_label(f.pair.right.doc, &f.pair.right.sentences),
        );
        let (only_l, only_r) = (format!("only in {l}"), format!("only in {r}"));
        html! {
            p.diff {
                @for (i, piece) in pieces.iter().enumerate() {
                    @if i > 0 && piece.space_before { " " }
                    @match piece.op {
                        EditOp::Equal => (piece.left),
                        EditOp::Delete => del title=(only_l) { (piece.left) },
                        EditOp::Insert => ins title=(only_r) { (piece.right) },
                        EditOp::Replace => {
                            del title=(only_l) { (piece.left) }
                            ins title=(only_r) { (piece.right) }
                        }
                    }
                }
            }
        }
    }

    /// Both sides in full, each with its label (an edited pair too long to diff).
    fn both_sides(&self, f: &Finding) -> Markup {
        html! {
            @for side in [&f.pair.left, &f.pair.right] {
                @let d = &self.analysis.documents[side.doc];
                p.side {
                    b.side-label { (sentences_label(side.doc, &side.sentences)) }
                    " "
                    @for (k, &s) in side.sentences.iter().enumerate() {
                        @if k > 0 { " " }
                        (d.sentence_text(s))
                    }
                }
            }
        }
    }

    /// A framing pair: both sides, the words each uses that the other does not in bold.
    fn framing(&self, f: &Finding) -> Markup {
        let (left, right) = own_words(self.analysis, f);
        let side = |side: &Side, stretches: &[Marked]| {
            html! {
                p.side {
                    b.side-label { (sentences_label(side.doc, &side.sentences)) }
                    " "
                    @for m in stretches {
                        @if m.own { mark.own { (m.text) } } @else { (m.text) }
                    }
                }
            }
        };
        html! {
            (side(&f.pair.left, &left))
            (side(&f.pair.right, &right))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stylesheet and script are pasted into `<style>` and `<script>` unescaped: a closing
    /// tag inside either would end the element early.
    #[test]
    fn assets_cannot_close_their_element() {
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        assert!(!JS.to_ascii_lowercase().contains("</script"));
    }

    #[test]
    fn file_names_drop_the_directory() {
        assert_eq!(file_name("examples/articles/a.txt"), "a.txt");
        assert_eq!(file_name("C:\\news\\b.txt"), "b.txt");
        assert_eq!(file_name("<stdin>"), "<stdin>");
    }
}

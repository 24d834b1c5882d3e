//! Corpus scan: every pair of articles of an archive that share a passage.
//!
//! 1. Each article is indexed once ([`ScanDoc::new`]): segmented, tokenized, its keys interned
//!    and stemmed (`DocIndex`) and its hashed word n-grams listed
//!    ([`index::ngram_hashes`], n = [`index::NGRAM`]).
//! 2. Candidate pairs come from the n-grams ([`candidates`]): an n-gram found in at least two
//!    and at most [`index::MAX_DF`] documents links them; two documents linked by at least
//!    [`index::MIN_SHARED_NGRAMS`] distinct n-grams are a candidate (the passim approach).
//! 3. Each candidate is aligned exactly as `compare` aligns two articles ([`pair_record`]), in
//!    parallel across pairs, and the result is pushed to a [`Sink`] that the output formats
//!    implement: the scan never holds all findings in memory.
//!
//! A pair's result depends on its two articles alone (weights have the scope of the pair, see
//! `align::align_pair`), so `scan`, `compare a b` and a Spark job calling
//! [`pair_record`] agree on every pair.

pub(crate) mod input;
pub(crate) mod large;
pub(crate) mod report;

pub use crate::index::{
    BOILERPLATE_DF, Boilerplate, MAX_DF, MIN_SHARED_NGRAMS, NGRAM, distinct_sentences,
    ngram_hashes, sentence_hashes,
};
pub use input::{Input, is_article_path, is_jsonl, parse_line, read_inputs};
pub use large::{Budget, DEFAULT_MEMORY, parse_size, scan_inputs};
#[cfg(feature = "html-report")]
pub use report::HtmlSink;
pub use report::{JsonlSink, TextSink};

use std::io;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{self, Alignment};
use crate::classify::quote::{self, QuoteStatus};
use crate::classify::{self, Analysis, FindingKind};
use crate::index::{self, DocIndex};
use crate::load::Article;
use crate::options::Options;
use crate::report::status_slug;
use crate::tokenize::Document;

/// What is known of an article besides its text (JSON Lines input fields).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Publication date, ISO 8601 (`2005-03-01` or `2005-03-01T09:30:00Z`); dates are
    /// compared as text, which orders ISO 8601 dates of one form correctly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The publisher or outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One article of a scan, indexed.
#[derive(Clone, Debug)]
pub struct ScanDoc {
    /// The document id: the path relative to the scanned folder (with `/`), the file path as
    /// given, or the JSON Lines `"id"`. Also the article's name in pair reports.
    pub id: String,
    /// Date, source, title, URL when known.
    pub meta: Meta,
    /// The article segmented and tokenized.
    pub document: Document,
    /// Its interned keys and stems.
    pub index: DocIndex,
    /// Its hashed word n-grams, sorted, without repeats.
    pub ngrams: Vec<u64>,
    /// One hash per sentence ([`sentence_hashes`]), to tell boilerplate.
    pub sentences: Vec<u64>,
}

impl ScanDoc {
    /// Indexes an article: segments, tokenizes, interns and stems it, and hashes its word
    /// n-grams. The article's name becomes `id`.
    pub fn new(id: impl Into<String>, mut article: Article, meta: Meta) -> ScanDoc {
        let id = id.into();
        article.name = id.clone();
        let document = Document::new(article);
        let index = DocIndex::new(&document);
        let ngrams = index::ngram_hashes(&document, index::NGRAM);
        let sentences = index::sentence_hashes(&document);
        ScanDoc {
            id,
            meta,
            document,
            index,
            ngrams,
            sentences,
        }
    }

    /// Number of words and numbers in the article.
    pub fn words(&self) -> usize {
        (0..self.document.sentences.len())
            .map(|s| self.document.word_count(s))
            .sum()
    }
}

/// A byte range of an article's original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ByteSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A passage two articles share: consecutive aligned sentences on both sides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PassageRecord {
    /// Where it is in article `a` (first occurrence, for a sentence repeated word for word).
    pub a: ByteSpan,
    /// Where it is in article `b`.
    pub b: ByteSpan,
    /// `verbatim`, `edited`, `framing`, or `mixed` when its sentence pairs differ in kind.
    pub kind: String,
    /// Number of aligned sentence pairs in it.
    pub pairs: usize,
}

/// One place of a shared quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuotePlace {
    /// The quoted words (after the opening quote mark).
    pub span: ByteSpan,
    /// Who the article credits the quote to, as written.
    pub speaker: Option<String>,
    /// False when the words appear without quote marks.
    pub quoted: bool,
}

/// A quotation both articles carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteRecord {
    /// `exact`, `altered`, `partial`, `unquoted` or `misattributed` (as in `compare`).
    pub status: String,
    /// The quote as written in its first quoted occurrence.
    pub text: String,
    /// Its first place in article `a`.
    pub a: QuotePlace,
    /// Its first place in article `b`.
    pub b: QuotePlace,
}

/// What two articles share: the object written as one `scan --format jsonl` pair line
/// (`docs/json.md`). `a` is the id that sorts first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PairRecord {
    /// Always `"pair"`.
    #[serde(rename = "type")]
    pub record: String,
    /// The JSON shapes' version ([`crate::report::json::SCHEMA_VERSION`]).
    pub version: u32,
    /// Id of the first article (the smaller id).
    pub a: String,
    /// Id of the second article.
    pub b: String,
    /// Fraction of `a`'s words in text shared with `b` (as `compare` reports it), 4 decimals.
    pub shared_a: f64,
    /// Fraction of `b`'s words in text shared with `a`.
    pub shared_b: f64,
    /// Words of `a`.
    pub words_a: usize,
    /// Words of `b`.
    pub words_b: usize,
    /// Sentence pairs found word for word.
    pub verbatim: usize,
    /// Sentence pairs lightly edited.
    pub edited: usize,
    /// Sentence pairs telling the same fact in other words.
    pub framing: usize,
    /// The probable source: the id of the article dated earlier, when both dates are known and
    /// differ; otherwise `null`.
    pub source: Option<String>,
    /// Shared passages, in `a`'s order.
    pub passages: Vec<PassageRecord>,
    /// Quotations both carry, with their status.
    pub quotes: Vec<QuoteRecord>,
}

impl PairRecord {
    /// The larger of the two shared fractions (what `--min-shared` and rankings use).
    pub fn shared(&self) -> f64 {
        self.shared_a.max(self.shared_b)
    }
}

/// A pair's record, with the full two-article analysis it was made from when the sink asked
/// for it ([`Sink::wants_analysis`]: formats that draw the pair, as `compare` does).
#[derive(Debug)]
pub struct PairResult {
    /// The record.
    pub record: PairRecord,
    /// The analysis of the two articles, `a` as document 0.
    pub analysis: Option<Analysis>,
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Aligns two indexed articles and returns what they share; `None` when no sentence of one is
/// aligned with a sentence of the other, or all they share is one short sentence (see
/// [`one_short_sentence`]). Otherwise the same as `compare a b` finds, whatever else is scanned.
/// Sides are put in id order (`a` is the smaller id) whatever the argument order.
pub fn pair_record(x: &ScanDoc, y: &ScanDoc, options: &Options) -> Option<PairRecord> {
    pair_record_in(x, y, options, &Boilerplate::none())
}

/// [`pair_record`] within an archive: `None` also when all the two articles share is
/// `boilerplate` (sentences found in many of the archive's articles) and no quotation, as a
/// scan decides. A pair that shares anything else has the same record as [`pair_record`].
pub fn pair_record_in(
    x: &ScanDoc,
    y: &ScanDoc,
    options: &Options,
    boilerplate: &Boilerplate,
) -> Option<PairRecord> {
    let (qx, qy) = (OnceLock::new(), OnceLock::new());
    pair_in((x, &qx), (y, &qy), options, boilerplate, false).map(|r| r.record)
}

/// [`pair_record`] with the two-article [`Analysis`] kept.
pub fn pair_result(x: &ScanDoc, y: &ScanDoc, options: &Options) -> Option<PairResult> {
    let (qx, qy) = (OnceLock::new(), OnceLock::new());
    pair_in((x, &qx), (y, &qy), options, &Boilerplate::none(), true)
}

/// An article's quotations, extracted the first time one of its pairs needs them and shared by
/// all its pairs.
pub(crate) type QuoteCache<'d> = OnceLock<quote::Extracted<'d>>;

/// Aligns a pair, given each article with its quotation cache; keeps the full analysis when
/// `full`. A record made without the analysis is the same as one made with it. `None` when
/// nothing is shared, only one short sentence ([`one_short_sentence`]), or only `boilerplate`
/// ([`boilerplate_alone`], [`slight`]).
pub(crate) fn pair_in<'d>(
    x: (&'d ScanDoc, &QuoteCache<'d>),
    y: (&'d ScanDoc, &QuoteCache<'d>),
    options: &Options,
    boilerplate: &Boilerplate,
    full: bool,
) -> Option<PairResult> {
    let ((a, qa), (b, qb)) =
        if (&y.0.id, &y.0.document.article.text) < (&x.0.id, &x.0.document.article.text) {
            (y, x)
        } else {
            (x, y)
        };
    let pairs = align::align_pair(&a.document, &a.index, &b.document, &b.index, options);
    // A pair is reported for the sentences it shares; quotes are matched only then. (Pairs
    // whose only link was a quote matcher's "unquoted" phrase, such as "in the second half of
    // 2004", were noise on the BBC corpus: 151 of 3,600.)
    if pairs.is_empty() {
        return None;
    }
    let qa = qa.get_or_init(|| quote::extract_for_matching(&a.document));
    let qb = qb.get_or_init(|| quote::extract_for_matching(&b.document));
    let docs = [&a.document, &b.document];
    let quotes: Vec<quote::QuoteMatch> = quote::match_extracted(&docs, &[qa, qb])
        .into_iter()
        .filter(|q| {
            q.status != QuoteStatus::Unmatched
                && !q.is_shared_term()
                && q.occurrences.iter().any(|o| o.doc == 0)
                && q.occurrences.iter().any(|o| o.doc == 1)
        })
        .collect();
    let alignment = Alignment {
        pairs,
        near: Vec::new(),
    };
    if one_short_sentence(&alignment, &quotes, (&a.document, &b.document)) {
        return None;
    }
    let maybe_boilerplate = boilerplate_alone(&alignment, &quotes, (a, b), boilerplate);
    if full {
        if maybe_boilerplate {
            let (_, coverage, passages) = classify::shared_parts(&docs, alignment.clone());
            if slight(&passages, &coverage) {
                return None;
            }
        }
        let owned = vec![a.document.clone(), b.document.clone()];
        let analysis = classify::classify(owned, alignment, quotes, options);
        let parts = Parts {
            findings: &analysis.findings,
            coverage: &analysis.coverage,
            passages: &analysis.passages,
            quotes: &analysis.quotes,
        };
        let record = record_of(&parts, a, b);
        Some(PairResult {
            record,
            analysis: Some(analysis),
        })
    } else {
        let (findings, coverage, passages) = classify::shared_parts(&docs, alignment);
        if maybe_boilerplate && slight(&passages, &coverage) {
            return None;
        }
        let parts = Parts {
            findings: &findings,
            coverage: &coverage,
            passages: &passages,
            quotes: &quotes,
        };
        Some(PairResult {
            record: record_of(&parts, a, b),
            analysis: None,
        })
    }
}

/// Passages of this many sentence pairs or more are never boilerplate: a wire story that
/// many outlets carry whole shares long runs of sentences, site furniture one or two lines.
const BOILERPLATE_RUN: usize = 3;

/// Whether all two articles share is boilerplate: each sentence of every aligned pair, on both
/// sides, is `boilerplate`, no quotation is quoted in both, and (see [`slight`]) every passage
/// has fewer than [`BOILERPLATE_RUN`] sentence pairs and the pair shares under
/// [`BOILERPLATE_SHARE`] of either article. On the PolNeAR scan these pairs
/// share "FULL TEXT.", the HuffPost editor's note on Trump, "Do you support Donald Trump? Like
/// the page:" or a "Follow … on Twitter" line, and nothing else: 376 of 543 pairs. Such pairs
/// are true (`compare` shows the sentence), but they say nothing of who reprinted whom.
fn boilerplate_alone(
    alignment: &Alignment,
    quotes: &[quote::QuoteMatch],
    (a, b): (&ScanDoc, &ScanDoc),
    boilerplate: &Boilerplate,
) -> bool {
    let common = |doc: &ScanDoc, sentences: &[usize]| {
        sentences.iter().all(|&s| {
            doc.sentences
                .get(s)
                .is_some_and(|&h| boilerplate.contains(h))
        })
    };
    !boilerplate.is_empty()
        && alignment
            .pairs
            .iter()
            .all(|p| common(a, &p.left.sentences) && common(b, &p.right.sentences))
        && !quoted_in_both(quotes)
}

/// Words the shorter sentence of a pair's one shared sentence must have for the pair to be
/// reported (see [`one_short_sentence`]).
const SHORT_SENTENCE_WORDS: usize = 8;

/// Whether all two articles share is one sentence pair whose shorter side has fewer than
/// [`SHORT_SENTENCE_WORDS`] words, with no quotation quoted in both. Such a line is true
/// (`compare` shows it) but too little to say one article took from the other: in the PolNeAR
/// scan they were a stump line of two speeches ("We're going to build a wall"), a phrase of two
/// speakers ("I don't know."), a quotation's credit ("- Hillary Clinton."), and on BBC a
/// programme's listing ("BBC1, Radio 4 LW and this website").
fn one_short_sentence(
    alignment: &Alignment,
    quotes: &[quote::QuoteMatch],
    (a, b): (&Document, &Document),
) -> bool {
    let [pair] = alignment.pairs.as_slice() else {
        return false;
    };
    let ([x], [y]) = (
        pair.left.sentences.as_slice(),
        pair.right.sentences.as_slice(),
    ) else {
        return false;
    };
    let words = |d: &Document| {
        (0..d.sentences.len())
            .map(|s| d.word_count(s))
            .sum::<usize>()
    };
    let (wx, wy) = (a.word_count(*x), b.word_count(*y));
    // A short article copied whole (the sentence is half of either or more) stays a reprint.
    let whole = |w: usize, d: &Document| w * 2 >= words(d);
    wx.min(wy) < SHORT_SENTENCE_WORDS && !quoted_in_both(quotes) && !whole(wx, a) && !whole(wy, b)
}

/// Whether some quotation is quoted (in quote marks) in both articles of a pair.
fn quoted_in_both(quotes: &[quote::QuoteMatch]) -> bool {
    let quoted_in =
        |q: &quote::QuoteMatch, d: usize| q.occurrences.iter().any(|o| o.doc == d && o.quoted);
    quotes.iter().any(|q| quoted_in(q, 0) && quoted_in(q, 1))
}

/// A pair sharing this fraction of either article or more is never boilerplate: a short wire
/// item of two sentences that five outlets carry whole is their reprint, however frequent its
/// sentences; a byline or an editor's note is a few percent of an article.
const BOILERPLATE_SHARE: f64 = 0.5;

/// Whether what a pair shares is slight: every passage has fewer than [`BOILERPLATE_RUN`]
/// sentence pairs, and the shared text is under [`BOILERPLATE_SHARE`] of each article.
fn slight(passages: &[classify::Passage], coverage: &[classify::Coverage]) -> bool {
    passages.iter().all(|p| p.findings.len() < BOILERPLATE_RUN)
        && coverage.iter().all(|c| c.shared < BOILERPLATE_SHARE)
}

/// What a pair record is made of (the parts of an [`Analysis`] it reads).
struct Parts<'p> {
    findings: &'p [classify::Finding],
    coverage: &'p [classify::Coverage],
    passages: &'p [classify::Passage],
    quotes: &'p [quote::QuoteMatch],
}

fn record_of(parts: &Parts, a: &ScanDoc, b: &ScanDoc) -> PairRecord {
    let cov = |d, o| {
        parts
            .coverage
            .iter()
            .find(|c| c.doc == d && c.other == o)
            .copied()
    };
    let (ca, cb) = (cov(0, 1), cov(1, 0));
    let span_of = |doc: &Document, sentences: &[usize]| -> ByteSpan {
        // The first run of consecutive sentences (a verbatim sentence repeated further on is
        // reported at its first occurrence).
        let first = sentences.first().copied().unwrap_or(0);
        let mut last = first;
        for &s in sentences.iter().skip(1) {
            if s == last + 1 {
                last = s;
            } else {
                break;
            }
        }
        match (doc.sentences.get(first), doc.sentences.get(last)) {
            (Some(f), Some(l)) => ByteSpan {
                start: f.span.start,
                end: l.span.end,
            },
            _ => ByteSpan { start: 0, end: 0 },
        }
    };
    let kind_name = |k: FindingKind| match k {
        FindingKind::Verbatim => "verbatim",
        FindingKind::Edited => "edited",
        FindingKind::Framing => "framing",
        FindingKind::Unique => "unique",
    };
    let mut passages: Vec<PassageRecord> = parts
        .passages
        .iter()
        .map(|p| {
            let kinds: Vec<FindingKind> = p
                .findings
                .iter()
                .filter_map(|&k| parts.findings.get(k).map(|f| f.kind))
                .collect();
            let kind = match kinds.first() {
                Some(&k) if kinds.iter().all(|&x| x == k) => kind_name(k),
                _ => "mixed",
            };
            PassageRecord {
                a: span_of(&a.document, &p.left.sentences),
                b: span_of(&b.document, &p.right.sentences),
                kind: kind.to_string(),
                pairs: p.findings.len(),
            }
        })
        .collect();
    passages.sort_by_key(|p| (p.a.start, p.b.start));
    let place = |q: &quote::QuoteMatch, doc: usize| -> QuotePlace {
        q.occurrences.iter().find(|o| o.doc == doc).map_or(
            QuotePlace {
                span: ByteSpan { start: 0, end: 0 },
                speaker: None,
                quoted: false,
            },
            |o| QuotePlace {
                span: ByteSpan {
                    start: o.start,
                    end: o.end,
                },
                speaker: o.speaker.clone(),
                quoted: o.quoted,
            },
        )
    };
    let quotes = parts
        .quotes
        .iter()
        .map(|q| QuoteRecord {
            status: status_slug(q.status).to_string(),
            text: q.text.clone(),
            a: place(q, 0),
            b: place(q, 1),
        })
        .collect();
    let count = |k: FindingKind| parts.findings.iter().filter(|f| f.kind == k).count();
    PairRecord {
        record: "pair".to_string(),
        version: crate::report::json::SCHEMA_VERSION,
        a: a.id.clone(),
        b: b.id.clone(),
        shared_a: round(ca.map_or(0.0, |c| c.shared)),
        shared_b: round(cb.map_or(0.0, |c| c.shared)),
        words_a: ca.map_or(0, |c| c.words),
        words_b: cb.map_or(0, |c| c.words),
        verbatim: count(FindingKind::Verbatim),
        edited: count(FindingKind::Edited),
        framing: count(FindingKind::Framing),
        source: earlier(a, b).map(|d| d.id.clone()),
        passages,
        quotes,
    }
}

/// The article dated earlier, when both dates are known and differ.
fn earlier<'d>(a: &'d ScanDoc, b: &'d ScanDoc) -> Option<&'d ScanDoc> {
    match (&a.meta.date, &b.meta.date) {
        (Some(x), Some(y)) if x < y => Some(a),
        (Some(x), Some(y)) if y < x => Some(b),
        _ => None,
    }
}

/// Candidate pairs `(i, j)`, `i < j`, indices into `ngrams` (one sorted, repeat-free list of
/// n-gram hashes per document): pairs linked by at least `min_shared` distinct n-grams, each
/// found in at least 2 and at most `max_df` documents. Sorted.
pub fn candidates<H: AsRef<[u64]>>(
    ngrams: &[H],
    max_df: usize,
    min_shared: usize,
) -> Vec<(u32, u32)> {
    let mut postings: Vec<(u64, u32)> = ngrams
        .iter()
        .enumerate()
        .flat_map(|(d, hs)| hs.as_ref().iter().map(move |&h| (h, d as u32)))
        .collect();
    sort_by_top_bits(&mut postings, |p| p.0);
    let mut links: Vec<u64> = Vec::new();
    for group in postings.chunk_by(|p, q| p.0 == q.0) {
        if group.len() < 2 || group.len() > max_df {
            continue;
        }
        for (k, &(_, i)) in group.iter().enumerate() {
            for &(_, j) in &group[k + 1..] {
                if i != j {
                    links.push(u64::from(i.min(j)) << 32 | u64::from(i.max(j)));
                }
            }
        }
    }
    drop(postings);
    sort_by_top_bits(&mut links, |&l| l);
    links
        .chunk_by(|p, q| p == q)
        .filter(|run| run.len() >= min_shared.max(1))
        .map(|run| ((run[0] >> 32) as u32, run[0] as u32))
        .collect()
}

/// Sorts `items` as `sort_unstable` does, for items whose order starts with `key` (a hash, or
/// a pair of document numbers packed in a `u64`): the items are moved in place into 256
/// buckets by the top 8 bits of their key, each bucket likewise by the next 8 bits, and so on
/// until a bucket is small enough to sort on its own; the first buckets are sorted in parallel.
/// A comparison sort of the BBC scan's million 5-gram postings was 5% of its instructions. One
/// pass into 2^15 buckets took about as few instructions as this, but each move was a cache and
/// TLB miss (10% of the BBC scan's CPU time in `perf`); 256 buckets keep the places written to
/// in the caches.
pub(crate) fn sort_by_top_bits<T: Copy + Ord + Send>(
    items: &mut [T],
    key: impl Fn(&T) -> u64 + Sync,
) {
    if items.len() < SMALL_SORT {
        items.sort_unstable();
        return;
    }
    let (lo, hi) = items.iter().fold((u64::MAX, 0u64), |(lo, hi), t| {
        let k = key(t);
        (lo.min(k), hi.max(k))
    });
    let width = u64::BITS - (hi - lo).leading_zeros();
    let key = |t: &T| key(t) - lo;
    let (parts, width) = by_top_digit(items, &key, width);
    parts
        .into_par_iter()
        .with_min_len(8)
        .for_each(|p| sort_below(p, &key, width));
}

/// A bucket at most this long is sorted by comparisons.
const SMALL_SORT: usize = 64;

/// Sorts `items`, whose keys are below `2^width`, digit by digit ([`sort_by_top_bits`]).
fn sort_below<T: Copy + Ord>(items: &mut [T], key: &impl Fn(&T) -> u64, width: u32) {
    if items.len() <= SMALL_SORT || width == 0 {
        items.sort_unstable();
        return;
    }
    let (parts, width) = by_top_digit(items, key, width);
    for p in parts {
        sort_below(p, key, width);
    }
}

/// Moves `items`, whose keys are below `2^width`, in place into buckets by the top 8 bits of
/// their key; gives the buckets and the width of the keys' bits left below the digit.
fn by_top_digit<'i, T: Copy>(
    items: &'i mut [T],
    key: &impl Fn(&T) -> u64,
    width: u32,
) -> (Vec<&'i mut [T]>, u32) {
    const BUCKETS: usize = 256;
    let shift = width.saturating_sub(8);
    let bucket = |t: &T| (key(t) >> shift) as usize & (BUCKETS - 1);
    let mut counts = [0usize; BUCKETS];
    for t in items.iter() {
        counts[bucket(t)] += 1;
    }
    // `next[b]`: the first place of bucket `b` not yet holding one of its items.
    let (mut next, mut end) = ([0usize; BUCKETS], [0usize; BUCKETS]);
    let mut at = 0;
    for b in 0..BUCKETS {
        next[b] = at;
        at += counts[b];
        end[b] = at;
    }
    for b in 0..BUCKETS {
        while next[b] < end[b] {
            // Carry the item out of the first open place of `b` to its bucket, and the one it
            // displaces to its own, until one belongs in `b`.
            let mut v = items[next[b]];
            loop {
                let d = bucket(&v);
                if d == b {
                    break;
                }
                std::mem::swap(&mut v, &mut items[next[d]]);
                next[d] += 1;
            }
            items[next[b]] = v;
            next[b] += 1;
        }
    }
    let mut parts: Vec<&mut [T]> = Vec::with_capacity(BUCKETS);
    let mut rest = items;
    for &c in &counts {
        let (part, tail) = rest.split_at_mut(c);
        if !part.is_empty() {
            parts.push(part);
        }
        rest = tail;
    }
    (parts, shift)
}

/// An article as the sinks see it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocInfo {
    /// Always `"document"`.
    #[serde(rename = "type")]
    pub record: &'static str,
    /// The document id.
    pub id: String,
    /// Words and numbers.
    pub words: usize,
    /// Date, source, title, URL when known.
    #[serde(flatten)]
    pub meta: Meta,
}

/// A reprint family: articles connected by shared passages.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Family {
    /// Always `"family"`.
    #[serde(rename = "type")]
    pub record: &'static str,
    /// The JSON shapes' version ([`crate::report::json::SCHEMA_VERSION`]).
    pub version: u32,
    /// Members, earliest dated first (undated last), then by id.
    pub members: Vec<String>,
    /// The probable source: the earliest dated member, when dates are known and one member is
    /// dated strictly before all others.
    pub source: Option<String>,
    /// Pairs reported within the family.
    pub pairs: usize,
}

/// What a scan found, for the sinks' last word.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Documents scanned.
    pub documents: usize,
    /// Candidate pairs aligned.
    pub candidates: usize,
    /// Pairs reported.
    pub pairs: usize,
    /// Reprint families of two articles or more, largest first.
    pub families: Vec<Family>,
}

/// Where a scan's results go, pair by pair: the output formats implement it.
pub trait Sink {
    /// Called once before any pair, with every document of the scan.
    fn begin(&mut self, docs: &[DocInfo]) -> io::Result<()>;
    /// Called for each reported pair, in the scan's order.
    fn pair(&mut self, pair: &PairResult) -> io::Result<()>;
    /// Called once at the end.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
    /// Whether [`PairResult::analysis`] must be filled (for formats that draw each pair);
    /// without it a pair costs less.
    fn wants_analysis(&self) -> bool {
        false
    }
}

/// How a scan runs.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ScanOptions {
    /// The alignment knobs (as `compare`).
    pub align: Options,
    /// Report only pairs whose larger shared fraction is at least this (0 reports every pair
    /// that shares an aligned sentence).
    pub min_shared: f64,
    /// Only pairs with this document (index into the scanned documents), ranked by shared
    /// fraction, highest first.
    pub against: Option<usize>,
    /// The n-gram document-frequency cap ([`index::MAX_DF`]).
    pub max_df: usize,
    /// Fewest shared n-grams of a candidate ([`index::MIN_SHARED_NGRAMS`]).
    pub min_shared_ngrams: usize,
    /// A sentence found word for word in this many documents or more is boilerplate
    /// ([`index::BOILERPLATE_DF`]); a pair that shares only boilerplate is not reported. 0
    /// reports it.
    pub boilerplate_df: usize,
}

impl Default for ScanOptions {
    fn default() -> ScanOptions {
        ScanOptions {
            align: Options::default(),
            min_shared: 0.0,
            against: None,
            max_df: index::MAX_DF,
            min_shared_ngrams: index::MIN_SHARED_NGRAMS,
            boilerplate_df: index::BOILERPLATE_DF,
        }
    }
}

/// Candidate pairs aligned at a time: their results are pushed to the sink before the next
/// batch is aligned.
const BATCH: usize = 512;

/// Scans indexed documents: finds candidate pairs, aligns them in parallel and pushes every
/// pair that shares a passage to `sink`, in candidate order (by first, then second document),
/// or ranked by shared fraction with `against`. `progress(done, total)` is called after each
/// batch of candidates.
pub fn scan(
    docs: &[ScanDoc],
    options: &ScanOptions,
    sink: &mut dyn Sink,
    progress: &mut dyn FnMut(usize, usize),
) -> io::Result<Summary> {
    begin(docs, sink)?;
    let ngrams: Vec<&[u64]> = docs.iter().map(|d| d.ngrams.as_slice()).collect();
    let found = candidates(&ngrams, options.max_df, options.min_shared_ngrams);
    push_pairs(docs, found, options, sink, progress)
}

/// The boilerplate of indexed documents under `options` ([`Boilerplate::count`]).
fn boilerplate_of(docs: &[ScanDoc], options: &ScanOptions) -> Boilerplate {
    let sentences: Vec<&[u64]> = docs.iter().map(|d| d.sentences.as_slice()).collect();
    Boilerplate::count(&sentences, options.boilerplate_df)
}

/// Tells `sink` which documents the run holds, before any pair.
fn begin(docs: &[ScanDoc], sink: &mut dyn Sink) -> io::Result<()> {
    let infos: Vec<DocInfo> = docs
        .iter()
        .map(|d| DocInfo {
            record: "document",
            id: d.id.clone(),
            words: d.words(),
            meta: d.meta.clone(),
        })
        .collect();
    sink.begin(&infos)
}

/// `compare`'s question asked pair by pair: every pair of `docs`, not only the candidates that
/// share rare n-grams, aligned as [`scan`] aligns its candidates and pushed to `sink` (the same
/// sinks, the same records, the same families and summary, boilerplate counted over `docs` and
/// left out as [`scan`] leaves it out). For a handful of articles, where comparing every pair
/// costs little; an archive needs [`scan`]'s candidates.
pub fn scan_every_pair(
    docs: &[ScanDoc],
    options: &ScanOptions,
    sink: &mut dyn Sink,
    progress: &mut dyn FnMut(usize, usize),
) -> io::Result<Summary> {
    begin(docs, sink)?;
    let n = docs.len() as u32;
    let every: Vec<(u32, u32)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect();
    push_pairs(docs, every, options, sink, progress)
}

/// Aligns the pairs `found` (sorted) and pushes them, then the families and the summary.
fn push_pairs(
    docs: &[ScanDoc],
    mut found: Vec<(u32, u32)>,
    options: &ScanOptions,
    sink: &mut dyn Sink,
    progress: &mut dyn FnMut(usize, usize),
) -> io::Result<Summary> {
    if let Some(t) = options.against {
        let t = t as u32;
        found.retain(|&(i, j)| i == t || j == t);
    }
    let total = found.len();
    let boilerplate = boilerplate_of(docs, options);
    let mut pairs = PairLoop::new(docs.len());
    let quotes: Vec<QuoteCache<'_>> = docs.iter().map(|_| OnceLock::new()).collect();
    let doc = |d: u32| (&docs[d as usize], &quotes[d as usize]);
    pairs.run(&found, doc, options, &boilerplate, sink, progress)?;
    let ids: Vec<(&str, Option<&str>)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.meta.date.as_deref()))
        .collect();
    pairs.finish(&ids, total, sink)
}

/// The pair loop's state between batches: the families joined so far, the number of pairs
/// reported, and under `--against` the pairs held back to be ranked.
pub(super) struct PairLoop {
    families: Families,
    reported: usize,
    ranked: Vec<PairResult>,
}

impl PairLoop {
    pub(super) fn new(documents: usize) -> Self {
        PairLoop {
            families: Families::new(documents),
            reported: 0,
            ranked: Vec::new(),
        }
    }

    /// Aligns the candidate pairs `found` batch by batch on all cores and hands each pair
    /// that passes `--min-shared` to the sink, in candidate order; `progress(done, total)`
    /// after each batch. The sink writes one batch while the next is aligned.
    pub(super) fn run<'d, 'q>(
        &mut self,
        found: &[(u32, u32)],
        doc: impl Fn(u32) -> (&'d ScanDoc, &'q QuoteCache<'d>) + Sync,
        options: &ScanOptions,
        boilerplate: &Boilerplate,
        sink: &mut dyn Sink,
        progress: &mut dyn FnMut(usize, usize),
    ) -> io::Result<()>
    where
        'd: 'q,
    {
        let full = sink.wants_analysis();
        let total = found.len();
        let align = |batch: &[(u32, u32)]| align_batch(batch, &doc, options, boilerplate, full);
        let joined = |h: std::thread::ScopedJoinHandle<'_, Vec<Option<PairResult>>>| {
            h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
        };
        std::thread::scope(|scope| {
            type Pending<'s, 'f> = (
                usize,
                &'f [(u32, u32)],
                std::thread::ScopedJoinHandle<'s, Vec<Option<PairResult>>>,
            );
            let mut pending: Option<Pending<'_, '_>> = None;
            for (n, batch) in found.chunks(BATCH).enumerate() {
                let align = &align;
                let next = scope.spawn(move || align(batch));
                if let Some((m, done, handle)) = pending.take() {
                    self.emit_batch(done, joined(handle), options, sink)?;
                    progress((m * BATCH + done.len()).min(total), total);
                }
                pending = Some((n, batch, next));
            }
            if let Some((m, done, handle)) = pending.take() {
                self.emit_batch(done, joined(handle), options, sink)?;
                progress((m * BATCH + done.len()).min(total), total);
            }
            Ok(())
        })
    }

    /// Hands the aligned pairs of one batch to the sink, in candidate order.
    fn emit_batch(
        &mut self,
        batch: &[(u32, u32)],
        results: Vec<Option<PairResult>>,
        options: &ScanOptions,
        sink: &mut dyn Sink,
    ) -> io::Result<()> {
        for (&(i, j), r) in batch.iter().zip(results) {
            let Some(r) = r else { continue };
            self.emit(i, j, r, options, sink)?;
        }
        Ok(())
    }

    /// Aligns one batch of candidate pairs on all cores and hands each pair that passes
    /// `--min-shared` to the sink, in candidate order.
    pub(super) fn batch<'d, 'q>(
        &mut self,
        batch: &[(u32, u32)],
        doc: impl Fn(u32) -> (&'d ScanDoc, &'q QuoteCache<'d>) + Sync,
        options: &ScanOptions,
        boilerplate: &Boilerplate,
        sink: &mut dyn Sink,
    ) -> io::Result<()>
    where
        'd: 'q,
    {
        let full = sink.wants_analysis();
        let results = align_batch(batch, &doc, options, boilerplate, full);
        self.emit_batch(batch, results, options, sink)
    }

    /// Reports the pair `(i, j)` (aligned, and past `--min-shared`): joins its family and
    /// hands it to the sink, or holds it back to be ranked under `--against`.
    pub(super) fn emit(
        &mut self,
        i: u32,
        j: u32,
        r: PairResult,
        options: &ScanOptions,
        sink: &mut dyn Sink,
    ) -> io::Result<()> {
        self.families.join(i as usize, j as usize);
        self.reported += 1;
        if options.against.is_some() {
            self.ranked.push(r);
            Ok(())
        } else {
            sink.pair(&r)
        }
    }

    /// Pushes the ranked pairs, then the families and the summary; `ids` are the documents'
    /// ids and dates, `candidates` the number of candidate pairs aligned.
    pub(super) fn finish(
        self,
        ids: &[(&str, Option<&str>)],
        candidates: usize,
        sink: &mut dyn Sink,
    ) -> io::Result<Summary> {
        push_ranked(self.ranked, sink)?;
        let summary = Summary {
            documents: ids.len(),
            candidates,
            pairs: self.reported,
            families: self.families.finish(ids),
        };
        sink.finish(&summary)?;
        Ok(summary)
    }
}

/// Aligns a batch of candidate pairs on all cores: each pair's result when it passes
/// `--min-shared`, in batch order.
fn align_batch<'d, 'q>(
    batch: &[(u32, u32)],
    doc: &(impl Fn(u32) -> (&'d ScanDoc, &'q QuoteCache<'d>) + Sync),
    options: &ScanOptions,
    boilerplate: &Boilerplate,
    full: bool,
) -> Vec<Option<PairResult>>
where
    'd: 'q,
{
    batch
        .par_iter()
        .map(|&(i, j)| {
            pair_in(doc(i), doc(j), &options.align, boilerplate, full)
                .filter(|r| r.record.shared() >= options.min_shared)
        })
        .collect()
}

/// Pushes `--against` results, ranked by shared fraction (highest first, then by ids).
fn push_ranked(mut ranked: Vec<PairResult>, sink: &mut dyn Sink) -> io::Result<()> {
    ranked.sort_by(|p, q| {
        q.record
            .shared()
            .total_cmp(&p.record.shared())
            .then_with(|| (&p.record.a, &p.record.b).cmp(&(&q.record.a, &q.record.b)))
    });
    for r in &ranked {
        sink.pair(r)?;
    }
    Ok(())
}

/// Union-find over documents, with the number of pairs joined in each group.
struct Families {
    parent: Vec<usize>,
    pairs: Vec<usize>,
}

impl Families {
    fn new(n: usize) -> Families {
        Families {
            parent: (0..n).collect(),
            pairs: vec![0; n],
        }
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            self.parent[gone] = keep;
            self.pairs[keep] += self.pairs[gone];
        }
        self.pairs[ra.min(rb)] += 1;
    }

    /// Groups of two or more, from `docs` as (id, date).
    fn finish(mut self, docs: &[(&str, Option<&str>)]) -> Vec<Family> {
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
        for d in 0..docs.len() {
            let r = self.root(d);
            groups[r].push(d);
        }
        let mut out: Vec<Family> = groups
            .into_iter()
            .enumerate()
            .filter(|(_, g)| g.len() >= 2)
            .map(|(root, mut g)| {
                g.sort_by(|&x, &y| {
                    let ((ix, dx), (iy, dy)) = (docs[x], docs[y]);
                    // Dated before undated, then by date, then by id.
                    (dx.is_none(), dx, ix).cmp(&(dy.is_none(), dy, iy))
                });
                let source = match (docs[g[0]].1, docs[g[1]].1) {
                    (Some(x), Some(y)) if x < y => Some(docs[g[0]].0.to_string()),
                    (Some(_), None) => Some(docs[g[0]].0.to_string()),
                    _ => None,
                };
                Family {
                    record: "family",
                    version: crate::report::json::SCHEMA_VERSION,
                    members: g.iter().map(|&d| docs[d].0.to_string()).collect(),
                    source,
                    pairs: self.pairs[root],
                }
            })
            .collect();
        out.sort_by(|p, q| {
            q.members
                .len()
                .cmp(&p.members.len())
                .then_with(|| p.members.cmp(&q.members))
        });
        out
    }
}

/// One place a quotation occurs in the archive (`sourcediff find-quote`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteHit {
    /// The JSON shapes' version ([`crate::report::json::SCHEMA_VERSION`]).
    pub version: u32,
    /// The document id.
    pub id: String,
    /// How this place compares with the quotation asked for: `exact`, `altered`, `partial`
    /// or `unquoted`.
    pub status: String,
    /// The words as this article writes them.
    pub text: String,
    /// Where they are in the article.
    pub span: ByteSpan,
    /// Who the article credits them to.
    pub speaker: Option<String>,
    /// False when the article runs the words without quote marks.
    pub quoted: bool,
    /// The article's date, when known.
    pub date: Option<String>,
}

/// Every occurrence of the quotation `text` in `docs`, earliest dated first (undated last),
/// then by id and position. Each article is compared with the quotation alone, with the
/// quotation matcher `compare` uses; only articles holding at least half of its distinct
/// content words are compared.
pub fn find_quote(text: &str, docs: &[ScanDoc]) -> Vec<QuoteHit> {
    let query = Document::new(Article::from_text(
        "query",
        format!("\u{201c}{text}\u{201d}"),
    ));
    let mut wanted: Vec<&str> = query
        .tokens
        .iter()
        .flatten()
        .filter(|t| t.content)
        .map(|t| t.key.as_str())
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    if wanted.is_empty() {
        return Vec::new();
    }
    let need = wanted.len().div_ceil(2);
    let asked = quote::extract_for_matching(&query);
    let mut hits: Vec<QuoteHit> = docs
        .par_iter()
        .flat_map_iter(|d| {
            let has = d
                .index
                .keys
                .iter()
                .filter(|k| wanted.binary_search(&k.as_str()).is_ok())
                .count();
            let mut out = Vec::new();
            if has < need {
                return out;
            }
            let theirs = quote::extract_for_matching(&d.document);
            for m in quote::match_extracted(&[&query, &d.document], &[&asked, &theirs]) {
                if m.status == QuoteStatus::Unmatched || !m.occurrences.iter().any(|o| o.doc == 0) {
                    continue;
                }
                for o in m.occurrences.iter().filter(|o| o.doc == 1) {
                    out.push(QuoteHit {
                        version: crate::report::json::SCHEMA_VERSION,
                        id: d.id.clone(),
                        status: status_slug(m.status).to_string(),
                        text: o.text.clone(),
                        span: ByteSpan {
                            start: o.start,
                            end: o.end,
                        },
                        speaker: o.speaker.clone(),
                        quoted: o.quoted,
                        date: d.meta.date.clone(),
                    });
                }
            }
            out
        })
        .collect();
    hits.sort_by(|p, q| {
        (p.date.is_none(), &p.date, &p.id, p.span.start).cmp(&(
            q.date.is_none(),
            &q.date,
            &q.id,
            q.span.start,
        ))
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_by_top_bits_is_sorting() {
        // A fixed pseudo-random sequence (xorshift): hashes over the whole range, document
        // numbers in a narrow one, many repeats, and keys all equal.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let hashes: Vec<(u64, u32)> = (0..50_000)
            .map(|_| (next(), (next() % 300) as u32))
            .collect();
        let links: Vec<u64> = (0..40_000)
            .map(|_| (next() % 2_000) << 32 | (next() % 2_000))
            .collect();
        let repeats: Vec<(u64, u32)> = (0..9_000).map(|_| (next() % 5, 7)).collect();
        let equal: Vec<u64> = vec![42; 5_000];
        let mut small: Vec<u64> = (0..100).map(|_| next()).collect();
        for mut v in [hashes, repeats] {
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_by_top_bits(&mut v, |p| p.0);
            assert_eq!(v, expected);
        }
        for mut v in [links, equal] {
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_by_top_bits(&mut v, |&l| l);
            assert_eq!(v, expected);
        }
        let mut expected = small.clone();
        expected.sort_unstable();
        sort_by_top_bits(&mut small, |&l| l);
        assert_eq!(small, expected);
    }

    fn doc(id: &str, text: &str, date: Option<&str>) -> ScanDoc {
        ScanDoc::new(
            id,
            Article::from_text(id, text),
            Meta {
                date: date.map(str::to_string),
                ..Meta::default()
            },
        )
    }

    #[test]
    fn candidates_need_two_shared_ngrams_under_the_cap() {
        let lists = vec![vec![1, 2, 3], vec![2, 3, 9], vec![3, 7], vec![1, 7, 8]];
        assert_eq!(candidates(&lists, 100, 2), vec![(0, 1)]);
        assert_eq!(
            candidates(&lists, 100, 1),
            vec![(0, 1), (0, 2), (0, 3), (1, 2), (2, 3)]
        );
        // With a cap of 2, n-gram 3 (in three documents) links nobody.
        assert_eq!(candidates(&lists, 2, 1), vec![(0, 1), (0, 3), (2, 3)]);
    }

    #[test]
    fn a_reprint_is_found_with_its_source_and_passage() {
        let story = "The central bank raised its main interest rate by half a point on \
                     Tuesday. Analysts had expected a smaller rise after weak retail figures.";
        let a = doc("wire/1.txt", story, Some("2005-01-02"));
        let b = doc(
            "paper/7.txt",
            &format!("Local news first.\n\n{story} The mayor did not comment."),
            Some("2005-01-03"),
        );
        let r = pair_record(&a, &b, &Options::default()).expect("a shared passage");
        assert_eq!((r.a.as_str(), r.b.as_str()), ("paper/7.txt", "wire/1.txt"));
        assert_eq!(r.source.as_deref(), Some("wire/1.txt"));
        assert_eq!(r.verbatim, 2);
        assert_eq!(r.shared_b, 1.0);
        assert!(r.shared_a > 0.5 && r.shared_a < 1.0, "{}", r.shared_a);
        assert_eq!(r.passages.len(), 1);
        let p = &r.passages[0];
        assert_eq!(p.kind, "verbatim");
        assert_eq!(&b.document.article.text[p.a.start..p.a.end], story);
        assert_eq!(&a.document.article.text[p.b.start..p.b.end], story);
        // The same record whichever way round.
        assert_eq!(pair_record(&b, &a, &Options::default()), Some(r));
    }

    #[test]
    fn a_quote_is_found_in_every_wording_earliest_first() {
        let docs = vec![
            doc(
                "late.txt",
                "\u{201c}We will not raise taxes this year,\u{201d} the minister said on Friday.",
                Some("2005-02-01"),
            ),
            doc(
                "early.txt",
                "The minister said \u{201c}we will not raise taxes\u{201d} at the meeting.",
                Some("2005-01-01"),
            ),
            doc(
                "plain.txt",
                "The minister said we will not raise taxes this year, again.",
                None,
            ),
            doc(
                "other.txt",
                "Rain is expected across the north on Friday.",
                None,
            ),
        ];
        let hits = find_quote("We will not raise taxes this year", &docs);
        let got: Vec<(&str, &str)> = hits
            .iter()
            .map(|h| (h.id.as_str(), h.status.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("early.txt", "partial"),
                ("late.txt", "exact"),
                ("plain.txt", "unquoted"),
            ]
        );
        assert_eq!(hits[1].speaker.as_deref(), Some("the minister"));
        assert!(!hits[2].quoted);
    }

    #[test]
    fn unrelated_articles_give_no_record() {
        let a = doc(
            "a",
            "The harvest was late this year in the northern valleys.",
            None,
        );
        let b = doc(
            "b",
            "A new stadium opens downtown with twenty thousand seats.",
            None,
        );
        assert_eq!(pair_record(&a, &b, &Options::default()), None);
    }
}

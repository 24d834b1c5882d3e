//! Stage 6, classify: quotations. A [`Document`] gives its [`Quote`]s ([`extract`]): every
//! quotation with its span, its speaker and whether it is a scare-quoted term; a list of
//! documents gives [`QuoteMatch`]es ([`match_quotes`]): each quotation once, with every
//! occurrence in every article and what a fact-checker asks of it: is it the same everywhere
//! (`exact`), were words changed (`altered`, with the word diff), cut (`partial`), used without
//! quote marks (`unquoted`), credited to someone else (`misattributed`), or is it in one article
//! only (`unmatched`).
//!
//! # Extraction
//! Quote marks are paired in two passes over the text, a paragraph-bounded stack each:
//! curly marks and guillemets first (“…” ‘…’ „…“ „…” ‚…‘ «…» »…« ‹…›), then straight ones ("…"
//! '…'), which may nest inside a curly pair or around one but never cross one; so a stray `"`
//! cannot pair across two curly quotations. Two apostrophes or two single curly marks are one
//! double mark (''…'', ‘‘…’’); a double mark left unpaired by both passes pairs with one of the
//! other family (`"…”`), never across a pair already found. Whether a mark opens or closes comes from its
//! neighbours (a space before and a letter after opens); an apostrophe is never a quote mark
//! (Daesh’s, don’t, ’90s, rock ’n’ roll, and "the Times’" unless a single quote is open). A
//! quote runs over several sentences, and over paragraphs only by the news convention: the
//! paragraph ends with the quote still open and the next paragraph opens with the same mark
//! (also when the paragraphs were flattened onto one line: `…26 weeks. "We are going…"`, as in
//! the BBC corpus). Anything else that stays open is dropped at the end of its paragraph, and no
//! quote runs longer than [`MAX_QUOTE_BYTES`], so an unbalanced mark never swallows the
//! article. One pass over the marks with a bounded stack: linear in the text.
//!
//! Speakers come from [`super::speaker`]: an attribution before the quote (back to the previous
//! statement quote in the sentence), else after it when the quote ends the way an attributed
//! quote does (`,” he said`), else in a short sentence right after a quote ending in "?" or "!".
//! "He"/"she" is whoever was named last (an earlier speaker, or a person a sentence opens
//! with); a statement that opens a sentence with no attribution of its own continues the
//! speaker of the quote just before it (“We know Daesh’s movements.” after Adnan's quote), or
//! the person the sentence before says spoke. Unknown stays `None`.
//!
//! A quotation interrupted by its attribution (`“…,” the senator said on Tuesday, “…”`, or
//! `"…," he said. "And frankly, …"` across the attribution's full stop) is matched as one: the
//! first part carries the words of both.
//!
//! A short quote (at most [`MAX_TERM_WORDS`] words, not opening its sentence, not after a colon,
//! not a question or exclamation) is a term: “bombshell”, mere “headaches.”, "solid evidence".
//! So is a title in Title Case inside a sentence of prose (“State of the Union”, “The Rachel
//! Maddow Show”, "Back to the Future"), and a title is credited to no one.
//!
//! # Matching
//! Word keys ([`crate::normalize::key`], from the tokens) of every top-level quote are indexed
//! by word trigrams (and bigrams for two-word quotes); candidates that share them are
//! word-diffed once, in an order fixed by their words (not by article order), so `compare B A`
//! gives the statuses `compare A B` gives. Quotes join when identical (also within one
//! article), when one is a fragment of the other (within one article too), or, across
//! articles, when one is the other altered: most words equal, the shared words carrying
//! meaning and close together; a bracketed insertion ("Daesh (ISIS)") is an alteration, and an
//! ellipsis is a cut. Words are matched by a key that ignores possessive and figure spellings
//! ("Jones's" / "Jones'", "3.4million" / "3.4 million"); a name shared ("the Republican
//! National Committee") is one word in common however long it is. Joins are made closest
//! first, and one that would put two different quotations of one article (neither the same
//! words nor one a fragment of the other) into one group is refused: one entry, one
//! quotation. Terms join other quotes only when identical. A group quoted in one
//! article only is then looked for in the other articles' own text (outside their quotes)
//! through the same trigram index: a run of [`MIN_UNQUOTED_RUN`] words or more is an unquoted
//! use. Misattribution needs two named speakers (not relayed by "reported" or "according to")
//! that differ, on quotes with the same or altered words of comparable length; never on terms.
//! Nested quotes are part of their outer quote's words and are not matched on their own.
//!
//! # Wire format
//! `compare --format json` writes the matches as its `quotes` (`report::json`, `docs/json.md`):
//! `start`/`end` are byte offsets into the original text of article `doc`, `text ==
//! article[start..end]`; `diff` is empty unless the status is `altered` or `partial`, and its
//! sides are `{start, end, text}` or null, as an alignment's.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::align::EditOp;
use crate::align::worddiff;
use crate::classify::speaker::{self, SpeakerKind};
use crate::key::Key;
use crate::span::Span;
use crate::tokenize::{self, Document, TokenKind};

/// One quotation in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// Index of the article in the compared list.
    pub doc: usize,
    /// The quoted words without the quote marks (white space and a trailing comma trimmed:
    /// `“It was Daesh,” he said` gives `It was Daesh`); byte offsets into the original text.
    pub span: Span,
    /// The same including the quote marks.
    pub outer: Span,
    /// Who the article credits the quote to, as written; `None` when unknown.
    pub speaker: Option<String>,
    /// How the speaker was found; `None` when unknown.
    pub method: Option<SpeakerMethod>,
    /// A short scare-quoted term ("bombshell", "solid evidence") or a title in Title Case
    /// ("State of the Union"), not a statement.
    pub term: bool,
    /// Indices of the sentences ([`Document::sentences`]) the quote overlaps.
    pub sentences: Vec<usize>,
}

/// How a quote's speaker was found, so a reader can judge it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum SpeakerMethod {
    /// Named in the quote's own sentence ("…,” Adnan told the Times", "said a spokesman").
    Named,
    /// A pronoun ("he said") resolved to the person named before it.
    Pronoun,
    /// Carried from the quote before, or from the sentence before that says who spoke.
    Carried,
}

/// How a quotation compares across articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum QuoteStatus {
    /// The same words (after normalization) wherever it is quoted.
    Exact,
    /// Words inserted, removed or changed; an ellipsis in one version shows as a cut.
    Altered,
    /// One version is a fragment of another.
    Partial,
    /// Quoted in one article; its words are in another without quote marks.
    Unquoted,
    /// The same words credited to different speakers.
    Misattributed,
    /// In one article only.
    Unmatched,
}

/// One place a quotation occurs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Occurrence {
    /// Index of the article.
    pub doc: usize,
    /// First byte of the words (after the opening quote mark), in the article's original text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Exactly `text[start..end]` of the article.
    pub text: String,
    /// Who this article credits it to.
    pub speaker: Option<String>,
    /// How the speaker was found (`named`, `pronoun`, `carried`); `None` when unknown.
    pub speaker_method: Option<SpeakerMethod>,
    /// False for an unquoted occurrence: the words without quote marks.
    pub quoted: bool,
    /// The occurrence is a scare-quoted term.
    pub term: bool,
    /// For a quotation interrupted by its attribution (`“…,” the senator said, “…”`), where
    /// each part's words stand, in order, all within `start..end`; empty for a quotation in
    /// one part. Not written to JSON.
    #[serde(skip)]
    pub parts: Vec<Span>,
}

/// Shown between the parts of a quotation interrupted by its attribution.
pub const PART_GAP: &str = " … ";

impl Occurrence {
    /// The words as a reader should see them: `text`, or for a quotation interrupted by its
    /// attribution its parts joined by [`PART_GAP`] (the attribution between left out).
    pub fn shown(&self) -> Cow<'_, str> {
        let piece = |p: &Span| {
            p.start
                .checked_sub(self.start)
                .zip(p.end.checked_sub(self.start))
                .and_then(|(a, b)| self.text.get(a..b))
        };
        let pieces: Option<Vec<&str>> = self.parts.iter().map(piece).collect();
        match pieces {
            Some(pieces) if pieces.len() > 1 => Cow::Owned(pieces.join(PART_GAP)),
            _ => Cow::Borrowed(&self.text),
        }
    }
}

impl QuoteMatch {
    /// A term in quote marks that more than one article carries, every occurrence a term
    /// ("epidemic", "put option"): the same word or two in scare quotes, not a quotation
    /// shared. Reports list these apart from shared quotations ([`crate::Analysis::shared_terms`]).
    /// A group where one article quotes the words as part of a statement stays a quotation.
    pub fn is_shared_term(&self) -> bool {
        self.status != QuoteStatus::Unmatched
            && !self.occurrences.is_empty()
            && self.occurrences.iter().all(|o| o.quoted && o.term)
    }

    /// The quote as a reader should see it: [`QuoteMatch::text`], or, when that is a quotation
    /// interrupted by its attribution, its parts joined by [`PART_GAP`] ([`Occurrence::shown`]).
    pub fn shown(&self) -> Cow<'_, str> {
        self.occurrences
            .iter()
            .find(|o| o.quoted && o.text == self.text)
            .map_or(Cow::Borrowed(self.text.as_str()), Occurrence::shown)
    }
}

/// One run of the word diff between the first occurrence and a differing one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiffPiece {
    /// Equal, delete (only in the first occurrence), insert (only in the other), replace.
    pub op: EditOp,
    /// The words as written in the first occurrence (`""` for an insert).
    pub left: String,
    /// The words as written in the other occurrence (`""` for a delete).
    pub right: String,
    /// Where `left` stands in its article; `None` for an insert.
    pub left_span: Option<Span>,
    /// Where `right` stands in its article; `None` for a delete.
    pub right_span: Option<Span>,
}

/// A quotation across all compared articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteMatch {
    /// The quote as written in its first quoted occurrence.
    pub text: String,
    /// How it compares.
    pub status: QuoteStatus,
    /// Every occurrence, ordered by (doc, start).
    pub occurrences: Vec<Occurrence>,
    /// Word diff between the first quoted occurrence and a differing one; empty unless the
    /// status is `altered` or `partial`.
    pub diff: Vec<DiffPiece>,
    /// The two occurrences `diff` compares, as indices into `occurrences` (left, right);
    /// `None` when `diff` is empty.
    pub diff_occurrences: Option<[usize; 2]>,
    /// Every other wording against one reference: for each distinct wording among the quoted
    /// occurrences other than the first quoted occurrence's, the word diff to the wording's
    /// first occurrence from the first quoted occurrence, or, when those two share no direct
    /// relation (a group joined through fragments), from the earliest wording before it that
    /// does; in the order of the occurrences. One diff per wording (never one per pair of
    /// occurrences), so a quote repeated a thousand times in two wordings has one. Empty
    /// unless the status is `altered`, `partial` or `misattributed`.
    pub diffs: Vec<OccurrenceDiff>,
}

/// The word diff between two occurrences of one quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OccurrenceDiff {
    /// The two occurrences compared, as indices into the quote's `occurrences`: the reference
    /// and the other wording.
    pub occurrences: [usize; 2],
    /// The word runs from the reference to the other wording.
    pub diff: Vec<DiffPiece>,
}

/// Longest a quotation may run, in bytes from its opening mark to its closing mark: an opening
/// mark with no partner within this distance opens nothing.
pub const MAX_QUOTE_BYTES: usize = 8 * 1024;

/// Most blocks (paragraphs, or lines with a hard break) one quotation may run over by the
/// multi-paragraph convention.
pub const MAX_QUOTE_BLOCKS: usize = 12;

/// Most words a scare-quoted term has.
pub const MAX_TERM_WORDS: usize = 3;

/// Fewest consecutive words a quote must share with another article's own text (outside its
/// quote marks) to be reported as used there unquoted.
pub const MIN_UNQUOTED_RUN: usize = 6;

/// Fewest shared words of an unquoted use that are neither function words nor names
/// (measured on PolNeAR cross-outlet groups: uses with two or fewer were stock phrases, "declared
/// the winner in New Hampshire", "what is best for the American people").
const MIN_UNQUOTED_CONTENT_WORDS: usize = 3;

/// Fewest consecutive words of an unquoted use that stand on their own. A shorter run (of
/// [`MIN_UNQUOTED_RUN`] words or more) is a use only in a sentence that reports someone's words
/// ("They claim … that nearly two-thirds of people with …", "Twitter said violent threats and
/// the promotion of terrorism …"), and not when that sentence names someone else than the
/// quote's speaker: a run this short in the writer's own narration is a stock phrase ("the
/// investigation into Hillary Clinton's use of a personal email server", told by "The FBI
/// said", against the committee chairmen's letter, PolNeAR wash-post_2016-07-13).
const MIN_UNQUOTED_RUN_ALONE: usize = 8;

/// Most opening marks waiting for a partner at once; beyond it the oldest is forgotten.
const MAX_OPEN_MARKS: usize = 32;

/// Bytes of text before and after a quote searched for its attribution.
const ATTRIBUTION_WINDOW: usize = 600;

/// At most this many bytes of punctuation between a sentence start and a quote for the quote
/// to count as opening its sentence.
const MAX_BLANK_SCAN: usize = 64;

/// Most words of a sentence that attributes the quote ending the sentence before it.
const MAX_NEXT_SENTENCE_WORDS: usize = 8;

/// Sentences back that "he said" looks for the speaker it refers to.
const PRONOUN_LOOKBACK: usize = 6;

/// Earlier quotes' speakers kept as candidates for "he" and "she".
const MAX_RECENT_SPEAKERS: usize = 16;

/// Share of the shorter quote's words that must be equal for two quotes to be one altered.
const ALTERED_MIN_SHARE: f64 = 0.6;

/// Shortest run of equal words in two quotes that are one altered (longer quotes need a run of
/// a quarter of their words).
const ALTERED_MIN_RUN: usize = 3;

/// A quote shorter than this is one quote altered only when all but one of its words match.
const SHORT_QUOTE_WORDS: usize = 8;

/// Shared content words (not function words) two quotes need to be one quote altered: all
/// but one of the shorter quote's, up to this many.
const MIN_SHARED_CONTENT_WORDS: usize = 3;

/// Words of its own each of two quotes has at one end when they are two quotations sharing a
/// phrase, not one altered.
const DIVERGING_WORDS: usize = 3;

/// Share of a part of an interrupted quotation that must be in another quote for the two to be
/// matched through that part alone (see `relate_parts`).
const PART_MIN_SHARE: f64 = 0.8;

/// A trigram found in more quotes than this proposes nothing (boilerplate).
const MAX_POSTINGS: usize = 64;

/// Candidate quotes diffed per quote.
const MAX_CANDIDATES: usize = 8;

/// Largest gap, in words, between two trigram hits of one unquoted use.
const MAX_UNQUOTED_GAP: usize = 8;

/// Words after an apostrophe that make it an elision, not an opening quote: 'em, 'til,
/// rock 'n' roll. Sorted.
const ELISIONS: &[&str] = &[
    "bout", "cause", "em", "n", "nuff", "round", "til", "tis", "twas",
];

// ---------------------------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------------------------

/// The quotations of one article, ordered by where they open; nested quotes follow the quote
/// that holds them. `doc_index` is the article's index in the compared list.
pub fn extract(doc: &Document, doc_index: usize) -> Vec<Quote> {
    extract_found(doc, doc_index)
        .into_iter()
        .map(|f| f.quote)
        .collect()
}

/// One word of a quote, for matching.
#[derive(Clone, Debug)]
struct QWord<'d> {
    key: Cow<'d, str>,
    /// `key` interned: quote words are matched by number, not by text.
    id: Key,
    span: Span,
    /// Inside brackets within the quote: an editor's insertion ("Daesh (ISIS)").
    bracketed: bool,
    /// Capitalised inside a sentence of the quote: part of a name ("the Republican National
    /// Committee").
    name: bool,
    /// Written with a capital, wherever it stands.
    capital: bool,
}

/// What matching knows of one quote word besides its key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Mark {
    bracketed: bool,
    name: bool,
    capital: bool,
}

/// A quote with what extraction and matching need to know about it.
#[derive(Clone, Debug)]
struct Found<'d> {
    quote: Quote,
    nested: bool,
    /// Sentences of the opening and the closing mark.
    first: usize,
    last: usize,
    starts_sentence: bool,
    ends_sentence: bool,
    /// The quoted words end the way a quote followed by its attribution does (`,” he said`).
    open_ended: bool,
    words: Vec<QWord<'d>>,
    /// The words shown for it across articles: its own, or for a quotation interrupted by its
    /// attribution, from the first word of its first part to the last of its last (the
    /// attribution between included, as the article has it).
    whole: Span,
    /// For a quotation interrupted by its attribution, where each part after the first begins
    /// in `words`; empty for a quotation in one part.
    parts: Vec<usize>,
    /// For a quotation interrupted by its attribution, the words of each part (as `quote.span`
    /// is for one); empty for a quotation in one part.
    part_spans: Vec<Span>,
    /// A title in Title Case ("State of the Union", "The Rachel Maddow Show"): a term, never
    /// credited to a speaker (see [`title`]).
    title: bool,
    /// Speaker from a named attribution (direct, or continued from one), not relayed.
    certain: bool,
    kind: Option<SpeakerKind>,
}

fn extract_found(doc: &Document, doc_index: usize) -> Vec<Found<'_>> {
    let text = doc.article.text.as_str();
    if doc.sentences.is_empty() {
        return Vec::new();
    }
    let blocks = blocks(doc);
    let pairs = find_pairs(text, &blocks);
    let mut found: Vec<Found<'_>> = Vec::with_capacity(pairs.len());
    let mut open_ends: Vec<usize> = Vec::new();
    for p in pairs {
        let outer = Span::new(p.open.start, p.close.end);
        while open_ends.last().is_some_and(|&e| e <= outer.start) {
            open_ends.pop();
        }
        let nested = !open_ends.is_empty();
        open_ends.push(outer.end);
        if let Some(f) = build(
            doc,
            doc_index,
            outer,
            Span::new(p.open.end, p.close.start),
            nested,
        ) {
            found.push(f);
        }
    }
    attribute(doc, &mut found);
    join_interrupted(doc, &mut found);
    found
}

/// A quotation interrupted by its attribution is one quotation: `“The economy is rigged,” the
/// senator said on Tuesday, “and we will change that.”` The first part takes the words of the
/// second for matching; the second is matched only as part of it.
fn join_interrupted(doc: &Document, found: &mut [Found<'_>]) {
    let text = doc.article.text.as_str();
    let top: Vec<usize> = (0..found.len()).filter(|&i| !found[i].nested).collect();
    // The part that holds the words of the parts joined to it so far (`"…," he said. "…," he
    // added. "…"` is one quotation in three parts).
    let mut head: Option<usize> = None;
    for (n, pair) in top.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let (first, second) = (&found[a], &found[b]);
        let between = Span::new(first.quote.outer.end, second.quote.outer.start);
        let Some(gap) = text.get(between.start..between.end) else {
            head = None;
            continue;
        };
        // In one sentence (`“…,” the senator said, “…”`), or across the full stop that ends
        // the attribution when the quotation goes on in the next sentence (`"…enjoy them,"
        // Nogar's son Stephen, 57, said. "And frankly, we could use the money."`, BBC News).
        // A part that quotes someone else in turn (a tweet quoting Clinton) is kept apart, so
        // that the statement it quotes is matched as that person's.
        let same_sentence = second.first == first.last && gap.trim_end().ends_with([',', ':']);
        let quotes_inside = top
            .get(n + 2)
            .map_or(found.len(), |&next| next)
            .min(found.len())
            > b + 1;
        let next_sentence = second.first == first.last + 1
            && second.starts_sentence
            && gap.trim_end().ends_with('.')
            && bare_attribution(gap)
            && !quotes_inside;
        // A second part credited on its own to someone else is another person's answer
        // (`"…," Paul argued.` / `"I know that Rand is …," Rubio said in response.`, PolNeAR
        // huff-post_2015-11-11; `"…," Clinton said. "Grizzly Adams?" Maddow repeated.`).
        let own_speaker = match (&first.quote.speaker, &second.quote.speaker) {
            (a, Some(b)) => {
                second.quote.method != Some(SpeakerMethod::Carried)
                    && a.as_ref().is_none_or(|a| !speaker::same_speaker(a, b))
            }
            _ => false,
        };
        let interrupted = first.open_ended
            && !first.quote.term
            && !second.quote.term
            && !own_speaker
            && (same_sentence || next_sentence)
            && gap.len() <= ATTRIBUTION_WINDOW
            && speaker::after(text, between).is_some();
        if !interrupted {
            head = None;
            continue;
        }
        let into = *head.get_or_insert(a);
        let words = found[b].words.clone();
        let at = found[into].words.len();
        found[into].parts.push(at);
        if found[into].part_spans.is_empty() {
            let first_part = found[into].quote.span;
            found[into].part_spans.push(first_part);
        }
        let part = found[b].quote.span;
        found[into].part_spans.push(part);
        found[into].words.extend(words);
        found[into].whole.end = found[b].quote.span.end;
        found[b].nested = true;
    }
}

/// True when `gap` is an attribution and nothing more: its verb of saying first or last
/// ("said Rubio.", "Nogar's son Stephen, 57, said."), so that a quote after it goes on with the
/// same words. A gap that tells more ("told the Times, using the Arabic acronym for ISIS.")
/// leaves the next quote a statement of its own.
fn bare_attribution(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let verb = |w: Option<&&str>| {
        w.is_some_and(|w| {
            speaker::ATTRIBUTION_VERBS
                .binary_search(&w.to_lowercase().as_str())
                .is_ok()
        })
    };
    words.len() <= speaker::MAX_FILLER_WORDS && (verb(words.first()) || verb(words.last()))
}

/// Builds a quote from its marks; `None` when nothing alphanumeric is quoted.
fn build<'d>(
    doc: &'d Document,
    doc_index: usize,
    outer: Span,
    raw: Span,
    nested: bool,
) -> Option<Found<'d>> {
    let text = doc.article.text.as_str();
    let inner = raw.slice(text);
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return None;
    }
    let start = raw.start + lead;
    // `'Aren't we clever?'"`: the punctuation inside a nested quote's closing mark counts.
    let open_ended = trimmed
        .trim_end_matches(is_mark)
        .ends_with([',', '!', '?', '\u{2014}', '\u{2013}', '\u{2026}', '-', ':']);
    let kept = match trimmed.strip_suffix(',') {
        Some(t) => t.trim_end(),
        None => trimmed,
    };
    let span = Span::new(start, start + kept.len());
    let first = sentence_at(doc, outer.start);
    let last = sentence_at(doc, outer.end.saturating_sub(1).max(outer.start));
    let (a, b) = (
        sentence_at(doc, span.start),
        sentence_at(doc, span.end.saturating_sub(1).max(span.start)),
    );
    let sentences: Vec<usize> = (a..=b)
        .filter(|&i| {
            let s = doc.sentences[i].span;
            s.start < span.end && span.start < s.end
        })
        .collect();
    let words = quote_words(doc, span, a, b);
    let sent_first = doc.sentences[first].span;
    let sent_last = doc.sentences[last].span;
    let starts_sentence = blank_between(text, sent_first.start, outer.start);
    let ends_sentence = blank_between(text, outer.end, sent_last.end.max(outer.end));
    let after_colon = text
        .get(..outer.start)
        .is_some_and(|before| before.trim_end().ends_with(':'));
    let word_count = words
        .iter()
        .filter(|w| w.key.chars().any(char::is_alphanumeric))
        .count();
    // A quote that opens its sentence and runs on into its attribution is said, whatever its
    // case ("“In Fisher,” Dean Amar said, “even though …”", PolNeAR nyt_2016-06-29).
    let said = starts_sentence && open_ended;
    let title = a == b && !said && title(doc, kept, outer, &words, first);
    let term = title
        || (word_count <= MAX_TERM_WORDS
            && !starts_sentence
            && !after_colon
            && !kept.ends_with(['!', '?']));
    Some(Found {
        quote: Quote {
            doc: doc_index,
            span,
            outer,
            speaker: None,
            method: None,
            term,
            sentences,
        },
        nested,
        first,
        last,
        starts_sentence,
        ends_sentence,
        open_ended,
        words,
        whole: span,
        parts: Vec::new(),
        part_spans: Vec::new(),
        title,
        certain: false,
        kind: None,
    })
}

/// Words a title leaves in small letters ("State of the Union", "Back to the Future", "Flip
/// the Script with Liz Plank"). Sorted.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "de", "for", "from", "in", "into", "nor", "of",
    "on", "or", "over", "the", "to", "vs", "with",
];

/// Whether a quote (`kept`, its words, `outer` with its marks, in sentence `sentence`) is the
/// title of a programme or a work, or a name in Title Case, not words someone said: "…Sanders
/// said during an interview on CNN's "State of the Union" Sunday" (PolNeAR
/// huff-post_2016-01-17), "This Week With George Stephanopoulos", "The Rachel Maddow Show",
/// "Back to the Future". Two to seven words, every one capitalised but the small words of a
/// title ([`TITLE_SMALL_WORDS`]), its first and last capitalised, some small letters (a line
/// in capitals is shouted, not a title); no sentence punctuation inside (a full stop may end
/// it); not opening with a pronoun ("I Think She Will.", "That’s Jeb Bush and Marco Rubio."
/// are said), nor a person's first name with no small word ("Donald Trump."); and the
/// sentence around it is not itself in headline case: outside the quote it has a word in small
/// letters that is not a function word ("Bernie Sanders: "It Is Not A Radical Idea"" is a
/// headline quoting him). A quote that opens its sentence and runs on into its attribution is
/// never a title (checked by the caller).
fn title(doc: &Document, kept: &str, outer: Span, words: &[QWord<'_>], sentence: usize) -> bool {
    let text = doc.article.text.as_str();
    let words: Vec<&QWord<'_>> = words
        .iter()
        .filter(|w| w.key.chars().any(char::is_alphanumeric))
        .collect();
    if !(2..SHORT_QUOTE_WORDS).contains(&words.len()) {
        return false;
    }
    let inside = kept.strip_suffix('.').unwrap_or(kept);
    if inside.contains(['.', '!', '?', ';']) || !kept.chars().any(char::is_lowercase) {
        return false;
    }
    let capital = |w: &QWord<'_>| {
        w.span
            .slice(text)
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    let small = |w: &QWord<'_>| TITLE_SMALL_WORDS.binary_search(&w.key.as_ref()).is_ok();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if !capital(first) || !capital(last) || !words.iter().all(|w| capital(w) || small(w)) {
        return false;
    }
    let key = first.key.as_ref();
    let pronoun = speaker::PRONOUNS.contains(&key)
        || key.split_once('\'').is_some_and(|(head, tail)| {
            matches!(tail, "s" | "re" | "m" | "ll" | "ve" | "d")
                && matches!(
                    head,
                    "that" | "it" | "there" | "what" | "i" | "we" | "you" | "he" | "she" | "they"
                )
        });
    let first_name = !words.iter().any(|w| small(w))
        && (speaker::MALE_NAMES.binary_search(&key).is_ok()
            || speaker::FEMALE_NAMES.binary_search(&key).is_ok());
    if pronoun || first_name {
        return false;
    }
    // The sentence around the quote, without it.
    let Some(s) = doc.sentences.get(sentence) else {
        return false;
    };
    let before = text
        .get(s.span.start..outer.start.max(s.span.start))
        .unwrap_or("");
    let after = text
        .get(outer.end.min(s.span.end)..s.span.end)
        .unwrap_or("");
    // A headline leaves only function words in small letters ("Clinton Cash Debunks Hillary:
    // Only ‘One or Two Instances’ where Donations …", PolNeAR breitbart_2016-06-09); a
    // sentence of prose has a word of content in small letters ("said", "interview").
    before
        .split_whitespace()
        .chain(after.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .any(|w| {
            w.chars().count() >= 2
                && w.chars().all(char::is_alphabetic)
                && w.chars().all(char::is_lowercase)
                && !tokenize::is_stopword(w)
        })
}

/// The sentence holding byte `pos` (or the nearest one after it).
fn sentence_at(doc: &Document, pos: usize) -> usize {
    let i = doc.sentences.partition_point(|s| s.span.end <= pos);
    i.min(doc.sentences.len().saturating_sub(1))
}

/// True when `text[a..b]` is short and holds no letter or digit.
fn blank_between(text: &str, a: usize, b: usize) -> bool {
    b >= a
        && b - a <= MAX_BLANK_SCAN
        && text
            .get(a..b)
            .is_some_and(|s| !s.chars().any(char::is_alphanumeric))
}

/// Words, numbers and signs of the quote, with their keys, from the document's tokens.
fn quote_words(doc: &Document, span: Span, a: usize, b: usize) -> Vec<QWord<'_>> {
    let text = doc.article.text.as_str();
    let mut out = Vec::new();
    let mut depth = 0usize;
    for s in a..=b {
        let toks = &doc.tokens[s];
        let from = toks.partition_point(|t| t.span().start < span.start);
        // The first word of the quote and of each of its sentences is capitalised anyway.
        let mut opening = true;
        let mut skip = 0;
        for (k, t) in toks.iter().enumerate().skip(from) {
            if t.span().end > span.end {
                break;
            }
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if t.key.as_str() == "(" && initials_gloss(text, &toks[k..], &out) {
                // "(EA)" and its closing bracket: two more tokens.
                skip = 2;
                continue;
            }
            match t.kind {
                TokenKind::Punct => match t.key.as_str() {
                    "(" | "[" => depth += 1,
                    ")" | "]" => depth = depth.saturating_sub(1),
                    "." | "!" | "?" | ":" | ";" | "\u{2014}" | "-" | "--" => opening = true,
                    _ => {}
                },
                TokenKind::Word | TokenKind::Number | TokenKind::Sign => {
                    let written = t.span().slice(text);
                    let name = !opening
                        && written.starts_with(char::is_uppercase)
                        && !(t.key.as_str() == "i" || t.key.as_str().starts_with("i'"));
                    opening = false;
                    let (key, scale) = match_key(&t.key);
                    let id = if *key == *t.key.as_str() {
                        t.key
                    } else {
                        Key::new(&key)
                    };
                    out.push(QWord {
                        key,
                        id,
                        span: t.span(),
                        bracketed: depth > 0,
                        name,
                        capital: written.starts_with(char::is_uppercase),
                    });
                    if let Some(scale) = scale {
                        out.push(QWord {
                            key: Cow::Borrowed(scale),
                            id: Key::new(scale),
                            span: t.span(),
                            bracketed: depth > 0,
                            name: false,
                            capital: false,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Whether `toks` (starting at an opening bracket) is `(XY)`: a word in capitals whose
/// letters are the initials of the name words just before it, the writer's gloss of a name
/// ("companies like Electronic Arts (EA), which …", BBC business/254, where business/447
/// quotes Mr Chernin without it). A gloss changes none of the speaker's words.
fn initials_gloss(text: &str, toks: &[crate::Token], before: &[QWord<'_>]) -> bool {
    let [_, word, close, ..] = toks else {
        return false;
    };
    if close.key.as_str() != ")" || word.kind != TokenKind::Word {
        return false;
    }
    let letters: Vec<char> = word.span().slice(text).chars().collect();
    if !(2..=5).contains(&letters.len()) || !letters.iter().all(char::is_ascii_uppercase) {
        return false;
    }
    let Some(names) = before.len().checked_sub(letters.len()) else {
        return false;
    };
    before[names..]
        .iter()
        .zip(&letters)
        .all(|(w, c)| w.span.slice(text).starts_with(*c))
}

/// The key a quote's word is matched by, so that spellings of one word are no alteration
/// (issue 9): a possessive without its "s" ("Jones's" / "Jones'"), a scale word in one form
/// ("m" / "million"), and a figure with its scale written on ("3.4million" / "3.4 million"),
/// which gives the figure and its scale word.
fn match_key(key: &str) -> (Cow<'_, str>, Option<&'static str>) {
    let scale = |s: &str| -> Option<&'static str> {
        match s {
            "m" | "mn" | "million" => Some("million"),
            "bn" | "billion" => Some("billion"),
            "k" | "thousand" => Some("thousand"),
            "tn" | "trillion" => Some("trillion"),
            _ => None,
        }
    };
    if key.starts_with(|c: char| c.is_ascii_digit()) {
        let split = key
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(key.len());
        // "30,000" and "30000" are one figure: thousands separators dropped.
        let figure = &key[..split];
        let figure = if figure.contains(',') {
            Cow::Owned(figure.replace(',', ""))
        } else {
            Cow::Borrowed(figure)
        };
        if let Some(word) = scale(&key[split..]) {
            return (figure, Some(word));
        }
        if split == key.len() {
            return (figure, None);
        }
        return (Cow::Borrowed(key), None);
    }
    if let Some(word) = scale(key) {
        return (Cow::Borrowed(word), None);
    }
    let stem = key
        .strip_suffix("'s")
        .or_else(|| key.strip_suffix('\''))
        .filter(|s| !s.is_empty());
    let word = stem.unwrap_or(key);
    match american_spelling(word) {
        Some(spelled) => (Cow::Owned(spelled), None),
        None => (Cow::Borrowed(word), None),
    }
}

/// The American spelling of a British one, for the endings where the two differ regularly
/// ("judgement" / "judgment", "organisation" / "organization", "labour" / "labor", "centre" /
/// "center", "travelled" / "traveled", "defence" / "defense", "analyse" / "analyze"), or
/// `None` when the word has none of them. A quotation copied by a paper in the other
/// spelling is the same words (BBC politics/221 and 368: Charles Clarke's "studying the
/// judgment carefully" / "judgement"). Two different words that end up spelled alike only make
/// an alteration go unreported, never a false one.
fn american_spelling(word: &str) -> Option<String> {
    const WHOLE: [(&str, &str); 5] = [
        ("programme", "program"),
        ("programmes", "programs"),
        ("grey", "gray"),
        ("tyre", "tire"),
        ("tyres", "tires"),
    ];
    if let Some((_, us)) = WHOLE.iter().find(|(uk, _)| *uk == word) {
        return Some((*us).to_owned());
    }
    if word.len() < 5 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // (British ending, American ending, letters the word must keep before the ending).
    const ENDINGS: [(&str, &str, usize); 26] = [
        ("dgement", "dgment", 1),
        ("dgements", "dgments", 1),
        ("isation", "ization", 3),
        ("isations", "izations", 3),
        ("ise", "ize", 3),
        ("ised", "ized", 3),
        ("ises", "izes", 3),
        ("ising", "izing", 3),
        ("yse", "yze", 3),
        ("ysed", "yzed", 3),
        ("ysing", "yzing", 3),
        ("our", "or", 3),
        ("ours", "ors", 3),
        ("oured", "ored", 3),
        ("ouring", "oring", 3),
        ("ourite", "orite", 2),
        ("ourable", "orable", 2),
        ("ourer", "orer", 3),
        ("ourers", "orers", 3),
        ("tre", "ter", 3),
        ("tres", "ters", 3),
        ("elled", "eled", 2),
        ("elling", "eling", 2),
        ("eller", "eler", 2),
        ("fence", "fense", 2),
        ("cence", "cense", 2),
    ];
    ENDINGS.iter().find_map(|(uk, us, keep)| {
        let before = word.strip_suffix(uk)?;
        (before.len() >= *keep).then(|| format!("{before}{us}"))
    })
}

/// [`match_key`]'s word (without its scale word) of a token's key, interned; remembered per
/// thread (every word of every article in a scan is looked up, and the spelling endings cost a
/// few dozen comparisons a word).
fn match_key_id(key: Key) -> Key {
    thread_local! {
        static MATCH_KEYS: std::cell::RefCell<FxHashMap<Key, Key>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    /// Most keys a thread remembers before it starts afresh.
    const MATCH_KEY_CACHE: usize = 1 << 18;
    MATCH_KEYS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(&id) = cache.get(&key) {
            return id;
        }
        if cache.len() >= MATCH_KEY_CACHE {
            cache.clear();
        }
        let text = key.as_str();
        let (word, _) = match_key(text);
        let id = if *word == *text { key } else { Key::new(&word) };
        cache.insert(key, id);
        id
    })
}

/// Runs of sentences with no line break between them: the stretches a quote may run over
/// without the multi-paragraph convention.
fn blocks(doc: &Document) -> Vec<Span> {
    let text = doc.article.text.as_str();
    let mut out: Vec<Span> = Vec::new();
    for s in &doc.sentences {
        match out.last_mut() {
            Some(b) if !has_line_break(text.get(b.end..s.span.start).unwrap_or("\n")) => {
                b.end = s.span.end;
            }
            _ => out.push(s.span),
        }
    }
    out
}

fn has_line_break(s: &str) -> bool {
    s.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
}

// ---------------------------------------------------------------------------------------------
// Pairing quote marks
// ---------------------------------------------------------------------------------------------

/// True for the characters that may be quote marks (and apostrophes, which look the same).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201a}'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{201e}'
            | '\u{00ab}'
            | '\u{00bb}'
            | '\u{2039}'
            | '\u{203a}'
    )
}

fn is_straight(c: char) -> bool {
    c == '"' || c == '\''
}

/// Marks of the single family close only the innermost open quote.
fn is_single(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2039}' | '\u{203a}'
    )
}

/// Does `close` close a quote that `open` opened?
fn closes(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('\u{201c}', '\u{201d}') // “…”
            | ('\u{201e}', '\u{201c}') // „…“
            | ('\u{201e}', '\u{201d}') // „…”
            | ('\u{201d}', '\u{201d}') // ”…” (Swedish, or a mistyped opening mark)
            | ('\u{2018}', '\u{2019}') // ‘…’
            | ('\u{201a}', '\u{2018}') // ‚…‘
            | ('\u{201a}', '\u{2019}') // ‚…’
            | ('\u{00ab}', '\u{00bb}') // «…»
            | ('\u{00bb}', '\u{00ab}') // »…«
            | ('\u{2039}', '\u{203a}') // ‹…›
            | ('\u{203a}', '\u{2039}') // ›…‹
            | ('"', '"')
            | ('\'', '\'')
    )
}

/// Does a mark `c` open the same kind of quote as `open` (for the multi-paragraph convention)?
fn same_opening(open: char, c: char) -> bool {
    let double = ['\u{201c}', '\u{201e}', '\u{201d}'];
    let single = ['\u{2018}', '\u{201a}'];
    open == c
        || (double.contains(&open) && double.contains(&c))
        || (single.contains(&open) && single.contains(&c))
}

#[derive(Clone, Copy, Debug)]
struct Pair {
    open: Span,
    close: Span,
}

#[derive(Clone, Copy, Debug)]
enum EventKind {
    /// A quote mark.
    Mark(char),
    /// A curly pair opens (straight pass only): straight marks inside may not pair outside.
    BarrierOpen,
    /// A curly pair closes.
    BarrierClose,
}

#[derive(Clone, Copy, Debug)]
struct Event {
    pos: usize,
    /// Bytes of the mark: `''` (two apostrophes, a typewriter double quote) is one mark.
    len: usize,
    block: usize,
    kind: EventKind,
}

#[derive(Clone, Copy, Debug)]
struct Opener {
    pos: usize,
    len: usize,
    ch: char,
    block: usize,
    barrier: bool,
}

/// All quote mark pairs of the text, ordered by opening mark: curly marks and guillemets
/// first, then straight marks within and around them.
fn find_pairs(text: &str, blocks: &[Span]) -> Vec<Pair> {
    let mut curly = Vec::new();
    let mut straight = Vec::new();
    let mut doubles = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let Some(slice) = text.get(block.start..block.end) else {
            continue;
        };
        let mut chars = slice.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_mark(c) {
                // `''A law firm will put a case forward,'' said Newry boss Roy McCreadie` (BBC
                // sport/131.txt): two apostrophes are one straight double mark.
                // ‘‘…’’ likewise: two single curly marks are one double mark.
                let doubled = matches!(c, '\'' | '\u{2018}' | '\u{2019}')
                    && chars.next_if(|&(_, n)| n == c).is_some();
                let as_double = match c {
                    '\u{2018}' => '\u{201c}',
                    '\u{2019}' => '\u{201d}',
                    _ => '"',
                };
                let ev = Event {
                    pos: block.start + i,
                    len: if doubled {
                        2 * c.len_utf8()
                    } else {
                        c.len_utf8()
                    },
                    block: b,
                    kind: EventKind::Mark(if doubled { as_double } else { c }),
                };
                if matches!(ev.kind, EventKind::Mark('"' | '\u{201c}' | '\u{201d}')) {
                    doubles.push(ev);
                }
                if c == '\'' || c == '"' {
                    straight.push(ev);
                } else {
                    curly.push(ev);
                }
            }
        }
    }
    let mut pairs = pair_pass(text, blocks, &curly, &[]);
    if !straight.is_empty() {
        // Curly double marks the curly pass left unpaired that can close a quote: a straight
        // quote still open before one of them may have been closed by it (`"… jobs,” he
        // continued. "They're …"`, PolNeAR huff-post_2016-02-07), so a straight mark after it
        // opens a new quote rather than reopening that one.
        let used: FxHashSet<usize> = pairs
            .iter()
            .flat_map(|p| [p.open.start, p.close.start])
            .collect();
        let lone: Vec<usize> = doubles
            .iter()
            .filter(|e| !used.contains(&e.pos))
            .filter(|e| match e.kind {
                EventKind::Mark(c) => !is_straight(c) && roles(text, e.pos, e.len, c).1,
                _ => false,
            })
            .map(|e| e.pos)
            .collect();
        let block_of = |pos: usize| blocks.partition_point(|b| b.end <= pos);
        let mut events = straight;
        for p in &pairs {
            events.push(Event {
                pos: p.open.start,
                len: p.open.len(),
                block: block_of(p.open.start),
                kind: EventKind::BarrierOpen,
            });
            events.push(Event {
                pos: p.close.start,
                len: p.close.len(),
                block: block_of(p.close.start),
                kind: EventKind::BarrierClose,
            });
        }
        events.sort_by_key(|e| e.pos);
        pairs.extend(pair_pass(text, blocks, &events, &lone));
    }
    pairs.sort_by_key(|p| (p.open.start, std::cmp::Reverse(p.close.end)));
    let mixed = mixed_pairs(text, &doubles, &pairs);
    if !mixed.is_empty() {
        pairs.extend(mixed);
        pairs.sort_by_key(|p| (p.open.start, std::cmp::Reverse(p.close.end)));
    }
    pairs
}

/// Double marks left unpaired by both passes, paired across families: a straight opening
/// mark closed by a curly one or the reverse (`Cruz said: "I will repeal every word.”`), as
/// typed by hand. A pair never crosses one already found. `pairs` is sorted by opening mark.
fn mixed_pairs(text: &str, doubles: &[Event], pairs: &[Pair]) -> Vec<Pair> {
    let used: FxHashSet<usize> = pairs
        .iter()
        .flat_map(|p| [p.open.start, p.close.start])
        .collect();
    let mut closes: Vec<(usize, usize)> = pairs
        .iter()
        .map(|p| (p.close.start, p.open.start))
        .collect();
    closes.sort_unstable();
    // No pair found before has one mark inside (open, close) and the other outside.
    let clear = |open: usize, close: usize| {
        let first = pairs.partition_point(|p| p.open.start <= open);
        let inside_open = pairs[first..]
            .iter()
            .take_while(|p| p.open.start < close)
            .all(|p| p.close.start < close);
        let from = closes.partition_point(|c| c.0 <= open);
        inside_open
            && closes[from..]
                .iter()
                .take_while(|c| c.0 < close)
                .all(|c| c.1 > open)
    };
    let mut out = Vec::new();
    let mut open: Option<&Event> = None;
    for ev in doubles.iter().filter(|e| !used.contains(&e.pos)) {
        let EventKind::Mark(c) = ev.kind else {
            continue;
        };
        if open.is_some_and(|o| o.block != ev.block) {
            open = None;
        }
        let (opens, closes_quote) = roles(text, ev.pos, ev.len, c);
        if closes_quote
            && let Some(o) = open
            && let EventKind::Mark(oc) = o.kind
            && is_straight(oc) != is_straight(c)
            && ev.pos - o.pos <= MAX_QUOTE_BYTES
            && clear(o.pos, ev.pos)
        {
            out.push(Pair {
                open: Span::new(o.pos, o.pos + o.len),
                close: Span::new(ev.pos, ev.pos + ev.len),
            });
            open = None;
        } else if opens {
            open = Some(ev);
        }
    }
    out
}

/// One pairing pass over marks (and, for straight marks, the curly pairs as barriers);
/// `lone` holds the positions, sorted, of unpaired closing marks of the other family.
fn pair_pass(text: &str, blocks: &[Span], events: &[Event], lone: &[usize]) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut stack: Vec<Opener> = Vec::new();
    let mut block = usize::MAX;
    for ev in events {
        if ev.block != block {
            let continued = block != usize::MAX && continues(blocks, &stack, ev, block);
            if continued {
                // The multi-paragraph convention: this mark reopens the quote still open.
                block = ev.block;
                stack.truncate(1);
                continue;
            }
            if let Some(p) = closed_by_paragraph(text, blocks, &stack, block) {
                pairs.push(p);
            }
            block = ev.block;
            stack.retain(|o| o.barrier);
        }
        match ev.kind {
            EventKind::BarrierOpen => stack.push(Opener {
                pos: ev.pos,
                len: ev.len,
                ch: '\0',
                block: ev.block,
                barrier: true,
            }),
            EventKind::BarrierClose => {
                while let Some(o) = stack.pop() {
                    if o.barrier {
                        break;
                    }
                }
            }
            EventKind::Mark(c) => mark_event(text, &mut stack, &mut pairs, ev, c, lone),
        }
    }
    if let Some(p) = closed_by_paragraph(text, blocks, &stack, block) {
        pairs.push(p);
    }
    pairs
}

/// A quotation a colon opens and nothing closes, whose paragraph ends on a sentence's end, ends
/// with its paragraph when the next does not reopen it: `Lord Nicholls of Birkenhead, in his
/// ruling, said: "Indefinite imprisonment without charge or trial is anathema in any country
/// which observes the rule of law.` and a new paragraph (BBC politics/040, whose closing mark
/// is lost; politics/221 prints it). The closing mark is taken at the paragraph's end (an empty
/// span). Only a double mark, the one quote open in `block`, with no other double mark after
/// it in the paragraph.
fn closed_by_paragraph(
    text: &str,
    blocks: &[Span],
    stack: &[Opener],
    block: usize,
) -> Option<Pair> {
    let mut open = stack.iter().filter(|o| !o.barrier);
    let o = open.next()?;
    if open.next().is_some() || o.block != block || !matches!(o.ch, '"' | '\u{201c}') {
        return None;
    }
    let end = blocks.get(block)?.end;
    let before = text.get(..o.pos)?.trim_end();
    let inside = text.get(o.pos + o.len..end)?.trim_end();
    let ended = inside
        .trim_end_matches([')', ']'])
        .ends_with(['.', '!', '?', '\u{2026}']);
    (before.ends_with(':')
        && ended
        && !inside.contains(['"', '\u{201c}', '\u{201d}'])
        && end - o.pos <= MAX_QUOTE_BYTES)
        .then(|| Pair {
            open: Span::new(o.pos, o.pos + o.len),
            close: Span::new(end, end),
        })
}

/// Does the mark `ev`, first in its block, continue the quote left open in block `prev`?
fn continues(blocks: &[Span], stack: &[Opener], ev: &Event, prev: usize) -> bool {
    let EventKind::Mark(c) = ev.kind else {
        return false;
    };
    let Some(first) = stack.first() else {
        return false;
    };
    ev.block == prev + 1
        && blocks.get(ev.block).is_some_and(|b| b.start == ev.pos)
        && !stack.iter().any(|o| o.barrier)
        && same_opening(first.ch, c)
        && ev.block - first.block < MAX_QUOTE_BLOCKS
        && ev.pos - first.pos < MAX_QUOTE_BYTES
}

fn mark_event(
    text: &str,
    stack: &mut Vec<Opener>,
    pairs: &mut Vec<Pair>,
    ev: &Event,
    c: char,
    lone: &[usize],
) {
    let (open, close) = roles(text, ev.pos, ev.len, c);
    if close && let Some(k) = find_opener(stack, c) {
        let o = stack[k];
        if ev.pos - o.pos <= MAX_QUOTE_BYTES {
            pairs.push(Pair {
                open: Span::new(o.pos, o.pos + o.len),
                close: Span::new(ev.pos, ev.pos + ev.len),
            });
            stack.truncate(k);
            return;
        }
        stack.remove(k);
    }
    if !open {
        return;
    }
    if let Some(top) = stack.last() {
        // `…26 weeks. "We are going…`: a quote still open, reopened after a sentence end, is
        // the multi-paragraph convention with the paragraphs run together.
        let closed_between = {
            let i = lone.partition_point(|&p| p <= top.pos);
            lone.get(i).is_some_and(|&p| p < ev.pos)
        };
        if !top.barrier
            && same_opening(top.ch, c)
            && sentence_ended_before(text, ev.pos)
            && !closed_between
        {
            return;
        }
    }
    if stack.iter().filter(|o| !o.barrier).count() >= MAX_OPEN_MARKS
        && let Some(i) = stack.iter().position(|o| !o.barrier)
    {
        stack.remove(i);
    }
    stack.push(Opener {
        pos: ev.pos,
        len: ev.len,
        ch: c,
        block: ev.block,
        barrier: false,
    });
}

/// The opener a closing mark `c` pairs with: the innermost that accepts it, above any barrier;
/// a single mark pairs only with the innermost open quote.
fn find_opener(stack: &[Opener], c: char) -> Option<usize> {
    for (k, o) in stack.iter().enumerate().rev() {
        if o.barrier {
            return None;
        }
        if closes(o.ch, c) {
            return Some(k);
        }
        if is_single(c) {
            return None;
        }
    }
    None
}

fn sentence_ended_before(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos) else {
        return false;
    };
    let trimmed = before.trim_end();
    trimmed.len() < before.len() && trimmed.ends_with(['.', '!', '?', '\u{2026}'])
}

/// The characters around a mark, looking past one adjacent quote mark ("'No" after `"`).
struct Flank {
    prev: Option<char>,
    next: Option<char>,
    prev_far: Option<char>,
    next_far: Option<char>,
    next2: Option<char>,
}

impl Flank {
    fn at(text: &str, pos: usize, len: usize) -> Flank {
        let before = text.get(..pos).unwrap_or("");
        let after = text.get(pos + len..).unwrap_or("");
        let mut b = before.chars().rev();
        let mut a = after.chars();
        let (prev, prev2) = (b.next(), b.next());
        let (next, next2) = (a.next(), a.next());
        let next3 = a.next();
        Flank {
            prev,
            next,
            prev_far: if prev.is_some_and(is_mark) {
                prev2
            } else {
                prev
            },
            next_far: if next.is_some_and(is_mark) {
                next2
            } else {
                next
            },
            next2: if next.is_some_and(is_mark) {
                next3
            } else {
                next2
            },
        }
    }

    /// Preceded by the start of the text, white space or opening punctuation.
    fn left(&self) -> bool {
        match self.prev_far {
            None => true,
            Some(p) => {
                p.is_whitespace()
                    || matches!(
                        p,
                        '(' | '[' | '{' | '<' | '/' | ':' | '\u{2014}' | '\u{2013}' | '-'
                    )
            }
        }
    }

    /// Followed by the end of the text, white space or closing punctuation (an ellipsis opens
    /// quotes: “…we went to war”).
    fn right(&self) -> bool {
        match self.next_far {
            None => true,
            Some('.') if self.next2 == Some('.') => false,
            Some(n) => {
                n.is_whitespace()
                    || matches!(
                        n,
                        ')' | ']'
                            | '}'
                            | '>'
                            | '.'
                            | ','
                            | ';'
                            | ':'
                            | '!'
                            | '?'
                            | '\u{2014}'
                            | '\u{2013}'
                    )
            }
        }
    }
}

/// Whether a mark may open and whether it may close a quote, from its neighbours.
fn roles(text: &str, pos: usize, len: usize, c: char) -> (bool, bool) {
    let f = Flank::at(text, pos, len);
    let (left, right) = (f.left(), f.right());
    let after_punct = f
        .prev_far
        .is_some_and(|p| matches!(p, '.' | ',' | ';' | ':' | '!' | '?' | '\u{2026}' | ')'));
    match c {
        '\u{201c}' => (!right, !left),                     // “ (closes only „)
        '\u{201d}' => (left && !right, !left),             // ”
        '\u{201e}' => (!right, false),                     // „
        '\u{201a}' => (left && !right, false),             // ‚ (else a comma lookalike)
        '\u{00ab}' | '\u{2039}' => (true, !left),          // « ‹ (French style spaces inside)
        '\u{00bb}' | '\u{203a}' => (left && !right, true), // » ›
        // `… on the red carpet."It's unlike anything …," he told the BBC.` (BBC
        // entertainment/355): a straight mark glued to a sentence's end and to a capital may
        // open a quotation too; it still closes one that is open.
        '"' => (
            (left && !right) || glued_open(&f),
            !left && (right || after_punct),
        ),
        '\u{2018}' | '\u{2019}' | '\'' => {
            if apostrophe(text, pos, c, &f) {
                return (false, false);
            }
            match c {
                '\u{2018}' => (!right, !left),
                '\u{2019}' => (false, !left),
                _ => (left && !right, !left && (right || after_punct)),
            }
        }
        _ => (false, false),
    }
}

/// A mark right after a sentence's last punctuation and right before a capital letter, with no
/// space on either side (`carpet."It's`).
fn glued_open(f: &Flank) -> bool {
    matches!(f.prev, Some('.' | '!' | '?')) && f.next.is_some_and(char::is_uppercase)
}

/// An apostrophe, not a quote mark: inside a word (Daesh’s, don’t), before a number (’90s),
/// before an elision (’em, 'n').
fn apostrophe(text: &str, pos: usize, c: char, f: &Flank) -> bool {
    let alnum = |o: Option<char>| o.is_some_and(char::is_alphanumeric);
    if alnum(f.prev) && alnum(f.next) {
        return true;
    }
    if f.next.is_some_and(|n| n.is_ascii_digit()) && !alnum(f.prev) {
        return true;
    }
    if c == '\u{2019}' && f.left() && alnum(f.next) {
        return true;
    }
    if f.left() {
        let after = text.get(pos + c.len_utf8()..).unwrap_or("");
        let word: String = after
            .chars()
            .take_while(|ch| ch.is_alphabetic())
            .take(8)
            .flat_map(char::to_lowercase)
            .collect();
        let rest = after.chars().nth(word.chars().count());
        if ELISIONS.binary_search(&word.as_str()).is_ok() && !rest.is_some_and(char::is_alphabetic)
        {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Speakers
// ---------------------------------------------------------------------------------------------

struct Known {
    speaker: String,
    sentence: usize,
    kind: SpeakerKind,
}

/// Gives each top-level quote its speaker, in article order.
fn attribute(doc: &Document, found: &mut [Found<'_>]) {
    let text = doc.article.text.as_str();
    let top: Vec<usize> = (0..found.len()).filter(|&i| !found[i].nested).collect();
    // Person speakers of earlier quotes, (position, sentence, name), the latest last.
    let mut recent: Vec<(usize, usize, String)> = Vec::new();
    let mut subjects: FxHashMap<usize, Vec<speaker::Subject>> = FxHashMap::default();
    let mut genders: Option<speaker::Genders> = None;
    let mut last_any: Option<Known> = None;
    let mut prev_statement: Option<usize> = None;
    // The next statement quote after each top-level quote (terms skipped), found in one pass
    // so that a run of terms costs nothing per quote.
    let mut next_statement: Vec<Option<usize>> = vec![None; top.len()];
    let mut next = None;
    for (t, &qi) in top.iter().enumerate().rev() {
        next_statement[t] = next;
        if !found[qi].quote.term {
            next = Some(qi);
        }
    }
    let outers: Vec<Span> = found.iter().map(|f| f.quote.outer).collect();
    for (t, &qi) in top.iter().enumerate() {
        let q = &found[qi];
        // A title is no one's words: no speaker ("Sanders said during an interview on CNN's
        // "State of the Union" Sunday", PolNeAR huff-post_2016-01-17).
        if q.title {
            continue;
        }
        let pre = pre_region(doc, q, prev_statement.map(|p| &found[p]));
        let post = post_region(doc, q, next_statement[t].map(|n| &found[n]));
        // A chant is the crowd's: no one is named for it ("Walking into the office to chants
        // of "Marco! Marco!," the senator said his campaign here was …", PolNeAR
        // wash-post_2016-02-09: the senator is not chanting his own name).
        let chant = speaker::chant_before(text, pre);
        let mut att = speaker::before(text, pre).filter(|_| !chant);
        if att.is_none() && pre.start == doc.sentences[q.first].span.start {
            att = speaker::colon_name(text, pre);
        }
        if att.is_none() && q.starts_sentence && q.first > 0 {
            let prev = doc.sentences[q.first - 1].span;
            if prev.slice(text).trim_end().ends_with(':') {
                att = speaker::before(text, window_before(text, prev, prev.end));
            }
        }
        if att.is_none() && !chant && (q.open_ended || opens_attribution(text, post)) {
            att = speaker::after(text, post);
        } else if att.is_none() && !chant && q.starts_sentence && !title_cased(doc, q) {
            att = speaker::after_clause(text, post)
                .filter(|a| a.kind == SpeakerKind::Name && speaker::is_person(&a.speaker));
        } else if att.is_some() && comma_closed(text, q) {
            // `… and "better reflect the true diversity of the Democratic Party," Mook wrote.`
            // (PolNeAR usa-today_2016-02-10): a quote closed by a comma and followed by its
            // own attribution is that attribution's, whatever a verb before it says.
            // The attribution follows the closing mark at once: `," said X` or `," X said`.
            let next = |a: &speaker::Attribution| {
                opens_attribution(text, post)
                    || (blank_between(text, q.quote.outer.end, a.span.start)
                        && a.speaker.starts_with(char::is_uppercase))
            };
            if let Some(a) =
                speaker::after(text, post).filter(|a| a.kind != SpeakerKind::Pronoun && next(a))
            {
                att = Some(a);
            }
        }
        if att.is_none() && !chant && q.open_ended && q.ends_sentence {
            att = next_sentence_attribution(doc, q.last);
        }
        // A headline in capitals is no speaker ("RED STATES OUTNUMBER BLUE", PolNeAR
        // huff-post_2016-02-03).
        let att = att.filter(|a| !speaker::shouted(&a.speaker));
        // A name inside quote marks is a title quoted, not a speaker ("a contestant on
        // Trump's reality TV show, "The Apprentice," who went on to work alongside Trump, said
        // his boss was "always kind …"", PolNeAR wash-post_2016-07-15).
        let att = att.filter(|a| !inside_quote(&outers, a.span));
        let mut method = SpeakerMethod::Named;
        // A quote with an attribution of its own ("he said") is never carried from another.
        let attributed = att.is_some() || chant;
        let mut resolved: Option<(String, SpeakerKind, bool)> = match att {
            Some(a) => match a.kind {
                SpeakerKind::Pronoun => {
                    method = SpeakerMethod::Pronoun;
                    let genders = genders.get_or_insert_with(|| speaker::Genders::of(text));
                    let listener = speaker::listener(
                        text,
                        a.span.end,
                        doc.sentences[q.last].span.end.max(a.span.end),
                    );
                    let found_one = resolve_pronoun(
                        (doc, &outers),
                        (&a.speaker, listener.as_deref()),
                        (q.first, q.quote.outer.start),
                        &recent,
                        &mut subjects,
                        genders,
                        last_any.as_ref(),
                    );
                    if let Some((name, _, _)) = &found_one {
                        match crate::normalize::key(&a.speaker).as_str() {
                            "he" => genders.learn(name, speaker::Gender::Male),
                            "she" => genders.learn(name, speaker::Gender::Female),
                            _ => {}
                        }
                    }
                    found_one
                }
                kind => Some((a.speaker, kind, kind == SpeakerKind::Name && !a.relay)),
            },
            None => None,
        };
        // `Clinton said that her family "came out of the White House …," and "struggled to
        // piece together …"` (PolNeAR wash-post_2015-11-16): a quote joined to the one before
        // in its sentence by "and" alone is the same speaker's.
        if resolved.is_none()
            && !attributed
            && !q.quote.term
            && let Some(p) = prev_statement.map(|p| &found[p])
            && p.last == q.first
            && p.quote.outer.end <= q.quote.outer.start
            && text
                .get(p.quote.outer.end..q.quote.outer.start)
                .is_some_and(|gap| {
                    matches!(
                        gap.trim_matches(|c: char| c.is_whitespace() || c == ','),
                        "and" | "or"
                    )
                })
            && let (Some(speaker), Some(kind)) = (p.quote.speaker.clone(), p.kind)
        {
            method = SpeakerMethod::Carried;
            let certain = p.certain && p.quote.method != Some(SpeakerMethod::Pronoun);
            resolved = Some((speaker, kind, certain));
        }
        if resolved.is_none() && !attributed && !q.quote.term && q.starts_sentence && q.first > 0 {
            method = SpeakerMethod::Carried;
            resolved = follow_on(doc, found, prev_statement, qi);
        }
        let q = &mut found[qi];
        if let Some((speaker, kind, certain)) = resolved {
            // A pronoun resolved to a person is a named speaker, found less surely: the
            // method says how, and misattribution trusts methods by measure.
            let certain =
                certain || (method == SpeakerMethod::Pronoun && kind == SpeakerKind::Name);
            q.quote.method = Some(method);
            let known = Known {
                speaker: speaker.clone(),
                sentence: q.last,
                kind,
            };
            q.quote.speaker = Some(speaker);
            q.kind = Some(kind);
            q.certain = certain;
            // "he" and "she" mean a person: never an organisation, an outlet, a show or a
            // place credited with a quote before ("Fox News", "New Hampshire").
            if kind == SpeakerKind::Name && speaker::is_person(&known.speaker) {
                if recent.len() == MAX_RECENT_SPEAKERS {
                    recent.remove(0);
                }
                recent.push((q.quote.outer.start, known.sentence, known.speaker.clone()));
            }
            last_any = Some(known);
        }
        if !q.quote.term {
            prev_statement = Some(qi);
        }
    }
}

/// The quoted words end in a comma inside the closing mark (`"…,"`), as a quote followed by
/// its attribution does.
fn comma_closed(text: &str, q: &Found<'_>) -> bool {
    text.get(q.quote.span.end..q.quote.outer.end)
        .is_some_and(|tail| tail.trim_start().starts_with(','))
}

/// True when `span` lies inside the marks of one of the quotes `outers` (sorted by start).
fn inside_quote(outers: &[Span], span: Span) -> bool {
    let n = outers.partition_point(|o| o.start <= span.start);
    // Quotes nest a few deep at most: the few that open last before the span are enough.
    outers[..n]
        .iter()
        .rev()
        .take(4)
        .any(|o| o.start < span.start && span.end <= o.end)
}

/// A quote opening its sentence with no attribution continues the speaker of the statement
/// quote right before it, when that quote stands at an edge of its sentence ("“…,” Adnan told
/// the Times. “We know Daesh’s movements.”"); failing that, the person the sentence before says
/// spoke ("Prof Joni Lovenduski … said she was shocked at the findings. "We expected …"").
fn follow_on(
    doc: &Document,
    found: &[Found<'_>],
    prev: Option<usize>,
    qi: usize,
) -> Option<(String, SpeakerKind, bool)> {
    let q = &found[qi];
    if let Some(p) = prev.map(|p| &found[p]) {
        if p.last + 1 == q.first {
            if p.starts_sentence || p.ends_sentence {
                let speaker = p.quote.speaker.clone()?;
                // Carried from a resolved pronoun, it is no surer than the pronoun.
                let certain = p.certain && p.quote.method != Some(SpeakerMethod::Pronoun);
                return Some((speaker, p.kind?, certain));
            }
            return None;
        }
        if p.last >= q.first - 1 {
            return None;
        }
    }
    let prev_sentence = &doc.sentences[q.first - 1];
    if prev_sentence.paragraph != doc.sentences[q.first].paragraph {
        return None;
    }
    let text = doc.article.text.as_str();
    // The verb of saying may stand further back than an attribution's filler words ("After the
    // meeting, Mr Fox said being able to close premises for only 24 hours did not necessarily
    // make an impact.", BBC politics/165): the subject of the sentence's last such verb.
    // Only a person so named: two words or a title ("Ms Robinson, who presents The Weakest
    // Link tells Cockerell that …", BBC politics/013, has the show tell; "EA said …", tech/276,
    // is a company).
    let person = |a: &speaker::Attribution| {
        let mut words = a.speaker.split_whitespace();
        let first = words
            .next()
            .map(|w| crate::normalize::key(w.trim_end_matches('.')));
        speaker::is_person(&a.speaker)
            && (words.next().is_some() || first.is_some_and(|f| speaker::is_title_key(&f)))
    };
    let a = speaker::before(
        text,
        window_before(text, prev_sentence.span, prev_sentence.span.end),
    )
    .or_else(|| {
        speaker::reporting(text, prev_sentence.span)
            .flatten()
            .filter(person)
    })?;
    (a.kind == SpeakerKind::Name && !a.relay).then_some((a.speaker, SpeakerKind::Name, true))
}

/// Where a person is mentioned, by what name, and for one named in apposition how to show
/// them and what the apposition says (see [`resolve_pronoun`]).
type Mention = (usize, String, Option<(String, speaker::Apposed)>);

/// A person a pronoun may mean (see [`resolve_pronoun`]).
struct Candidate {
    /// Where the nearest mention starts.
    pos: usize,
    /// The fullest name met.
    name: String,
    gender: Option<speaker::Gender>,
    /// How the person is shown when the name alone would not say who ("Clinton's husband,
    /// Bill").
    shown: Option<String>,
    /// Named in apposition to a noun of kinship ([`speaker::Apposed`]).
    kin: bool,
    /// Known only as a surname opening a sentence ([`speaker::Genders::clause_subject`]).
    subject: bool,
}

/// "he said" / "she said": the nearest person before the quote whose gender matches, among
/// the speakers of earlier quotes, the people sentences open with and the subjects of verbs of
/// saying ("…, Mr. Schmidt said he was building …"), within [`PRONOUN_LOOKBACK`] sentences;
/// never an organisation, a place, a headline's words or a person named only as an object. A gender comes from a
/// title or a first name ([`speaker::Genders`]): a person of the other gender is passed over;
/// one of unknown gender is taken only when no other person could be meant or when named in
/// the quote's sentence or the one before. "they said": the last speaker of any kind. Never a
/// name the quote's own sentence holds after the quote.
fn resolve_pronoun(
    (doc, outers): (&Document, &[Span]),
    (pronoun, listener): (&str, Option<&str>),
    (sentence, at): (usize, usize),
    recent: &[(usize, usize, String)],
    subjects: &mut FxHashMap<usize, Vec<speaker::Subject>>,
    genders: &speaker::Genders,
    last_any: Option<&Known>,
) -> Option<(String, SpeakerKind, bool)> {
    let text = doc.article.text.as_str();
    let lo = sentence.saturating_sub(PRONOUN_LOOKBACK);
    let want = match crate::normalize::key(pronoun).as_str() {
        "he" => speaker::Gender::Male,
        "she" => speaker::Gender::Female,
        // "They" is a group or an organisation, never one person named before ("Ministers
        // deny … they say", BBC, after Tony Blair).
        "they" => {
            return last_any
                .filter(|k| k.sentence <= sentence && sentence - k.sentence <= PRONOUN_LOOKBACK)
                .filter(|k| !(k.kind == SpeakerKind::Name && speaker::is_person(&k.speaker)))
                .map(|k| (k.speaker.clone(), k.kind, false));
        }
        _ => return None,
    };
    let mut candidates: Vec<(usize, String)> = recent
        .iter()
        .filter(|(pos, s, _)| *s >= lo && *s <= sentence && *pos < at)
        .map(|(pos, _, name)| (*pos, name.clone()))
        .collect();
    // One word opening a sentence as the subject of a verb of saying, not known as a person's
    // surname ("Lopez-Cantera, a Republican …, said the block grants …", PolNeAR
    // politico_2016-05-23): perhaps the person "he" means, so no one named before it is.
    let mut unsure: Vec<(usize, String)> = Vec::new();
    let mut subject_at: Vec<usize> = Vec::new();
    // The person each sentence before the quote opens with (see the surname rule below), read
    // once per sentence however many surnames are weighed against it.
    let mut openers: Vec<Option<Option<String>>> = vec![None; sentence + 1 - lo];
    let mut opener = |k: usize| -> Option<String> {
        openers[k - lo]
            .get_or_insert_with(|| {
                let later = doc.sentences[k].span;
                (later.start < at
                    && !later.slice(text).starts_with(is_mark)
                    && !speaker::headline_case(text, later))
                .then(|| genders.opening_person(text, later))
                .flatten()
            })
            .clone()
    };
    for s in lo..=sentence {
        let span = doc.sentences[s].span;
        // A headline names no one a pronoun can mean.
        if speaker::headline_case(text, span) {
            continue;
        }
        // Not a name inside a quotation whose sentence opens mid-quote ("So Donald Trump … is
        // ambitious but not exactly very well-informed," PolNeAR breitbart_2016-02-08).
        if !span.slice(text).starts_with(is_mark)
            && let Some(n) = speaker::leading_name(text, span)
            && n.start < at
            && speaker::is_person(n.slice(text))
            && !inside_quote(outers, n)
        {
            candidates.push((n.start, n.slice(text).to_string()));
        }
        // A surname alone that opens a sentence as its subject ("Cruz openly admitted that his
        // pick was politically motivated …", PolNeAR breitbart_2016-02-06), unless a later
        // sentence before the quote opens with someone else ("Trump, who spoke …", "Sen.
        // Kelly Ayotte …"), who may be the one meant.
        if !span.slice(text).starts_with(is_mark)
            && let Some(n) = genders.clause_subject(text, span)
            && n.start < at
            && !inside_quote(outers, n)
            && !(s + 1..=sentence)
                .any(|k| opener(k).is_some_and(|p| !speaker::same_speaker(&p, n.slice(text))))
        {
            subject_at.push(n.start);
            candidates.push((n.start, n.slice(text).to_string()));
        }
        // Someone shown on footage is who the next "he" may mean ("Footage of Al-Awlaki again
        // appears. “…,” he says."): named as no subject, so no one named before is sure.
        if let Some(n) = speaker::shown_person(text, span)
            && n.start < at
        {
            unsure.push((n.start, n.slice(text).to_string()));
        }
        let list = subjects
            .entry(s)
            .or_insert_with(|| speaker::speaking_subjects(text, span));
        // A person named after ", said" is met in passing: only in the quote's sentence or the
        // one before ("…, said Jason Stilwell, a special projects manager …" is no one "she"
        // means two sentences on, after "His mother Katherine Jackson told …", BBC
        // entertainment/108).
        for n in list.iter().filter(|n| {
            n.span.start < at && (!n.inverted || s + 1 >= sentence) && !inside_quote(outers, n.span)
        }) {
            let name = n.span.slice(text).to_string();
            if n.lone && !genders.knows(&name) {
                unsure.push((n.span.start, name));
            } else {
                candidates.push((n.span.start, name));
            }
        }
    }
    // People named in apposition to a noun of one gender ("Clinton's husband, Bill,", PolNeAR
    // wash-post_2016-02-09), in the quote's paragraph or the one before: the noun says the
    // gender; a first name alone is shown with its apposition, which says who is meant. Further
    // back, the article has usually gone back to the person it is about ("Schilling's son,
    // Grant, defended his father …", two paragraphs before "he suggested that Hillary Clinton
    // "should be buried under a jail somewhere"", nyt_2016-04-21).
    let paragraph = doc.sentences[sentence].paragraph;
    let mut apposed: Vec<(usize, String, String, speaker::Apposed)> = Vec::new();
    for s in lo..=sentence {
        let span = doc.sentences[s].span;
        if doc.sentences[s].paragraph + 1 < paragraph || speaker::headline_case(text, span) {
            continue;
        }
        for a in speaker::appositive_people(text, span) {
            if a.whole.end <= at && !inside_quote(outers, a.whole) {
                let shown = if a.name.slice(text).split_whitespace().count() >= 2 {
                    a.name
                } else {
                    a.whole
                };
                apposed.push((
                    a.name.start,
                    a.name.slice(text).to_string(),
                    shown.slice(text).to_string(),
                    a,
                ));
            }
        }
    }
    // Known only as an opening surname: a person found at the same place another way as well
    // is a rival like any other.
    subject_at.retain(|&at| candidates.iter().filter(|(p, _)| *p == at).count() == 1);
    // Nearest first, each person once.
    let mut candidates: Vec<Mention> = candidates
        .into_iter()
        .map(|(pos, name)| (pos, name, None))
        .chain(
            apposed
                .into_iter()
                .map(|(pos, name, shown, a)| (pos, name, Some((shown, a)))),
        )
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut people: Vec<Candidate> = Vec::new();
    for (pos, name, apposition) in candidates {
        // One person once, at the nearest mention, by the fullest name ("Jonny Evans" for a
        // later "Mr Evans said"). A relative is kept apart from the people who share a name
        // with them: "his wife, Gabriela Violeta Lazar" is not the Lazar of the article
        // (PolNeAR wash-post_2016-09-03).
        let kin = apposition.as_ref().is_some_and(|(_, a)| a.kin);
        if let Some(known) = people.iter_mut().find(|p| {
            if p.kin || kin {
                p.name == name
            } else {
                speaker::same_speaker(&p.name, &name)
            }
        }) {
            let words = |s: &str| {
                let titled = s.split_whitespace().next().is_some_and(|w| {
                    speaker::is_title_key(&crate::normalize::key(w.trim_end_matches('.')))
                });
                s.split_whitespace().count() - usize::from(titled)
            };
            // Not a fuller name of the other gender: "Clinton herself …" before "she said" is
            // not the "Bill Clinton" named further back.
            if words(&name) > words(&known.name)
                && genders.of_speaker(&name).is_none_or(|g| g == want)
            {
                known.name = name;
                known.shown = None;
            }
            if let Some((_, a)) = apposition {
                known.gender = known.gender.or(Some(a.gender));
            }
            continue;
        }
        people.push(match apposition {
            Some((shown, a)) => Candidate {
                pos,
                shown: (shown != name).then_some(shown),
                name,
                gender: Some(a.gender),
                kin,
                subject: false,
            },
            None => Candidate {
                pos,
                gender: genders.of_speaker(&name),
                name,
                shown: None,
                kin,
                subject: subject_at.contains(&pos),
            },
        });
    }
    // Never the person the attribution's verb addresses ("“…,” he told Rubio").
    let mut possible = people.into_iter().filter(|p| {
        p.gender.is_none_or(|g| g == want)
            && listener.is_none_or(|l| !speaker::same_speaker(l, &p.name))
    });
    let Candidate {
        pos,
        name,
        gender: g,
        shown,
        ..
    } = possible.next()?;
    // A person of unknown gender is taken when no one else could be meant, or when it is the
    // nearest person and named in the quote's own sentence or the one before (measured on
    // PolNeAR: more pronouns resolved, and more of them right).
    // A person known only as a sentence's opening surname is no rival here: it was weighed
    // against the sentences between it and the quote already.
    let close = sentence_at(doc, pos) + 1 >= sentence;
    if g.is_none() && !close && possible.any(|p| !p.subject) {
        return None;
    }
    if unsure
        .iter()
        .any(|(p, n)| *p > pos && !speaker::same_speaker(n, &name))
    {
        return None;
    }
    // Nor, when that person was named before the sentence before, when the sentence before or
    // the pronoun's own names someone else as a person ("… was reserved for The Aviator star
    // Leonardo DiCaprio, who paused …. He said …", BBC entertainment/354, after "Cate
    // Blanchett, Leonardo DiCaprio and Richard Gere were …"): "He" may mean that one.
    let previous = doc.sentences[sentence.saturating_sub(1)]
        .span
        .start
        .max(pos);
    if g.is_none()
        && !close
        && speaker::people_described(text, Span::new(previous, at))
            .iter()
            .any(|n| !speaker::same_speaker(n.slice(text), &name))
    {
        return None;
    }
    // Someone of that gender who speaks after the person, without a name ("But an executive
    // spokeswoman insisted … "He was talking in the context of adults …," she said.", BBC
    // politics/094, after Nicola Sturgeon): the pronoun means the nearer one, never the person
    // named before. A description that does not speak is no one a pronoun means ("the Boeing
    // was an unusual aircraft for a man of Mr. Trump's wealth", "being a father", PolNeAR).
    let nearer = speaker::gendered_descriptions(text, Span::new(pos, at))
        .into_iter()
        .rev()
        .find(|(s, dg, speaks)| {
            *speaks && *dg == want && s.start > pos && !inside_quote(outers, *s)
        });
    if let Some((s, _, _)) = nearer {
        return Some((s.slice(text).to_string(), SpeakerKind::Description, false));
    }
    // Someone described, not named, whom a sentence after the person's has speak, after
    // another person is named: "Neither Mr Howard nor Mr Letwin would say … urging Mr Howard to
    // announce … As the Tory leader declared, the aim … “At this election, …,” he said." (BBC
    // politics/344): "he" may be the one described (Mr Howard), so no one is given. With no one
    // else named between, the description is the person again ("Michael Howard has said. …
    // the Conservative leader said …").
    let described = (sentence_at(doc, pos) + 1..=sentence).any(|s| {
        speaker::speaking_descriptions(text, doc.sentences[s].span)
            .iter()
            .filter(|d| d.start > pos && d.end <= at && !inside_quote(outers, **d))
            .any(|d| {
                // A person who opens a sentence by the surname alone counts too ("Rubio
                // sought to stoke positive energy … Walking into the office to chants of
                // "Marco! Marco!," the senator said …", PolNeAR wash-post_2016-02-09, after
                // Sanders).
                let between = Span::new(pos, d.start);
                let leading = (sentence_at(doc, pos) + 1..=s).filter_map(|k| {
                    genders
                        .leading_surname(text, doc.sentences[k].span)
                        .filter(|n| n.end <= d.start)
                });
                speaker::people_named(text, between)
                    .into_iter()
                    .chain(leading)
                    .any(|n| !speaker::same_speaker(n.slice(text), &name))
            })
    });
    if described {
        return None;
    }
    Some(match shown {
        Some(shown) => (shown, SpeakerKind::Description, false),
        None => (name, SpeakerKind::Name, false),
    })
}

/// `"…how can you go against the movie?" Mr Kashyap's lawyer Mihir Desai said.` (BBC
/// entertainment/054.txt): a quote ending in "?" or "!" ends its sentence, and the attribution
/// is the short sentence right after it, in the same block.
fn next_sentence_attribution(doc: &Document, last: usize) -> Option<speaker::Attribution> {
    let text = doc.article.text.as_str();
    let (cur, next) = (doc.sentences.get(last)?, doc.sentences.get(last + 1)?);
    if next.paragraph != cur.paragraph
        || has_line_break(text.get(cur.span.end..next.span.start).unwrap_or("\n"))
        || next
            .span
            .slice(text)
            .split_whitespace()
            .take(MAX_NEXT_SENTENCE_WORDS + 1)
            .count()
            > MAX_NEXT_SENTENCE_WORDS
    {
        return None;
    }
    speaker::after(text, next.span)
}

/// Does the text after a quote open with an attribution verb ("said Jonny Evans") or
/// "according to"?
fn opens_attribution(text: &str, post: Span) -> bool {
    let word: String = post
        .slice(text)
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(16)
        .flat_map(char::to_lowercase)
        .collect();
    word == "according"
        || speaker::ATTRIBUTION_VERBS
            .binary_search(&word.as_str())
            .is_ok()
}

/// The text before top-level quote `q` in its sentence, back to the statement quote `prev`
/// before it when that is in the same sentence, at most [`ATTRIBUTION_WINDOW`] bytes.
fn pre_region(doc: &Document, q: &Found<'_>, prev: Option<&Found<'_>>) -> Span {
    let sentence = doc.sentences[q.first].span;
    let mut lo = sentence.start;
    if let Some(p) = prev
        && p.quote.outer.end > lo
        && p.quote.outer.end <= q.quote.outer.start
    {
        lo = p.quote.outer.end;
    }
    window_before(
        &doc.article.text,
        Span::new(lo, q.quote.outer.start),
        q.quote.outer.start,
    )
}

/// The text after top-level quote `q` in its sentence, up to the next statement quote `next`, at
/// most [`ATTRIBUTION_WINDOW`] bytes.
fn post_region(doc: &Document, q: &Found<'_>, next: Option<&Found<'_>>) -> Span {
    let text = doc.article.text.as_str();
    let start = q.quote.outer.end;
    let mut hi = doc.sentences[q.last].span.end.max(start);
    if let Some(n) = next
        && n.quote.outer.start < hi
        && n.quote.outer.start >= start
    {
        hi = n.quote.outer.start;
    }
    let mut cap = (start + ATTRIBUTION_WINDOW).min(hi).min(text.len());
    while !text.is_char_boundary(cap) {
        cap -= 1;
    }
    Span::new(start, cap.max(start))
}

/// `region` cut to its last [`ATTRIBUTION_WINDOW`] bytes before `end`, on a char boundary.
fn window_before(text: &str, region: Span, end: usize) -> Span {
    let mut lo = region.start.max(end.saturating_sub(ATTRIBUTION_WINDOW));
    while lo < end && !text.is_char_boundary(lo) {
        lo += 1;
    }
    Span::new(lo.min(end), end)
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/// How two quotes relate, worst last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    Exact,
    Partial,
    Altered,
}

/// Word keys numbered over all compared quotes, in the order they are first met.
#[derive(Default)]
struct Interner<'d> {
    ids: FxHashMap<Key, u32>,
    strs: Vec<Cow<'d, str>>,
}

impl<'d> Interner<'d> {
    #[cfg(test)]
    fn intern(&mut self, key: Cow<'d, str>) -> u32 {
        self.intern_key(Key::new(&key), || key)
    }

    /// The number of the key interned as `id` (`key` gives its text the first time).
    fn intern_key(&mut self, id: Key, key: impl FnOnce() -> Cow<'d, str>) -> u32 {
        let next = self.strs.len() as u32;
        let n = *self.ids.entry(id).or_insert(next);
        if n == next {
            self.strs.push(key());
        }
        n
    }

    /// Orders two key sequences by their words, not by their ids, so the order is the same
    /// whichever article came first.
    fn cmp(&self, a: &[u32], b: &[u32]) -> Ordering {
        a.len().cmp(&b.len()).then_with(|| {
            a.iter()
                .map(|&i| self.strs[i as usize].as_ref())
                .cmp(b.iter().map(|&i| self.strs[i as usize].as_ref()))
        })
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// The members of each group being formed, by article, each wording once: what
/// [`OneQuotation::compatible`] checks before two groups are joined.
struct OneQuotation {
    members: Vec<BTreeMap<usize, Vec<usize>>>,
    /// Each group's distinct wordings over all its articles, at most [`MAX_WORDINGS`]; `None`
    /// once a group has more (a quotation run in many wordings is not checked across articles).
    wordings: Vec<Option<Vec<usize>>>,
}

/// Most pairs of one article's wordings checked before joining two groups; a join that would
/// need more is refused (real articles hold a few wordings of one quotation).
const MAX_JOIN_CHECKS: usize = 64;

/// Most distinct wordings of one group checked against another group's across articles.
const MAX_WORDINGS: usize = 8;

impl OneQuotation {
    /// Starts from the groups `uf` holds (identical quotes), with `doc_of` each quote's article
    /// and `same` telling two quotes of one article and one wording.
    fn new(
        n: usize,
        uf: &mut UnionFind,
        doc_of: impl Fn(usize) -> usize,
        same: impl Fn(usize, usize) -> bool,
    ) -> Self {
        let mut members: Vec<BTreeMap<usize, Vec<usize>>> = vec![BTreeMap::new(); n];
        let mut wordings: Vec<Option<Vec<usize>>> = vec![Some(Vec::new()); n];
        for q in 0..n {
            let root = uf.find(q);
            let list = members[root].entry(doc_of(q)).or_default();
            if !list.iter().any(|&p| same(p, q)) {
                list.push(q);
            }
            // Identical quotes start in one group: one wording.
            if let Some(w) = &mut wordings[root]
                && w.is_empty()
            {
                w.push(q);
            }
        }
        OneQuotation { members, wordings }
    }

    /// True when joining the groups of `a` and `b` keeps every pair of quotes from one article
    /// `ok`, and every pair of wordings from two articles either related (`related`: the same
    /// words, one a fragment of the other, or one altered) or two fragments of one longer
    /// wording of the two groups (`len` gives a quote's length in words).
    ///
    /// A chain of two relations does not make one quotation of words that share nothing: a
    /// senator's email quoted whole ("Our fight is to transform our country … the struggle
    /// continues"), a fragment of it ("The struggle continues") and another speech that opens
    /// alike ("Our fight is to transform this country and …", PolNeAR wash-post_2016-06-09)
    /// are two quotations, not one altered three times.
    fn compatible(
        &mut self,
        uf: &mut UnionFind,
        a: usize,
        b: usize,
        ok: impl Fn(usize, usize) -> bool,
        related: impl Fn(usize, usize) -> Option<Relation>,
        len: impl Fn(usize) -> usize,
    ) -> bool {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb {
            return true;
        }
        if let (Some(wa), Some(wb)) = (&self.wordings[ra], &self.wordings[rb])
            && !wordings_related(wa, wb, &related, &len)
        {
            return false;
        }
        let (small, big) = if self.members[ra].len() <= self.members[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let mut checks = 0;
        for (doc, xs) in &self.members[small] {
            let Some(ys) = self.members[big].get(doc) else {
                continue;
            };
            for &x in xs {
                for &y in ys {
                    checks += 1;
                    if checks > MAX_JOIN_CHECKS || !ok(x, y) {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// Joins the groups of `a` and `b`; `same(x, y)` tells two quotes of one wording.
    fn union(
        &mut self,
        uf: &mut UnionFind,
        a: usize,
        b: usize,
        same: impl Fn(usize, usize) -> bool,
        same_words: impl Fn(usize, usize) -> bool,
    ) {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb {
            return;
        }
        let wordings = match (
            std::mem::take(&mut self.wordings[ra]),
            std::mem::take(&mut self.wordings[rb]),
        ) {
            (Some(mut wa), Some(wb)) => {
                for q in wb {
                    if !wa.iter().any(|&p| same_words(p, q)) {
                        wa.push(q);
                    }
                }
                (wa.len() <= MAX_WORDINGS).then_some(wa)
            }
            _ => None,
        };
        let mut x = std::mem::take(&mut self.members[ra]);
        let mut y = std::mem::take(&mut self.members[rb]);
        if x.len() < y.len() {
            std::mem::swap(&mut x, &mut y);
        }
        for (doc, list) in y {
            let into = x.entry(doc).or_default();
            for q in list {
                if !into.iter().any(|&p| same(p, q)) {
                    into.push(q);
                }
            }
        }
        uf.union(a, b);
        let root = uf.find(a);
        self.members[root] = x;
        self.wordings[root] = wordings;
    }
}

/// Whether every wording of `wa` and every one of `wb` are related (`related`: the same words,
/// one a fragment of the other, or one altered) or are two fragments of one longer wording of
/// the two lists (`len`: a quote's length in words). Each relation is a word diff: after
/// [`MAX_JOIN_CHECKS`] of them the rest are taken as related, so a quotation run in many
/// wordings costs a bounded check a join (the other checks of the join still run).
fn wordings_related(
    wa: &[usize],
    wb: &[usize],
    related: impl Fn(usize, usize) -> Option<Relation>,
    len: impl Fn(usize) -> usize,
) -> bool {
    let calls = std::cell::Cell::new(0usize);
    let relation = |x: usize, y: usize| {
        calls.set(calls.get() + 1);
        related(x, y)
    };
    let fragment =
        |x: usize, z: usize| len(z) > len(x) && relation(x, z) == Some(Relation::Partial);
    for &x in wa {
        for &y in wb {
            if calls.get() > MAX_JOIN_CHECKS {
                return true;
            }
            if relation(x, y).is_none()
                && !wa
                    .iter()
                    .chain(wb)
                    .any(|&z| fragment(x, z) && fragment(y, z))
            {
                return false;
            }
        }
    }
    true
}

/// Two quotes ordered by their words, so that an order built on it does not depend on the
/// order of the articles.
fn ordered(interner: &Interner<'_>, keys: &[Vec<u32>], a: usize, b: usize) -> (usize, usize) {
    if interner.cmp(&keys[a], &keys[b]) == Ordering::Greater {
        (b, a)
    } else {
        (a, b)
    }
}

/// One word, number or sign of an article's running text, for finding quotes used without
/// quote marks: the same in every pair the article is in, so the scan makes an article's list
/// once ([`Extracted`]), not once per pair.
#[derive(Clone, Copy, Debug)]
struct ArticleWord {
    /// [`match_key_id`] of the word.
    key: Key,
    /// The word's sentence.
    sentence: u32,
    /// Whether the word lies inside one of the article's quotes.
    quoted: bool,
}

impl ArticleWord {
    fn sentence(self) -> usize {
        self.sentence as usize
    }

    fn quoted(self) -> bool {
        self.quoted
    }
}

/// Bits of the set of a pair's quote words that [`UnquotedFinder`] rules words out by.
const QUOTED_KEY_BITS: usize = 4096;

/// Matches the quotations of all documents: each quotation once, with its occurrences in every
/// article and its status; ordered by first occurrence (doc, start).
pub fn match_quotes(docs: &[Document]) -> Vec<QuoteMatch> {
    match_quotes_trusting(docs, MISATTRIBUTION_METHODS)
}

/// The speaker methods whose speakers can make a quote `misattributed`: those measured right
/// often enough on PolNeAR that two articles' speakers differing means the articles differ
/// (README, "Accuracy"; tests/accuracy_quotes.rs).
pub const MISATTRIBUTION_METHODS: &[SpeakerMethod] =
    &[SpeakerMethod::Named, SpeakerMethod::Carried];

/// [`match_quotes`] with misattribution judged on the speakers found by the methods in
/// `trust`; for measuring which methods to trust.
#[doc(hidden)]
pub fn match_quotes_trusting(docs: &[Document], trust: &[SpeakerMethod]) -> Vec<QuoteMatch> {
    let found: Vec<Vec<Found<'_>>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| extract_found(d, i))
        .collect();
    let docs: Vec<&Document> = docs.iter().collect();
    match_found(&docs, found, &[], trust, true)
}

/// One document's quotations as [`match_quotes`] extracts them, for callers that match an
/// article with many others (the corpus scan extracts each article once, not once per pair).
#[derive(Clone, Debug)]
pub struct Extracted<'d>(Vec<Found<'d>>, Vec<ArticleWord>);

/// Extracts a document's quotations for [`match_extracted`].
pub fn extract_for_matching(doc: &Document) -> Extracted<'_> {
    let found = extract_found(doc, 0);
    let words = article_words(doc, &found);
    Extracted(found, words)
}

/// [`match_quotes`] over documents whose quotations were extracted beforehand
/// ([`extract_for_matching`]); `extracted[i]` must be `docs[i]`'s. The same result as
/// `match_quotes` on the same documents, without the quotations found in one article only
/// ([`QuoteStatus::Unmatched`]): its callers, the corpus scan and `find-quote`, look for
/// quotations shared across articles.
pub fn match_extracted<'d>(docs: &[&'d Document], extracted: &[&Extracted<'d>]) -> Vec<QuoteMatch> {
    let found = extracted
        .iter()
        .enumerate()
        .map(|(i, e)| {
            e.0.iter()
                .map(|f| {
                    let mut f = f.clone();
                    f.quote.doc = i;
                    f
                })
                .collect()
        })
        .collect();
    let words: Vec<Option<&[ArticleWord]>> =
        extracted.iter().map(|e| Some(e.1.as_slice())).collect();
    match_found(docs, found, &words, MISATTRIBUTION_METHODS, false)
}

/// `words[d]`, when given, is [`article_words`] of `docs[d]`. Quotations found in one
/// article only ([`QuoteStatus::Unmatched`]) are left out unless `unmatched`.
fn match_found<'d>(
    docs: &[&'d Document],
    found: Vec<Vec<Found<'d>>>,
    words: &[Option<&[ArticleWord]>],
    trust: &[SpeakerMethod],
    unmatched: bool,
) -> Vec<QuoteMatch> {
    let (inner_found, inner_parent) = inner_statements(docs, &found);
    let mut quotes: Vec<&Found<'_>> = Vec::new();
    let mut index_of: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (d, list) in found.iter().enumerate() {
        for (i, f) in list.iter().enumerate() {
            if !f.nested && !f.words.is_empty() {
                index_of.insert((d, i), quotes.len());
                quotes.push(f);
            }
        }
    }
    if quotes.is_empty() {
        return Vec::new();
    }
    // Statements quoted inside another quote come last; `inner` flags them and `children`
    // lists each outer quote's.
    let top_count = quotes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); top_count];
    for (f, &(d, parent)) in inner_found.iter().zip(&inner_parent) {
        if let Some(&p) = index_of.get(&(d, parent)) {
            children[p].push(quotes.len());
            quotes.push(f);
        }
    }
    let inner = |q: usize| q >= top_count;
    let mut interner = Interner::default();
    let keys: Vec<Vec<u32>> = quotes
        .iter()
        .map(|q| {
            q.words
                .iter()
                .map(|w| interner.intern_key(w.id, || w.key.clone()))
                .collect()
        })
        .collect();
    let brackets: Vec<Vec<Mark>> = quotes
        .iter()
        .map(|q| {
            q.words
                .iter()
                .map(|w| Mark {
                    bracketed: w.bracketed,
                    name: w.name,
                    capital: w.capital,
                })
                .collect()
        })
        .collect();
    let doc_of = |q: usize| quotes[q].quote.doc;
    let titled: Vec<bool> = quotes
        .iter()
        .map(|q| title_cased(docs[q.quote.doc], q))
        .collect();

    let mut uf = UnionFind((0..quotes.len()).collect());
    let mut worst: Vec<(usize, usize, Relation)> = Vec::new();

    // Identical words: one quote, whether in one article or several.
    // A slogan or title written in title case ("Trump’s “Make America Great Again” rallying
    // cry") is not the same quotation as a sentence that says those words ("Clinton said the
    // goal was not to “make America great again”", PolNeAR breitbart_2016-03-01): the two are
    // kept apart, as identical words and as fragments.
    let mut same: FxHashMap<(&[u32], bool), Vec<usize>> = FxHashMap::default();
    for (q, k) in keys.iter().enumerate() {
        same.entry((k.as_slice(), titled[q])).or_default().push(q);
    }
    // Misattribution is judged between quotes whose words match directly (not through a chain
    // of fragments): the identical ones here, the related pairs below.
    let mut conflicting: Vec<usize> = Vec::new();
    for members in same.values() {
        for w in members.windows(2) {
            uf.union(w[0], w[1]);
        }
        if misattributed(&quotes, members, trust) {
            conflicting.push(members[0]);
        }
    }

    // Trigram postings of quote words; bigrams of two-word quotes.
    let mut trigrams: FxHashMap<[u32; 3], Vec<(u32, u32)>> = FxHashMap::default();
    let mut bigrams: FxHashMap<[u32; 2], Vec<u32>> = FxHashMap::default();
    for (q, k) in keys.iter().enumerate().take(top_count) {
        for (i, w) in k.windows(3).enumerate() {
            trigrams
                .entry([w[0], w[1], w[2]])
                .or_default()
                .push((q as u32, i as u32));
        }
        if k.len() == 2 {
            bigrams.entry([k[0], k[1]]).or_default().push(q as u32);
        }
    }

    // Candidate pairs across articles.
    let mut candidates: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut counts: FxHashMap<usize, u32> = FxHashMap::default();
    for (q, k) in keys.iter().enumerate().take(top_count) {
        // A term joins other quotes only when identical (see below), and identical quotes are
        // already grouped: no candidate pair involving a term needs a diff.
        if quotes[q].quote.term {
            continue;
        }
        counts.clear();
        for w in k.windows(3) {
            let Some(list) = trigrams.get(&[w[0], w[1], w[2]]) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &(o, _) in list {
                let o = o as usize;
                if o != q && keys[o] != *k && !quotes[o].quote.term {
                    *counts.entry(o).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, u32)> = counts.iter().map(|(&o, &c)| (o, c)).collect();
        ranked.sort_by(|x, y| {
            y.1.cmp(&x.1)
                .then_with(|| interner.cmp(&keys[x.0], &keys[y.0]))
                .then_with(|| quotes[x.0].quote.span.cmp(&quotes[y.0].quote.span))
        });
        ranked.truncate(MAX_CANDIDATES);
        for (o, _) in ranked {
            candidates.insert((q.min(o), q.max(o)));
        }
        for w in k.windows(2) {
            if let Some(list) = bigrams.get(&[w[0], w[1]]) {
                if list.len() > MAX_POSTINGS {
                    continue;
                }
                for &o in list {
                    let o = o as usize;
                    if o != q && keys[o] != *k && !quotes[o].quote.term {
                        candidates.insert((q.min(o), q.max(o)));
                    }
                }
            }
        }
    }
    let mut candidates: Vec<(usize, usize)> = candidates.into_iter().collect();
    candidates.sort_unstable();
    let mut edges: Vec<(usize, usize, Relation)> = Vec::new();
    let parts: Vec<&[usize]> = quotes.iter().map(|q| q.parts.as_slice()).collect();
    let related = |x: usize, y: usize| {
        relate(
            &interner,
            (&keys[x], &brackets[x]),
            (&keys[y], &brackets[y]),
        )
        .or_else(|| relate_parts(&interner, &keys, &brackets, &parts, x, y))
    };
    for (a, b) in candidates {
        let mut r = related(a, b);
        // A term (a scare-quoted word or two) joins other quotes only when identical: as a
        // fragment it would chain unrelated statements together.
        let term = quotes[a].quote.term || quotes[b].quote.term;
        let (mut a, mut b) = (a, b);
        // Words another quote holds only as a statement it quotes (a tweet quoting Clinton)
        // are that statement's: the quote joins the inner statement, not the outer one.
        if matches!(r, Some(Relation::Partial | Relation::Altered)) && !term {
            let (s, l) = if keys[a].len() <= keys[b].len() {
                (a, b)
            } else {
                (b, a)
            };
            let with_outer = common_words(&keys[s], &keys[l]);
            let child = children[l].iter().copied().find_map(|c| {
                let rc = relate(
                    &interner,
                    (&keys[s], &brackets[s]),
                    (&keys[c], &brackets[c]),
                )?;
                (common_words(&keys[s], &keys[c]) + 1 >= with_outer).then_some((c, rc))
            });
            if let Some((c, rc)) = child {
                (a, b, r) = (s.min(c), s.max(c), Some(rc));
            }
        }
        let Some(r) = r else { continue };
        let joins = match r {
            Relation::Exact => false,
            _ if term => false,
            _ if titled[a] != titled[b] => false,
            // Within one article only a fragment of a quote is the same quote again.
            Relation::Partial => true,
            // Two short phrases that no one is credited with, each inside the writer's own
            // sentence, are an idiom in scare quotes when their words differ, not one quotation
            // altered: critics claim a bill would legalise euthanasia "by the back door" / would
            // allow it "through the back door" (BBC politics/068, politics/180).
            Relation::Altered if phrase(quotes[a]) && phrase(quotes[b]) => false,
            Relation::Altered => doc_of(a) != doc_of(b),
        };
        if joins {
            edges.push((a, b, r));
        }
    }
    let mut edges = unambiguous(&quotes, &keys, &brackets, &interner, edges, trust);
    // Closest first: a quote related to two different quotations of one article joins the one
    // it shares most words with.
    let closeness = |a: usize, b: usize| {
        let shorter = keys[a].len().min(keys[b].len()).max(1);
        (common_words(&keys[a], &keys[b]) * 1000 / shorter, shorter)
    };
    edges.sort_by(|x, y| {
        closeness(y.0, y.1)
            .cmp(&closeness(x.0, x.1))
            .then_with(|| x.2.cmp(&y.2))
            .then_with(|| {
                let (xl, xh) = ordered(&interner, &keys, x.0, x.1);
                let (yl, yh) = ordered(&interner, &keys, y.0, y.1);
                interner
                    .cmp(&keys[xl], &keys[yl])
                    .then_with(|| interner.cmp(&keys[xh], &keys[yh]))
            })
            .then_with(|| (x.0, x.1).cmp(&(y.0, y.1)))
    });
    // One wording of one article is checked once, per person it is credited to by name.
    let same_wording = |x: usize, y: usize| {
        doc_of(x) == doc_of(y)
            && keys[x] == keys[y]
            && named_person(quotes[x]) == named_person(quotes[y])
    };
    let mut one = OneQuotation::new(quotes.len(), &mut uf, doc_of, same_wording);
    for (a, b, r) in edges {
        // One entry never holds two different quotations: a join that would put two quotes of
        // one article that are neither the same words nor one a fragment of the other into one
        // group is refused ("Let's dispel with this fiction that Barack Obama doesn't know what
        // he's doing …" and "This notion that Barack Obama doesn't know what he's doing is just
        // not true …", both Rubio's, both quoted by one article, each like a third article's).
        // Nor two quotes one article credits to two people by name: "not quite there yet" as
        // Ryan's May words and as Trump's August answer that echoes them (PolNeAR
        // huff-post_2016-08-05) are two quotations, whatever their words.
        if !one.compatible(
            &mut uf,
            a,
            b,
            |x, y| {
                doc_of(x) != doc_of(y)
                    || (!two_people(quotes[x], quotes[y])
                        && (keys[x] == keys[y]
                            || relate(
                                &interner,
                                (&keys[x], &brackets[x]),
                                (&keys[y], &brackets[y]),
                            ) == Some(Relation::Partial)))
            },
            related,
            |q| keys[q].len(),
        ) {
            continue;
        }
        one.union(&mut uf, a, b, same_wording, |x, y| keys[x] == keys[y]);
        if doc_of(a) == doc_of(b) {
            continue;
        }
        worst.push((a, b, r));
        // A fragment credited to someone else is not "the same words": the two must be
        // altered versions of one another, of comparable length.
        let (la, lb) = (keys[a].len(), keys[b].len());
        let comparable = la <= 2 * lb && lb <= 2 * la;
        // Related only through one part of a quotation interrupted by its attribution, two
        // quotes are too loosely the same words to say that one is credited wrongly.
        let whole = || {
            relate(
                &interner,
                (&keys[a], &brackets[a]),
                (&keys[b], &brackets[b]),
            )
            .is_some()
        };
        if r == Relation::Altered && comparable && whole() && misattributed(&quotes, &[a, b], trust)
        {
            conflicting.push(a);
        }
    }

    // Groups.
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for q in 0..quotes.len() {
        let root = uf.find(q);
        groups.entry(root).or_default().push(q);
    }
    let mut relation: FxHashMap<usize, Relation> = FxHashMap::default();
    for (a, _, r) in worst {
        let root = uf.find(a);
        let e = relation.entry(root).or_insert(Relation::Exact);
        *e = (*e).max(r);
    }

    let misattributed_groups: FxHashSet<usize> =
        conflicting.into_iter().map(|q| uf.find(q)).collect();
    let unquoted = UnquotedFinder::new(docs, &found, words, &quotes, &keys, &interner, &trigrams);

    let mut out: Vec<QuoteMatch> = Vec::with_capacity(groups.len());
    for (root, mut members) in groups {
        // A statement quoted inside another quote and matched to nothing else is reported
        // with the quote that holds it.
        if members.iter().all(|&q| inner(q)) {
            continue;
        }
        members.sort_by_key(|&q| {
            (
                doc_of(q),
                quotes[q].quote.span.start,
                quotes[q].quote.span.end,
            )
        });
        let docs_quoted: BTreeSet<usize> = members.iter().map(|&q| doc_of(q)).collect();
        // The places other articles run the words without quote marks.
        let mut elsewhere: Vec<Occurrence> = Vec::new();
        if docs_quoted.len() < docs.len() {
            // Each distinct wording once: a quote repeated a thousand times is searched once.
            let mut searched: FxHashSet<&[u32]> = FxHashSet::default();
            let wordings: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&q| searched.insert(keys[q].as_slice()))
                .collect();
            for e in (0..docs.len()).filter(|e| !docs_quoted.contains(e)) {
                for &q in &wordings {
                    elsewhere.extend(unquoted.find(q, e, quotes[q].quote.speaker.as_deref()));
                }
            }
        }
        let found_unquoted = !elsewhere.is_empty();
        // Quoted by one article and run by no other: unmatched (see the status below).
        if !unmatched && docs_quoted.len() < 2 && !found_unquoted {
            continue;
        }
        let mut occurrences: Vec<Occurrence> = members
            .iter()
            .map(|&q| {
                let f = quotes[q];
                let text = f.whole.slice(&docs[f.quote.doc].article.text).to_string();
                Occurrence {
                    doc: f.quote.doc,
                    start: f.whole.start,
                    end: f.whole.end,
                    text,
                    speaker: f.quote.speaker.clone(),
                    speaker_method: f.quote.method,
                    quoted: true,
                    term: f.quote.term,
                    parts: f.part_spans.clone(),
                }
            })
            .collect();
        occurrences.append(&mut elsewhere);
        occurrences.sort_by(|a, b| {
            (a.doc, a.start, a.end, !a.quoted).cmp(&(b.doc, b.start, b.end, !b.quoted))
        });
        occurrences.dedup_by(|a, b| a.doc == b.doc && a.start == b.start && a.end == b.end);

        let status = if docs_quoted.len() >= 2 {
            if misattributed_groups.contains(&root) {
                QuoteStatus::Misattributed
            } else {
                match relation.get(&root).copied().unwrap_or(Relation::Exact) {
                    // Quoted alike by some articles, run without quote marks by another: the
                    // missing marks are what the reader needs to know.
                    Relation::Exact if found_unquoted => QuoteStatus::Unquoted,
                    Relation::Exact => QuoteStatus::Exact,
                    Relation::Partial => QuoteStatus::Partial,
                    Relation::Altered => QuoteStatus::Altered,
                }
            }
        } else if found_unquoted {
            QuoteStatus::Unquoted
        } else {
            QuoteStatus::Unmatched
        };

        let first = members[0];
        let first_doc = &docs[doc_of(first)];
        let diff = match status {
            QuoteStatus::Altered | QuoteStatus::Partial => {
                let want = if status == QuoteStatus::Altered {
                    Relation::Altered
                } else {
                    Relation::Partial
                };
                let differing: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|&m| keys[m] != keys[first])
                    .collect();
                let other = differing
                    .iter()
                    .copied()
                    .take(MAX_CANDIDATES)
                    .find(|&m| related(first, m) == Some(want))
                    .or_else(|| differing.first().copied());
                match other {
                    Some(m) => (
                        diff_pieces(
                            first_doc,
                            quotes[first],
                            &keys[first],
                            docs[doc_of(m)],
                            quotes[m],
                            &keys[m],
                        ),
                        Some(m),
                    ),
                    None => (Vec::new(), None),
                }
            }
            _ => (Vec::new(), None),
        };
        let (diff, other) = diff;
        let place = |q: usize| {
            let span = quotes[q].whole;
            occurrences.iter().position(|o| {
                o.doc == doc_of(q) && o.start == span.start && o.end == span.end && o.quoted
            })
        };
        let diff_occurrences = match other {
            Some(m) if !diff.is_empty() => place(first).zip(place(m)).map(|(l, r)| [l, r]),
            _ => None,
        };
        let mut diffs = Vec::new();
        if matches!(
            status,
            QuoteStatus::Altered | QuoteStatus::Partial | QuoteStatus::Misattributed
        ) {
            let index: FxHashMap<(usize, usize, usize), usize> = occurrences
                .iter()
                .enumerate()
                .filter(|(_, o)| o.quoted)
                .map(|(i, o)| ((o.doc, o.start, o.end), i))
                .collect();
            let at = |q: usize| {
                let span = quotes[q].whole;
                index.get(&(doc_of(q), span.start, span.end)).copied()
            };
            // Each wording is diffed against one reference: the first quoted occurrence when
            // the two are directly related, else the earliest wording before it that is (a
            // group joined through a chain of fragments has wordings that share no words
            // with the first); a wording related directly to none is not diffed.
            let mut wordings: FxHashSet<&[u32]> = FxHashSet::default();
            let mut seen: Vec<usize> = vec![first];
            wordings.insert(keys[first].as_slice());
            for &m in &members {
                if !wordings.insert(keys[m].as_slice()) {
                    continue;
                }
                let reference = seen
                    .iter()
                    .take(MAX_CANDIDATES)
                    .copied()
                    .find(|&r| related(r, m).is_some());
                seen.push(m);
                let Some(r) = reference else { continue };
                if let Some((li, ri)) = at(r).zip(at(m)) {
                    diffs.push(OccurrenceDiff {
                        occurrences: [li, ri],
                        diff: diff_pieces(
                            docs[doc_of(r)],
                            quotes[r],
                            &keys[r],
                            docs[doc_of(m)],
                            quotes[m],
                            &keys[m],
                        ),
                    });
                }
            }
            diffs.sort_by_key(|d| d.occurrences[1]);
        }
        out.push(QuoteMatch {
            diffs,
            text: quotes[first]
                .whole
                .slice(&first_doc.article.text)
                .to_string(),
            status,
            occurrences,
            diff,
            diff_occurrences,
        });
    }
    out.sort_by(|a, b| {
        let ka = a.occurrences.first().map(|o| (o.doc, o.start, o.end));
        let kb = b.occurrences.first().map(|o| (o.doc, o.start, o.end));
        ka.cmp(&kb).then_with(|| a.text.cmp(&b.text))
    });
    out
}

/// A short phrase in the writer's own sentence that no one is credited with: fewer than
/// [`SHORT_QUOTE_WORDS`] words, not opening its sentence, no speaker.
fn phrase(f: &Found<'_>) -> bool {
    f.words.len() < SHORT_QUOTE_WORDS && !f.starts_sentence && f.quote.speaker.is_none()
}

/// A short quote written in title case inside a sentence that is not: a slogan or a title
/// ("Make America Great Again"), not words a speaker said in a sentence. At least three words
/// capitalised, every other one a short function word ("of", "the"), fewer than
/// [`SHORT_QUOTE_WORDS`] words; a headline's quotes are in title case like the rest of it.
fn title_cased(doc: &Document, f: &Found<'_>) -> bool {
    let text = doc.article.text.as_str();
    let n = f.words.len();
    if !(3..SHORT_QUOTE_WORDS).contains(&n) {
        return false;
    }
    let mut capitals = 0;
    for w in &f.words {
        let word = w.span.slice(text);
        let Some(c) = word.chars().find(|c| c.is_alphanumeric()) else {
            return false;
        };
        if c.is_uppercase() {
            capitals += 1;
        } else if !(word.len() <= 3 && tokenize::is_stopword(&w.key)) {
            return false;
        }
    }
    capitals >= 3
        && doc
            .sentences
            .get(f.first)
            .is_some_and(|s| !speaker::headline_case(text, s.span))
}

/// The joins between related quotes that keep one entry to one quotation. A short fragment
/// (fewer than [`SHORT_QUOTE_WORDS`] words) that is part of two longer quotes that are not versions of one another ("Lock her up!" inside a
/// chant and inside a delegate's remark about it) cannot say which it belongs to: it joins
/// neither. A short fragment credited by name to someone other than the longer quote's named
/// speaker ("Make America Great Again", a slogan, said by a party official and by Trump) is
/// another quotation with the same words, not the same one. Identical quotes count as one:
/// their longer partners are pooled. Each fragment checks at most its few candidates' pairs.
fn unambiguous(
    quotes: &[&Found<'_>],
    keys: &[Vec<u32>],
    brackets: &[Vec<Mark>],
    interner: &Interner<'_>,
    edges: Vec<(usize, usize, Relation)>,
    trust: &[SpeakerMethod],
) -> Vec<(usize, usize, Relation)> {
    // The shorter side of each edge, and its longer partners, pooled by identical words.
    let shorter = |a: usize, b: usize| match keys[a].len().cmp(&keys[b].len()) {
        Ordering::Less => Some((a, b)),
        Ordering::Greater => Some((b, a)),
        Ordering::Equal => None,
    };
    let mut partners: FxHashMap<&[u32], Vec<usize>> = FxHashMap::default();
    for &(a, b, _) in &edges {
        if let Some((s, l)) = shorter(a, b) {
            let list = partners.entry(keys[s].as_slice()).or_default();
            if !list.iter().any(|&p| keys[p] == keys[l]) {
                list.push(l);
            }
        }
    }
    let ambiguous: FxHashSet<&[u32]> = partners
        .iter()
        // Eight words or more in both are one utterance told at two lengths ("Although the
        // Second Amendment people, maybe there is, I don’t know" with the words before it in
        // one article and after it in another).
        .filter(|(words, _)| words.len() < SHORT_QUOTE_WORDS)
        .filter(|(_, list)| {
            let list = &list[..list.len().min(MAX_CANDIDATES)];
            list.iter().enumerate().any(|(i, &p)| {
                list[i + 1..].iter().any(|&q| {
                    relate(interner, (&keys[p], &brackets[p]), (&keys[q], &brackets[q])).is_none()
                })
            })
        })
        .map(|(&k, _)| k)
        .collect();
    edges
        .into_iter()
        .filter(|&(a, b, _)| {
            let Some((s, l)) = shorter(a, b) else {
                return true;
            };
            if ambiguous.contains(keys[s].as_slice()) {
                return false;
            }
            let (fs, fl) = (quotes[s], quotes[l]);
            let other_speaker = trusted(fs, trust)
                && trusted(fl, trust)
                && fs.quote.doc != fl.quote.doc
                && match (&fs.quote.speaker, &fl.quote.speaker) {
                    (Some(x), Some(y)) => !speaker::same_speaker(x, y),
                    _ => false,
                };
            !(other_speaker && keys[s].len() < SHORT_QUOTE_WORDS)
        })
        .collect()
}

/// Statements quoted inside a top-level quote (“Debate recap,” tweeted Alex Conant.
/// “Clinton: ‘I come from the 60s, a long time ago.’ …”), each with the index of the quote that
/// holds it in its article's list. An inner statement is credited only to whom the outer quote
/// names right before it ("Clinton:", "as Clinton said,"), never to the outer quote's speaker.
/// Scare-quoted terms and the second half of an interrupted quotation are not inner statements.
fn inner_statements<'d>(
    docs: &[&'d Document],
    found: &[Vec<Found<'d>>],
) -> (Vec<Found<'d>>, Vec<(usize, usize)>) {
    let mut out = Vec::new();
    let mut parents = Vec::new();
    for (d, list) in found.iter().enumerate() {
        let text = docs[d].article.text.as_str();
        let mut parent: Option<usize> = None;
        let mut from = 0;
        for (i, f) in list.iter().enumerate() {
            if !f.nested {
                parent = Some(i);
                from = f.quote.span.start;
                continue;
            }
            let Some(p) = parent else { continue };
            let outer = list[p].quote.outer;
            if f.quote.outer.start < outer.start || f.quote.outer.end > outer.end {
                continue;
            }
            let region = Span::new(from.min(f.quote.outer.start), f.quote.outer.start);
            from = from.max(f.quote.outer.end);
            if f.quote.term || f.words.is_empty() {
                continue;
            }
            let named = speaker::colon_name(text, region)
                .or_else(|| speaker::before(text, region))
                .filter(|a| a.kind == SpeakerKind::Name && !a.relay);
            let mut g = f.clone();
            g.nested = false;
            g.quote.method = named.as_ref().map(|_| SpeakerMethod::Named);
            g.quote.speaker = named.map(|a| a.speaker);
            g.kind = g.quote.speaker.as_ref().map(|_| SpeakerKind::Name);
            g.certain = g.quote.speaker.is_some();
            out.push(g);
            parents.push((d, p));
        }
    }
    (out, parents)
}

/// A quote's speaker is a person or body named, not relayed ("reported", "according to"), and
/// found by a method in `trust`.
/// Two quotes credited by name to two different people ("Ryan", "Trump"): named in the
/// sentence or carried from a named quote, each a person, not the same one. A description
/// ("the prime minister" for Mr Blair) or a pronoun never makes two people.
fn two_people(a: &Found<'_>, b: &Found<'_>) -> bool {
    match (named_person(a), named_person(b)) {
        (Some(x), Some(y)) => !speaker::same_speaker(x, y),
        _ => false,
    }
}

/// The person a quote is credited to by name (see [`two_people`]).
fn named_person<'f>(f: &'f Found<'_>) -> Option<&'f str> {
    let method = f.quote.method?;
    let s = f.quote.speaker.as_deref()?;
    (f.certain
        && !f.quote.term
        && matches!(method, SpeakerMethod::Named | SpeakerMethod::Carried)
        && f.kind == Some(SpeakerKind::Name)
        && speaker::is_person(s))
    .then_some(s)
}

fn trusted(f: &Found<'_>, trust: &[SpeakerMethod]) -> bool {
    f.certain && f.quote.method.is_some_and(|m| trust.contains(&m))
}

/// Among quotes with the same words (or directly related words), two in different articles
/// with named speakers that are not the same person. Terms never count.
fn misattributed(quotes: &[&Found<'_>], members: &[usize], trust: &[SpeakerMethod]) -> bool {
    let mut named: Vec<(usize, &str)> = members
        .iter()
        .map(|&q| quotes[q])
        .filter(|f| !f.quote.term && trusted(f, trust))
        .filter_map(|f| f.quote.speaker.as_deref().map(|s| (f.quote.doc, s)))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Distinct (article, speaker) pairs are few in real text; bound the pairwise check anyway.
    named.truncate(MAX_CANDIDATES * 2);
    named.iter().enumerate().any(|(i, &(da, sa))| {
        named[i + 1..]
            .iter()
            .any(|&(db, sb)| da != db && !speaker::same_speaker(sa, sb))
    })
}

/// How a part of a quotation interrupted by its attribution relates to another quote, when the
/// two whole quotes do not: another article may quote only the later part, in other words
/// ("Though the Second Amendment people, maybe there is, I don't know", after "If she gets to
/// pick her judges, nothing you can do folks," in one article; "Although the Second Amendment
/// people, maybe there is, I don’t know. But I’ll tell you what. …" alone in another, PolNeAR).
/// A part the other quote holds whole makes the other a longer telling: `Altered` (the whole
/// quotes each have words of their own); the other quote inside one part is `Partial`; a part
/// altered is `Altered`. Each part is related by [`relate`]'s rules and must besides be
/// [`SHORT_QUOTE_WORDS`] words or more with nearly all of them ([`PART_MIN_SHARE`]) in the
/// other quote: a part is short, and two quotations of one event share words ("and I fully
/// support and endorse his re-election", Trump of McCain, and "I strongly support Paul Ryan,
/// strongly endorse his re-election …", Pence, PolNeAR) without being one.
fn relate_parts(
    interner: &Interner<'_>,
    keys: &[Vec<u32>],
    brackets: &[Vec<Mark>],
    parts: &[&[usize]],
    a: usize,
    b: usize,
) -> Option<Relation> {
    for (x, y) in [(a, b), (b, a)] {
        let cuts = parts[x];
        if cuts.is_empty() {
            continue;
        }
        let mut bounds = Vec::with_capacity(cuts.len() + 2);
        bounds.push(0);
        bounds.extend_from_slice(cuts);
        bounds.push(keys[x].len());
        for w in bounds.windows(2) {
            let (lo, hi) = (w[0], w[1].min(keys[x].len()));
            if hi - lo < SHORT_QUOTE_WORDS
                || (common_words(&keys[x][lo..hi], &keys[y]) as f64)
                    < PART_MIN_SHARE * (hi - lo) as f64
            {
                continue;
            }
            let r = relate(
                interner,
                (&keys[x][lo..hi], &brackets[x][lo..hi]),
                (&keys[y], &brackets[y]),
            );
            match r {
                Some(Relation::Exact) => return Some(Relation::Partial),
                Some(Relation::Partial) if keys[y].len() < hi - lo => {
                    return Some(Relation::Partial);
                }
                Some(_) => return Some(Relation::Altered),
                None => {}
            }
        }
    }
    None
}

/// How two quotes' words relate: the same, one a fragment of the other, or one altered (words
/// inserted, cut or replaced; a bracketed insertion is an alteration, never a longer
/// fragment). Computed in an order fixed by the words, so it is symmetric.
/// How many words two key sequences have in common, repeats counted (an upper bound on the
/// words a diff finds equal).
fn common_words(a: &[u32], b: &[u32]) -> usize {
    let (mut x, mut y) = (a.to_vec(), b.to_vec());
    x.sort_unstable();
    y.sort_unstable();
    crate::align::sorted_common(&x, &y)
}

fn relate(interner: &Interner<'_>, a: (&[u32], &[Mark]), b: (&[u32], &[Mark])) -> Option<Relation> {
    if a.0 == b.0 {
        return Some(Relation::Exact);
    }
    let (short, long) = if interner.cmp(a.0, b.0) == Ordering::Greater {
        (b, a)
    } else {
        (a, b)
    };
    let (s, l) = (short.0, long.0);
    if s.len() < 2 {
        return None;
    }
    // No diff where the words in common cannot reach the share an alteration needs.
    if (common_words(s, l) as f64) < ALTERED_MIN_SHARE * s.len() as f64 {
        return None;
    }
    let edits = worddiff::diff(s, l);
    let equal_runs: Vec<&worddiff::WordEdit> =
        edits.iter().filter(|e| e.op == EditOp::Equal).collect();
    let equal: usize = equal_runs.iter().map(|e| e.left.len()).sum();
    let longest = equal_runs.iter().map(|e| e.left.len()).max().unwrap_or(0);
    let only_inserts = edits
        .iter()
        .all(|e| e.op == EditOp::Equal || e.op == EditOp::Insert);
    if equal == s.len() && equal_runs.len() == 1 && only_inserts {
        let run = &equal_runs[0].right;
        // A phrase the longer quote holds only as a name, every word capitalised, is that
        // name, not a fragment of the statement: the campaign "Make love not spam" and Lycos's
        // "There is nothing to suggest that Make Love, Not Spam has brought down …" (BBC
        // tech/147, tech/214); Jeb Bush's unsaid ''Donald Trump.'' and Collins's "Donald Trump
        // has clearly demonstrated …" (PolNeAR nyt_2016-02-22, huff-post_2016-02-24).
        if run.len() >= 2
            && run
                .clone()
                .all(|i| long.1.get(i).is_some_and(|m| m.name || m.capital))
        {
            return None;
        }
        let extra_all_bracketed = (0..l.len())
            .filter(|i| !run.contains(i))
            .all(|i| long.1.get(i).is_some_and(|m| m.bracketed));
        return Some(if extra_all_bracketed {
            Relation::Altered
        } else {
            Relation::Partial
        });
    }
    let need_run = s.len().min((s.len() / 4).max(ALTERED_MIN_RUN));
    let share = equal as f64 / s.len() as f64;
    // A short quote may differ by one word only: "At that point in time" is not "at that
    // point people will begin to have a sense of the financial impact".
    // Nor is a short phrase an alteration of a much longer quote it shares a stock phrase with
    // ("law and order candidate" and a speech that says "restore law and order to our
    // country", PolNeAR RNC coverage): at most twice as long.
    let short_ok = s.len() >= SHORT_QUOTE_WORDS || (equal + 1 >= s.len() && l.len() <= 2 * s.len());
    if share < ALTERED_MIN_SHARE || longest < need_run || !short_ok {
        return None;
    }
    // The shared words must carry the meaning, not only "will have to" or "in the next", and
    // lie close together in the longer quote (a cut leaves a gap, scattered words do not).
    let content = |ks: &[u32]| {
        ks.iter()
            .filter(|&&k| !tokenize::is_stopword(&interner.strs[k as usize]))
            .count()
    };
    // A name shared is one word in common however many words it has: two quotations that
    // share "the Republican National Committee" and little else ("I'm very disappointed in the
    // RNC, Republican National Committee" / "I'm very happy with the way the Republican
    // National Committee has handled the debates", PolNeAR) are two quotations.
    let names = short.1;
    let shared_content: usize = equal_runs
        .iter()
        .map(|e| {
            let r = e.left.clone();
            let in_name = |i: usize| names.get(i).is_some_and(|m| m.name);
            content(&s[r.clone()])
                - r.clone()
                    .filter(|&i| i > r.start && in_name(i) && in_name(i - 1))
                    .filter(|&i| !tokenize::is_stopword(&interner.strs[s[i] as usize]))
                    .count()
        })
        .sum();
    let own_content = content(s);
    let need_content = own_content
        .saturating_sub(1)
        .clamp(1, MIN_SHARED_CONTENT_WORDS);
    // A short quote with one or two content words keeps them all ("a lot of emotion" is not
    // "a lot of Missouri supporters", PolNeAR).
    let need_content = if s.len() < SHORT_QUOTE_WORDS && own_content <= 2 {
        own_content
    } else {
        need_content
    };
    if shared_content < need_content {
        return None;
    }
    // Two quotations that share a phrase and then go their own ways ("… I don’t think there
    // are few of them" / "… I don’t think there are any Christian groups that …"): words of
    // their own on both sides at either end are a different continuation, not an alteration.
    // One side longer only is a cut with a change ("Though the Second Amendment people …" /
    // "If she gets to pick her judges, …, folks. Although the Second Amendment people …").
    let diverges = |e: &worddiff::WordEdit| {
        e.op == EditOp::Replace && e.left.len().min(e.right.len()) >= DIVERGING_WORDS
    };
    if edits.first().is_some_and(diverges) || edits.last().is_some_and(diverges) {
        return None;
    }
    let window = match (equal_runs.first(), equal_runs.last()) {
        (Some(f), Some(g)) => g.right.end - f.right.start,
        _ => return None,
    };
    (equal * 2 >= window).then_some(Relation::Altered)
}

/// The word diff from the first occurrence to another, as written on each side.
fn diff_pieces(
    left_doc: &Document,
    left: &Found<'_>,
    left_keys: &[u32],
    right_doc: &Document,
    right: &Found<'_>,
    right_keys: &[u32],
) -> Vec<DiffPiece> {
    let edits = worddiff::merge_replacements(worddiff::diff(left_keys, right_keys));
    edits
        .into_iter()
        .map(|e| {
            let changed = e.op != EditOp::Equal;
            let (left, left_span) = piece_text(&left_doc.article.text, left, e.left, changed);
            let (right, right_span) = piece_text(&right_doc.article.text, right, e.right, changed);
            DiffPiece {
                op: e.op,
                left,
                right,
                left_span,
                right_span,
            }
        })
        .collect()
}

/// The text of a run of quote words as written; a changed run takes its brackets along
/// ("(ISIS)"). A run over two parts of a quotation interrupted by its attribution shows each
/// part's words joined by [`PART_GAP`], not the attribution between (its span covers both).
fn piece_text(
    text: &str,
    quote: &Found<'_>,
    range: Range<usize>,
    changed: bool,
) -> (String, Option<Span>) {
    let words = &quote.words;
    if range.is_empty() || range.end > words.len() {
        return (String::new(), None);
    }
    let mut start = words[range.start].span.start;
    let mut end = words[range.end - 1].span.end;
    if changed {
        let before = text.get(..start).unwrap_or("");
        let after = text.get(end..).unwrap_or("");
        if (before.ends_with('(') && after.starts_with(')'))
            || (before.ends_with('[') && after.starts_with(']'))
        {
            start -= 1;
            end += 1;
        }
    }
    let cuts: Vec<usize> = quote
        .parts
        .iter()
        .copied()
        .filter(|&p| range.start < p && p < range.end)
        .collect();
    if !cuts.is_empty() {
        let mut pieces: Vec<&str> = Vec::with_capacity(cuts.len() + 1);
        let mut from = start;
        for &p in &cuts {
            pieces.push(text.get(from..words[p - 1].span.end).unwrap_or(""));
            from = words[p].span.start;
        }
        pieces.push(text.get(from..end).unwrap_or(""));
        return (pieces.join(PART_GAP), Some(Span::new(start, end)));
    }
    match text.get(start..end) {
        Some(piece) => (piece.to_string(), Some(Span::new(start, end))),
        None => (String::new(), None),
    }
}

/// Finds where a quote's words are used in another article's own text (outside its quotes).
struct UnquotedFinder<'a> {
    docs: &'a [&'a Document],
    keys: &'a [Vec<u32>],
    /// Each article's words ([`ArticleWord`]), empty for an article searched for no quote.
    words: Vec<Cow<'a, [ArticleWord]>>,
    /// The pair's number of each of those words ([`Interner`]), `u32::MAX` for a word in
    /// none of the quotes.
    streams: Vec<Vec<u32>>,
    /// Trigram hits (quote, article, word position in the article, in the quote), sorted.
    hits: Vec<(u32, u32, u32, u32)>,
}

impl<'a> UnquotedFinder<'a> {
    fn new<'d>(
        docs: &'a [&'a Document],
        found: &[Vec<Found<'d>>],
        given_words: &[Option<&'a [ArticleWord]>],
        quotes: &[&Found<'d>],
        keys: &'a [Vec<u32>],
        interner: &Interner<'d>,
        trigrams: &FxHashMap<[u32; 3], Vec<(u32, u32)>>,
    ) -> Self {
        let mut finder = UnquotedFinder {
            docs,
            keys,
            words: Vec::new(),
            streams: Vec::new(),
            hits: Vec::new(),
        };
        if docs.len() < 2 {
            return finder;
        }
        let eligible: Vec<bool> = quotes
            .iter()
            .map(|q| !q.quote.term && q.words.len() >= MIN_UNQUOTED_RUN)
            .collect();
        if !eligible.iter().any(|&e| e) {
            return finder;
        }
        // Most of an article's words are in none of the quotes: a bit per key number (modulo
        // the set's size) rules them out before the interner's map is searched.
        let mut quoted_keys = [0u64; QUOTED_KEY_BITS / 64];
        for key in interner.ids.keys() {
            let bit = key.id() as usize % QUOTED_KEY_BITS;
            quoted_keys[bit / 64] |= 1 << (bit % 64);
        }
        let number = |key: Key| {
            let bit = key.id() as usize % QUOTED_KEY_BITS;
            if quoted_keys[bit / 64] >> (bit % 64) & 1 == 0 {
                return u32::MAX;
            }
            interner.ids.get(&key).copied().unwrap_or(u32::MAX)
        };
        for (e, doc) in docs.iter().enumerate() {
            // An article is searched only for other articles' quotes: with none to look for
            // (in the scan, a pair where only one article quotes), its words are not read.
            if !quotes
                .iter()
                .zip(&eligible)
                .any(|(q, &el)| el && q.quote.doc != e)
            {
                finder.words.push(Cow::Borrowed(&[]));
                finder.streams.push(Vec::new());
                continue;
            }
            let words = match given_words.get(e).copied().flatten() {
                Some(words) => Cow::Borrowed(words),
                None => Cow::Owned(article_words(doc, &found[e])),
            };
            let stream: Vec<u32> = words.iter().map(|w| number(w.key)).collect();
            let paragraph = |w: ArticleWord| doc.sentences[w.sentence()].paragraph;
            for j in 0..stream.len().saturating_sub(2) {
                let (k, w) = (&stream[j..j + 3], &words[j..j + 3]);
                if k.contains(&u32::MAX)
                    || w.iter().any(|x| x.quoted())
                    || (w[0].sentence != w[2].sentence && paragraph(w[0]) != paragraph(w[2]))
                {
                    continue;
                }
                let Some(list) = trigrams.get(&[k[0], k[1], k[2]]) else {
                    continue;
                };
                if list.len() > MAX_POSTINGS {
                    continue;
                }
                for &(q, i) in list {
                    if eligible[q as usize] && quotes[q as usize].quote.doc != e {
                        finder.hits.push((q, e as u32, j as u32, i));
                    }
                }
            }
            finder.words.push(words);
            finder.streams.push(stream);
        }
        finder.hits.sort_unstable();
        finder
    }

    /// The paragraph of word `j` of article `e`.
    fn paragraph(&self, e: usize, j: usize) -> usize {
        self.docs[e].sentences[self.words[e][j].sentence()].paragraph
    }

    /// The span of word `j` of article `e`: the sentence's word of the same rank.
    fn span(&self, e: usize, j: usize) -> Span {
        let words = &self.words[e];
        let s = words[j].sentence;
        let rank = j - words[..j].partition_point(|w| w.sentence < s);
        self.docs[e].tokens[s as usize]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .nth(rank)
            .map_or(Span::new(0, 0), |t| t.span())
    }

    /// Unquoted uses of quote `q` (credited to `speaker`) in article `e`.
    fn find(&self, q: usize, e: usize, speaker: Option<&str>) -> Vec<Occurrence> {
        let (q32, e32) = (q as u32, e as u32);
        let from = self.hits.partition_point(|h| (h.0, h.1) < (q32, e32));
        let to = from + self.hits[from..].partition_point(|h| (h.0, h.1) == (q32, e32));
        // Each hit's word position in the article, in order.
        let hits = &self.hits[from..to];
        if hits.is_empty() {
            return Vec::new();
        }
        let stream = &self.streams[e];
        let mut out = Vec::new();
        let mut cluster_start = 0;
        for k in 1..=hits.len() {
            // A cluster never grows past a few times the quote's length, so a text that
            // repeats the quote's words end to end costs one bounded diff per repetition.
            let max_len = 3 * self.keys[q].len() + 16;
            let split = k == hits.len() || {
                let (prev, cur) = (hits[k - 1].2 as usize, hits[k].2 as usize);
                let first = hits[cluster_start].2 as usize;
                cur - prev > MAX_UNQUOTED_GAP
                    || cur - first > max_len
                    || self.paragraph(e, cur) != self.paragraph(e, prev)
            };
            if split {
                let lo = hits[cluster_start].2 as usize;
                let hi = (hits[k - 1].2 as usize + 3).min(stream.len());
                if let Some(occ) = self.verify(q, e, lo..hi, speaker) {
                    out.push(occ);
                }
                cluster_start = k;
            }
        }
        out
    }

    /// Checks a cluster of hits with a word diff; the occurrence runs from the first to the
    /// last run of equal words. `speaker` is the quote's.
    fn verify(
        &self,
        q: usize,
        e: usize,
        range: Range<usize>,
        speaker: Option<&str>,
    ) -> Option<Occurrence> {
        let region = &self.streams[e][range.clone()];
        let edits = worddiff::diff(&self.keys[q], region);
        let runs: Vec<Range<usize>> = edits
            .iter()
            .filter(|x| x.op == EditOp::Equal && x.right.len() >= 2)
            .map(|x| x.right.clone())
            .collect();
        let longest = runs.iter().map(|r| r.len()).max().unwrap_or(0);
        if longest < MIN_UNQUOTED_RUN {
            return None;
        }
        let (a, b) = (
            runs.first()?.start + range.start,
            runs.last()?.end + range.start,
        );
        let doc = &self.docs[e];
        let text = doc.article.text.as_str();
        // A stock phrase or a name ("final State of the Union address", "to be president of
        // the United States", "at the New Hampshire Institute of Politics") is no use of the
        // quotation: the shared words must say something of their own.
        let said = runs
            .iter()
            .flat_map(|r| r.clone())
            .filter(|&k| {
                let word = self.span(e, range.start + k).slice(text);
                word.starts_with(char::is_lowercase) && !tokenize::is_stopword(&word.to_lowercase())
            })
            .count();
        if said < MIN_UNQUOTED_CONTENT_WORDS {
            return None;
        }
        let span = Span::new(self.span(e, a).start, self.span(e, b - 1).end);
        if lost_opening_mark(doc, self.words[e][a].sentence(), span) {
            return None;
        }
        if longest < MIN_UNQUOTED_RUN_ALONE {
            let sentence = doc.sentences.get(self.words[e][a].sentence())?.span;
            let told = speaker::reporting(text, Span::new(sentence.start, span.start))?;
            // A reporting verb whose subject the rule does not see ("the Court of Appeal who
            // said there was a state of emergency threatening the life of the nation", "Charles
            // Kennedy, who backs the constitution, said he expected …", "Trump called for …")
            // may report anyone: not a use of a quotation whose speaker is known.
            let someone_else = match told {
                Some(t) => {
                    t.kind != SpeakerKind::Pronoun
                        && speaker.is_some_and(|s| !speaker::same_speaker(s, &t.speaker))
                }
                None => speaker.is_some(),
            };
            if someone_else {
                return None;
            }
        }
        let speaker = block_quote_speaker(doc, self.words[e][a].sentence(), span.start);
        Some(Occurrence {
            doc: e,
            start: span.start,
            end: span.end,
            text: span.slice(text).to_string(),
            speaker_method: speaker.as_ref().map(|_| SpeakerMethod::Named),
            speaker,
            quoted: false,
            term: false,
            parts: Vec::new(),
        })
    }
}

/// Words that open their paragraph and are followed, after their sentence's end, by a quotation
/// that opens right there: ` I fell in love with someone … picked up the story. "I tried for
/// three years to make something work." ` (BBC politics/248, "David Blunkett in quotes"). The
/// paragraph is a quotation whose opening mark was lost; whose words they are is not known, so
/// they are no unquoted use. `sentence` holds the words' first word.
fn lost_opening_mark(doc: &Document, sentence: usize, span: Span) -> bool {
    let text = doc.article.text.as_str();
    let Some(s) = doc.sentences.get(sentence) else {
        return false;
    };
    // The words open their paragraph: their sentence is its first (any sentence before it in
    // the paragraph holds words), and nothing but white space comes before them in it. Looking
    // at the sentence before only keeps this constant-time in a one-paragraph article.
    let opens_paragraph = sentence == 0
        || doc
            .sentences
            .get(sentence - 1)
            .is_none_or(|p| p.paragraph != s.paragraph);
    let after = text.get(span.end..).unwrap_or("");
    let rest = after.trim_start_matches(['.', '!', '?', '\u{2026}']);
    opens_paragraph
        && rest.len() < after.len()
        && rest.starts_with([' ', '\t'])
        && rest.trim_start().starts_with(['"', '\u{201c}'])
        && blank_between(text, s.span.start, span.start)
}

/// Who a passage used without quote marks is credited to, when the text says so right before
/// it: "According to the New York Times report:" above a block quote, "the Times reported that
/// …" before the words. Pronouns are not resolved here.
fn block_quote_speaker(doc: &Document, sentence: usize, start: usize) -> Option<String> {
    let text = doc.article.text.as_str();
    let s = doc.sentences.get(sentence)?;
    let named = |a: speaker::Attribution| (a.kind != SpeakerKind::Pronoun).then_some(a.speaker);
    if let Some(a) = speaker::before(
        text,
        window_before(text, Span::new(s.span.start, start), start),
    ) {
        return named(a);
    }
    if sentence > 0 && blank_between(text, s.span.start, start) {
        let prev = doc.sentences[sentence - 1].span;
        if prev.slice(text).trim_end().ends_with(':') {
            return speaker::before(text, window_before(text, prev, prev.end)).and_then(named);
        }
    }
    None
}

/// The words of an article in reading order ([`ArticleWord`]); `found` are its quotations.
fn article_words(doc: &Document, found: &[Found<'_>]) -> Vec<ArticleWord> {
    // Every quoted stretch once: top-level quotes and the later parts of interrupted
    // quotations (matched as part of the first, but quoted all the same); quotes nested
    // inside another lie within it.
    let mut outers: Vec<Span> = Vec::new();
    for f in found {
        let o = f.quote.outer;
        if outers.last().is_none_or(|l| o.start >= l.end) {
            outers.push(o);
        }
    }
    let mut out = Vec::with_capacity(doc.tokens.iter().map(|t| t.len()).sum());
    let mut k = 0;
    for (si, toks) in doc.tokens.iter().take(doc.sentences.len()).enumerate() {
        // Sentences past 4 billion share the last number (no article read is that long: token
        // offsets stop at 4 GiB).
        let sentence = u32::try_from(si).unwrap_or(u32::MAX);
        for t in toks {
            if t.kind == TokenKind::Punct {
                continue;
            }
            while k < outers.len() && outers[k].end <= t.span().start {
                k += 1;
            }
            let quoted = outers.get(k).is_some_and(|o| o.start <= t.span().start);
            out.push(ArticleWord {
                key: match_key_id(t.key),
                sentence,
                quoted,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Article;

    /// BBC News politics/221 and politics/368 (one statement by Charles Clarke, 2004): the
    /// same words, one paper spelling "judgment" and the other "judgement", are `exact`; a
    /// word really changed in the same quotation is still `altered`.
    #[test]
    fn a_british_and_an_american_spelling_are_the_same_words() {
        let clarke = "In a statement on the same day, Mr Clarke said: \"I will be asking Parliament to renew this legislation in the New Year. \"In the meantime, we will be studying the judgment carefully to see whether it is possible to modify our legislation to address the concerns raised by the House of Lords.\"";
        let british = clarke.replace("judgment", "judgement");
        assert_eq!(status(clarke, &british), vec![QuoteStatus::Exact]);
        let changed = clarke.replace(
            "studying the judgment carefully",
            "studying the judgement closely",
        );
        assert_eq!(status(clarke, &changed), vec![QuoteStatus::Altered]);
        for (uk, us) in [
            ("judgement", "judgment"),
            ("organisations", "organizations"),
            ("criticised", "criticized"),
            ("labour", "labor"),
            ("favourite", "favorite"),
            ("centre", "center"),
            ("travelled", "traveled"),
            ("defence", "defense"),
            ("offence", "offense"),
            ("licence", "license"),
            ("analyse", "analyze"),
            ("programme", "program"),
        ] {
            assert_eq!(american_spelling(uk).as_deref(), Some(us), "{uk}");
        }
        // Short words and words with none of the endings keep their spelling.
        for word in [
            "rise", "raise", "prise", "your", "hour", "flour", "fence", "seller", "judge",
        ] {
            assert_eq!(american_spelling(word), None, "{word}");
        }
    }

    /// Real quotations (PolNeAR, politico 2016-05-05; BBC politics 2004-05) against another
    /// article's own words: a stock phrase is no unquoted use, a sentence told again is.
    #[test]
    fn an_unquoted_use_says_more_than_a_stock_phrase() {
        let stock = status(
            "Trump said: \"I am not ready to support Speaker Ryan's agenda. Perhaps in the future, we can work together and come to an agreement about what is best for the American people.\"",
            "Both men will meet next week to talk about what is best for the American people and the party.",
        );
        assert!(!stock.contains(&QuoteStatus::Unquoted), "{stock:?}");
        let told = status(
            "Lord Steyn said: \"Indefinite imprisonment without charge or trial is anathema in any country which observes the rule of law.\"",
            "He added that indefinite imprisonment without charge or trial is anathema in any country which observes the rule of law.",
        );
        assert!(told.contains(&QuoteStatus::Unquoted), "{told:?}");
    }

    fn doc(text: &str) -> Document {
        Document::new(Article::from_text("test", text))
    }

    /// The status of every quotation the two articles share.
    fn status(a: &str, b: &str) -> Vec<QuoteStatus> {
        let docs = [doc(a), doc(b)];
        match_quotes(&docs).into_iter().map(|m| m.status).collect()
    }

    /// The quoted words of every quote in `text`.
    fn quoted(text: &str) -> Vec<String> {
        let d = doc(text);
        extract(&d, 0)
            .iter()
            .map(|q| q.span.slice(text).to_string())
            .collect()
    }

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let d = doc(text);
        extract(&d, 0)
            .into_iter()
            .map(|q| (q.span.slice(text).to_string(), q.speaker))
            .collect()
    }

    /// Each quote of `text`: its words, whether it is a term, its speaker.
    fn terms_and_speakers(text: &str) -> Vec<(String, bool, Option<String>)> {
        let d = doc(text);
        extract(&d, 0)
            .into_iter()
            .map(|q| (q.span.slice(text).to_string(), q.term, q.speaker))
            .collect()
    }

    #[test]
    fn a_title_in_title_case_is_a_term_with_no_speaker() {
        let some = |s: &str| Some(s.to_string());
        // PolNeAR huff-post_2016-01-17_bernie-sanders-to-release-medica: the CNN programme is
        // no quotation of Sanders, and the quotation after it goes on with his words.
        let text = "“Of course we’re going to release our medical records,” Sanders said during \
                    an interview on CNN’s “State of the Union” Sunday. “Thank God, I am very \
                    healthy. We will get medical records out the same way that Secretary \
                    [Hillary] Clinton has gotten her records out. It is not a problem.”";
        let got = terms_and_speakers(text);
        assert_eq!(
            got[1],
            ("State of the Union".to_string(), true, None),
            "{got:?}"
        );
        assert_eq!(got[2].2, some("Sanders"), "{got:?}");
        // PolNeAR wash-post_2016-01-18_a-sharper-tone-as-stakes-rise.
        let text = "Sanders said on ABC's \"This Week With George Stephanopoulos\" that he would \
                    \"take a look\" at such legislation.";
        let got = terms_and_speakers(text);
        assert_eq!(
            got[0],
            (
                "This Week With George Stephanopoulos".to_string(),
                true,
                None
            ),
            "{got:?}"
        );
        assert_eq!(got[1].2, some("Sanders"), "{got:?}");
        // PolNeAR politico_2016-01-14_clinton-says-she-won-t-rule-out-.
        let text = "Sitting down with MSNBC's \"The Rachel Maddow Show\" on Thursday, during \
                    which she also touched on the idea of a female running mate, Clinton remarked \
                    that she was \"a little surprised\" to be debating health care.";
        let got = terms_and_speakers(text);
        assert_eq!(
            got[0],
            ("The Rachel Maddow Show".to_string(), true, None),
            "{got:?}"
        );
        // PolNeAR wash-post_2015-11-16_clinton-s-missteps-at-de.
        let text = "Conservative Web sites had assembled multiple competing videos of the 1960s \
                    remark, their only disagreement coming over whether to add a clip from \
                    \"Back to the Future\" or a lava lamp.";
        let got = terms_and_speakers(text);
        assert_eq!(
            got[0],
            ("Back to the Future".to_string(), true, None),
            "{got:?}"
        );
    }

    #[test]
    fn words_in_title_case_that_someone_says_stay_a_quotation() {
        let some = |s: &str| Some(s.to_string());
        // A headline quoting him in Title Case (PolNeAR huff-post_2015-11-15).
        let text = "Bernie Sanders: ‘It Is Not A Radical Idea’ To Ask For A $15 Minimum Wage.";
        let got = terms_and_speakers(text);
        assert!(!got[0].1, "{got:?}");
        assert_eq!(got[0].2, some("Bernie Sanders"), "{got:?}");
        // A quotation opening its sentence and running on into its attribution (PolNeAR
        // nyt_2016-06-29, nyt_2016-05-17).
        let text = "''In Fisher,'' Dean Amar said, ''even though the dissent Justice Alito read \
                    from the bench was long, the court did not move.''";
        let got = terms_and_speakers(text);
        assert!(!got[0].1, "{got:?}");
        assert_eq!(got[0].2, some("Dean Amar"), "{got:?}");
        // Said, not a title: a pronoun opens it, or it is a name.
        for text in [
            "\"That’s Jeb Bush and Marco Rubio,\" said Rick Wilson, a Republican consultant.",
            "Asked whom he would back, Burton said: \"Donald Trump.\"",
        ] {
            let got = terms_and_speakers(text);
            assert!(!got[0].1, "{text}: {got:?}");
        }
    }

    #[test]
    fn every_mark_style() {
        let cases: &[(&str, &[&str])] = &[
            ("He said “it was Daesh” today.", &["it was Daesh"]),
            ("He said \"it was Daesh\" today.", &["it was Daesh"]),
            ("He said ‘it was Daesh’ today.", &["it was Daesh"]),
            ("He said 'it was Daesh' today.", &["it was Daesh"]),
            ("Il a dit « c'était Daech » hier.", &["c'était Daech"]),
            ("Il a dit «c'était Daech» hier.", &["c'était Daech"]),
            ("Er sagte „es war Daesh“ gestern.", &["es war Daesh"]),
            ("Powiedział „to był Daesh” wczoraj.", &["to był Daesh"]),
            ("Er sagte »es war Daesh« gestern.", &["es war Daesh"]),
            ("Er sagte ‚es war Daesh‘ gestern.", &["es war Daesh"]),
            ("Il a dit ‹ c'était Daech › hier.", &["c'était Daech"]),
            ("Han sa ”det var Daesh” i går.", &["det var Daesh"]),
        ];
        for (text, want) in cases {
            assert_eq!(&quoted(text), want, "text: {text}");
        }
    }

    /// PolNeAR huff-post_2016-02-07: a straight quote closed by a curly mark, then a straight
    /// quote after the attribution. The second straight mark opens a new quote; it does not
    /// reopen the first as the multi-paragraph convention would.
    #[test]
    fn a_straight_quote_closed_by_a_curly_mark_then_a_straight_one() {
        let text = "\"The police in this country have done an unbelievable job of keeping law and \
                    order. And they're afraid for their jobs,\u{201d} he continued. \"They're \
                    afraid of the mistreatment they get and we have to give them more respect.\"";
        assert_eq!(
            quoted(text),
            [
                "The police in this country have done an unbelievable job of keeping law and \
                 order. And they're afraid for their jobs",
                "They're afraid of the mistreatment they get and we have to give them more \
                 respect.",
            ]
        );
        // The convention itself still holds: paragraphs run together, the quote reopened.
        assert_eq!(
            quoted("He said: \"We are going. We will win. \"We are going on.\" Then he left."),
            ["We are going. We will win. \"We are going on."]
        );
    }

    #[test]
    fn spans_exclude_marks_and_outer_includes_them() {
        let text = "Adnan said: “We know Daesh’s movements.”";
        let d = doc(text);
        let q = &extract(&d, 0)[0];
        assert_eq!(q.span.slice(text), "We know Daesh’s movements.");
        assert_eq!(q.outer.slice(text), "“We know Daesh’s movements.”");
        assert_eq!(q.sentences, [0]);
    }

    #[test]
    fn a_trailing_comma_before_the_attribution_is_not_quoted() {
        let text = "“All the indications are that it was Daesh,” he said.";
        assert_eq!(quoted(text), ["All the indications are that it was Daesh"]);
    }

    #[test]
    fn nested_quotes() {
        // BBC politics/008.txt: a single-quoted word inside a straight double quote.
        let text = "Barbara Follet told researchers: \"They would wiggle them and say 'melons' as we spoke.\"";
        assert_eq!(
            quoted(text),
            [
                "They would wiggle them and say 'melons' as we spoke.",
                "melons"
            ]
        );
        let d = doc(text);
        let qs = extract(&d, 0);
        assert!(qs[1].term && qs[1].speaker.is_none() && qs[0].outer.contains(qs[1].outer));
        // Curly inside curly, straight inside curly, curly inside straight.
        assert_eq!(
            quoted("“He called it ‘fake news’ on Friday,” she said."),
            ["He called it ‘fake news’ on Friday", "fake news"]
        );
        assert_eq!(
            quoted("“They have \"solid evidence\" of it,” she said."),
            ["They have \"solid evidence\" of it", "solid evidence"]
        );
        assert_eq!(
            quoted("\"They have “solid evidence” of it,\" she said."),
            ["They have “solid evidence” of it", "solid evidence"]
        );
        // A quote that opens with a nested one.
        assert_eq!(
            quoted("“‘No,’ he told me,” she said."),
            ["‘No,’ he told me", "No"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let cases = [
            "We know Daesh’s movements and don’t guess.",
            "The ’90s were different, as the Times’ report said.",
            "It's the '90s and rock 'n' roll, O'Brien's and the Jones' house.",
            "Rock ’n’ roll never dies, ‘til the end.",
        ];
        for text in cases {
            assert_eq!(quoted(text), Vec::<String>::new(), "text: {text}");
        }
        // Inside quotes, apostrophes stay part of the words.
        assert_eq!(
            quoted("‘We know Daesh’s movements,’ he said, ‘and don’t guess.’"),
            ["We know Daesh’s movements", "and don’t guess."]
        );
        assert_eq!(
            quoted("He said 'the Times' report was wrong' today."),
            ["the Times"],
            "a possessive after a plural closes an open single quote: the known limit"
        );
    }

    #[test]
    fn quotes_with_ellipses_open_and_close() {
        assert_eq!(
            quoted("He said “…we went to war” then."),
            ["…we went to war"]
        );
        assert_eq!(
            quoted("He said \"...we went to war\" then."),
            ["...we went to war"]
        );
        assert_eq!(
            quoted("He said “we went to war…” then."),
            ["we went to war…"]
        );
    }

    #[test]
    fn multi_sentence_and_multi_paragraph_quotes() {
        // Seed 000: a tweet of two sentences.
        let text = "Jamal Abdi tweeted: “Al-Qaeda attacked the U.S. on 9/11 and we went to war with Iraq. If this report is true, ISIS attacked the U.S. and we nearly went to war with Iran.”";
        let d = doc(text);
        let q = &extract(&d, 0)[0];
        assert_eq!(q.sentences, [0, 1]);
        assert_eq!(q.speaker.as_deref(), Some("Jamal Abdi"));
        // The news convention: each paragraph opens the quote, only the last closes it.
        let text = "Adnan said: “We know Daesh’s movements.\n\n“We know where they fire from.\n\n“We told the Americans,” he added.\n\nThe U.S. responded days later.";
        assert_eq!(
            quoted(text),
            [
                "We know Daesh’s movements.\n\n“We know where they fire from.\n\n“We told the Americans"
            ]
        );
        // The same with straight marks, and with the paragraphs run onto one line (BBC
        // politics/001.txt).
        let text = "Ms Hewitt said: \"We have already taken it up to 26 weeks. \"We are going to extend the pay to nine months by 2007.\" She said more.";
        assert_eq!(
            speakers(text),
            [(
                "We have already taken it up to 26 weeks. \"We are going to extend the pay to nine months by 2007.".to_string(),
                Some("Ms Hewitt".to_string())
            )]
        );
        // A paragraph that does not reopen the quote ends it, unclosed: a quotation a colon
        // opened ends with its paragraph's last sentence (BBC politics/040, Lord Nicholls).
        let text = "Adnan said: “We know Daesh’s movements.\n\nThe U.S. responded days later, he said “in force.”";
        assert_eq!(quoted(text), ["We know Daesh’s movements.", "in force."]);
        // Not without the colon, nor when the paragraph does not end a sentence.
        let text = "Adnan said “We know Daesh’s movements.\n\nThe U.S. responded.";
        assert!(quoted(text).is_empty());
        let text = "Adnan said: “We know Daesh’s movements\n\nThe U.S. responded.";
        assert!(quoted(text).is_empty());
    }

    #[test]
    fn unbalanced_marks_never_swallow_the_article() {
        // A stray opening mark before a real quote: the real quote pairs, the stray is dropped.
        assert_eq!(
            quoted("In a “bombshell revelation, officials said “it was Daesh” on Friday."),
            ["it was Daesh"]
        );
        // A closing mark with no opening: nothing.
        assert_eq!(
            quoted("It was Daesh,” he said. Then he left."),
            Vec::<String>::new()
        );
        // An opening mark never closed in a long single paragraph: nothing, whatever follows.
        let long = format!("He said “it was {} and then he left.", "very ".repeat(3000));
        assert_eq!(quoted(&long), Vec::<String>::new());
        // Too far apart to be one quote.
        let far = format!("He said “a{}b” today.", " word".repeat(MAX_QUOTE_BYTES / 4));
        assert_eq!(quoted(&far), Vec::<String>::new());
        // A straight mark never pairs across a curly quotation (pair curly before straight).
        let text =
            "He called it \"great. “We know Daesh’s movements.” Then she said \"fine\" today.";
        assert_eq!(quoted(text), ["We know Daesh’s movements.", "fine"]);
        // Inches and feet are not quotes.
        assert_eq!(
            quoted("He is 6'2\" tall and the pizza is 12\" wide."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn terms_and_statements() {
        let cases: &[(&str, bool)] = &[
            ("In a “bombshell” revelation, the Times said so.", true),
            ("Trump has dismissed as mere “headaches.”", true),
            (
                "U.S. officials insisted that they have \"solid evidence\" showing it.",
                true,
            ),
            ("“We know Daesh’s movements.”", false),
            ("“No comment,” he said.", false),
            ("He said: “Never.”", false),
            ("He asked “why now?” and left.", false),
            ("He said “it was not us at all” and left.", false),
        ];
        for (text, term) in cases {
            let d = doc(text);
            let qs = extract(&d, 0);
            assert_eq!(qs.len(), 1, "text: {text}");
            assert_eq!(qs[0].term, *term, "text: {text}");
        }
    }

    #[test]
    fn speakers_on_the_seed_sentences() {
        // Seed 000.
        let text = "The Times reported Thursday that “Iraqi military and intelligence officials have raised doubts about who fired the rockets.” “All the indications are that it was Daesh,” Brigadier General Ahmed Adnan, the Iraqi chief of intelligence for the federal police at the K-1 airbase, told the Times, using the Arabic acronym for ISIS. “We know Daesh’s movements.” The U.S. responded to the rocket attack days later.";
        let got = speakers(text);
        let adnan = Some("Brigadier General Ahmed Adnan".to_string());
        assert_eq!(got[0].1.as_deref(), Some("The Times"));
        assert_eq!(
            got[1],
            (
                "All the indications are that it was Daesh".into(),
                adnan.clone()
            )
        );
        assert_eq!(got[2], ("We know Daesh’s movements.".into(), adnan));
        // Seed 002.
        let text = "“All the indications are that it was Daesh (ISIS),” Iraqi chief of intelligence at K-1 Brigadier General Ahmed Adnan told the New York Times. “We know Daesh’s movements.”";
        let got = speakers(text);
        assert!(
            got.iter()
                .all(|(_, s)| s.as_deref() == Some("Brigadier General Ahmed Adnan")),
            "{got:?}"
        );
        // Seed 000: a mid-sentence quote passes no speaker on; the repeated tweet's first
        // occurrence has no attribution of its own.
        let text = "But Iraqi officials told the Times that “based on circumstantial evidence,” there is good reason to be skeptical. “Al-Qaeda attacked the U.S. on 9/11.” In response, Jamal Abdi, president of the National Iranian American Council, tweeted: “Al-Qaeda attacked the U.S. on 9/11.”";
        let got = speakers(text);
        assert_eq!(got[0].1.as_deref(), Some("Iraqi officials"));
        assert_eq!(got[1].1, None);
        assert_eq!(got[2].1.as_deref(), Some("Jamal Abdi"));
        // Seed 000: titles abbreviated, a description with a name inside it.
        let text = "“We have requested the American side to share with us any information,” Lt. Gen. Muhammad al-Bayati, chief of staff for former Prime Minister Adel Abdul Mahdi, told the Times.";
        assert_eq!(
            speakers(text)[0].1.as_deref(),
            Some("Lt. Gen. Muhammad al-Bayati")
        );
        // Attribution between the two parts of one quotation credits both.
        let text = "“All the indications are that it was Daesh,” Adnan told the Times, “and we know Daesh’s movements.”";
        let got = speakers(text);
        assert_eq!(got.len(), 2);
        assert!(
            got.iter().all(|(_, s)| s.as_deref() == Some("Adnan")),
            "{got:?}"
        );
        // A term inside writer's prose has no speaker.
        assert_eq!(
            speakers("In a “bombshell” revelation, the Times said so.")[0].1,
            None
        );
    }

    #[test]
    fn pronouns_and_follow_on_quotes() {
        // BBC tech/300.txt: "he" is the speaker named before, when no one else is named in
        // between; a quote opening the next sentence continues him.
        let text = "\"It's the bravest move they have made yet,\" said Jonny Evans, news editor at Macworld magazine. Mr Evans said the combination could make it a big success.\n\nHe thought that the machine would appeal. \"It's deeply affordable,\" he said. \"Plus you know that you do not get viruses.\"";
        let got = speakers(text);
        let evans = Some("Jonny Evans".to_string());
        assert_eq!(
            got.iter().map(|g| g.1.clone()).collect::<Vec<_>>(),
            [evans.clone(), evans.clone(), evans]
        );
        // BBC tech/300.txt: someone else named in between: "he" is the one named last.
        let text = "\"For browsing the web it's going to be absolutely adequate,\" said Mr Ross. Ian Fogg, broadband and personal technology analyst at Jupiter Research, agreed that the Mac mini could be very popular. \"Apple has been hoping that sales of the iPod will have a halo effect,\" he said.";
        let got = speakers(text);
        assert_eq!(got[0].1.as_deref(), Some("Mr Ross"));
        assert_eq!(got[1].1.as_deref(), Some("Ian Fogg"));
        // BBC politics/038.txt: a person named in indirect speech, then "she said".
        let text = "Ms Borthwick said the lobby group was determined to keep the pressure on. \"We are hoping that many people will join us in a march,\" she said.";
        assert_eq!(speakers(text)[0].1.as_deref(), Some("Ms Borthwick"));
        // BBC politics/008.txt: indirect speech in the sentence before names the speaker.
        let text = "Prof Joni Lovenduski, who conducted the study with the help of a team of journalists, said she was shocked at the findings. \"We expected a bit of this but nothing like this extent.\"";
        assert_eq!(speakers(text)[0].1.as_deref(), Some("Prof Joni Lovenduski"));
        // BBC politics/094.txt: "she" after a spokeswoman who speaks is the spokeswoman, not
        // the woman named before her.
        let text = "SNP Holyrood leader Nicola Sturgeon said: \"This is an incredible gaffe by Jack McConnell.\" But an executive spokeswoman insisted Mr McConnell had made the remark with adults, not youngsters, in mind. \"He was talking in the context of adults binge drinking and irresponsible drinks promotions - which are for the over-18s,\" she said.";
        let got = speakers(text);
        assert_eq!(got[0].1.as_deref(), Some("Nicola Sturgeon"));
        assert_eq!(got[1].1.as_deref(), Some("an executive spokeswoman"));
        // A description that speaks of no one ("for a man of Mr. Trump's wealth", PolNeAR
        // nyt_2016-04-25) leaves "he" to the man named.
        let text = "Greg Raiff, chief executive officer of Private Jet Services, said the Boeing was an unusual aircraft for a man of Mr. Trump's wealth. ''Buying a 25-year-old 757 is like buying a bag of Cheetos,'' he said.";
        assert_eq!(speakers(text)[0].1.as_deref(), Some("Greg Raiff"));
        // An apposition is the person named, not someone new.
        let text = "\"We will look at it,\" said Nicola Sturgeon, a spokeswoman said to be close to the leader. \"It is early days,\" she said.";
        assert_eq!(speakers(text)[1].1.as_deref(), Some("Nicola Sturgeon"));
        // An attribution in the sentence before, ending with a colon.
        let text = "Adnan told the Times:\n\n“We know Daesh’s movements.”";
        assert_eq!(speakers(text)[0].1.as_deref(), Some("Adnan"));
        // BBC entertainment/054.txt: "?" ended the sentence before the attribution.
        let text = "\"If you have not gone against the book, then how can you go against the movie?\" Mr Kashyap's lawyer Mihir Desai said. This is the second time.";
        assert_eq!(speakers(text)[0].1.as_deref(), Some("Mihir Desai"));
        // BBC entertainment/311.txt: the punctuation inside a nested quote's closing mark.
        let text = "\"It's just laughing at each other and thinking, 'Aren't we clever?'\" said the 74-year-old comedian.";
        assert_eq!(
            speakers(text)[0].1.as_deref(),
            Some("the 74-year-old comedian")
        );
        // Nobody to credit.
        assert_eq!(speakers("“We know Daesh’s movements.”")[0].1, None);
        assert_eq!(speakers("“We know Daesh’s movements,” he said.")[0].1, None);
        assert_eq!(
            speakers("The Bank of England met. “Rates will rise,” he said.")[0].1,
            None
        );
    }

    #[test]
    fn someone_shown_on_footage_keeps_he_from_the_speaker_before() {
        // PolNeAR huff-post_2016-01-02, a propaganda video described: Trump is quoted from a
        // clip, then Al-Awlaki is shown and "he says" is Al-Awlaki. He is named as no subject,
        // so no one is given rather than Trump.
        let text = "Trump then appears in a clip from a stump speech, saying, “Donald J. Trump is calling for a total and complete shutdown of Muslims entering the United States.” The crowd enthusiastically cheers Trump’s words.\n\nAl-Shabaab.\n\nFootage of Al-Awlaki again appears. “The West will eventually turn against its Muslim citizens,” he says. He adds that American Muslims have two choices: “You either leave or you fight.”";
        let got = speakers(text);
        assert_eq!(got[0].1.as_deref(), Some("Trump"), "{got:?}");
        assert_eq!(got[1].1, None, "{got:?}");
        assert_eq!(got[2].1, None, "{got:?}");
    }

    #[test]
    fn pronouns_after_speakers_found_by_the_held_out_audit() {
        // BBC business (Evan Mann of Gimme Credit) and PolNeAR ("Yet Clinton is at odds with
        // AIPAC"): "Yet" opening a sentence is no part of the name after it.
        let text = "Yet Evan Mann, a senior bond analyst at Gimme Credit, said Mr Lynch's job would not be easy, as the bankruptcy would inevitably put off some customers. \"The real big issue is what's going to happen over the next one or two quarters,\" he said.";
        assert_eq!(speakers(text)[0].1.as_deref(), Some("Evan Mann"));
        // PolNeAR wash-post_2016-06-07: ", said NAME" names who speaks; "she" is Christine
        // Link, not Audrey Scagnelli quoted before her.
        let text = "\"The accessibility of this convention will be unprecedented,\" said Audrey Scagnelli, national press secretary for the Republican committee organizing the convention.\n\nCouple global exposure with a \"candidate who is a lightning rod\" and Clevelanders get nervous, said Christine Link, executive director of the American Civil Liberties Union in Ohio. \"It was supposed to be Jeb Bush in a slam dunk, and we were going to have a lovely, beautiful party,\" she said, recalling the thinking back when the city landed the convention two years ago.";
        let got = speakers(text);
        assert_eq!(got[2].1.as_deref(), Some("Christine Link"), "{got:?}");
        // The same article: a surname alone opening indirect speech, known as a man's by
        // "Donald Trump", is whom "he" means, not Gilbert quoted before.
        let text = "Donald Trump is coming.\n\n\"A barbershop owner was just telling me he has a bunch of Secret Service guys coming in every week to get their hair cut,\" Gilbert said.\n\nTrump, the longtime owner of the televised Miss Universe pageant and star of the reality TV show \"The Apprentice,\" said in an interview with The Washington Post that conventions in the past have been too dull. \"It's very important to put some showbiz into a convention, otherwise people are going to fall asleep,\" he said.";
        let got = speakers(text);
        assert_eq!(
            got.last().and_then(|g| g.1.as_deref()),
            Some("Donald Trump"),
            "{got:?}"
        );
        // PolNeAR politico_2016-05-23: a surname alone, not known as anyone's, speaks after
        // DeSantis: "he" may mean either, so no one is given. A name after ", said" that does
        // not close its clause is what is said ("said Trump will exceed expectations").
        let text = "Rep. Ron DeSantis said the department should go.\n\nLopez-Cantera, a Republican and former state legislator who became lieutenant governor in 2014, said the block grants should be based on population.\n\n“Then let the states decide,” he said.";
        assert_eq!(speakers(text)[0].1, None);
        let text = "Mr. Priebus spoke.\n\nAnd North Carolina’s Ada Fisher, one of only a handful of African-American RNC members, said Trump will exceed expectations with black voters, too. “I think Trump will do quite fine,” he said.";
        assert_ne!(speakers(text)[0].1.as_deref(), Some("Trump"));
        // PolNeAR huff-post_2015-11-11: who "was asked" answers; "he" is Rubio, not Rand Paul
        // named before him.
        let text = "Sens. Rand Paul (Ky.) and Marco Rubio (Fla.) debated tax credits and military spending at Tuesday’s Republican debate.\n\nRubio was asked by Fox Business moderator Gerard Baker whether his proposed expansion of child tax credits would risk “adding another expensive entitlement program to an already overburdened federal budget.”\n\nThe Florida senator’s answer was that “the most important institution in society is the family,” so government should help families cope with child care costs. But he had a bit of a slip.\n\n“The most important job I’m ever going to have, the most important job anyone in this room will ever have is the job of being a parent,” he said.";
        let got = speakers(text);
        assert_eq!(
            got.last().and_then(|g| g.1.as_deref()),
            Some("Rubio"),
            "{got:?}"
        );
        // PolNeAR nyt_2016-01-12: a person named with the church he is from, in apposition to
        // a description holding another name, is whom "he" means, not Mr. Huckabee.
        let text = "Mr. Huckabee won the caucuses that year.\n\nOne pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion, said he had made more than 150 phone calls to other pastors.\n\n''Find your polling place and get there,'' he tells parishioners.";
        assert_eq!(speakers(text)[0].1.as_deref(), Some("Darran Whiting"));
        // BBC politics/165: a quotation opening a sentence continues the person the sentence
        // before has speak, however far back its verb; "he" after "Mr Fox said" is Mr Fox
        // though "Fox" names a network.
        let text = "Acpo made its call for stronger closure powers in a paper for the Commons home affairs select committee. After the meeting, Mr Fox said being able to close premises for only 24 hours did not necessarily make an impact. \"If it's 12.30 on a Saturday morning and you close for 24 hours there's not a lot of pain for the premises because they probably wouldn't open on Sunday anyway.\n\n\"This is about getting through to the management that they can't run a disorderly house without facing some immediate sanctions.\" Under Acpo's proposal, the closure orders would be used only with the agreement of the local licensing authority.\n\nMr Fox said the drinks industry was currently not regulating itself. \"It's making money at the cost of human misery and the public purse, and the strategic planning process has been less than useless,\" he said.";
        let got = speakers(text);
        assert_eq!(got[0].1.as_deref(), Some("Mr Fox"), "{got:?}");
        assert_eq!(
            got.last().and_then(|g| g.1.as_deref()),
            Some("Mr Fox"),
            "{got:?}"
        );
        // BBC entertainment/108: a person named after ", said" two sentences back is not whom
        // "she" means once another woman has spoken (blank, not Jason Stilwell).
        let text = "The cost of the courthouse has been estimated at $40,000 (£21,000) per day, said Jason Stilwell, a special projects manager at the county administrator's office.\n\nMr Jackson, 46, denies plying a boy with alcohol and molesting him. His mother Katherine Jackson told US TV network Fox News on Sunday that her pop star son told her he was innocent. \"I believe that for one reason - I know his character,\" she said.";
        assert_ne!(speakers(text)[0].1.as_deref(), Some("Jason Stilwell"));
        // BBC entertainment/184: "Two" in "BBC Two" is a name's word, not a determiner, so the
        // controller is the man "He added" means, not Tim Kash named before.
        let text = "Tim Kash has since been replaced as host by Fearne Cotton. BBC Two controller Roly Keating: \"It's an exciting new era for Top of the Pops.\" Mr Keating described BBC Two as the \"natural home\" of Top of the Pops. He added: \"The addition of Top of the Pops will also extend BBC Two's offering to younger audiences.\"";
        let got = speakers(text);
        assert_eq!(
            got.last().and_then(|g| g.1.as_deref()),
            Some("Roly Keating"),
            "{got:?}"
        );
        // PolNeAR wash-post_2015-11-16: a second quotation joined to the first by "and" is the
        // same speaker's.
        let text = "Challenged by ABC News's Diane Sawyer on her post-administration speaking fees, Clinton said that her family \"came out of the White House not only dead broke, but in debt,\" and \"struggled to piece together the resources for mortgages for houses, for Chelsea's education.\"";
        let got = speakers(text);
        assert_eq!(got[1].1.as_deref(), Some("Clinton"), "{got:?}");
    }

    #[test]
    fn relations_between_quotes() {
        let mut interner = Interner::default();
        let mut words = |s: &'static str| -> (Vec<u32>, Vec<Mark>) {
            let mut depth = 0;
            let mut k = Vec::new();
            let mut b = Vec::new();
            for w in s.split_whitespace() {
                match w {
                    "(" => depth += 1,
                    ")" => depth -= 1,
                    _ => {
                        k.push(interner.intern(Cow::Borrowed(w)));
                        b.push(Mark {
                            bracketed: depth > 0,
                            name: false,
                            capital: false,
                        });
                    }
                }
            }
            (k, b)
        };
        let indications = words("all the indications are that it was daesh");
        let isis = words("all the indications are that it was daesh ( isis )");
        let fragment = words("that it was daesh");
        let changed = words("all the signs are that it was daesh");
        let cut = words("all the indications are daesh");
        let other = words("we know daesh's movements");
        let rel = |a: &(Vec<u32>, Vec<Mark>), b: &(Vec<u32>, Vec<Mark>)| {
            let x = relate(&interner, (&a.0, &a.1), (&b.0, &b.1));
            assert_eq!(
                x,
                relate(&interner, (&b.0, &b.1), (&a.0, &a.1)),
                "relate is symmetric"
            );
            x
        };
        assert_eq!(rel(&indications, &indications), Some(Relation::Exact));
        assert_eq!(rel(&indications, &isis), Some(Relation::Altered));
        assert_eq!(rel(&indications, &fragment), Some(Relation::Partial));
        assert_eq!(rel(&indications, &changed), Some(Relation::Altered));
        assert_eq!(rel(&indications, &cut), Some(Relation::Altered));
        assert_eq!(rel(&indications, &other), None);
    }

    #[test]
    fn an_ellipsis_is_a_cut() {
        let a = doc(
            "He tweeted: “Al-Qaeda attacked the U.S. on 9/11 and we went to war with Iraq. If this report is true, ISIS attacked the U.S. and we nearly went to war with Iran.”",
        );
        let b = doc(
            "He tweeted: “Al-Qaeda attacked the U.S. on 9/11 and we went to war with Iraq … ISIS attacked the U.S. and we nearly went to war with Iran.”",
        );
        let m = match_quotes(&[a, b]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].status, QuoteStatus::Altered);
        let changed: Vec<_> = m[0].diff.iter().filter(|p| p.op != EditOp::Equal).collect();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].op, EditOp::Delete);
        assert_eq!(changed[0].left, "If this report is true");
        assert_eq!(changed[0].right, "");
    }

    #[test]
    fn misattributed_and_terms() {
        let a = doc("“We know Daesh’s movements,” Brigadier General Ahmed Adnan told the Times.");
        let b = doc("“We know Daesh’s movements,” Lt. Gen. Muhammad al-Bayati told the Times.");
        let c = doc("“We know Daesh’s movements,” Ahmed Adnan said.");
        assert_eq!(
            match_quotes(&[a.clone(), b])[0].status,
            QuoteStatus::Misattributed
        );
        assert_eq!(match_quotes(&[a, c])[0].status, QuoteStatus::Exact);
        // Terms never make a misattribution.
        let a = doc("Adnan called it a “bombshell” on Friday.");
        let b = doc("Bayati called it a “bombshell” on Friday.");
        let m = match_quotes(&[a, b]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].status, QuoteStatus::Exact);
        assert!(m[0].occurrences.iter().all(|o| o.term));
    }

    #[test]
    fn partial_quotes() {
        let a =
            doc("He tweeted: “Al-Qaeda attacked the U.S. on 9/11 and we went to war with Iraq.”");
        let b = doc("He wrote that “we went to war with Iraq.”");
        let m = match_quotes(&[a, b]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].status, QuoteStatus::Partial);
        assert_eq!(m[0].diff[0].op, EditOp::Delete);
        assert_eq!(m[0].diff[0].left, "Al-Qaeda attacked the U.S. on 9/11 and");
    }

    /// PolNeAR wash-post_2015-11-16: Clinton's words quoted inside a spokesman's tweet are
    /// Clinton's, not the spokesman's, and the tweet is a quotation of its own.
    #[test]
    fn a_statement_quoted_inside_a_tweet_is_its_inner_speakers() {
        let a = doc(
            "\"Debate recap,\" tweeted Rubio spokesman Alex Conant. \"Clinton: 'I come from \
             the 60s, a long time ago.' Marco: 'This election is about the future.'\"",
        );
        let b = doc("\"I come from the '60s, a long time ago,\" Hillary Clinton said on Saturday.");
        let m = match_quotes(&[a, b]);
        let clinton = m
            .iter()
            .find(|q| q.text.starts_with("I come"))
            .expect("Clinton's words are one entry");
        assert_eq!(clinton.status, QuoteStatus::Exact);
        let who: Vec<Option<&str>> = clinton
            .occurrences
            .iter()
            .map(|o| o.speaker.as_deref())
            .collect();
        assert_eq!(who, [Some("Clinton"), Some("Hillary Clinton")]);
        // The tweet stays one quotation of Conant's, in article A only.
        let tweet = m
            .iter()
            .find(|q| q.text.starts_with("Clinton:"))
            .expect("the tweet");
        assert_eq!(tweet.status, QuoteStatus::Unmatched);
        assert_eq!(tweet.occurrences[0].speaker.as_deref(), Some("Alex Conant"));
        // An inner statement nobody else quotes is reported with its tweet only.
        assert!(!m.iter().any(|q| q.text.starts_with("This election")));
    }

    /// PolNeAR, August 2016: three outlets quote Trump's "Second Amendment people" remark in
    /// three wordings. Each other wording gets one diff against the first, none per pair.
    #[test]
    fn each_wording_is_diffed_once_against_the_first() {
        let a = doc(
            "Trump said: “Although the Second Amendment people, maybe there is, I don’t \
                     know. But I’ll tell you what. That will be a horrible day.”",
        );
        let b = doc(
            "Trump said: “Although the Second Amendment people, maybe there is, I don’t \
                     know.”",
        );
        let c = doc(
            "Trump said: “Though the Second Amendment people, maybe there is, I don't \
                     know.” He said it again: “Though the Second Amendment people, maybe there \
                     is, I don't know.”",
        );
        let m = match_quotes(&[a, b, c]);
        assert_eq!(m.len(), 1, "{m:#?}");
        let q = &m[0];
        assert_eq!(q.occurrences.len(), 4);
        // Three wordings: two diffs, both from occurrence 0; C's repeat adds none.
        let pairs: Vec<[usize; 2]> = q.diffs.iter().map(|d| d.occurrences).collect();
        assert_eq!(pairs, [[0, 1], [0, 2]]);
        assert!(q.diffs[0].diff.iter().any(|p| p.op == EditOp::Delete));
        let changed: Vec<(&str, &str)> = q.diffs[1]
            .diff
            .iter()
            .filter(|p| p.op == EditOp::Replace)
            .map(|p| (p.left.as_str(), p.right.as_str()))
            .collect();
        assert_eq!(changed.first(), Some(&("Although", "Though")));
    }
}

//! Stage 6, classify: an [`Alignment`] becomes an [`Analysis`]: findings by kind with their
//! claim-drift flags, unique sentences, passages, and how much of each article is shared.
//!
//! Claim drift is what a fact-checker looks for inside an aligned pair, and what no peer tool
//! reports: numbers or dates that differ, a hedge dropped or added ("likely", "without
//! evidence"), the attribution verb changed ("said" → "insisted"), a negation added or
//! removed, a named subject swapped ("Khataib Hezbollah" → "Iran"). The word lists are in
//! [`lexicon`].

pub mod lexicon;
pub mod quote;
pub mod speaker;

use std::cell::OnceCell;
use std::collections::BTreeSet;

use serde::Serialize;

use crate::align::{self, Alignment, EditOp, PairKind, SentencePair, Side};
use crate::options::Options;
use crate::tokenize::{self, Document, Token, TokenKind};

/// What a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The same sentence, word for word.
    Verbatim,
    /// The same sentence with words inserted, cut or replaced.
    Edited,
    /// The same fact told in other words.
    Framing,
    /// A sentence no other article carries.
    Unique,
}

impl From<PairKind> for FindingKind {
    fn from(k: PairKind) -> FindingKind {
        match k {
            PairKind::Verbatim => FindingKind::Verbatim,
            PairKind::Edited => FindingKind::Edited,
            PairKind::Framing => FindingKind::Framing,
        }
    }
}

/// A kind of claim drift.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DriftKind {
    /// Numbers or dates differ.
    Number,
    /// A hedge on one side only.
    Hedge,
    /// Different attribution verbs.
    Attribution,
    /// A negation on one side only.
    Negation,
    /// Different names in the same place.
    Subject,
}

/// One claim-drift flag: the words each side has that the other does not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Drift {
    /// What drifted.
    pub kind: DriftKind,
    /// The left side's words (as written).
    pub left: Vec<String>,
    /// The right side's words (as written).
    pub right: Vec<String>,
}

/// An aligned pair with its kind and drift flags.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Verbatim, edited or framing.
    pub kind: FindingKind,
    /// The aligned sentences, their scores and word diff.
    pub pair: SentencePair,
    /// Claim-drift flags (empty for verbatim pairs).
    pub drift: Vec<Drift>,
}

/// A sentence of one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SentenceId {
    /// Article index.
    pub doc: usize,
    /// Sentence index in that article.
    pub sentence: usize,
}

/// The shared fraction of one article with respect to another.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Coverage {
    /// The article measured.
    pub doc: usize,
    /// The article it is measured against.
    pub other: usize,
    /// Fraction of `doc`'s words that lie in text shared with `other` (0..1).
    pub shared: f64,
    /// Words of `doc` in shared text.
    pub shared_words: usize,
    /// All words of `doc`.
    pub words: usize,
}

/// Consecutive aligned sentences on both sides, merged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// The left article's sentences.
    pub left: Side,
    /// The right article's sentences.
    pub right: Side,
    /// Indices into [`Analysis::findings`].
    pub findings: Vec<usize>,
}

/// Everything the reports show, owned.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The compared articles with their sentences and tokens, in the order given.
    pub documents: Vec<Document>,
    /// Aligned pairs, ordered by (left doc, right doc, left sentence, right sentence).
    pub findings: Vec<Finding>,
    /// Sentences with no counterpart in any other article, in document order.
    pub unique: Vec<SentenceId>,
    /// For every ordered pair of articles, the shared fraction.
    pub coverage: Vec<Coverage>,
    /// Runs of consecutive aligned sentences.
    pub passages: Vec<Passage>,
    /// `carriers[doc][sentence]`: the other articles that carry that sentence.
    pub carriers: Vec<Vec<Vec<usize>>>,
    /// Quotations across all articles: shared (exact, altered, partial, unquoted,
    /// misattributed) and unmatched, ordered by first occurrence.
    pub quotes: Vec<quote::QuoteMatch>,
}

impl Analysis {
    /// Number of findings of `kind` (for `Unique`, unique sentences).
    pub fn count(&self, kind: FindingKind) -> usize {
        if kind == FindingKind::Unique {
            self.unique.len()
        } else {
            self.findings.iter().filter(|f| f.kind == kind).count()
        }
    }

    /// Coverage of `doc` against `other`.
    pub fn coverage_of(&self, doc: usize, other: usize) -> Option<&Coverage> {
        self.coverage
            .iter()
            .find(|c| c.doc == doc && c.other == other)
    }
}

/// Classifies an alignment; `quotes` are the documents' quotations as matched by
/// [`quote::match_quotes`].
pub fn classify(
    documents: Vec<Document>,
    alignment: Alignment,
    quotes: Vec<quote::QuoteMatch>,
    _options: &Options,
) -> Analysis {
    let n = documents.len();
    let mut carriers: Vec<Vec<BTreeSet<usize>>> = documents
        .iter()
        .map(|d| vec![BTreeSet::new(); d.sentences.len()])
        .collect();
    let findings: Vec<Finding> = alignment
        .pairs
        .into_iter()
        .map(|pair| {
            for &i in &pair.left.sentences {
                carriers[pair.left.doc][i].insert(pair.right.doc);
            }
            for &j in &pair.right.sentences {
                carriers[pair.right.doc][j].insert(pair.left.doc);
            }
            let drift = if pair.kind == PairKind::Verbatim {
                Vec::new()
            } else {
                drift(&documents, &pair)
            };
            Finding {
                kind: pair.kind.into(),
                pair,
                drift,
            }
        })
        .collect();
    let unique = carriers
        .iter()
        .enumerate()
        .flat_map(|(doc, sents)| {
            sents
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_empty())
                .map(move |(sentence, _)| SentenceId { doc, sentence })
        })
        .collect();
    let coverage = coverage(&documents, &findings, n);
    let passages = passages(&documents, &findings);
    Analysis {
        documents,
        findings,
        unique,
        coverage,
        passages,
        quotes,
        carriers: carriers
            .into_iter()
            .map(|d| d.into_iter().map(|s| s.into_iter().collect()).collect())
            .collect(),
    }
}

/// Positions (sentence, token) of a side's tokens, in the order the word diff saw them.
fn side_positions(doc: &Document, side: &Side, verbatim: bool) -> Vec<(usize, usize)> {
    let take = if verbatim { 1 } else { side.sentences.len() };
    side.sentences
        .iter()
        .take(take)
        .flat_map(|&s| (0..doc.tokens[s].len()).map(move |t| (s, t)))
        .collect()
}

fn coverage(documents: &[Document], findings: &[Finding], n: usize) -> Vec<Coverage> {
    // shared[doc][other][sentence][token]
    let mut shared: Vec<Vec<Vec<Vec<bool>>>> = documents
        .iter()
        .map(|d| {
            let blank: Vec<Vec<bool>> = d.tokens.iter().map(|t| vec![false; t.len()]).collect();
            vec![blank; n]
        })
        .collect();
    for f in findings {
        let p = &f.pair;
        match f.kind {
            FindingKind::Verbatim => {
                for (side, other) in [(&p.left, p.right.doc), (&p.right, p.left.doc)] {
                    for &s in &side.sentences {
                        shared[side.doc][other][s].fill(true);
                    }
                }
            }
            FindingKind::Edited | FindingKind::Framing => {
                let (ld, rd) = (&documents[p.left.doc], &documents[p.right.doc]);
                let left = side_positions(ld, &p.left, false);
                let right = side_positions(rd, &p.right, false);
                for (lr, rr) in p.pair_equal_runs() {
                    // In a pair told in other words, only phrases count as shared text (two
                    // words or more, one of them a content word: "Hang Seng", "30bn baht"), not
                    // a lone "the" between rewritten clauses.
                    if f.kind == FindingKind::Framing {
                        let toks = || left[lr.clone()].iter().map(|&(s, t)| &ld.tokens[s][t]);
                        let words = toks().filter(|t| t.is_wordlike()).count();
                        if words < 2 || !toks().any(|t| t.content) {
                            continue;
                        }
                    }
                    for &(s, t) in &left[lr] {
                        shared[p.left.doc][p.right.doc][s][t] = true;
                    }
                    for &(s, t) in &right[rr] {
                        shared[p.right.doc][p.left.doc][s][t] = true;
                    }
                }
            }
            FindingKind::Unique => {}
        }
    }
    let mut out = Vec::new();
    for (doc, d) in documents.iter().enumerate() {
        let words: usize = (0..d.sentences.len()).map(|s| d.word_count(s)).sum();
        for other in (0..n).filter(|&o| o != doc) {
            let shared_words = d
                .tokens
                .iter()
                .zip(&shared[doc][other])
                .flat_map(|(toks, flags)| toks.iter().zip(flags))
                .filter(|(t, f)| **f && t.is_wordlike())
                .count();
            out.push(Coverage {
                doc,
                other,
                shared: if words == 0 {
                    0.0
                } else {
                    shared_words as f64 / words as f64
                },
                shared_words,
                words,
            });
        }
    }
    out
}

impl SentencePair {
    /// Token ranges (left, right) of the equal runs of the word diff.
    pub fn pair_equal_runs(
        &self,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, std::ops::Range<usize>)> + '_ {
        self.edits
            .iter()
            .filter(|e| e.op == EditOp::Equal)
            .map(|e| (e.left.clone(), e.right.clone()))
    }
}

fn passages(documents: &[Document], findings: &[Finding]) -> Vec<Passage> {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&k| {
        let p = &findings[k].pair;
        (
            p.left.doc,
            p.right.doc,
            p.left.sentences.clone(),
            p.right.sentences.clone(),
        )
    });
    let mut out: Vec<Passage> = Vec::new();
    for k in order {
        let p = &findings[k].pair;
        if let Some(last) = out.last_mut()
            && last.left.doc == p.left.doc
            && last.right.doc == p.right.doc
            && continues(
                &documents[p.left.doc],
                &last.left.sentences,
                &p.left.sentences,
            )
            && continues(
                &documents[p.right.doc],
                &last.right.sentences,
                &p.right.sentences,
            )
        {
            for (into, from) in [(&mut last.left, &p.left), (&mut last.right, &p.right)] {
                into.sentences.extend(&from.sentences);
                into.sentences.sort_unstable();
                into.sentences.dedup();
            }
            last.findings.push(k);
            continue;
        }
        out.push(Passage {
            left: p.left.clone(),
            right: p.right.clone(),
            findings: vec![k],
        });
    }
    out
}

/// Does `next` continue the passage `prev` in the same paragraph (the same sentence again, or
/// the one right after)?
fn continues(doc: &Document, prev: &[usize], next: &[usize]) -> bool {
    let (Some(&last), Some(&first)) = (prev.iter().max(), next.iter().min()) else {
        return false;
    };
    (first == last || first == last + 1)
        && doc.sentences[first].paragraph == doc.sentences[last].paragraph
}

fn drift(documents: &[Document], pair: &SentencePair) -> Vec<Drift> {
    let left = align::side_tokens(documents, &pair.left, false);
    let right = align::side_tokens(documents, &pair.right, false);
    let ltext = &documents[pair.left.doc].article.text;
    let rtext = &documents[pair.right.doc].article.text;
    let mut out = Vec::new();

    // Only small edits count for numbers (edited and framing pairs alike) and for hedges in
    // edited pairs: "300 jobs" against "450 jobs", "was likely carried out" against "was
    // carried out". A clause added around the shared words ("… saying they believe it is
    // unlikely that …"), or a reworded sentence that brings in another figure ("shares have
    // dropped 5%" beside "growth may fall by 1%"), is new content, not a changed fact.
    let (small_left, small_right) = small_edits(pair, &left, &right);

    // Numbers and dates: what each side has that the other lacks, when both have some.
    let numbers = |toks: &[&Token]| -> BTreeSet<String> {
        toks.iter()
            .filter(|t| {
                t.kind == TokenKind::Number
                    || (t.kind == TokenKind::Word
                        && t.key.starts_with(|c: char| c.is_ascii_digit()))
                    || lexicon::DATE_WORDS.contains(&t.key.as_str())
            })
            .map(|t| number_key(&t.key))
            .collect()
    };
    push_set_drift(
        &mut out,
        DriftKind::Number,
        numbers(&small_left),
        numbers(&small_right),
        true,
    );

    // Hedges: one side hedges, the other states. Two different hedges ("may" / "could") are
    // both hedged.
    let hedges = |toks: &[&Token]| -> BTreeSet<String> {
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| t.is_wordlike())
            .map(|t| t.key.as_str())
            .collect();
        lexicon::HEDGES
            .iter()
            .filter(|h| {
                if !h.contains(' ') {
                    return words.contains(*h);
                }
                let phrase: Vec<&str> = h.split(' ').collect();
                words.windows(phrase.len()).any(|w| w == phrase.as_slice())
            })
            .map(|h| h.to_string())
            .collect()
    };
    let (hl, hr) = if pair.kind == PairKind::Edited && !pair.edits.is_empty() {
        (hedges(&small_left), hedges(&small_right))
    } else {
        (hedges(&left), hedges(&right))
    };
    if hl.is_empty() != hr.is_empty() {
        push_set_drift(&mut out, DriftKind::Hedge, hl, hr, false);
    }

    // Attribution verbs.
    // Verbs are written in small letters: "United States" holds no verb "states".
    let verbs = |toks: &[&Token], text: &str| -> BTreeSet<String> {
        toks.iter()
            .filter(|t| lexicon::ATTRIBUTION_VERBS.contains(&t.key.as_str()))
            .filter(|t| t.span.slice(text).starts_with(|c: char| c.is_lowercase()))
            .map(|t| t.key.to_string())
            .collect()
    };
    let (lv, rv) = (verbs(&left, ltext), verbs(&right, rtext));
    let lemma = |v: &String| verb_lemma(v);
    let (ll, rl): (BTreeSet<_>, BTreeSet<_>) = (
        lv.iter().map(lemma).collect(),
        rv.iter().map(lemma).collect(),
    );
    if !ll.is_empty() && !rl.is_empty() && ll != rl {
        let lo: Vec<String> = lv
            .iter()
            .filter(|v| !rl.contains(&verb_lemma(v)))
            .cloned()
            .collect();
        let ro: Vec<String> = rv
            .iter()
            .filter(|v| !ll.contains(&verb_lemma(v)))
            .cloned()
            .collect();
        if !lo.is_empty() && !ro.is_empty() {
            out.push(Drift {
                kind: DriftKind::Attribution,
                left: lo,
                right: ro,
            });
        }
    }

    // Negations: a different count of them. Only in edited pairs: there the rest of the
    // sentence is the same, so one "not" more reverses it; in a sentence told in other words a
    // "not" elsewhere ("ISIS, not an Iran-linked group") says nothing of the shared claim.
    let negations = |toks: &[&Token], text: &str| -> Vec<String> {
        toks.iter()
            .filter(|t| t.is_wordlike() && lexicon::is_negation(&t.key))
            .map(|t| t.span.slice(text).to_string())
            .collect()
    };
    let (ln, rn) = (
        negations(&small_left, ltext),
        negations(&small_right, rtext),
    );
    if pair.kind == PairKind::Edited && ln.len() != rn.len() {
        out.push(Drift {
            kind: DriftKind::Negation,
            left: ln,
            right: rn,
        });
    }

    // Named subjects swapped: names replaced by other names in one run of the word diff.
    let capitalised = |toks: &[&Token], text: &str| -> Vec<String> {
        toks.iter()
            .filter(|t| t.span.slice(text).starts_with(char::is_uppercase))
            .map(|t| t.key.to_string())
            .collect()
    };
    let caps = OnceCell::new();
    for e in pair.edits.iter().filter(|e| e.op == EditOp::Replace) {
        let mut ln = names(&left[e.left.clone()], &documents[pair.left.doc], &right);
        let mut rn = names(&right[e.right.clone()], &documents[pair.right.doc], &left);
        if ln.is_empty() || rn.is_empty() {
            continue;
        }
        // "Gen." / "General", "Soleimani" / "Suleimani": one name spelled two ways.
        let (lcaps, rcaps): &(Vec<String>, Vec<String>) =
            caps.get_or_init(|| (capitalised(&left, ltext), capitalised(&right, rtext)));
        let same = |x: &String, y: &String| same_name(x, y);
        ln.retain(|x| !rn.iter().any(|y| same(x, y)));
        rn.retain(|y| !lcaps.iter().any(|k| same(y, k)));
        ln.retain(|x| !rcaps.iter().any(|k| same(x, k)));
        // A swap is one or two names for one or two others; more is a rewritten clause.
        if !ln.is_empty() && !rn.is_empty() && ln.len() <= 2 && rn.len() <= 2 {
            out.push(Drift {
                kind: DriftKind::Subject,
                left: ln,
                right: rn,
            });
        }
    }
    out
}

/// Most words on one side of an edit that still count as a small edit of a claim.
const SMALL_EDIT_WORDS: usize = 4;

/// The tokens of each side that lie in small edits of the word diff (at most
/// [`SMALL_EDIT_WORDS`] words on each side of the edit).
fn small_edits<'t>(
    pair: &SentencePair,
    left: &[&'t Token],
    right: &[&'t Token],
) -> (Vec<&'t Token>, Vec<&'t Token>) {
    let words = |toks: &[&Token]| toks.iter().filter(|t| t.is_wordlike()).count();
    let (mut l, mut r) = (Vec::new(), Vec::new());
    for e in pair.edits.iter().filter(|e| e.op != EditOp::Equal) {
        let (lt, rt) = (&left[e.left.clone()], &right[e.right.clone()]);
        if words(lt) <= SMALL_EDIT_WORDS && words(rt) <= SMALL_EDIT_WORDS {
            l.extend_from_slice(lt);
            r.extend_from_slice(rt);
        }
    }
    (l, r)
}

fn push_set_drift(
    out: &mut Vec<Drift>,
    kind: DriftKind,
    l: BTreeSet<String>,
    r: BTreeSet<String>,
    need_both: bool,
) {
    let lo: Vec<String> = l.difference(&r).cloned().collect();
    let ro: Vec<String> = r.difference(&l).cloned().collect();
    let flagged = if need_both {
        !lo.is_empty() && !ro.is_empty()
    } else {
        !lo.is_empty() || !ro.is_empty()
    };
    if flagged {
        out.push(Drift {
            kind,
            left: lo,
            right: ro,
        });
    }
}

/// "27th" and "27" are the same number.
fn number_key(key: &str) -> String {
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(n) = key.strip_suffix(suffix)
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
        {
            return n.to_string();
        }
    }
    key.to_string()
}

/// "said", "says" and "say" are one verb; so are "claims" and "claimed".
fn verb_lemma(verb: &str) -> String {
    match verb {
        "said" | "says" => "say".to_string(),
        "told" | "tells" | "tell" => "tell".to_string(),
        v => v
            .strip_suffix("ed")
            .or_else(|| v.strip_suffix('s'))
            .unwrap_or(v)
            .trim_end_matches('e')
            .to_string(),
    }
}

/// Whether two names are one name written two ways: an abbreviation ("Gen" / "General") or
/// a spelling variant ("Soleimani" / "Suleimani"), compared case-insensitively.
fn same_name(x: &str, y: &str) -> bool {
    let (x, y) = (x.to_lowercase(), y.to_lowercase());
    let prefix = |a: &str, b: &str| a.len() >= 3 && b.starts_with(a);
    prefix(&x, &y) || prefix(&y, &x) || align::fuzzy::similarity(&x, &y) >= 0.5
}

/// Runs of capitalised words (names) in `toks`, as written, leaving out words the other side
/// also has (a name moved is not a name swapped) and function words ("The").
fn names(toks: &[&Token], doc: &Document, other: &[&Token]) -> Vec<String> {
    let text = &doc.article.text;
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        if !run.is_empty() {
            out.push(run.join(" "));
            run.clear();
        }
    };
    for t in toks {
        let word = t.span.slice(text);
        let capital = t.kind == TokenKind::Word
            && word.chars().next().is_some_and(char::is_uppercase)
            && !tokenize::is_stopword(&t.key)
            && !other.iter().any(|o| o.key == t.key)
            && !lexicon::NEWS_OUTLETS.contains(&t.key.as_str())
            && !lexicon::DATE_WORDS.contains(&t.key.as_str())
            // "Mr", "Gen": a title alone names nobody.
            && !crate::segment::rules::TITLES.contains(&word.trim_end_matches('.'))
            && !opens_sentence(doc, t);
        if capital {
            run.push(word);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Whether `t` is the first word of its sentence, where any word is capitalised ("Commenting on
/// speculation, he said ...").
fn opens_sentence(doc: &Document, t: &Token) -> bool {
    let k = doc
        .sentences
        .partition_point(|s| s.span.start <= t.span.start);
    let Some(sentence) = k.checked_sub(1).map(|k| &doc.sentences[k]) else {
        return false;
    };
    !doc.article.text[sentence.span.start..t.span.start]
        .chars()
        .any(char::is_alphanumeric)
}

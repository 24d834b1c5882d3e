//! Stage 6, classify: an [`Alignment`] becomes an [`Analysis`]: findings by kind with their
//! claim-drift flags, unique sentences, passages, and how much of each article is shared.
//!
//! Claim drift is what a fact-checker looks for inside an aligned pair, and what no peer tool
//! reports: numbers or dates that differ, a hedge dropped or added ("likely", "without
//! evidence"), the attribution verb changed ("said" → "insisted"), a negation added or
//! removed, a named subject swapped ("Khataib Hezbollah" → "Iran"). The word lists are in
//! [`lexicon`].

pub(crate) mod drift;
mod first;
pub(crate) mod group;
pub(crate) mod lexicon;
pub mod quote;
pub mod speaker;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::align::{Alignment, EditOp, PairKind, SentencePair, Side};
use crate::options::Options;
use crate::tokenize::Document;
pub use group::{DriftVariant, Group, GroupDrift};

/// What a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Sentences in no pair with any article that are close in content to a sentence of another
    /// article ([`CLOSE_UNPAIRED`] or more): not counted as unique, since another article may
    /// tell the same fact in other words. One per sentence (its closest counterpart), in
    /// document order.
    pub close_unpaired: Vec<crate::align::Near>,
    /// For every ordered pair of articles, the shared fraction.
    pub coverage: Vec<Coverage>,
    /// Runs of consecutive aligned sentences.
    pub passages: Vec<Passage>,
    /// The findings joined across articles: each sentence several articles carry once, with
    /// every article's sentences, and each drift change once; ordered by first member.
    pub groups: Vec<Group>,
    /// `finding_groups[k]`: the index in [`Analysis::groups`] of finding `k`'s group.
    pub finding_groups: Vec<usize>,
    /// `carriers[doc][sentence]`: the other articles that carry that sentence.
    pub carriers: Vec<Vec<Vec<usize>>>,
    /// Quotations across all articles: shared (exact, altered, partial, unquoted,
    /// misattributed) and unmatched, ordered by first occurrence. A term in quote marks that
    /// several articles carry is not among them: see [`Analysis::shared_terms`].
    pub quotes: Vec<quote::QuoteMatch>,
    /// Terms in quote marks carried by more than one article, every occurrence a term
    /// ([`quote::QuoteMatch::is_shared_term`]: "epidemic", "put option", a programme's title):
    /// not shared quotations, so no quote finding and no `--fail-on quotes`; ordered by first
    /// occurrence.
    pub shared_terms: Vec<quote::QuoteMatch>,
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

/// Weighted content overlap from which a sentence paired with nothing is close to a sentence of
/// another article: just under the default framing threshold (0.35). On the development half of
/// `tests/data/unique_sample.tsv` (118 sentences reported unique, labelled by reading the other
/// article) such sentences were told by the other article 7 times in 10, and leaving them out
/// of `unique` raised its precision from 0.81 to 0.85 while 3 truly unique sentences of 95 left
/// it.
pub const CLOSE_UNPAIRED: f64 = 0.3;

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
    let near = alignment.near;
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
                drift::drift(&documents, &pair)
            };
            Finding {
                kind: pair.kind.into(),
                pair,
                drift,
            }
        })
        .collect();
    // Each unpaired sentence's closest counterpart over all other articles (`near` is ordered
    // by sentence, then other article: the first of the best wins a tie).
    let mut close_unpaired: Vec<crate::align::Near> = Vec::new();
    for n in near {
        if carriers[n.doc][n.sentence].is_empty() && n.overlap >= CLOSE_UNPAIRED {
            match close_unpaired.last_mut() {
                Some(last) if (last.doc, last.sentence) == (n.doc, n.sentence) => {
                    if n.overlap > last.overlap {
                        *last = n;
                    }
                }
                _ => close_unpaired.push(n),
            }
        }
    }
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
        .filter(|id| {
            close_unpaired
                .binary_search_by_key(&(id.doc, id.sentence), |n| (n.doc, n.sentence))
                .is_err()
        })
        // A line with no word ("***", "—", the "." left of an embedded tweet) asserts nothing.
        .filter(|id| documents[id.doc].word_count(id.sentence) > 0)
        .collect();
    let refs: Vec<&Document> = documents.iter().collect();
    let coverage = coverage(&refs, &findings, n);
    let passages = passages(&refs, &findings);
    let (groups, finding_groups) = group::groups(&documents, &findings);
    let (shared_terms, quotes): (Vec<_>, Vec<_>) = quotes
        .into_iter()
        .partition(quote::QuoteMatch::is_shared_term);
    Analysis {
        documents,
        findings,
        unique,
        close_unpaired,
        coverage,
        passages,
        groups,
        finding_groups,
        quotes,
        shared_terms,
        carriers: carriers
            .into_iter()
            .map(|d| d.into_iter().map(|s| s.into_iter().collect()).collect())
            .collect(),
    }
}

/// What a corpus scan's pair record needs of [`classify`]: the findings (without their drift
/// flags), the coverage and the passages, computed exactly as `classify` computes them but
/// without the parts no record shows (drift, groups, carriers) and without owning the
/// documents.
pub fn shared_parts(
    documents: &[&Document],
    alignment: Alignment,
) -> (Vec<Finding>, Vec<Coverage>, Vec<Passage>) {
    let findings: Vec<Finding> = alignment
        .pairs
        .into_iter()
        .map(|pair| Finding {
            kind: pair.kind.into(),
            pair,
            drift: Vec::new(),
        })
        .collect();
    let coverage = coverage(documents, &findings, documents.len());
    let passages = passages(documents, &findings);
    (findings, coverage, passages)
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

fn coverage(documents: &[&Document], findings: &[Finding], n: usize) -> Vec<Coverage> {
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

/// Runs of consecutive aligned sentences, built in one pass over the findings' positions.
///
/// A finding takes part by its places: an edited or framing pair by its sides as they are; a
/// verbatim group (a sentence repeated in an article is one finding listing every copy) by its
/// copies paired in order, the n-th of one side with the n-th of the other, and any copies left
/// over with the other side's last. The places, sorted, are merged while both sides go on in
/// the same paragraph (the same sentence again, or the next one), so a passage never crosses a
/// paragraph break and the cost stays linear in the findings (after the sort).
fn passages(documents: &[&Document], findings: &[Finding]) -> Vec<Passage> {
    /// One place of a finding: the first and last sentence of each side, and the finding.
    struct Place {
        left: (usize, usize),
        right: (usize, usize),
        finding: usize,
    }
    let span = |s: &[usize]| (s.first().copied(), s.last().copied());
    let mut places: Vec<Place> = Vec::with_capacity(findings.len());
    for (k, f) in findings.iter().enumerate() {
        let p = &f.pair;
        if f.kind == FindingKind::Verbatim
            && (p.left.sentences.len() > 1 || p.right.sentences.len() > 1)
        {
            let (l, r) = (&p.left.sentences, &p.right.sentences);
            for i in 0..l.len().max(r.len()) {
                let (Some(&a), Some(&b)) = (l.get(i).or(l.last()), r.get(i).or(r.last())) else {
                    continue;
                };
                places.push(Place {
                    left: (a, a),
                    right: (b, b),
                    finding: k,
                });
            }
        } else if let ((Some(a), Some(b)), (Some(c), Some(d))) =
            (span(&p.left.sentences), span(&p.right.sentences))
        {
            places.push(Place {
                left: (a, b),
                right: (c, d),
                finding: k,
            });
        }
    }
    places.sort_by_key(|x| {
        let p = &findings[x.finding].pair;
        (p.left.doc, p.right.doc, x.left, x.right, x.finding)
    });
    let paragraph = |doc: usize, s: usize| documents[doc].sentences.get(s).map(|x| x.paragraph);
    // Whether a side that ends at `last` goes on with a side that spans `next`.
    let goes_on = |doc: usize, last: usize, next: (usize, usize)| {
        (next.0 == last || next.0 == last + 1)
            && paragraph(doc, next.0) == paragraph(doc, last)
            && paragraph(doc, next.1) == paragraph(doc, last)
    };
    let push = |side: &mut Side, (a, b): (usize, usize)| {
        for s in a..=b {
            if side.sentences.last().is_none_or(|&l| l < s) {
                side.sentences.push(s);
            }
        }
    };
    let mut out: Vec<Passage> = Vec::new();
    for place in places {
        let f = &findings[place.finding].pair;
        let (ld, rd) = (f.left.doc, f.right.doc);
        if let Some(last) = out.last_mut()
            && last.left.doc == ld
            && last.right.doc == rd
            && last
                .left
                .sentences
                .last()
                .is_some_and(|&l| goes_on(ld, l, place.left))
            && last
                .right
                .sentences
                .last()
                .is_some_and(|&r| goes_on(rd, r, place.right))
        {
            push(&mut last.left, place.left);
            push(&mut last.right, place.right);
            if last.findings.last() != Some(&place.finding) {
                last.findings.push(place.finding);
            }
            continue;
        }
        let mut passage = Passage {
            left: Side {
                doc: ld,
                sentences: Vec::new(),
            },
            right: Side {
                doc: rd,
                sentences: Vec::new(),
            },
            findings: vec![place.finding],
        };
        push(&mut passage.left, place.left);
        push(&mut passage.right, place.right);
        out.push(passage);
    }
    out
}

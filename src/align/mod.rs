//! Stage 5, align: [`Document`]s become an [`Alignment`]: the sentence pairs that two articles
//! share, word for word, lightly edited, or as the same fact told in other words.
//!
//! Order-free and index-first, as `../shared/PERFORMANCE.md` requires (a whole-document diff
//! is far too slow and loses passages that cross):
//! 1. every token key is interned; content words (not function words, not punctuation) are
//!    stemmed (once per document, [`DocIndex`]) and weighted by their rarity across the
//!    sentences of the two documents of the pair (IDF, one scope: the pair);
//! 2. identical sentences (same words after normalization) are joined through a hash map, so a
//!    sentence repeated 10,000 times is one group, not 10⁸ pairs;
//! 3. for every other sentence an inverted index of content stems proposes the few sentences of
//!    the other article that share the most weight; very common stems are skipped there;
//! 4. candidates are scored (weighted content overlap with spelling variants, bag-of-words
//!    similarity), taken best first one-to-one, and only then word-diffed with `similar`;
//! 5. a sentence may join a second pair when most of its words lie inside the other sentence
//!    (a sentence split in two, a short quote inside a longer sentence).
//!
//! Each pair of articles is processed in a canonical order (by text, then name) and mirrored
//! back, so `compare B A` finds exactly what `compare A B` finds; and as weights are computed
//! per pair, adding a third article changes nothing between the first two.

pub(crate) mod fuzzy;
pub(crate) mod places;
pub(crate) mod synonyms;
pub mod worddiff;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::index::{DocIndex, NO_STEM, SentenceIndex};
use crate::options::Options;
use crate::tokenize::{Document, Token, TokenKind};
pub use worddiff::{EditOp, WordEdit};

/// One side of an aligned pair: an article and some of its sentences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Side {
    /// Index of the article in the compared list.
    pub doc: usize,
    /// Sentence indices, ascending. For `verbatim` pairs, every occurrence of the sentence in
    /// the article; otherwise consecutive sentences read together (usually one).
    pub sentences: Vec<usize>,
}

/// How close an aligned pair is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PairKind {
    /// The same fact or claim told in other words.
    Framing,
    /// The same sentence with words inserted, cut or replaced.
    Edited,
    /// The same words after normalization (case, quotes, dashes, punctuation).
    Verbatim,
}

/// Two passages, one from each of two articles, that say the same thing.
#[derive(Clone, Debug, PartialEq)]
pub struct SentencePair {
    /// The earlier article in the compared list.
    pub left: Side,
    /// The later article.
    pub right: Side,
    /// How close the two are.
    pub kind: PairKind,
    /// Word similarity, 0..1: twice the words in equal runs over the words of both sides.
    pub similarity: f64,
    /// Weighted overlap of content words (rare words count more), spelling variants included.
    pub content_overlap: f64,
    /// Longest run of equal words (punctuation between them ignored).
    pub longest_run: usize,
    /// Spelling variants paired to reach `content_overlap`: (left word, right word).
    pub variants: Vec<(String, String)>,
    /// For each token of the left side (as `side_tokens` lists them): whether it is a content
    /// word the right side lacks, with no word of the same stem, no spelling variant and no
    /// longer or shorter form ("Gen." / "General"). "The words each side uses that the other
    /// does not". Empty for verbatim pairs.
    pub left_own: Vec<bool>,
    /// The same for the right side.
    pub right_own: Vec<bool>,
    /// The word diff over the tokens of `left.sentences` and `right.sentences` (the first
    /// occurrence on each side for verbatim groups). Empty when a side is longer than
    /// `Options::max_diff_tokens`.
    pub edits: Vec<WordEdit>,
}

/// All aligned pairs of all pairs of articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Pairs, ordered by (left doc, right doc, left sentence, right sentence).
    pub pairs: Vec<SentencePair>,
    /// For each sentence in no pair with an article, the sentence of that article sharing the
    /// most weighted content with it (at least two content stems), ordered by (doc, sentence,
    /// other doc).
    pub near: Vec<Near>,
}

/// A sentence paired with nothing in another article, and that article's sentence closest to
/// it in content: not the same fact by the rules, but close enough that "told by one article
/// only" would be a claim to check.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Near {
    /// The sentence's article.
    pub doc: usize,
    /// The sentence.
    pub sentence: usize,
    /// The other article.
    pub other_doc: usize,
    /// Its closest sentence.
    pub other: usize,
    /// Weighted content overlap (Dice) of the two, spelling variants included.
    pub overlap: f64,
}

/// The tokens of one side, in order (for verbatim groups: the first occurrence only).
pub fn side_tokens<'d>(docs: &'d [Document], side: &Side, verbatim: bool) -> Vec<&'d Token> {
    let doc = &docs[side.doc];
    let take = if verbatim { 1 } else { side.sentences.len() };
    side.sentences
        .iter()
        .take(take)
        .flat_map(|&i| doc.tokens[i].iter())
        .collect()
}

/// The stem alignment compares content words by: "assassinating" and "assassination" are one
/// word to the aligner.
pub fn stem(key: &str) -> String {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
        .stem(key)
        .into_owned()
}

/// Aligns every pair of documents. Each pair is aligned on its own ([`align_pair`]): what two
/// articles share does not depend on the other articles compared with them.
pub fn align(docs: &[Document], options: &Options) -> Alignment {
    let bytes: usize = docs.iter().map(|d| d.article.text.len()).sum();
    let parallel = bytes >= crate::par::PARALLEL_BYTES;
    let index: Vec<DocIndex> = crate::par::map(parallel, docs.iter().collect(), DocIndex::new);
    let mut todo = Vec::new();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            todo.push((i, j));
        }
    }
    let mut found = crate::par::map(parallel, todo, |(i, j)| {
        let (mut found, mut near) =
            align_pair_near(&docs[i], &index[i], &docs[j], &index[j], options);
        for p in &mut found {
            p.left.doc = if p.left.doc == 0 { i } else { j };
            p.right.doc = if p.right.doc == 0 { i } else { j };
        }
        for n in &mut near {
            (n.doc, n.other_doc) = if n.doc == 0 { (i, j) } else { (j, i) };
        }
        (found, near)
    });
    drop(index);
    let mut near: Vec<Near> = found
        .iter_mut()
        .flat_map(|f| std::mem::take(&mut f.1))
        .collect();
    near.sort_by_key(|n| (n.doc, n.sentence, n.other_doc));
    let mut found: Vec<Vec<SentencePair>> = found.into_iter().map(|f| f.0).collect();
    // One pair of documents (`compare a b`): its list as it is, not copied.
    let pairs = if found.len() == 1 {
        found.pop().unwrap_or_default()
    } else {
        let mut pairs = Vec::with_capacity(found.iter().map(Vec::len).sum());
        for f in found {
            pairs.extend(f);
        }
        pairs
    };
    Alignment { pairs, near }
}

/// Aligns one pair of documents, given their indexes ([`DocIndex::new`]). Sides refer to `a`
/// as document 0 and `b` as document 1; pairs are ordered by (left sentence, right sentence).
///
/// Word weights are computed over the sentences of these two documents only (see
/// [`Lexicon::build`]), and the pair is processed in a canonical order (by text, then name)
/// and mirrored back, so the result depends on the two articles alone: `compare b a` finds what
/// `compare a b` finds, and so does any run that holds both.
pub fn align_pair(
    a: &Document,
    ia: &DocIndex,
    b: &Document,
    ib: &DocIndex,
    options: &Options,
) -> Vec<SentencePair> {
    align_pair_with(a, ia, b, ib, options, false).0
}

/// [`align_pair`], with each side's sentences in no pair and their closest sentence of the other
/// side ([`Near`], docs 0 and 1).
pub fn align_pair_near(
    a: &Document,
    ia: &DocIndex,
    b: &Document,
    ib: &DocIndex,
    options: &Options,
) -> (Vec<SentencePair>, Vec<Near>) {
    align_pair_with(a, ia, b, ib, options, true)
}

fn align_pair_with(
    a: &Document,
    ia: &DocIndex,
    b: &Document,
    ib: &DocIndex,
    options: &Options,
    want_near: bool,
) -> (Vec<SentencePair>, Vec<Near>) {
    let flip = canonical_order(a, b) == Ordering::Greater;
    let (first, second) = if flip { (ib, ia) } else { (ia, ib) };
    let lexicon = Lexicon::build(first, second);
    let feats: [Vec<Features>; 2] = [0, 1].map(|side| lexicon.features(side));
    let aligner = PairAligner {
        lexicon: &lexicon,
        feats: &feats,
        docs: if flip { [b, a] } else { [a, b] },
        options,
        x: 0,
        y: 1,
    };
    let mut proposed = Vec::new();
    let mut found = aligner.run(want_near.then_some(&mut proposed));
    let mut near = Vec::new();
    if want_near {
        let mut paired = [vec![false; feats[0].len()], vec![false; feats[1].len()]];
        for p in &found {
            for &i in &p.left.sentences {
                paired[0][i] = true;
            }
            for &j in &p.right.sentences {
                paired[1][j] = true;
            }
        }
        near = nearest(&proposed, &paired, |a, b| aligner.may_tell(a, b));
        for n in &mut near {
            if flip {
                n.doc = 1 - n.doc;
                n.other_doc = 1 - n.other_doc;
            }
        }
    }
    if flip {
        for p in &mut found {
            std::mem::swap(&mut p.left, &mut p.right);
            worddiff::mirror(&mut p.edits);
            for v in &mut p.variants {
                std::mem::swap(&mut v.0, &mut v.1);
            }
            std::mem::swap(&mut p.left_own, &mut p.right_own);
        }
    }
    for p in &mut found {
        p.left.doc = 0;
        p.right.doc = 1;
    }
    // No two pairs share both first sentences (a pair is made only while one of its sentences
    // is free), so the order is total and an in-place sort (no buffer of pairs) gives it.
    found.sort_unstable_by(|a, b| {
        (a.left.sentences.first(), a.right.sentences.first())
            .cmp(&(b.left.sentences.first(), b.right.sentences.first()))
    });
    near.sort_by_key(|n| (n.doc, n.sentence));
    (found, near)
}

fn canonical_order(a: &Document, b: &Document) -> Ordering {
    a.article
        .text
        .cmp(&b.article.text)
        .then_with(|| a.article.name.cmp(&b.article.name))
}

/// The stems and weights of one pair of documents, over their indexes.
///
/// Pair stem ids are the first document's stem ids, then the second document's stems that the
/// first lacks, numbered on in their order of first appearance: the same numbering as
/// interning both documents' words in reading order, made from the indexes without hashing
/// any text.
struct Lexicon<'d> {
    /// The two documents' indexes (0 = `x`, 1 = `y`).
    docs: [&'d DocIndex; 2],
    /// For each document, its stem id -> pair stem id.
    maps: [Vec<u32>; 2],
    /// Pair stem ids from `docs[0].stem_names.len()` on -> the second document's stem id.
    new_in_y: Vec<u32>,
    /// Pair stem id -> IDF weight.
    idf: Vec<f64>,
    /// Pair stem id -> synonym class ([`synonyms::class`]), 0 for none.
    classes: Vec<u16>,
    /// Pair stem id -> [`fuzzy::Trigrams::tag`].
    tags: Vec<u64>,
}

/// What the aligner needs of one sentence in one pair: the sentence's index and its bag with
/// the pair's stem ids and weights.
struct Features<'d> {
    /// The sentence, as its document's index has it (a view, made once per pair rather
    /// than at every token read).
    view: SentenceIndex<'d>,
    /// 0 for the first document, 1 for the second.
    side: u32,
    /// Its content stem ids (of the pair), sorted and unique: the stems of [`Features::whole`].
    stems: Cow<'d, [u32]>,
    /// Sum of the IDF of `stems`.
    weight: f64,
    /// Whether it says anything to align: [`MIN_CONTENT_WORDS`] content stems, one of them a
    /// word that is no clock time ("2:10 p.m." / "2:14 p.m.", the time stamps of two live
    /// blogs, is no edited pair).
    says: bool,
    /// Its clauses, alone and in adjacent pairs: framing often rewords one clause of a long
    /// sentence ("but they have not released any of this evidence" / "but has not revealed any
    /// such evidence"). Built on first use ([`Lexicon::windows`]).
    windows: OnceCell<Vec<Bag<'d>>>,
}

impl<'d> Features<'d> {
    /// The sentence, as the index has it.
    fn s(&self) -> SentenceIndex<'d> {
        self.view
    }

    /// The whole sentence as a bag.
    fn whole(&self) -> Bag<'_> {
        Bag {
            words: Cow::Borrowed(self.s().sorted_words),
            stems: Cow::Borrowed(&self.stems),
            weight: self.weight,
        }
    }
}

/// Words of a stretch of text, order ignored.
#[derive(Default)]
struct Bag<'d> {
    /// Key numbers of words and numbers, sorted, with repeats.
    words: Cow<'d, [u32]>,
    /// Content stem ids (of the pair), sorted and unique.
    stems: Cow<'d, [u32]>,
    /// Sum of the IDF of `stems`.
    weight: f64,
}

/// How two bags overlap.
#[derive(Clone, Default)]
struct Overlap {
    /// Weighted content overlap (Dice), spelling variants included.
    dice: f64,
    /// Shared content weight over the smaller side's weight.
    containment: f64,
    /// Shared content stems (exact or variant).
    shared: usize,
    /// Shared content weight: how much specific content the two have in common.
    mass: f64,
    /// Dice over words and numbers, function words included.
    bag: f64,
    /// Spelling variants paired: (left stem, right stem).
    variants: Vec<(u32, u32)>,
}

impl Overlap {
    fn rank(&self) -> f64 {
        0.5 * self.dice + 0.5 * self.bag
    }
}

impl<'d> Lexicon<'d> {
    /// The stems of one pair of documents, from their indexes, each weighted by its IDF over
    /// the sentences of the two documents, `max(0.1, ln(sentences / sentences with the
    /// stem))`. The weights have this one scope, the pair, whatever else is compared or
    /// scanned.
    fn build(x: &'d DocIndex, y: &'d DocIndex) -> Lexicon<'d> {
        let nx = x.stem_names.len();
        let mut in_x: FxHashMap<u64, u32> = FxHashMap::default();
        in_x.reserve(nx);
        for (i, &h) in x.stem_hashes.iter().enumerate() {
            in_x.entry(h).or_insert(i as u32);
        }
        let mut df: Vec<u32> = x.stem_df.clone();
        let mut new_in_y = Vec::new();
        let map_y: Vec<u32> = y
            .stem_names
            .iter()
            .zip(&y.stem_hashes)
            .zip(&y.stem_df)
            .enumerate()
            .map(|(j, ((name, h), &d))| {
                let found = in_x
                    .get(h)
                    .filter(|&&i| x.stem_names[i as usize] == *name)
                    .copied()
                    // Two stems with one hash: look the name up.
                    .or_else(|| {
                        in_x.get(h)?;
                        x.stem_names
                            .iter()
                            .position(|n| n == name)
                            .map(|i| i as u32)
                    });
                let id = found.unwrap_or_else(|| {
                    new_in_y.push(j as u32);
                    df.push(0);
                    (df.len() - 1) as u32
                });
                df[id as usize] += d;
                id
            })
            .collect();
        let n = (x.sentence_count() + y.sentence_count()).max(1) as f64;
        let weight = |d: u32| (n / f64::from(d.max(1))).ln().max(0.1);
        // Most stems are in one to a few sentences: the weights of small counts are worked
        // out once per pair, not once per stem (a logarithm each; 0.0 is not yet known).
        let mut small = [0.0f64; 16];
        let idf = df
            .iter()
            .map(|&d| match small.get_mut(d as usize) {
                Some(w) if *w > 0.0 => *w,
                Some(w) => {
                    *w = weight(d);
                    *w
                }
                None => weight(d),
            })
            .collect();
        let classes = x
            .stem_classes
            .iter()
            .copied()
            .chain(new_in_y.iter().map(|&j| y.stem_classes[j as usize]))
            .collect();
        let tags = x
            .stem_tags
            .iter()
            .copied()
            .chain(new_in_y.iter().map(|&j| y.stem_tags[j as usize]))
            .collect();
        Lexicon {
            docs: [x, y],
            maps: [(0..nx as u32).collect(), map_y],
            new_in_y,
            idf,
            classes,
            tags,
        }
    }

    /// The pair stem of token `i` of a sentence; `NO_STEM` for no content word.
    fn token_stem(&self, f: &Features, i: usize) -> u32 {
        match f.s().stem(i) {
            NO_STEM => NO_STEM,
            s => self.maps[f.side as usize][s as usize],
        }
    }

    /// A pair stem as text.
    fn stem_name(&self, stem: u32) -> &'d str {
        let (doc, id) = self.origin(stem);
        self.docs[doc].stem_names[id as usize].as_str()
    }

    /// Which document a pair stem comes from, with its id there.
    fn origin(&self, stem: u32) -> (usize, u32) {
        let nx = self.docs[0].stem_names.len() as u32;
        if stem < nx {
            (0, stem)
        } else {
            (1, self.new_in_y[(stem - nx) as usize])
        }
    }

    /// Every sentence of one side with its bag in the pair's stem ids.
    fn features(&self, side: usize) -> Vec<Features<'d>> {
        let doc = self.docs[side];
        (0..doc.sentence_count())
            .map(|sentence| {
                let s = doc.sentence(sentence);
                let stems: Cow<'d, [u32]> = if side == 0 {
                    // The first document's stem ids are the pair's.
                    Cow::Borrowed(s.stems)
                } else {
                    let map = &self.maps[side];
                    let mut v: Vec<u32> = s.stems.iter().map(|&t| map[t as usize]).collect();
                    v.sort_unstable();
                    Cow::Owned(v)
                };
                let weight = stems.iter().map(|&t| self.idf[t as usize]).sum();
                let says = stems.len() >= MIN_CONTENT_WORDS
                    && stems.iter().any(|&t| {
                        let name = self.stem_name(t);
                        name.chars().any(char::is_alphabetic)
                            && !CLOCK_WORDS.contains(&name.trim_end_matches('.'))
                    });
                Features {
                    view: s,
                    side: side as u32,
                    stems,
                    weight,
                    says,
                    windows: OnceCell::new(),
                }
            })
            .collect()
    }

    /// Every clause and every two adjacent clauses of a sentence, as bags.
    fn windows<'f>(&self, f: &'f Features<'d>) -> &'f [Bag<'d>] {
        f.windows.get_or_init(|| {
            let mut windows = Vec::new();
            let cuts = f.s().cuts;
            if cuts.len() > 2 {
                for w in 1..=2 {
                    for k in 0..cuts.len().saturating_sub(w) {
                        let bag = self.bag(f, cuts[k] as usize..cuts[k + w] as usize);
                        if bag.stems.len() >= MIN_CONTENT_WORDS {
                            windows.push(bag);
                        }
                    }
                }
            }
            windows
        })
    }

    fn bag(&self, f: &Features, range: std::ops::Range<usize>) -> Bag<'d> {
        let s = f.s();
        let mut words: Vec<u32> = range
            .clone()
            .filter(|&i| s.wordlike(i))
            .map(|i| s.key(i))
            .collect();
        words.sort_unstable();
        let mut stems: Vec<u32> = range
            .map(|i| self.token_stem(f, i))
            .filter(|&s| s != NO_STEM)
            .collect();
        stems.sort_unstable();
        stems.dedup();
        let weight = stems.iter().map(|&s| self.idf[s as usize]).sum();
        Bag {
            words: Cow::Owned(words),
            stems: Cow::Owned(stems),
            weight,
        }
    }

    fn trigrams(&self, stem: u32) -> &'d fuzzy::Trigrams {
        let (doc, id) = self.origin(stem);
        self.docs[doc].trigrams(id)
    }

    /// How two bags overlap, spelling variants of content words included.
    fn overlap(&self, a: &Bag, b: &Bag, fuzzy_threshold: f64) -> Overlap {
        let idf = &self.idf;
        let fuzzy = fuzzy_threshold <= 1.0;
        let (mut shared_w, mut shared) = (0.0, 0usize);
        // The stems each side has alone, kept only when spelling variants are looked for.
        let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
        let (mut i, mut j) = (0, 0);
        while i < a.stems.len() && j < b.stems.len() {
            let (p, q) = (a.stems[i], b.stems[j]);
            match p.cmp(&q) {
                Ordering::Equal => {
                    shared_w += idf[p as usize];
                    shared += 1;
                    i += 1;
                    j += 1;
                }
                Ordering::Less => {
                    if fuzzy {
                        only_a.push(p);
                    }
                    i += 1;
                }
                Ordering::Greater => {
                    if fuzzy {
                        only_b.push(q);
                    }
                    j += 1;
                }
            }
        }
        if fuzzy {
            only_a.extend_from_slice(&a.stems[i..]);
            only_b.extend_from_slice(&b.stems[j..]);
        }
        let mut variants: Vec<(u32, u32)> = Vec::new();
        // A similarity of 0.0 passes no threshold above 0: the pairs whose tags rule it out
        // (most of them) are not compared.
        let tags = &self.tags;
        let by_tag = fuzzy_threshold > 0.0;
        for &p in &only_a {
            let tag_p = tags[p as usize];
            if by_tag && tag_p == 0 {
                continue;
            }
            let grams_p = self.trigrams(p);
            let best = only_b
                .iter()
                .filter(|&&q| !(by_tag && fuzzy::Trigrams::tags_differ(tag_p, tags[q as usize])))
                .filter(|&q| !variants.iter().any(|(_, v)| v == q))
                .map(|&q| (grams_p.similarity(self.trigrams(q)), q))
                .filter(|&(s, _)| s >= fuzzy_threshold)
                .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
            if let Some((_, q)) = best {
                shared_w += 0.5 * (idf[p as usize] + idf[q as usize]);
                shared += 1;
                variants.push((p, q));
            }
        }
        // Synonyms of the stems still alone ("endorsed" / "backed"), each matched once: counted
        // as shared, never reported as spelling variants (claim drift never sees them).
        let mut used: Vec<u32> = Vec::new();
        for &p in &only_a {
            let class = self.classes[p as usize];
            if class == 0 || variants.iter().any(|v| v.0 == p) {
                continue;
            }
            let q = only_b.iter().copied().find(|&q| {
                self.classes[q as usize] == class
                    && !used.contains(&q)
                    && !variants.iter().any(|v| v.1 == q)
            });
            if let Some(q) = q {
                // Half the weight of a word in common: a synonym tips a close call, it does not
                // make a pair alone.
                shared_w += 0.375 * (idf[p as usize] + idf[q as usize]);
                shared += 1;
                used.push(q);
            }
        }
        let total = a.weight + b.weight;
        if total == 0.0 {
            return Overlap::default();
        }
        Overlap {
            dice: (2.0 * shared_w / total).min(1.0),
            containment: (shared_w / a.weight.min(b.weight).max(f64::MIN_POSITIVE)).min(1.0),
            shared,
            mass: shared_w,
            bag: bag_dice(&a.words, &b.words),
            variants,
        }
    }
}

/// Fewest content words a sentence needs to be aligned at all ("He said." is not a finding).
const MIN_CONTENT_WORDS: usize = 2;
/// Words of a clock time, which a sentence needs more than to be aligned (an AP live blog's
/// "4:40 p.m.:" stamps; PolNeAR "The Latest" articles).
const CLOCK_WORDS: &[&str] = &[
    "a.m", "cdt", "cst", "edt", "est", "et", "gmt", "p.m", "pdt", "pst",
];
/// Candidates kept per sentence from the index.
const CANDIDATES_PER_SENTENCE: usize = 4;
/// Of those, how many (the ones sharing the most weight) have their clause windows compared.
const WINDOWED_CANDIDATES: usize = 2;
/// Words of the shorter sentence up to which a pair is read as two headlines.
const HEADLINE_WORDS: usize = 8;
/// Word similarity from which an edited pair is a copy whatever words it shares.
const CLOSE_COPY: f64 = 0.8;
/// Words of content two sentences with no verb in common must share, outside one noun phrase
/// (two let one more different fact than same fact through on the development sample).
const MIN_PREDICATE_WORDS: usize = 3;
/// Places of one word of a sentence the predicate check looks at.
const PLACES_PER_WORD: usize = 8;
/// Subject comparisons per pair of sentences, at most (each reads the sentences once).
const MAX_SUBJECT_CHECKS: usize = 32;
/// Word similarity below which a shared run alone makes no edited pair of two long sentences.
const MIN_RUN_SIMILARITY: f64 = 0.3;
/// Words of content (no name, no title) a shared run with no verb must hold to be a clause:
/// two are one noun phrase or a preposition and its object ("with the editorial board of the",
/// "Republican presidential candidate Donald Trump's call for").
const MIN_VERBLESS_CONTENT: usize = 3;
/// Longest run of equal words that makes a pair `edited` whatever else differs: a reused clause.
pub(crate) const MIN_SHARED_RUN: usize = 6;

/// Pairs two articles with no copy between them must share for a framing one to be reported
/// ([`PairAligner::keep_in_company`]).
const FEWEST_LOOSE_PAIRS: usize = 3;
/// Share of the shorter article's sentences from which fewer pairs are enough.
const LONE_SHARE: f64 = 0.2;
/// Least weighted content an edited pair of two articles that share no copy must have in
/// common ([`PairAligner::keep_in_company`]): below it, what the two share is a sentence's
/// frame ("… has been ruled out of the rest of the Six Nations", "… has confirmed she will take
/// part in …"), said of another person or event.
const LONE_EDIT_CONTENT: f64 = 0.45;

/// A pair this close stands on its own: word similarity or weighted content overlap.
const ANCHOR_CLOSENESS: f64 = 0.5;
/// How many sentences apart, on both sides, an anchor may lie to support a looser pair.
const SUPPORT_DISTANCE: usize = 3;
/// Pairs among the first sentences of both articles (headline and lead) support themselves.
const LEAD_SENTENCES: usize = 2;
/// Two articles whose anchors cover this share of one of them are one story retold: their
/// loose pairs stand without an anchor beside them.
const RELATED_SHARE: f64 = 0.05;

/// Whether a pair is sure enough to support its neighbours: the same words, or half the words
/// or half the weighted content in common.
fn anchor(p: &SentencePair) -> bool {
    p.kind == PairKind::Verbatim
        || p.similarity >= ANCHOR_CLOSENESS
        || p.content_overlap >= ANCHOR_CLOSENESS
}

/// Whether a candidate could become a pair that [`PairAligner::keep_supported`] keeps with no
/// other pair beside it: an anchor, or a pair of lead sentences. A pair's word similarity is at
/// most the bag similarity of its sentences (the words of equal runs are words both bags hold;
/// without a diff it is that bag similarity), and its content overlap is the wholes' Dice.
fn may_stand(c: &Candidate) -> bool {
    c.whole.bag >= ANCHOR_CLOSENESS
        || c.whole.dice >= ANCHOR_CLOSENESS
        || (c.a < LEAD_SENTENCES && c.b < LEAD_SENTENCES)
}

/// A pair the aligner proposed, with its wholes' overlap: the sentence of `x` and of `y`.
struct Proposed {
    a: usize,
    b: usize,
    overlap: f64,
}

/// For each sentence in no pair (`paired[side]` false), its proposed counterpart of the most
/// weighted content in common, whether that one is paired or not: what a reader should compare
/// before taking the sentence as told by one article only. Read from the aligner's own
/// proposals (each sentence of `x` with the few sentences of `y` that share the most with it,
/// sentences of a verbatim group left out), so it costs no search of its own. Docs are 0 (`x`)
/// and 1 (`y`); ordered by (doc, sentence).
///
/// Only a counterpart of [`crate::classify::CLOSE_UNPAIRED`] overlap or more that `may_tell`
/// accepts (the checks a pair must pass bar the overlap: more than names in common, a shared
/// predicate, no other speaker or place) is taken; the next best is tried when the best fails.
/// A held-out audit of four groups found half the close pointers wrong when the overlap was
/// all there was ("Do you support Dr. Ben Carson?" / "Ben Carson, can you do math?").
fn nearest(
    proposed: &[Proposed],
    paired: &[Vec<bool>; 2],
    may_tell: impl Fn(usize, usize) -> bool,
) -> Vec<Near> {
    let mut lists: [Vec<Vec<usize>>; 2] = [
        vec![Vec::new(); paired[0].len()],
        vec![Vec::new(); paired[1].len()],
    ];
    for (k, p) in proposed.iter().enumerate() {
        if p.overlap < crate::classify::CLOSE_UNPAIRED {
            continue;
        }
        for (side, own) in [(0, p.a), (1, p.b)] {
            if !paired[side][own] {
                lists[side][own].push(k);
            }
        }
    }
    // One proposal may be tried from both of its sentences: judged once.
    let mut judged: Vec<Option<bool>> = vec![None; proposed.len()];
    let mut best: [Vec<Option<&Proposed>>; 2] =
        [vec![None; paired[0].len()], vec![None; paired[1].len()]];
    for (side, per_sentence) in lists.iter_mut().enumerate() {
        for (own, list) in per_sentence.iter_mut().enumerate() {
            // Most overlap first; the first of equals (proposals come in sentence order) wins.
            list.sort_by(|&i, &j| {
                proposed[j]
                    .overlap
                    .total_cmp(&proposed[i].overlap)
                    .then(i.cmp(&j))
            });
            best[side][own] = list
                .iter()
                .find(|&&k| {
                    *judged[k].get_or_insert_with(|| may_tell(proposed[k].a, proposed[k].b))
                })
                .map(|&k| &proposed[k]);
        }
    }
    let mut out = Vec::new();
    for (side, list) in best.iter().enumerate() {
        for (own, p) in list.iter().enumerate() {
            if let Some(p) = p {
                out.push(Near {
                    doc: side,
                    sentence: own,
                    other_doc: 1 - side,
                    other: if side == 0 { p.b } else { p.a },
                    overlap: p.overlap,
                });
            }
        }
    }
    out
}

/// A candidate pair with its cheap scores (no diff yet).
struct Candidate {
    a: usize,
    b: usize,
    /// The sentences as wholes.
    whole: Overlap,
    /// The best pair of clause windows.
    window: Overlap,
}

impl Candidate {
    fn rank(&self) -> f64 {
        self.whole.rank().max(0.9 * self.window.rank())
    }
}

struct PairAligner<'a, 'd> {
    lexicon: &'a Lexicon<'d>,
    feats: &'a [Vec<Features<'d>>],
    /// The two documents, in the order of `feats`.
    docs: [&'a Document; 2],
    options: &'a Options,
    x: usize,
    y: usize,
}

impl PairAligner<'_, '_> {
    /// The pairs of the two documents; with `proposed`, also every proposed pair's sentences
    /// and wholes' overlap (what [`nearest`] reads).
    fn run(&self, proposed: Option<&mut Vec<Proposed>>) -> Vec<SentencePair> {
        let (fx, fy) = (&self.feats[self.x], &self.feats[self.y]);
        let mut taken_x = vec![false; fx.len()];
        let mut taken_y = vec![false; fy.len()];
        let mut out = self.verbatim_groups(&mut taken_x, &mut taken_y);
        // The other pairs, appended at the end: `out` is sized to its verbatim groups.
        let mut more = Vec::new();

        let proposals = self.proposals(&taken_x, &taken_y);
        if let Some(keep) = proposed {
            keep.extend(proposals.iter().map(|(c, _)| Proposed {
                a: c.a,
                b: c.b,
                overlap: c.whole.dice,
            }));
        }
        let mut candidates = self.scored(proposals, !out.is_empty());
        if out.is_empty() && !candidates.iter().any(may_stand) {
            // Nothing here can be an anchor or a lead pair, so whatever pairs the rounds made
            // would all stand alone and be dropped by `keep_supported`: skip the diffs.
            return out;
        }
        // Round 1, reuse: edited pairs one to one, closest first.
        candidates.sort_unstable_by(|p, q| {
            q.rank()
                .total_cmp(&p.rank())
                .then(p.a.cmp(&q.a))
                .then(p.b.cmp(&q.b))
        });
        for c in &candidates {
            if taken_x[c.a] || taken_y[c.b] || !self.may_be_edited(c) {
                continue;
            }
            if let Some(pair) = self.pair(c).filter(|p| p.kind == PairKind::Edited) {
                taken_x[c.a] = true;
                taken_y[c.b] = true;
                more.push(pair);
            }
        }
        // Round 2, framing: one to one, the pairs with the most specific content in common
        // first (a long lead rewritten shares a dozen names and rare words with its twin).
        candidates.sort_unstable_by(|p, q| {
            q.whole
                .mass
                .total_cmp(&p.whole.mass)
                .then(q.rank().total_cmp(&p.rank()))
                .then(p.a.cmp(&q.a))
                .then(p.b.cmp(&q.b))
        });
        let mut rest = Vec::new();
        for c in candidates {
            if taken_x[c.a] || taken_y[c.b] {
                rest.push(c);
                continue;
            }
            if !self.framing(&c) {
                continue;
            }
            if let Some(pair) = self.pair(&c) {
                taken_x[c.a] = true;
                taken_y[c.b] = true;
                more.push(pair);
            }
        }
        // Many to many: a sentence still free joins a taken one that holds most of its words.
        for c in rest {
            if taken_x[c.a] == taken_y[c.b] {
                continue;
            }
            let Some(pair) = self.pair(&c) else { continue };
            let free_len = if taken_x[c.a] {
                fy[c.b].s().word_count()
            } else {
                fx[c.a].s().word_count()
            };
            let equal = equal_words(
                &pair.edits,
                if taken_x[c.a] { &fy[c.b] } else { &fx[c.a] },
                !taken_x[c.a],
            );
            // A fact the other article tells twice (a lead and a later paragraph, a headline
            // and its first line): the free sentence joins the taken one as framing when most
            // of the smaller one's weighted content lies in the other, reworded rather than
            // copied.
            let twice = pair.kind == PairKind::Framing
                && c.whole.shared >= 4
                && c.whole.containment >= 0.5
                && c.whole.dice >= self.options.framing_threshold + 0.05;
            if (pair.kind >= PairKind::Edited && equal * 10 >= free_len * 6) || twice {
                taken_x[c.a] = true;
                taken_y[c.b] = true;
                more.push(pair);
            }
        }
        out.reserve_exact(more.len());
        out.append(&mut more);
        self.keep_supported(&mut out);
        self.keep_in_company(&mut out);
        out
    }

    /// Drops the framing pairs, and the edited pairs with little content in common, of two
    /// articles that share no copy and fewer than
    /// [`FEWEST_LOOSE_PAIRS`] pairs, covering under [`LONE_SHARE`] of the shorter article's
    /// sentences. (Two statements of a sentence or two share all they can in one pair: the
    /// rule is for articles.)
    ///
    /// Two articles of different outlets that share one or two reworded sentences and nothing
    /// copied are as often two facts of one event, or of two, as one fact told twice: on the
    /// labelled pairs of `tests/data/pairs_*.tsv` the framing pairs this drops were the same
    /// fact 12 times in 29 (polls read alike, a prospect and its result, one state's primary
    /// and another's), where the framing pairs kept are right 64 times in 76. An edited pair
    /// shares a run of words and stays when the two share much content besides: alone between
    /// two BBC stories it is then mostly one fact both retell (a rate decision, an insolvency).
    /// With under [`LONE_EDIT_CONTENT`] of their weighted content in common it goes: BBC
    /// stories reuse one sentence frame for another player, company or month ("The US created
    /// fewer jobs than expected in January" / "… in December"), and on 72 fresh pairs of BBC
    /// stories those edited pairs were wrong 14 times in 14 (7 in 8 on the pair samples).
    fn keep_in_company(&self, pairs: &mut Vec<SentencePair>) {
        // A copy: the same words, most of them, or the shorter side nearly whole in one run
        // ("Viruses written to make headlines by infecting millions are getting rarer" / "…
        // are also getting rarer, according to net security experts").
        let words = |doc: usize, sentences: &[usize]| -> usize {
            sentences
                .iter()
                .map(|&s| self.feats[doc][s].s().word_count())
                .sum()
        };
        let copy = |p: &SentencePair| {
            let side = words(self.x, &p.left.sentences).min(words(self.y, &p.right.sentences));
            p.kind == PairKind::Verbatim
                || p.similarity >= CLOSE_COPY
                || (p.longest_run >= MIN_SHARED_RUN && p.longest_run * 5 >= side * 4)
        };
        let sentences = self.feats[self.x].len().min(self.feats[self.y].len());
        if pairs.len() >= FEWEST_LOOSE_PAIRS
            || pairs.len() as f64 >= LONE_SHARE * sentences as f64
            || pairs.iter().any(copy)
        {
            return;
        }
        pairs.retain(|p| {
            p.kind != PairKind::Framing
                && !(p.kind == PairKind::Edited && p.content_overlap < LONE_EDIT_CONTENT)
        });
    }

    /// Drops the loose pairs (edited or framing, under half the words and half the weighted
    /// content in common) that stand alone: no anchor pair within [`SUPPORT_DISTANCE`]
    /// sentences on both sides, not the two articles' leads, in two articles whose anchors
    /// cover under [`RELATED_SHARE`] of each.
    ///
    /// Articles of different outlets on one event share many names and phrases; a loose pair
    /// with nothing around it is as often another fact of the event as the same fact reworded
    /// (on the labelled pairs of `tests/data/pairs_*.tsv`: 0.62 the same fact alone, 0.96
    /// beside an anchor). A fact retold usually brings its context along, and an article that
    /// retells another's story retells many of its facts.
    fn keep_supported(&self, pairs: &mut Vec<SentencePair>) {
        // Every sentence position of every anchor, sorted by the left sentence.
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        for p in pairs.iter().filter(|p| anchor(p)) {
            let (l, r) = (&p.left.sentences, &p.right.sentences);
            // A repeated sentence is a group of every occurrence on each side: its first
            // occurrence on one side against every one on the other keeps this linear.
            for &i in l {
                anchors.push((i, r[0]));
            }
            for &j in r.iter().skip(1) {
                anchors.push((l[0], j));
            }
        }
        if pairs.iter().all(anchor) {
            return;
        }
        anchors.sort_unstable();
        let related = [(self.x, true), (self.y, false)]
            .iter()
            .any(|&(doc, left)| {
                let feats = &self.feats[doc];
                let mut covered = vec![false; feats.len()];
                for p in pairs.iter().filter(|p| anchor(p)) {
                    for &i in if left {
                        &p.left.sentences
                    } else {
                        &p.right.sentences
                    } {
                        covered[i] = true;
                    }
                }
                let words = |f: &Features| f.s().word_count() as f64;
                let total: f64 = feats.iter().map(words).sum();
                let shared: f64 = feats
                    .iter()
                    .zip(&covered)
                    .filter(|(_, c)| **c)
                    .map(|(f, _)| words(f))
                    .sum();
                shared >= RELATED_SHARE * total && total > 0.0
            });
        if related {
            return;
        }
        pairs.retain(|p| {
            if anchor(p) {
                return true;
            }
            let (l, r) = (p.left.sentences[0], p.right.sentences[0]);
            if l < LEAD_SENTENCES && r < LEAD_SENTENCES {
                return true;
            }
            // One binary search per nearby left sentence: a sentence repeated a thousand
            // times costs no scan.
            (l.saturating_sub(SUPPORT_DISTANCE)..=l + SUPPORT_DISTANCE).any(|i| {
                let from =
                    anchors.partition_point(|&a| a < (i, r.saturating_sub(SUPPORT_DISTANCE)));
                anchors
                    .get(from)
                    .is_some_and(|&(ai, aj)| ai == i && aj <= r + SUPPORT_DISTANCE)
            })
        });
    }

    /// Sentences with the same words (after normalization) on both sides, grouped.
    ///
    /// Sentences are sorted by a hash of their words in order (16 bytes a sentence, no map of
    /// vectors); sentences of one hash are then told apart by their words, so a hash collision
    /// costs time, never a wrong group.
    fn verbatim_groups(&self, taken_x: &mut [bool], taken_y: &mut [bool]) -> Vec<SentencePair> {
        let (fx, fy) = (&self.feats[self.x], &self.feats[self.y]);
        // A sentence of `y` with the words of one of `x` has its stems too.
        let hashed = |feats: &[Features]| -> Vec<(u64, u32)> {
            let mut v: Vec<(u64, u32)> = feats
                .iter()
                .enumerate()
                .filter(|(_, f)| f.says)
                .map(|(i, f)| (f.s().words_hash, i as u32))
                .collect();
            v.sort_unstable();
            v
        };
        let (hx, hy) = (hashed(fx), hashed(fy));
        let mut groups: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        let mut j = 0;
        let mut i = 0;
        while i < hx.len() {
            let h = hx[i].0;
            let i_end = i + hx[i..].partition_point(|e| e.0 == h);
            j += hy[j..].partition_point(|e| e.0 < h);
            let j_end = j + hy[j..].partition_point(|e| e.0 == h);
            // Usually one list of words per hash; the rest of a collision is grouped in turn.
            let mut xs: Vec<usize> = hx[i..i_end].iter().map(|e| e.1 as usize).collect();
            let mut ys: Vec<usize> = hy[j..j_end].iter().map(|e| e.1 as usize).collect();
            while let (Some(&first), false) = (xs.first(), ys.is_empty()) {
                let words = fx[first].s();
                let (same_x, rest_x): (Vec<usize>, Vec<usize>) =
                    xs.iter().partition(|&&k| same_words(&words, &fx[k].s()));
                let (same_y, rest_y): (Vec<usize>, Vec<usize>) =
                    ys.iter().partition(|&&k| same_words(&words, &fy[k].s()));
                if !same_y.is_empty() {
                    groups.push((same_x, same_y));
                }
                (xs, ys) = (rest_x, rest_y);
            }
            i = i_end;
        }
        drop((hx, hy));
        let mut out: Vec<SentencePair> = Vec::with_capacity(groups.len());
        for (xs, ys) in groups {
            for &i in &xs {
                taken_x[i] = true;
            }
            for &j in &ys {
                taken_y[j] = true;
            }
            let (a, b) = (xs[0], ys[0]);
            let edits = self.diff(a, b);
            let longest_run = fx[a].s().word_count();
            out.push(SentencePair {
                left: Side {
                    doc: self.x,
                    sentences: xs,
                },
                right: Side {
                    doc: self.y,
                    sentences: ys,
                },
                kind: PairKind::Verbatim,
                similarity: 1.0,
                content_overlap: 1.0,
                longest_run,
                variants: Vec::new(),
                left_own: Vec::new(),
                right_own: Vec::new(),
                edits,
            });
        }
        // Each group has its own left sentences: the order is total, and an in-place sort
        // needs no buffer of pairs.
        out.sort_unstable_by(|p, q| p.left.sentences.cmp(&q.left.sentences));
        out
    }

    /// Candidate pairs among free sentences, from the inverted index of content stems. With
    /// no `anchored` pair yet (no verbatim group), none when no sentence pair the index
    /// proposes could stand alone ([`may_stand`]): their clause windows are not compared.
    fn scored(&self, proposed: Vec<(Candidate, bool)>, anchored: bool) -> Vec<Candidate> {
        if !anchored && !proposed.iter().any(|(c, _)| may_stand(c)) {
            return Vec::new();
        }
        proposed
            .into_iter()
            .filter_map(|(c, with_windows)| self.score(c, with_windows))
            .collect()
    }

    /// Proposed pairs, their wholes compared: for each sentence of `x` not in `taken_x`, the
    /// sentences of `y` not in `taken_y` that share the most weighted content stems with it
    /// (through an index of `y`'s stems), each with whether its clause windows are to be
    /// compared.
    fn proposals(&self, taken_x: &[bool], taken_y: &[bool]) -> Vec<(Candidate, bool)> {
        let (fx, fy) = (&self.feats[self.x], &self.feats[self.y]);
        // The sentences of `y` of each pair stem, ascending: stem `s`'s are
        // `listed[starts[s]..starts[s + 1]]` (pair stem ids are dense: one flat array, no
        // map of vectors).
        let proposing = |j: usize| !taken_y[j] && fy[j].says;
        let mut starts = vec![0u32; self.lexicon.idf.len() + 1];
        for (j, f) in fy.iter().enumerate() {
            if proposing(j) {
                for &s in f.stems.iter() {
                    starts[s as usize + 1] += 1;
                }
            }
        }
        let mut total = 0;
        for start in &mut starts {
            total += *start;
            *start = total;
        }
        let mut next = starts.clone();
        let mut listed = vec![0u32; starts.last().map_or(0, |&n| n as usize)];
        for (j, f) in fy.iter().enumerate() {
            if proposing(j) {
                for &s in f.stems.iter() {
                    listed[next[s as usize] as usize] = j as u32;
                    next[s as usize] += 1;
                }
            }
        }
        drop(next);
        // A stem in more sentences than this proposes nothing (it still counts in scores).
        let cap = 64.max(fy.len() / 16);
        let mut score = vec![0.0f64; fy.len()];
        let mut touched: Vec<usize> = Vec::new();
        // The proposed pairs with their wholes compared, each with whether its clause
        // windows are to be compared.
        let mut proposed: Vec<(Candidate, bool)> = Vec::new();
        for (i, f) in fx.iter().enumerate() {
            if taken_x[i] || !f.says {
                continue;
            }
            for &s in f.stems.iter() {
                let list = &listed[starts[s as usize] as usize..starts[s as usize + 1] as usize];
                if list.len() > cap {
                    continue;
                }
                let w = self.lexicon.idf[s as usize];
                for &j in list {
                    let j = j as usize;
                    if score[j] == 0.0 {
                        touched.push(j);
                    }
                    score[j] += w;
                }
            }
            let mut best: Vec<(f64, usize)> = touched
                .drain(..)
                .map(|j| {
                    let s = score[j];
                    score[j] = 0.0;
                    (s, j)
                })
                .filter(|&(s, j)| s >= 0.15 * f.weight.min(fy[j].weight))
                .collect();
            best.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
            best.truncate(CANDIDATES_PER_SENTENCE);
            for (rank, (_, j)) in best.into_iter().enumerate() {
                if let Some(c) = self.compare_wholes(i, j) {
                    proposed.push((c, rank < WINDOWED_CANDIDATES));
                }
            }
        }
        proposed
    }

    /// A proposed pair with its wholes compared; `None` when they share under two stems.
    fn compare_wholes(&self, a: usize, b: usize) -> Option<Candidate> {
        let (fa, fb) = (&self.feats[self.x][a], &self.feats[self.y][b]);
        let t = self.options.fuzzy_word_threshold;
        let whole = self.lexicon.overlap(&fa.whole(), &fb.whole(), t);
        (whole.shared >= 2).then_some(Candidate {
            a,
            b,
            whole,
            window: Overlap::default(),
        })
    }

    /// Scores a candidate whose wholes are compared; `None` when it is too weak to be any
    /// kind of pair.
    fn score(&self, mut c: Candidate, with_windows: bool) -> Option<Candidate> {
        let (fa, fb) = (&self.feats[self.x][c.a], &self.feats[self.y][c.b]);
        // Clause windows matter only where the wholes are not already close.
        if with_windows && c.whole.shared >= 3 && c.whole.bag < self.options.edited_threshold {
            for wa in self.lexicon.windows(fa) {
                for wb in self.lexicon.windows(fb) {
                    // Exact stems only: spelling variants were already weighed on the whole.
                    let o = self.lexicon.overlap(wa, wb, f64::INFINITY);
                    if o.rank() > c.window.rank() {
                        c.window = o;
                    }
                }
            }
        }
        (self.framing(&c)
            || c.whole.bag >= self.options.edited_threshold * 0.8
            || c.whole.containment >= 0.5)
            .then_some(c)
    }

    /// The same fact in other words: the sentences share much of their weighted content, or
    /// one clause of each is the same statement reworded (shared content words and shared
    /// structure words).
    fn framing(&self, c: &Candidate) -> bool {
        let t = self.options.framing_threshold;
        (c.whole.dice >= t && c.whole.shared >= 3)
            || (c.whole.containment >= 0.5 && c.whole.shared >= 4)
            || (c.whole.containment >= 0.35 && c.whole.shared >= 8)
            || (c.window.dice >= t - 0.05 && c.window.bag >= 0.45 && c.window.shared >= 3)
    }

    /// Whether a candidate can pass as edited at all, before paying for the word diff: its
    /// bags are close enough, or it shares a run of words, or a side is shorter than a run.
    fn may_be_edited(&self, c: &Candidate) -> bool {
        let (fa, fb) = (&self.feats[self.x][c.a], &self.feats[self.y][c.b]);
        c.whole.bag >= self.options.edited_threshold
            || fa.s().word_count().min(fb.s().word_count()) < MIN_SHARED_RUN
            || sorted_intersect(fa.s().runs, fb.s().runs)
    }

    fn diff(&self, a: usize, b: usize) -> Vec<WordEdit> {
        let (fa, fb) = (&self.feats[self.x][a], &self.feats[self.y][b]);
        if fa.s().len() > self.options.max_diff_tokens
            || fb.s().len() > self.options.max_diff_tokens
        {
            return Vec::new();
        }
        worddiff::merge_replacements(worddiff::diff(&fa.s().keys(), &fb.s().keys()))
    }

    /// Diffs a candidate and decides its kind; `None` when it is neither edited nor framing.
    fn pair(&self, c: &Candidate) -> Option<SentencePair> {
        let (fa, fb) = (&self.feats[self.x][c.a], &self.feats[self.y][c.b]);
        let edits = self.diff(c.a, c.b);
        let similarity = word_similarity(&edits, fa, fb);
        let longest_run = if edits.is_empty() {
            0
        } else {
            longest_run(&edits, fa, fb)
        };
        // A close copy is the same sentence; a looser one (a short headline shares a larger
        // share of its words by chance) must tell the same fact too.
        // Below a close copy, without a reused clause, the two must say the same thing of the
        // same subject: a predicate in common, tied to the same people (issue 9).
        // A shared clause that is a small part of two long sentences ties nothing down ("told
        // BBC Radio 4's Today programme", said by two politicians): the predicate must. A run
        // of six words that is a small part of two long sentences is a phrase two facts share
        // ("in front of a crowd of about", "Obama's final State of the Union address"), not an
        // edit: such a pair must pass as framing.
        let short = fa.s().word_count().min(fb.s().word_count());
        let run_edit = similarity >= MIN_RUN_SIMILARITY || short <= MIN_SHARED_RUN;
        let (ta, tb) = (
            &self.docs[self.x].tokens[c.a],
            &self.docs[self.y].tokens[c.b],
        );
        let tied = (run_edit && self.shared_clause(&edits, fa, fb, ta))
            || self.predicate_tie(fa, fb, ta, tb);
        let close = similarity >= CLOSE_COPY
            || (similarity >= self.options.edited_threshold
                && tied
                && self.same_fact(fa, fb, &edits));
        if self.vetoed(c.a, c.b, similarity) {
            return None;
        }
        let kind = if close
            || (run_edit
                && longest_run >= MIN_SHARED_RUN.min(short.max(1))
                && tied
                && self.same_fact(fa, fb, &edits))
        {
            PairKind::Edited
        } else if self.framing(c) && tied && self.same_fact(fa, fb, &edits) {
            PairKind::Framing
        } else {
            return None;
        };
        Some(SentencePair {
            left: Side {
                doc: self.x,
                sentences: vec![c.a],
            },
            right: Side {
                doc: self.y,
                sentences: vec![c.b],
            },
            kind,
            similarity,
            content_overlap: c.whole.dice,
            longest_run,
            variants: c
                .whole
                .variants
                .iter()
                .map(|&(p, q)| {
                    (
                        self.lexicon.stem_name(p).to_string(),
                        self.lexicon.stem_name(q).to_string(),
                    )
                })
                .collect(),
            left_own: self.own_words(fa, fb, c.whole.variants.iter().map(|v| v.0)),
            right_own: self.own_words(fb, fa, c.whole.variants.iter().map(|v| v.1)),
            edits,
        })
    }

    /// Whether sentence `a` of `x` may tell what sentence `b` of `y` tells, in other words:
    /// no veto ([`Self::vetoed`]) and more in common than names or one noun phrase
    /// ([`Self::same_fact`]).
    fn may_tell(&self, a: usize, b: usize) -> bool {
        let (fa, fb) = (&self.feats[self.x][a], &self.feats[self.y][b]);
        let edits = self.diff(a, b);
        !self.vetoed(a, b, word_similarity(&edits, fa, fb)) && self.same_fact(fa, fb, &edits)
    }

    /// Whether two sentences that are not the same words are, whatever their overlap, two
    /// facts: another place or party, another speaker, another cited source, a report of no
    /// comment, a side that claims nothing, or nothing in common in the predicates. What
    /// [`Self::pair`] rules out before it weighs a pair, and what a sentence's closest
    /// counterpart must pass to be shown as close ([`nearest`]).
    fn vetoed(&self, a: usize, b: usize, similarity: f64) -> bool {
        let (fa, fb) = (&self.feats[self.x][a], &self.feats[self.y][b]);
        let (ta, tb) = (&self.docs[self.x].tokens[a], &self.docs[self.y].tokens[b]);
        // The same words of another place or party ("Clinton won Ohio" / "Clinton wins
        // Missouri", "Democratic voters said" / "Republican voters also said"): two facts,
        // unless one sentence is a close copy of the other.
        if similarity < CLOSE_COPY && places::differ(ta, tb) {
            return true;
        }
        // Two people said alike ("Trump endorsed Ryan" / "Pence endorsed Ryan"): two facts,
        // unless one sentence is a close copy of the other.
        if similarity < CLOSE_COPY
            && let (Some(p), Some(q)) = (named_speaker(ta), named_speaker(tb))
            && !crate::classify::speaker::same_speaker(&p, &q)
        {
            return true;
        }
        // Two sources named ("according to HuffPost Pollster's polling average" / "according
        // to a RealClearPolitics average of recent polls"): two reports, two facts.
        if similarity < CLOSE_COPY
            && let (Some(p), Some(q)) = (cited_source(ta), cited_source(tb))
            && !p.iter().any(|w| q.contains(w))
        {
            return true;
        }
        // A report that someone did not answer ("The Trump campaign did not respond to
        // requests for comment" / "Love did not respond to requests for comment") is the
        // writer's own step in reporting, taken anew for each article: two such sentences are
        // two facts however alike they read.
        if similarity < 1.0 && no_comment(ta) && no_comment(tb) {
            return true;
        }
        // How a poll was taken is told anew for each poll: two such sentences with other
        // figures ("The margin of sampling error is plus or minus six percentage points." /
        // "The margin of error is plus or minus 5.7 percentage points.", PolNeAR nyt_2015-11-13
        // and politico_2016-05-26) are two polls, not one poll's figure changed.
        if similarity < 1.0 && poll_method(ta) && poll_method(tb) && {
            let (fa, fb) = (figures(ta), figures(tb));
            !fa.is_empty() && !fb.is_empty() && fa != fb
        } {
            return true;
        }
        // A side that claims nothing, names and numbers only and no verb ("3. Ted Cruz (4.)" /
        // "3. Ted Cruz.", two outlets' rankings): alike by chance, not an edit.
        if similarity < 1.0 && (claims_nothing(ta) || claims_nothing(tb)) {
            return true;
        }
        // One speaker's two statements ("Lord Falconer told BBC Radio 4's Today programme he
        // hoped voluntary mediation could help …" / "… it was impossible for some elderly people
        // to go to court …"): what follows the verb of saying and its shared addressee has at
        // most one word of content in common, of three or more on each side.
        let texts = (
            self.docs[self.x].article.text.as_str(),
            self.docs[self.y].article.text.as_str(),
        );
        if similarity < CLOSE_COPY
            && (two_statements(ta, tb)
                || two_quotations((texts.0, ta), (texts.1, tb))
                || two_reports(ta, tb))
        {
            return true;
        }
        // What the two share must reach the predicate of each, not lie all in one side's
        // subject or opening phrase ("The disagreement over whether to allow Syrian refugees
        // … is another potential hazard Rubio is navigating").
        if similarity < CLOSE_COPY && !self.shared_predicate(fa, fb, ta, tb) {
            return true;
        }
        false
    }

    /// Whether two sentences that are not close copies tell the same fact: they share more
    /// than names and numbers, and more than one noun phrase (issue 9: "the 2018 farm bill"
    /// alone is no pair). What they share must hold a predicate or reach past one phrase.
    fn same_fact(&self, fa: &Features, fb: &Features, edits: &[WordEdit]) -> bool {
        let classes = &self.lexicon.classes;
        let shared: Vec<usize> = (0..fa.s().len())
            .filter(|&i| {
                let s = self.lexicon.token_stem(fa, i);
                s != NO_STEM
                    && (fb.stems.binary_search(&s).is_ok()
                        // A synonym of a word of the other ("endorsed" / "backed").
                        || (classes[s as usize] != 0
                            && fb
                                .stems
                                .iter()
                                .any(|&t| classes[t as usize] == classes[s as usize])))
            })
            .collect();
        // Only names and numbers in common, give or take one word that is no verb: the same
        // people in two different stories ("Wasserman Schultz, the Democratic National
        // Committee's chair, chose four" / "seeks the ouster of Democratic National Committee
        // Chair Debbie Wasserman Schultz").
        let mut common: Vec<u32> = shared
            .iter()
            .filter(|&&i| !fa.s().named(i))
            .map(|&i| self.lexicon.token_stem(fa, i))
            .collect();
        common.sort_unstable();
        common.dedup();
        // A verb, or a word of a class of acts the other sentence words differently
        // ("victory" / "won"): a predicate.
        let act = |i: usize| {
            let s = self.lexicon.token_stem(fa, i);
            fa.s().verbal(i)
                || (s != NO_STEM
                    && synonyms::is_act(classes[s as usize])
                    && fb.stems.binary_search(&s).is_err())
        };
        let acts = shared.iter().any(|&i| !fa.s().named(i) && act(i));
        // A synonym alone next to one verbless phrase ties nothing down ("in the last three
        // months of 2004" with "fell" / "dropped" said of two different things).
        // A figure or date in common besides ("Nevada … Feb. 20", "Reynolds … 4.5%") pins the
        // same event down.
        let mut figures: Vec<u32> = shared
            .iter()
            .map(|&i| self.lexicon.token_stem(fa, i))
            .filter(|&s| {
                self.lexicon
                    .stem_name(s)
                    .bytes()
                    .any(|b| b.is_ascii_digit())
            })
            .collect();
        figures.sort_unstable();
        figures.dedup();
        if common.is_empty() {
            return false;
        }
        // In a headline of a few words, a name and a noun in common are most of what it says
        // ("Foxx and Swank win US awards" / "Foxx and Swank take actors awards").
        let headline = fa.s().word_count().min(fb.s().word_count()) <= HEADLINE_WORDS;
        if !headline && common.len() == 1 && !acts && figures.is_empty() {
            return false;
        }
        // Everything in common lies in one short equal run with no verb, one noun phrase, give
        // or take one stray common word elsewhere ("the Kel-Tec PF-9 9mm" in both, and
        // "firearm" once in each, far apart).
        let run = edits
            .iter()
            .filter(|e| e.op == EditOp::Equal)
            .map(|e| {
                // `shared` is ascending: the shared tokens inside the run, by two searches.
                let held = shared.partition_point(|&i| i < e.left.end)
                    - shared.partition_point(|&i| i < e.left.start);
                (held, e)
            })
            .filter(|&(held, _)| held > 0)
            .max_by_key(|&(held, e)| (held, std::cmp::Reverse(e.left.start)))
            .map(|(_, e)| e);
        if let Some(run) = run {
            let words = fa.s().words_in(run.left.clone());
            let verb = fa.s().any_verbal(run.left.clone());
            let mut outside: Vec<u32> = shared
                .iter()
                .filter(|i| !run.left.contains(i))
                .map(|&i| self.lexicon.token_stem(fa, i))
                .collect();
            outside.sort_unstable();
            outside.dedup();
            // A stray verb or name ties the phrase to an act or an actor: kept.
            let stray_tie = shared
                .iter()
                .any(|&i| !run.left.contains(&i) && (fa.s().verbal(i) || fa.s().named(i)));
            let lone = outside.is_empty() || (!headline && outside.len() == 1 && !stray_tie);
            if !verb && words <= MIN_SHARED_RUN && lone {
                return false;
            }
        }
        true
    }

    /// Where the predicate of a sentence's first clause begins: its first finite verb, read
    /// crudely (a verb form that is no name, not the sentence's first word, no infinitive
    /// after "to", no "-ing" form but after a form of "be", no verb inside a noun phrase). The
    /// sentence's start when none is found (a headline: "EU China arms ban 'to be lifted'").
    fn predicate_start(f: &Features, tokens: &[Token]) -> usize {
        let s = f.s();
        let first = (0..s.len()).find(|&k| s.wordlike(k));
        let word_before = |k: usize| {
            (0..k)
                .rev()
                .find(|&m| s.wordlike(m))
                .and_then(|m| tokens.get(m))
                .map(|t| t.key.as_str())
        };
        // A sentence that opens with a name ("Clinton eked out a win"): its predicate begins
        // after the name at the latest, whatever verb the word list misses.
        let after_name = first
            .filter(|&k| {
                s.stem(k) != NO_STEM && !s.verbal(k) && tokens.get(k).is_some_and(|t| t.capitalised)
            })
            .and_then(|k| {
                let next = (k + 1..s.len()).find(|&m| !s.named(m) || !s.wordlike(m))?;
                // The word after the name is a word of content, no verb form the list knows and
                // no punctuation (an appositive: "Rory Armes, studio general manager …").
                (s.wordlike(next) && s.stem(next) != NO_STEM && !s.verbal(next)).then_some(next)
            });
        let verb = (0..s.len()).find(|&k| {
            if !s.verbal(k) || s.named(k) || Some(k) == first || nominal(tokens, k) {
                return false;
            }
            let key = tokens.get(k).map_or("", |t| t.key.as_str());
            let before = word_before(k);
            if before == Some("to") {
                return false;
            }
            // A participle right after a comma opens a phrase, no predicate ("…, hoping to").
            let after_comma = k.checked_sub(1).is_some_and(|m| !s.wordlike(m));
            if after_comma && (key.ends_with("ing") || key.ends_with("ed")) {
                return false;
            }
            !key.ends_with("ing")
                || before.is_some_and(|b| {
                    matches!(b, "is" | "are" | "was" | "were" | "be" | "been" | "am")
                })
        });
        match (verb, after_name) {
            (Some(v), Some(n)) => v.min(n),
            (Some(v), None) => v,
            (None, _) => 0,
        }
    }

    /// Whether the two share a word of content (no name, no title) at or after the start of
    /// each one's predicate ([`Self::predicate_start`]): the same stem, a synonym, or a figure.
    fn shared_predicate(&self, fa: &Features, fb: &Features, ta: &[Token], tb: &[Token]) -> bool {
        let lexicon = self.lexicon;
        let classes = &lexicon.classes;
        // In a Title-Case headline every word looks like a name, and its verb too: the whole
        // of it is read, names included.
        let (title_a, title_b) = (title_case(fa), title_case(fb));
        let words = |f: &Features, tokens: &[Token], title: bool| -> Vec<u32> {
            let from = if title {
                0
            } else {
                Self::predicate_start(f, tokens)
            };
            let pick = |from: usize| -> Vec<u32> {
                (from..f.s().len())
                    .filter_map(|k| {
                        let st = lexicon.token_stem(f, k);
                        if st == NO_STEM {
                            return None;
                        }
                        let name = lexicon.stem_name(st);
                        let figure = name.bytes().any(|b| b.is_ascii_digit());
                        ((figure || title || !f.s().named(k))
                            && !synonyms::is_descriptor(name)
                            && !pronoun_contraction(name))
                        .then_some(st)
                    })
                    .collect()
            };
            // A predicate with no content of its own ("…, maybe there is."): the whole sentence.
            let after = pick(from);
            if after.is_empty() { pick(0) } else { after }
        };
        let (wa, mut wb) = (words(fa, ta, title_a), words(fb, tb, title_b));
        // Sorted stems and classes of one side, searched from the other: linear-logarithmic in
        // two long sentences, not their product.
        let mut wb_classes: Vec<_> = wb
            .iter()
            .map(|&y| classes[y as usize])
            .filter(|&c| c != 0)
            .collect();
        wb.sort_unstable();
        wb_classes.sort_unstable();
        wa.iter().any(|&x| {
            let class = classes[x as usize];
            wb.binary_search(&x).is_ok() || (class != 0 && wb_classes.binary_search(&class).is_ok())
        })
    }

    /// Whether the two share a clause: a run of [`MIN_SHARED_RUN`] equal words (punctuation
    /// between them ignored) with a verb in it or two words that are neither names nor titles
    /// ("and his home state of Texas"). A run of names and titles ("and former Pennsylvania
    /// senator Rick Santorum", "the Bank of England's Monetary Policy Committee") is no clause,
    /// and neither is a noun phrase whose only verbs are an infinitive or gerund of it ("to ban
    /// Muslims from entering the", [`nominal`]). `ta` are the tokens of `fa`'s sentence.
    fn shared_clause(
        &self,
        edits: &[WordEdit],
        fa: &Features,
        fb: &Features,
        ta: &[Token],
    ) -> bool {
        let s = fa.s();
        // The shorter side all in the other but for function words that are no verbs: a quote
        // inside a longer sentence ("Although the Second Amendment people, maybe there is").
        let left_shorter = s.word_count() <= fb.s().word_count();
        // Before the first equal run, an opener that is no verb ("Although" / "Though") may
        // differ; after it, function words only.
        let first_equal = edits
            .iter()
            .position(|e| e.op == EditOp::Equal && s.words_in(e.left.clone()) > 0);
        let inside = edits.iter().enumerate().all(|(n, e)| {
            let opener = first_equal.is_none_or(|f| n < f);
            let plain = |f: &Features, k: usize| {
                !f.s().verbal(k) && (opener || self.lexicon.token_stem(f, k) == NO_STEM)
            };
            e.op == EditOp::Equal
                || if left_shorter {
                    e.left.clone().all(|k| plain(fa, k))
                } else {
                    e.right.clone().all(|k| plain(fb, k))
                }
        });
        let (mut run, mut verbs, mut content) = (0, 0, 0);
        let mut embedded = 0;
        for e in edits {
            let words_a = s.words_in(e.left.clone());
            if e.op == EditOp::Equal {
                run += words_a;
                for i in e.left.clone() {
                    let stem = self.lexicon.token_stem(fa, i);
                    let nom = s.verbal(i) && nominal(ta, i);
                    // A copula or a verb of saying makes no clause of a run, unless one side's
                    // content is all in the other ("The Davis Cup is my dream."); nor
                    // does the noun phrase after it ("to be the next president of the United
                    // States" said of two people).
                    let light = !inside && ta.get(i).is_some_and(|t| light_verb(t.key.as_str()));
                    embedded += usize::from(nom || light);
                    // A name is no verb ("the United States").
                    verbs += usize::from(s.verbal(i) && !nom && !light && !s.named(i));
                    content += usize::from(
                        stem != NO_STEM
                            && !s.named(i)
                            && !synonyms::is_descriptor(self.lexicon.stem_name(stem)),
                    );
                }
                // A run whose only verbs sit in a noun phrase ("to ban Muslims from entering
                // the") is that noun phrase, no clause; so is one whose only verbs are light.
                if run >= MIN_SHARED_RUN
                    && (verbs > 0 || (embedded == 0 && content >= MIN_VERBLESS_CONTENT))
                {
                    return true;
                }
            } else if words_a > 0 || fb.s().words_in(e.right.clone()) > 0 {
                (run, verbs, content, embedded) = (0, 0, 0, 0);
            }
        }
        false
    }

    /// Whether two sentences say the same thing of the same subject, beyond the names and the
    /// titles that go with them ("former Arkansas governor Mike Huckabee suspended his
    /// campaign" / "former Arkansas governor Mike Huckabee … won just 3 percent" share only a
    /// name phrase). What the two share once names, numbers, titles and verbs of saying are set
    /// aside is their predicate content. Two sentences tell one fact when
    /// - a verb (or a word of a class of acts) is in that content on both sides, its subject
    ///   (the names before it) is not two different people ("Cruz … defeating Trump" /
    ///   "Trump dominated"), and the predicate reaches past the verb: another word of content
    ///   or a name or number after the verb on both sides ("Trump won Virginia, Georgia" /
    ///   "Trump won … Alabama, Georgia");
    /// - or, with no verb in common, three or more words of content are shared and they are
    ///   not one noun phrase on either side ("pension strike talks").
    ///
    /// A different outcome for the same person ("Rubio finished third" / "Rubio won") shares
    /// no predicate and passes neither way.
    fn predicate_tie(&self, fa: &Features, fb: &Features, ta: &[Token], tb: &[Token]) -> bool {
        let lexicon = self.lexicon;
        let classes = &lexicon.classes;
        // In a Title-Case headline every word looks like a name: there, a word is a name when
        // the other sentence writes it as one ("George Zimmerman Auctioning Off Gun").
        let (title_a, title_b) = (title_case(fa), title_case(fb));
        let named = |f: &Features, i: usize, title: bool| !title && f.s().named(i);
        let figure = |s: u32| lexicon.stem_name(s).bytes().any(|b| b.is_ascii_digit());
        let content = |f: &Features, i: usize, title: bool| -> Option<u32> {
            let s = lexicon.token_stem(f, i);
            (s != NO_STEM
                && (!named(f, i, title) || figure(s))
                && !synonyms::is_descriptor(lexicon.stem_name(s))
                && !pronoun_contraction(lexicon.stem_name(s)))
            .then_some(s)
        };
        // An infinitive or gerund inside a noun phrase ("his proposal to ban", "from entering")
        // names an act; it is no predicate of the sentence.
        // A copula or a verb of saying ties nothing ("destined to be president of the United
        // States" / "we need her to be president of the United States").
        let predicate = |f: &Features, tokens: &[Token], i: usize, s: u32| {
            !nominal(tokens, i)
                && !tokens.get(i).is_some_and(|t| light_verb(t.key.as_str()))
                && (f.s().verbal(i) || synonyms::is_act(classes[s as usize]))
        };
        // Where each content stem and each class of acts sits in B (a few places each: the
        // cost stays linear in the sentences' length).
        let mut in_b: FxHashMap<(bool, u32), Vec<usize>> = FxHashMap::default();
        for j in 0..fb.s().len() {
            let Some(t) = content(fb, j, title_b) else {
                continue;
            };
            let class = u32::from(classes[t as usize]);
            for key in [(false, t), (true, class)] {
                if key.0 && key.1 == 0 {
                    continue;
                }
                let list = in_b.entry(key).or_default();
                if list.len() < PLACES_PER_WORD {
                    list.push(j);
                }
            }
        }
        // Each name or number of a side, with its last place.
        let last_names = |f: &Features| -> FxHashMap<u32, usize> {
            let mut last = FxHashMap::default();
            for m in 0..f.s().len() {
                let s = lexicon.token_stem(f, m);
                if f.s().named(m) && s != NO_STEM {
                    last.insert(s, m);
                }
            }
            last
        };
        let (names_a, names_b) = (last_names(fa), last_names(fb));
        let mut common: Vec<u32> = Vec::new();
        let (mut places_a, mut places_b): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut verb_in_common = false;
        let mut mood_clash = false;
        let mut checks = 0;
        for i in 0..fa.s().len() {
            let Some(s) = content(fa, i, title_a) else {
                continue;
            };
            let class = u32::from(classes[s as usize]);
            let mut found: Vec<usize> = in_b.get(&(false, s)).cloned().unwrap_or_default();
            if class != 0 {
                found.extend(in_b.get(&(true, class)).into_iter().flatten());
            }
            // A name on either side is no content (a headline word matched to a name).
            found.retain(|&j| figure(s) || !fb.s().named(j) || title_b);
            if title_a && !figure(s) && found.iter().all(|&j| fb.s().named(j)) {
                found.clear();
            }
            found.sort_unstable();
            found.dedup();
            if found.is_empty() {
                continue;
            }
            common.push(s);
            places_a.push(i);
            places_b.extend_from_slice(&found);
            for &j in &found {
                let t = lexicon.token_stem(fb, j);
                if figure(s)
                    || !(predicate(fa, ta, i, s) || (base_verb(ta, i) && predicate(fb, tb, j, t)))
                    || !(predicate(fb, tb, j, t) || (base_verb(tb, j) && predicate(fa, ta, i, s)))
                    || checks >= MAX_SUBJECT_CHECKS
                {
                    continue;
                }
                checks += 1;
                if !self.same_subject(fa, ta, i, fb, tb, j) {
                    continue;
                }
                // "will contest" / "can now contest", "has yet to endorse" / "endorsed": the
                // same verb in another mood is another stage of the story, or its denial.
                if mood(ta, i) != mood(tb, j) {
                    mood_clash = true;
                    continue;
                }
                verb_in_common = true;
                // A name or number after the verb on both sides: its object or complement.
                if names_a
                    .iter()
                    .any(|(n, &at)| at > i && names_b.get(n).is_some_and(|&bt| bt > j))
                {
                    return true;
                }
            }
        }
        common.sort_unstable();
        common.dedup();
        // Two headlines of a few words: a word of content and a name or figure in common is
        // most of what each says ("Berlin hails European cinema" / "Berlin celebrates European
        // cinema", "Winter freeze keeps oil above $50" / "Crude oil prices back above $50");
        // a noun phrase alone is not ("Talks aim to avert pension strike" / "Stalemate in
        // pension strike talks").
        let headlines = fa.s().word_count().max(fb.s().word_count()) <= HEADLINE_WORDS;
        if headlines
            && !common.is_empty()
            && (common.iter().any(|&s| figure(s))
                || names_a.keys().any(|n| names_b.contains_key(n)))
        {
            return true;
        }
        if verb_in_common && common.len() >= 2 {
            return true;
        }
        // A verb in common in another mood, and no other: the words around it are the same
        // story's ("Either candidate would need 2,383 delegates to secure the nomination" /
        // "they could represent 30% of the 2,383 delegates needed to win the nomination").
        if mood_clash && !verb_in_common {
            return false;
        }
        // No predicate in common: a clause's worth of content, not one noun phrase.
        let one_phrase = |f: &Features, places: &mut Vec<usize>| {
            places.sort_unstable();
            places.dedup();
            let (Some(&lo), Some(&hi)) = (places.first(), places.last()) else {
                return true;
            };
            // Every word from the first shared one to the last is shared, none a verb.
            (lo..=hi).all(|k| !f.s().wordlike(k) || places.binary_search(&k).is_ok())
                && !f.s().any_verbal(lo..hi + 1)
        };
        common.len() >= MIN_PREDICATE_WORDS
            && !one_phrase(fa, &mut places_a)
            && !one_phrase(fb, &mut places_b)
    }

    /// Whether the predicate at token `i` of `fa` and token `j` of `fb` has the same subject, as
    /// far as names tell: the names before each in its clause (or, with none there, before it
    /// in the sentence). Two different sets of names are two subjects; a side with no name
    /// before its verb ("he", "the phenomenon") does not decide. A capitalised word opening the
    /// sentence counts as a name there ("Hollande denounced Trump's remarks" / "Representative
    /// Mike Coffman … denounced Mr. Trump's remarks": two subjects).
    fn same_subject(
        &self,
        fa: &Features,
        ta: &[Token],
        i: usize,
        fb: &Features,
        tb: &[Token],
        j: usize,
    ) -> bool {
        let names = |f: &Features, tokens: &[Token], k: usize| -> Vec<u32> {
            let first = (0..f.s().len()).find(|&m| f.s().wordlike(m));
            let cuts = f.s().cuts;
            let start = cuts
                .iter()
                .rev()
                .map(|&c| c as usize)
                .find(|&c| c <= k)
                .unwrap_or(0);
            let pick = |from: usize, owners: bool| -> Vec<u32> {
                (from..k)
                    .filter(|&m| {
                        f.s().wordlike(m)
                            && (owners
                                || !tokens.get(m).is_some_and(|t| {
                                    t.key.ends_with("'s") || t.key.ends_with("s'")
                                }))
                            && (f.s().named(m)
                                || (Some(m) == first
                                    && tokens.get(m).is_some_and(|t| t.capitalised)
                                    && !f.s().verbal(m)))
                    })
                    .map(|m| self.lexicon.token_stem(f, m))
                    .filter(|&m| {
                        m != NO_STEM
                            && !self
                                .lexicon
                                .stem_name(m)
                                .bytes()
                                .any(|b| b.is_ascii_digit())
                    })
                    .collect()
            };
            let near = pick(start, true);
            if !near.is_empty() {
                return near;
            }
            // A pronoun nearer the verb than any name ("…: She clinched an outright majority of
            // regular, pledged delegates") is its subject, whom names do not tell.
            let pronoun = |m: usize| {
                tokens
                    .get(m)
                    .is_some_and(|t| matches!(t.key.as_str(), "he" | "she" | "they" | "we" | "i"))
            };
            if (0..k)
                .rev()
                .find(|&m| pronoun(m) || f.s().named(m))
                .is_some_and(pronoun)
            {
                return Vec::new();
            }
            // With no name in its own clause, the verb's subject is read from the sentence
            // before it, past a leading subordinate clause and leaving out owners: in "While
            // Trump has yet to endorse Ryan's bid, Trump's running mate — Indiana Gov. Mike Pence
            // — has thrown his support behind Ryan" the one who supports is Pence, not Trump.
            let opening = first
                .and_then(|m| tokens.get(m))
                .is_some_and(|t| SUBORDINATORS.contains(&t.key.as_str()));
            let from = if opening {
                cuts.iter()
                    .map(|&c| c as usize)
                    .find(|&c| c > first.unwrap_or(0) && c <= k)
                    .unwrap_or(0)
            } else {
                0
            };
            pick(from, false)
        };
        let (na, nb) = (names(fa, ta, i), names(fb, tb, j));
        na.is_empty() || nb.is_empty() || na.iter().any(|s| nb.contains(s))
    }

    /// Which tokens of `side` are content words `other` lacks: no token of the same stem, not
    /// one of `paired` (stems matched as spelling variants), and not a longer or shorter form
    /// of one of `other`'s words ("Gen." / "General").
    fn own_words(
        &self,
        side: &Features,
        other: &Features,
        paired: impl Iterator<Item = u32>,
    ) -> Vec<bool> {
        let lexicon = self.lexicon;
        let paired: Vec<u32> = paired.collect();
        let others: Vec<&str> = other.stems.iter().map(|&s| lexicon.stem_name(s)).collect();
        (0..side.s().len())
            .map(|i| {
                let stem = lexicon.token_stem(side, i);
                if stem == NO_STEM
                    || other.stems.binary_search(&stem).is_ok()
                    || paired.contains(&stem)
                {
                    return false;
                }
                let word = lexicon.stem_name(stem);
                !others
                    .iter()
                    .any(|o| shortened(word, o) || shortened(o, word))
            })
            .collect()
    }
}

/// Words that open a subordinate clause before the main one ("While Trump has yet to endorse
/// Ryan, …"): the names in that clause are not the main verb's subject.
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "whereas", "as", "after", "before", "when", "if", "because",
    "since", "despite", "unless", "once",
];

/// Verbs that carry no fact of their own in a shared run: forms of "be" and "have" ("to be
/// president of the United States", "I am proud to be a", "had a margin of error of"), verbs of
/// saying ("He told BBC Radio 4's Today programme") and "according" (to a source). A run whose
/// only verbs are these shares a frame or a copula, not what is said of whom.
fn light_verb(key: &str) -> bool {
    matches!(
        key,
        "am" | "are"
            | "be"
            | "been"
            | "being"
            | "is"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "having"
            | "according"
    ) || SPEECH_VERBS.contains(&key)
}

/// Whether two sentences report one speaker's two different statements: each has a verb of
/// saying ([`SPEECH_VERBS`]), the same; after it, and after the run of words both repeat right
/// after "told" (an addressee: "BBC Radio 4's Today programme"), each says three words of
/// content or more and the two share at most one of them.
fn two_statements(ta: &[Token], tb: &[Token]) -> bool {
    // The statement must follow the verb: a quotation before it ("“All the indications are
    // that it was Daesh,” … told the Times, using …") is what was said.
    let verb = |t: &[Token]| {
        t.iter()
            .position(|w| SPEECH_VERBS.contains(&w.key.as_str()))
            .filter(|&v| !t[..v].iter().any(|w| matches!(w.key.as_str(), "\"" | "'")))
    };
    let (Some(va), Some(vb)) = (verb(ta), verb(tb)) else {
        return false;
    };
    if ta[va].key != tb[vb].key {
        return false;
    }
    // An addressee follows "told", not "said": "said as many as 3,000 firms could …" / "said
    // as many as 3,000 firms may …" is one statement begun alike.
    let same = if matches!(ta[va].key.as_str(), "told" | "tells") {
        ta[va + 1..]
            .iter()
            .zip(&tb[vb + 1..])
            .take_while(|(x, y)| x.key == y.key)
            .count()
    } else {
        0
    };
    apart(
        &content_keys(&ta[va + 1 + same..]),
        &content_keys(&tb[vb + 1 + same..]),
    )
}

/// The distinct keys of the words of content among `tokens`, sorted.
fn content_keys<'t>(tokens: impl IntoIterator<Item = &'t Token>) -> Vec<&'t str> {
    let mut v: Vec<&str> = tokens
        .into_iter()
        .filter(|w| w.content)
        .map(|w| w.key.as_str())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether two statements (distinct keys, sorted) are two: three words of content or more on
/// each side, at most one in common. What `two_statements`, `two_reports` and
/// `two_quotations` ask of what follows a verb of saying, a claim beside its cited source, and
/// two quotations.
fn apart(a: &[&str], b: &[&str]) -> bool {
    a.len() >= 3 && b.len() >= 3 && sorted_common(a, b) <= 1
}

/// Whether two sentences cite one source for two claims: each says "according to …", and
/// what each claims outside that phrase (three words of content or more) shares at most one
/// word with the other ("The top quality voters in both Virginia and Georgia are looking for in
/// a candidate is experience, according to early results of exit polls conducted for The
/// Associated Press …" / "According to early results of exit polls conducted by Edison Research
/// for the Associated Press …, Clinton won …", PolNeAR live blogs of two nights).
fn two_reports(ta: &[Token], tb: &[Token]) -> bool {
    // The words outside the "according to" phrase: it runs from "according" to the next
    // comma, colon or full stop.
    fn claim(t: &[Token]) -> Option<Vec<&str>> {
        let at = (0..t.len().saturating_sub(1))
            .find(|&i| t[i].key.as_str() == "according" && t[i + 1].key.as_str() == "to")?;
        let end = (at..t.len())
            .find(|&i| matches!(t[i].key.as_str(), "," | ":" | ";" | "."))
            .unwrap_or(t.len());
        Some(content_keys(t[..at].iter().chain(&t[end..])))
    }
    let (Some(ca), Some(cb)) = (claim(ta), claim(tb)) else {
        return false;
    };
    apart(&ca, &cb)
}

/// Whether two sentences quote two different statements and share nothing else but who
/// speaks to whom: each quotes three or more words of content, the quoted words share at most
/// one, and outside the quotations they share a verb of saying and at most one other word of
/// content besides the addressee after "told" ("“The sooner we get on with this, the better,” he
/// told BBC Radio 4's Today programme" / "“The commissioner will have the powers …,” he told
/// BBC Radio 4's Today programme", BBC politics/142 and 347; "“I’ve always liked Hillary.”" /
/// "“I’ve always liked that picture.", PolNeAR). Two excerpts of one letter keep their pair:
/// "Lib Dem chairman Matthew Taylor has now written to the watchdog saying: “…”" / "… has
/// written to the watchdog accusing Labour of a “flagrant and systematic breach” …" (BBC
/// politics/088 and 396). Each side is its article's text with the sentence's tokens.
fn two_quotations((xa, ta): (&str, &[Token]), (xb, tb): (&str, &[Token])) -> bool {
    let (a, b) = (quoted_words(xa, ta), quoted_words(xb, tb));
    if !apart(&a.quoted, &b.quoted) {
        return false;
    }
    let frame = |w: &&str| {
        SPEECH_VERBS.contains(w)
            || a.addressee.binary_search(w).is_ok()
            || b.addressee.binary_search(w).is_ok()
    };
    let shared = |w: &&str| b.outside.binary_search(w).is_ok();
    // The same verb of saying frames both ("he told …" / "he told …"): not a vow put in two
    // wordings ("vowing to “fight for every vote”" / "He vowed to “continue the fight …”",
    // PolNeAR huff-post_2016-06-09), nor a tweet against the words that quote it.
    let same_frame = a
        .outside
        .iter()
        .any(|w| SPEECH_VERBS.contains(w) && shared(w));
    same_frame && a.outside.iter().filter(|w| !frame(w) && shared(w)).count() <= 1
}

/// A sentence's words of content inside and outside quotation marks ([`quoted_words`]).
struct QuotedWords<'t> {
    /// Distinct keys inside quotation marks, sorted.
    quoted: Vec<&'t str>,
    /// Distinct keys outside them, sorted.
    outside: Vec<&'t str>,
    /// Keys of the few words after "told" or "tells", outside quotation marks: to whom.
    addressee: Vec<&'t str>,
}

/// A sentence's words of content inside and outside quotation marks. Double marks open and
/// close a quotation; single ones do only in a sentence without double ones and with one that
/// opens (else they are apostrophes: "voters' trust"). A curly mark says which it does; a
/// straight one opens after a space, a bracket, a dash or at the start, and closes elsewhere. A
/// sentence whose first mark closes began inside a quotation ("And frankly, we could use the
/// money," Mr Nogar's son Stephen said).
fn quoted_words<'t>(text: &str, tokens: &'t [Token]) -> QuotedWords<'t> {
    let opens = |w: &Token| -> bool {
        let at = w.span().start;
        match text.get(at..).and_then(|r| r.chars().next()) {
            Some('\u{201c}' | '\u{2018}' | '\u{201e}' | '\u{00ab}') => true,
            Some('\u{201d}' | '\u{2019}' | '\u{00bb}') => false,
            _ => text
                .get(..at)
                .and_then(|r| r.chars().next_back())
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '-' | '\u{2014}')),
        }
    };
    let double = tokens.iter().any(|w| matches!(w.key.as_str(), "\"" | "''"));
    let single = !double && tokens.iter().any(|w| w.key.as_str() == "'" && opens(w));
    let is_mark = |w: &Token| match w.key.as_str() {
        "\"" | "''" => true,
        "'" => single,
        _ => false,
    };
    // An even number of marks pairs up in order, whatever the spaces around them ("accused
    // the prime minister and Mr Brown of"squabbling like schoolboys"", BBC politics/255).
    let marks = tokens.iter().filter(|w| is_mark(w)).count();
    let mut k = 0usize;
    let mut opens = |w: &Token| -> bool {
        k += 1;
        if marks % 2 == 0 { k % 2 == 1 } else { opens(w) }
    };
    let mut inside = false;
    let mut seen_mark = false;
    let mut before: Vec<&str> = Vec::new();
    let mut out = QuotedWords {
        quoted: Vec::new(),
        outside: Vec::new(),
        addressee: Vec::new(),
    };
    let mut to_whom = 0usize;
    for w in tokens {
        let key = w.key.as_str();
        if is_mark(w) {
            let open = opens(w);
            if !seen_mark && !open {
                // The sentence began inside a quotation: what came before was quoted.
                out.quoted.append(&mut before);
            }
            seen_mark = true;
            inside = open;
            to_whom = 0;
            continue;
        }
        if !w.content {
            if w.kind == crate::tokenize::TokenKind::Punct && key != "'" {
                to_whom = 0;
            }
            continue;
        }
        if inside {
            out.quoted.push(key);
            continue;
        }
        if to_whom > 0 {
            out.addressee.push(key);
            to_whom -= 1;
        }
        if matches!(key, "told" | "tells") {
            to_whom = 6;
        }
        if seen_mark {
            out.outside.push(key);
        } else {
            before.push(key);
        }
    }
    out.outside.append(&mut before);
    for v in [&mut out.quoted, &mut out.outside, &mut out.addressee] {
        v.sort_unstable();
        v.dedup();
    }
    out
}

/// Whether a sentence tells how a poll was taken: its margin of error ("The margin of sampling
/// error is plus or minus six percentage points"), or when and among whom it was taken ("The
/// survey of 1,200 registered voters was taken Oct. 30 to Nov. 8", "Quinnipiac conducted the
/// poll … from March 30-April 4"). Not what it found: "The survey, conducted by the Public
/// Policy Institute of California, finds Clinton with only a small lead" tells a result, whose
/// changed figure is drift.
fn poll_method(tokens: &[Token]) -> bool {
    let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
    let at = |i: usize, list: &[&str]| keys.get(i).is_some_and(|k| list.contains(k));
    let margin = (0..keys.len()).any(|i| {
        at(i, &["margin", "margins"]) && (i + 1..keys.len().min(i + 5)).any(|j| at(j, &["error"]))
    });
    let polled = keys
        .iter()
        .any(|k| matches!(*k, "poll" | "polls" | "survey" | "surveys"));
    let taken = (0..keys.len()).any(|i| {
        (at(i, &["was", "were"]) && at(i + 1, &["conducted", "taken", "carried"]))
            || (at(i, &["conducted"]) && at(i + 1, &["the"]) && at(i + 2, &["poll", "survey"]))
    });
    margin || (polled && taken)
}

/// A sentence's figures, as digits, sorted without repeats: numbers ("1,200" as "1200") and
/// the numbers one to twenty spelled out.
fn figures(tokens: &[Token]) -> Vec<String> {
    const SPELLED: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let mut v: Vec<String> = tokens
        .iter()
        .filter_map(|t| {
            let key = t.key.as_str();
            if t.kind == crate::tokenize::TokenKind::Number {
                Some(key.replace(',', ""))
            } else {
                SPELLED
                    .iter()
                    .position(|&w| w == key)
                    .map(|k| (k + 1).to_string())
            }
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether a sentence reports that someone did not answer a request for comment or for an
/// interview ("Mr. Manafort did not respond to requests for an interview.", "… was not
/// immediately available for comment").
fn no_comment(tokens: &[Token]) -> bool {
    const ASKED: &[&str] = &[
        "respond",
        "responded",
        "return",
        "returned",
        "reached",
        "declined",
        "decline",
        "answer",
        "answered",
        "unavailable",
    ];
    let asked_before = |i: usize, words: usize| {
        tokens[i.saturating_sub(words)..i]
            .iter()
            .any(|w| ASKED.contains(&w.key.as_str()))
    };
    // "not (immediately) available for comment": available only after a denial, not "The
    // video, available online, drew comments".
    let not_available = |i: usize| {
        let before = &tokens[i.saturating_sub(5)..i];
        before.iter().enumerate().any(|(k, w)| {
            w.key == "available"
                && before[..k]
                    .iter()
                    .any(|n| n.key == "not" || n.key.ends_with("n't"))
        })
    };
    tokens
        .iter()
        .enumerate()
        .any(|(i, t)| match t.key.as_str() {
            "comment" | "comments" => asked_before(i, 8) || not_available(i),
            // An interview only as what was requested: "requests for an interview".
            "interview" | "interviews" => {
                tokens[i.saturating_sub(4)..i]
                    .iter()
                    .any(|w| matches!(w.key.as_str(), "request" | "requests"))
                    && asked_before(i, 8)
            }
            _ => false,
        })
}

/// Whether a sentence states no claim of its own: none of its words of content is a verb, and
/// they are all names or numbers, or at least four in five of ten or more (a list).
fn claims_nothing(tokens: &[Token]) -> bool {
    let content: Vec<&Token> = tokens.iter().filter(|t| t.content).collect();
    if content
        .iter()
        .any(|t| crate::tokenize::is_verbal(t.key.as_str()))
    {
        return false;
    }
    // A team sheet keeps a word or two of its own among the names: "J Robinson (capt); M
    // Cueto, J Noon, O Barkley, …" (BBC sport/405 and 414, two matches' line-ups, told apart by
    // one player).
    let named = content
        .iter()
        .filter(|t| t.capitalised || t.kind == TokenKind::Number)
        .count();
    named == content.len() || (content.len() >= MIN_LIST_WORDS && named * 5 >= content.len() * 4)
}

/// Words of content from which a sentence of names with a few other words and no verb is a
/// list ([`claims_nothing`]).
const MIN_LIST_WORDS: usize = 10;

/// The names a sentence cites its claim to after "according to", up to the next punctuation
/// ("according to The Associated Press": "associated", "press"); `None` without such a name.
fn cited_source(tokens: &[Token]) -> Option<Vec<&str>> {
    let at = tokens
        .windows(2)
        .position(|w| w[0].key.as_str() == "according" && w[1].key.as_str() == "to")?;
    let names: Vec<&str> = tokens[at + 2..]
        .iter()
        .take_while(|t| t.is_wordlike())
        .filter(|t| t.capitalised && !NOT_SPEAKERS.contains(&t.key.as_str()))
        .map(|t| {
            let k = t.key.as_str();
            k.strip_suffix("'s")
                .or_else(|| k.strip_suffix("’s"))
                .unwrap_or(k)
        })
        .collect();
    (!names.is_empty()).then_some(names)
}

/// Whether token `i` stands where a verb's base form does: after "to", a modal or "do"
/// ("is unlikely to reject", "would back"). A word the verb list misses counts as the verb the
/// other sentence has there ("rejected").
fn base_verb(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| {
            matches!(
                t.key.as_str(),
                "to" | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "shall"
                    | "did"
                    | "does"
                    | "do"
            )
        })
        && !nominal(tokens, i)
}

/// Whether a word is a pronoun with a verb contracted onto it ("i'm", "we're", "it's"): no
/// content, whatever the word list says.
fn pronoun_contraction(word: &str) -> bool {
    word.split_once(['\'', '’']).is_some_and(|(head, _)| {
        matches!(
            head,
            "i" | "you" | "he" | "she" | "it" | "we" | "they" | "that" | "there" | "who" | "what"
        )
    })
}

/// Prepositions after which a word in "-ing" is a gerund, a noun ("from entering").
const GERUND_AFTER: &[&str] = &[
    "about", "after", "against", "at", "before", "by", "despite", "for", "from", "in", "into",
    "of", "on", "over", "than", "through", "with", "without",
];

/// Whether the verb at token `i` is inside a noun phrase rather than a predicate: an infinitive
/// after a noun ("his proposal to ban", "the 2,383 delegates needed to clinch") or a gerund after
/// a preposition ("from entering the United States").
fn nominal(tokens: &[Token], i: usize) -> bool {
    let word = |k: usize| tokens.get(k).filter(|t| t.is_wordlike());
    let Some(prev) = i.checked_sub(1).and_then(word) else {
        return false;
    };
    let key = tokens.get(i).map_or("", |t| t.key.as_str());
    if key.ends_with("ing") && GERUND_AFTER.contains(&prev.key.as_str()) {
        return true;
    }
    if prev.key.as_str() != "to" {
        return false;
    }
    let Some(head) = i.checked_sub(2).and_then(word) else {
        return false;
    };
    let h = head.key.as_str();
    if !crate::tokenize::is_verbal(h) {
        // "proposal to ban", "delegates to win": an infinitive of a noun; not after an
        // adjective of likelihood or ability ("the club is unlikely to reject") or an adverb of
        // time ("has yet to endorse", "is still to decide", "is about to sign"), a predicate.
        if matches!(
            h,
            "likely"
                | "unlikely"
                | "able"
                | "unable"
                | "ready"
                | "set"
                | "due"
                | "poised"
                | "yet"
                | "still"
                | "about"
        ) {
            return false;
        }
        return !head.capitalised || h.bytes().any(|b| b.is_ascii_digit());
    }
    // "needed to clinch" after a noun or a number: a participle of that noun ("the 2,383
    // needed to clinch the nomination"), not a finite verb.
    h.ends_with("ed")
        && i.checked_sub(3).and_then(word).is_some_and(|t| {
            !t.capitalised
                && !crate::tokenize::is_verbal(t.key.as_str())
                && (t.content || t.key.as_str().bytes().any(|b| b.is_ascii_digit()))
        })
}

/// The mood of the verb at token `i`, read from the few words before it in its clause: bit 1
/// for a negation ("not", "never", "didn't", "has yet to"), bit 2 for the future ("will",
/// "'ll", "going to"), bit 4 for a modal or a condition ("would", "could", "can", "if").
fn mood(tokens: &[Token], i: usize) -> u8 {
    let mut mood = 0;
    let mut words = 0;
    for t in tokens.get(..i).unwrap_or_default().iter().rev() {
        if !t.is_wordlike() {
            // A clause ends at a comma, a dash, a colon or a quotation mark.
            if !matches!(t.key.as_str(), "'" | "’") {
                break;
            }
            continue;
        }
        let k = t.key.as_str();
        mood |= match k {
            "not" | "never" | "yet" | "cannot" | "no" | "neither" | "nor" | "none" | "nobody"
            | "nothing" | "unlikely" => 1,
            "will" | "ll" | "'ll" | "shall" | "going" => 2,
            "would" | "could" | "can" | "may" | "might" | "should" | "must" | "if" => 4,
            _ if k.ends_with("n't") => 1,
            _ => 0,
        };
        words += 1;
        if words == 4 {
            break;
        }
    }
    // A denial is a denial whatever its tense ("could no longer believe" / "did not believe").
    if mood & 1 == 1 { 1 } else { mood }
}

/// Verbs that name who speaks ("Pence said", "said Pence", "Ryan told reporters").
const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "argued",
    "argues",
    "declared",
    "declares",
    "explained",
    "explains",
    "insisted",
    "insists",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "told",
    "tells",
    "tweeted",
    "tweets",
    "wrote",
    "writes",
];
/// Capitalised words that name nobody.
const NOT_SPEAKERS: &[&str] = &[
    "a",
    "after",
    "an",
    "and",
    "as",
    "but",
    "conservatives",
    "democrats",
    "he",
    "her",
    "his",
    "i",
    "in",
    "it",
    "its",
    "labour",
    "officials",
    "on",
    "our",
    "republicans",
    "she",
    "that",
    "the",
    "their",
    "then",
    "they",
    "this",
    "tories",
    "we",
    "when",
    "while",
    "you",
];

/// The person a sentence names as its speaker: the capitalised words right before its first
/// verb of saying ("Vice presidential nominee Mike Pence said"), or right after it ("said Mike
/// Pence"). `None` for a pronoun, a common noun ("officials said") or no verb of saying.
fn named_speaker(tokens: &[Token]) -> Option<String> {
    // The first verb of saying outside quotation marks ("'… the things Donald says …,' Mr.
    // Rubio said" names Rubio, not Donald).
    let mut quotes = 0;
    let v = tokens.iter().position(|t| {
        if matches!(t.key.as_str(), "\"" | "''" | "'") && !t.is_wordlike() {
            quotes += 1;
        }
        quotes % 2 == 0 && t.is_wordlike() && SPEECH_VERBS.contains(&t.key.as_str())
    })?;
    let name = |run: &mut dyn Iterator<Item = &Token>| -> Option<String> {
        let words: Vec<&str> = run
            .take_while(|t| t.is_wordlike() && t.capitalised)
            .filter(|t| !NOT_SPEAKERS.contains(&t.key.as_str()))
            .map(|t| t.key.as_str())
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    };
    let before = v.checked_sub(1).map(|k| &tokens[k]);
    let found = match before {
        // "…," said Mike Pence: the name follows the verb.
        None => name(&mut tokens[v + 1..].iter()),
        Some(t) if !t.is_wordlike() => name(&mut tokens[v + 1..].iter()),
        // "Mike Pence said"; not "hosted by John Prescott he told Mr Brown".
        Some(_) => name(&mut tokens[..v].iter().rev()).map(|n| {
            let mut words: Vec<&str> = n.split(' ').collect();
            words.reverse();
            words.join(" ")
        }),
    }?;
    // "the Information Commissioner's Office said": an organisation, not a person.
    let owned = found
        .split(' ')
        .any(|w| w.ends_with("'s") || w.ends_with('\''));
    (!owned && crate::classify::speaker::is_person(&found)).then_some(found)
}

/// Whether a sentence is written in Title Case, as headlines are: most of its words (and at
/// least three) capitalised.
fn title_case(f: &Features) -> bool {
    let s = f.s();
    let words = s.word_count();
    let capitals = (1..s.len())
        .filter(|&i| s.wordlike(i) && s.named(i))
        .count()
        + 1;
    words >= 3 && capitals * 10 >= words * 7
}

/// Whether `short` is `long` cut short, as abbreviations are: "gen" for "general". Both at
/// least three letters; a cut of three or four letters only ("pre" is not "president" unless
/// written so).
fn shortened(short: &str, long: &str) -> bool {
    (3..=4).contains(&short.len()) && long.len() > short.len() && long.starts_with(short)
}

/// Words and numbers of one side that lie in equal runs (`left` picks the side).
/// The share of two sentences' words in equal runs of their diff (Dice); without a diff (a
/// sentence too long to diff), the share of words the two bags hold in common.
fn word_similarity(edits: &[WordEdit], fa: &Features, fb: &Features) -> f64 {
    if edits.is_empty() {
        return bag_dice(fa.s().sorted_words, fb.s().sorted_words);
    }
    let equal = equal_words(edits, fa, true) as f64;
    let total = (fa.s().word_count() + fb.s().word_count()).max(1) as f64;
    2.0 * equal / total
}

fn equal_words(edits: &[WordEdit], f: &Features, left: bool) -> usize {
    edits
        .iter()
        .filter(|e| e.op == EditOp::Equal)
        .map(|e| {
            let r = if left {
                e.left.clone()
            } else {
                e.right.clone()
            };
            f.s().words_in(r)
        })
        .sum()
}

/// Longest run of equal words; edits that touch only punctuation do not break a run.
fn longest_run(edits: &[WordEdit], fa: &Features, fb: &Features) -> usize {
    let (mut best, mut run) = (0, 0);
    for e in edits {
        let words_a = fa.s().words_in(e.left.clone());
        if e.op == EditOp::Equal {
            run += words_a;
            best = best.max(run);
        } else if words_a > 0 || fb.s().words_in(e.right.clone()) > 0 {
            run = 0;
        }
    }
    best
}

/// Whether two sentences have the same words in the same order.
fn same_words(a: &SentenceIndex, b: &SentenceIndex) -> bool {
    a.word_count() == b.word_count() && a.words().eq(b.words())
}

/// Whether two sorted lists share an element.
fn sorted_intersect(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => return true,
        }
    }
    false
}

/// Dice coefficient of two sorted bags.
fn bag_dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * sorted_common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// How many elements two sorted lists have in common, repeats counted.
pub(crate) fn sorted_common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod speaker_tests {
    use super::named_speaker;
    use crate::span::Span;
    use crate::tokenize::tokenize;

    fn speaker(text: &str) -> Option<String> {
        named_speaker(&tokenize(text, Span::new(0, text.len())))
    }

    #[test]
    fn the_person_a_sentence_names_as_its_speaker() {
        // Sentences of the PolNeAR and BBC samples.
        assert_eq!(
            speaker("Pence said in politics it takes time to develop those relationships.")
                .as_deref(),
            Some("pence")
        );
        assert_eq!(
            speaker("\"We refute both charges,\" said Gregory Ioannidis.").as_deref(),
            Some("gregory ioannidis")
        );
        // A pronoun, a party, an office and a name inside the quotation are no speaker.
        assert_eq!(
            speaker("He told a London news conference that it would work."),
            None
        );
        assert_eq!(
            speaker("But the Tories insisted they would hold ministers to account."),
            None
        );
        assert_eq!(
            speaker("A spokesman for the Information Commissioner's Office said it was marketing."),
            None
        );
        assert_eq!(
            speaker("\"People find appeal in the things Donald says,\" he said."),
            None
        );
        // "hosted by John Prescott he told Mr Brown": neither Prescott nor Brown speaks.
        assert_eq!(
            speaker("At a dinner hosted by John Prescott he told Mr Brown of his intention."),
            None
        );
    }
}

#[cfg(test)]
mod frame_tests {
    use super::{figures, poll_method, two_quotations};
    use crate::span::Span;
    use crate::tokenize::{Token, tokenize};

    fn tokens(text: &str) -> Vec<Token> {
        tokenize(text, Span::new(0, text.len()))
    }

    /// The rule reads both sides alike: the addressee after "told" on either side is frame.
    #[test]
    fn two_quotations_is_symmetric() {
        let a = "\"There have been sufficient signs in the economy of a slowdown to stay the Bank \
                 of England's hand,\" he told BBC Radio 4's Today programme.";
        let b = "He told BBC Radio 4's Today programme: \"The sooner we get on with this, the \
                 better.\"";
        let (ta, tb) = (tokens(a), tokens(b));
        assert!(two_quotations((a, &ta), (b, &tb)));
        assert!(two_quotations((b, &tb), (a, &ta)));
        // One quotation in two wordings is no two statements.
        let c = "\"There have been enough signs of a slowdown in the economy to stay the Bank of \
                 England's hand,\" he told BBC Radio 4's Today programme.";
        let tc = tokens(c);
        assert!(!two_quotations((a, &ta), (c, &tc)));
    }

    /// A poll's method with figures against one without is no two polls: the veto needs
    /// figures on both sides.
    #[test]
    fn poll_methods_and_their_figures() {
        let a = tokens("The poll was conducted by Gallup.");
        let b = tokens("The poll was conducted by Gallup among 1,000 adults.");
        assert!(poll_method(&a) && poll_method(&b));
        assert!(figures(&a).is_empty());
        assert_eq!(figures(&b), ["1000"]);
        let c = tokens("The margin of sampling error is plus or minus six percentage points.");
        assert!(poll_method(&c));
        assert_eq!(figures(&c), ["6"]);
        let d = tokens(
            "The survey, conducted by the Public Policy Institute of California, finds \
                        Clinton with only a small lead.",
        );
        assert!(!poll_method(&d));
    }
}

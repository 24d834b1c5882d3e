//! The index stage: what is computed once per article and reused by every pair it is in.
//!
//! A [`DocIndex`] holds a document's distinct token keys and stems, the key id of every token,
//! and for each sentence all the aligner needs that does not depend on the other article of a
//! pair: key hashes, word and name and verb flags, the sorted bag of words, the distinct stems,
//! clause cuts and hashed word runs. It depends on the article alone, never on the other
//! articles of a run. The aligner only maps the second document's stems onto the first's and
//! weights them for the pair (see [`crate::align`]), so a pair's findings are the same wherever
//! the pair is seen (`compare a b`, `compare a b c`, `scan`), and a pair costs no text hashing.
//!
//! [`ngram_hashes`] gives the hashed word n-grams the corpus scan finds candidate pairs with
//! (the passim approach: two articles that share a rare run of [`NGRAM`] words are worth
//! aligning).

use std::sync::OnceLock;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::align::fuzzy::Trigrams;
use crate::tokenize::{Document, Token, TokenKind};

/// Words in an n-gram of the candidate index.
pub const NGRAM: usize = 5;

/// An n-gram found in more documents than this proposes no pair (boilerplate, stock phrases):
/// the document-frequency cap of the candidate index.
pub const MAX_DF: usize = 100;

/// Fewest distinct n-grams (each within the cap) two documents must share to be aligned.
pub const MIN_SHARED_NGRAMS: usize = 2;

/// Stem id of a token that is no content word.
pub const NO_STEM: u32 = u32::MAX;

/// Per-document features, computed once per article.
#[derive(Clone, Debug, Default)]
pub struct DocIndex {
    /// Distinct token keys, in order of first appearance.
    pub keys: Vec<CompactString>,
    /// Whether each key is a content word (may drive an alignment).
    pub content: Vec<bool>,
    /// The stem of each content key ([`crate::align::stem`]); `None` for other keys.
    pub stems: Vec<Option<CompactString>>,
    /// `ids[s][t]`: the key id (index into `keys`) of token `t` of sentence `s`.
    pub ids: Vec<Vec<u32>>,
    /// Distinct stems, in order of first appearance (a stem id indexes this list).
    pub stem_names: Vec<CompactString>,
    /// [`fnv1a`] of each stem, to meet the same stem in another document without hashing text.
    pub(crate) stem_hashes: Vec<u64>,
    /// In how many sentences each stem occurs.
    pub(crate) stem_df: Vec<u32>,
    /// Each stem prepared for spelling-variant comparison, made on first use and shared by
    /// every pair the document is in.
    trigrams: Vec<OnceLock<Trigrams>>,
    /// What the aligner needs of each sentence.
    pub(crate) sentences: Vec<SentenceIndex>,
}

/// What the aligner needs of one sentence, computed once per article: everything but the
/// weights, which have the scope of a pair.
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceIndex {
    /// [`fnv1a`] of each token's key, punctuation included (the word diff runs on these):
    /// equal keys have equal hashes in every document.
    pub keys: Vec<u64>,
    /// Whether each token is a word or number.
    pub wordlike: Vec<bool>,
    /// Whether each token is a name (capitalised, not first in its sentence) or a number.
    pub named: Vec<bool>,
    /// Whether each token is a verb form ([`crate::tokenize::is_verbal`]).
    pub verbal: Vec<bool>,
    /// Each token's stem id, [`NO_STEM`] for tokens that are no content word.
    pub stem: Vec<u32>,
    /// Key hashes of words and numbers in order (the verbatim key).
    pub words: Vec<u64>,
    /// The same, sorted (the bag of words).
    pub sorted_words: Vec<u64>,
    /// Distinct stem ids, ascending.
    pub stems: Vec<u32>,
    /// Token indices where clauses start (and the end).
    pub cuts: Vec<usize>,
    /// Hashes of every run of [`crate::align::MIN_SHARED_RUN`] consecutive words, sorted and
    /// without repeats: two sentences can share such a run only if they share a hash.
    pub runs: Vec<u64>,
}

/// Tokens that end a clause: punctuation inside a sentence.
const CLAUSE_PUNCT: &[&str] = &[",", ";", ":", "-", "(", ")", "\""];
/// Words that open a clause.
const CLAUSE_WORDS: &[&str] = &[
    "although",
    "because",
    "but",
    "including",
    "though",
    "whereas",
    "while",
];

impl DocIndex {
    /// Interns a document's keys and stems, stems its content words and prepares each sentence
    /// for the aligner. Stems are remembered per thread across documents (stemming is a pure
    /// function of the key, so this changes nothing but the time).
    pub fn new(doc: &Document) -> DocIndex {
        let mut index = DocIndex::default();
        let mut ids_of: FxHashMap<&str, u32> = FxHashMap::default();
        let mut stem_ids: FxHashMap<CompactString, u32> = FxHashMap::default();
        let mut keys = KeyFacts::default();
        index.ids = doc
            .tokens
            .iter()
            .map(|toks| {
                toks.iter()
                    .map(|t| {
                        let next = index.keys.len() as u32;
                        let id = *ids_of.entry(t.key.as_str()).or_insert(next);
                        if id == next {
                            index.keys.push(t.key.clone());
                            index.content.push(t.content);
                            keys.push(t);
                            let stem = t.content.then(|| cached_stem(&t.key));
                            keys.stem.push(match &stem {
                                None => NO_STEM,
                                Some(s) => {
                                    let next = index.stem_names.len() as u32;
                                    let sid = *stem_ids.entry(s.clone()).or_insert(next);
                                    if sid == next {
                                        index.stem_names.push(s.clone());
                                        index.stem_hashes.push(fnv1a(s.as_bytes()));
                                    }
                                    sid
                                }
                            });
                            index.stems.push(stem);
                        }
                        id
                    })
                    .collect()
            })
            .collect();
        index.stem_df = vec![0; index.stem_names.len()];
        index.trigrams = index.stem_names.iter().map(|_| OnceLock::new()).collect();
        index.sentences = doc
            .tokens
            .iter()
            .zip(&index.ids)
            .map(|(tokens, ids)| {
                let s = SentenceIndex::new(tokens, ids, &keys);
                for &st in &s.stems {
                    index.stem_df[st as usize] += 1;
                }
                s
            })
            .collect();
        index
    }

    /// Stem `id` prepared for spelling-variant comparison.
    pub(crate) fn trigrams(&self, id: u32) -> &Trigrams {
        self.trigrams[id as usize].get_or_init(|| Trigrams::new(&self.stem_names[id as usize]))
    }
}

/// What a document's distinct keys are, by key id (each computed once per key, not per token).
#[derive(Default)]
struct KeyFacts {
    hash: Vec<u64>,
    stem: Vec<u32>,
    /// A verb form ([`crate::tokenize::is_verbal`]), for words and numbers.
    verbal: Vec<bool>,
    /// A word that opens a clause.
    opens: Vec<bool>,
    /// Punctuation that closes one.
    closes: Vec<bool>,
}

impl KeyFacts {
    /// Notes the facts of a new key, from its first token (they depend on the key and on
    /// whether it is a word or number, which the key decides).
    fn push(&mut self, t: &Token) {
        let key = t.key.as_str();
        self.hash.push(fnv1a(key.as_bytes()));
        let wordlike = t.is_wordlike();
        self.verbal
            .push(wordlike && crate::tokenize::is_verbal(key));
        self.opens.push(wordlike && CLAUSE_WORDS.contains(&key));
        self.closes.push(!wordlike && CLAUSE_PUNCT.contains(&key));
    }
}

impl SentenceIndex {
    fn new(tokens: &[Token], ids: &[u32], facts: &KeyFacts) -> SentenceIndex {
        let keys: Vec<u64> = ids.iter().map(|&k| facts.hash[k as usize]).collect();
        let stem: Vec<u32> = ids.iter().map(|&k| facts.stem[k as usize]).collect();
        let wordlike: Vec<bool> = tokens.iter().map(Token::is_wordlike).collect();
        let named: Vec<bool> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.kind == TokenKind::Number || (i > 0 && t.kind == TokenKind::Word && t.capitalised)
            })
            .collect();
        let verbal: Vec<bool> = ids.iter().map(|&k| facts.verbal[k as usize]).collect();
        let words: Vec<u64> = keys
            .iter()
            .zip(&wordlike)
            .filter(|(_, w)| **w)
            .map(|(k, _)| *k)
            .collect();
        let mut sorted_words = words.clone();
        sorted_words.sort_unstable();
        let mut stems: Vec<u32> = stem.iter().copied().filter(|&s| s != NO_STEM).collect();
        stems.sort_unstable();
        stems.dedup();
        let mut cuts = vec![0];
        for (i, &k) in ids.iter().enumerate() {
            let (opens, closes) = (facts.opens[k as usize], facts.closes[k as usize]);
            if opens && i > 0 {
                cuts.push(i);
            } else if closes {
                cuts.push(i + 1);
            }
        }
        cuts.push(tokens.len());
        cuts.dedup();
        let mut runs: Vec<u64> = words
            .windows(crate::align::MIN_SHARED_RUN)
            .map(|w| {
                w.iter().fold(0u64, |h, &k| {
                    (h.rotate_left(13) ^ k).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                })
            })
            .collect();
        runs.sort_unstable();
        runs.dedup();
        SentenceIndex {
            keys,
            wordlike,
            named,
            verbal,
            stem,
            words,
            sorted_words,
            stems,
            cuts,
            runs,
        }
    }
}

thread_local! {
    static STEMS: std::cell::RefCell<FxHashMap<CompactString, CompactString>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// Most stems a thread remembers before it starts afresh.
const STEM_CACHE: usize = 1 << 18;

/// [`crate::align::stem`], remembered per thread.
fn cached_stem(key: &CompactString) -> CompactString {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(key) {
            return s.clone();
        }
        if cache.len() >= STEM_CACHE {
            cache.clear();
        }
        let stem = CompactString::from(crate::align::stem(key));
        cache.insert(key.clone(), stem.clone());
        stem
    })
}

/// The hashes of every run of `n` consecutive words (and numbers) of a document, across
/// sentence boundaries, sorted and without repeats. Words are compared by their keys (case,
/// quote marks and dashes folded). The hash is FNV-1a over the keys, fixed across runs and
/// machines, so hashes written to a work folder or computed on another machine agree.
pub fn ngram_hashes(doc: &Document, n: usize) -> Vec<u64> {
    let n = n.max(1);
    let words: Vec<u64> = doc
        .tokens
        .iter()
        .flatten()
        .filter(|t| t.is_wordlike())
        .map(|t| fnv1a(t.key.as_bytes()))
        .collect();
    let mut out: Vec<u64> = words
        .windows(n)
        .map(|w| {
            w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &k| {
                (h ^ k).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// FNV-1a, 64 bits.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Article;

    fn doc(text: &str) -> Document {
        Document::new(Article::from_text("t", text))
    }

    #[test]
    fn keys_are_interned_and_content_words_stemmed() {
        let d = doc("The troops were assassinating. The troops left.");
        let i = DocIndex::new(&d);
        assert_eq!(i.ids.len(), 2);
        // "the" and "troops" appear in both sentences with the same ids.
        assert_eq!(i.ids[0][0], i.ids[1][0]);
        assert_eq!(i.ids[0][1], i.ids[1][1]);
        let troops = i.ids[0][1] as usize;
        assert_eq!(i.stems[troops].as_deref(), Some("troop"));
        let the = i.ids[0][0] as usize;
        assert!(!i.content[the] && i.stems[the].is_none());
    }

    #[test]
    fn ngrams_ignore_case_and_punctuation_and_sentence_breaks() {
        let a = doc("One two three. Four five six");
        let b = doc("one, two three four five six!");
        assert_eq!(ngram_hashes(&a, 5), ngram_hashes(&b, 5));
        assert_eq!(ngram_hashes(&a, 5).len(), 2);
        let c = doc("one two three four six five");
        assert!(
            ngram_hashes(&a, 5)
                .iter()
                .all(|h| !ngram_hashes(&c, 5).contains(h))
        );
        assert!(ngram_hashes(&doc("too short"), 5).is_empty());
    }
}

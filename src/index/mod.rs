//! The index stage: what is computed once per article and reused by every pair it is in.
//!
//! A [`DocIndex`] holds a document's distinct token keys, the stem of each content word and the
//! key id of every token, by sentence. It depends on the article alone, never on the other
//! articles of a run: the aligner builds each pair's word table and weights from the two
//! documents' indexes (see [`crate::align`]), so a pair's findings are the same wherever the
//! pair is seen (`compare a b`, `compare a b c`, `scan`).
//!
//! [`ngram_hashes`] gives the hashed word n-grams the corpus scan finds candidate pairs with
//! (the passim approach: two articles that share a rare run of [`NGRAM`] words are worth
//! aligning).

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::tokenize::Document;

/// Words in an n-gram of the candidate index.
pub const NGRAM: usize = 5;

/// An n-gram found in more documents than this proposes no pair (boilerplate, stock phrases):
/// the document-frequency cap of the candidate index.
pub const MAX_DF: usize = 100;

/// Fewest distinct n-grams (each within the cap) two documents must share to be aligned.
pub const MIN_SHARED_NGRAMS: usize = 2;

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
}

impl DocIndex {
    /// Interns a document's keys and stems its content words. Stems are remembered per
    /// thread across documents (stemming is a pure function of the key, so this changes
    /// nothing but the time).
    pub fn new(doc: &Document) -> DocIndex {
        let mut index = DocIndex::default();
        let mut ids_of: FxHashMap<&str, u32> = FxHashMap::default();
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
                            index.stems.push(t.content.then(|| cached_stem(&t.key)));
                        }
                        id
                    })
                    .collect()
            })
            .collect();
        index
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
fn fnv1a(bytes: &[u8]) -> u64 {
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

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
use rustc_hash::{FxHashMap, FxHashSet};

use crate::align::fuzzy::Trigrams;
use crate::key::Key;
use crate::tokenize::{Document, Token, TokenKind};

/// Words in an n-gram of the candidate index.
pub const NGRAM: usize = 5;

/// An n-gram found in more documents than this proposes no pair (boilerplate, stock phrases):
/// the document-frequency cap of the candidate index.
pub const MAX_DF: usize = 100;

/// Fewest distinct n-grams (each within the cap) two documents must share to be aligned.
pub const MIN_SHARED_NGRAMS: usize = 2;

/// A sentence found word for word in at least this many documents of an archive is
/// boilerplate ([`Boilerplate`]): a byline, a follow-us line, an editor's note, a section
/// marker. On the PolNeAR corpus such lines are in 4 to 99 articles ("FULL TEXT." 99, a
/// HuffPost editor's note 14, "Follow Pam Key on Twitter" 7); on the BBC corpus a
/// correspondent's byline is in 7 or 8, and the news sentences reused by three articles
/// (Ebbers's possible sentence, a rugby line-up) stay below it.
pub const BOILERPLATE_DF: usize = 4;

/// Stem id of a token that is no content word.
pub const NO_STEM: u32 = u32::MAX;

/// Per-document features, computed once per article.
///
/// Everything per sentence lies in one flat array per field for the whole article, with
/// per-sentence offsets: a sentence costs a few offsets, not a vector per field (see
/// [`DocIndex::sentence`] for one sentence's view).
#[derive(Clone, Debug, Default)]
pub struct DocIndex {
    /// Distinct token keys, in order of first appearance.
    pub keys: Vec<Key>,
    /// Whether each key is a content word (may drive an alignment).
    pub content: Vec<bool>,
    /// The stem id of each key (an index into `stem_names`), [`NO_STEM`] for keys that are no
    /// content word.
    pub key_stems: Vec<u32>,
    /// Distinct stems, in order of first appearance (a stem id indexes this list); each is
    /// [`crate::align::stem`] of a content key.
    pub stem_names: Vec<CompactString>,
    /// [`fnv1a`] of each stem, to meet the same stem in another document without hashing text.
    pub(crate) stem_hashes: Vec<u64>,
    /// In how many sentences each stem occurs.
    pub(crate) stem_df: Vec<u32>,
    /// Each stem's synonym class ([`crate::align::synonyms::class`], 0 for none), looked up
    /// once per article rather than once per pair it is in.
    pub(crate) stem_classes: Vec<u16>,
    /// Each stem's [`Trigrams::tag`]: what rules out most spelling-variant comparisons without
    /// the trigrams.
    pub(crate) stem_tags: Vec<u64>,
    /// Each stem prepared for spelling-variant comparison, made on first use and shared by
    /// every pair the document is in.
    /// (Boxed: most stems never need theirs, and an empty `OnceLock<Option<Box<_>>>` is 16
    /// bytes; `None` for a stem that never matches fuzzily, such as a number.)
    trigrams: Vec<OnceLock<Option<Box<Trigrams>>>>,
    /// Whether each key is a word or number ([`KEY_WORDLIKE`]) and a verb form
    /// ([`KEY_VERBAL`]).
    key_flags: Vec<u8>,
    /// Per sentence `s`, its tokens are `tokens_at[s]..tokens_at[s + 1]` of `tokens`; the same
    /// for words, stems, cuts and runs.
    tokens_at: Vec<u32>,
    words_at: Vec<u32>,
    stems_at: Vec<u32>,
    cuts_at: Vec<u32>,
    runs_at: Vec<u32>,
    /// Each token's key, as its number in `keys`, with [`NAMED`] set for a name or number:
    /// four bytes a token. The token's key number, stem, and whether it is a word or a verb
    /// are its key's, read through `keys`, `key_stems` and `key_flags`.
    tokens: Vec<u32>,
    /// Key numbers ([`Key::id`]) of each sentence's words and numbers, sorted within the
    /// sentence (the bag of words; the words in order are read from `tokens`).
    sorted_words: Vec<u32>,
    /// Each sentence's distinct stem ids, ascending.
    stems: Vec<u32>,
    /// Each sentence's clause cuts (token indices within the sentence).
    cuts: Vec<u32>,
    /// Each sentence's hashed word runs, sorted and unique.
    runs: Vec<u64>,
    /// Per sentence, a hash of its words in order ([`SentenceIndex::words_hash`]).
    word_hashes: Vec<u64>,
}

/// Set in [`DocIndex`]'s per-token entries for a name (capitalised, not first in its
/// sentence) or a number.
const NAMED: u32 = 1 << 31;
/// A key that is a word or number.
const KEY_WORDLIKE: u8 = 1;
/// A key that is a verb form ([`crate::tokenize::is_verbal`]).
const KEY_VERBAL: u8 = 2;

/// What the aligner needs of one sentence, computed once per article: everything but the
/// weights, which have the scope of a pair. A view into the [`DocIndex`]'s flat arrays; the
/// per-token facts are read through the token's key ([`SentenceIndex::key`] and the rest).
#[derive(Clone, Copy, Debug)]
pub(crate) struct SentenceIndex<'a> {
    doc: &'a DocIndex,
    /// The sentence's entries of [`DocIndex::tokens`].
    tokens: &'a [u32],
    /// Key numbers of words and numbers, sorted (the bag of words).
    pub sorted_words: &'a [u32],
    /// Distinct stem ids, ascending.
    pub stems: &'a [u32],
    /// Token indices where clauses start (and the end).
    pub cuts: &'a [u32],
    /// Hashes of every run of [`crate::align::MIN_SHARED_RUN`] consecutive words, sorted and
    /// without repeats: two sentences can share such a run only if they share a hash.
    pub runs: &'a [u64],
    /// A hash of the words and numbers in order, their key numbers (so within one run only):
    /// sentences with the same words have the same hash.
    pub words_hash: u64,
}

impl<'a> SentenceIndex<'a> {
    /// Number of tokens, punctuation included.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The document's number of token `i`'s key (an index into [`DocIndex::keys`]).
    fn local(&self, i: usize) -> usize {
        (self.tokens[i] & !NAMED) as usize
    }

    /// Token `i`'s key number ([`Key::id`]), punctuation included (the word diff runs on
    /// these): equal keys have equal numbers in every document of a run.
    pub fn key(&self, i: usize) -> u32 {
        self.doc.keys[self.local(i)].id()
    }

    /// Every token's key number, in order.
    pub fn keys(&self) -> Vec<u32> {
        (0..self.len()).map(|i| self.key(i)).collect()
    }

    /// Whether token `i` is a word or number.
    pub fn wordlike(&self, i: usize) -> bool {
        self.doc.key_flags[self.local(i)] & KEY_WORDLIKE != 0
    }

    /// Whether token `i` is a name (capitalised, not first in its sentence) or a number.
    pub fn named(&self, i: usize) -> bool {
        self.tokens[i] & NAMED != 0
    }

    /// Whether token `i` is a verb form ([`crate::tokenize::is_verbal`]).
    pub fn verbal(&self, i: usize) -> bool {
        self.doc.key_flags[self.local(i)] & KEY_VERBAL != 0
    }

    /// Token `i`'s stem id, [`NO_STEM`] for a token that is no content word.
    pub fn stem(&self, i: usize) -> u32 {
        self.doc.key_stems[self.local(i)]
    }

    /// Number of words and numbers.
    pub fn word_count(&self) -> usize {
        self.sorted_words.len()
    }

    /// Words and numbers among tokens `range`.
    pub fn words_in(&self, range: std::ops::Range<usize>) -> usize {
        range.filter(|&i| self.wordlike(i)).count()
    }

    /// Whether a token of `range` is a verb form.
    pub fn any_verbal(&self, mut range: std::ops::Range<usize>) -> bool {
        range.any(|i| self.verbal(i))
    }

    /// Key numbers of the words and numbers, in order (the verbatim key).
    pub fn words(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len())
            .filter(|&i| self.wordlike(i))
            .map(|i| self.key(i))
    }
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

/// `v[at[i] as usize..at[i + 1] as usize]`.
fn part<'a, T>(v: &'a [T], at: &[u32], i: usize) -> &'a [T] {
    &v[at[i] as usize..at[i + 1] as usize]
}

/// An offset into a flat array. An article's text is below 4 GiB (the loader caps input at
/// 1 GiB), and no array holds more entries than the text has bytes.
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

impl DocIndex {
    /// Interns a document's keys and stems, stems its content words and prepares each sentence
    /// for the aligner. Stems are remembered per thread across documents (stemming is a pure
    /// function of the key, so this changes nothing but the time).
    pub fn new(doc: &Document) -> DocIndex {
        let mut index = DocIndex::default();
        let mut ids_of: FxHashMap<Key, u32> = FxHashMap::default();
        let mut stem_ids: FxHashMap<CompactString, u32> = FxHashMap::default();
        let mut facts = KeyFacts::default();
        let n = doc.tokens.len();
        let total = doc.tokens.all().len();
        let words: usize = doc
            .tokens
            .iter()
            .flatten()
            .filter(|t| t.is_wordlike())
            .count();
        index.word_hashes.reserve_exact(n);
        for v in [
            &mut index.tokens_at,
            &mut index.words_at,
            &mut index.stems_at,
            &mut index.cuts_at,
            &mut index.runs_at,
        ] {
            v.reserve_exact(n + 1);
            v.push(0);
        }
        index.tokens.reserve_exact(total);
        index.sorted_words.reserve_exact(words);
        let mut ids: Vec<u32> = Vec::new();
        let mut buf: Vec<u32> = Vec::new();
        for tokens in &doc.tokens {
            ids.clear();
            for t in tokens {
                let next = index.keys.len() as u32;
                let id = *ids_of.entry(t.key).or_insert(next);
                if id == next {
                    index.keys.push(t.key);
                    index.content.push(t.content);
                    let stem = if t.content {
                        let s = cached_stem(t.key);
                        let next = index.stem_names.len() as u32;
                        let sid = *stem_ids.entry(s.clone()).or_insert(next);
                        if sid == next {
                            index.stem_hashes.push(fnv1a(s.as_bytes()));
                            index.stem_classes.push(crate::align::synonyms::class(&s));
                            index.stem_tags.push(Trigrams::tag(&s));
                            index.stem_names.push(s);
                        }
                        sid
                    } else {
                        NO_STEM
                    };
                    index.key_stems.push(stem);
                    index.key_flags.push(facts.push(t));
                }
                ids.push(id);
            }
            index.push_sentence(tokens, &ids, &facts, &mut buf);
        }
        index.stem_df = vec![0; index.stem_names.len()];
        for &st in &index.stems {
            index.stem_df[st as usize] += 1;
        }
        index.trigrams = index.stem_names.iter().map(|_| OnceLock::new()).collect();
        index.stems.shrink_to_fit();
        index.cuts.shrink_to_fit();
        index.runs.shrink_to_fit();
        index.keys.shrink_to_fit();
        index.content.shrink_to_fit();
        index.key_stems.shrink_to_fit();
        index.key_flags.shrink_to_fit();
        index.stem_names.shrink_to_fit();
        index.stem_hashes.shrink_to_fit();
        index.stem_classes.shrink_to_fit();
        index.stem_tags.shrink_to_fit();
        index
    }

    /// Number of sentences.
    pub fn sentence_count(&self) -> usize {
        self.tokens_at.len().saturating_sub(1)
    }

    /// What the aligner needs of sentence `i`.
    pub(crate) fn sentence(&self, i: usize) -> SentenceIndex<'_> {
        SentenceIndex {
            doc: self,
            tokens: part(&self.tokens, &self.tokens_at, i),
            sorted_words: part(&self.sorted_words, &self.words_at, i),
            stems: part(&self.stems, &self.stems_at, i),
            cuts: part(&self.cuts, &self.cuts_at, i),
            runs: part(&self.runs, &self.runs_at, i),
            words_hash: self.word_hashes[i],
        }
    }

    /// Stem `id` prepared for spelling-variant comparison.
    pub(crate) fn trigrams(&self, id: u32) -> &Trigrams {
        static NEVER: Trigrams = Trigrams::NEVER;
        self.trigrams[id as usize]
            .get_or_init(|| {
                let t = Trigrams::new(&self.stem_names[id as usize]);
                (t != Trigrams::NEVER).then(|| Box::new(t))
            })
            .as_deref()
            .unwrap_or(&NEVER)
    }

    /// Appends one sentence, given its tokens and their key numbers in this document
    /// (`words` is scratch space).
    fn push_sentence(
        &mut self,
        tokens: &[Token],
        ids: &[u32],
        facts: &KeyFacts,
        words: &mut Vec<u32>,
    ) {
        words.clear();
        for (i, (t, &k)) in tokens.iter().zip(ids).enumerate() {
            let named = t.kind == TokenKind::Number
                || (i > 0 && t.kind == TokenKind::Word && t.capitalised);
            self.tokens.push(if named { k | NAMED } else { k });
            if t.is_wordlike() {
                words.push(self.keys[k as usize].id());
            }
        }
        self.word_hashes
            .push(words.iter().fold(words.len() as u64, |h, &k| {
                (h.rotate_left(5) ^ u64::from(k)).wrapping_mul(0x517c_c1b7_2722_0a95)
            }));
        let first_word = self.sorted_words.len();
        self.sorted_words.extend_from_slice(words);
        self.sorted_words[first_word..].sort_unstable();
        let first_stem = self.stems.len();
        self.stems.extend(
            ids.iter()
                .map(|&k| self.key_stems[k as usize])
                .filter(|&s| s != NO_STEM),
        );
        self.stems[first_stem..].sort_unstable();
        dedup_tail(&mut self.stems, first_stem);
        let first_cut = self.cuts.len();
        self.cuts.push(0);
        for (i, &k) in ids.iter().enumerate() {
            let (opens, closes) = (facts.opens[k as usize], facts.closes[k as usize]);
            if opens && i > 0 {
                self.cuts.push(offset(i));
            } else if closes {
                self.cuts.push(offset(i + 1));
            }
        }
        self.cuts.push(offset(tokens.len()));
        dedup_tail(&mut self.cuts, first_cut);
        let first_run = self.runs.len();
        self.runs
            .extend(words.windows(crate::align::MIN_SHARED_RUN).map(|w| {
                w.iter().fold(0u64, |h, &k| {
                    (h.rotate_left(13) ^ u64::from(k)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                })
            }));
        self.runs[first_run..].sort_unstable();
        dedup_tail(&mut self.runs, first_run);
        self.tokens_at.push(offset(self.tokens.len()));
        self.words_at.push(offset(self.sorted_words.len()));
        self.stems_at.push(offset(self.stems.len()));
        self.cuts_at.push(offset(self.cuts.len()));
        self.runs_at.push(offset(self.runs.len()));
    }
}

/// Removes consecutive repeats from `v[from..]`, as `Vec::dedup` does for a whole vector.
fn dedup_tail<T: PartialEq + Copy>(v: &mut Vec<T>, from: usize) {
    let mut kept = from;
    for r in from..v.len() {
        if kept == from || v[r] != v[kept - 1] {
            v[kept] = v[r];
            kept += 1;
        }
    }
    v.truncate(kept);
}

/// What a document's distinct keys are, by key id, while its index is built (each computed
/// once per key, not per token).
#[derive(Default)]
struct KeyFacts {
    /// A word that opens a clause.
    opens: Vec<bool>,
    /// Punctuation that closes one.
    closes: Vec<bool>,
}

impl KeyFacts {
    /// Notes the facts of a new key, from its first token (they depend on the key and on
    /// whether it is a word or number, which the key decides), and returns the key's flags
    /// ([`KEY_WORDLIKE`], [`KEY_VERBAL`]).
    fn push(&mut self, t: &Token) -> u8 {
        let wordlike = t.is_wordlike();
        let facts = FACTS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(&f) = cache.get(&(t.key, wordlike)) {
                return f;
            }
            if cache.len() >= STEM_CACHE {
                cache.clear();
            }
            let key = t.key.as_str();
            let f = (u8::from(wordlike && CLAUSE_WORDS.contains(&key)) * OPENS)
                | (u8::from(!wordlike && CLAUSE_PUNCT.contains(&key)) * CLOSES)
                | (u8::from(wordlike && crate::tokenize::is_verbal(key)) * KEY_VERBAL);
            cache.insert((t.key, wordlike), f);
            f
        });
        self.opens.push(facts & OPENS != 0);
        self.closes.push(facts & CLOSES != 0);
        (u8::from(wordlike) * KEY_WORDLIKE) | (facts & KEY_VERBAL)
    }
}

/// In [`FACTS`]: a word that opens a clause.
const OPENS: u8 = 4;
/// In [`FACTS`]: punctuation that closes one.
const CLOSES: u8 = 8;

thread_local! {
    /// [`KeyFacts::push`]'s facts of a key (and whether its token is a word or number),
    /// remembered per thread as stems are: they are read from the key's text, which lies in
    /// the process-wide table (a cache miss per key and article when read every time).
    static FACTS: std::cell::RefCell<FxHashMap<(Key, bool), u8>> =
        std::cell::RefCell::new(FxHashMap::default());
}

thread_local! {
    static STEMS: std::cell::RefCell<FxHashMap<Key, CompactString>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// Most stems a thread remembers before it starts afresh.
const STEM_CACHE: usize = 1 << 18;

/// [`crate::align::stem`], remembered per thread.
fn cached_stem(key: Key) -> CompactString {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(&key) {
            return s.clone();
        }
        if cache.len() >= STEM_CACHE {
            cache.clear();
        }
        // Copied, not converted: `From<String>` would keep the String's heap buffer, and every
        // stem is short enough to be kept inline.
        let stem = CompactString::new(crate::align::stem(key.as_str()));
        cache.insert(key, stem.clone());
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
        .map(|t| key_hash(t.key))
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

/// One hash per sentence of a document, over its words' keys in order (as [`ngram_hashes`]
/// hashes them, so the same on every machine); 0 for a sentence without a word. Two sentences
/// with the same words in the same order have the same hash, whatever their punctuation,
/// case, quote marks or spaces.
pub fn sentence_hashes(doc: &Document) -> Vec<u64> {
    doc.tokens
        .iter()
        .map(|tokens| {
            let mut words = tokens.iter().filter(|t| t.is_wordlike()).peekable();
            if words.peek().is_none() {
                return 0;
            }
            words
                .fold(0x8422_2325_cbf2_9ce4u64, |h, t| {
                    (h ^ key_hash(t.key))
                        .wrapping_mul(0x0000_0100_0000_01b3)
                        .rotate_left(31)
                })
                .max(1)
        })
        .collect()
}

/// A document's [`sentence_hashes`] without repeats and without 0, sorted: what counts toward
/// a sentence's document frequency.
pub fn distinct_sentences(hashes: &[u64]) -> Vec<u64> {
    let mut own: Vec<u64> = hashes.iter().copied().filter(|&h| h != 0).collect();
    own.sort_unstable();
    own.dedup();
    own
}

/// The sentences of an archive found word for word in at least [`BOILERPLATE_DF`] (or another
/// chosen number of) documents: site furniture rather than reporting. A scan does not report
/// a pair of articles that shares little else (see `scan`); `compare` never uses it.
#[derive(Clone, Debug, Default)]
pub struct Boilerplate {
    hashes: FxHashSet<u64>,
}

impl Boilerplate {
    /// No sentence is boilerplate.
    pub fn none() -> Boilerplate {
        Boilerplate::default()
    }

    /// The boilerplate of an archive: `per_doc` holds each document's [`sentence_hashes`]
    /// (repeats within a document count once); a hash found in at least `min_df` documents is
    /// boilerplate. `min_df` 0 or 1 turns the rule off (nothing is boilerplate).
    pub fn count<H: AsRef<[u64]> + Sync>(per_doc: &[H], min_df: usize) -> Boilerplate {
        if min_df < 2 {
            return Boilerplate::none();
        }
        use rayon::prelude::*;
        let all: Vec<u64> = per_doc
            .par_iter()
            .flat_map_iter(|hashes| distinct_sentences(hashes.as_ref()))
            .collect();
        Boilerplate::from_distinct(all, min_df)
    }

    /// [`Boilerplate::count`] given every document's [`distinct_sentences`] one after another.
    pub fn from_distinct(mut all: Vec<u64>, min_df: usize) -> Boilerplate {
        if min_df < 2 {
            return Boilerplate::none();
        }
        crate::scan::sort_by_top_bits(&mut all, |&h| h);
        Boilerplate::from_hashes(
            all.chunk_by(|x, y| x == y)
                .filter(|run| run.len() >= min_df)
                .map(|run| run[0]),
        )
    }

    /// The boilerplate given by its hashes (as [`Boilerplate::hashes`] lists them).
    pub fn from_hashes(hashes: impl IntoIterator<Item = u64>) -> Boilerplate {
        Boilerplate {
            hashes: hashes.into_iter().filter(|&h| h != 0).collect(),
        }
    }

    /// Whether the sentence with this [`sentence_hashes`] hash is boilerplate.
    pub fn contains(&self, hash: u64) -> bool {
        hash != 0 && self.hashes.contains(&hash)
    }

    /// Whether no sentence is boilerplate.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The boilerplate sentences' hashes, sorted.
    pub fn hashes(&self) -> Vec<u64> {
        let mut out: Vec<u64> = self.hashes.iter().copied().collect();
        out.sort_unstable();
        out
    }
}

thread_local! {
    /// [`fnv1a`] of a key's text, remembered per thread as stems are.
    static KEY_HASHES: std::cell::RefCell<FxHashMap<Key, u64>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// [`fnv1a`] of a key's text, remembered per thread (the text lies in the process-wide table:
/// a cache miss per word when read every time).
fn key_hash(key: Key) -> u64 {
    KEY_HASHES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(&h) = cache.get(&key) {
            return h;
        }
        if cache.len() >= STEM_CACHE {
            cache.clear();
        }
        let h = fnv1a(key.as_bytes());
        cache.insert(key, h);
        h
    })
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
        assert_eq!(i.sentence_count(), 2);
        assert_eq!(i.keys.len(), 6, "the troops were assassinating . left");
        // "the" and "troops" appear in both sentences with the same key hashes and stems.
        let (s0, s1) = (i.sentence(0), i.sentence(1));
        assert_eq!(s0.keys()[..2], s1.keys()[..2]);
        assert_eq!(s0.stem(1), s1.stem(1));
        assert_eq!(i.stem_names[s0.stem(1) as usize], "troop");
        assert_eq!(i.stem_names[s0.stem(3) as usize], "assassin");
        assert_eq!(s0.stem(0), NO_STEM);
        assert!(!i.content[0] && i.key_stems[0] == NO_STEM);
        assert_eq!(i.key_stems[1], s0.stem(1));
        // "troop" (0) and "assassin" (1) in the first sentence, "troop" and "left" in the
        // second: each stem's sentence count.
        assert_eq!(s0.stems, &[0, 1]);
        assert_eq!(i.stem_df, vec![2, 1, 1]);
        assert_eq!(s0.word_count(), 4);
        assert_eq!(s0.words().count(), 4);
        assert!(!s0.named(3) && s0.verbal(3) && s0.wordlike(3) && !s0.wordlike(4));
        assert_eq!(s1.cuts, &[0, 4]);
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

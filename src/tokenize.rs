//! Stage 4, tokenize: each sentence becomes [`Token`]s (words, numbers, signs, punctuation) with
//! their spans and comparison keys; an article with its sentences and tokens is a [`Document`].
//!
//! Words come from UAX #29 word boundaries (`unicode-segmentation`), called per sentence so
//! that its ASCII fast path fires on ASCII sentences. Only content words drive alignment:
//! function words ("the", "of") and punctuation are kept for the word diff and for display, but
//! an alignment is never made on them.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::key::Key;
use crate::load::Article;
use crate::normalize;
use crate::segment::{self, Sentence};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenKind {
    /// A word with at least one letter: "Daesh’s", "K", "U.S".
    Word,
    /// Digits, possibly with inner separators: "27", "3.5", "1,000".
    Number,
    /// A sign that carries meaning: "$", "%", "<", "=", "+".
    Sign,
    /// Prose punctuation: quote marks, brackets, commas, dashes, periods.
    Punct,
}

/// One token of a sentence.
///
/// A document holds every token until its report is written, so a token is kept small (16
/// bytes): its byte range as two 32-bit offsets (an article is read whole into memory and
/// capped at 1 GiB, see [`crate::load`]), read back as a [`Span`] by [`Token::span`], and its
/// key interned ([`Key`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The comparison key ([`normalize::key`]).
    pub key: Key,
    start: u32,
    end: u32,
    /// What the token is.
    pub kind: TokenKind,
    /// True for words and numbers that may drive an alignment (not function words).
    pub content: bool,
    /// True for a word written with a capital first letter.
    pub capitalised: bool,
}

impl Token {
    /// A token of `kind` over `span` with comparison key `key` (already normalized);
    /// `content` and `capitalised` are false. Offsets past 4 GiB are clamped (no article read by
    /// this crate is that long).
    pub fn new(span: Span, kind: TokenKind, key: &str) -> Token {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Token {
            key: Key::new(key),
            start: clamp(span.start),
            end: clamp(span.end),
            kind,
            content: false,
            capitalised: false,
        }
    }

    /// Byte range in the article's original text.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// True for words and numbers.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// The tokens of every sentence of a document, in one array: `tokens[i]` is the slice of
/// sentence `i`'s tokens. One allocation per document, not one per sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    all: Vec<Token>,
    /// Sentence `i`'s tokens are `all[at[i]..at[i + 1]]`.
    at: Vec<u32>,
}

impl Tokens {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.at.len().saturating_sub(1)
    }

    /// True when there is no sentence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The tokens of sentence `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&[Token]> {
        let (&from, &to) = (self.at.get(i)?, self.at.get(i + 1)?);
        self.all.get(from as usize..to as usize)
    }

    /// Each sentence's tokens, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &[Token]> + ExactSizeIterator + Clone {
        self.at
            .windows(2)
            .map(|w| &self.all[w[0] as usize..w[1] as usize])
    }

    /// Every token of every sentence, in order.
    pub fn all(&self) -> &[Token] {
        &self.all
    }

    /// Appends a sentence with `tokens`.
    pub fn push(&mut self, tokens: impl IntoIterator<Item = Token>) {
        if self.at.is_empty() {
            self.at.push(0);
        }
        self.all.extend(tokens);
        self.at
            .push(u32::try_from(self.all.len()).unwrap_or(u32::MAX));
    }

    fn shrink_to_fit(&mut self) {
        self.all.shrink_to_fit();
        self.at.shrink_to_fit();
    }
}

impl std::ops::Index<usize> for Tokens {
    type Output = [Token];
    fn index(&self, i: usize) -> &[Token] {
        &self.all[self.at[i] as usize..self.at[i + 1] as usize]
    }
}

impl<'a> IntoIterator for &'a Tokens {
    type Item = &'a [Token];
    type IntoIter = Box<dyn DoubleEndedIterator<Item = &'a [Token]> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<I: IntoIterator<Item = Token>> FromIterator<I> for Tokens {
    fn from_iter<T: IntoIterator<Item = I>>(sentences: T) -> Tokens {
        let mut out = Tokens::default();
        for s in sentences {
            out.push(s);
        }
        out.shrink_to_fit();
        out
    }
}

/// An article with its sentences and the tokens of each sentence.
#[derive(Clone, Debug)]
pub struct Document {
    /// The article as read.
    pub article: Article,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
    /// `tokens[i]` are the tokens of `sentences[i]`.
    pub tokens: Tokens,
}

impl Document {
    /// Segments and tokenizes an article.
    pub fn new(article: Article) -> Document {
        let mut sentences = segment::segment(&article);
        sentences.shrink_to_fit();
        let mut tokens = Tokens::default();
        let mut buf = Vec::new();
        for s in &sentences {
            buf.clear();
            tokenize_into(&mut buf, &article.text, s.span);
            tokens.push(buf.drain(..));
        }
        tokens.shrink_to_fit();
        Document {
            article,
            sentences,
            tokens,
        }
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.article.slice(self.sentences[i].span)
    }

    /// Number of words and numbers in sentence `i`.
    pub fn word_count(&self, i: usize) -> usize {
        self.tokens[i].iter().filter(|t| t.is_wordlike()).count()
    }
}

/// Signs that change a statement's meaning and so are compared like words.
const SIGNS: &[char] = &[
    '#', '$', '%', '&', '+', '<', '=', '>', '@', '\u{00a2}', '\u{00a3}', '\u{00a5}', '\u{00b0}',
    '\u{00b1}', '\u{00d7}', '\u{00f7}', '\u{20ac}', '\u{2212}', '\u{2264}', '\u{2265}',
];

/// English function words: never the reason two sentences are paired. Sorted. (The lookup uses
/// `STOPWORDS_BY_LEN`; this list is the reference a test checks it against.)
#[cfg(test)]
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
    "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "it's",
    "its", "may", "me", "might", "more", "most", "my", "no", "not", "now", "of", "on", "one",
    "only", "or", "other", "our", "out", "over", "said", "says", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
];

/// True for a function word key ("the", "of").
pub fn is_stopword(key: &str) -> bool {
    // No function word is longer than six letters, and the list is searched by length first:
    // most words never reach a string comparison.
    let len = key.len();
    if len == 0 || len > 6 {
        return false;
    }
    STOPWORDS_BY_LEN[len - 1].binary_search(&key).is_ok()
}

/// English function words (never the reason two sentences are paired), split by length (1 to 6 bytes), each part sorted; checked against the list
/// in a unit test.
const STOPWORDS_BY_LEN: [&[&str]; 6] = [
    &["a", "i"],
    &[
        "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "me", "my", "no", "of",
        "on", "or", "so", "to", "up", "us", "we",
    ],
    &[
        "all", "and", "any", "are", "but", "can", "did", "for", "had", "has", "her", "him", "his",
        "how", "its", "may", "not", "now", "one", "our", "out", "she", "the", "too", "was", "who",
        "why", "you",
    ],
    &[
        "also", "been", "does", "from", "have", "into", "it's", "more", "most", "only", "over",
        "said", "says", "some", "such", "than", "that", "them", "then", "they", "this", "very",
        "were", "what", "when", "whom", "will", "with", "your",
    ],
    &[
        "about", "after", "being", "could", "might", "other", "their", "there", "these", "those",
        "where", "which", "while", "would",
    ],
    &["before", "should"],
];

/// The tokens of `text[span]`; white space is dropped.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(&mut out, text, span);
    out
}

/// [`tokenize`], appending to `out`.
fn tokenize_into(out: &mut Vec<Token>, text: &str, span: Span) {
    let sentence = span.slice(text);
    if sentence.is_ascii() {
        for (offset, piece) in ascii_word_bounds(sentence) {
            push_piece(out, span.start + offset, piece);
        }
    } else {
        for (offset, piece) in sentence.split_word_bound_indices() {
            push_piece(out, span.start + offset, piece);
        }
    }
}

/// UAX #29 word boundaries for ASCII text, white space left out: letters and digits join, and
/// so do `'` and `.` between two letters or two digits ("don't", "U.S", "3.5"), `:` between
/// letters, `,` and `;` between digits ("1,000"). Every other character stands alone. Equal to
/// `split_word_bound_indices` on ASCII input (property-tested below), several times faster.
fn ascii_word_bounds(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = s.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        if !word(bytes[i]) {
            i += 1;
            return Some((start, &s[start..i]));
        }
        i += 1;
        loop {
            if i < bytes.len() && word(bytes[i]) {
                i += 1;
                continue;
            }
            if i + 1 < bytes.len() && bytes[i + 1].is_ascii_alphanumeric() {
                let (prev, next) = (bytes[i - 1], bytes[i + 1]);
                let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
                let digits = prev.is_ascii_digit() && next.is_ascii_digit();
                let joins = match bytes[i] {
                    b'\'' | b'.' => letters || digits,
                    b':' => letters,
                    b',' | b';' => digits,
                    _ => false,
                };
                if joins {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        Some((start, &s[start..i]))
    })
}

/// What a piece of text is as a token, when it is a word or number: its key, kind and whether
/// it is a content word.
type WordFacts = Option<(Key, TokenKind, bool)>;

thread_local! {
    /// [`word_facts`] of the pieces this thread has read: an article repeats most of its words,
    /// and a corpus most of its pieces, so each is normalized, looked up in the function words
    /// and interned once (all of it depends on the piece alone).
    static PIECES: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, WordFacts>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// Most pieces [`PIECES`] holds before it starts again.
const PIECE_CACHE: usize = 1 << 18;

/// Longest piece [`PIECES`] keeps, in bytes: words are short, and a long run (a base64 blob, a
/// 10,000-digit number) read once would only hold memory, 2^18 times over at most.
const MAX_CACHED_PIECE: usize = 32;

/// [`word_facts`], from [`PIECES`] when the piece was read before.
fn cached_word_facts(piece: &str) -> WordFacts {
    if piece.len() > MAX_CACHED_PIECE {
        return word_facts(piece);
    }
    PIECES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(&facts) = cache.get(piece) {
            return facts;
        }
        if cache.len() >= PIECE_CACHE {
            cache.clear();
        }
        let facts = word_facts(piece);
        cache.insert(piece.into(), facts);
        facts
    })
}

/// The key, kind and content flag of a piece with a letter or digit; `None` for punctuation and
/// signs.
fn word_facts(piece: &str) -> WordFacts {
    let mut alnum = false;
    let mut alpha = false;
    for c in piece.chars() {
        if c.is_alphabetic() {
            alpha = true;
            alnum = true;
            break;
        }
        alnum |= c.is_alphanumeric();
    }
    if !alnum {
        return None;
    }
    let key = normalize::key(piece);
    let content = !is_stopword(&key);
    let kind = if alpha {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    Some((Key::new(&key), kind, content))
}

/// Turns one word-boundary piece into tokens: a word or number, or one token per punctuation
/// character (so "(ISIS)," diffs as `( ISIS ) ,`).
fn push_piece(out: &mut Vec<Token>, start: usize, piece: &str) {
    if let Some((key, kind, content)) = cached_word_facts(piece) {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        out.push(Token {
            key,
            start: clamp(start),
            end: clamp(start + piece.len()),
            kind,
            content,
            capitalised: piece.starts_with(char::is_uppercase),
        });
        return;
    }
    // Punctuation and signs.
    for (k, c) in piece.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if SIGNS.binary_search(&c).is_ok() {
            TokenKind::Sign
        } else {
            TokenKind::Punct
        };
        let s = start + k;
        let mut buf = [0; 4];
        let key = if c == '\u{2026}' {
            "..."
        } else {
            &*normalize::fold_char(c).encode_utf8(&mut buf)
        };
        out.push(Token::new(Span::new(s, s + c.len_utf8()), kind, key));
    }
}

/// Whether a word key is a verb form: an auxiliary, a common irregular verb, a speech verb, or
/// a word in "-ed" or "-ing". Used to tell a shared clause from a shared noun phrase.
pub fn is_verbal(key: &str) -> bool {
    VERB_WORDS.binary_search(&key).is_ok()
        || (key.len() >= 5
            && key.chars().all(|c| c.is_ascii_lowercase())
            && (key.ends_with("ed") || key.ends_with("ing")))
}

/// Auxiliaries and common irregular verb forms (a predicate without "-ed" or "-ing"). Sorted.
const VERB_WORDS: &[&str] = &[
    "am", "are", "ate", "be", "became", "become", "been", "began", "bought", "brought", "built",
    "came", "can", "chose", "come", "comes", "could", "cut", "cuts", "did", "do", "does", "drew",
    "fell", "felt", "find", "finds", "fought", "found", "gave", "get", "gets", "give", "gives",
    "go", "goes", "got", "grew", "had", "has", "have", "held", "hit", "hold", "holds", "is",
    "keep", "keeps", "kept", "knew", "know", "knows", "leads", "led", "left", "lost", "made",
    "make", "makes", "may", "meet", "meets", "met", "might", "must", "paid", "put", "ran", "rose",
    "said", "saw", "say", "says", "see", "sees", "sell", "sells", "sent", "set", "shall", "should",
    "sold", "spent", "spoke", "stood", "struck", "take", "takes", "tell", "tells", "think",
    "thinks", "thought", "told", "took", "want", "wants", "was", "went", "were", "will", "won",
    "wore", "would", "wrote",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| t.key.to_string())
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation_from_a_seed_quote() {
        assert_eq!(
            keys("“All the indications are that it was Daesh (ISIS),”"),
            [
                "\"",
                "all",
                "the",
                "indications",
                "are",
                "that",
                "it",
                "was",
                "daesh",
                "(",
                "isis",
                ")",
                ",",
                "\""
            ]
        );
        assert_eq!(
            keys("“We know Daesh’s movements.”"),
            ["\"", "we", "know", "daesh's", "movements", ".", "\""]
        );
    }

    #[test]
    fn numbers_and_signs_are_kept() {
        let text = "p < 0.05 on 9/11, $1.2bn";
        let toks = tokenize(text, Span::new(0, text.len()));
        let kinds: Vec<_> = toks.iter().map(|t| (t.key.as_str(), t.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("p", TokenKind::Word),
                ("<", TokenKind::Sign),
                ("0.05", TokenKind::Number),
                ("on", TokenKind::Word),
                ("9", TokenKind::Number),
                ("/", TokenKind::Punct),
                ("11", TokenKind::Number),
                (",", TokenKind::Punct),
                ("$", TokenKind::Sign),
                ("1.2bn", TokenKind::Word),
            ]
        );
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "  Lt. Gen. Muhammad al-Bayati";
        for t in tokenize(text, Span::new(2, text.len())) {
            assert_eq!(normalize::key(t.span().slice(text)), t.key);
        }
    }

    #[test]
    fn function_words_do_not_drive_alignment() {
        let text = "The attack on the base";
        let content: Vec<_> = tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .filter(|t| t.content)
            .map(|t| t.key)
            .collect();
        assert_eq!(content, ["attack", "base"]);
    }

    fn slow_path(s: &str) -> Vec<(usize, &str)> {
        s.split_word_bound_indices()
            .filter(|(_, p)| !p.trim().is_empty())
            .collect()
    }

    #[test]
    fn ascii_fast_path_matches_uax29_on_news_text() {
        for s in [
            "The U.S. Department of Defense said on 9/11 that 3.5% of $1,000,000 wasn't spent.",
            "a.m. p.m. e.g. K-1 al-Bayati don't 'quoted' \"solid evidence\" x_y 1;2 a:b 1.a a.1",
            "  trailing...   ",
        ] {
            assert_eq!(
                ascii_word_bounds(s).collect::<Vec<_>>(),
                slow_path(s),
                "{s}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_matches_uax29(s in "[ -~\t\n]{0,60}") {
            proptest::prop_assert_eq!(ascii_word_bounds(&s).collect::<Vec<_>>(), slow_path(&s));
        }
    }

    #[test]
    fn stopwords_are_sorted_and_split_by_length_faithfully() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        let mut by_len: Vec<&str> = STOPWORDS_BY_LEN
            .iter()
            .flat_map(|l| l.iter().copied())
            .collect();
        for (n, list) in STOPWORDS_BY_LEN.iter().enumerate() {
            assert!(list.iter().all(|w| w.len() == n + 1), "{list:?}");
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        by_len.sort_unstable();
        assert_eq!(by_len, STOPWORDS);
    }
}

#[cfg(test)]
mod verb_tests {
    use super::*;

    #[test]
    fn verb_words_are_sorted_and_verb_forms_are_found() {
        assert!(VERB_WORDS.windows(2).all(|w| w[0] < w[1]));
        for verb in ["said", "debated", "passed", "criticising", "won", "is"] {
            assert!(is_verbal(verb), "{verb}");
        }
        for noun in ["bill", "farm", "senators", "2018", "Senate"] {
            assert!(!is_verbal(noun), "{noun}");
        }
    }
}

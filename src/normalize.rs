//! Stage 2, normalize: text becomes comparison keys. Case, Unicode compatibility forms
//! (NFKC), curly versus straight quotes and apostrophes, and the dash family are folded; digits,
//! signs and words are kept, so "p < 0.05" never matches "p = 0.05" and "did" never matches
//! "did not". The article text itself is never rewritten: keys live beside the spans.

use compact_str::CompactString;
use unicode_normalization::UnicodeNormalization;

/// The comparison key of one word or punctuation token.
///
/// Keys are small strings kept inline (no heap allocation up to 24 bytes, which covers nearly
/// every word), since every token of every article has one.
pub fn key(token: &str) -> CompactString {
    if token.is_ascii() {
        // Copied whole and lowered in place (pushing it char by char cost a third of the
        // tokenizer's time).
        let mut out = CompactString::new(token);
        out.as_mut_str().make_ascii_lowercase();
        return out;
    }
    token
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

/// Folds a character's typographic variants onto one form: quote marks onto `"` and `'`,
/// dashes and the minus sign onto `-`.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}'
        | '\u{2039}' | '\u{203a}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_dashes_and_compatibility_forms() {
        assert_eq!(key("Daesh’s"), "daesh's");
        assert_eq!(key("Daesh's"), "daesh's");
        assert_eq!(key("“"), "\"");
        assert_eq!(key("—"), "-");
        assert_eq!(key("ﬁnal"), "final"); // the "fi" ligature, as PDFs export it
        assert_eq!(key("ＩＳＩＳ"), "isis"); // full-width letters
        assert_eq!(key("SULEIMANI"), "suleimani");
    }

    #[test]
    fn keeps_what_changes_meaning() {
        assert_ne!(key("<"), key("="));
        assert_ne!(key("0.05"), key("0.5"));
        assert_eq!(key("…"), "...");
    }
}

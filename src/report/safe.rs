//! Article text made safe to show. An article is untrusted input: an escape sequence in it
//! must not clear a terminal, set its title, write to its clipboard or hide words ("We will
//! ESC[8mnot ESC[0m resign" must not read "We will resign"), and a right-to-left override must
//! not reverse the text after it. Every report but JSON (which keeps the text exactly, with
//! control characters escaped by the JSON encoder) shows such characters as visible stand-ins:
//!
//! - C0 controls other than tab and line feed, and DEL, become their Unicode control pictures
//!   (ESC is `␛`, BEL `␇`, DEL `␡`);
//! - C1 controls (U+0080–U+009F, among them the one-byte CSI U+009B) and the bidirectional
//!   embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) become their code
//!   point in angle brackets, `⟨U+202E⟩`.
//!
//! Left-to-right and right-to-left marks stay: they change the direction of nothing but the
//! neutral characters next to them, and right-to-left text needs them.

use std::borrow::Cow;

/// What a character is shown as, when it cannot be shown as itself.
fn stand_in(c: char) -> Option<Cow<'static, str>> {
    match c {
        '\t' | '\n' => None,
        '\r' => Some(Cow::Borrowed("␍")),
        '\u{0}'..='\u{1f}' => {
            let picture = char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}');
            Some(Cow::Owned(picture.to_string()))
        }
        '\u{7f}' => Some(Cow::Borrowed("␡")),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some(Cow::Owned(format!("⟨U+{:04X}⟩", c as u32)))
        }
        _ => None,
    }
}

/// Whether `c` must not reach a terminal or a page as itself.
pub fn is_unsafe(c: char) -> bool {
    stand_in(c).is_some()
}

/// `text` with every control character a terminal or a browser would act on replaced by a
/// visible stand-in (see the module documentation). Borrows when there is nothing to replace.
pub fn visible(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(is_unsafe) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match stand_in(c) {
            Some(s) => out.push_str(&s),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A whole HTML page made safe: as [`visible`], except that carriage returns stay (HTML reads
/// them as white space, and CRLF articles are full of them).
#[cfg_attr(not(feature = "html-report"), allow(dead_code))]
pub fn visible_in_page(text: &str) -> Cow<'_, str> {
    let unsafe_in_page = |c: char| c != '\r' && is_unsafe(c);
    let Some(first) = text.find(unsafe_in_page) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match stand_in(c).filter(|_| c != '\r') {
            Some(s) => out.push_str(&s),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` on one line and safe to show: runs of white space (line ends included) become one
/// space, outer white space goes, and control characters become visible stand-ins.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&visible(word));
    }
    out
}

/// A name as a terminal may show it: control characters (escape sequences, bidirectional
/// overrides) are replaced by `?`.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || bidi { '?' } else { c }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_show_as_text() {
        assert_eq!(
            visible("We will \u{1b}[8mnot \u{1b}[0m resign"),
            "We will ␛[8mnot ␛[0m resign"
        );
        assert_eq!(visible("\u{1b}]52;c;aGk=\u{7}"), "␛]52;c;aGk=␇");
        assert_eq!(visible("a\u{9b}2Jb\u{7f}"), "a⟨U+009B⟩2Jb␡");
        assert_eq!(visible("tab\tand\nline"), "tab\tand\nline");
    }

    #[test]
    fn bidi_overrides_show_and_marks_stay() {
        assert_eq!(visible("x \u{202e}abc"), "x ⟨U+202E⟩abc");
        assert_eq!(visible("\u{2067}y\u{2069}"), "⟨U+2067⟩y⟨U+2069⟩");
        assert_eq!(visible("a\u{200f}b\u{200e}"), "a\u{200f}b\u{200e}");
    }

    #[test]
    fn one_line_folds_space_and_shows_controls() {
        assert_eq!(
            one_line("  one\r\n two\u{1b}[2J\tthree "),
            "one two␛[2J three"
        );
        assert!(matches!(visible("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn printable_defuses_escape_sequences() {
        assert_eq!(printable("a\u{1b}[31mb\u{202e}c\n"), "a?[31mb?c?");
        assert_eq!(printable("sport/1.txt"), "sport/1.txt");
    }
}

//! HTML pages: the article body extracted by `dom_smoothie` (a port of Mozilla's Readability),
//! navigation, banners, related links, comments and footers dropped, paragraphs kept as
//! paragraphs; title, outlet, byline and date from `<meta>` tags and JSON-LD; and a map from
//! the words of the extracted text back to the bytes of the page.
//!
//! The map is made by reading the page's text nodes in source order (tags, comments, scripts
//! and styles skipped, entities decoded, block tags ending words) and walking the extracted
//! words along them: a word that follows where the last one matched is taken at once;
//! otherwise the next occurrence whose following words agree too is looked up in an index of
//! the page's words, trying a bounded number of candidates, so the cost stays linear.

use dom_smoothie::{Config, Readability, TextMode};
use rustc_hash::FxHashMap;

use super::MapRun;
use super::meta::{Meta, normalize_date};
use crate::error::{Error, Result};

/// The extracted article.
pub(super) struct Page {
    pub text: String,
    pub map: Vec<MapRun>,
    pub meta: Meta,
}

/// How many following words must agree before a word is taken at a place further on.
const AGREE: usize = 3;
/// How many places further on a word is tried at before it is left unmapped.
const CANDIDATES: usize = 32;

/// Pages nested deeper than this many elements are refused: the extractor walks the tree
/// recursively, and no article page comes near it (news pages nest a few dozen deep).
pub(super) const MAX_DEPTH: usize = 512;

/// The stack of the thread that extracts: room for [`MAX_DEPTH`] levels with a wide margin.
const EXTRACT_STACK: usize = 64 * 1024 * 1024;

/// Extracts the article from a page, on a thread with a stack large enough for any page that
/// passes the depth check; a panic inside the extractor is an error, not a crash.
pub(super) fn extract(name: &str, input: &str) -> Result<Page> {
    if too_deep(input, MAX_DEPTH) {
        return Err(Error::Unsupported {
            name: name.to_string(),
            what: format!("an HTML page nested more than {MAX_DEPTH} elements deep"),
            advice: "save the article's text instead".to_string(),
        });
    }
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("html".to_string())
            .stack_size(EXTRACT_STACK)
            .spawn_scoped(scope, || extract_here(name, input));
        match worker {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(Error::NoArticle {
                    name: name.to_string(),
                })
            }),
            // No thread to be had: extract on this one.
            Err(_) => extract_here(name, input),
        }
    })
}

/// Elements that never have content.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose end tag may be left out (the parser closes them), so they do not nest.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

/// Whether the page's elements nest deeper than `limit` (start tags minus end tags, void
/// elements and those with optional end tags not counted), in one pass over the bytes.
fn too_deep(input: &str, limit: usize) -> bool {
    let bytes = input.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(k) = bytes.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let at = i + k;
        if bytes[at..].starts_with(b"<!--") {
            i = find(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let end = tag_end(bytes, at + 1);
        let tag = &bytes[at + 1..end];
        i = end.saturating_add(1);
        let closing = tag.first() == Some(&b'/');
        let name = tag_name(tag);
        if name.is_empty() || VOID_TAGS.contains(&name.as_str()) {
            continue;
        }
        if !closing && RAW_TAGS.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ignore_case(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !tag.ends_with(b"/") {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

fn extract_here(name: &str, input: &str) -> Result<Page> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let no_article = || Error::NoArticle {
        name: name.to_string(),
    };
    let document = dom_query::Document::from(input);
    document.select(CHROME).remove();
    let mut readability =
        Readability::with_document(document, None, Some(config)).map_err(|_| no_article())?;
    let article = readability.parse().map_err(|_| no_article())?;
    let mut text = paragraphs(&article.text_content);
    drop_fillers(&mut text);
    if !text.split("\n\n").any(reads_as_prose) {
        return Err(no_article());
    }
    let clean = |s: Option<String>| {
        s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let meta = Meta {
        title: clean(Some(article.title)),
        outlet: clean(article.site_name),
        byline: clean(article.byline).map(|b| strip_by(&b).to_string()),
        date: article.published_time.as_deref().and_then(normalize_date),
        ..Meta::default()
    };
    let map = source_map(&text, input);
    Ok(Page { text, map, meta })
}

/// Page chrome removed before the article is looked for: navigation, asides, forms, and
/// elements whose class or id names an advert, a cookie notice, sharing buttons or text for
/// screen readers only. Readability's own scoring drops most of these; removing them first
/// keeps an "Advertisement" slot or a "Post navigation" heading out of the body.
const CHROME: &str = "nav, aside, form, button, [class*='cookie'], [id*='cookie'], \
    [class*='ad-slot'], [class*='advert'], [id*='advert'], [class*='share-'], \
    [class*='screen-reader'], [class*='visually-hidden'], [class*='sr-only']";

/// Paragraphs that are only a placeholder of the page ("Advertisement") are dropped.
fn drop_fillers(text: &mut String) {
    const FILLERS: [&str; 5] = [
        "advertisement",
        "skip advertisement",
        "story continues below advertisement",
        "article continues below",
        "continue reading",
    ];
    let kept: Vec<&str> = text
        .split("\n\n")
        .filter(|p| !FILLERS.contains(&p.trim().to_lowercase().as_str()))
        .collect();
    let joined = kept.join("\n\n");
    *text = joined;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// A paragraph that reads as article prose: ten words or more, ending a sentence.
fn reads_as_prose(paragraph: &str) -> bool {
    let p = paragraph.trim();
    p.split_whitespace().count() >= 10
        && p.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', '…'])
}

/// "By Jane Smith" → "Jane Smith".
fn strip_by(byline: &str) -> &str {
    let b = byline.trim();
    match b.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => b[3..].trim_start(),
        _ => b,
    }
}

/// The extracted text with each paragraph's lines trimmed and paragraphs separated by exactly
/// one blank line.
fn paragraphs(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// One word of the page's text: its decoded text and the bytes it was read from.
struct SourceWord {
    text: String,
    start: usize,
    end: usize,
}

/// Elements that end a word: text on either side of them never runs together.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "title",
    "option",
    "button",
    "img",
];

/// Elements whose content is not text.
const RAW_TAGS: &[&str] = &["script", "style", "template", "textarea", "xmp"];

/// The page's words in source order.
fn source_words(input: &str) -> Vec<SourceWord> {
    let bytes = input.as_bytes();
    let mut words = Vec::new();
    let mut current: Option<SourceWord> = None;
    let flush = |current: &mut Option<SourceWord>, words: &mut Vec<SourceWord>| {
        if let Some(w) = current.take() {
            words.push(w);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<' {
            if bytes[i..].starts_with(b"<!--") {
                i = find(bytes, i + 4, b"-->").map_or(bytes.len(), |e| e + 3);
                flush(&mut current, &mut words);
                continue;
            }
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            if next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?' {
                let end = tag_end(bytes, i + 1);
                let name = tag_name(&bytes[i + 1..end]);
                if BLOCK_TAGS.contains(&name.as_str()) {
                    flush(&mut current, &mut words);
                }
                i = end + 1;
                if next != b'/' && RAW_TAGS.contains(&name.as_str()) {
                    flush(&mut current, &mut words);
                    let close = format!("</{name}");
                    i = find_ignore_case(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
                }
                continue;
            }
        }
        let (ch, len) = if b == b'&' {
            decode_entity(&input[i..]).unwrap_or(('&', 1))
        } else {
            match input[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if ch.is_whitespace() {
            flush(&mut current, &mut words);
        } else {
            let w = current.get_or_insert_with(|| SourceWord {
                text: String::new(),
                start: i,
                end: i,
            });
            w.text.push(ch);
            w.end = i + len;
        }
        i += len;
    }
    flush(&mut current, &mut words);
    words
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|k| from + k)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut at = from;
    while let Some(k) = memchr::memchr(*first, bytes.get(at..)?) {
        let pos = at + k;
        if bytes
            .get(pos..pos + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(pos);
        }
        at = pos + 1;
    }
    None
}

/// Where a tag that starts at `from` (after its `<`) ends: its `>`, quoted attribute values
/// skipped; the end of input when it never closes.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

fn tag_name(tag: &[u8]) -> String {
    let tag = tag.strip_prefix(b"/").unwrap_or(tag);
    tag.iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .map(|b| b.to_ascii_lowercase() as char)
        .collect()
}

/// Decodes the character reference at the start of `s` (`&amp;`, `&#8217;`, `&#x2019;`):
/// the character and the reference's length, or `None` when it is not one.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).unwrap_or('\u{fffd}')
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "eacute" => 'é',
            "copy" => '©',
            _ => return None,
        }
    };
    Some((ch, end + 1))
}

/// Maps the words of `text` to the page's bytes (see the module documentation).
fn source_map(text: &str, input: &str) -> Vec<MapRun> {
    let source = source_words(input);
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (k, w) in source.iter().enumerate() {
        index.entry(w.text.as_str()).or_default().push(k);
    }
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut runs: Vec<MapRun> = Vec::new();
    // Whether the last run reads exactly as its source (so the next word may extend it).
    let mut last_exact = false;
    let mut p = 0usize;
    for (i, &(start, word)) in words.iter().enumerate() {
        let agree = |q: usize| {
            (1..AGREE).all(|j| match (words.get(i + j), source.get(q + j)) {
                (Some((_, w)), Some(s)) => *w == s.text,
                (None, _) => true,
                (Some(_), None) => false,
            })
        };
        let here = source.get(p).is_some_and(|s| s.text == word);
        let at = if here && agree(p) {
            Some(p)
        } else {
            index
                .get(word)
                .and_then(|places| {
                    let from = places.partition_point(|&q| q < p);
                    places[from..]
                        .iter()
                        .take(CANDIDATES)
                        .copied()
                        .find(|&q| agree(q))
                })
                .or(here.then_some(p))
        };
        let Some(q) = at else {
            last_exact = false;
            continue;
        };
        p = q + 1;
        let s = &source[q];
        let end = start + word.len();
        let exact = input.get(s.start..s.end) == Some(word);
        if let Some(last) = runs.last_mut()
            && last_exact
            && exact
            && last.source_end <= s.start
            && text.get(last.end..start) == input.get(last.source_end..s.start)
        {
            last.end = end;
            last.source_end = s.end;
        } else {
            runs.push(MapRun {
                start,
                end,
                source_start: s.start,
                source_end: s.end,
            });
        }
        last_exact = exact;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_what_nests() {
        let deep = format!("{}<p>x</p>{}", "<div>".repeat(1001), "</div>".repeat(1001));
        assert!(too_deep(&deep, 1000));
        assert!(!too_deep(&deep, 1001));
        let unclosed = "<b>".repeat(1001);
        assert!(too_deep(&unclosed, 1000));
        // Unclosed paragraphs and list items, void elements and closed siblings do not nest.
        let flat = "<p>a<li>b<br><img src=x><div>c</div>".repeat(5000);
        assert!(!too_deep(&flat, 1000));
        let script = format!("<script>{}</script><p>x</p>", "<div>".repeat(5000));
        assert!(!too_deep(&script, 1000));
    }

    #[test]
    fn entities_and_tags_inside_words() {
        let page = "<p>Daesh&rsquo;s <b>move</b>ments &amp; more<br>next</p><script>var x = '<p>';</script>";
        let words: Vec<String> = source_words(page).into_iter().map(|w| w.text).collect();
        assert_eq!(words, ["Daesh’s", "movements", "&", "more", "next"]);
    }

    #[test]
    fn runs_read_as_their_source_where_no_entity_intervenes() {
        let page = "<nav>Home News</nav><p>It was Daesh, he said.</p>\n<p>We know Daesh&rsquo;s movements.</p>";
        let text = "It was Daesh, he said.\n\nWe know Daesh’s movements.\n";
        let runs = source_map(text, page);
        assert_eq!(
            runs.iter()
                .map(|r| (&text[r.start..r.end], &page[r.source_start..r.source_end]))
                .collect::<Vec<_>>(),
            [
                ("It was Daesh, he said.", "It was Daesh, he said."),
                ("We know", "We know"),
                ("Daesh’s", "Daesh&rsquo;s"),
                ("movements.", "movements."),
            ]
        );
    }

    #[test]
    fn a_teaser_repeating_words_does_not_capture_the_body() {
        let page = "<a>Rockets hit</a><p>Rockets hit the base on Friday.</p>";
        let runs = source_map("Rockets hit the base on Friday.\n", page);
        assert_eq!(runs.len(), 1);
        assert_eq!(
            &page[runs[0].source_start..runs[0].source_end],
            "Rockets hit the base on Friday."
        );
    }
}

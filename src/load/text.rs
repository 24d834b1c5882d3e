//! Plain-text headers and boilerplate: a "By …" line, a date line, a wire dateline with its
//! agency credit ("KIRKUK, Iraq (AP) — "), and lines matched by `--ignore`. What is recognised
//! is recorded in [`Meta`](super::Meta) and overwritten in the analysed text with spaces of the
//! same byte length, so offsets keep pointing at the input's bytes.

use std::sync::LazyLock;

use regex::Regex;

use super::Article;
use super::meta::normalize_date;

/// How many non-blank lines at the top may hold a byline or a date.
const HEADER_LINES: usize = 6;

/// "By Jane Smith", "By JANE SMITH and Bob Jones", "By Jane Smith, Reuters".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*(?:[ ,]+(?:and\s+|&\s+)?\p{Lu}[\p{L}.'’-]*){0,7})\s*$",
    )
    .expect("byline pattern")
});

/// "Published: 10 January 2020", "Updated Jan. 10, 2020 4:05 p.m. ET", "2020-01-10".
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:published|posted|updated|first published|date)\s*(?:on|:)?\s*)?(.{6,60})$")
        .expect("date-line pattern")
});

/// The agencies whose credit in a dateline is recognised.
const AGENCIES: &str = "AP|Reuters|AFP|UPI|PA|dpa|DPA|Bloomberg|Xinhua|IANS|PTI|ANI|CNN|TASS|Kyodo|Yonhap|ANSA|EFE|CP|AAP";

/// A dateline opening the first paragraph: a place in capitals, perhaps a region and a date,
/// perhaps an agency in brackets, then a dash: "KIRKUK, Iraq (AP) — ", "WASHINGTON, Jan 10
/// (Reuters) - ", "LONDON (AFP) -", "BAGHDAD — ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(\p{{Lu}}[\p{{Lu}}'.]+(?:[ -]\p{{Lu}}[\p{{Lu}}'.]+){{0,3}}(?:,\s*[\p{{Lu}}\d][\p{{L}}\d. ]{{1,30}}?)?)\s*(?:\((?:{AGENCIES})\)\s*)?[-–—]{{1,2}}\s+"
    ))
    .expect("dateline pattern")
});

static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\(({AGENCIES})\)\s*[-–—]{{1,2}}\s+$")).expect("agency pattern")
});

/// Words in capitals that open a story before a dash without being its dateline.
const NOT_PLACES: &[&str] = &[
    "EXCLUSIVE",
    "BREAKING",
    "BREAKING NEWS",
    "UPDATE",
    "UPDATED",
    "WATCH",
    "OPINION",
    "ANALYSIS",
    "EDITORIAL",
    "LIVE",
    "VIDEO",
    "PHOTOS",
    "REVIEW",
    "INTERVIEW",
    "COMMENTARY",
    "FACT CHECK",
    "EXPLAINER",
    "DEVELOPING",
    "NEW",
    "URGENT",
    "FLASH",
    "CORRECTION",
    "NOTE",
    "NEWS",
    "REPORT",
    "SPECIAL REPORT",
];

/// Reads byline, date and dateline from the top of the analysed text, records them in the
/// article's metadata (keeping what the page's own metadata said) and blanks them.
pub(super) fn read_header(article: &mut Article) {
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let text = &article.text;
    let meta = &mut article.meta;
    let mut seen = 0;
    let mut first_body_line: Option<(usize, usize)> = None;
    for (start, line) in lines(text) {
        let content = line.trim();
        if content.is_empty() {
            continue;
        }
        seen += 1;
        if seen > HEADER_LINES {
            break;
        }
        let lead = line.len() - line.trim_start().len();
        let (s, e) = (start + lead, start + lead + content.len());
        if let Some(c) = BYLINE.captures(content) {
            if meta.byline.is_none() {
                meta.byline = Some(c[1].trim_end_matches(',').trim().to_string());
            }
            blank.push((s, e));
            continue;
        }
        if let Some(c) = DATE_LINE.captures(content)
            && !content.ends_with(['.', '?', '!', '"', '”'])
            && let Some(date) = normalize_date(&c[1])
            && c[1].split_whitespace().count() <= 8
        {
            if meta.date.is_none() {
                meta.date = Some(date);
            }
            blank.push((s, e));
            continue;
        }
        if content.len() >= 40 || content.ends_with(['.', '?', '!', '"', '”']) {
            first_body_line = Some((s, e));
            break;
        }
    }
    if let Some((s, e)) = first_body_line
        && let Some(m) = DATELINE.find(&text[s..e])
    {
        let credit = m.as_str();
        let place = DATELINE
            .captures(credit)
            .map(|c| c[1].trim().to_string())
            .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 3);
        let agency = AGENCY.captures(credit).map(|c| c[1].to_string());
        // A dash alone after capitals is a dateline only when a place is credited; and a
        // sentence must follow it.
        // Capitals before a dash that are a label, not a place ("EXCLUSIVE — ").
        let place = place.filter(|p| {
            agency.is_some()
                || !NOT_PLACES
                    .iter()
                    .any(|w| p.trim_end_matches(':').eq_ignore_ascii_case(w))
        });
        let next = text[s + m.end()..e].chars().next();
        if let Some(place) = place
            && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘'".contains(c))
        {
            meta.dateline.get_or_insert(place);
            if let Some(a) = agency {
                meta.agency.get_or_insert(a);
            }
            blank.push((s, s + m.end()));
        }
    }
    for (s, e) in blank {
        blank_out(&mut article.text, s, e);
    }
}

/// Overwrites the lines of `text` matched by any of `patterns` with spaces.
pub(super) fn drop_lines(text: &mut String, patterns: &[Regex]) {
    if patterns.is_empty() {
        return;
    }
    let matched: Vec<(usize, usize)> = lines(text)
        .filter(|(_, line)| patterns.iter().any(|p| p.is_match(line)))
        .map(|(start, line)| (start, start + line.len()))
        .collect();
    for (s, e) in matched {
        blank_out(text, s, e);
    }
}

/// The lines of `text` with their start offsets, without line terminators.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(move |chunk| {
            let start = pos;
            pos += chunk.len();
            let line = chunk.trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}']);
            (start, line)
        })
}

/// Replaces `text[start..end]` with as many spaces as it has bytes.
fn blank_out(text: &mut String, start: usize, end: usize) {
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return;
    }
    text.replace_range(start..end, &" ".repeat(end - start));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Article {
        let mut a = Article::from_text("t", text);
        read_header(&mut a);
        assert_eq!(a.text.len(), text.len(), "blanking keeps every offset");
        a
    }

    #[test]
    fn byline_and_date_lines_are_metadata() {
        let a = header(
            "Iraq doubts rocket account\n\nBy Jane Smith and Bob Jones\nJanuary 10, 2020\n\nIraqi officials said on Friday that the rockets came from elsewhere.\n",
        );
        assert_eq!(a.meta.byline.as_deref(), Some("Jane Smith and Bob Jones"));
        assert_eq!(a.meta.date.as_deref(), Some("2020-01-10"));
        assert!(!a.text.contains("Jane"));
        assert!(!a.text.contains("January 10"));
        assert!(a.text.contains("Iraq doubts rocket account"));
        assert!(a.text.contains("Iraqi officials said"));
    }

    #[test]
    fn wire_datelines_and_agency_credits() {
        let cases = [
            (
                "KIRKUK, Iraq (AP) — Rockets hit the base on Friday.",
                "KIRKUK, Iraq",
                Some("AP"),
            ),
            (
                "WASHINGTON, Jan 10 (Reuters) - The Pentagon said on Friday it had no doubt.",
                "WASHINGTON, Jan 10",
                Some("Reuters"),
            ),
            ("LONDON (AFP) -- Markets fell.", "LONDON", Some("AFP")),
            (
                "BAGHDAD — Iraqi officials said on Friday it was Daesh.",
                "BAGHDAD",
                None,
            ),
        ];
        for (text, place, agency) in cases {
            let a = header(text);
            assert_eq!(a.meta.dateline.as_deref(), Some(place), "{text}");
            assert_eq!(a.meta.agency.as_deref(), agency, "{text}");
            let body = a.text.trim_start();
            assert!(body.starts_with(|c: char| c.is_uppercase()), "{body}");
            assert!(!body.contains('('), "{body}");
        }
    }

    #[test]
    fn ordinary_openings_are_left_alone() {
        for text in [
            "The U.S. responded — days later — with airstrikes.",
            "NATO - the alliance - met on Monday.",
            "In a “bombshell” revelation, officials spoke (AP) — or so it seemed.",
            "By the end of the day, the markets had fallen.",
            "EXCLUSIVE — Roger Stone: Don’t Trust the Voting Machines.",
            "BREAKING NEWS - Markets fell sharply on Monday.",
            "January was the coldest month on record.",
        ] {
            let a = header(text);
            assert_eq!(a.text, text);
            assert_eq!(a.meta.dateline, None, "{text}");
            assert_eq!(a.meta.byline, None, "{text}");
            assert_eq!(a.meta.date, None, "{text}");
        }
    }

    #[test]
    fn ignored_lines_become_blank_lines_of_the_same_length() {
        let mut text = "Editor's note: this story was updated.\nIt rained.\r\nSign up for our newsletter!\nEnd.".to_string();
        let patterns = [
            Regex::new("^Editor's note:").unwrap(),
            Regex::new("(?i)newsletter").unwrap(),
        ];
        let before = text.len();
        drop_lines(&mut text, &patterns);
        assert_eq!(text.len(), before);
        assert_eq!(
            text,
            format!("{}\nIt rained.\r\n{}\nEnd.", " ".repeat(38), " ".repeat(27))
        );
    }
}

//! Plain-text headers and boilerplate: a "By …" line, a date line, a wire dateline with its
//! agency credit ("KIRKUK, Iraq (AP) — "), markup tags left in plain text, a site's standing
//! lines ("Follow … on Twitter @…"), and lines matched by `--ignore`. The header is recorded in
//! [`Meta`](super::Meta); all of these are overwritten in the analysed text with spaces of the
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

/// An element's tag left in plain text: `<tweet id="…" author="…">`, `</tweet>`, `<a href=”…”
/// target=”_blank”>`, `<tweet tweet-id="…"><tweet/>` (PolNeAR's embedded tweets and links). A
/// name right after `<` (lowercase, or all capitals: `<tweet`, `<P>`), then attributes with a
/// value quoted straight, curly or not at all; nothing else (`a < b`, `<john@example.com>` and
/// `<<Clinton>>` are left alone).
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"</?(?:[a-z][a-zA-Z0-9:-]*|[A-Z][A-Z0-9]*)(?:[ \t]+[A-Za-z_:][A-Za-z0-9_:.-]*(?:[ \t]*=[ \t]*(?:"[^"<>\n]*"|'[^'<>\n]*'|[“”][^“”<>\n]*[“”]|[^\s"'<>]+))?)*[ \t]*/?>"#,
    )
    .expect("tag pattern")
});

/// Overwrites the markup tags left in plain text with spaces: what they wrap stays (a tweet's
/// words are the tweet), the tags are no words of the article.
pub(super) fn blank_tags(text: &mut String) {
    if !text.contains('<') {
        return;
    }
    let found: Vec<(usize, usize)> = TAG.find_iter(text).map(|m| (m.start(), m.end())).collect();
    for (s, e) in found {
        blank_out(text, s, e);
    }
}

/// A site's standing lines, none of them reporting: an invitation to follow a writer or like a
/// page, a note that the story was updated, a reporter's credit, a pointer to the rest of the
/// story, a newsletter sign-up, a video player's error, a transcript's header. Each must be a
/// whole line (after trimming) for it to count. Seen in PolNeAR (Breitbart "Follow Pam Key on
/// Twitter @pamkeyNEN.", Western Journalism "Do you support Donald Trump? Like the page:",
/// Washington Post "Costa reported from Washington.", HuffPost "This article has been updated
/// to include comments from DNC delegates.").
/// Each pattern is compiled the first time a line holds one of its words (compiling all of
/// them costs more than reading an article, and most articles have none).
static STANDING_LINES: [(&[&str], LazyLock<Regex>); 11] = [
    // Follow Jeff Poor on Twitter @jeff_poor. / Follow him on Facebook.
    (
        &["Follow "],
        LazyLock::new(|| {
            standing(
                r"^Follow (?:(?:him|her|them|us|me)|(?:\p{Lu}[\p{L}.'’-]*\s+)+)\s*on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky)(?:\s+(?:at\s+)?@\w+)?\s*[.!]?$",
            )
        }),
    ),
    // Do you support Donald Trump? Like the page: / Do you support Dr. Ben Carson? Like the
    // page: (the question may hold an abbreviation's period).
    (
        &[" page"],
        LazyLock::new(|| {
            standing(
                r"^(?:(?:[^.!?\n]|\b(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|St|Jr|Sr)\.)+\?\s+)?Like (?:the|this|our) page\s*[:.!]?$",
            )
        }),
    ),
    // This article has been updated to include comments from DNC delegates.
    (
        &[" updated"],
        LazyLock::new(|| {
            standing(
                r"^(?:This (?:story|article|post|report|piece)|The (?:story|article|post)) (?:has been|was|had been|has also been) updated\b.*$",
            )
        }),
    ),
    // Costa reported from Washington. / Alex Isenstadt contributed to this story.
    (
        &[" reported from ", " contributed "],
        LazyLock::new(|| {
            standing(
                r"^\p{Lu}[\p{L}.'’-]*(?:(?:,|,? and|\s)\s*\p{Lu}[\p{L}.'’-]*)* (?:reported from \p{Lu}[\p{L}.'’-]*(?:[ -]\p{Lu}[\p{L}.'’-]*)*(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)*)?|contributed(?: reporting)?(?: from \p{Lu}[\p{L}.'’-]*(?:[ -]\p{Lu}[\p{L}.'’-]*)*(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)*)?)? to this (?:report|story|article))\.?$",
            )
        }),
    ),
    // Read the rest of the story at Mediaite.
    (
        &[" the rest of ", " the full "],
        LazyLock::new(|| {
            standing(
                r"^(?:Read|See|Watch) (?:the rest of (?:the|this) (?:story|article|interview)|the full (?:story|article|interview|transcript)) (?:at|on|in) \p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*)*\s*\.?$",
            )
        }),
    ),
    // Sign up to get an email from reporter Ryan Grim when he publishes a new story.
    (
        &["ign up ", "ign Up ", "IGN UP "],
        LazyLock::new(|| standing(r"^(?i:sign up) (?:for|to)\b.*$")),
    ),
    // We Are Sorry,This video is restricted from playing in your locationEcode: 17.
    (
        &["orry,", "ORRY,"],
        LazyLock::new(|| standing(r"^(?i:we(?:'re|’re| are) sorry,\s*this video)\b.*$")),
    ),
    // Questions and answers have been edited for length and clarity.
    (
        &[" been edited", " been lightly", " been condensed"],
        LazyLock::new(|| {
            standing(
                r"^(?:(?:This|The) (?:interview|conversation|transcript|Q&A)|Questions and answers) (?:has|have) been (?:lightly )?(?:edited|condensed)\b.*$",
            )
        }),
    ),
    // Partial transcript as follows:
    (
        &["ranscript "],
        LazyLock::new(|| standing(r"^(?:Partial )?[Tt]ranscript (?:as follows|below)\s*:?$")),
    ),
    // A news database's section markers around an article (ABSTRACT. / FULL TEXT. /
    // CORRECTION APPENDED., 99 New York Times articles of PolNeAR) and a site's "BEFORE YOU GO"
    // box: headings of the export, not sentences of the article.
    (
        &[
            "ABSTRACT",
            "FULL TEXT",
            "CORRECTION APPENDED",
            "BEFORE YOU GO",
        ],
        LazyLock::new(|| {
            standing(r"^(?:ABSTRACT|FULL TEXT|CORRECTION APPENDED|BEFORE YOU GO)\s*[.:]?$")
        }),
    ),
    // View full results: http://politi.co/1oGcEFv.
    (
        &["ull results"],
        LazyLock::new(|| standing(r"^(?:View|See) (?:the )?full results\s*:?\s*https?://\S+$")),
    ),
];

fn standing(pattern: &str) -> Regex {
    Regex::new(pattern).expect("standing-line pattern")
}

/// Whether a line is one of [`STANDING_LINES`].
fn is_standing(line: &str) -> bool {
    STANDING_LINES
        .iter()
        .any(|(words, pattern)| words.iter().any(|w| line.contains(w)) && pattern.is_match(line))
}

/// Longest standing line read, in bytes: an editor's note of two sentences is under 250.
const STANDING_MAX: usize = 300;

/// Overwrites a site's standing lines ([`STANDING_LINES`]) with spaces. A standing line opens a
/// paragraph: the line before is blank or ends a sentence (or is no words, "—"). A line of
/// hard-wrapped text that runs on from the one before ("… rushed to / sign up for coverage")
/// is no standing line.
pub(super) fn blank_standing_lines(text: &mut String) {
    let all: Vec<(usize, &str)> = lines(text).collect();
    let opens = |k: usize| {
        k.checked_sub(1)
            .and_then(|p| all.get(p))
            .is_none_or(|(_, l)| {
                let l = l.trim_end();
                l.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')'])
                    || !l.chars().any(char::is_alphanumeric)
            })
    };
    let matched: Vec<(usize, usize)> = all
        .iter()
        .enumerate()
        .filter_map(|(k, &(start, line))| {
            let trimmed = line.trim();
            if trimmed.is_empty()
                || trimmed.len() > STANDING_MAX
                || !opens(k)
                || !is_standing(trimmed)
            {
                return None;
            }
            let lead = line.len() - line.trim_start().len();
            Some((start + lead, start + lead + trimmed.len()))
        })
        .collect();
    for (s, e) in matched {
        blank_out(text, s, e);
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

    /// The tags PolNeAR leaves in its plain text (West Journal, Breitbart and HuffPost pages of
    /// 2015-16): blanked, byte for byte, with what they wrap kept.
    #[test]
    fn markup_tags_in_plain_text_are_blanked() {
        let cases = [
            (
                "Katrina Pierson joined the campaign.\n\n<tweet tweet-id=\"661196115484643328\"><tweet/>.\n",
                "Katrina Pierson joined the campaign.\n\n .\n",
            ),
            (
                "<tweet id=\"672138489358585856\" author=\"@th3j35t3r\" datetime=\"2015-12-02\">#UPDATE FAROOK</tweet>.",
                "#UPDATE FAROOK .",
            ),
            (
                "[<a href=”https://storify.com/case_face/a-trump-rally” target=”_blank”>A Trump Rally in Greensboro</a>.]",
                "[ A Trump Rally in Greensboro .]",
            ),
        ];
        for (input, words) in cases {
            let mut text = input.to_string();
            blank_tags(&mut text);
            assert_eq!(text.len(), input.len(), "{input}");
            assert_eq!(
                text.split_whitespace().collect::<Vec<_>>(),
                words.split_whitespace().collect::<Vec<_>>(),
                "{input}"
            );
        }
        for prose in [
            "Support fell to < 40 percent, and 3<4 in every poll.",
            "Write to <john@example.com> or call.",
            "The <<Clinton>> brand, as one aide put it.",
            "Trump <3 Hillary, the sign read.",
            // A tag never runs across a line.
            "Support x<y and\n\nthe market fell\n\nsharply y>z, the note said.",
        ] {
            let mut text = prose.to_string();
            blank_tags(&mut text);
            assert_eq!(text, prose);
        }
    }

    /// Standing lines seen in PolNeAR (Breitbart, Western Journalism, HuffPost, the Washington
    /// Post, Politico, USA Today) are blanked; sentences of reporting that open alike are not.
    #[test]
    fn standing_lines_are_blanked_and_reporting_is_not() {
        for line in [
            "Follow Pam Key on Twitter @pamkeyNEN.",
            "Follow Jeff Poor on Twitter @jeff_poor.",
            "Do you support Donald Trump? Like the page:",
            "Are you on Team Trump? Like the page:",
            "Do you support Dr. Ben Carson? Like the page:",
            "This article has been updated to include comments from DNC delegates.",
            "This post has been updated with comments from Trump’s campaign.",
            "Costa reported from Washington.",
            "Alex Isenstadt contributed to this story.",
            "Read the rest of the story at The New York Post.",
            "Sign up to get an email from reporter Ryan Grim when he publishes a new story.",
            "We Are Sorry,This video is restricted from playing in your locationEcode: 17.",
            "Questions and answers have been edited for length and clarity.",
            "Partial transcript as follows:",
            "Sign Up for our newsletter to get local news every morning.",
            "WE ARE SORRY, THIS VIDEO IS RESTRICTED FROM PLAYING IN YOUR LOCATION.",
            "ABSTRACT.",
            "FULL TEXT.",
            "CORRECTION APPENDED.",
            "BEFORE YOU GO",
            "View full results: http://politi.co/1oGcEFv.",
        ] {
            let mut text = format!("Clinton won Iowa.\n\n{line}\n\nSanders conceded.\n");
            blank_standing_lines(&mut text);
            assert_eq!(
                text,
                format!(
                    "Clinton won Iowa.\n\n{}\n\nSanders conceded.\n",
                    " ".repeat(line.len())
                ),
                "{line}"
            );
        }
        for line in [
            "Follow the money, Sanders told the crowd on Twitter.",
            "Trump said he would follow Cruz on Twitter if he won.",
            "Voters like the page-turner, the poll found.",
            "Trump spoke for an hour. Like the page, he said, if you agree.",
            // Sentences of reporting before the question stay (the review of the eighth session).
            "Trump won Indiana on Tuesday by 17 points. Ted Cruz dropped out of the race hours later. Do you support Donald Trump? Like the page:",
            "The story has been told many times on the trail.",
            "The interview was broadcast on Sunday.",
            "The senator reported from Washington that the vote had failed, his office said.",
            "Clinton, who reported from Haiti as first lady, spoke first.",
            "Read the rest of the story at The New York Post, Trump told supporters, because it is true.\nAnd more.",
            "He said: “Follow Jeff Poor on Twitter @jeff_poor.”",
            // Hard-wrapped text: a line that runs on from the one before is no standing line.
            "Thousands of people rushed to\nsign up for coverage before the deadline, officials said.",
            "The report was updated in March to add 40,000 more voters.",
            "ABSTRACT ART sells well, dealers said.",
            "Full text of the speech follows.",
            "View full results of the poll at the end of this article.",
        ] {
            let mut text = line.to_string();
            blank_standing_lines(&mut text);
            assert_eq!(text, line);
        }
    }
}

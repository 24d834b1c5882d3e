//! Markdown: the text without its markup, by `pulldown-cmark`. Link text is kept and link
//! targets dropped; images, raw HTML and footnote marks are dropped; every block ends a
//! paragraph (a blank line), a soft line break stays a line break. The first level-one heading
//! before any paragraph is the title (kept out of the text), and YAML front matter gives
//! title, author, outlet and date.

use std::sync::LazyLock;

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::MapRun;
use super::meta::{Meta, normalize_date};

/// The text of a Markdown document, its map back to the source, and what its front matter and
/// title said.
pub(super) fn extract(input: &str) -> (String, Vec<MapRun>, Meta) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut text = String::with_capacity(input.len());
    let mut map = Vec::new();
    let mut meta = Meta::default();
    let mut image_depth = 0usize;
    let mut in_front_matter = false;
    // The title heading: being read (its text collects here), or done.
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut seen_block = false;
    for (event, range) in Parser::new_ext(input, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                in_front_matter = true;
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Start(Tag::Heading { level, .. })
                if level == pulldown_cmark::HeadingLevel::H1 && !seen_block && title.is_none() =>
            {
                in_title = true;
                title = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) if in_title => {
                in_title = false;
                seen_block = true;
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            // A block opening inside another (a nested list item, a quote in an item) starts a
            // paragraph of its own.
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Table(_),
            ) if !in_title => end_paragraph(&mut text),
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) if in_front_matter => front_matter(&t, &mut meta),
            Event::Text(t) | Event::Code(t) if in_title => {
                if let Some(title) = title.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::Text(t) | Event::Code(t) if image_depth == 0 => {
                let at = text.len();
                text.push_str(&t);
                // The run covers the words (not the white space around them); where the
                // source holds them as written, exactly their bytes there.
                let trimmed = t.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let start = at + (t.len() - t.trim_start().len());
                let source = input.get(range.clone()).unwrap_or("");
                let (source_start, source_end) = match source.find(trimmed) {
                    Some(k) => (range.start + k, range.start + k + trimmed.len()),
                    None => (range.start, range.end),
                };
                map.push(MapRun {
                    start,
                    end: start + trimmed.len(),
                    source_start,
                    source_end,
                });
            }
            Event::SoftBreak | Event::HardBreak if image_depth == 0 && !in_title => {
                text.push('\n');
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition,
            ) => {
                seen_block = true;
                end_paragraph(&mut text);
            }
            Event::End(TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    if let Some(t) = title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
    {
        meta.title.get_or_insert(t);
    }
    (text, map, meta)
}

fn end_paragraph(text: &mut String) {
    let trimmed = text.trim_end_matches([' ', '\t']).len();
    text.truncate(trimmed);
    if text.is_empty() || text.ends_with("\n\n") {
        return;
    }
    text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
}

/// `title:`, `author:`, `date:`, `publisher:`/`outlet:`/`source:` lines of YAML front matter.
fn front_matter(block: &str, meta: &mut Meta) {
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let value = value.to_string();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = Some(value),
            "author" | "byline" | "authors" => meta.byline = Some(value),
            "publisher" | "outlet" | "source" | "site_name" => meta.outlet = Some(value),
            "date" | "published" | "datepublished" => meta.date = normalize_date(&value),
            _ => {}
        }
    }
}

static SIGNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^#{1,6}[ \t]+\S|\[[^\]\n]+\]\((?:https?://|/|#|mailto:)[^)\s]*\)|^\[[^\]\n]+\]:[ \t]*https?://|^---[ \t]*\n(?:title|author|date):",
    )
    .expect("markdown signs")
});

/// Whether text reads as Markdown: a heading line (`# …`), an inline link `[text](url)`, a
/// link reference `[x]: https://…` or YAML front matter. Plain news text has none of these.
pub(super) fn looks_like_markdown(head: &[u8]) -> bool {
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
    };
    SIGNS.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_text_stays_targets_and_markup_go() {
        let md = "---\ntitle: Rockets\nauthor: Jane Smith\ndate: 2020-01-10\n---\n\n# Iraq doubts the account\n\nOfficials told the [New York Times](https://nytimes.com/x \"t\") it was *likely* **ISIS**.\nThey spoke on Friday.\n\n![a photo](p.jpg)\n\n- One item.\n- Two `items`.\n\n> A quote, quoted.\n";
        let (text, map, meta) = extract(md);
        assert_eq!(
            text,
            "Officials told the New York Times it was likely ISIS.\nThey spoke on Friday.\n\nOne item.\n\nTwo items.\n\nA quote, quoted.\n\n"
        );
        assert_eq!(meta.title.as_deref(), Some("Rockets"));
        assert_eq!(meta.byline.as_deref(), Some("Jane Smith"));
        assert_eq!(meta.date.as_deref(), Some("2020-01-10"));
        for run in &map {
            let (t, s) = (
                &text[run.start..run.end],
                &md[run.source_start..run.source_end],
            );
            assert!(s.contains(t), "{t:?} comes from {s:?}");
        }
        assert!(!text.contains("nytimes"));
    }

    #[test]
    fn nested_items_are_paragraphs_of_their_own() {
        let (text, _, _) = extract("- One item.\n  - A nested item.\n    - Deeper.\n- Two.\n");
        assert_eq!(text, "One item.\n\nA nested item.\n\nDeeper.\n\nTwo.\n\n");
    }

    #[test]
    fn the_first_heading_is_the_title() {
        let (text, _, meta) = extract("# Iraq doubts\n\nIt was Daesh.\n\n## More\n\nText.\n");
        assert_eq!(meta.title.as_deref(), Some("Iraq doubts"));
        assert_eq!(text, "It was Daesh.\n\nMore\n\nText.\n\n");
    }
}

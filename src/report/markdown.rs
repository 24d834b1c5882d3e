//! `compare --format markdown`: the report for pasting into an editorial ticket or a CMS. A
//! summary (articles, shared text per pair, counts by kind), the quotes more than one article
//! carries (a table: status, the words with the diff of an altered one, where and credited to
//! whom), then the shared pairs by kind:
//! verbatim sentences once, edited pairs as one line with the left article's words
//! ~~struck~~ and the right article's in **bold**, framing pairs side by side with the words
//! each uses that the other does not in **bold**; claim-drift flags under their pair; then the
//! assertions only one article makes. `--only` picks sections, as in the terminal report.
//!
//! Article text is folded to one line and every character Markdown could read as markup
//! (`*`, `_`, `|`, `[`, `<`, `` ` ``, `~`, `$`, `&`, `\`) is backslash-escaped, so a sentence
//! can neither format itself, inject HTML, nor break a table. Where GitHub-flavoured Markdown
//! would not see `**`/`~~` as emphasis (a marked run starting with a quote mark right after a
//! letter, say), the run is wrapped in `<b>`/`<del>` instead.

use std::borrow::Cow;
use std::io::{self, Write};

use super::names::{file_name, occurrence_label, status_meaning};
use super::{
    Change, Marked, QuotedSentences, changes, copies_text, diff_pieces, doc_label, drift_text,
    drift_where, drift_words, first_note, group_drift_text, group_runs, group_view, grouped,
    kind_words, own_words, pair_label, per_article, places_count, quote_places, quote_where,
    run_label, score_text, sentence_label, sentences_label, shared_terms_text, status_rank,
    status_slug,
};
use crate::align::EditOp;
use crate::classify::quote::{QuoteMatch, QuoteStatus};
use crate::classify::{Analysis, Finding, FindingKind};
use crate::options::{RenderOptions, Section};

/// Writes the Markdown report.
pub fn write(analysis: &Analysis, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut md = String::new();
    summary(analysis, &mut md);
    if options.only.is_empty() {
        what_changed(analysis, &mut md);
    }
    if options.shows(Section::Quotes) {
        quotes(analysis, &mut md);
    }
    for (section, kind) in super::PAIR_SECTIONS {
        if options.shows(section) {
            findings(analysis, kind, &mut md);
        }
    }
    if options.shows(Section::Unique) {
        unique(analysis, &mut md);
    }
    // Control characters from the articles are shown, never passed on (`report::safe`).
    out.write_all(super::safe::visible(&md).as_bytes())
}

fn summary(a: &Analysis, md: &mut String) {
    let n = a.documents.len();
    md.push_str(&format!("# sourcediff: {n} articles compared\n\n"));
    // Outlets and dates get a column when any article has one.
    let origins: Vec<Option<String>> = a
        .documents
        .iter()
        .map(|d| d.article.meta.summary())
        .collect();
    let with_origin = origins.iter().any(Option::is_some);
    if with_origin {
        md.push_str("| | Article | Outlet, date | Path | Sentences | Words | Only here |\n");
        md.push_str("| --- | --- | --- | --- | ---: | ---: | ---: |\n");
    } else {
        md.push_str("| | Article | Path | Sentences | Words | Only here |\n");
        md.push_str("| --- | --- | --- | ---: | ---: | ---: |\n");
    }
    for (i, d) in a.documents.iter().enumerate() {
        let words: usize = (0..d.sentences.len()).map(|s| d.word_count(s)).sum();
        let unique = a.unique.iter().filter(|u| u.doc == i).count();
        let path = d
            .article
            .path
            .as_ref()
            .map_or_else(|| "—".to_string(), |p| code_span(&p.display().to_string()));
        let origin = if with_origin {
            let o = origins[i]
                .as_deref()
                .map_or_else(|| "—".to_string(), escape);
            format!(" {o} |")
        } else {
            String::new()
        };
        md.push_str(&format!(
            "| **{}** | {} |{origin} {path} | {} | {words} | {unique} |\n",
            doc_label(i),
            escape(file_name(&d.article.name)),
            d.sentences.len(),
        ));
    }
    md.push_str("\n## Shared text\n\n");
    md.push_str("Words of each article reused, verbatim or lightly edited, in the other.\n\n");
    md.push_str(
        "| Pair | Left reuses | Right reuses | Verbatim | Edited | Framing | Claim drift |\n",
    );
    md.push_str("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
    for i in 0..n {
        for j in i + 1..n {
            let share = |d: usize, o: usize| {
                a.coverage_of(d, o).map_or_else(String::new, |c| {
                    format!(
                        "{}: {:.1}% ({} of {} words)",
                        doc_label(d),
                        c.shared * 100.0,
                        c.shared_words,
                        c.words
                    )
                })
            };
            let between: Vec<&Finding> = a
                .findings
                .iter()
                .filter(|f| f.pair.left.doc == i && f.pair.right.doc == j)
                .collect();
            let count = |k: FindingKind| between.iter().filter(|f| f.kind == k).count();
            let drift: usize = between.iter().map(|f| f.drift.len()).sum();
            md.push_str(&format!(
                "| {} ↔ {} | {} | {} | {} | {} | {} | {drift} |\n",
                doc_label(i),
                doc_label(j),
                share(i, j),
                share(j, i),
                count(FindingKind::Verbatim),
                count(FindingKind::Edited),
                count(FindingKind::Framing),
            ));
        }
    }
    md.push_str(&format!(
        "\nSentences found in one article only: {}.",
        per_article(n, a.unique.iter().map(|u| u.doc))
    ));
    if !a.close_unpaired.is_empty() {
        md.push_str(&format!(
            " Not paired, but close to another article's sentence: {}.",
            per_article(n, a.close_unpaired.iter().map(|c| c.doc))
        ));
    }
    md.push_str("\n\n");
    md.push_str(
        "Key: A3 is article A, sentence 3; A3 = B5 are the same words, A3 ~ B5 an edited \
         sentence, A3 ≈ B5 the same fact in other words. In edited pairs, ~~struck~~ words are \
         the left article’s only and **bold** words the right article’s only; in framing pairs, \
         **bold** marks the words each side uses that the other does not. ⚑ flags claim \
         drift.\n",
    );
}

/// The quotes more than one article carries, as a table, disagreements first; then how many
/// each article quotes alone.
fn quotes(a: &Analysis, md: &mut String) {
    let list = &a.quotes;
    let mut shared: Vec<&QuoteMatch> = list
        .iter()
        .filter(|q| q.status != QuoteStatus::Unmatched)
        .collect();
    shared.sort_by_key(|q| status_rank(q.status));
    md.push_str(&format!(
        "\n## Quotes ({}) — quoted by more than one article\n\n",
        shared.len()
    ));
    if !shared.is_empty() {
        md.push_str("| Status | Quote | Where, and credited to |\n");
        md.push_str("| --- | --- | --- |\n");
    }
    for q in &shared {
        let words = if q.diffs.len() > 1 {
            // Several wordings: each against the first quoted occurrence, labelled.
            let at = |i: usize| {
                let o = &q.occurrences[i];
                occurrence_label(a, o.doc, o.start)
            };
            let lines: Vec<String> = q
                .diffs
                .iter()
                .map(|d| {
                    format!(
                        "{} → {}: {}",
                        at(d.occurrences[0]),
                        at(d.occurrences[1]),
                        diff_markdown(&d.diff)
                    )
                })
                .collect();
            lines.join("<br>")
        } else if matches!(q.status, QuoteStatus::Altered | QuoteStatus::Partial)
            && !q.diff.is_empty()
        {
            diff_markdown(&q.diff)
        } else {
            escape(&q.shown())
        };
        let places: Vec<String> = quote_places(q)
            .iter()
            .map(|p| {
                let o = &q.occurrences[p.first];
                format!(
                    "{} {}{}{}",
                    occurrence_label(a, o.doc, o.start),
                    p.speaker
                        .map_or_else(|| "(speaker not found)".to_string(), escape),
                    if p.quoted { "" } else { " (no quote marks)" },
                    places_count(p)
                )
            })
            .collect();
        md.push_str(&format!(
            "| **{}** | “{words}” | {}{} |\n",
            status_slug(q.status),
            places.join(" · "),
            first_note(a, q.occurrences.iter().map(|o| o.doc))
        ));
    }
    if !shared.is_empty() {
        md.push('\n');
        let mut statuses: Vec<QuoteStatus> = shared.iter().map(|q| q.status).collect();
        statuses.dedup();
        let meanings: Vec<String> = statuses
            .iter()
            .map(|&s| format!("{}: {}", status_slug(s), status_meaning(s)))
            .collect();
        md.push_str(&format!("{}.", meanings.join("; ")));
        if shared
            .iter()
            .any(|q| matches!(q.status, QuoteStatus::Altered | QuoteStatus::Partial))
        {
            md.push_str(
                " In altered and partial quotes, ~~struck~~ words are the first version’s only \
                 and **bold** words the other’s.",
            );
        }
        md.push('\n');
    }
    if let Some(terms) = shared_terms_text(a) {
        md.push_str(&format!(
            "\nTerms in quote marks in more than one article: {}.\n",
            escape(&terms)
        ));
    }
    let alone: Vec<String> = (0..a.documents.len())
        .map(|d| {
            let n = list
                .iter()
                .filter(|q| {
                    q.status == QuoteStatus::Unmatched
                        && q.occurrences.first().is_some_and(|o| o.doc == d)
                })
                .count();
            format!("{} {n}", doc_label(d))
        })
        .collect();
    md.push_str(&format!(
        "\nQuoted in one article only: {}.\n",
        alone.join(" · ")
    ));
}

/// What changed, before the lists: quotes the articles disagree on and claim-drift flags.
fn what_changed(a: &Analysis, md: &mut String) {
    let list = changes(a);
    md.push_str(&format!(
        "\n## What changed ({}) — claim drift, and quotes altered or credited to someone else\n\n",
        list.len()
    ));
    if list.is_empty() {
        md.push_str("Nothing: no claim drift, no altered or misattributed quote.\n");
    }
    for change in list {
        match change {
            Change::Quote(_, q) => md.push_str(&format!(
                "- ❝ **{}** {} “{}”\n",
                status_slug(q.status),
                quote_where(a, q),
                escape(&q.shown())
            )),
            Change::Drift(g, d) => md.push_str(&format!(
                "- ⚑ **{}** {} — {}\n",
                drift_words(d.kind).1,
                drift_where(a, g, d),
                escape(&group_drift_text(d))
            )),
        }
    }
}

fn findings(a: &Analysis, kind: FindingKind, md: &mut String) {
    let list: Vec<&Finding> = a.findings.iter().filter(|f| f.kind == kind).collect();
    let (name, what) = kind_words(kind);
    if grouped(a) {
        return groups(a, kind, md);
    }
    md.push_str(&format!("\n## {name} ({}) — {what}\n", list.len()));
    if kind == FindingKind::Verbatim {
        if !list.is_empty() {
            md.push('\n');
        }
        for f in list {
            let p = &f.pair;
            let text = a.documents[p.left.doc].sentence_text(p.left.sentences[0]);
            let copies = copies_text(f);
            md.push_str(&format!(
                "- **{} = {}**{} {}{}\n",
                sentences_label(p.left.doc, &p.left.sentences),
                sentences_label(p.right.doc, &p.right.sentences),
                {
                    let note = first_note(a, [p.left.doc, p.right.doc]);
                    if note.is_empty() {
                        note
                    } else {
                        format!("{note} —")
                    }
                },
                escape(text),
                if copies.is_empty() {
                    String::new()
                } else {
                    format!(" ({copies})")
                }
            ));
        }
        return;
    }
    for f in list {
        md.push_str(&format!(
            "\n### {} · {}{}\n\n",
            pair_label(f),
            score_text(f),
            first_note(a, [f.pair.left.doc, f.pair.right.doc])
        ));
        pair_text(a, f, md);
        for d in &f.drift {
            md.push_str(&format!(
                "\n⚑ **{}** — {}\n",
                drift_words(d.kind).1,
                escape(&drift_text(f, d))
            ));
        }
    }
}

/// A pair's text: an edited pair as one line of word diff, a framing pair side by side with
/// the words each has alone in bold (a verbatim pair: its sentence).
fn pair_text(a: &Analysis, f: &Finding, md: &mut String) {
    let p = &f.pair;
    let kind = f.kind;
    if kind == FindingKind::Verbatim {
        let text = a.documents[p.left.doc].sentence_text(p.left.sentences[0]);
        md.push_str(&format!("{}\n", line_start(&escape(text))));
        return;
    }
    let pieces = if kind == FindingKind::Edited {
        diff_pieces(a, f)
    } else {
        Vec::new()
    };
    if !pieces.is_empty() {
        let mut line = Vec::new();
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 && piece.space_before {
                line.push(Run::plain(" "));
            }
            match piece.op {
                EditOp::Equal => line.push(Run::plain(piece.left)),
                EditOp::Delete => line.push(Run::struck(piece.left)),
                EditOp::Insert => line.push(Run::bold(piece.right)),
                EditOp::Replace => {
                    line.push(Run::struck(piece.left));
                    line.push(Run::bold(piece.right));
                }
            }
        }
        md.push_str(&line_start(&render(&line)));
        md.push('\n');
    } else if kind == FindingKind::Edited {
        // No word diff (a side over the size limit): both sides in full.
        for side in [&p.left, &p.right] {
            let d = &a.documents[side.doc];
            let text: Vec<&str> = side.sentences.iter().map(|&s| d.sentence_text(s)).collect();
            md.push_str(&format!(
                "- **{}** {}\n",
                sentences_label(side.doc, &side.sentences),
                escape(&text.join(" "))
            ));
        }
    } else {
        let (left, right) = own_words(a, f);
        for (side, stretches) in [(&p.left, left), (&p.right, right)] {
            let line = join_bold(stretches.iter().map(Run::from).collect());
            md.push_str(&format!(
                "- **{}** {}\n",
                sentences_label(side.doc, &side.sentences),
                render(&line)
            ));
        }
    }
}

/// With more than two articles: each sentence several articles carry once, with every
/// article's sentences ("A4 = B9 ~ C4"): word for word, its text once; otherwise the pairs
/// that tie each version in, and each drift change once. Sentences reprinted in a row by the
/// same articles are one entry.
fn groups(a: &Analysis, kind: FindingKind, md: &mut String) {
    let (name, what) = kind_words(kind);
    let runs = group_runs(a, kind);
    let count: usize = runs.iter().map(Vec::len).sum();
    md.push_str(&format!(
        "\n## {name} ({count}) — {what}, by the articles that carry it\n"
    ));
    let note = |docs: Vec<usize>| {
        let note = first_note(a, docs);
        if note.is_empty() {
            note
        } else {
            format!("{note} —")
        }
    };
    let mut listed = false;
    for run in runs {
        let g = run[0];
        let docs: Vec<usize> = g.members.iter().map(|m| m.doc).collect();
        if g.kind == FindingKind::Verbatim {
            if !listed {
                md.push('\n');
                listed = true;
            }
            let first = &g.members[0];
            let text = a.documents[first.doc].sentence_text(first.sentences[0]);
            if run.len() > 1 {
                md.push_str(&format!(
                    "- **{}** ({} sentences in a row){} {} …\n",
                    run_label(&run),
                    run.len(),
                    note(docs),
                    escape(text)
                ));
            } else {
                let view = group_view(a, g);
                md.push_str(&format!(
                    "- **{}**{} {}\n",
                    view.label(a),
                    note(docs),
                    escape(text)
                ));
            }
            continue;
        }
        if let [k] = g.findings.as_slice() {
            let f = &a.findings[*k];
            md.push_str(&format!(
                "\n### {} · {}{}\n\n",
                pair_label(f),
                score_text(f),
                first_note(a, docs)
            ));
            pair_text(a, f, md);
        } else {
            let view = group_view(a, g);
            md.push_str(&format!(
                "\n### {} · {} articles{}\n",
                view.label(a),
                g.members.len(),
                first_note(a, docs)
            ));
            for (c, class) in view.classes.iter().enumerate() {
                if let [m, _, ..] = class.as_slice() {
                    let side = &g.members[*m];
                    let text = a.documents[side.doc].sentence_text(side.sentences[0]);
                    md.push_str(&format!("\n**{}** {}\n", view.class_label(c), escape(text)));
                }
            }
            for &k in &view.shown {
                let f = &a.findings[k];
                md.push_str(&format!("\n**{}** · {}\n\n", pair_label(f), score_text(f)));
                pair_text(a, f, md);
            }
        }
        for d in &g.drift {
            md.push_str(&format!(
                "\n⚑ **{}** — {}\n",
                drift_words(d.kind).1,
                escape(&group_drift_text(d))
            ));
        }
    }
}

fn unique(a: &Analysis, md: &mut String) {
    let (name, _) = kind_words(FindingKind::Unique);
    md.push_str(&format!(
        "\n## {name} ({}) — sentences no other article carries\n",
        a.unique.len()
    ));
    let quoted = QuotedSentences::new(a);
    for (doc, d) in a.documents.iter().enumerate() {
        let mine: Vec<_> = a.unique.iter().filter(|u| u.doc == doc).collect();
        md.push_str(&format!(
            "\n### {} · {} ({} of {} sentences)\n\n",
            doc_label(doc),
            escape(file_name(&d.article.name)),
            mine.len(),
            d.sentences.len()
        ));
        if mine.is_empty() {
            md.push_str("None.\n");
        }
        for u in mine {
            md.push_str(&format!(
                "- **{}** {}{}\n",
                sentence_label(u.doc, u.sentence),
                escape(d.sentence_text(u.sentence)),
                escape(&quoted.note(u.doc, u.sentence).unwrap_or_default())
            ));
        }
    }
    if a.close_unpaired.is_empty() {
        return;
    }
    md.push_str(&format!(
        "\n### Not counted as unique ({}) — close in content to another article's sentence: \
         read both before calling it told once\n\n",
        a.close_unpaired.len()
    ));
    for c in &a.close_unpaired {
        md.push_str(&format!(
            "- **{}** {} (close to **{}**)\n",
            sentence_label(c.doc, c.sentence),
            escape(a.documents[c.doc].sentence_text(c.sentence)),
            sentence_label(c.other_doc, c.other)
        ));
    }
}

/// How a run of text is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Plain,
    Bold,
    Struck,
}

/// A run of article text and its mark, as written (escaped only when rendered).
#[derive(Clone, Debug)]
struct Run<'a> {
    text: Cow<'a, str>,
    style: Style,
}

impl<'a> Run<'a> {
    fn plain(text: &'a str) -> Run<'a> {
        Run {
            text: Cow::Borrowed(text),
            style: Style::Plain,
        }
    }
    fn bold(text: &'a str) -> Run<'a> {
        Run {
            text: Cow::Borrowed(text),
            style: Style::Bold,
        }
    }
    fn struck(text: &'a str) -> Run<'a> {
        Run {
            text: Cow::Borrowed(text),
            style: Style::Struck,
        }
    }
}

impl<'a> From<&Marked<'a>> for Run<'a> {
    fn from(m: &Marked<'a>) -> Run<'a> {
        if m.own {
            Run::bold(m.text)
        } else {
            Run::plain(m.text)
        }
    }
}

/// Bold runs parted only by punctuation ("region" "-" "wide") become one bold run, which
/// reads better and keeps `**` off the punctuation.
fn join_bold(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        let n = out.len();
        let joins = run.style == Style::Bold
            && n >= 2
            && out[n - 2].style == Style::Bold
            && out[n - 1].style == Style::Plain
            && !out[n - 1].text.is_empty()
            && out[n - 1]
                .text
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_alphanumeric());
        if joins {
            let gap = out.pop().map(|r| r.text).unwrap_or_default();
            let first = out.pop().map(|r| r.text).unwrap_or_default();
            out.push(Run {
                text: Cow::Owned(format!("{first}{gap}{}", run.text)),
                style: Style::Bold,
            });
        } else {
            out.push(run);
        }
    }
    out
}

/// Characters Markdown (CommonMark with GitHub's tables, strikethrough and math) can read as
/// markup anywhere in a line.
const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '$', '&'];

/// Article text as one line of literal Markdown: white space folded (line ends included),
/// markup characters backslash-escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

/// A line that starts with article text, made to start as text: a leading `#` (heading), `-`,
/// `+` (list item), `=` (underline) or `1.`/`1)` (numbered item) is escaped.
fn line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let mut out = String::with_capacity(line.len() + 1);
    match trimmed.as_bytes().first() {
        Some(b'#' | b'-' | b'+' | b'=') => {
            out.push('\\');
            out.push_str(trimmed);
        }
        Some(b'0'..=b'9') if matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')')) => {
            out.push_str(&trimmed[..digits]);
            out.push('\\');
            out.push_str(&trimmed[digits..]);
        }
        _ => out.push_str(trimmed),
    }
    out
}

/// A code span for a path: a fence longer than any run of backticks inside, and `|` escaped
/// (GitHub splits table cells on it even inside code); white space, line ends included, is
/// folded so the path stays in its table row.
fn code_span(text: &str) -> String {
    let text = &text.split_whitespace().collect::<Vec<_>>().join(" ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", text.replace('|', "\\|"))
}

/// Punctuation as CommonMark's emphasis rules see it (non-ASCII symbols counted in, which only
/// ever makes a `**` fall back to `<b>`).
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// Whether a delimiter run between `before` and `after` (`None`: the line's edge) can open
/// (left-flanking) and close (right-flanking) emphasis.
fn can_open(before: Option<char>, after: char) -> bool {
    !after.is_whitespace()
        && (!is_punct(after) || before.is_none_or(|b| b.is_whitespace() || is_punct(b)))
}

fn can_close(before: char, after: Option<char>) -> bool {
    !before.is_whitespace()
        && (!is_punct(before) || after.is_none_or(|a| a.is_whitespace() || is_punct(a)))
}

/// Renders runs as one line: marked runs as `**…**`/`~~…~~` where Markdown will read them so,
/// else as `<b>…</b>`/`<del>…</del>`; white space at a marked run's edges stays outside it.
fn render(runs: &[Run]) -> String {
    let texts: Vec<String> = runs.iter().map(|r| escape(&r.text)).collect();
    let mut out = String::new();
    for (i, (run, text)) in runs.iter().zip(&texts).enumerate() {
        let core = text.trim();
        if run.style == Style::Plain || core.is_empty() {
            out.push_str(text);
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        out.push_str(lead);
        // What follows the closing delimiter: the next run's first character, or a delimiter
        // (punctuation) when the next run is marked too.
        let after = if !trail.is_empty() {
            Some(' ')
        } else {
            runs.get(i + 1).zip(texts.get(i + 1)).and_then(|(r, t)| {
                let c = t.chars().next()?;
                Some(if r.style != Style::Plain && !c.is_whitespace() {
                    '*'
                } else {
                    c
                })
            })
        };
        let before = out.chars().next_back();
        let (first, last) = (
            core.chars().next().unwrap_or(' '),
            core.chars().next_back().unwrap_or(' '),
        );
        let fits = can_open(before, first) && can_close(last, after);
        let (open, close) = match (run.style, fits) {
            (Style::Bold, true) => ("**", "**"),
            (Style::Bold, false) => ("<b>", "</b>"),
            (_, true) => ("~~", "~~"),
            (_, false) => ("<del>", "</del>"),
        };
        out.push_str(open);
        out.push_str(core);
        out.push_str(close);
        out.push_str(trail);
    }
    out
}

/// A quote's word diff in Markdown: the first version's words struck, the other's bold.
fn diff_markdown(diff: &[crate::classify::quote::DiffPiece]) -> String {
    let mut runs = Vec::new();
    for (k, p) in diff.iter().enumerate() {
        if k > 0 {
            runs.push(Run::plain(" "));
        }
        match p.op {
            EditOp::Equal => runs.push(Run::plain(&p.left)),
            EditOp::Delete => runs.push(Run::struck(&p.left)),
            EditOp::Insert => runs.push(Run::bold(&p.right)),
            EditOp::Replace => {
                runs.push(Run::struck(&p.left));
                runs.push(Run::plain(" "));
                runs.push(Run::bold(&p.right));
            }
        }
    }
    render(&runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_read_as_markup() {
        assert_eq!(
            escape("<script>a|b</script> *x* _y_ [z](u) $5 & `c` ~~d~~ \\"),
            "\\<script\\>a\\|b\\</script\\> \\*x\\* \\_y\\_ \\[z\\](u) \\$5 \\& \\`c\\` \\~\\~d\\~\\~ \\\\"
        );
        assert_eq!(escape("one\n  two\r\nthree "), "one two three ");
    }

    #[test]
    fn code_spans_outlast_backticks_and_escape_pipes() {
        assert_eq!(code_span("a/b.txt"), "`a/b.txt`");
        assert_eq!(code_span("a`b|c"), "``a`b\\|c``");
        assert_eq!(code_span("`a"), "`` `a ``");
        assert_eq!(code_span("a\nb|c.txt"), "`a b\\|c.txt`");
    }

    #[test]
    fn line_start_markup_is_escaped() {
        assert_eq!(line_start("# Breaking"), "\\# Breaking");
        assert_eq!(line_start("- a"), "\\- a");
        assert_eq!(line_start("+ b"), "\\+ b");
        assert_eq!(line_start("1) c"), "1\\) c");
        assert_eq!(line_start("12. d"), "12\\. d");
        assert_eq!(line_start(" === "), "\\=== ");
        assert_eq!(line_start("2016 was"), "2016 was");
        assert_eq!(line_start("Plain"), "Plain");
    }

    #[test]
    fn bold_runs_parted_by_punctuation_join() {
        let runs = vec![
            Run::plain("a "),
            Run::bold("region"),
            Run::plain("-"),
            Run::bold("wide conflict"),
            Run::plain(", "),
            Run::bold("Iraq"),
        ];
        assert_eq!(
            render(&join_bold(runs)),
            "a **region-wide conflict**, **Iraq**"
        );
    }

    /// "rockets… saying": an insertion that starts with punctuation right after a letter is
    /// not left-flanking, so `**` would print as two asterisks; it falls back to `<b>`.
    #[test]
    fn emphasis_falls_back_to_tags_where_delimiters_would_not_flank() {
        let runs = [
            Run::plain("the rockets"),
            Run::bold("… saying"),
            Run::plain("."),
        ];
        assert_eq!(render(&runs), "the rockets<b>… saying</b>.");
        let runs = [Run::plain("it was "), Run::bold("Daesh"), Run::plain(",")];
        assert_eq!(render(&runs), "it was **Daesh**,");
        let runs = [Run::struck("the"), Run::bold("a"), Run::plain(" base")];
        assert_eq!(render(&runs), "~~the~~**a** base");
        let runs = [Run::plain("said"), Run::struck(" “"), Run::plain("We")];
        assert_eq!(render(&runs), "said <del>“</del>We");
    }
}

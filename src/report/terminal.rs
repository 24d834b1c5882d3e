//! The terminal report: a summary first (articles, shared fraction per pair, counts by kind),
//! then aligned pairs by kind with inline word diffs and claim-drift flags, then the unique
//! assertions of each article. Removed and added words are marked by symbols (`[-…-]`,
//! `{+…+}`) as well as by color, so the report reads the same without color. Lines wrap to
//! `RenderOptions::width`.

use std::io::{self, Write};

use colored::Color;

use super::{
    Change, Marked, Piece, QuotedSentences, changes, copies_text, diff_pieces, doc_label,
    drift_text, drift_where, group_drift_text, group_runs, group_view, grouped, kind_words,
    own_words, pair_label, per_article, places_count, quote_places, quote_where, run_label,
    score_text, sentence_at, sentence_label, sentences_label, shared_terms_text, status_rank,
    status_slug,
};
use crate::align::EditOp;
use crate::classify::quote::{QuoteMatch, QuoteStatus};
use crate::classify::{Analysis, Finding, FindingKind};
use crate::options::{RenderOptions, Section};
use crate::report::segments::one_line;

/// Writes the terminal report.
pub fn write(analysis: &Analysis, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let p = Printer {
        analysis,
        color: options.color,
        width: options.width.max(40),
    };
    p.summary(out)?;
    if options.only.is_empty() {
        p.changes(out)?;
    }
    if options.shows(Section::Quotes) {
        p.quotes(out)?;
    }
    for (section, kind) in super::PAIR_SECTIONS {
        if options.shows(section) {
            p.findings(out, kind)?;
        }
    }
    if options.shows(Section::Unique) {
        p.unique(out)?;
    }
    Ok(())
}

struct Printer<'a> {
    analysis: &'a Analysis,
    color: bool,
    width: usize,
}

impl Printer<'_> {
    /// `s` in SGR `codes` when colors are on. The escape sequences are written here, from
    /// `colored`'s color codes, so colors follow `RenderOptions::color` whatever the output is
    /// (a terminal, a file, a `Vec`), with no process-wide switch.
    fn paint(&self, s: &str, bold: bool, color: Option<Color>) -> String {
        if !self.color {
            return s.to_string();
        }
        let mut codes: Vec<String> = Vec::new();
        if bold {
            codes.push("1".to_string());
        }
        if let Some(c) = color {
            codes.push(c.to_fg_str().into_owned());
        }
        format!("\u{1b}[{}m{s}\u{1b}[0m", codes.join(";"))
    }

    fn bold(&self, s: &str) -> String {
        self.paint(s, true, None)
    }

    fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\u{1b}[2m{s}\u{1b}[0m")
        } else {
            s.to_string()
        }
    }

    fn removed(&self, s: &str) -> String {
        self.paint(&format!("[-{s}-]"), false, Some(Color::Red))
    }

    fn added(&self, s: &str) -> String {
        self.paint(&format!("{{+{s}+}}"), false, Some(Color::Green))
    }

    fn flag(&self, s: &str) -> String {
        self.paint(s, false, Some(Color::Yellow))
    }

    fn wrap(&self, text: &str, first: &str, rest: &str) -> String {
        let opts = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .break_words(false)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        textwrap::fill(text, opts)
    }

    fn heading(
        &self,
        out: &mut dyn Write,
        title: &str,
        count: usize,
        what: &str,
    ) -> io::Result<()> {
        writeln!(out)?;
        writeln!(
            out,
            "{} ({count}) {}",
            self.bold(title),
            self.dim(&format!("— {what}"))
        )
    }

    /// "  · first: A" when the dates say which of `docs` was published first.
    fn first_note(&self, docs: impl IntoIterator<Item = usize>) -> String {
        self.analysis
            .first_of(docs)
            .map_or_else(String::new, |d| format!("  · first: {}", doc_label(d)))
    }

    fn summary(&self, out: &mut dyn Write) -> io::Result<()> {
        let a = self.analysis;
        writeln!(
            out,
            "{}",
            self.bold(&format!(
                "sourcediff: {} articles compared",
                a.documents.len()
            ))
        )?;
        for (i, d) in a.documents.iter().enumerate() {
            let words: usize = (0..d.sentences.len()).map(|s| d.word_count(s)).sum();
            let origin = d
                .article
                .meta
                .summary()
                .map_or_else(String::new, |o| format!(" — {}", one_line(&o)));
            let label = doc_label(i);
            let name = one_line(&d.article.name);
            let counts = format!("({} sentences, {words} words)", d.sentences.len());
            // Columns on screen, not characters ("短名字的文章" takes twelve).
            let width = textwrap::core::display_width;
            if 2 + width(&label) + 2 + width(&name) + width(&origin) + 2 + width(&counts)
                <= self.width
            {
                writeln!(
                    out,
                    "  {}  {name}{origin}  {}",
                    self.bold(&label),
                    self.dim(&counts)
                )?;
            } else {
                // A long name on its own line, what is known of it on the next.
                writeln!(out, "  {}  {name}", self.bold(&label))?;
                writeln!(
                    out,
                    "  {}  {}{}",
                    " ".repeat(width(&label)),
                    origin.trim_start_matches(" — "),
                    self.dim(&if origin.is_empty() {
                        counts
                    } else {
                        format!("  {counts}")
                    })
                )?;
            }
        }
        writeln!(out)?;
        writeln!(out, "{}", self.bold("Shared text"))?;
        for i in 0..a.documents.len() {
            for j in i + 1..a.documents.len() {
                let pct = |d, o| a.coverage_of(d, o).map_or(0.0, |c| c.shared * 100.0);
                let (li, lj) = (doc_label(i), doc_label(j));
                writeln!(
                    out,
                    "  {li} ↔ {lj}   {li}: {:.1}% of its words also in {lj}   {lj}: {:.1}% also in {li}",
                    pct(i, j),
                    pct(j, i)
                )?;
                let count = |k| {
                    a.findings
                        .iter()
                        .filter(|f| f.kind == k && f.pair.left.doc == i && f.pair.right.doc == j)
                        .count()
                };
                writeln!(
                    out,
                    "  {}   {} verbatim · {} edited · {} framing",
                    " ".repeat(li.len() + lj.len() + 3),
                    count(FindingKind::Verbatim),
                    count(FindingKind::Edited),
                    count(FindingKind::Framing)
                )?;
            }
        }
        let n = a.documents.len();
        writeln!(
            out,
            "  unique sentences: {}",
            per_article(n, a.unique.iter().map(|u| u.doc))
        )?;
        if !a.close_unpaired.is_empty() {
            writeln!(
                out,
                "  not paired, but close to another article's sentence: {}",
                per_article(n, a.close_unpaired.iter().map(|c| c.doc))
            )?;
        }
        writeln!(
            out,
            "{}",
            self.dim("  Key: [-…-] only in the first article · {+…+} only in the second")
        )?;
        writeln!(
            out,
            "{}",
            self.dim("       ⚑ claim drift · A3: sentence 3 of article A")
        )?;
        writeln!(
            out,
            "{}",
            self.dim("       A3 = B5 same words · A3 ~ B5 edited · A3 ≈ B5 same fact, other words")
        )
    }

    fn findings(&self, out: &mut dyn Write, kind: FindingKind) -> io::Result<()> {
        if grouped(self.analysis) {
            return self.groups(out, kind);
        }
        let (title, what) = kind_words(kind);
        let list: Vec<&Finding> = self
            .analysis
            .findings
            .iter()
            .filter(|f| f.kind == kind)
            .collect();
        self.heading(out, title, list.len(), what)?;
        if list.is_empty() {
            writeln!(out, "  {}", self.dim("none"))?;
            return Ok(());
        }
        if kind == FindingKind::Verbatim {
            return self.verbatim_runs(out, &list);
        }
        for f in list {
            writeln!(out)?;
            self.pair(out, f)?;
        }
        Ok(())
    }

    /// One pair: its labels and score, its text (a word diff, or both sides with the words
    /// each has alone marked) and its drift flags.
    fn pair(&self, out: &mut dyn Write, f: &Finding) -> io::Result<()> {
        let p = &f.pair;
        let score = score_text(f);
        let score = format!(
            "{}{}",
            if score.is_empty() {
                String::new()
            } else {
                format!("  {score}")
            },
            self.first_note([p.left.doc, p.right.doc])
        );
        writeln!(out, "  {}{}", self.bold(&pair_label(f)), self.dim(&score))?;
        self.pair_text(out, f, "    ")?;
        for d in &f.drift {
            let line = format!("⚑ {}", one_line(&drift_text(f, d)));
            writeln!(out, "{}", self.flag(&self.wrap(&line, "    ", "      ")))?;
        }
        Ok(())
    }

    /// A pair's text, each line starting with `indent`.
    fn pair_text(&self, out: &mut dyn Write, f: &Finding, indent: &str) -> io::Result<()> {
        let p = &f.pair;
        match f.kind {
            FindingKind::Verbatim => {
                let d = &self.analysis.documents[p.left.doc];
                let text = one_line(d.sentence_text(p.left.sentences[0]));
                writeln!(out, "{}", self.wrap(&text, indent, indent))?;
            }
            FindingKind::Edited => {
                let pieces = diff_pieces(self.analysis, f);
                if pieces.is_empty() {
                    self.both_sides(out, f, indent)?;
                } else {
                    writeln!(out, "{}", self.wrap(&self.inline(&pieces), indent, indent))?;
                }
            }
            _ => {
                let (lm, rm) = own_words(self.analysis, f);
                for (side, marked, left) in [(&p.left, lm, true), (&p.right, rm, false)] {
                    let label = doc_label(side.doc);
                    let text = self.marked(&marked, left);
                    let rest = " ".repeat(indent.len() + 2 + label.len());
                    writeln!(
                        out,
                        "{}",
                        self.wrap(&text, &format!("{indent}{label}  "), &rest)
                    )?;
                }
            }
        }
        Ok(())
    }

    /// With more than two articles: each sentence several articles carry once, with every
    /// article's sentences ("A4 = B9 ~ C4"); word for word, its text once; otherwise the pairs
    /// that tie each version in (at most one fewer than the versions), and each drift change
    /// once with the articles holding each side of it. Sentences reprinted in a row by the
    /// same articles are one entry.
    fn groups(&self, out: &mut dyn Write, kind: FindingKind) -> io::Result<()> {
        let a = self.analysis;
        let (title, what) = kind_words(kind);
        let runs = group_runs(a, kind);
        let what = if kind == FindingKind::Verbatim {
            format!("{what}, by the articles that carry it")
        } else {
            what.to_string()
        };
        self.heading(out, title, runs.iter().map(Vec::len).sum(), &what)?;
        if runs.is_empty() {
            writeln!(out, "  {}", self.dim("none"))?;
        }
        for run in runs {
            writeln!(out)?;
            let g = run[0];
            if run.len() > 1 {
                let note = format!(
                    "  {} sentences in a row{}",
                    run.len(),
                    self.first_note(g.members.iter().map(|m| m.doc))
                );
                writeln!(out, "  {}{}", self.bold(&run_label(&run)), self.dim(&note))?;
                let first = &g.members[0];
                let d = &a.documents[first.doc];
                let text = one_line(d.sentence_text(first.sentences[0]));
                writeln!(out, "{}", self.wrap(&text, "    ", "    "))?;
                let last = &run[run.len() - 1].members[0];
                let more = format!(
                    "… through {}: {}",
                    sentence_label(last.doc, last.sentences[0]),
                    one_line(d.sentence_text(last.sentences[0]))
                );
                writeln!(out, "{}", self.dim(&self.wrap(&more, "    ", "    ")))?;
                continue;
            }
            if let [k] = g.findings.as_slice() {
                self.pair(out, &a.findings[*k])?;
                continue;
            }
            let view = group_view(a, g);
            let note = self.first_note(view.docs());
            writeln!(out, "  {}{}", self.bold(&view.label(a)), self.dim(&note))?;
            for (c, class) in view.classes.iter().enumerate() {
                let Some(&m) = class.first() else { continue };
                let side = &g.members[m];
                let text = one_line(a.documents[side.doc].sentence_text(side.sentences[0]));
                if g.kind == FindingKind::Verbatim {
                    writeln!(out, "{}", self.wrap(&text, "    ", "    "))?;
                } else if class.len() > 1 {
                    let first = format!("    {}  ", view.class_label(c));
                    writeln!(out, "{}", self.wrap(&text, &first, "      "))?;
                }
            }
            for &k in &view.shown {
                let f = &a.findings[k];
                let score = score_text(f);
                let score = if score.is_empty() {
                    String::new()
                } else {
                    format!("  {score}")
                };
                writeln!(out, "    {}{}", pair_label(f), self.dim(&score))?;
                self.pair_text(out, f, "      ")?;
            }
            for d in &g.drift {
                let line = format!("⚑ {}", one_line(&group_drift_text(d)));
                writeln!(out, "{}", self.flag(&self.wrap(&line, "    ", "      ")))?;
            }
        }
        Ok(())
    }

    fn quotes(&self, out: &mut dyn Write) -> io::Result<()> {
        let a = self.analysis;
        let (shared, alone): (Vec<&QuoteMatch>, Vec<&QuoteMatch>) = a
            .quotes
            .iter()
            .partition(|q| q.status != QuoteStatus::Unmatched);
        self.heading(
            out,
            "Quotes",
            shared.len(),
            "quotations in more than one article",
        )?;
        if shared.is_empty() {
            writeln!(out, "  {}", self.dim("none"))?;
        }
        let mut shared = shared;
        // Disagreements first: what a fact-checker reads before anything else.
        shared.sort_by_key(|q| status_rank(q.status));
        for q in shared {
            writeln!(out)?;
            let status = format!("[{}]", status_slug(q.status));
            let head = format!("{status:<16}“{}”", one_line(&q.shown()));
            let first = format!("  {}", self.status_color(q.status, &head));
            writeln!(out, "{}", self.wrap(&first, "", &" ".repeat(19)))?;
            let first_doc = a.first_of(q.occurrences.iter().map(|o| o.doc));
            let mut marked = false;
            for place in quote_places(q) {
                let o = &q.occurrences[place.first];
                let doc = &a.documents[o.doc];
                let first = if first_doc == Some(place.doc) && !marked {
                    marked = true;
                    "  (published first)"
                } else {
                    ""
                };
                let at = sentence_at(doc, o.start)
                    .map_or_else(|| doc_label(o.doc), |s| sentence_label(o.doc, s));
                let speaker = one_line(place.speaker.unwrap_or("speaker not found"));
                let how = if place.quoted {
                    ""
                } else {
                    ", without quote marks"
                };
                let line = format!("{at:<5} {speaker}{how}{}{first}", places_count(&place));
                writeln!(out, "{}", self.wrap(&line, &" ".repeat(6), &" ".repeat(12)))?;
            }
            if q.diffs.len() > 1 {
                // Several wordings: each against the first quoted occurrence, labelled.
                let at = |i: usize| {
                    let o = &q.occurrences[i];
                    sentence_at(&a.documents[o.doc], o.start)
                        .map_or_else(|| doc_label(o.doc), |s| sentence_label(o.doc, s))
                };
                for d in &q.diffs {
                    let line = format!(
                        "{} → {}  {}",
                        at(d.occurrences[0]),
                        at(d.occurrences[1]),
                        self.inline(&pieces(&d.diff))
                    );
                    writeln!(out, "{}", self.wrap(&line, "      ", "        "))?;
                }
            } else if !q.diff.is_empty() {
                writeln!(
                    out,
                    "{}",
                    self.wrap(&self.inline(&pieces(&q.diff)), "      ", "      ")
                )?;
            }
        }
        if let Some(terms) = shared_terms_text(a) {
            writeln!(out)?;
            let line = format!(
                "terms in quote marks in more than one article: {}",
                one_line(&terms)
            );
            writeln!(out, "{}", self.wrap(&line, "  ", "    "))?;
        }
        let statements: Vec<&&QuoteMatch> = alone.iter().filter(|q| !is_term(q)).collect();
        let terms: Vec<&&QuoteMatch> = alone.iter().filter(|q| is_term(q)).collect();
        if !statements.is_empty() || !terms.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "  {}",
                self.dim(&format!(
                    "In one article only ({}):",
                    statements.len() + terms.len()
                ))
            )?;
        }
        for q in statements {
            let o = &q.occurrences[0];
            let doc = &a.documents[o.doc];
            let at = sentence_at(doc, o.start)
                .map_or_else(|| doc_label(o.doc), |s| sentence_label(o.doc, s));
            let line = format!("{at:<5} “{}” — {}", one_line(&q.shown()), speakers_line(q));
            writeln!(out, "{}", self.wrap(&line, "    ", &" ".repeat(10)))?;
        }
        if !terms.is_empty() {
            let list: Vec<String> = terms
                .iter()
                .map(|q| {
                    format!(
                        "{} “{}”",
                        doc_label(q.occurrences[0].doc),
                        one_line(&q.shown())
                    )
                })
                .collect();
            let line = format!("terms in quote marks: {}", list.join(", "));
            writeln!(out, "{}", self.wrap(&line, "    ", "      "))?;
        }
        Ok(())
    }

    fn status_color(&self, status: QuoteStatus, s: &str) -> String {
        if !self.color {
            return s.to_string();
        }
        match status {
            QuoteStatus::Exact => self.paint(s, false, Some(Color::Green)),
            QuoteStatus::Altered | QuoteStatus::Misattributed => {
                self.paint(s, true, Some(Color::Red))
            }
            _ => self.paint(s, false, Some(Color::Yellow)),
        }
    }

    /// What changed, before any list: quotes the articles disagree on, then claim-drift flags,
    /// one line each.
    fn changes(&self, out: &mut dyn Write) -> io::Result<()> {
        let a = self.analysis;
        let list = changes(a);
        self.heading(
            out,
            "What changed",
            list.len(),
            "claim drift, and quotes altered or credited to someone else",
        )?;
        if list.is_empty() {
            writeln!(out, "  {}", self.dim("none"))?;
        }
        for change in list {
            let line = match change {
                Change::Quote(_, q) => format!(
                    "❝ {} {}  “{}”",
                    status_slug(q.status),
                    quote_where(a, q),
                    one_line(&q.shown())
                ),
                Change::Drift(g, d) => format!(
                    "⚑ {}  {}",
                    drift_where(a, g, d),
                    one_line(&group_drift_text(d))
                ),
            };
            writeln!(out, "{}", self.flag(&self.wrap(&line, "  ", "      ")))?;
        }
        Ok(())
    }

    /// Verbatim findings, with runs of consecutive sentences on both sides (a reprinted
    /// passage) shown as one entry: its first sentence and how many follow.
    fn verbatim_runs(&self, out: &mut dyn Write, list: &[&Finding]) -> io::Result<()> {
        let mut runs: Vec<Vec<&Finding>> = Vec::new();
        for &f in list {
            let follows = runs.last().and_then(|r| r.last()).is_some_and(|prev| {
                let (a, b) = (&prev.pair, &f.pair);
                let next =
                    |x: &[usize], y: &[usize]| x.len() == 1 && y.len() == 1 && y[0] == x[0] + 1;
                a.left.doc == b.left.doc
                    && a.right.doc == b.right.doc
                    && next(&a.left.sentences, &b.left.sentences)
                    && next(&a.right.sentences, &b.right.sentences)
            });
            match runs.last_mut() {
                Some(run) if follows => run.push(f),
                _ => runs.push(vec![f]),
            }
        }
        for run in runs {
            let (first, last) = (&run[0].pair, &run[run.len() - 1].pair);
            writeln!(out)?;
            let label = |a: &crate::align::Side, b: &crate::align::Side| {
                let range: Vec<usize> = (a.sentences[0]..=b.sentences[0]).collect();
                sentences_label(a.doc, &range)
            };
            let copies = copies_text(run[0]);
            let count = if run.len() > 1 {
                format!("  {} sentences in a row", run.len())
            } else if !copies.is_empty() {
                format!("  {copies}")
            } else {
                String::new()
            };
            let count = self.dim(&format!(
                "{count}{}",
                self.first_note([first.left.doc, first.right.doc])
            ));
            writeln!(
                out,
                "  {} = {}{count}",
                self.bold(&label(&first.left, &last.left)),
                self.bold(&label(&first.right, &last.right)),
            )?;
            let d = &self.analysis.documents[first.left.doc];
            let text = one_line(d.sentence_text(first.left.sentences[0]));
            writeln!(out, "{}", self.wrap(&text, "    ", "    "))?;
            if run.len() > 1 {
                let last_text = one_line(d.sentence_text(last.left.sentences[0]));
                let more = format!(
                    "… through {}: {}",
                    sentence_label(last.left.doc, last.left.sentences[0]),
                    last_text
                );
                writeln!(out, "{}", self.dim(&self.wrap(&more, "    ", "    ")))?;
            }
        }
        Ok(())
    }

    fn both_sides(&self, out: &mut dyn Write, f: &Finding, indent: &str) -> io::Result<()> {
        for side in [&f.pair.left, &f.pair.right] {
            let d = &self.analysis.documents[side.doc];
            let text: Vec<String> = side
                .sentences
                .iter()
                .map(|&s| one_line(d.sentence_text(s)))
                .collect();
            let label = doc_label(side.doc);
            writeln!(
                out,
                "{}",
                self.wrap(
                    &text.join(" "),
                    &format!("{indent}{label}  "),
                    &" ".repeat(indent.len() + 2 + label.len())
                )
            )?;
        }
        Ok(())
    }

    fn inline(&self, pieces: &[Piece]) -> String {
        let mut s = String::new();
        for (i, p) in pieces.iter().enumerate() {
            if i > 0 && p.space_before {
                s.push(' ');
            }
            match p.op {
                EditOp::Equal => s.push_str(&one_line(p.left)),
                EditOp::Delete => s.push_str(&self.removed(&one_line(p.left))),
                EditOp::Insert => s.push_str(&self.added(&one_line(p.right))),
                EditOp::Replace => {
                    s.push_str(&self.removed(&one_line(p.left)));
                    s.push_str(&self.added(&one_line(p.right)));
                }
            }
        }
        s
    }

    fn marked(&self, stretches: &[Marked], left: bool) -> String {
        stretches
            .iter()
            .map(|m| {
                let text = one_line(m.text);
                if !m.own {
                    text_with_edges(m.text, text)
                } else if left {
                    self.removed(&text)
                } else {
                    self.added(&text)
                }
            })
            .collect()
    }

    fn unique(&self, out: &mut dyn Write) -> io::Result<()> {
        let a = self.analysis;
        self.heading(
            out,
            "Unique",
            a.unique.len(),
            "sentences no other article carries",
        )?;
        let quoted = QuotedSentences::new(a);
        for (doc, d) in a.documents.iter().enumerate() {
            let mine: Vec<_> = a.unique.iter().filter(|u| u.doc == doc).collect();
            writeln!(out)?;
            writeln!(
                out,
                "  {} {}",
                self.bold(&doc_label(doc)),
                self.dim(&format!(
                    "{} of {} sentences",
                    mine.len(),
                    d.sentences.len()
                ))
            )?;
            for u in mine {
                let label = sentence_label(u.doc, u.sentence);
                let first = format!("    {label:<5} ");
                let mut text = one_line(d.sentence_text(u.sentence));
                text.push_str(&quoted.note(u.doc, u.sentence).unwrap_or_default());
                writeln!(
                    out,
                    "{}",
                    self.wrap(&text, &first, &" ".repeat(first.chars().count()))
                )?;
            }
        }
        if a.close_unpaired.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(
            out,
            "  {} {}",
            self.bold(&format!(
                "Not counted as unique ({})",
                a.close_unpaired.len()
            )),
            self.dim("— close in content to another article's sentence: read both")
        )?;
        for c in &a.close_unpaired {
            let label = sentence_label(c.doc, c.sentence);
            let other = sentence_label(c.other_doc, c.other);
            let first = format!("    {label:<5} ");
            let text = format!(
                "{} (close to {other})",
                one_line(a.documents[c.doc].sentence_text(c.sentence))
            );
            writeln!(
                out,
                "{}",
                self.wrap(&text, &first, &" ".repeat(first.chars().count()))
            )?;
        }
        Ok(())
    }
}

fn is_term(q: &QuoteMatch) -> bool {
    q.occurrences.iter().all(|o| o.term)
}

/// `one_line` drops a stretch's outer white space; a stretch between marked words must keep
/// one space at each end where it had any.
fn text_with_edges(raw: &str, folded: String) -> String {
    let lead = raw.starts_with(char::is_whitespace);
    let trail = raw.ends_with(char::is_whitespace) && !folded.is_empty();
    format!(
        "{}{folded}{}",
        if lead { " " } else { "" },
        if trail { " " } else { "" }
    )
}

/// Most speakers named on one line of "In one article only"; the rest are counted.
const MAX_SPEAKERS_LISTED: usize = 4;

/// Who a quote of one article is credited to, honestly when its occurrences differ: "Jamal
/// Abdi", "Jamal Abdi, quoted 2 times", or "quoted 2 times: Jamal Abdi (1), speaker not found
/// (1)". Each distinct speaker once, in the order first met; linear in the occurrences.
fn speakers_line(q: &QuoteMatch) -> String {
    let mut seen: std::collections::HashMap<Option<&str>, usize> = std::collections::HashMap::new();
    let mut order: Vec<(Option<&str>, usize)> = Vec::new();
    for o in &q.occurrences {
        let key = o.speaker.as_deref();
        match seen.get(&key) {
            Some(&k) => order[k].1 += 1,
            None => {
                seen.insert(key, order.len());
                order.push((key, 1));
            }
        }
    }
    let name = |s: Option<&str>| s.map_or_else(|| "speaker not found".to_string(), one_line);
    let total = q.occurrences.len();
    match order.as_slice() {
        [] => name(None),
        [(s, 1)] => name(*s),
        [(s, n)] => format!("{}, quoted {n} times", name(*s)),
        list => {
            let mut parts: Vec<String> = list
                .iter()
                .take(MAX_SPEAKERS_LISTED)
                .map(|(s, n)| format!("{} ({n})", name(*s)))
                .collect();
            if list.len() > MAX_SPEAKERS_LISTED {
                let rest: usize = list[MAX_SPEAKERS_LISTED..].iter().map(|(_, n)| n).sum();
                parts.push(format!(
                    "{} more speakers ({rest})",
                    list.len() - MAX_SPEAKERS_LISTED
                ));
            }
            format!("quoted {total} times: {}", parts.join(", "))
        }
    }
}

/// A quote's word diff as inline pieces.
fn pieces(diff: &[crate::classify::quote::DiffPiece]) -> Vec<Piece<'_>> {
    diff.iter()
        .map(|d| Piece {
            op: d.op,
            left: &d.left,
            right: &d.right,
            space_before: true,
        })
        .collect()
}

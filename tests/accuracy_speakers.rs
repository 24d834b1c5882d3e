//! Speaker accuracy on real reporting: every quotation sourcediff finds in the 840 articles of
//! PolNeAR (`../shared/corpus/polnear-train`, US political news 2015–16 with every attribution
//! annotated by hand) is checked against the annotated source of the quotation it lies in.
//! Skips with a printed reason when the corpus is absent. The figures are in README
//! ("Accuracy"); run with `-- --nocapture` to see them and a sample of wrong names.
//!
//! Counted: quotes (not scare-quoted terms) inside an annotated Content that contains quote
//! marks. "Named" quotes are those whose annotated source is a name or a description ("Trump",
//! "a campaign spokesman"); a quote whose annotated source is a pronoun ("he") is counted apart,
//! since the annotation does not say whom it means (it is scored against the nearest annotated
//! source before it that is not a pronoun, an approximation). A speaker is right when its last word
//! (possessive and punctuation dropped, case folded) is the last word of the annotated source
//! or of one of its comma-separated parts, before "of" or a parenthesis: "Donald Trump" for
//! "Trump", "Jake Sullivan" for "her senior policy adviser, Jake Sullivan,".

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use sourcediff::classify::quote::{self, SpeakerMethod};
use sourcediff::{Article, Document};

/// Lowest named-speaker accuracy (right names among the names given).
const MIN_NAMED_ACCURACY: f64 = 0.85;

/// One annotated attribution: byte spans of its content and source.
struct Gold {
    content: (usize, usize),
    source: String,
    /// For a pronoun source ("he"): the nearest annotated source before it that is not a
    /// pronoun, in any attribution (an approximation of whom the pronoun means).
    antecedent: Option<String>,
}

/// The attributions of `NAME.ann` whose content holds quote marks, with byte offsets into
/// `text` (the annotation counts code points). Span lines that do not match the text are
/// skipped, as the corpus README says.
fn gold(text: &str, ann: &str) -> Vec<Gold> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let mut spans: BTreeMap<&str, (&str, usize, usize, &str)> = BTreeMap::new();
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 || !cols[0].starts_with('T') {
            continue;
        }
        let mut head = cols[1].split([' ', ';']);
        let (Some(kind), Some(s), Some(e)) = (head.next(), head.next(), head.next()) else {
            continue;
        };
        let e = head.next_back().unwrap_or(e);
        let (Ok(s), Ok(e)) = (s.parse::<usize>(), e.parse::<usize>()) else {
            continue;
        };
        let (Some(&bs), Some(&be)) = (bytes.get(s), bytes.get(e)) else {
            continue;
        };
        spans.insert(cols[0], (kind, bs, be, cols[2]));
    }
    // Every annotated source that is not a pronoun, by where it starts.
    let mut named: Vec<(usize, &str)> = spans
        .values()
        .filter(|t| t.0 == "Source" && !PRONOUNS.contains(&t.3.to_lowercase().as_str()))
        .map(|t| (t.1, t.3))
        .collect();
    named.sort();
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let Some(args) = line.split('\t').nth(1) else {
            continue;
        };
        let mut content = None;
        let mut source = None;
        for arg in args.split(' ') {
            match arg.split_once(':') {
                Some(("Content", t)) => content = spans.get(t),
                Some(("Source", t)) => source = spans.get(t),
                _ => {}
            }
        }
        let (Some(c), Some(s)) = (content, source) else {
            continue;
        };
        let Some(content_text) = text.get(c.1..c.2) else {
            continue;
        };
        if !content_text.contains(['"', '“', '”']) || text.get(s.1..s.2) != Some(s.3) {
            continue;
        }
        let antecedent = named
            .iter()
            .rev()
            .find(|(at, _)| *at < s.1)
            .map(|(_, t)| t.to_string());
        out.push(Gold {
            content: (c.1, c.2),
            source: s.3.to_string(),
            antecedent,
        });
    }
    out
}

const PRONOUNS: &[&str] = &[
    "he", "her", "him", "his", "i", "it", "its", "me", "my", "she", "that", "their", "them",
    "they", "this", "we", "which", "who", "you",
];

/// The last word of `s`: possessive and punctuation dropped, case folded.
fn last_word(s: &str) -> String {
    s.split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_lowercase()
        })
        .find(|w| !w.is_empty())
        .unwrap_or_default()
}

/// A description that opens the annotated one word for word ("a source close" for "a source
/// close to the campaign"): the same speaker, cut short.
fn described(speaker: &str, source: &str) -> bool {
    let (s, g) = (speaker.to_lowercase(), source.to_lowercase());
    speaker.starts_with(char::is_lowercase)
        && speaker.split_whitespace().count() >= 2
        && g.starts_with(&s)
}

/// The words an annotated source may be named by: the last word of each comma-separated part,
/// cut before "of" and a parenthesis ("her senior policy adviser, Jake Sullivan," gives
/// "adviser" and "sullivan"; "Rep. Bobby Scott (D-Va.)" gives "scott"; "Robert Antonacci of
/// the New York delegation" gives "antonacci" and "delegation").
fn heads(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in source.split([',', '(', ')']) {
        for cut in [part, part.split(" of ").next().unwrap_or(part)] {
            let w = last_word(cut);
            if !w.is_empty() && !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    quotes: usize,
    given: usize,
    right: usize,
}

#[test]
fn named_speaker_accuracy_on_polnear() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("corpus").join("polnear-train").join("articles");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("read polnear articles")
        .map(|e| e.expect("polnear entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut named = Tally::default();
    let mut pronoun = Tally::default();
    let mut by_method: BTreeMap<String, Tally> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut pronoun_wrong = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).expect("polnear article");
        let ann = std::fs::read_to_string(path.with_extension("ann")).unwrap_or_default();
        let gold = gold(&text, &ann);
        let doc = Document::new(Article::from_text("a", text.clone()));
        for q in quote::extract(&doc, 0) {
            if q.term {
                continue;
            }
            // The annotated quotation holding most of this quote.
            let overlap = |g: &Gold| {
                let (s, e) = (q.span.start.max(g.content.0), q.span.end.min(g.content.1));
                e.saturating_sub(s)
            };
            let Some(g) = gold.iter().max_by_key(|g| overlap(g)) else {
                continue;
            };
            if overlap(g) * 2 < q.span.end - q.span.start {
                continue;
            }
            let is_pronoun = PRONOUNS.contains(&g.source.to_lowercase().as_str());
            let tally = if is_pronoun { &mut pronoun } else { &mut named };
            tally.quotes += 1;
            let Some(speaker) = &q.speaker else { continue };
            tally.given += 1;
            let truth = if is_pronoun {
                g.antecedent.as_deref().unwrap_or("")
            } else {
                &g.source
            };
            let ok = heads(truth).contains(&last_word(speaker)) || described(speaker, truth);
            tally.right += usize::from(ok);
            if is_pronoun && !ok && pronoun_wrong.len() < 40 {
                pronoun_wrong.push(format!(
                    "{:?} credited to {speaker:?} ({:?}), annotated {:?} after {:?}",
                    text[q.span.start..q.span.end]
                        .chars()
                        .take(50)
                        .collect::<String>(),
                    q.method,
                    g.source,
                    truth
                ));
            }
            if !is_pronoun {
                let method = match q.method {
                    Some(SpeakerMethod::Named) => "named",
                    Some(SpeakerMethod::Pronoun) => "pronoun",
                    Some(SpeakerMethod::Carried) => "carried",
                    None => "none",
                };
                let m = by_method.entry(method.to_string()).or_default();
                m.given += 1;
                m.right += usize::from(ok);
                if !ok && wrong.len() < 400 {
                    let file = Path::new(path).file_stem().unwrap_or_default();
                    wrong.push(format!(
                        "{}: {:?} credited to {speaker:?} ({method}), annotated {:?}",
                        file.to_string_lossy(),
                        text[q.span.start..q.span.end]
                            .chars()
                            .take(60)
                            .collect::<String>(),
                        g.source
                    ));
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!("speakers on {} PolNeAR articles:", names.len());
    for (label, t) in [
        ("named", &named),
        ("pronoun-annotated (antecedent approximated)", &pronoun),
    ] {
        println!(
            "  {label}: {} quotes, speaker given for {} ({:.2}), right {} ({:.2} of given)",
            t.quotes,
            t.given,
            ratio(t.given, t.quotes),
            t.right,
            ratio(t.right, t.given)
        );
    }
    for (method, t) in &by_method {
        println!(
            "  found by {method}: {} given, {:.2} right",
            t.given,
            ratio(t.right, t.given)
        );
    }
    for w in &wrong {
        println!("  wrong: {w}");
    }
    for w in &pronoun_wrong {
        println!("  pronoun, wrong or approximated badly: {w}");
    }
    let accuracy = ratio(named.right, named.given);
    assert!(
        named.quotes > 1000,
        "only {} annotated quotes matched",
        named.quotes
    );
    assert!(
        accuracy >= MIN_NAMED_ACCURACY,
        "named-speaker accuracy {accuracy:.3} < {MIN_NAMED_ACCURACY}"
    );
}

/// `(text, the quote's first words, the expected speaker, how it was found)`: each a real
/// PolNeAR sentence (article named) that a rule was made for.
const SPEAKER_CASES: &[(&str, &str, Option<&str>, Option<SpeakerMethod>)] = &[
    // politico_2016-05-23: "States" is no verb "states".
    (
        "Sanders said the United States “must stop treating Puerto Rico like a colony.”",
        "must stop",
        Some("Sanders"),
        Some(SpeakerMethod::Named),
    ),
    // huff-post_2016-02-07: an adverb between the name and the verb.
    (
        "Cruz gingerly responded that it was “an assessment the voters are going to make.”",
        "an assessment",
        Some("Cruz"),
        Some(SpeakerMethod::Named),
    ),
    // west-journal_2016-03-01.
    (
        "Trump jokingly said: “I hate to say it, I’m becoming mainstream.”",
        "I hate",
        Some("Trump"),
        Some(SpeakerMethod::Named),
    ),
    // huff-post_2016-02-03: a headline in capitals is no speaker.
    (
        "RED STATES OUTNUMBER BLUE – Jeffrey M. Jones: “Gallup’s analysis of political party \
         affiliation at the state level shows a shift.”",
        "Gallup",
        None,
        None,
    ),
    // The attribution forms of issue 9.
    (
        "Clinton responded: “That is not what I said.”",
        "That is not",
        Some("Clinton"),
        Some(SpeakerMethod::Named),
    ),
    (
        "Here is how Obama put it in 2012: “We are not going to let that happen.”",
        "We are not",
        Some("Obama"),
        Some(SpeakerMethod::Named),
    ),
    (
        "Trump issued a statement claiming “the media is rigging this election.”",
        "the media",
        Some("Trump"),
        Some(SpeakerMethod::Named),
    ),
    (
        "“Markets will stay nervous for some time,” said ABN Amro chief strategist Eddie Wong.",
        "Markets will",
        Some("Eddie Wong"),
        Some(SpeakerMethod::Named),
    ),
    (
        "Trump told supporters that “we are going to win so much.”",
        "we are going",
        Some("Trump"),
        Some(SpeakerMethod::Named),
    ),
    (
        "Sanders attacked the plan, saying, “It does nothing for working families.”",
        "It does",
        Some("Sanders"),
        Some(SpeakerMethod::Named),
    ),
    // A headline's speaker: a name and a colon.
    (
        "Clinton: ‘I will fight for every vote in Iowa’\n\nThe candidate spoke on Monday.",
        "I will fight",
        Some("Clinton"),
        Some(SpeakerMethod::Named),
    ),
    // A pronoun never means a place or an outlet (huff-post_2016-02-10, "New Hampshire").
    (
        "New Hampshire Republicans gathered in Manchester on Monday. “Here’s a guy, honestly, \
         if he weren’t in government,” he said.",
        "Here’s a guy",
        None,
        None,
    ),
    (
        "Fox News asked about the race. “We can always have differences,” he said.",
        "We can always",
        None,
        None,
    ),
    // A pronoun after a person: resolved, and the JSON says so.
    (
        "Sen. Lindsey Graham spoke in Washington on Thursday. “It is incredibly hateful \
         rhetoric,” he said.",
        "It is incredibly",
        Some("Sen. Lindsey Graham"),
        Some(SpeakerMethod::Pronoun),
    ),
    // A follow-on quote carries the speaker of the one before.
    (
        "“I think it’s coming,” Cruz told reporters. “But it’s not going to materialize yet.”",
        "But it’s not",
        Some("Cruz"),
        Some(SpeakerMethod::Carried),
    ),
];

#[test]
fn speaker_rules_on_real_sentences() {
    for (text, opening, speaker, method) in SPEAKER_CASES {
        let doc = Document::new(Article::from_text("a", *text));
        let quotes = quote::extract(&doc, 0);
        let q = quotes
            .iter()
            .find(|q| text[q.span.start..q.span.end].starts_with(opening))
            .unwrap_or_else(|| panic!("no quote opens with {opening:?} in {text:?}"));
        assert_eq!(
            (q.speaker.as_deref(), q.method),
            (*speaker, *method),
            "{text:?}"
        );
    }
}

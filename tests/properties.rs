//! Properties of the segmenter and the tokenizer on arbitrary Unicode text: random strings
//! mixed with the fragments real news text is made of (abbreviations, curly quotes, ellipses,
//! CRLF and CR line ends, blank lines, byte-order marks, other scripts).

mod common;

use common::check_sentences;
use proptest::prelude::*;
use sourcediff::segment_span;
use sourcediff::tokenize;
use sourcediff::{Article, Format, Span, TokenKind, comparison_key, segment};

const BOM: &str = "\u{feff}";

/// Pieces of news text, and the characters that trip segmenters up.
const FRAGMENTS: &[&str] = &[
    "Gen. ",
    "Lt. Gen. ",
    "U.S. ",
    "the U.S.",
    "Dec. 27 ",
    "No. 10 ",
    "Mr. ",
    "Inc. ",
    "e.g. ",
    "a.m. ",
    "J. K. ",
    "etc. ",
    "3.5% ",
    "9/11",
    "$1.2bn",
    "www.bbc.co.uk",
    "They said. ",
    "He left.",
    "“We know Daesh’s movements.” ",
    "who fired the rockets… saying",
    "“Why?” she asked. ",
    "(ISIS),” ",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "(",
    ")",
    "…",
    "...",
    "..",
    "?!",
    ". ",
    "! ",
    "? ",
    ":",
    ",",
    ";",
    "-",
    "—",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    " \n \n",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{a0}",
    "\u{3000}",
    BOM,
    "\u{301}",
    "\u{200d}",
    "👍🏽",
    "你好。",
    "谢谢！",
    "हम जाएंगे। ",
    "هل أنت بخير؟ ",
    "ﬁnal",
    "ＩＳＩＳ",
    "The",
    "it",
    "Daesh",
];

/// One piece of input: a news fragment, a short word, or a few arbitrary chars.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        3 => "[A-Za-z]{1,8}",
        2 => prop::collection::vec(any::<char>(), 1..6).prop_map(|v| v.into_iter().collect()),
    ]
}

/// A text: a BOM or not, then up to 40 pieces.
fn text() -> impl Strategy<Value = String> {
    (any::<bool>(), prop::collection::vec(piece(), 0..40))
        .prop_map(|(bom, pieces)| format!("{}{}", if bom { BOM } else { "" }, pieces.concat()))
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        // Failures print their minimal input; nothing is written beside the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The nearest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Turns every line end (CRLF, CR, LF) into LF.
fn to_lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

proptest! {
    #![proptest_config(config())]

    // Spans are inside the body (after any BOM), ordered, disjoint, on char boundaries,
    // trimmed, non-empty, cover every non-white-space char, and their paragraph numbers go up
    // by one exactly at blank lines.
    #[test]
    fn sentences_keep_the_span_contract(text in text()) {
        let article = Article::from_text("prop.txt", text.clone());
        let sentences = segment(&article);
        check_sentences("prop.txt", &text, article.body(), &sentences);
        if text.starts_with(BOM) {
            prop_assert!(sentences.iter().all(|s| s.span.start >= BOM.len()));
        }
    }

    // The same on any char-aligned slice of the text given as the body.
    #[test]
    fn sentences_of_any_body_stay_inside_it(text in text(), a in any::<usize>(), b in any::<usize>()) {
        let (x, y) = (a % (text.len() + 1), b % (text.len() + 1));
        let body = Span::new(floor_boundary(&text, x.min(y)), floor_boundary(&text, x.max(y)));
        let sentences = segment_span(&text, body);
        check_sentences("prop-body.txt", &text, body, &sentences);
    }

    // A leading BOM shifts every offset by its three bytes and changes nothing else.
    #[test]
    fn a_bom_only_shifts_offsets(text in text()) {
        // Only the first BOM is skipped: take off any the generator put in front.
        let text = text.trim_start_matches(BOM);
        let plain = segment(&Article::from_text("a.txt", text));
        let with_bom = segment(&Article::from_text("b.txt", format!("{BOM}{text}")));
        prop_assert_eq!(plain.len(), with_bom.len());
        for (p, b) in plain.iter().zip(&with_bom) {
            prop_assert_eq!(b.span, Span::new(p.span.start + 3, p.span.end + 3));
            prop_assert_eq!((p.paragraph, p.end), (b.paragraph, b.end));
        }
    }

    // CRLF and CR line ends segment exactly like LF ones.
    #[test]
    fn crlf_and_cr_segment_like_lf(text in text()) {
        let lf = to_lf(&text);
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        let reference: Vec<_> = {
            let a = Article::from_text("lf.txt", lf.clone());
            segment(&a).iter().map(|s| (a.slice(s.span).to_string(), s.paragraph, s.end)).collect()
        };
        for variant in [crlf, cr] {
            let a = Article::from_text("variant.txt", variant.clone());
            let got: Vec<_> = segment(&a)
                .iter()
                .map(|s| (to_lf(a.slice(s.span)), s.paragraph, s.end))
                .collect();
            prop_assert_eq!(&got, &reference, "input {:?}", variant);
        }
    }

    // Tokens lie inside their sentence, on char boundaries, in order and disjoint, cover every
    // non-white-space char of it, and carry the keys `comparison_key` gives their text.
    #[test]
    fn tokens_lie_inside_their_sentence(text in text()) {
        let article = Article::from_text("prop.txt", text.clone());
        for sentence in segment(&article) {
            let span = sentence.span;
            let mut covered_to = span.start;
            for token in tokenize(&text, span) {
                let t = token.span();
                prop_assert!(span.contains(t), "token {:?} outside sentence {:?}", t, span);
                prop_assert!(t.start < t.end, "empty token at {}", t.start);
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                prop_assert!(covered_to <= t.start, "token {:?} overlaps the one before", t);
                let gap = &text[covered_to..t.start];
                prop_assert!(gap.trim().is_empty(), "{:?} before token {:?} is in no token", gap, t);
                let piece = &text[t.start..t.end];
                match token.kind {
                    TokenKind::Word | TokenKind::Number => {
                        let expected = comparison_key(piece);
                        prop_assert_eq!(token.key.as_str(), expected.as_str());
                        prop_assert_eq!(
                            token.kind == TokenKind::Word,
                            piece.chars().any(char::is_alphabetic),
                            "kind of {:?}", piece
                        );
                        prop_assert!(piece.chars().any(char::is_alphanumeric));
                    }
                    TokenKind::Sign | TokenKind::Punct => {
                        let mut chars = piece.chars();
                        let c = chars.next().expect("one char");
                        prop_assert!(chars.next().is_none(), "punctuation token {:?} is one char", piece);
                        prop_assert!(!c.is_whitespace() && !c.is_alphanumeric());
                        prop_assert!(!token.content);
                    }
                    other => prop_assert!(false, "a token kind this test does not know: {:?}", other),
                }
                covered_to = t.end;
            }
            let tail = &text[covered_to..span.end];
            prop_assert!(tail.trim().is_empty(), "{:?} at the end of the sentence is in no token", tail);
        }
    }
}

/// Phrases from the seed articles in which a break is always wrong.
const UNBREAKABLE: &[&str] = &[
    "Iranian Gen. Qasem Soleimani",
    "the Dec. 27 rocket attack",
    "the U.S. Department of Defense",
    "Lt. Gen. Muhammad al-Bayati",
    "the U.S. Congress",
    "who fired the rockets… saying",
    "No. 10 Downing Street",
    "George W. Bush",
];

/// Whole sentences to surround them with.
const CONTEXT: &[&str] = &[
    "The Times reported Thursday that “Iraqi officials have raised doubts.”",
    "“We know Daesh’s movements.”",
    "He left.",
    "Is it over?",
    "Stop!",
    "He paused…",
    "It was a unit of Apple Inc.",
    "They met in the U.S.",
    "officials said",
    "and then",
];

proptest! {
    #![proptest_config(config())]

    // Put between any of the context sentences, the phrase stays in one sentence.
    #[test]
    fn seed_phrases_are_never_broken(
        before in prop::collection::vec(prop::sample::select(CONTEXT), 0..4),
        phrase in prop::sample::select(UNBREAKABLE),
        after in prop::collection::vec(prop::sample::select(CONTEXT), 0..4),
        space in prop::sample::select(&[" ", "  ", "\u{a0}"][..]),
    ) {
        let head = before.join(space);
        let sep = if head.is_empty() { "" } else { space };
        let text = format!("{head}{sep}{phrase}{space}{}", after.join(space));
        let start = head.len() + sep.len();
        let phrase_span = Span::new(start, start + phrase.len());
        let article = Article::from_text("phrase.txt", text.clone());
        let sentences = segment(&article);
        prop_assert!(
            sentences.iter().any(|s| s.span.contains(phrase_span)),
            "{:?} split in {:?}: {:?}",
            phrase,
            text,
            sentences.iter().map(|s| article.slice(s.span)).collect::<Vec<_>>()
        );
    }
}

/// Two articles that share material: pieces of `a` reused in `b`, shuffled, with edits.
fn related_pair() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(piece(), 1..30),
        prop::collection::vec(piece(), 0..10),
        any::<u64>(),
    )
        .prop_map(|(a, extra, seed)| {
            let mut b: Vec<String> = a.iter().rev().cloned().collect();
            let k = (seed as usize) % (b.len() + 1);
            for (i, e) in extra.into_iter().enumerate() {
                b.insert((k + i) % (b.len() + 1), e);
            }
            (a.concat(), b.concat())
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..config() })]

    /// The whole pipeline and every report format on arbitrary related inputs: no panic, every
    /// offset in the JSON slices its article to the text it claims, and swapping the articles
    /// finds the same number of pairs.
    #[test]
    fn compare_never_panics_and_reports_true_offsets((a, b) in related_pair()) {
        let articles = vec![
            sourcediff::Article::from_text("a.txt", a.clone()),
            sourcediff::Article::from_text("b.txt", b.clone()),
        ];
        let analysis = sourcediff::compare(articles, &sourcediff::Options::default());
        for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
            let mut out = Vec::new();
            let options = sourcediff::RenderOptions::new(format);
            sourcediff::report::write(&analysis, &options, &mut out).expect("render");
            prop_assert!(std::str::from_utf8(&out).is_ok());
        }
        let mut out = Vec::new();
        let options = sourcediff::RenderOptions::new(Format::Json);
        sourcediff::report::write(&analysis, &options, &mut out).expect("render");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
        let texts = [&a, &b];
        for q in v["quotes"].as_array().expect("quotes") {
            for o in q["occurrences"].as_array().expect("occurrences") {
                let doc = o["doc"].as_u64().expect("doc") as usize;
                let (s, e) = (o["start"].as_u64().expect("start") as usize, o["end"].as_u64().expect("end") as usize);
                prop_assert_eq!(texts[doc].get(s..e), o["text"].as_str());
            }
        }
        for al in v["alignments"].as_array().expect("alignments") {
            for d in al["diff"].as_array().expect("diff") {
                for (side, doc) in [("left", &al["left"]["doc"]), ("right", &al["right"]["doc"])] {
                    let Some(span) = d[side].as_object() else { continue };
                    let doc = doc.as_u64().expect("doc") as usize;
                    let (s, e) = (span["start"].as_u64().expect("start") as usize, span["end"].as_u64().expect("end") as usize);
                    prop_assert_eq!(texts[doc].get(s..e), span["text"].as_str());
                }
            }
        }
        let swapped = sourcediff::compare(
            vec![sourcediff::Article::from_text("b.txt", b), sourcediff::Article::from_text("a.txt", a)],
            &sourcediff::Options::default(),
        );
        prop_assert_eq!(analysis.findings.len(), swapped.findings.len());
        prop_assert_eq!(analysis.unique.len(), swapped.unique.len());
        prop_assert_eq!(analysis.close_unpaired.len(), swapped.close_unpaired.len());
        // Every sentence with a word is in a finding, in `unique` or in `close_unpaired`:
        // exactly one of the three. A sentence with none (":", "***") asserts nothing and is
        // never unique.
        for (doc, d) in analysis.documents.iter().enumerate() {
            for sentence in 0..d.sentences.len() {
                let paired = analysis.findings.iter().any(|f| {
                    [&f.pair.left, &f.pair.right]
                        .iter()
                        .any(|side| side.doc == doc && side.sentences.contains(&sentence))
                });
                let unique = analysis.unique.contains(&sourcediff::SentenceId { doc, sentence });
                let close = analysis
                    .close_unpaired
                    .iter()
                    .any(|c| c.doc == doc && c.sentence == sentence);
                let found = usize::from(paired) + usize::from(unique) + usize::from(close);
                if d.word_count(sentence) == 0 {
                    prop_assert!(!unique && found <= 1);
                } else {
                    prop_assert_eq!(found, 1);
                }
            }
        }
    }
}

/// Sentences for articles made of repeats and paragraph breaks.
const LINES: &[&str] = &[
    "The council approved the budget on Monday. ",
    "Officials said the vote was close. ",
    "“We will not resign,” the minister said. ",
    "Protesters gathered outside the hall in the rain. ",
    "The council approved the new budget on Tuesday. ",
    "\n\n",
];

fn repeats() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(LINES), 1..40).prop_map(|v| v.concat())
}

/// Checks the passage contract: each side ascending, consecutive and inside one paragraph;
/// every finding in some passage, and each passage's findings real.
fn check_passages(analysis: &sourcediff::Analysis) -> Result<(), TestCaseError> {
    let mut seen = vec![false; analysis.findings.len()];
    for p in &analysis.passages {
        for side in [&p.left, &p.right] {
            let d = &analysis.documents[side.doc];
            prop_assert!(!side.sentences.is_empty());
            prop_assert!(
                side.sentences.windows(2).all(|w| w[1] == w[0] + 1),
                "{:?}",
                side
            );
            let first = d.sentences[side.sentences[0]].paragraph;
            prop_assert!(
                side.sentences
                    .iter()
                    .all(|&s| d.sentences[s].paragraph == first),
                "a passage crosses a paragraph break: {:?}",
                side
            );
        }
        for &k in &p.findings {
            prop_assert!(k < seen.len());
            seen[k] = true;
        }
    }
    prop_assert!(seen.iter().all(|&s| s), "a finding in no passage");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..config() })]

    /// Passages never cross a paragraph break, however sentences repeat.
    #[test]
    fn passages_stay_in_their_paragraphs(a in repeats(), b in repeats()) {
        let articles = vec![
            sourcediff::Article::from_text("a.txt", a),
            sourcediff::Article::from_text("b.txt", b),
        ];
        check_passages(&sourcediff::compare(articles, &sourcediff::Options::default()))?;
    }
}

/// Issue 10's reproducer: a sentence repeated in paragraphs 0 and 2 gave the passage [0, 2].
#[test]
fn a_repeated_sentence_makes_no_passage_across_paragraphs() {
    let s = "The council approved the budget on Monday.";
    let a = format!("{s}\n\nSomething else entirely happened there.\n\n{s}\n");
    let b = format!("{s}\n");
    let analysis = sourcediff::compare(
        vec![
            sourcediff::Article::from_text("a.txt", a),
            sourcediff::Article::from_text("b.txt", b),
        ],
        &sourcediff::Options::default(),
    );
    assert_eq!(analysis.findings.len(), 1);
    assert_eq!(analysis.findings[0].pair.left.sentences, vec![0, 2]);
    assert_eq!(analysis.passages.len(), 2, "{:?}", analysis.passages);
    check_passages(&analysis).expect("the passage contract");
}

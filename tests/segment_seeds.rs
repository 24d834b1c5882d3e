//! The segmenter on real news text: the exact sentences of the two seed articles, the
//! acceptance checks of the issue "sentence segmenter that survives real news text", and the
//! whole BBC corpus (`../shared/corpus/bbc`, skipped with a printed reason when absent).

mod common;

use std::path::Path;

use common::{bbc_dir, bbc_files, check_sentences, seed_path, seed_text, sentences};
use sourcediff::load::{self, DEFAULT_MAX_BYTES};
use sourcediff::report::write_segments;
use sourcediff::{Article, BreakKind, Error, Format, Source, Span, segment};

const SEED_000: &str = "000_7ca41ccce306fdb5.txt";
const SEED_002: &str = "002_19fd502a37c78a8d.txt";

/// Loads a seed the way the command line does.
fn load_seed(name: &str) -> Article {
    load::load(&Source::Path(seed_path(name)), DEFAULT_MAX_BYTES).expect("the seed loads")
}

/// `(paragraph, start, end, text)` of every sentence, as found.
fn found(article: &Article) -> Vec<(usize, usize, usize, &str)> {
    segment(article)
        .iter()
        .map(|s| (s.paragraph, s.span.start, s.span.end, article.slice(s.span)))
        .collect()
}

/// Compares sentence by sentence, so a failure names the first sentence that differs.
fn assert_sentences(got: &[(usize, usize, usize, &str)], expected: &[(usize, usize, usize, &str)]) {
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        assert_eq!(g, e, "sentence {} differs", i + 1);
    }
    assert_eq!(
        got.len(),
        expected.len(),
        "sentence count differs; got:\n{got:#?}"
    );
}

// Seed 000 is one paragraph: the first sentence ends a line, and the next line starts with a
// space, not a blank line. Every break was read and agreed with by hand. The quotation
// "Al-Qaeda attacked the U.S. ... with Iran." runs over two sentences, so it is two sentences
// (twice: the article quotes it, then quotes the tweet it came from).
#[test]
fn seed_000_exact_sentences() {
    let article = load_seed(SEED_000);
    let expected: &[(usize, usize, usize, &str)] = &[
        (
            0,
            0,
            493,
            "In a “bombshell” revelation that calls into question one of the Trump administration’s stated justificiations for assassinating Iranian Gen. Qasem Soleimani—a move that nearly sparked a region-wide military conflict—Iraqi intelligence officials told the New York Times that they believe ISIS, not an Iran-linked popular forces, was likely responsible for the Dec. 27 rocket attack that killed an American contractor at an air base near Kirkuk, Iraq, Common Dreams reported on Friday.",
        ),
        (
            0,
            495,
            623,
            "The Times reported Thursday that “Iraqi military and intelligence officials have raised doubts about who fired the rockets.”",
        ),
        (
            0,
            624,
            829,
            "“All the indications are that it was Daesh,” Brigadier General Ahmed Adnan, the Iraqi chief of intelligence for the federal police at the K-1 airbase, told the Times, using the Arabic acronym for ISIS.",
        ),
        (0, 830, 864, "“We know Daesh’s movements.”"),
        (
            0,
            865,
            1080,
            "The U.S. responded to the rocket attack days later with deadly airstrikes on Khataib Hezbollah targets in Iraq and Syria, setting off a dangerous escalatory spiral that brought Iran and the U.S. to the brink of war.",
        ),
        (
            0,
            1081,
            1217,
            "The U.S. assassinated Lieutenant General Qassem Soleimani on January 3 with a drone strike in Baghdad ordered by President Donald Trump.",
        ),
        (
            0,
            1218,
            1589,
            "Following the assassination, which was widely condemned as an act of war, the U.S. Department of Defense issued a statement claiming without evidence that Soleimani “orchestrated attacks on coalition bases in Iraq over the last several months—including the attack on December 27th—culminating in the death and wounding of additional American and Iraqi personnel.”",
        ),
        (
            0,
            1590,
            1822,
            "But Iraqi officials told the Times that “based on circumstantial evidence and long experience in the area where the attack took place,” there is good reason to be skeptical about U.S. claims that Khataib Hezbollah was behind it.",
        ),
        (
            0,
            1823,
            1890,
            "“Al-Qaeda attacked the U.S. on 9/11 and we went to war with Iraq.",
        ),
        (
            0,
            1891,
            1977,
            "If this report is true, ISIS attacked the U.S. and we nearly went to war with Iran.”",
        ),
        (
            0,
            1978,
            2151,
            "In response to the Times report, Jamal Abdi, president of the National Iranian American Council, tweeted: “Al-Qaeda attacked the U.S. on 9/11 and we went to war with Iraq.",
        ),
        (
            0,
            2152,
            2238,
            "If this report is true, ISIS attacked the U.S. and we nearly went to war with Iran.”",
        ),
        (
            0,
            2239,
            2447,
            "U.S. officials insisted to the Times that they have \"solid evidence\" showing that Khataib Hezbollah carried out the attack, but they have not released any of this evidence to the public or to Iraqi officials.",
        ),
        (
            0,
            2448,
            2684,
            "“We have requested the American side to share with us any information, any evidence, but they have not sent us any information,” Lt. Gen. Muhammad al-Bayati, chief of staff for former Prime Minister Adel Abdul Mahdi, told the Times.",
        ),
        (
            0,
            2685,
            2871,
            "Ilan Goldenberg, Middle East security director at the Center for a New American Security think tank, tweeted that the U.S. Congress “must ask questions about this and get the intel.”",
        ),
        (
            0,
            2872,
            2979,
            "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.",
        ),
    ];
    assert_sentences(&found(&article), expected);
    // The file has no final newline: the last sentence runs to the end of the text.
    assert_eq!(article.text.len(), 2979);
}

// Seed 002 has blank lines between paragraphs; "According to the New York Times report:" is a
// line of its own with no terminator, and the ellipsis in "who fired the rockets… saying" is
// inside a sentence while the one ending "used by American forces…" ends one.
#[test]
fn seed_002_exact_sentences() {
    let article = load_seed(SEED_002);
    let expected: &[(usize, usize, usize, &str)] = &[
        (
            0,
            0,
            243,
            "President Donald Trump’s excuse for ordering the assassination of Iranian General Qasem Suleimani is being disputed by Iraqi intelligence officials who say an attack Trump nearly started a war with Iran over was actually perpetrated by ISIS.",
        ),
        (
            1,
            245,
            359,
            "An American contractor was killed by a rocket attack against an airbase known as K-1 in Kirkuk Province last year.",
        ),
        (
            1,
            360,
            467,
            "Trump would go on to blame Iran-linked group Khataib Hezbollah even though the group denied responsibility.",
        ),
        (
            2,
            469,
            632,
            "In response, Trump used the attack to justify ordering the assassination of Suleimani, which escalated tensions in the region and could have sparked World War III.",
        ),
        (
            2,
            633,
            728,
            "In addition to having a large military of their own, Iran is also allied with Russia and China.",
        ),
        (
            3,
            730,
            914,
            "Iran would go on to retaliate by firing missiles at an Iraqi military base, resulting in 34 American soldiers suffering brain injuries that Trump has dismissed as mere “headaches.”",
        ),
        (
            4,
            916,
            1058,
            "But now Iraqi intelligence officials say that Trump’s excuse is bunk, because they believe ISIS, not Khataib Hezbollah, is the true culprit.",
        ),
        (
            5,
            1060,
            1205,
            "“All the indications are that it was Daesh (ISIS),” Iraqi chief of intelligence at K-1 Brigadier General Ahmed Adnan told the New York Times.",
        ),
        (5, 1206, 1240, "“We know Daesh’s movements.”"),
        (6, 1242, 1281, "According to the New York Times report:"),
        (
            7,
            1283,
            1467,
            "Iraqi military and intelligence officials have raised doubts about who fired the rockets… saying they believe it is unlikely that the militia the United States blamed for the attack.",
        ),
        (
            8,
            1469,
            1701,
            "The rockets were launched from a Sunni Muslim part of Kirkuk Province notorious for attacks by the Islamic State, a Sunni terrorist group, which would have made the area hostile territory for a Shiite militia like Khataib Hezbollah.",
        ),
        (
            9,
            1703,
            1774,
            "Khataib Hezbollah has not had a presence in Kirkuk Province since 2014.",
        ),
        (
            10,
            1776,
            1903,
            "The Islamic State, however, had carried out three attacks relatively close to the base in the 10 days before the attack on K-1.",
        ),
        (
            10,
            1904,
            2106,
            "Iraqi intelligence officials sent reports to the Americans in November and December warning that ISIS intended to target K-1, an Iraqi air base in Kirkuk Province that is also used by American forces…",
        ),
        (
            11,
            2108,
            2172,
            "These facts all point to the Islamic State, Iraqi officials say.",
        ),
        (
            12,
            2174,
            2465,
            "The Trump administration claims to have evidence that Iran is behind the attack, but has not revealed any such evidence to anyone, including Iraqi officials, even though Trump had Suleimani assassinated in their country and has put their country directly in harm’s way through his actions.",
        ),
        (
            13,
            2467,
            2693,
            "It should also be pointed out that Trump’s abandonment of Syria and our Kurdish allies in the region has resulted in a surge by ISIS, a terrorist group that has clear motive to cause a war between Iran and the United States.",
        ),
        (
            13,
            2694,
            2750,
            "After all, Iran has helped the United States fight ISIS.",
        ),
        (
            13,
            2751,
            2818,
            "Therefore, ISIS would benefit from just such a war between the two.",
        ),
        (
            14,
            2820,
            2876,
            "Going to war with Iran would have been a costly mistake.",
        ),
        (
            14,
            2877,
            2958,
            "American lives would have been lost and the expense would have been astronomical.",
        ),
        (
            14,
            2959,
            3073,
            "And all because Trump blamed the wrong group for an attack in his obsession with finding an excuse to target Iran.",
        ),
    ];
    assert_sentences(&found(&article), expected);
}

#[test]
fn seed_break_kinds() {
    let kinds =
        |name| -> Vec<BreakKind> { segment(&load_seed(name)).iter().map(|s| s.end).collect() };
    // Seed 000 ends "International License." with no newline: still a terminator.
    assert!(kinds(SEED_000).iter().all(|k| *k == BreakKind::Terminal));
    // Seed 002: only "According to the New York Times report:" (the 10th) ends at a line end.
    let k = kinds(SEED_002);
    assert_eq!(k[9], BreakKind::LineEnd);
    assert_eq!(
        k.iter().filter(|k| **k == BreakKind::Terminal).count(),
        k.len() - 1
    );
}

/// Byte ranges of every occurrence of `phrase` in `text` (at least one).
fn occurrences(text: &str, phrase: &str) -> Vec<Span> {
    let spans: Vec<Span> = text
        .match_indices(phrase)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect();
    assert!(!spans.is_empty(), "{phrase:?} is not in the text");
    spans
}

fn assert_no_break_inside(article: &Article, phrase: &str) {
    let spans: Vec<Span> = segment(article).iter().map(|s| s.span).collect();
    for occurrence in occurrences(&article.text, phrase) {
        assert!(
            spans.iter().any(|s| s.contains(occurrence)),
            "{}: a sentence break falls inside {phrase:?} at {occurrence:?}",
            article.name
        );
    }
}

fn assert_break_after(article: &Article, phrase: &str) {
    let sentences = segment(article);
    for occurrence in occurrences(&article.text, phrase) {
        let i = sentences
            .iter()
            .position(|s| s.span.contains(occurrence))
            .unwrap_or_else(|| panic!("{}: {phrase:?} is split", article.name));
        assert_eq!(
            sentences[i].span.end,
            occurrence.end,
            "{}: the sentence holding {phrase:?} does not end right after it: {:?}",
            article.name,
            article.slice(sentences[i].span)
        );
        assert!(
            i + 1 < sentences.len(),
            "{}: nothing follows {phrase:?}",
            article.name
        );
    }
}

// The acceptance checks of the issue, each on the seed sentence that motivated it.
#[test]
fn seed_acceptance_checks() {
    let a = load_seed(SEED_000);
    let b = load_seed(SEED_002);
    assert_no_break_inside(&a, "Iranian Gen. Qasem Soleimani");
    assert_no_break_inside(&a, "the Dec. 27 rocket attack");
    assert_no_break_inside(&a, "the U.S. Department of Defense");
    assert_no_break_inside(&a, "Lt. Gen. Muhammad al-Bayati");
    assert_no_break_inside(&a, "the U.S. Congress");
    assert_no_break_inside(&b, "who fired the rockets… saying");
    assert_break_after(&a, "We know Daesh’s movements.”");
    assert_break_after(&b, "We know Daesh’s movements.”");
}

#[test]
fn seeds_keep_the_span_contract() {
    for name in common::SEEDS {
        let article = load_seed(name);
        check_sentences(name, &article.text, article.body(), &segment(&article));
    }
}

// The JSON the `segment` command writes: `text == input[start..end]`, in byte offsets into
// the file as read.
#[test]
fn seed_json_offsets_slice_the_input() {
    for name in common::SEEDS {
        let article = load_seed(name);
        let bytes = std::fs::read(seed_path(name)).expect("read the seed");
        let sentences = segment(&article);
        let mut out = Vec::new();
        write_segments(&article, &sentences, Format::Json, &mut out).expect("write JSON");
        let json: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
        let items = json["sentences"].as_array().expect("a JSON array");
        assert_eq!(items.len(), sentences.len(), "{name}");
        for (item, sentence) in items.iter().zip(&sentences) {
            let start = item["start"].as_u64().expect("start") as usize;
            let end = item["end"].as_u64().expect("end") as usize;
            let text = item["text"].as_str().expect("text");
            assert_eq!((start, end), (sentence.span.start, sentence.span.end));
            assert_eq!(
                text.as_bytes(),
                &bytes[start..end],
                "{name}: {start}..{end}"
            );
        }
    }
}

// A BOM counts in the offsets but is in no sentence; CRLF line ends give the same sentences
// as LF ones, at offsets into the CRLF text.
#[test]
fn seed_with_bom_and_crlf() {
    let lf = seed_text(SEED_002);
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let article = Article::from_text("crlf.txt", crlf.clone());
    let got = segment(&article);
    check_sentences("crlf.txt", &crlf, article.body(), &got);
    assert_eq!(got[0].span.start, 3);
    let texts: Vec<&str> = got.iter().map(|s| article.slice(s.span)).collect();
    assert_eq!(texts, sentences(&lf));
    let paragraphs = |v: &[sourcediff::Sentence]| v.iter().map(|s| s.paragraph).collect::<Vec<_>>();
    assert_eq!(
        paragraphs(&got),
        paragraphs(&segment(&Article::from_text("lf.txt", lf)))
    );
}

// ---------------------------------------------------------------------------------------------
// The BBC corpus.

/// One BBC article as the library loads it.
struct Loaded {
    relative: String,
    result: Result<Article, Error>,
}

fn load_bbc(dir: &Path) -> Vec<Loaded> {
    bbc_files(dir)
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(dir)
                .expect("under the corpus")
                .to_string_lossy()
                .replace('\\', "/");
            let result = load::load(&Source::Path(path), DEFAULT_MAX_BYTES);
            Loaded { relative, result }
        })
        .collect()
}

// Every article: loads (but for the one Latin-1 file), segments without panicking, keeps the
// span contract, and its first sentence is its headline (the corpus puts the headline on the
// first line, then a blank line).
#[test]
fn bbc_corpus_keeps_the_span_contract() {
    let Some(dir) = bbc_dir() else { return };
    let articles = load_bbc(&dir);
    assert_eq!(articles.len(), 2225, "the BBC corpus has 2,225 articles");
    let mut total = 0;
    let mut invalid_utf8 = Vec::new();
    for a in &articles {
        let article = match &a.result {
            Ok(article) => article,
            Err(Error::InvalidUtf8 { .. }) => {
                invalid_utf8.push(a.relative.as_str());
                continue;
            }
            Err(e) => panic!("{}: {e}", a.relative),
        };
        let sentences = segment(article);
        check_sentences(&a.relative, &article.text, article.body(), &sentences);
        assert!(
            sentences.len() >= 2,
            "{}: a headline and a body",
            a.relative
        );
        let headline = article.text.lines().next().expect("a first line").trim();
        assert_eq!(article.slice(sentences[0].span), headline, "{}", a.relative);
        assert_eq!(
            sentences[1].paragraph, 1,
            "{}: the body follows a blank line",
            a.relative
        );
        total += sentences.len();
    }
    assert_eq!(invalid_utf8, ["sport/199.txt"], "the one Latin-1 file");
    // 2,224 articles of 503 bytes to 25 KB: tens of thousands of sentences, not a handful
    // (everything in one sentence) nor one per word.
    assert!((30_000..80_000).contains(&total), "{total} sentences");
}

// `sport/199.txt` is Latin-1: "£15.8m" has the pound sign as the single byte 0xA3 at byte 257.
#[test]
fn bbc_latin1_file_is_invalid_utf8_at_its_pound_sign() {
    let Some(dir) = bbc_dir() else { return };
    let path = dir.join("sport").join("199.txt");
    let bytes = std::fs::read(&path).expect("read sport/199.txt");
    assert_eq!(bytes[257], 0xA3);
    let err = load::load(&Source::Path(path.clone()), DEFAULT_MAX_BYTES).unwrap_err();
    assert!(
        matches!(err, Error::InvalidUtf8 { offset: 257, .. }),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{}: invalid UTF-8 at byte 257 (sourcediff reads UTF-8 text; convert it first, e.g. with iconv)",
            path.display()
        )
    );
}

/// Real BBC sentences, read by hand: `(file, consecutive sentences a careful reader sees)`.
/// A single sentence checks that no break falls inside it; two check the break between them.
const BBC_CASES: &[(&str, &[&str])] = &[
    // "Mr." with a period (readers' comments; BBC style itself writes "Mr Blair").
    (
        "politics/290.txt",
        &["I do not usually agree with Mr. Forsyth, but he is spot on here."],
    ),
    (
        "politics/389.txt",
        &[
            "\"The conditions for euro entry are unchanged by this new decision about the stability and growth pact,\" Mr. Brown said.",
        ],
    ),
    (
        "politics/380.txt",
        &["I thank Mr. Blair and his government for increase in the national minimum wage."],
    ),
    (
        "entertainment/353.txt",
        &[
            "I'd like to see Mr. Benn, with Brad Pitt in the title role.",
            "Sean Connery could play the mysterious costume shop owner.",
        ],
    ),
    // "U.K." before a small letter continues the sentence.
    (
        "politics/290.txt",
        &[
            "There is no doubt that there are terrorist organisations who would like to do harm to the U.K. but it is very doubtful whether al-Qaeda is a global organisation co-ordinating this.",
        ],
    ),
    // "No." as an answer is a sentence, not "No. 10": the next word is not a number.
    (
        "politics/083.txt",
        &[
            "Asked if he would stand for the leadership again, Mr Hague replied: \"No.",
            "Definitely not.\"",
        ],
    ),
    (
        "politics/267.txt",
        &[
            "So is UKIP's job to destroy the Tories, as former member Robert Kilroy-Silk once notoriously declared?",
            "\"No.",
        ],
    ),
    // Company abbreviations: "Co. said" runs on; "Warner Bros." ends a sentence before "He",
    // before "But" and before an opening quote.
    (
        "business/140.txt",
        &[
            "China's Baoshan Iron and Steel Co. said it was delaying a share sale because of weak market conditions, adding it would raise steel prices to offset ore costs.",
        ],
    ),
    (
        "tech/364.txt",
        &[
            "One, Eric Rice, has won sponsorship from Warner Bros.",
            "He can now legally play the music of a band Warner Bros wants to push.",
        ],
    ),
    (
        "entertainment/063.txt",
        &[
            "The World War I romantic drama starring Audrey Tautou, was recently ruled \"too American\" by a Paris court as it was partially backed by Warner Bros.",
            "But the Cesar organisers modified their rules to allow the film to compete.",
        ],
    ),
    (
        "tech/294.txt",
        &[
            "While Toshiba's HD-DVD technology has won backing from Paramount, Universal and Warner Bros.",
            "\"The real world benefits (of HD-DVD) are apparent and obvious,\" said Jim Cardwell, president of Warner Home Video.",
        ],
    ),
    // "Jr." and "Dec." (the presenter) end sentences before "He" and "She".
    (
        "entertainment/119.txt",
        &[
            "He started out as a singer and songwriter before going into music management, looking after country star Hank Williams Jr.",
            "He wrote Ring of Fire with June Carter Cash, the future wife of Johnny Cash who went on to score his most popular hit with the track.",
        ],
    ),
    (
        "entertainment/274.txt",
        &[
            "Deeley formerly co-hosted SM:tv, the children's show which airs before CD:UK on a Saturday morning, alongside hit presenters Ant and Dec.",
            "She won a Children's Bafta award for best presenter in December 2001 and also fronted BBC One's Fame Academy series.",
        ],
    ),
    // "i.e." never ends a sentence; "etc." does before "I" and "Who's".
    (
        "politics/039.txt",
        &[
            "\"As we know from past European history, i.e. Russia and Germany in the early 20th Century, artists will go underground or leave the country or rather than compromise their expression'.",
        ],
    ),
    (
        "tech/401.txt",
        &[
            "It's not so much quests but it has the adrenaline of a real life situation - goals to achieve etc.",
            "I spend about five hours per day online playing it and I rarely get more than four to five hours sleep before getting up for work the next morning...",
        ],
    ),
    (
        "entertainment/256.txt",
        &[
            "Same thing, with Streets, Amy Winehouse, etc.",
            "Who's ever heard of Terri Walker or Rhian Benson..",
        ],
    ),
    // Initials inside names.
    (
        "tech/206.txt",
        &[
            "\"Many big brands have leveraged the opportunity, including perhaps two of the biggest brands in the world - Senator John Kerry and President George W. Bush,\" said chief executive Sam Yagan.",
        ],
    ),
    (
        "tech/348.txt",
        &[
            "Xbox frontman J. Allard said the console looked set to be capable of one trillion calculations per second.",
        ],
    ),
    (
        "tech/023.txt",
        &[
            "\"In this particular geography getting permission to dig the ground and lay the pipes is a bit of a task,\" said Mr R. Sridharan, vice president of networks at Tata.",
        ],
    ),
    (
        "tech/371.txt",
        &[
            "\"We think free DTT could put brakes on the underlying growth of pay-TV in France,\" said Henri de Bodinat, vice-president of the Arthur D. Little consultancy.",
        ],
    ),
    // Decimal prices and version numbers; a domain name ending a sentence.
    (
        "tech/243.txt",
        &[
            "According to PC Pro, producing a print 8x10in on an Epson R800 printer using top quality paper costs £1.87.",
            "At Jessops the same image would cost £2.50 and at Snappy Snaps £9.99.",
        ],
    ),
    (
        "tech/284.txt",
        &[
            "Security firm iDefence, which notified users of the problem, recommended that users upgrade to iTunes version 4.7.1.",
            "The problem affects all users of iTunes - Windows and Mac OS - running versions 4.7 and earlier.",
        ],
    ),
    (
        "tech/157.txt",
        &[
            "Many artists and designers are experimenting with this form of gaming with an agenda in projects such as newsgaming.com.",
            "The aim is to comment on international news events via games.",
        ],
    ),
    // An ellipsis before a small letter is inside the sentence.
    (
        "tech/043.txt",
        &[
            "\"RipGuard is designed to... reduce DVD ripping and the resulting supply of illegal peer to peer,\" said the firm.",
        ],
    ),
];

/// Sentence texts of one BBC article, loaded from the corpus.
fn bbc_sentences(dir: &Path, relative: &str) -> Vec<String> {
    let path = dir.join(relative);
    let article = load::load(&Source::Path(path), DEFAULT_MAX_BYTES)
        .unwrap_or_else(|e| panic!("{relative}: {e}"));
    segment(&article)
        .iter()
        .map(|s| article.slice(s.span).to_string())
        .collect()
}

/// The cases whose sentences do not appear, consecutively and exactly, in their file.
fn failing_cases(dir: &Path, cases: &[(&str, &[&str])]) -> Vec<String> {
    let mut failures = Vec::new();
    for (file, expected) in cases {
        let got = bbc_sentences(dir, file);
        let found = got
            .windows(expected.len())
            .any(|w| w.iter().zip(expected.iter()).all(|(g, e)| g == e));
        if !found {
            let first_words: String = expected[0].chars().take(30).collect();
            let near: Vec<&String> = got
                .iter()
                .filter(|s| {
                    expected
                        .iter()
                        .any(|e| s.contains(&first_words) || e.contains(s.as_str()))
                })
                .collect();
            failures.push(format!("{file}: expected {expected:#?}\n  got {near:#?}"));
        }
    }
    failures
}

#[test]
fn bbc_real_sentences() {
    let Some(dir) = bbc_dir() else { return };
    let failures = failing_cases(&dir, BBC_CASES);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Breaks read off the corpus that once were missed: a company abbreviation, "etc." or a month
/// before a capitalised word, and a single capital that is not an initial ("World War I. But",
/// the pronoun "I", "Cell Block H." before a closing quote, "Mr P." before an opening quote).
const BBC_ONCE_MISSED_BREAKS: &[(&str, &[&str])] = &[
    (
        "business/403.txt",
        &[
            "The company emerged from Chapter 11 protection last year and changed its name to MCI Inc.",
            "Former WorldCom chief executive Bernard Ebbers is to face trial this month on criminal charges that he oversaw the fraud.",
        ],
    ),
    (
        "entertainment/200.txt",
        &[
            "Contestants Paul Burrell, Joe Pasquale, Janet Street-Porter and Fran Cosgrave were told by hosts Ant and Dec.",
            "Natalie Appleton's decision to quit the show last Monday had given them all a stay of execution, the group were told.",
        ],
    ),
    (
        "entertainment/253.txt",
        &[
            "Everybody knows the words to Bohemian Rhapsody, Nothing Compares 2 U, etc.",
            "Much better songs and more timeless.",
        ],
    ),
    (
        "entertainment/310.txt",
        &[
            "Robinson added he would \"love\" to do another series, each of which was set in a different era, ranging from the 15th century to World War I.",
            "But the BBC said on Thursday there were no plans for a comeback.",
        ],
    ),
    (
        "politics/290.txt",
        &[
            "It is to you and I.",
            "The terrorist aim to kill indiscriminately.",
        ],
    ),
    (
        "politics/260.txt",
        &[
            "Conservative co-chairman Liam Fox derided the photo call, saying: \"The show of unity was the worst acting I have seen since Prisoner Cell Block H.\"",
            "Labour had broken promises by raising taxes 66 times and brought the slowest economic growth in the English-speaking world, he said.",
        ],
    ),
    (
        "politics/009.txt",
        &[
            "Final sentence of earlier e-mail probably a bit colourful and personal considering we have never actually met but I'm sure you share the same sense of humour as your star presenter Mr P.",
            "\"Never known such a silly fuss since the last silly fuss but there we go.",
        ],
    ),
];

#[test]
fn bbc_once_missed_breaks() {
    let Some(dir) = bbc_dir() else { return };
    let failures = failing_cases(&dir, BBC_ONCE_MISSED_BREAKS);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Breaks the segmenter still misses: "Malcolm X." followed by a name reads exactly like
/// "George W. Bush"; telling them apart needs knowing that "X" is not an initial here. Run with
/// `cargo test -- --ignored`.
const BBC_MISSED_BREAKS: &[(&str, &[&str])] = &[
    (
        "entertainment/043.txt",
        &[
            "He frequently collaborated with director Spike Lee, starring in seven Lee films including Jungle Fever, Do The Right Thing and Malcolm X.",
            "Attallah Shabazz, the daughter of activist Malcolm X, recalled the famous eulogy delivered by Davis at her father's funeral.",
        ],
    ),
    (
        "entertainment/044.txt",
        &[
            "He was a featured speaker at the funerals of both Martin Luther King Jnr and Malcolm X.",
            "Besides Dee, Davis is survived by three children Nora, Hasna and Guy, a blues artist, and seven grandchildren.",
        ],
    ),
];

#[test]
#[ignore = "known limitation: a single capital before a name (see BBC_MISSED_BREAKS)"]
fn bbc_known_missed_breaks() {
    let Some(dir) = bbc_dir() else { return };
    let failures = failing_cases(&dir, BBC_MISSED_BREAKS);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

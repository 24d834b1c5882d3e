//! The loader on real plain text: the BBC corpus (`../shared/corpus/bbc`, skipped with a
//! printed reason when absent) and the PolNeAr political articles. Plain news copy must come
//! through as plain text, with nothing invented as metadata and nothing blanked that is not.

mod common;

use sourcediff::load::{self, InputFormat, LoadOptions};

#[test]
fn bbc_articles_stay_plain_text_and_nothing_is_blanked_wrongly() {
    let Some(dir) = common::bbc_dir() else {
        return;
    };
    let mut changed = Vec::new();
    let mut loaded = 0;
    for path in common::bbc_files(&dir) {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path.display().to_string();
        let Ok(article) = load::parse(name.clone(), bytes.clone(), &LoadOptions::default()) else {
            continue;
        };
        loaded += 1;
        assert_eq!(article.format, InputFormat::Text, "{name}");
        if article.text.as_bytes() != bytes.as_slice() {
            changed.push(format!("{name}: {:?}", article.meta));
        }
    }
    println!(
        "{loaded} articles loaded, {} with a header read:",
        changed.len()
    );
    for c in &changed {
        println!("  {c}");
    }
    assert!(loaded > 2000);
    assert!(changed.is_empty(), "{changed:#?}");
}

#[test]
fn polnear_articles_stay_plain_text() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("corpus").join("polnear-train").join("articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut changed = Vec::new();
    let mut blanked: Vec<String> = Vec::new();
    let mut loaded = 0;
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path.display().to_string();
        let Ok(article) = load::parse(name.clone(), bytes.clone(), &LoadOptions::default()) else {
            continue;
        };
        loaded += 1;
        assert_eq!(article.format, InputFormat::Text, "{name}");
        assert_eq!(article.text.len(), bytes.len(), "{name}");
        if article.meta != Default::default() {
            let first = article
                .text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            changed.push(format!("{name}: {:?} | {first:.60}", article.meta));
        }
        // What is blanked (tags, standing lines) is overwritten with spaces and nothing else:
        // each stretch of spaces in the analysed text that was not all spaces in the file.
        let text = article.text.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            if text[k] != b' ' {
                assert_eq!(text[k], bytes[k], "{name}: byte {k} changed to no space");
                k += 1;
                continue;
            }
            let start = k;
            while k < bytes.len() && text[k] == b' ' {
                k += 1;
            }
            let was = String::from_utf8_lossy(&bytes[start..k]).trim().to_string();
            if !was.is_empty() {
                blanked.push(was);
            }
        }
    }
    println!(
        "{loaded} articles loaded, {} with a header read:",
        changed.len()
    );
    for c in &changed {
        println!("  {c}");
    }
    assert!(loaded > 800);
    // "EXCLUSIVE — Roger Stone: …" (breitbart, 2016-08-08) opens like a dateline and is not one.
    assert!(changed.is_empty(), "{changed:#?}");
    // The tweets' and links' tags, and the sites' standing lines, are all that is blanked.
    let tags = blanked.iter().filter(|b| b.starts_with('<')).count();
    let lines: Vec<&String> = blanked.iter().filter(|b| !b.starts_with('<')).collect();
    println!("{tags} tags and {} standing lines blanked:", lines.len());
    for l in &lines {
        println!("  {l}");
    }
    assert!(
        blanked
            .iter()
            .filter(|b| b.starts_with('<'))
            .all(|b| b.ends_with('>')),
        "{blanked:#?}"
    );
    assert!(tags >= 150, "{tags} tags blanked");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Follow Pam Key on Twitter"))
            && lines.iter().any(|l| l.ends_with("Like the page:"))
            && lines.iter().all(|l| !l.contains(" said")),
        "{lines:#?}"
    );
}

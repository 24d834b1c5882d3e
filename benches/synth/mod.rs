//! A synthetic news archive with realistic reuse, for the scan benchmarks and the
//! million-article run (`cargo run --release --example synth_archive -- N OUT.jsonl`).
//!
//! No data is bundled: words are made from syllables and drawn with Zipf frequencies (a few
//! very common words, a long tail of rare ones, as in news text). A tenth of the articles are
//! wire stories; most others take one wire story (an earlier one) and reprint part of it as a
//! member paper would: whole sentences copied, some edited (a word replaced, inserted or cut),
//! the lead rewritten, a quotation kept with its speaker, the paper's own sentences added. The
//! rest are original stories. Everything follows from the seed: the same N gives the same
//! archive, byte for byte.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{self, Write};

/// A small, fast, seeded generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const SYLLABLES: &[&str] = &[
    "ba", "be", "bi", "bo", "ca", "co", "da", "de", "di", "do", "fa", "fe", "ga", "go", "ha", "he",
    "ka", "ki", "la", "le", "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe",
    "po", "ra", "re", "ri", "ro", "sa", "se", "si", "so", "ta", "te", "ti", "to", "va", "ve", "vi",
    "ter", "son", "man", "ber", "land", "ton", "ing", "ment", "tion", "ar", "el", "on", "us",
];

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "it", "with", "as", "was",
    "by", "at", "from", "has", "have", "be", "are", "had", "not", "but", "its", "their",
];

/// The archive's vocabulary and name lists, made once.
pub struct Vocabulary {
    words: Vec<String>,
    names: Vec<String>,
    /// Cumulative Zipf weights over `words`.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    pub fn new(size: usize, rng: &mut Rng) -> Vocabulary {
        let mut words = Vec::with_capacity(size);
        let mut seen = std::collections::HashSet::new();
        while words.len() < size {
            let n = 1 + rng.below(3);
            let w: String = (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if w.len() >= 3 && seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let names = (0..size / 20)
            .map(|k| {
                let w = &words[(k * 7 + 3) % words.len()];
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
            .collect();
        let mut total = 0.0;
        let cumulative = (0..size)
            .map(|r| {
                total += 1.0 / (r as f64 + 2.0);
                total
            })
            .collect();
        Vocabulary {
            words,
            names,
            cumulative,
        }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let k = self.cumulative.partition_point(|&c| c < x);
        &self.words[k.min(self.words.len() - 1)]
    }

    fn name(&self, rng: &mut Rng) -> &str {
        &self.names[rng.below(self.names.len())]
    }

    /// One sentence of 8 to 28 words: content words, function words, names and numbers.
    fn sentence(&self, rng: &mut Rng) -> Vec<String> {
        let n = 8 + rng.below(21);
        (0..n)
            .map(|k| {
                if k == 0 || rng.chance(0.1) {
                    self.name(rng).to_string()
                } else if rng.chance(0.35) {
                    FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_string()
                } else if rng.chance(0.04) {
                    (1 + rng.below(999)).to_string()
                } else {
                    self.word(rng).to_string()
                }
            })
            .collect()
    }

    /// A quotation with its speaker: `"…," Name said.`
    fn quote(&self, rng: &mut Rng) -> String {
        let words = self.sentence(rng);
        let speaker = self.name(rng);
        format!("\u{201c}{},\u{201d} {speaker} said.", words.join(" "))
    }
}

fn render(words: &[String]) -> String {
    let mut s = words.join(" ");
    s.push('.');
    s
}

/// One story: its sentences (already rendered) and paragraph breaks every few sentences.
fn story_text(sentences: &[String]) -> String {
    let mut text = String::new();
    for (k, s) in sentences.iter().enumerate() {
        if k > 0 {
            text.push_str(if k % 3 == 0 { "\n\n" } else { " " });
        }
        text.push_str(s);
    }
    text
}

/// A sentence edited as a sub-editor would: a word replaced, inserted or cut.
fn edit(words: &[String], vocab: &Vocabulary, rng: &mut Rng) -> Vec<String> {
    let mut w = words.to_vec();
    let edits = 1 + rng.below(2);
    for _ in 0..edits {
        let at = 1 + rng.below(w.len().saturating_sub(1).max(1));
        match rng.below(3) {
            0 if at < w.len() => w[at] = vocab.word(rng).to_string(),
            1 => w.insert(at.min(w.len()), vocab.word(rng).to_string()),
            _ if w.len() > 6 && at < w.len() => {
                w.remove(at);
            }
            _ => {}
        }
    }
    w
}

/// Writes an archive of `n` articles as JSON Lines (`id`, `text`, `date`, `source`) and
/// returns its size in bytes. Wire stories are dated before the papers that reprint them.
pub fn write_archive(n: usize, seed: u64, out: &mut dyn Write) -> io::Result<u64> {
    let mut rng = Rng::new(seed);
    let vocab = Vocabulary::new(40_000, &mut rng);
    // Wire stories kept as sentences so that papers can reprint them.
    let mut wire: Vec<Vec<Vec<String>>> = Vec::new();
    let mut wire_quotes: Vec<String> = Vec::new();
    let mut bytes = 0u64;
    let mut line = String::new();
    for k in 0..n {
        let day = k * 3650 / n.max(1);
        let date = format!(
            "{:04}-{:02}-{:02}",
            2010 + day / 365,
            1 + (day % 365) / 31 % 12,
            1 + day % 28
        );
        let (source, sentences): (String, Vec<String>) = if k % 10 == 0 || wire.is_empty() {
            // A wire story of 6 to 14 sentences with a quotation.
            let s: Vec<Vec<String>> = (0..5 + rng.below(7))
                .map(|_| vocab.sentence(&mut rng))
                .collect();
            let quote = vocab.quote(&mut rng);
            let mut rendered: Vec<String> = s.iter().map(|w| render(w)).collect();
            rendered.insert(1.min(rendered.len()), quote.clone());
            if wire.len() >= 5_000 {
                // Papers reprint recent wire stories.
                let drop = rng.below(wire.len());
                wire.swap_remove(drop);
                wire_quotes.swap_remove(drop);
            }
            wire.push(s);
            wire_quotes.push(quote);
            ("Wire".to_string(), rendered)
        } else if rng.chance(0.6) {
            // A paper reprints part of a wire story.
            let w = rng.below(wire.len());
            let story = &wire[w];
            let mut out = vec![render(&vocab.sentence(&mut rng))];
            let keep = 0.3 + 0.7 * (rng.below(100) as f64 / 100.0);
            for (i, s) in story.iter().enumerate() {
                if i > 0 && !rng.chance(keep) {
                    continue;
                }
                out.push(if rng.chance(0.25) {
                    render(&edit(s, &vocab, &mut rng))
                } else {
                    render(s)
                });
                if i == 0 && rng.chance(0.7) {
                    out.push(wire_quotes[w].clone());
                }
            }
            for _ in 0..rng.below(4) {
                out.push(render(&vocab.sentence(&mut rng)));
            }
            (format!("Paper {}", rng.below(200)), out)
        } else {
            // An original story.
            let out = (0..4 + rng.below(8))
                .map(|_| render(&vocab.sentence(&mut rng)))
                .collect();
            (format!("Paper {}", rng.below(200)), out)
        };
        let text = story_text(&sentences);
        line.clear();
        let _ = write!(
            line,
            "{}",
            serde_json::json!({"id": format!("a{k:07}"), "text": text, "date": date, "source": source})
        );
        line.push('\n');
        out.write_all(line.as_bytes())?;
        bytes += line.len() as u64;
    }
    Ok(bytes)
}

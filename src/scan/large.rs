//! Scanning archives larger than memory: the candidate index spills sorted shards to a work
//! folder, articles are indexed again when their pairs are aligned instead of being kept, and
//! the candidate list is saved so that a second run over the same inputs starts aligning at
//! once.
//!
//! Memory is bounded by `Budget::memory`: the articles' text (kept, as alignment needs it),
//! one shard of postings (`hash, document` pairs, 12 bytes each, at most a quarter of the
//! budget), the candidate links, and one batch of indexed articles.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::input::Input;
use super::{BATCH, DocInfo, PairLoop, QuoteCache, ScanDoc, ScanOptions, Sink, Summary};
use crate::index;
use crate::tokenize::Document;

/// Where and how much a scan may use.
#[derive(Clone, Debug)]
pub struct Budget {
    /// The work folder for index shards and the saved candidate list; `None` keeps everything
    /// in memory.
    pub work_dir: Option<PathBuf>,
    /// Bytes of memory the scan aims to stay under.
    pub memory: u64,
}

/// Default memory budget: 4 GiB.
pub const DEFAULT_MEMORY: u64 = 4 << 30;

/// Indexed articles take about this many times their text's size in memory (sentences,
/// tokens, keys, stems, the aligner's per-sentence features, n-grams: measured 60 on the BBC
/// corpus); above the budget they are indexed again per batch.
const INDEXED_FACTOR: u64 = 64;

/// Parses a size: `512M`, `12G`, `800000K`, or a number of bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((k, _)) => t.split_at(k),
        None => (t, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 512M, 12G)"))?;
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("`{s}`: unknown unit (use K, M or G)")),
    };
    n.checked_mul(1 << shift)
        .filter(|&b| b > 0)
        .ok_or_else(|| format!("`{s}` is not a usable size"))
}

/// A fingerprint of the inputs and of the index's constants: the name of the saved candidate
/// list. Changing any article, id, or constant gives another name.
fn fingerprint(inputs: &[Input], options: &ScanOptions) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h = (h ^ 0xff).wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(b"sourcediff-candidates-1");
    eat(&(index::NGRAM as u64).to_le_bytes());
    eat(&(options.max_df as u64).to_le_bytes());
    eat(&(options.min_shared_ngrams as u64).to_le_bytes());
    for i in inputs {
        eat(i.id.as_bytes());
        eat(i.article.text.as_bytes());
    }
    h
}

/// Postings (`hash, document`) gathered in memory and spilled as sorted shards when they
/// outgrow their share of the budget.
struct Postings {
    buf: Vec<(u64, u32)>,
    limit: usize,
    dir: Option<PathBuf>,
    shards: Vec<PathBuf>,
}

impl Postings {
    fn push(&mut self, doc: u32, ngrams: &[u64]) -> io::Result<()> {
        self.buf.extend(ngrams.iter().map(|&h| (h, doc)));
        if self.buf.len() >= self.limit && self.dir.is_some() {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        let Some(dir) = &self.dir else { return Ok(()) };
        self.buf.par_sort_unstable();
        let path = dir.join(format!(
            "shard-{}-{}.bin",
            std::process::id(),
            self.shards.len()
        ));
        let mut w = BufWriter::new(File::create(&path)?);
        for &(h, d) in &self.buf {
            w.write_all(&h.to_le_bytes())?;
            w.write_all(&d.to_le_bytes())?;
        }
        w.flush()?;
        self.shards.push(path);
        self.buf.clear();
        Ok(())
    }

    /// Candidate pairs from all postings, each n-gram group read once in hash order.
    fn candidates(mut self, max_df: usize, min_shared: usize) -> io::Result<Vec<(u32, u32)>> {
        let mut links: Vec<u64> = Vec::new();
        let mut group: Vec<u32> = Vec::new();
        let mut current: Option<u64> = None;
        let flush = |group: &mut Vec<u32>, links: &mut Vec<u64>| {
            if group.len() >= 2 && group.len() <= max_df {
                for (k, &i) in group.iter().enumerate() {
                    for &j in &group[k + 1..] {
                        if i != j {
                            links.push(u64::from(i.min(j)) << 32 | u64::from(i.max(j)));
                        }
                    }
                }
            }
            group.clear();
        };
        if self.shards.is_empty() {
            self.buf.par_sort_unstable();
            for &(h, d) in &self.buf {
                if current != Some(h) {
                    flush(&mut group, &mut links);
                    current = Some(h);
                }
                group.push(d);
            }
        } else {
            if !self.buf.is_empty() {
                self.spill()?;
            }
            let mut readers: Vec<BufReader<File>> = self
                .shards
                .iter()
                .map(|p| File::open(p).map(|f| BufReader::with_capacity(1 << 16, f)))
                .collect::<io::Result<_>>()?;
            let mut heap = BinaryHeap::new();
            for (k, r) in readers.iter_mut().enumerate() {
                if let Some(p) = read_posting(r)? {
                    heap.push(Reverse((p, k)));
                }
            }
            while let Some(Reverse(((h, d), k))) = heap.pop() {
                if current != Some(h) {
                    flush(&mut group, &mut links);
                    current = Some(h);
                }
                group.push(d);
                if let Some(p) = read_posting(&mut readers[k])? {
                    heap.push(Reverse((p, k)));
                }
            }
            for p in &self.shards {
                let _ = fs::remove_file(p);
            }
        }
        flush(&mut group, &mut links);
        drop(self.buf);
        links.par_sort_unstable();
        Ok(links
            .chunk_by(|p, q| p == q)
            .filter(|run| run.len() >= min_shared.max(1))
            .map(|run| ((run[0] >> 32) as u32, run[0] as u32))
            .collect())
    }
}

fn read_posting(r: &mut impl Read) -> io::Result<Option<(u64, u32)>> {
    let mut b = [0u8; 12];
    match r.read_exact(&mut b) {
        Ok(()) => {
            let mut h = [0u8; 8];
            h.copy_from_slice(&b[..8]);
            let mut d = [0u8; 4];
            d.copy_from_slice(&b[8..]);
            Ok(Some((u64::from_le_bytes(h), u32::from_le_bytes(d))))
        }
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

fn load_candidates(path: &Path) -> Option<Vec<(u32, u32)>> {
    let bytes = fs::read(path).ok()?;
    if bytes.len() % 8 != 0 {
        return None;
    }
    Some(
        bytes
            .chunks_exact(8)
            .map(|c| {
                let (a, b) = c.split_at(4);
                (
                    u32::from_le_bytes([a[0], a[1], a[2], a[3]]),
                    u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
                )
            })
            .collect(),
    )
}

fn save_candidates(path: &Path, found: &[(u32, u32)]) -> io::Result<()> {
    crate::report::write_atomically(path, |w| {
        for &(i, j) in found {
            w.write_all(&i.to_le_bytes())?;
            w.write_all(&j.to_le_bytes())?;
        }
        Ok(())
    })
}

/// Scans articles read by [`super::input::read_inputs`] within a memory budget, spilling to
/// the work folder when one is given. Finds exactly the pairs [`super::scan`] finds, in the
/// same order, with the same records.
pub fn scan_inputs(
    inputs: Vec<Input>,
    options: &ScanOptions,
    budget: &Budget,
    sink: &mut dyn Sink,
    progress: &mut dyn FnMut(usize, usize),
) -> io::Result<Summary> {
    let text: u64 = inputs.iter().map(|i| i.article.text.len() as u64).sum();
    let keep = text.saturating_mul(INDEXED_FACTOR) <= budget.memory;
    if let Some(dir) = &budget.work_dir {
        fs::create_dir_all(dir)?;
    }
    let saved = budget.work_dir.as_ref().map(|d| {
        d.join(format!(
            "candidates-{:016x}.bin",
            fingerprint(&inputs, options)
        ))
    });
    let reused = saved.as_deref().and_then(load_candidates);

    let mut postings = Postings {
        buf: Vec::new(),
        limit: (budget.memory / 4 / 12).max(1 << 12) as usize,
        dir: budget.work_dir.clone(),
        shards: Vec::new(),
    };
    // Index: every article once, in chunks on all cores.
    const CHUNK: usize = 4096;
    let mut kept: Vec<ScanDoc> = Vec::new();
    let mut words: Vec<usize> = Vec::with_capacity(inputs.len());
    for (c, chunk) in inputs.chunks(CHUNK).enumerate() {
        if keep {
            let docs: Vec<ScanDoc> = chunk.par_iter().map(index_one).collect();
            for (k, d) in docs.iter().enumerate() {
                words.push(d.words());
                if reused.is_none() {
                    postings.push((c * CHUNK + k) as u32, &d.ngrams)?;
                }
            }
            kept.extend(docs);
        } else {
            let per: Vec<(usize, Vec<u64>)> = chunk
                .par_iter()
                .map(|i| {
                    let d = Document::new(i.article.clone());
                    let w = (0..d.sentences.len()).map(|s| d.word_count(s)).sum();
                    let ngrams = if reused.is_none() {
                        index::ngram_hashes(&d, index::NGRAM)
                    } else {
                        Vec::new()
                    };
                    (w, ngrams)
                })
                .collect();
            for (k, (w, ngrams)) in per.into_iter().enumerate() {
                words.push(w);
                if reused.is_none() {
                    postings.push((c * CHUNK + k) as u32, &ngrams)?;
                }
            }
        }
    }
    let infos: Vec<DocInfo> = inputs
        .iter()
        .zip(&words)
        .map(|(i, &w)| DocInfo {
            record: "document",
            id: i.id.clone(),
            words: w,
            meta: i.meta.clone(),
        })
        .collect();
    sink.begin(&infos)?;
    drop(infos);
    let mut found = match reused {
        Some(found) => found,
        None => {
            let found = postings.candidates(options.max_df, options.min_shared_ngrams)?;
            if let Some(path) = &saved {
                save_candidates(path, &found)?;
            }
            found
        }
    };
    if let Some(t) = options.against {
        let t = t as u32;
        found.retain(|&(i, j)| i == t || j == t);
    }

    let total = found.len();
    let mut pairs = PairLoop::new(inputs.len());
    let kept_quotes: Vec<QuoteCache<'_>> = kept.iter().map(|_| OnceLock::new()).collect();
    for (n, batch) in found.chunks(BATCH).enumerate() {
        // The articles of this batch, indexed again unless kept.
        let built: FxHashMap<u32, ScanDoc> = if keep {
            FxHashMap::default()
        } else {
            let mut ids: Vec<u32> = batch.iter().flat_map(|&(i, j)| [i, j]).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.into_par_iter()
                .map(|d| (d, index_one(&inputs[d as usize])))
                .collect::<Vec<_>>()
                .into_iter()
                .collect()
        };
        if keep {
            let doc = |d: u32| (&kept[d as usize], &kept_quotes[d as usize]);
            pairs.batch(batch, doc, options, sink)?;
        } else {
            let quotes: FxHashMap<u32, QuoteCache<'_>> =
                built.keys().map(|&d| (d, OnceLock::new())).collect();
            let doc = |d: u32| (&built[&d], &quotes[&d]);
            pairs.batch(batch, doc, options, sink)?;
        }
        progress((n * BATCH + batch.len()).min(total), total);
    }
    let ids: Vec<(&str, Option<&str>)> = inputs
        .iter()
        .map(|i| (i.id.as_str(), i.meta.date.as_deref()))
        .collect();
    pairs.finish(&ids, total, sink)
}

fn index_one(i: &Input) -> ScanDoc {
    ScanDoc::new(i.id.clone(), i.article.clone(), i.meta.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("12G"), Ok(12 << 30));
        assert_eq!(parse_size("512m"), Ok(512 << 20));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("12T").is_err());
        assert!(parse_size("G").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("99999999999G").is_err());
    }

    #[test]
    fn spilled_shards_give_the_same_candidates() {
        let lists: Vec<Vec<u64>> = (0..300u64)
            .map(|d| {
                let mut l: Vec<u64> = (0..40).map(|k| (d / 3) * 1000 + k).collect();
                l.push(7); // in every document: over the cap
                l.push(900_000 + d % 50);
                l.sort_unstable();
                l
            })
            .collect();
        let expected = super::super::candidates(&lists, 100, 2);
        assert!(!expected.is_empty());
        let dir = tempfile::tempdir().unwrap();
        let mut p = Postings {
            buf: Vec::new(),
            limit: 500,
            dir: Some(dir.path().to_path_buf()),
            shards: Vec::new(),
        };
        for (d, l) in lists.iter().enumerate() {
            p.push(d as u32, l).unwrap();
        }
        assert!(p.shards.len() > 10);
        assert_eq!(p.candidates(100, 2).unwrap(), expected);
        // Shards are removed once merged.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}

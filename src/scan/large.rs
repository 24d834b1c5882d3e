//! Scanning archives larger than memory: the candidate index spills sorted shards to a work
//! folder; when the indexed articles do not fit the budget, the pairs are aligned family by
//! family (each group of linked articles indexed once) and their records written to the work
//! folder in sorted runs, then merged back into candidate order. The candidate list (with each
//! article's word count) and the records are kept, so that a second run over the same inputs
//! with the same options aligns nothing again.
//!
//! Memory is bounded by `Budget::memory`: the articles' text (kept, as alignment needs it),
//! one shard of postings (`hash, document` pairs, 12 bytes each, at most a quarter of the
//! budget), the candidate links, and one chunk of indexed articles (at most half the budget,
//! and at least one batch of pairs' articles).
//!
//! Saved records belong to one version of sourcediff: they are named by a fingerprint of the
//! inputs, the options and the crate version, so a build that aligns differently under the
//! same version number (a development build) should be given a fresh work folder.

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
use crate::index::Boilerplate;
use crate::index::DocIndex;
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
    eat(b"sourcediff-candidates-3");
    eat(&(index::NGRAM as u64).to_le_bytes());
    eat(&(options.max_df as u64).to_le_bytes());
    eat(&(options.min_shared_ngrams as u64).to_le_bytes());
    eat(&(options.boilerplate_df as u64).to_le_bytes());
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
        super::sort_by_top_bits(&mut self.buf, |p| p.0);
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
            super::sort_by_top_bits(&mut self.buf, |p| p.0);
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
        super::sort_by_top_bits(&mut links, |&l| l);
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

/// What a work folder keeps of a run besides the pair records: each article's word count, the
/// boilerplate sentences' hashes and the candidate pairs.
struct Saved {
    words: Vec<usize>,
    boilerplate: Vec<u64>,
    found: Vec<(u32, u32)>,
}

fn load_candidates(path: &Path, documents: usize) -> Option<Saved> {
    let bytes = fs::read(path).ok()?;
    let u64_at = |c: &[u8]| {
        let mut n = [0u8; 8];
        n.copy_from_slice(c.get(..8)?);
        Some(u64::from_le_bytes(n))
    };
    let u32_at = |c: &[u8]| u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
    if u64_at(&bytes)? != documents as u64 {
        return None;
    }
    let head = 8 + 4 * documents;
    let common = usize::try_from(u64_at(bytes.get(head..)?)?).ok()?;
    let rest = head.checked_add(8)?.checked_add(common.checked_mul(8)?)?;
    if bytes.len() < rest || !(bytes.len() - rest).is_multiple_of(8) {
        return None;
    }
    let words = bytes[8..head]
        .chunks_exact(4)
        .map(|c| u32_at(c) as usize)
        .collect();
    let boilerplate = bytes[head + 8..rest]
        .chunks_exact(8)
        .filter_map(u64_at)
        .collect();
    let found: Vec<(u32, u32)> = bytes[rest..]
        .chunks_exact(8)
        .map(|c| (u32_at(&c[..4]), u32_at(&c[4..])))
        .collect();
    // A damaged list is not used: every pair must name two documents, in order.
    if found
        .iter()
        .any(|&(i, j)| i >= j || j as usize >= documents)
    {
        return None;
    }
    Some(Saved {
        words,
        boilerplate,
        found,
    })
}

fn save_candidates(
    path: &Path,
    words: &[usize],
    boilerplate: &Boilerplate,
    found: &[(u32, u32)],
) -> io::Result<()> {
    crate::report::write_atomically(path, |w| {
        w.write_all(&(words.len() as u64).to_le_bytes())?;
        for &n in words {
            w.write_all(&(n.min(u32::MAX as usize) as u32).to_le_bytes())?;
        }
        let common = boilerplate.hashes();
        w.write_all(&(common.len() as u64).to_le_bytes())?;
        for h in common {
            w.write_all(&h.to_le_bytes())?;
        }
        for &(i, j) in found {
            w.write_all(&i.to_le_bytes())?;
            w.write_all(&j.to_le_bytes())?;
        }
        Ok(())
    })
}

fn words_of(d: &Document) -> usize {
    (0..d.sentences.len()).map(|s| d.word_count(s)).sum()
}

/// Scans articles read by [`super::input::read_inputs`] within a memory budget, spilling to
/// the work folder when one is given. Finds exactly the pairs [`super::scan`] finds, in the
/// same order, with the same records.
///
/// Each article is segmented and tokenized once; only the articles of at least one candidate
/// pair are indexed for alignment. When the indexed articles fit the budget they are kept and
/// the pairs aligned in candidate order. When they do not and a work folder is given, the
/// pairs are aligned family by family (each group of articles linked by candidates indexed
/// once, as many groups at a time as the budget holds) and their records written to the work
/// folder in sorted runs, then merged back into candidate order; a second run over the same
/// inputs with the same options reads the saved records instead of aligning again.
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
    let fp = budget
        .work_dir
        .as_ref()
        .map(|_| fingerprint(&inputs, options));
    let saved = budget
        .work_dir
        .as_ref()
        .zip(fp)
        .map(|(d, fp)| d.join(format!("candidates-{fp:016x}.bin")));
    let reused = saved
        .as_deref()
        .and_then(|p| load_candidates(p, inputs.len()));

    let postings = Postings {
        buf: Vec::new(),
        limit: (budget.memory / 4 / 12).max(1 << 12) as usize,
        dir: budget.work_dir.clone(),
        shards: Vec::new(),
    };
    if keep {
        return scan_kept(inputs, reused, postings, saved, options, sink, progress);
    }
    // The articles do not fit indexed: pass 1 keeps only each one's word count, n-grams and
    // distinct sentence hashes (a few hundred bytes an article, next to its text).
    let (words, boilerplate, found) = match reused {
        Some(s) => (s.words, Boilerplate::from_hashes(s.boilerplate), s.found),
        None => {
            let mut postings = postings;
            const CHUNK: usize = 4096;
            let mut words: Vec<usize> = Vec::with_capacity(inputs.len());
            let mut sentences: Vec<u64> = Vec::new();
            for (c, chunk) in inputs.chunks(CHUNK).enumerate() {
                let per: Vec<(usize, Vec<u64>, Vec<u64>)> = chunk
                    .par_iter()
                    .map(|i| {
                        let d = Document::new(i.article.clone());
                        let own = index::distinct_sentences(&index::sentence_hashes(&d));
                        (words_of(&d), index::ngram_hashes(&d, index::NGRAM), own)
                    })
                    .collect();
                for (k, (w, ngrams, own)) in per.into_iter().enumerate() {
                    words.push(w);
                    sentences.extend(own);
                    postings.push((c * CHUNK + k) as u32, &ngrams)?;
                }
            }
            let boilerplate = Boilerplate::from_distinct(sentences, options.boilerplate_df);
            let found = postings.candidates(options.max_df, options.min_shared_ngrams)?;
            if let Some(path) = &saved {
                save_candidates(path, &words, &boilerplate, &found)?;
            }
            (words, boilerplate, found)
        }
    };
    begin(&inputs, &words, sink)?;
    drop(words);
    let found = against(found, options);
    let ids: Vec<(&str, Option<&str>)> = inputs
        .iter()
        .map(|i| (i.id.as_str(), i.meta.date.as_deref()))
        .collect();
    let mut pairs = PairLoop::new(inputs.len());
    match (&budget.work_dir, fp) {
        (Some(dir), Some(fp)) if !sink.wants_analysis() => {
            let runs = Runs::new(dir, fp, options);
            let count = match runs.saved() {
                Some(count) => count,
                None => runs.align(&inputs, &found, options, &boilerplate, budget, progress)?,
            };
            runs.merge(count, &found, &mut pairs, options, sink)?;
        }
        _ => {
            // No work folder (or a format that draws each pair): the articles of each batch
            // are indexed again.
            let total = found.len();
            for (n, batch) in found.chunks(BATCH).enumerate() {
                let built = index_batch(&inputs, batch.iter().flat_map(|&(i, j)| [i, j]));
                let quotes: FxHashMap<u32, QuoteCache<'_>> =
                    built.keys().map(|&d| (d, OnceLock::new())).collect();
                let doc = |d: u32| (&built[&d], &quotes[&d]);
                pairs.batch(batch, doc, options, &boilerplate, sink)?;
                progress((n * BATCH + batch.len()).min(total), total);
            }
        }
    }
    pairs.finish(&ids, found.len(), sink)
}

/// The candidates that `--against` keeps.
fn against(mut found: Vec<(u32, u32)>, options: &ScanOptions) -> Vec<(u32, u32)> {
    if let Some(t) = options.against {
        let t = t as u32;
        found.retain(|&(i, j)| i == t || j == t);
    }
    found
}

/// Tells the sink the documents, before any pair.
fn begin(inputs: &[Input], words: &[usize], sink: &mut dyn Sink) -> io::Result<()> {
    let infos: Vec<DocInfo> = inputs
        .iter()
        .zip(words)
        .map(|(i, &w)| DocInfo {
            record: "document",
            id: i.id.clone(),
            words: w,
            meta: i.meta.clone(),
        })
        .collect();
    sink.begin(&infos)
}

/// Indexes the articles `ids` (repeats allowed) on all cores.
fn index_batch(inputs: &[Input], ids: impl Iterator<Item = u32>) -> FxHashMap<u32, ScanDoc> {
    let mut ids: Vec<u32> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_par_iter()
        .map(|d| (d, index_one(&inputs[d as usize])))
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

/// The scan when every article's index fits the budget: each article is segmented and
/// tokenized once (n-grams from its tokens), and the articles of a candidate pair indexed
/// once for alignment; the others are dropped once counted.
fn scan_kept(
    inputs: Vec<Input>,
    reused: Option<Saved>,
    mut postings: Postings,
    saved: Option<PathBuf>,
    options: &ScanOptions,
    sink: &mut dyn Sink,
    progress: &mut dyn FnMut(usize, usize),
) -> io::Result<Summary> {
    let n = inputs.len();
    let mut heads: Vec<Input> = Vec::with_capacity(n);
    let mut articles = Vec::with_capacity(n);
    for mut i in inputs {
        // The article moves to its document; the head keeps the id and the metadata.
        let mut article = crate::load::Article::from_text(String::new(), String::new());
        std::mem::swap(&mut article, &mut i.article);
        article.name = i.id.clone();
        articles.push(article);
        heads.push(i);
    }
    let hash = reused.is_none();
    let tokenized: Vec<(Document, usize, Vec<u64>, Vec<u64>)> = articles
        .into_par_iter()
        .map(|article| {
            let d = Document::new(article);
            let ngrams = if hash {
                index::ngram_hashes(&d, index::NGRAM)
            } else {
                Vec::new()
            };
            let words = words_of(&d);
            let sentences = index::sentence_hashes(&d);
            (d, words, ngrams, sentences)
        })
        .collect();
    let boilerplate = {
        let sentences: Vec<&[u64]> = tokenized.iter().map(|t| t.3.as_slice()).collect();
        Boilerplate::count(&sentences, options.boilerplate_df)
    };
    let words: Vec<usize> = tokenized.iter().map(|t| t.1).collect();
    if hash {
        let count: usize = tokenized.iter().map(|t| t.2.len()).sum();
        if postings.dir.is_none() || count < postings.limit {
            // All postings fit in memory: written on all cores, each document's into its
            // own stretch of one list, in document order.
            let mut buf = vec![(0u64, 0u32); count];
            let mut stretches = Vec::with_capacity(tokenized.len());
            let mut rest = buf.as_mut_slice();
            for t in &tokenized {
                let (own, more) = rest.split_at_mut(t.2.len());
                stretches.push(own);
                rest = more;
            }
            stretches
                .into_par_iter()
                .zip(tokenized.par_iter())
                .enumerate()
                .for_each(|(d, (own, t))| {
                    for (p, &h) in own.iter_mut().zip(&t.2) {
                        *p = (h, d as u32);
                    }
                });
            postings.buf = buf;
        } else {
            for (d, t) in tokenized.iter().enumerate() {
                postings.push(d as u32, &t.2)?;
            }
        }
    }
    let documents: Vec<(Document, Vec<u64>)> =
        tokenized.into_par_iter().map(|t| (t.0, t.3)).collect();
    begin(&heads, &words, sink)?;
    let found = match reused {
        Some(s) => s.found,
        None => {
            let found = postings.candidates(options.max_df, options.min_shared_ngrams)?;
            if let Some(path) = &saved {
                save_candidates(path, &words, &boilerplate, &found)?;
            }
            found
        }
    };
    let found = against(found, options);
    let mut needed = vec![false; n];
    for &(i, j) in &found {
        needed[i as usize] = true;
        needed[j as usize] = true;
    }
    let kept: Vec<ScanDoc> = documents
        .into_par_iter()
        .zip(heads.par_iter())
        .enumerate()
        .filter(|(d, _)| needed[*d])
        .map(|(_, ((document, sentences), head))| ScanDoc {
            id: head.id.clone(),
            meta: head.meta.clone(),
            index: DocIndex::new(&document),
            document,
            ngrams: Vec::new(),
            sentences,
        })
        .collect();
    let mut slot = vec![0u32; n];
    let mut k = 0u32;
    for (d, &need) in needed.iter().enumerate() {
        if need {
            slot[d] = k;
            k += 1;
        }
    }
    let total = found.len();
    let mut pairs = PairLoop::new(n);
    let quotes: Vec<QuoteCache<'_>> = kept.iter().map(|_| OnceLock::new()).collect();
    let doc = |d: u32| {
        let s = slot[d as usize] as usize;
        (&kept[s], &quotes[s])
    };
    pairs.run(&found, doc, options, &boilerplate, sink, progress)?;
    let ids: Vec<(&str, Option<&str>)> = heads
        .iter()
        .map(|i| (i.id.as_str(), i.meta.date.as_deref()))
        .collect();
    let summary = pairs.finish(&ids, total, sink)?;
    // The indexed articles and their quotations are let go on all cores.
    quotes.into_par_iter().for_each(drop);
    kept.into_par_iter().for_each(drop);
    Ok(summary)
}

/// Most runs of pair records a scan writes (chunks get larger rather than more numerous).
const MAX_RUNS: usize = 256;

/// Pair records aligned family by family and written to the work folder in runs sorted by
/// candidate number, then merged back into candidate order.
struct Runs {
    /// `pairs-{key}`: the inputs' fingerprint, the alignment options, `--against`, this
    /// version of sourcediff.
    stem: PathBuf,
}

impl Runs {
    fn new(dir: &Path, fp: u64, options: &ScanOptions) -> Runs {
        let mut h = fp;
        let key = format!(
            "{} {} {:?} {:?}",
            env!("CARGO_PKG_VERSION"),
            crate::report::json::SCHEMA_VERSION,
            options.align,
            options.against
        );
        for &b in key.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        Runs {
            stem: dir.join(format!("pairs-{h:016x}")),
        }
    }

    fn run_path(&self, c: usize) -> PathBuf {
        let mut p = self.stem.clone().into_os_string();
        p.push(format!("-{c}.bin"));
        PathBuf::from(p)
    }

    fn manifest(&self) -> PathBuf {
        let mut p = self.stem.clone().into_os_string();
        p.push(".runs");
        PathBuf::from(p)
    }

    /// The number of runs a previous scan saved, when all are there with the sizes the
    /// manifest gives (one line per run).
    fn saved(&self) -> Option<usize> {
        let manifest = fs::read_to_string(self.manifest()).ok()?;
        let mut count = 0;
        for (c, line) in manifest.lines().enumerate() {
            let len: u64 = line.trim().parse().ok()?;
            if fs::metadata(self.run_path(c)).ok()?.len() != len {
                return None;
            }
            count += 1;
        }
        Some(count)
    }

    /// Aligns every pair of `found`, family by family, and writes the records (every pair that
    /// shares a sentence, before `--min-shared`) in runs; returns the number of runs.
    fn align(
        &self,
        inputs: &[Input],
        found: &[(u32, u32)],
        options: &ScanOptions,
        boilerplate: &Boilerplate,
        budget: &Budget,
        progress: &mut dyn FnMut(usize, usize),
    ) -> io::Result<usize> {
        // Pairs grouped by family (the candidate graph's connected groups), in candidate
        // order within a family.
        let mut parent: Vec<u32> = (0..inputs.len() as u32).collect();
        fn root(parent: &mut [u32], mut x: u32) -> u32 {
            while parent[x as usize] != x {
                parent[x as usize] = parent[parent[x as usize] as usize];
                x = parent[x as usize];
            }
            x
        }
        for &(i, j) in found {
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            parent[ri.max(rj) as usize] = ri.min(rj);
        }
        let mut order: Vec<(u32, u32)> = found
            .iter()
            .enumerate()
            .map(|(k, &(i, _))| (root(&mut parent, i), k as u32))
            .collect();
        drop(parent);
        order.sort_unstable();
        // Chunks of pairs whose articles, indexed, fit half the budget (the texts and the
        // records take the rest); at least a batch of pairs, and at most MAX_RUNS chunks.
        let allowance = budget.memory / 2;
        let least = BATCH.max(found.len().div_ceil(MAX_RUNS));
        let most = least.max(1 << 18);
        let mut stamp: Vec<u32> = vec![u32::MAX; inputs.len()];
        let mut count = 0usize;
        let mut sizes: Vec<u64> = Vec::new();
        let mut done = 0usize;
        let mut start = 0usize;
        while start < order.len() {
            let mut bytes = 0u64;
            let mut end = start;
            while end < order.len() && end - start < most {
                let (i, j) = found[order[end].1 as usize];
                let mut add = 0u64;
                for d in [i, j] {
                    if stamp[d as usize] != count as u32 {
                        add += (inputs[d as usize].article.text.len() as u64)
                            .saturating_mul(INDEXED_FACTOR);
                    }
                }
                if end - start >= least && bytes.saturating_add(add) > allowance {
                    break;
                }
                for d in [i, j] {
                    stamp[d as usize] = count as u32;
                }
                bytes = bytes.saturating_add(add);
                end += 1;
            }
            let mut chunk: Vec<u32> = order[start..end].iter().map(|&(_, k)| k).collect();
            chunk.sort_unstable();
            let built = index_batch(
                inputs,
                chunk.iter().flat_map(|&k| {
                    let (i, j) = found[k as usize];
                    [i, j]
                }),
            );
            let quotes: FxHashMap<u32, QuoteCache<'_>> =
                built.keys().map(|&d| (d, OnceLock::new())).collect();
            let doc = |d: u32| (&built[&d], &quotes[&d]);
            let records: Vec<(u32, Vec<u8>)> = chunk
                .par_iter()
                .filter_map(|&k| {
                    let (i, j) = found[k as usize];
                    let r = super::pair_in(doc(i), doc(j), &options.align, boilerplate, false)?;
                    serde_json::to_vec(&r.record).ok().map(|json| (k, json))
                })
                .collect();
            sizes.push(
                records
                    .iter()
                    .map(|(_, j)| 12 + j.len() as u64)
                    .sum::<u64>(),
            );
            crate::report::write_atomically(&self.run_path(count), |w| {
                for (k, json) in &records {
                    w.write_all(&u64::from(*k).to_le_bytes())?;
                    w.write_all(&(json.len() as u32).to_le_bytes())?;
                    w.write_all(json)?;
                }
                Ok(())
            })?;
            done += chunk.len();
            progress(done, found.len());
            count += 1;
            start = end;
        }
        crate::report::write_atomically(&self.manifest(), |w| {
            for size in &sizes {
                writeln!(w, "{size}")?;
            }
            Ok(())
        })?;
        Ok(count)
    }

    /// Reads the runs back in candidate order and reports each pair past `--min-shared`.
    fn merge(
        &self,
        count: usize,
        found: &[(u32, u32)],
        pairs: &mut PairLoop,
        options: &ScanOptions,
        sink: &mut dyn Sink,
    ) -> io::Result<()> {
        let mut readers: Vec<BufReader<File>> = (0..count)
            .map(|c| File::open(self.run_path(c)).map(|f| BufReader::with_capacity(1 << 16, f)))
            .collect::<io::Result<_>>()?;
        let mut heap = BinaryHeap::new();
        let mut heads: Vec<Vec<u8>> = vec![Vec::new(); count];
        for (c, r) in readers.iter_mut().enumerate() {
            if let Some(k) = read_record(r, &mut heads[c])? {
                heap.push(Reverse((k, c)));
            }
        }
        let bad = |why: &str| io::Error::new(io::ErrorKind::InvalidData, why.to_string());
        while let Some(Reverse((k, c))) = heap.pop() {
            let &(i, j) = usize::try_from(k)
                .ok()
                .and_then(|k| found.get(k))
                .ok_or_else(|| bad("a saved pair record names no candidate"))?;
            let record: super::PairRecord = serde_json::from_slice(&heads[c]).map_err(|e| {
                bad(&format!(
                    "{}: a saved pair record is damaged ({e}); delete the file and scan again",
                    self.run_path(c).display()
                ))
            })?;
            if record.shared() >= options.min_shared {
                let r = super::PairResult {
                    record,
                    analysis: None,
                };
                pairs.emit(i, j, r, options, sink)?;
            }
            if let Some(k) = read_record(&mut readers[c], &mut heads[c])? {
                heap.push(Reverse((k, c)));
            }
        }
        Ok(())
    }
}

/// Reads one `(candidate number, record)` of a run into `buf`; `None` at the end.
fn read_record(r: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<Option<u64>> {
    let mut head = [0u8; 12];
    match r.read_exact(&mut head) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut k = [0u8; 8];
    k.copy_from_slice(&head[..8]);
    let len = u32::from_le_bytes([head[8], head[9], head[10], head[11]]) as usize;
    buf.clear();
    buf.resize(len, 0);
    r.read_exact(buf)?;
    Ok(Some(u64::from_le_bytes(k)))
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
    fn a_saved_candidate_list_round_trips_and_a_damaged_one_is_not_used() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("candidates.bin");
        let boilerplate = Boilerplate::from_hashes([7, 3]);
        save_candidates(&path, &[10, 20, 30], &boilerplate, &[(0, 2), (1, 2)]).expect("saved");
        let saved = load_candidates(&path, 3).expect("read back");
        assert_eq!(saved.words, [10, 20, 30]);
        assert_eq!(saved.boilerplate, [3, 7]);
        assert_eq!(saved.found, [(0, 2), (1, 2)]);
        // Another number of documents, a pair out of range or out of order: not used.
        assert!(load_candidates(&path, 4).is_none());
        save_candidates(&path, &[10, 20, 30], &boilerplate, &[(0, 3)]).expect("saved");
        assert!(load_candidates(&path, 3).is_none());
        save_candidates(&path, &[10, 20, 30], &boilerplate, &[(2, 1)]).expect("saved");
        assert!(load_candidates(&path, 3).is_none());
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

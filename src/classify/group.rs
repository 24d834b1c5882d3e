//! Findings joined across articles: a sentence that several articles carry is one [`Group`]
//! listing every article's sentences ("A4 = B9 = C4"), not one finding per pair of articles
//! (A4 = B9, A4 = C4, B9 = C4); and a claim-drift flag that recurs on several pairs of one
//! group ("Tuesday" in A and B, "Wednesday" in C) is one [`GroupDrift`] naming which articles
//! hold each version.
//!
//! Groups are the connected parts of the graph whose nodes are sentences and whose edges are
//! the findings (union-find over one slot per sentence, so the cost is linear in the sentences
//! and the findings' sides). Each group's drift flags are merged by a hash of their words.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::{DriftKind, Finding, FindingKind};
use crate::align::Side;
use crate::tokenize::Document;

/// Sentences that the articles carry as one, joined by findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Group {
    /// One entry per article that takes part, by article; the sentences ascending.
    pub members: Vec<Side>,
    /// The loosest kind of finding inside: `verbatim` when every pair is word for word,
    /// `framing` when any pair is the same fact in other words, else `edited`.
    pub kind: FindingKind,
    /// Indices of the findings joined, ascending.
    pub findings: Vec<usize>,
    /// The claim-drift flags of those findings, each change once.
    pub drift: Vec<GroupDrift>,
}

/// One claim-drift change inside a group: the versions and the articles holding each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupDrift {
    /// What drifted.
    pub kind: DriftKind,
    /// The versions (two or more), ordered by their first article.
    pub variants: Vec<DriftVariant>,
    /// The findings that carry the flag, ascending.
    pub findings: Vec<usize>,
}

/// One version of a drifted claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DriftVariant {
    /// The articles that hold it, ascending.
    pub docs: Vec<usize>,
    /// Its words, as the first finding to flag it writes them (empty: the words are absent).
    pub words: Vec<String>,
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (root(parent, a), root(parent, b));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
}

/// The findings joined into groups, ordered by their first member (article, then sentence);
/// and for every finding, the index of its group.
pub fn groups(documents: &[Document], findings: &[Finding]) -> (Vec<Group>, Vec<usize>) {
    // One slot per sentence of every article.
    let mut offset = Vec::with_capacity(documents.len() + 1);
    let mut total = 0;
    for d in documents {
        offset.push(total);
        total += d.sentences.len();
    }
    offset.push(total);
    let slot = |doc: usize, s: usize| offset[doc] + s;
    let mut parent: Vec<usize> = (0..total).collect();
    for f in findings {
        let p = &f.pair;
        let mut first: Option<usize> = None;
        for side in [&p.left, &p.right] {
            for &s in &side.sentences {
                let x = slot(side.doc, s);
                match first {
                    None => first = Some(x),
                    Some(a) => union(&mut parent, a, x),
                }
            }
        }
    }
    // Groups by root, in the order of their smallest slot (article, then sentence): a root is
    // always its group's smallest slot, as unions keep the smaller one.
    let mut index = vec![usize::MAX; total];
    let mut out: Vec<Group> = Vec::new();
    let mut finding_group = Vec::with_capacity(findings.len());
    let mut roots: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .filter_map(|(k, f)| {
            let s = f.pair.left.sentences.first()?;
            Some((root(&mut parent, slot(f.pair.left.doc, *s)), k))
        })
        .collect();
    let mut order: Vec<usize> = roots.iter().map(|&(r, _)| r).collect();
    order.sort_unstable();
    order.dedup();
    for r in order {
        index[r] = out.len();
        out.push(Group {
            members: Vec::new(),
            kind: FindingKind::Verbatim,
            findings: Vec::new(),
            drift: Vec::new(),
        });
    }
    roots.sort_unstable_by_key(|&(_, k)| k);
    let mut places: Vec<Vec<(usize, usize)>> = vec![Vec::new(); out.len()];
    for (r, k) in roots {
        let g = index[r];
        let f = &findings[k];
        out[g].findings.push(k);
        out[g].kind = out[g].kind.max(f.kind);
        for side in [&f.pair.left, &f.pair.right] {
            places[g].extend(side.sentences.iter().map(|&s| (side.doc, s)));
        }
        finding_group.push((k, g));
    }
    for (g, mut list) in places.into_iter().enumerate() {
        list.sort_unstable();
        list.dedup();
        for (doc, s) in list {
            match out[g].members.last_mut() {
                Some(m) if m.doc == doc => m.sentences.push(s),
                _ => out[g].members.push(Side {
                    doc,
                    sentences: vec![s],
                }),
            }
        }
    }
    for g in &mut out {
        g.drift = merge_drift(findings, &g.findings);
        drop_held(documents, findings, g);
    }
    let mut of = vec![usize::MAX; findings.len()];
    for (k, g) in finding_group {
        of[k] = g;
    }
    (out, of)
}

/// Drops the articles said to lack words that their other sentences in the group hold: a pair
/// that reads one sentence against part of a quote split over two ("…, I don’t know" in the
/// next sentence) flags "don’t" as missing, but the group holds both sentences. Only sentences
/// outside the flagged pairs count, so a flag on a pair alone stays as the pair has it. A flag
/// left with no article lacking the words is dropped.
fn drop_held(documents: &[Document], findings: &[Finding], group: &mut Group) {
    let holds = |doc: usize, flagged: &HashSet<(usize, usize)>, words: &[String]| {
        let Some(m) = group.members.iter().find(|m| m.doc == doc) else {
            return false;
        };
        let Some(d) = documents.get(doc) else {
            return false;
        };
        let others: Vec<usize> = m
            .sentences
            .iter()
            .copied()
            .filter(|&s| !flagged.contains(&(doc, s)))
            .collect();
        if others.is_empty() {
            return false;
        }
        words.iter().all(|w| {
            let want: Vec<String> = w
                .split_whitespace()
                .map(|x| crate::normalize::key(x).to_string())
                .collect();
            !want.is_empty()
                && others.iter().filter_map(|&s| d.tokens.get(s)).any(|toks| {
                    let keys: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
                    keys.windows(want.len()).any(|win| win == want)
                })
        })
    };
    group.drift.retain_mut(|d| {
        if !matches!(
            d.kind,
            DriftKind::Hedge | DriftKind::Negation | DriftKind::Attribution
        ) || d.variants.len() != 2
        {
            return true;
        }
        let Some(i) = d.variants.iter().position(|v| v.words.is_empty()) else {
            return true;
        };
        let words = d.variants[1 - i].words.clone();
        // The sentences of the pairs that carry the flag.
        let flagged: HashSet<(usize, usize)> = d
            .findings
            .iter()
            .flat_map(|&k| [&findings[k].pair.left, &findings[k].pair.right])
            .flat_map(|side| side.sentences.iter().map(move |&s| (side.doc, s)))
            .collect();
        d.variants[i]
            .docs
            .retain(|&doc| !holds(doc, &flagged, &words));
        !d.variants[i].docs.is_empty()
    });
}

/// The drift flags of a group's findings, each change once: flags of one kind are joined when
/// they share a version (the same words, case and quote marks folded), so "Tuesday" in A and B
/// against "Wednesday" in C is one flag, and "27" / "28" / "29" in A, B and C is one flag with
/// three versions, not three pairs of them. Union-find over the versions, linear in the flags.
fn merge_drift(findings: &[Finding], members: &[usize]) -> Vec<GroupDrift> {
    // Case, curly and straight quote marks, dashes folded: "don’t" in one pair and "don't" in
    // another are one version.
    let key = |w: &[String]| -> Vec<String> {
        w.iter()
            .map(|x| crate::normalize::key(x).to_string())
            .collect()
    };
    // One node per (kind, version): its words as first written and the articles holding it.
    let mut node: HashMap<(DriftKind, Vec<String>), usize> = HashMap::new();
    let mut versions: Vec<(DriftKind, Vec<String>, BTreeSet<usize>)> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    // Each flag: its finding and its first node.
    let mut flags: Vec<(usize, usize)> = Vec::new();
    for &k in members {
        let f = &findings[k];
        for d in &f.drift {
            let mut ids = [0; 2];
            for (n, (doc, words)) in [(f.pair.left.doc, &d.left), (f.pair.right.doc, &d.right)]
                .into_iter()
                .enumerate()
            {
                let id = *node.entry((d.kind, key(words))).or_insert_with(|| {
                    versions.push((d.kind, words.clone(), BTreeSet::new()));
                    parent.push(parent.len());
                    parent.len() - 1
                });
                versions[id].2.insert(doc);
                ids[n] = id;
            }
            union(&mut parent, ids[0], ids[1]);
            flags.push((k, ids[0]));
        }
    }
    // One flag per joined set of versions, in the order of its first flag.
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<GroupDrift> = Vec::new();
    for (k, id) in flags {
        let r = root(&mut parent, id);
        let i = *index.entry(r).or_insert_with(|| {
            out.push(GroupDrift {
                kind: versions[id].0,
                variants: Vec::new(),
                findings: Vec::new(),
            });
            out.len() - 1
        });
        if out[i].findings.last() != Some(&k) {
            out[i].findings.push(k);
        }
    }
    for (id, (_, words, docs)) in versions.into_iter().enumerate() {
        let r = root(&mut parent, id);
        if let Some(&i) = index.get(&r) {
            out[i].variants.push(DriftVariant {
                docs: docs.into_iter().collect(),
                words,
            });
        }
    }
    for g in &mut out {
        g.findings.sort_unstable();
        g.findings.dedup();
        g.variants.sort_by_key(|v| v.docs.first().copied());
    }
    out
}

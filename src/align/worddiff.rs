//! The word diff of an aligned pair: `similar`'s Histogram diff over token keys, run only on
//! pairs the index proposed, never on whole documents. Histogram anchors on words that occur
//! once, so a moved name reads as moved ("{+Iraqi chief of intelligence at K-1+} Brigadier
//! General Ahmed Adnan[-, the Iraqi chief …-]") rather than as scattered one-word edits, and on
//! the BBC reprint pairs it costs about a third of Myers.

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::ops::Range;

/// One run of the word diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum EditOp {
    /// The same words on both sides.
    Equal,
    /// Words only the left side has.
    Delete,
    /// Words only the right side has.
    Insert,
    /// Words the left side has where the right side has others.
    Replace,
}

/// One run of the word diff, as token ranges into each side's token list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordEdit {
    /// What happened.
    pub op: EditOp,
    /// Tokens of the left side (empty for `Insert`).
    pub left: Range<usize>,
    /// Tokens of the right side (empty for `Delete`).
    pub right: Range<usize>,
}

/// Diffs two key sequences. No wall-clock deadline: a diff that gave up when the machine was
/// busy would make the findings depend on the load (callers bound the lengths instead:
/// `Options::max_diff_tokens`).
pub fn diff<T: Eq + std::hash::Hash>(left: &[T], right: &[T]) -> Vec<WordEdit> {
    capture_diff_slices_deadline(Algorithm::Histogram, left, right, None)
        .into_iter()
        .map(|op| {
            let (op, left, right) = match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => (
                    EditOp::Equal,
                    old_index..old_index + len,
                    new_index..new_index + len,
                ),
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => (
                    EditOp::Delete,
                    old_index..old_index + old_len,
                    new_index..new_index,
                ),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => (
                    EditOp::Insert,
                    old_index..old_index,
                    new_index..new_index + new_len,
                ),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => (
                    EditOp::Replace,
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                ),
            };
            WordEdit { op, left, right }
        })
        .collect()
}

/// Joins adjacent Delete and Insert runs into one Replace, so "Khataib Hezbollah carried out"
/// against "Iran is behind" reads as one change.
pub fn merge_replacements(edits: Vec<WordEdit>) -> Vec<WordEdit> {
    let mut out: Vec<WordEdit> = Vec::with_capacity(edits.len());
    for e in edits {
        if let Some(last) = out.last_mut()
            && last.op != EditOp::Equal
            && e.op != EditOp::Equal
        {
            last.left = last.left.start..e.left.end.max(last.left.end);
            last.right = last.right.start..e.right.end.max(last.right.end);
            last.op = match (last.left.is_empty(), last.right.is_empty()) {
                (false, false) => EditOp::Replace,
                (false, true) => EditOp::Delete,
                _ => EditOp::Insert,
            };
            continue;
        }
        out.push(e);
    }
    out
}

/// Mirrors a diff: left and right swap, deletions become insertions.
pub fn mirror(edits: &mut [WordEdit]) {
    for e in edits {
        std::mem::swap(&mut e.left, &mut e.right);
        e.op = match e.op {
            EditOp::Delete => EditOp::Insert,
            EditOp::Insert => EditOp::Delete,
            op => op,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_words_are_an_insert_run() {
        let a = ["it", "was", "daesh", ","];
        let b = ["it", "was", "daesh", "(", "isis", ")", ","];
        let d = merge_replacements(diff(&a, &b));
        let ops: Vec<_> = d
            .iter()
            .map(|e| (e.op, e.left.clone(), e.right.clone()))
            .collect();
        assert_eq!(
            ops,
            [
                (EditOp::Equal, 0..3, 0..3),
                (EditOp::Insert, 3..3, 3..6),
                (EditOp::Equal, 3..4, 6..7)
            ]
        );
    }

    #[test]
    fn mirror_swaps_sides() {
        let mut d = diff(&["a", "b"], &["a", "c", "b"]);
        mirror(&mut d);
        assert_eq!(d[1].op, EditOp::Delete);
        assert_eq!(d[1].left, 1..2);
    }
}

//! Interned comparison keys: every token has one, so a token holds a 4-byte [`Key`] instead of
//! the key's text.
//!
//! The table is shared by the whole process and only grows: a key, once seen, keeps its text
//! and its number for the rest of the run. Its size is the vocabulary of everything read (one
//! entry per distinct key, about 40 bytes with the text), not the number of tokens; a run over
//! a million articles meets a few million distinct keys. Two equal keys are the same number, so
//! comparing keys compares two integers.
//!
//! Interning takes a lock on one of [`SHARDS`] maps, chosen by the key's hash, so tokenizers on
//! all cores rarely wait for each other. Reading a key's text takes no lock: each number's text
//! is written once, before the number is handed out, into a slot that never moves.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};
use std::sync::{Mutex, OnceLock, PoisonError};

use rustc_hash::{FxBuildHasher, FxHashSet};

/// A comparison key ([`crate::comparison_key`]), interned. Equal keys are equal numbers;
/// [`Key::as_str`] (or `*key`) gives the text back. Keys order by their text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u32);

/// Independent maps (and locks) that keys are spread over by hash.
const SHARDS: usize = 64;

/// Slot buckets: bucket `b` holds the texts of keys `2^b - 1 .. 2^(b+1) - 1`.
const BUCKETS: usize = 32;

/// A key in a shard's set: found by its text, stored as its number (4 bytes an entry, where a
/// map from the text to the number took 24).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Entry(Key);

impl Hash for Entry {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The hash of its text, so that a set of entries can be searched with a `&str`.
        self.0.as_str().hash(state);
    }
}

impl Borrow<str> for Entry {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

struct Table {
    shards: [Mutex<FxHashSet<Entry>>; SHARDS],
    next: AtomicU32,
    buckets: [OnceLock<Box<[OnceLock<&'static str>]>>; BUCKETS],
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table {
        shards: std::array::from_fn(|_| Mutex::new(FxHashSet::default())),
        next: AtomicU32::new(0),
        buckets: std::array::from_fn(|_| OnceLock::new()),
    })
}

/// The slot of key number `id`.
fn slot(id: u32) -> &'static OnceLock<&'static str> {
    let n = u64::from(id) + 1;
    let bucket = 63 - n.leading_zeros() as usize;
    let offset = (n - (1u64 << bucket)) as usize;
    let slots = table().buckets[bucket]
        .get_or_init(|| (0..1usize << bucket).map(|_| OnceLock::new()).collect());
    &slots[offset]
}

impl Key {
    /// The key for `text` (already a comparison key: this does not normalize).
    pub fn new(text: &str) -> Key {
        let table = table();
        // Middle bits: the maps themselves use the low bits (bucket) and the top ones (tag).
        let shard = (FxBuildHasher.hash_one(text) >> 32) as usize % SHARDS;
        // A panic elsewhere while the lock was held leaves the map whole (an insert is the
        // last step): carry on with it.
        let mut map = table.shards[shard]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(&Entry(key)) = map.get(text) {
            return key;
        }
        // More than four billion distinct keys would need hundreds of gigabytes of text; the
        // count saturates rather than wrapping onto keys already given out.
        let id = table
            .next
            .fetch_update(AtomicOrdering::Relaxed, AtomicOrdering::Relaxed, |n| {
                n.checked_add(1)
            })
            .unwrap_or(u32::MAX - 1);
        let text: &'static str = Box::leak(text.into());
        // The text is in its slot before the entry (which hashes it) goes in the set.
        let _ = slot(id).set(text);
        map.insert(Entry(Key(id)));
        Key(id)
    }

    /// The key's number: equal keys, equal numbers, within one process (numbers are given in
    /// the order keys are first met, so they differ between runs: never write them out).
    pub(crate) fn id(self) -> u32 {
        self.0
    }

    /// The key's text.
    pub fn as_str(&self) -> &'static str {
        slot(self.0).get().copied().unwrap_or("")
    }
}

impl std::ops::Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        if self.0 == other.0 {
            Ordering::Equal
        } else {
            self.as_str().cmp(other.as_str())
        }
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Key> for str {
    fn eq(&self, other: &Key) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Key> for &str {
    fn eq(&self, other: &Key) -> bool {
        *self == other.as_str()
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_one_key_and_read_back() {
        let a = Key::new("suleimani");
        let b = Key::new(&String::from("suleimani"));
        let c = Key::new("soleimani");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.as_str(), "suleimani");
        assert_eq!(&*c, "soleimani");
        assert!(c < a, "keys order by text");
        assert_eq!(Key::new(""), Key::new(""));
        assert_eq!(Key::new("").as_str(), "");
    }

    #[test]
    fn keys_made_on_many_threads_agree() {
        let words: Vec<String> = (0..2_000).map(|i| format!("w{i}")).collect();
        let keys: Vec<Vec<Key>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|t| {
                    let words = &words;
                    s.spawn(move || {
                        // Each thread walks the words in its own order.
                        let mut out = vec![Key::new(""); words.len()];
                        for k in 0..words.len() {
                            let i = (k * 7 + t * 13) % words.len();
                            out[i] = Key::new(&words[i]);
                        }
                        out
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for k in &keys[1..] {
            assert_eq!(k, &keys[0]);
        }
        for (w, k) in words.iter().zip(&keys[0]) {
            assert_eq!(k.as_str(), w);
        }
    }
}

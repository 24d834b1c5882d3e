//! Work spread over the machine's cores with scoped threads, results in input order, so the
//! output never depends on which thread finished first.

use std::thread;

/// Below this many bytes of article text, work stays on one thread: starting threads would
/// cost more than they save (the seed pair is 6 KB).
pub(crate) const PARALLEL_BYTES: usize = 64 * 1024;

/// `items.into_iter().map(f).collect()`, computed on up to as many threads as there are cores
/// when `parallel` is true. Items are moved, not copied: pass references to share.
pub(crate) fn map<T: Send, R: Send>(
    parallel: bool,
    items: Vec<T>,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let threads = thread::available_parallelism().map_or(1, |n| n.get());
    if !parallel || threads < 2 || items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    let per_thread = items.len().div_ceil(threads);
    let mut rest = items.into_iter();
    let chunks: Vec<Vec<T>> = std::iter::from_fn(|| {
        let chunk: Vec<T> = rest.by_ref().take(per_thread).collect();
        (!chunk.is_empty()).then_some(chunk)
    })
    .collect();
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_input_order() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled: Vec<u32> = items.iter().map(|x| x * 2).collect();
        assert_eq!(super::map(true, items.clone(), |x| x * 2), doubled);
        assert_eq!(super::map(false, items, |x| x * 2), doubled);
        assert_eq!(super::map(true, vec![7u32], |x| x + 1), [8]);
        assert!(super::map(true, Vec::<u32>::new(), |x| x).is_empty());
    }
}

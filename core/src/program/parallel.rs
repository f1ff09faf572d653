//! Work shared over threads: each thread takes the next item until none is left, so that a
//! few slow documents do not hold up a block of fast ones. One thread on wasm32.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of every item, in the items' order, on up to `threads` threads (every core when None).
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    threads: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let n = items.len();
    let threads = if cfg!(target_arch = "wasm32") {
        1
    } else {
        threads
            .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
            .unwrap_or(1)
            .clamp(1, n.max(1))
    };
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut pieces: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    // A thread that stopped (it cannot: `f` never panics) would leave its items out; the
    // rest are done again here rather than lost.
    pieces.sort_by_key(|(i, _)| *i);
    let mut out = Vec::with_capacity(n);
    let mut pieces = pieces.into_iter().peekable();
    for (i, item) in items.iter().enumerate() {
        match pieces.next_if(|(k, _)| *k == i) {
            Some((_, r)) => out.push(r),
            None => out.push(f(item)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_item_once_in_order_on_any_number_of_threads() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [None, Some(1), Some(3), Some(64)] {
            let out = super::map(&items, threads, |x| x * x);
            assert_eq!(out, items.iter().map(|x| x * x).collect::<Vec<_>>());
        }
        assert!(super::map(&[] as &[u8], Some(4), |x| *x).is_empty());
    }
}

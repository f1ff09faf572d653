//! Ctrl-C during a long call: the work runs on a thread of its own while this thread, without
//! the GIL, waits for it and, every 50 ms, lets Python look at its signals. When a signal
//! handler raises (`KeyboardInterrupt`), the core's [`Cancel`] flag stops the work between two
//! draws, documents or firms, and the exception is raised with a note saying so.

use std::sync::mpsc;
use std::time::Duration;

use cleanprod::cancel::Cancel;
use pyo3::prelude::*;

/// How long the GIL is left between two looks at Python's signals.
const POLL: Duration = Duration::from_millis(50);

/// `work(cancel)` run so that Ctrl-C stops it: its result, or the signal handler's exception
/// (`KeyboardInterrupt`) once the work has stopped.
pub(crate) fn interruptible<T: Send>(
    py: Python<'_>,
    work: impl FnOnce(Cancel) -> T + Send,
) -> PyResult<T> {
    let cancel = Cancel::default();
    std::thread::scope(|scope| {
        let (tx, mut rx) = mpsc::channel();
        let flag = cancel.clone();
        scope.spawn(move || {
            // The receiver waits for this; it is gone only if this thread is (it is not).
            let _ = tx.send(work(flag));
        });
        loop {
            // The receiver goes to the GIL-free wait and comes back (it is Send, not Sync).
            let (received, back) = py.detach(move || (rx.recv_timeout(POLL), rx));
            rx = back;
            match received {
                Ok(result) => return Ok(result),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Err(signal) = py.check_signals() {
                        cancel.cancel();
                        // The work stops at its next draw, document or firm.
                        let _ = py.detach(move || rx.recv());
                        let note = "cleanprod stopped the computation before its end";
                        let _ = signal.value(py).call_method1("add_note", (note,));
                        return Err(signal);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(pyo3::exceptions::PyRuntimeError::new_err(
                        "the computation's thread ended without a result",
                    ));
                }
            }
        }
    })
}

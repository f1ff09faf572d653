//! Stopping a long computation from another thread: a risk simulation of many draws, a
//! programme of many documents, the screening of a region. The caller keeps a clone of the
//! [`Cancel`] it put in the settings and calls [`Cancel::cancel`]; the computation looks at it
//! between draws, documents or firms and ends with [`Error::Cancelled`] (the Python binding
//! does this when the user presses Ctrl-C, so that `KeyboardInterrupt` stops the work).
//!
//! ```
//! use cleanprod::cancel::Cancel;
//! let cancel = Cancel::default();
//! let seen_by_the_work = cancel.clone();
//! assert!(seen_by_the_work.check().is_ok());
//! cancel.cancel();
//! assert_eq!(seen_by_the_work.check().unwrap_err().code(), "cancelled");
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, Result};

/// A flag shared between a computation and whoever may stop it; clones share it.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Ask the computations holding a clone to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether stopping was asked.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// [`Error::Cancelled`] once stopping was asked.
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(Error::Cancelled {
                path: String::new(),
            })
        } else {
            Ok(())
        }
    }
}

/// Two settings are equal whatever flag they carry: the flag says nothing of the figures.
impl PartialEq for Cancel {
    fn eq(&self, _: &Cancel) -> bool {
        true
    }
}

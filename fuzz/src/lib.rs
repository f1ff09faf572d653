//! Structure-aware fuzzing of the cleanprod engine without a nightly toolchain: each target
//! generates hostile inputs from a seeded ChaCha stream (mutations of the repository's valid
//! documents, random flowsheet graphs, extreme cash-flow series, degenerate distributions),
//! runs them through the public API and checks the invariants every surface relies on:
//!
//! - no panic (caught and reported with the input);
//! - no endless loop (a watchdog in the runner stops a case that takes too long);
//! - no NaN or infinity in any result (every number of the serialized result is visited);
//! - every error has a code and a path (empty only for a syntax error or a whole-document
//!   limit), with no placeholder in the path.
//!
//! A case is a JSON value, so that a finding is saved as a file and replayed as a regression
//! test (`fuzz/corpus/<target>/*.json`, run by `cargo test -p cleanprod-fuzz`).

pub mod finite;
pub mod mutate;
pub mod rng;
pub mod targets;

use serde::Serialize;
use serde_json::Value;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

pub use rng::Gen;

/// A fuzz target: a generator of cases and the check of one case.
pub trait Target: Sync {
    /// The name used on the command line and as the corpus folder.
    fn name(&self) -> &'static str;
    /// A new case drawn from `g`.
    fn generate(&self, g: &mut Gen) -> Value;
    /// Run one case; `Err` describes a broken invariant.
    fn run(&self, case: &Value) -> Result<(), String>;
}

/// Every target, in the order the runner takes them.
pub fn all_targets() -> Vec<Box<dyn Target>> {
    vec![
        Box::new(targets::units::Units),
        Box::new(targets::documents::Documents),
        Box::new(targets::sectors::Sectors),
        Box::new(targets::finance::Finance),
        Box::new(targets::flowsheet::Flowsheets),
        Box::new(targets::uncertainty::Uncertainty),
    ]
}

/// The repository's root (the fuzz crate's parent).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Run `target` on `case`, turning a panic into a finding.
pub fn run_case(target: &dyn Target, case: &Value) -> Result<(), String> {
    match catch_unwind(AssertUnwindSafe(|| target.run(case))) {
        Ok(r) => r,
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_else(|| "panic without a message".to_string());
            Err(format!("panic: {message}"))
        }
    }
}

/// A result that must hold finite numbers only.
pub fn finite<T: Serialize + ?Sized>(what: &str, value: &T) -> Result<(), String> {
    match finite::first_non_finite(value) {
        None => Ok(()),
        Some(at) => Err(format!("{what}: non-finite number at {at}")),
    }
}

/// An error must have a code, a message and a path (empty only for a syntax error or a limit
/// of the whole document), and the path no placeholder.
pub fn named_error(what: &str, e: &cleanprod::Error) -> Result<(), String> {
    let code = e.code();
    let path = e.path();
    let message = e.to_string();
    let whole_document = matches!(
        e,
        cleanprod::Error::Syntax { .. } | cleanprod::Error::Limit { .. }
    );
    if code.is_empty() || message.trim().is_empty() {
        return Err(format!("{what}: error without a code or message: {e:?}"));
    }
    if path.is_empty() && !whole_document {
        return Err(format!("{what}: error [{code}] without a path: {message}"));
    }
    // The last segment of an unknown field's path is the author's own key.
    let own = match e {
        cleanprod::Error::UnknownField { field, .. } => {
            path.strip_suffix(field.as_str()).unwrap_or(path)
        }
        _ => path,
    };
    if own.contains('?') {
        return Err(format!(
            "{what}: error [{code}] with a placeholder path `{path}`: {message}"
        ));
    }
    Ok(())
}

/// Check a result: its numbers when it is `Ok`, its error otherwise. Returns the value.
pub fn checked<T: Serialize>(what: &str, r: cleanprod::Result<T>) -> Result<Option<T>, String> {
    match r {
        Ok(v) => {
            finite(what, &v)?;
            Ok(Some(v))
        }
        Err(e) => {
            named_error(what, &e)?;
            Ok(None)
        }
    }
}

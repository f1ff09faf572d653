//! The Python docstrings of the functions written in Rust come from the native module's stub
//! (`python/cleanprod/_cleanprod.pyi`), the one place they are written: each docstring of the
//! stub is written to `$OUT_DIR/stub_docs/<name>.txt` (`Assessment`, `Assessment.evaluate`,
//! `new`...), and `src/lib.rs` includes it as the item's doc, so `help()` in Python shows the
//! same numpy-style text, with its examples, as the stub, the docs site and the doctests.

use std::collections::BTreeMap;
use std::path::Path;
use std::{env, fs};

const STUB: &str = "python/cleanprod/_cleanprod.pyi";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed={STUB}");
    println!("cargo::rerun-if-changed=build.rs");
    let stub = fs::read_to_string(STUB).map_err(|e| format!("reading {STUB}: {e}"))?;
    let out = Path::new(&env::var("OUT_DIR")?).join("stub_docs");
    if out.exists() {
        fs::remove_dir_all(&out)?; // no docstring the stub no longer has
    }
    fs::create_dir_all(&out)?;
    for (name, doc) in docstrings(&stub) {
        fs::write(out.join(format!("{name}.txt")), doc)?;
    }
    Ok(())
}

/// Every docstring of the stub's top-level classes and functions and of the classes' methods,
/// by qualified name, cleaned as `inspect.cleandoc` does; overloads' docstrings joined.
fn docstrings(stub: &str) -> BTreeMap<String, String> {
    let lines: Vec<&str> = stub.lines().collect();
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut class: Option<&str> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let indent = line.len() - line.trim_start().len();
        let text = line.trim();
        if indent == 0 && !text.is_empty() && !text.starts_with('#') && !text.starts_with('@') {
            class = None;
        }
        let name = if let Some(rest) = text.strip_prefix("class ").filter(|_| indent == 0) {
            class = Some(ident(rest));
            Some(ident(rest).to_string())
        } else if let Some(rest) = text.strip_prefix("def ") {
            match (indent, class) {
                (0, _) => Some(ident(rest).to_string()),
                (4, Some(c)) => Some(format!("{c}.{}", ident(rest))),
                _ => None,
            }
        } else {
            None
        };
        i += 1;
        let Some(name) = name else { continue };
        // The signature may span lines: it ends at the first line outside brackets that ends
        // with ':' (a body follows) or with ': ...' (no docstring).
        let mut depth: i32 = 0;
        let mut end = i - 1;
        let mut has_body = false;
        while end < lines.len() {
            depth += lines[end].matches(['(', '[']).count() as i32;
            depth -= lines[end].matches([')', ']']).count() as i32;
            let tail = lines[end].trim_end();
            if depth <= 0 && (tail.ends_with(':') || tail.ends_with(": ...")) {
                has_body = tail.ends_with(':');
                break;
            }
            end += 1;
        }
        i = end + 1;
        if !has_body {
            continue;
        }
        let Some(first) = lines.get(i).map(|l| l.trim_start()) else {
            break;
        };
        let Some(body) = first.strip_prefix("\"\"\"") else {
            continue;
        };
        let mut raw: Vec<&str> = Vec::new();
        if let Some(one) = body.strip_suffix("\"\"\"") {
            raw.push(one);
        } else {
            raw.push(body);
            i += 1;
            while i < lines.len() {
                if let Some(last) = lines[i].trim_end().strip_suffix("\"\"\"") {
                    raw.push(last);
                    break;
                }
                raw.push(lines[i]);
                i += 1;
            }
        }
        let doc = cleandoc(&raw);
        out.entry(name)
            .and_modify(|d| {
                d.push_str("\n\n");
                d.push_str(&doc);
            })
            .or_insert(doc);
    }
    out
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first line stripped, the common indentation of the others removed, blank lines at the
/// ends dropped (Python's `inspect.cleandoc`).
fn cleandoc(raw: &[&str]) -> String {
    let margin = raw
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut lines: Vec<String> = Vec::with_capacity(raw.len());
    lines.push(raw.first().map_or("", |l| l.trim()).to_string());
    for l in raw.iter().skip(1) {
        lines.push(l.get(margin..).unwrap_or("").trim_end().to_string());
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    lines.join("\n")
}

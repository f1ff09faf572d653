//! The layers of the core run one way: no module uses a module of a layer above its own (the
//! order stated in `src/lib.rs`). Read from the source: every `crate::<module>` path outside
//! comments and test modules.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Top-level modules, bottom layer first; modules on one line share a layer.
const LAYERS: &[&[&str]] = &[
    &["dimension", "math", "text_table"],
    &["error"],
    &["cancel"],
    &["wire"],
    &["units", "money"],
    &["finance"],
    &["flowsheet", "ghg"],
    &["utilities"],
    &["sections"],
    &["options"],
    &["sectors"],
    &["document", "assessment", "Document", "Assessment"],
    &["uncertainty"],
    &["program"],
    &["report"],
];

/// Names `lib.rs` re-exports from the layer they live in.
const REEXPORTS: &[(&str, &str)] = &[
    ("Error", "error"),
    ("Result", "error"),
    ("Category", "error"),
    ("NoSolution", "error"),
    ("SourceFormat", "error"),
    ("schema", "document"),
    ("Summary", "assessment"),
    ("Report", "assessment"),
];

fn layer_of(module: &str) -> Option<usize> {
    let module = REEXPORTS
        .iter()
        .find(|(name, _)| *name == module)
        .map_or(module, |(_, m)| m);
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file's code names as `crate::<module>`, with their lines.
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // `$crate::` in macros is the crate too.
            found.push((n + 1, name));
            rest = after;
        }
    }
    found
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut checked = 0;
    for file in files {
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "lib.rs" {
            continue;
        }
        let top = rel.split(['/', '.']).next().unwrap().to_string();
        let own = layer_of(&top).unwrap_or_else(|| panic!("{rel}: module {top} has no layer"));
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, used) in uses(&text) {
            let theirs = layer_of(&used)
                .unwrap_or_else(|| panic!("{rel}:{line}: crate::{used} has no layer"));
            checked += 1;
            if theirs > own {
                wrong
                    .entry(rel.clone())
                    .or_default()
                    .push(format!("line {line}: crate::{used}"));
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} paths read: is the source where it was?"
    );
    assert!(wrong.is_empty(), "imports from a layer above: {wrong:#?}");
}

#[test]
fn the_reader_finds_paths_and_skips_comments_and_tests() {
    let text = "use crate::units::Schedule;\n// crate::report\nlet x = crate::options::Case;\n#[cfg(test)]\nuse crate::Assessment;";
    let names: Vec<String> = uses(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["units", "options"]);
    assert!(layer_of("report") > layer_of("options"));
    assert_eq!(layer_of("Error"), layer_of("error"));
}

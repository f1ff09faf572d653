//! Every case kept in `fuzz/corpus/<target>/` (inputs that once broke an invariant, and seeds)
//! passes every invariant now.

use cleanprod_fuzz::{all_targets, repo_root, run_case};
use serde_json::Value;

#[test]
fn every_corpus_case_keeps_every_invariant() {
    let mut failures = Vec::new();
    let mut count = 0;
    for target in all_targets() {
        let dir = repo_root().join("fuzz/corpus").join(target.name());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let v: Value = serde_json::from_str(&text).unwrap();
            let case = v.get("case").cloned().unwrap_or(v);
            count += 1;
            if let Err(e) = run_case(target.as_ref(), &case) {
                failures.push(format!("{}: {e}", entry.path().display()));
            }
        }
    }
    assert!(count > 0, "the corpus is empty");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_short_seeded_run_of_each_target_keeps_every_invariant() {
    use cleanprod_fuzz::Gen;
    for target in all_targets() {
        for k in 0..20 {
            let case = target.generate(&mut Gen::new(k));
            if let Err(e) = run_case(target.as_ref(), &case) {
                panic!("{} case {k}: {e}\n{case}", target.name());
            }
        }
    }
}

//! `cleanprod-fuzz [--seconds N] [--seed S] [--timeout T] [--replay] [TARGET...]`: run each
//! target (all when none is named) for N seconds of generated cases, or replay the corpus.
//! A broken invariant is printed and saved to `fuzz/findings/<target>-<k>.json`; a case that
//! runs longer than T seconds (default 20) is saved and stops the run. The exit status is 1
//! when anything was found.

use cleanprod_fuzz::{Gen, Target, all_targets, repo_root, run_case};
use serde_json::{Value, json};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

struct Options {
    seconds: f64,
    seed: u64,
    timeout: f64,
    replay: bool,
    targets: Vec<String>,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        seconds: 20.0,
        seed: 0,
        timeout: 20.0,
        replay: false,
        targets: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| {
            args.next()
                .and_then(|v| v.parse::<f64>().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "--seconds" => o.seconds = number("--seconds")?,
            "--seed" => o.seed = number("--seed")? as u64,
            "--timeout" => o.timeout = number("--timeout")?,
            "--replay" => o.replay = true,
            "-h" | "--help" => return Err(String::new()),
            name => o.targets.push(name.to_string()),
        }
    }
    Ok(o)
}

fn save(target: &str, error: &str, case: &Value) -> String {
    let dir = repo_root().join("fuzz/findings");
    let _ = std::fs::create_dir_all(&dir);
    let mut k = 0;
    let path = loop {
        let p = dir.join(format!("{target}-{k}.json"));
        if !p.exists() {
            break p;
        }
        k += 1;
    };
    let text =
        serde_json::to_string_pretty(&json!({ "target": target, "error": error, "case": case }))
            .unwrap_or_default();
    let _ = std::fs::write(&path, text);
    path.display().to_string()
}

/// What is running now, for the watchdog.
type Current = Arc<Mutex<Option<(Instant, &'static str, Value)>>>;

fn watchdog(current: Current, timeout: f64) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let Ok(guard) = current.lock() else { return };
            if let Some((start, target, case)) = guard.as_ref()
                && start.elapsed().as_secs_f64() > timeout
            {
                let error = format!("timeout: the case ran longer than {timeout} s");
                let path = save(target, &error, case);
                eprintln!("FINDING {target}: {error} ({path})");
                std::process::exit(2);
            }
        }
    });
}

fn check(target: &dyn Target, case: &Value) -> Result<(), String> {
    run_case(target, case).map_err(|e| {
        if e.starts_with("panic") {
            format!("{e} at {}", LAST_PANIC.with(|l| l.borrow().clone()))
        } else {
            e
        }
    })
}

/// The corpus cases of `target` (a saved finding's `case`, or the file itself).
fn corpus(target: &str) -> Vec<(String, Value)> {
    let dir = repo_root().join("fuzz/corpus").join(target);
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            if let Ok(v) = serde_json::from_str::<Value>(&text) {
                let case = v.get("case").cloned().unwrap_or(v);
                out.push((e.path().display().to_string(), case));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn main() {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "{e}\nusage: cleanprod-fuzz [--seconds N] [--seed S] [--timeout T] [--replay] [TARGET...]"
            );
            std::process::exit(64);
        }
    };
    std::panic::set_hook(Box::new(|info| {
        LAST_PANIC
            .with(|l| *l.borrow_mut() = info.location().map(|l| l.to_string()).unwrap_or_default());
    }));
    let current: Current = Arc::new(Mutex::new(None));
    watchdog(current.clone(), o.timeout);
    let mut findings = 0usize;
    for (index, target) in all_targets().iter().enumerate() {
        if !o.targets.is_empty() && !o.targets.iter().any(|t| t == target.name()) {
            continue;
        }
        let start = Instant::now();
        let mut cases = 0u64;
        let mut seen = BTreeSet::new();
        let mut slowest = 0.0f64;
        let mut run_one = |case: Value, label: &str| {
            if let Ok(mut c) = current.lock() {
                *c = Some((Instant::now(), target.name(), case.clone()));
            }
            let t = Instant::now();
            let r = check(target.as_ref(), &case);
            slowest = slowest.max(t.elapsed().as_secs_f64());
            cases += 1;
            if let Err(e) = r {
                // one saved case per distinct message (numbers stripped)
                let key: String = e
                    .chars()
                    .filter(|c| !c.is_ascii_digit())
                    .take(160)
                    .collect();
                if seen.insert(key) {
                    findings += 1;
                    let path = save(target.name(), &e, &case);
                    eprintln!("FINDING {} {label}: {e} ({path})", target.name());
                }
            }
        };
        if o.replay {
            for (path, case) in corpus(target.name()) {
                run_one(case, &path);
            }
        } else {
            let mut k = 0u64;
            while start.elapsed().as_secs_f64() < o.seconds {
                let mut g = Gen::new(o.seed.wrapping_mul(1_000_003) ^ ((index as u64) << 48) ^ k);
                let case = target.generate(&mut g);
                run_one(case, &format!("seed {} case {k}", o.seed));
                k += 1;
            }
        }
        println!(
            "{:<12} {:>8} cases in {:>6.1} s, slowest {:.3} s, {} distinct findings",
            target.name(),
            cases,
            start.elapsed().as_secs_f64(),
            slowest,
            seen.len()
        );
    }
    if findings > 0 {
        std::process::exit(1);
    }
}

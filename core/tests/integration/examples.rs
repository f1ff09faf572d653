//! The programs in `core/examples` run as tests (`cargo run --example` runs them by hand).

#[allow(dead_code)]
#[path = "../../examples/assess_file.rs"]
mod assess_file;
#[allow(dead_code)]
#[path = "../../examples/finance_and_balance.rs"]
mod finance_and_balance;
#[allow(dead_code)]
#[path = "../../examples/risk.rs"]
mod risk;
#[allow(dead_code)]
#[path = "../../examples/typed_document.rs"]
mod typed_document;

use std::path::Path;

#[test]
fn assess_file_prints_options_and_markdown() {
    let hotel = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/hotel.toml");
    let out = assess_file::run(&hotel).unwrap();
    assert!(out.contains("options (USD)"));
    assert!(out.contains("ranked by NPV: "));
    assert!(out.contains("## Hotel Mirador del Caribe (example)"));
}

#[test]
fn finance_and_balance_runs() {
    let out = finance_and_balance::run().unwrap();
    assert!(out.contains("NPV at 8 %: 3065.22"));
    assert!(out.contains("reconciliation: chi-square"));
}

#[test]
fn typed_document_assesses() {
    let out = typed_document::run().unwrap();
    assert!(out.contains("Hotel Mirador (typed example) (hotel sector)"));
    assert!(out.contains("low_flow_showers"));
    assert!(out.contains("format = \"cleanprod/1\""));
}

#[test]
fn risk_prints_each_option_and_its_driver() {
    let tannery = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/tannery.toml");
    let out = risk::run(&tannery, 200).unwrap();
    assert!(out.contains("high_exhaustion"));
    assert!(out.contains("driven most by template.tanning.chrome_exhaustion"));
    assert!(out.contains("every input at its P10: NPV of batch_washing"));
}

//! The pre-assessment report and the financing proposal: golden files of the tannery and the
//! hotel under `tests/fixtures/expected/reports/` (rewritten with
//! `CLEANPROD_BLESS=1 cargo test -p cleanprod --test integration golden`), the HTML parsed by
//! an HTML5 parser, and the DSCR and break-even saving checked by hand.

use std::path::{Path, PathBuf};

use cleanprod::Assessment;
use cleanprod::report::pages::{self, Kind, Lang, Page, Request};
use scraper::{Html, Selector};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(source: &str) -> Assessment {
    let text = std::fs::read_to_string(root().join(source)).unwrap();
    Assessment::from_toml_str(&text).unwrap()
}

fn page(source: &str, kind: Kind, lang: Lang, option: Option<&str>) -> Page {
    let request = Request {
        kind,
        lang: Some(lang),
        option: option.map(str::to_string),
        // Few draws: the golden files stay quick to write and the same on every machine.
        draws: Some(200),
        ..Request::default()
    };
    pages::build(&load(source), &request).unwrap()
}

/// Every golden report: (file name, text).
fn reports() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, source, option) in [
        ("tannery", "examples/tannery.toml", None),
        ("hotel", "examples/hotel.toml", Some("led_lighting")),
    ] {
        let pre = page(source, Kind::PreAssessment, Lang::En, None);
        out.push((format!("{name}.pre-assessment.en.html"), pre.html()));
        out.push((format!("{name}.pre-assessment.en.md"), pre.markdown()));
        let pre = page(source, Kind::PreAssessment, Lang::Es, None);
        out.push((format!("{name}.pre-assessment.es.html"), pre.html()));
        let proposal = page(source, Kind::Proposal, Lang::Es, option);
        out.push((format!("{name}.proposal.es.html"), proposal.html()));
        let proposal = page(source, Kind::Proposal, Lang::En, option);
        out.push((format!("{name}.proposal.en.md"), proposal.markdown()));
    }
    // A proposal with a loan: the schedule, the coverage and the owner's flows.
    let financed = page(
        "tests/fixtures/documents/valid/effects.toml",
        Kind::Proposal,
        Lang::En,
        Some("flow_restrictor"),
    );
    out.push(("effects.proposal.en.html".to_string(), financed.html()));
    out
}

#[test]
fn golden_reports_match_the_core() {
    let dir = root().join("tests/fixtures/expected/reports");
    let bless = super::golden::blessing();
    for (name, text) in reports() {
        let path = dir.join(&name);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("{name} missing: CLEANPROD_BLESS=1 cargo test -p cleanprod --test integration golden")
        });
        if let Some((i, (g, w))) = text
            .lines()
            .zip(want.lines())
            .enumerate()
            .find(|(_, (g, w))| g != w)
        {
            panic!("{name}, line {}: got\n{g}\nwant\n{w}", i + 1);
        }
        assert_eq!(
            text.lines().count(),
            want.lines().count(),
            "{name}: line count"
        );
    }
}

fn select(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The HTML5 checks of one report: parses without error, no external reference, every table
/// with a caption and every header cell scoped, headings from h1 down without a gap.
fn check_html(name: &str, html: &str) {
    let doc = Html::parse_document(html);
    assert!(doc.errors.is_empty(), "{name}: {:?}", doc.errors);
    for el in doc.select(&select("[src], [href]")) {
        for attr in ["src", "href"] {
            let v = el.value().attr(attr).unwrap_or_default();
            assert!(
                !v.contains("http") && !v.starts_with("//"),
                "{name}: {attr}={v}"
            );
        }
    }
    for banned in ["<script", "<link", "@import", "url(", "<iframe", "<img"] {
        assert!(!html.contains(banned), "{name}: {banned}");
    }
    let tables = doc.select(&select("table")).count();
    assert!(tables > 3, "{name}: {tables} tables");
    assert_eq!(
        doc.select(&select("table > caption")).count(),
        tables,
        "{name}"
    );
    for th in doc.select(&select("th")) {
        let scope = th.value().attr("scope");
        assert!(
            matches!(scope, Some("col" | "row")),
            "{name}: th without scope"
        );
    }
    assert_eq!(doc.select(&select("h1")).count(), 1, "{name}");
    // No empty section: every h2 is followed by something.
    for section in doc.select(&select("section")) {
        assert!(section.children().count() > 2, "{name}: an empty section");
    }
    assert!(html.contains("@page") && html.contains("size:A4") && html.contains("size:letter"));
}

#[test]
fn html_reports_parse_as_html5_and_stand_alone() {
    for (name, text) in reports() {
        if name.ends_with(".html") {
            check_html(&name, &text);
        }
    }
}

#[test]
fn spanish_reports_say_es_and_use_the_decimal_comma() {
    let p = page("examples/hotel.toml", Kind::PreAssessment, Lang::Es, None);
    let html = p.html();
    assert!(html.contains("<html lang=\"es\""));
    assert!(html.contains("Preevaluación de producción más limpia"));
    // 10 % discount rate and a price of 1.9 USD/m3 as Spanish prints them.
    assert!(
        html.contains("1,9 USD/m3") || html.contains("USD/m3"),
        "{html}"
    );
    let doc = Html::parse_document(&html);
    let cells: Vec<String> = doc
        .select(&select("td.num"))
        .map(|c| c.text().collect())
        .collect();
    assert!(cells.iter().any(|c| c.contains(',')), "no decimal comma");
    assert!(
        !cells
            .iter()
            .any(|c| c.chars().filter(|x| *x == '.').count() > 0
                && c.chars()
                    .all(|x| x.is_ascii_digit() || x == '.' || x == '-')),
        "a decimal point in a Spanish number"
    );
}

#[test]
fn the_document_chooses_the_language_unless_asked() {
    let text = std::fs::read_to_string(root().join("examples/hotel.toml")).unwrap();
    let a = Assessment::from_toml_str(&format!("{text}\n[report]\nlang = \"es\"\n")).unwrap();
    let p = pages::build(&a, &Request::default()).unwrap();
    assert_eq!(p.lang, Lang::Es);
    let p = pages::build(
        &a,
        &Request {
            lang: Some(Lang::En),
            ..Request::default()
        },
    )
    .unwrap();
    assert_eq!(p.lang, Lang::En);
    let e = Assessment::from_toml_str(&format!("{text}\n[report]\nlang = \"fr\"\n")).unwrap_err();
    assert!(
        e.path().contains("report.lang") || e.to_string().contains("fr"),
        "{e}"
    );
}

/// A table of a page by its caption's beginning.
fn table<'a>(p: &'a Page, caption: &str) -> &'a pages::Table {
    p.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            pages::Block::Table(t) if t.caption.starts_with(caption) => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table {caption}"))
}

#[test]
fn dscr_and_break_even_by_hand() {
    // effects.toml: the flow restrictor costs 1,000 and saves 1,500 a year for 5 years at 8 %;
    // 60 % is borrowed at 10 % over 3 years: 600 × 0.1 / (1 − 1.1^−3) = 241.27 a year, so the
    // coverage is 1,500 / 241.27 = 6.22 in years 1 to 3, minimum and average alike.
    let p = page(
        "tests/fixtures/documents/valid/effects.toml",
        Kind::Proposal,
        Lang::En,
        Some("flow_restrictor"),
    );
    let d = table(&p, "Debt-service coverage");
    let rows: Vec<(&str, &str)> = d
        .rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(rows, [("1", "6.22"), ("2", "6.22"), ("3", "6.22")]);
    assert_eq!(d.foot[0][1], "6.22");
    assert_eq!(d.foot[1][1], "6.22");
    let s = table(&p, "Loan schedule");
    assert_eq!(s.rows[0][1], "241");
    assert_eq!(s.rows[2][4], "0");
    // Break-even: 1,000 / AF(8 %, 5) = 1,000 / 3.99271 = 250.46 a year; margin 1 − 250.46 /
    // 1,500 = 83.3 %.
    let b = table(&p, "Sensitivity");
    assert_eq!(b.rows[0][1], "250");
    assert_eq!(b.rows[1][1], "83.3\u{a0}%");
    // The owner puts 400 at year 0 and keeps 1,500 − 241.27 in years 1 to 3.
    let c = table(&p, "Cash flow year by year");
    assert_eq!(c.rows[0][7], "-400");
    assert_eq!(c.rows[1][7], "1,259");
    assert_eq!(c.rows[4][7], "1,500");
    let md = p.markdown();
    assert!(
        md.contains("a parameter of this report, not a fact"),
        "{md}"
    );
}

#[test]
fn a_lower_threshold_is_met_and_a_higher_one_names_the_years() {
    let a = load("tests/fixtures/documents/valid/effects.toml");
    let request = |x: f64| Request {
        kind: Kind::Proposal,
        option: Some("flow_restrictor".into()),
        min_dscr: x,
        ..Request::default()
    };
    let md = pages::build(&a, &request(1.2)).unwrap().markdown();
    assert!(md.contains("Threshold of 1.20") && md.contains("Every year of debt service"));
    let md = pages::build(&a, &request(7.0)).unwrap().markdown();
    assert!(md.contains("Years below the threshold: 1, 2, 3."), "{md}");
    assert_eq!(
        pages::build(&a, &request(0.0)).unwrap_err().path(),
        "min_dscr"
    );
}

#[test]
fn a_no_cost_option_has_nothing_to_finance() {
    let p = page(
        "tests/fixtures/documents/valid/effects.toml",
        Kind::Proposal,
        Lang::En,
        Some("pump_timer"),
    );
    let md = p.markdown();
    assert!(
        md.contains("there is nothing for the document's financing terms to finance"),
        "{md}"
    );
    assert!(!md.contains("DSCR"), "{md}");
}

#[test]
fn the_package_flows_sum_to_the_portfolio() {
    let a = load("examples/hotel.toml");
    let e = a.evaluate().unwrap();
    let ids: Vec<&str> = e.portfolio.all.ids.iter().map(String::as_str).collect();
    let steps = a.portfolio_appraisals(&ids).unwrap();
    let npv: f64 = steps.iter().map(|s| s.npv).sum();
    assert!((npv - e.portfolio.all.npv).abs() <= 1e-9 * npv.abs());
    let p = page("examples/hotel.toml", Kind::Proposal, Lang::En, None);
    assert!(p.subtitle.contains(&format!("Package of {} ", ids.len())));
}

#[test]
fn unknown_option_is_a_clear_error() {
    let a = load("examples/hotel.toml");
    let e = pages::build(
        &a,
        &Request {
            kind: Kind::Proposal,
            option: Some("no_such".into()),
            ..Request::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "unknown_reference");
    assert_eq!(e.path(), "option");
    assert!(e.to_string().contains("led_lighting"), "{e}");
}

#[test]
fn an_empty_figure_slot_leaves_no_heading() {
    let a = load("examples/hotel.toml");
    let mut p = pages::build(&a, &Request::default()).unwrap();
    // The hotel's template has no hand-written flowsheet streams? The process-flow section
    // holds the Sankey slot: empty, its caption is not shown.
    assert!(p.figures.sankey.is_some() && p.figures.cost_curve.is_some());
    p.figures.sankey = None;
    let html = p.html();
    assert!(!html.contains("Flows of the site&#39;s balance"));
    p.figures.sankey = Some(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><title>t</title></svg>"
            .into(),
    );
    let html = p.html();
    assert!(html.contains("<figure><svg") && html.contains("Flows of the site&#39;s balance"));
    check_html("hotel with a sankey", &html);
}

//! Screening a region: a firm's figures are those of the document written by hand from the
//! same template figures; the ranking and its ties are deterministic; bad rows are named.

use cleanprod::program::screen::{Firms, ScreenSettings, Screened, firm_document, screen};
use cleanprod::program::{self, ExchangeRates, Potential, Settings, Source};

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn table(columns: &[&str], rows: &[&[&str]]) -> Firms {
    Firms {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect(),
    }
}

fn by(potential: Potential) -> ScreenSettings {
    ScreenSettings {
        by: potential,
        ..ScreenSettings::default()
    }
}

/// The site's figures of a document evaluated as a programme of one.
fn by_hand(text: String) -> program::SiteRow {
    let p = program::evaluate(&[Source::toml("x.toml", text)], &Settings::default());
    assert!(p.failures.is_empty(), "{:?}", p.failures);
    p.sites[0].clone()
}

fn same_figures(s: &Screened, site: &program::SiteRow) {
    assert_eq!(s.npv, site.npv);
    assert_eq!(s.capex, site.capex);
    assert_eq!(s.annual_saving, site.annual_saving);
    assert_eq!(s.water_m3, site.per_year.water_m3);
    assert_eq!(s.co2_t, site.per_year.co2_t);
    assert_eq!(s.energy_mwh, site.per_year.energy_mwh);
    assert_eq!(s.options, site.options);
    assert_eq!(s.simple_payback_years, site.simple_payback_years);
}

#[test]
fn a_tannery_screened_is_the_example_written_for_its_size() {
    let firms = table(
        &["id", "sector", "raw_hides", "chrome_offer"],
        &[&["T1", "tanning", "24 t/d", "6 %"]],
    );
    let s = screen(&firms, &by(Potential::Npv)).unwrap();
    assert!(s.failures.is_empty(), "{:?}", s.failures);
    // The example twice as large, by hand: its size, output, capital budget and option costs
    // doubled, and the firm's own chrome offer.
    let mut text = example("tannery.toml");
    for (from, to) in [
        ("name = \"Curtidos del Bajío (example)\"", "name = \"T1\""),
        ("raw_hides = \"12 t/d\"", "raw_hides = \"24 t/d\""),
        ("output = \"12 t/d\"", "output = \"24 t/d\""),
        (
            "capital_budget = \"1000000 MXN\"",
            "capital_budget = \"2000000 MXN\"",
        ),
        ("om_change = \"90000 MXN\"", "om_change = \"180000 MXN\""),
        ("om_change = \"250000 MXN\"", "om_change = \"500000 MXN\""),
        ("capex = \"120000 MXN\"", "capex = \"240000 MXN\""),
        ("chrome_offer = \"7 %\"", "chrome_offer = \"6 %\""),
    ] {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    let site = by_hand(text);
    same_figures(&s.ranking[0], &site);
    assert_eq!(s.ranking[0].size, "24 t/d");
    assert!(s.ranking[0].npv != 0.0 && s.ranking[0].water_m3 > 0.0);
    // The document screened is the one written by hand, field for field.
    let doc = firm_document(&firms, 0).unwrap();
    assert_eq!(
        doc["template"]["tanning"]["options"][1]["om_change"],
        "180000 MXN"
    );
    assert_eq!(doc["finance"]["capital_budget"], "2000000 MXN");
}

#[test]
fn a_hotel_screened_follows_rooms_and_occupancy() {
    // 60 rooms at 36 %: a quarter of the example's guest-nights, half its rooms.
    let firms = table(
        &["id", "sector", "rooms", "occupancy"],
        &[&["H1", "hotel", "60", "36 %"]],
    );
    let s = screen(&firms, &by(Potential::Water)).unwrap();
    assert!(s.failures.is_empty(), "{:?}", s.failures);
    let mut text = example("hotel.toml");
    for (from, to) in [
        (
            "name = \"Hotel Mirador del Caribe (example)\"",
            "name = \"H1\"",
        ),
        ("output = \"52000 /yr\"", "output = \"13000 /yr\""),
        ("rooms = 120", "rooms = 60"),
        ("occupancy = \"72 %\"", "occupancy = \"36 %\""),
        (
            "metered_water = \"33500 m3/yr\"",
            "metered_water = \"16750 m3/yr\"",
        ),
        ("covers = 260", "covers = 65"),
        (
            "spray_valve_minutes = \"150 min\"",
            "spray_valve_minutes = \"37.5 min\"",
        ),
        ("backwash = \"4 m3\"", "backwash = \"2 m3\""),
        ("area = \"450 m2\"", "area = \"225 m2\""),
        ("area = \"5000 m2\"", "area = \"2500 m2\""),
        ("floor_area = \"9500 m2\"", "floor_area = \"4750 m2\""),
        ("fixtures = 1400", "fixtures = 700"),
        ("circulation = \"150 m3/h\"", "circulation = \"75 m3/h\""),
    ] {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    // Every option's investment and operating cost halved.
    let doc = firm_document(&firms, 0).unwrap();
    let options = doc["template"]["hotel"]["options"].as_array().unwrap();
    assert_eq!(options[2]["capex"], "18000 USD");
    assert_eq!(options[3]["om_change"], "300 USD");
    let mut value: toml::Value = toml::from_str(&text).unwrap();
    let list = value["template"]["hotel"]["options"]
        .as_array_mut()
        .unwrap();
    for (o, screened) in list.iter_mut().zip(options) {
        let t = o.as_table_mut().unwrap();
        for key in ["capex", "om_change"] {
            if t.contains_key(key) {
                t.insert(key.into(), screened[key].as_str().unwrap().into());
            }
        }
    }
    let site = by_hand(toml::to_string(&value).unwrap());
    same_figures(&s.ranking[0], &site);
}

#[test]
fn ranks_are_by_the_potential_chosen_with_ties_in_table_order() {
    let firms = table(
        &["id", "sector", "raw_hides", "rooms"],
        &[
            &["a", "tanning", "6 t/d", ""],
            &["b", "tanning", "30 t/d", ""],
            &["c", "tanning", "6 t/d", ""],
            &["d", "tanning", "12 t/d", ""],
            &["e", "hotel", "", "100"],
        ],
    );
    for potential in [Potential::Water, Potential::Co2] {
        let s = screen(&firms, &by(potential)).unwrap();
        let ids: Vec<&str> = s.ranking.iter().map(|r| r.id.as_str()).collect();
        let values: Vec<f64> = s.ranking.iter().map(|r| r.value).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        let (a, c) = (
            ids.iter().position(|i| *i == "a").unwrap(),
            ids.iter().position(|i| *i == "c").unwrap(),
        );
        assert_eq!(c, a + 1, "{ids:?}"); // equal firms: table order
        assert_eq!(s.ranking[a].value, s.ranking[c].value);
        assert_eq!(
            s.ranking.iter().map(|r| r.rank).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5]
        );
        // The tanneries grow with their size.
        let pos = |id: &str| ids.iter().position(|i| *i == id).unwrap();
        assert!(pos("b") < pos("d") && pos("d") < pos("a"), "{ids:?}");
    }
    // By NPV, MXN and USD need exchange rates; with them the same order on any threads.
    assert_eq!(
        screen(&firms, &by(Potential::Npv)).unwrap_err().path(),
        "exchange_rates"
    );
    let rates = ExchangeRates {
        currency: "USD".into(),
        rates: [("MXN".to_string(), 0.055)].into(),
    };
    let with = |threads| ScreenSettings {
        by: Potential::Npv,
        threads,
        exchange_rates: Some(rates.clone()),
        ..ScreenSettings::default()
    };
    let one = screen(&firms, &with(Some(1))).unwrap();
    assert_eq!(one, screen(&firms, &with(Some(3))).unwrap());
    let b = one.ranking.iter().find(|r| r.id == "b").unwrap();
    let alone = screen(
        &table(
            &["id", "sector", "raw_hides"],
            &[&["b", "tanning", "30 t/d"]],
        ),
        &by(Potential::Npv),
    )
    .unwrap();
    assert_eq!(b.currency, "USD");
    assert!((b.npv - 0.055 * alone.ranking[0].npv).abs() <= 1e-9 * b.npv.abs());
    assert!(
        (b.annual_saving - 0.055 * alone.ranking[0].annual_saving).abs()
            <= 1e-9 * b.annual_saving.abs()
    );
}

#[test]
fn bad_rows_are_named_by_id_and_column_and_the_others_screened() {
    let firms = table(
        &[
            "id",
            "sector",
            "raw_hides",
            "rooms",
            "occupancy",
            "chrome_offer",
        ],
        &[
            &["ok", "tanning", "10 t/d", "", "", ""],
            &["unit", "tanning", "10 m3/d", "", "", ""],
            &["big", "tanning", "500 t/d", "", "", ""],
            &["small", "hotel", "", "3", "", ""],
            &["per_year", "tanning", "3000 t/yr", "", "", ""],
            &["nosize", "hotel", "", "", "60 %", ""],
            &["full", "hotel", "", "80", "120 %", ""],
            &["wrong", "hotel", "", "80", "", "7 %"],
            &["offer", "tanning", "10 t/d", "", "", "7 kg"],
            &["", "tanning", "10 t/d", "", "", ""],
            &["what", "bakery", "", "", "", ""],
        ],
    );
    let s = screen(&firms, &by(Potential::Water)).unwrap();
    assert_eq!(s.firms, 11);
    assert_eq!(s.ranking.len(), 1);
    assert_eq!(s.ranking[0].id, "ok");
    let named: Vec<(&str, &str)> = s
        .failures
        .iter()
        .map(|f| (f.document.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("unit", "raw_hides"),
            ("big", "raw_hides"),
            ("small", "rooms"),
            ("per_year", "raw_hides"),
            ("nosize", "rooms"),
            ("full", "occupancy"),
            ("wrong", "chrome_offer"),
            ("offer", "chrome_offer"),
            ("row 9", "id"),
            ("what", "sector"),
        ]
    );
    assert!(
        s.failures[1].message.contains("1.2 to 120 t/d"),
        "{}",
        s.failures[1].message
    );
    // The table's own faults are errors.
    let twice = table(
        &["id", "sector", "raw_hides"],
        &[&["a", "tanning", "6 t/d"], &["a", "tanning", "7 t/d"]],
    );
    assert_eq!(
        screen(&twice, &by(Potential::Water)).unwrap_err().path(),
        "rows[1].id"
    );
    let no_sector = table(&["id", "raw_hides"], &[&["a", "6 t/d"]]);
    assert!(screen(&no_sector, &by(Potential::Water)).is_err());
}

#[test]
fn every_sector_screens_across_its_size_range() {
    let firms = table(
        &[
            "id",
            "sector",
            "raw_hides",
            "rooms",
            "beds",
            "occupancy",
            "production.output",
        ],
        &[
            &["t-", "tanning", "1.2 t/d", "", "", "", ""],
            &["t+", "tanning", "120 t/d", "", "", "", ""],
            &["h-", "hotel", "", "12", "", "50 %", ""],
            &["h+", "hotel", "", "1200", "", "90 %", ""],
            &["p-", "hospital", "", "", "40", "60 %", ""],
            &["p+", "hospital", "", "", "1500", "90 %", ""],
            &["c-", "chemicals", "", "", "", "", "22.5 t/yr"],
            &["c+", "chemicals", "", "", "", "", "2250 t/yr"],
            &["a-", "automotive", "", "", "", "", "60000 /yr"],
            &["a+", "automotive", "", "", "", "", "6000000 /yr"],
        ],
    );
    let s = screen(&firms, &by(Potential::Co2)).unwrap();
    assert!(s.failures.is_empty(), "{:#?}", s.failures);
    for r in &s.ranking {
        assert!(
            r.npv.is_finite() && r.water_m3 >= 0.0 && r.options > 0,
            "{r:?}"
        );
    }
    // The large firm of each sector saves more water than the small one.
    for k in ["t", "h", "p", "c", "a"] {
        let w = |id: String| s.ranking.iter().find(|r| r.id == id).unwrap().water_m3;
        assert!(w(format!("{k}+")) > w(format!("{k}-")), "{k}");
    }
}

#[test]
fn a_region_screened_in_batches_is_the_region_screened_at_once() {
    use cleanprod::program::screen::region::{RegionSpec, generate};
    use cleanprod::program::screen::{Screening, combine};
    let spec = RegionSpec {
        seed: 5,
        firms: 120,
        ..RegionSpec::benchmark()
    };
    let mut firms = generate(&spec, None).unwrap();
    firms.rows[7][3] = "nonsense".into(); // a bad cell: a failure in the second batch
    let rates = ExchangeRates {
        currency: "USD".into(),
        rates: [("MXN".to_string(), 0.055), ("INR".to_string(), 0.012)].into(),
    };
    let settings = ScreenSettings {
        by: Potential::Npv,
        threads: None,
        exchange_rates: Some(rates),
        ..ScreenSettings::default()
    };
    let whole = screen(&firms, &settings).unwrap();
    assert_eq!(whole.failures.len(), 1);
    assert_eq!(whole.ranking.len(), 119);
    let parts = firms
        .rows
        .chunks(50)
        .map(|rows| {
            let part = Firms {
                columns: firms.columns.clone(),
                rows: rows.to_vec(),
            };
            let s = screen(
                &part,
                &ScreenSettings {
                    threads: Some(1),
                    ..settings.clone()
                },
            )
            .unwrap();
            Screening::from_json_value(serde_json::to_value(&s).unwrap()).unwrap()
        })
        .collect();
    assert_eq!(combine(parts).unwrap(), whole);
}

#[test]
fn a_cancelled_screening_programme_or_simulation_stops_with_cancelled() {
    use cleanprod::cancel::Cancel;
    let cancel = Cancel::default();
    cancel.cancel();
    let firms = table(
        &["id", "sector", "rooms", "occupancy"],
        &[
            &["h1", "hotel", "60", "70 %"],
            &["h2", "hotel", "90", "60 %"],
        ],
    );
    let settings = ScreenSettings {
        cancel: Some(cancel.clone()),
        ..ScreenSettings::default()
    };
    assert_eq!(screen(&firms, &settings).unwrap_err().code(), "cancelled");
    // Not cancelled, the same table screens.
    assert!(screen(&firms, &ScreenSettings::default()).is_ok());
    // A programme names each document it did not evaluate.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/hotel.toml"
    ))
    .unwrap();
    let p = program::evaluate(
        &[
            Source::toml("a.toml", text.clone()),
            Source::toml("b.toml", text),
        ],
        &Settings {
            cancel: Some(cancel.clone()),
            ..Settings::default()
        },
    );
    assert!(p.sites.is_empty());
    assert_eq!(p.failures.len(), 2);
    assert!(p.failures.iter().all(|f| f.code == "cancelled"));
    // A simulation returns no partial summary.
    let risk = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/documents/valid/risk.toml"
    ))
    .unwrap();
    let a = cleanprod::Assessment::from_toml_str(&risk).unwrap();
    let s = cleanprod::uncertainty::Simulator::new(&a).unwrap();
    let run = |cancel: Option<Cancel>| {
        s.run(&cleanprod::uncertainty::Settings {
            draws: Some(100),
            cancel,
            ..Default::default()
        })
    };
    assert_eq!(run(Some(cancel)).unwrap_err().code(), "cancelled");
    assert!(run(Some(Cancel::default())).is_ok());
}

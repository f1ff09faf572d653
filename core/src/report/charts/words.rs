//! Every word a chart writes of its own, in English and in Spanish side by side, and numbers
//! with the language's decimal mark. Names that come from the document (options, streams,
//! inputs, units) are written as the document has them.

use crate::sections::Lang;

macro_rules! words {
    ($($name:ident => $en:literal, $es:literal;)*) => {
        /// A word or sentence of the charts; `{x}` holes are filled by [`Words::fill`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum W { $($name),* }

        impl W {
            /// Every word.
            #[cfg(test)]
            pub(crate) const ALL: &'static [W] = &[$(W::$name),*];

            /// The text in `lang`.
            pub(crate) fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((W::$name, Lang::En) => $en, (W::$name, Lang::Es) => $es,)*
                }
            }
        }
    };
}

words! {
    // Axes and legends shared by several charts.
    Year => "year", "año";
    Draws => "draws", "extracciones";
    Option => "option", "opción";
    Discounted => "discounted", "descontado";
    Undiscounted => "undiscounted", "sin descontar";
    AtDocumentFigures => "at the document's figures", "con las cifras del documento";
    // Tornado.
    TornadoTitle => "What drives the {what}", "Qué mueve el {what}";
    TornadoDesc => "At the document's figures the result is {base}. Each bar moves one input from its 10th to its 90th percentile, the others as written, widest first.",
        "Con las cifras del documento el resultado es {base}. Cada barra mueve un dato de su percentil 10 a su percentil 90, los demás como están escritos, la más ancha primero.";
    TornadoBarDesc => " {input}: {p10} at P10, {p90} at P90.", " {input}: {p10} en P10, {p90} en P90.";
    TornadoBase => "{base} at the document's figures", "{base} con las cifras del documento";
    TornadoCaption => "{title}: the result with each input at its P10 and its P90",
        "{title}: el resultado con cada dato en su P10 y su P90";
    Input => "input", "dato";
    AtP10 => "{what} at P10", "{what} en P10";
    AtP90 => "{what} at P90", "{what} en P90";
    Swing => "swing", "oscilación";
    // Histogram.
    HistogramTitle => "Distribution of the {what}", "Distribución del {what}";
    HistogramDesc => "{draws} draws in {bins} equal bins from {from} to {to}; median {p50}, P5 {p5}, P95 {p95}. {p} of the draws lose money (NPV below zero, shaded).",
        "{draws} extracciones en {bins} intervalos iguales de {from} a {to}; mediana {p50}, P5 {p5}, P95 {p95}. El {p} de las extracciones pierde dinero (VAN bajo cero, sombreado).";
    HistogramBase => " At the document's figures the NPV is {base}.", " Con las cifras del documento el VAN es {base}.";
    ProbabilityLoss => "P(NPV<0) = {p}", "P(VAN<0) = {p}";
    HistogramCaption => "{title}: draws per bin; P(NPV<0) = {p}", "{title}: extracciones por intervalo; P(VAN<0) = {p}";
    BinFrom => "from [{unit}]", "desde [{unit}]";
    BinTo => "to [{unit}]", "hasta [{unit}]";
    NoDraw => "has no appraised draw: no histogram to draw", "no tiene extracciones evaluadas: no hay histograma";
    // What a risk chart is about.
    NpvOfOption => "NPV of {id}, {cur}", "VAN de {id}, {cur}";
    NpvOfAll => "NPV of all options, {cur}", "VAN de todas las opciones, {cur}";
    // Fund balance.
    FundTitle => "Balance of the loan fund", "Saldo del fondo de préstamos";
    FundDesc => "The fund ({cur}) year by year over {years} years: {capital} of capital contributed, {lent} lent. At the end: cash {cash}, principal outstanding {outstanding}, cumulative losses {losses}.",
        "El fondo ({cur}) año a año durante {years} años: {capital} de capital aportado, {lent} prestado. Al final: caja {cash}, capital pendiente {outstanding}, pérdidas acumuladas {losses}.";
    FundDrawn => " Over {draws} draws of defaults and savings, cash plus outstanding ends between {p5} (P5) and {p95} (P95); the fund survives in {p} of them.",
        " En {draws} extracciones de impagos y ahorros, caja más cartera termina entre {p5} (P5) y {p95} (P95); el fondo sobrevive en el {p} de ellas.";
    FundBalance => "cash + outstanding", "caja + cartera";
    FundCash => "cash", "caja";
    FundOutstanding => "outstanding", "cartera";
    FundLosses => "cumulative losses", "pérdidas acumuladas";
    FundBand => "P5 to P95 drawn", "P5 a P95 de las extracciones";
    FundBalanceColumn => "cash + outstanding [{cur}]", "caja + cartera [{cur}]";
    FundCashColumn => "cash [{cur}]", "caja [{cur}]";
    FundOutstandingColumn => "outstanding [{cur}]", "cartera [{cur}]";
    FundLossesColumn => "cumulative losses [{cur}]", "pérdidas acumuladas [{cur}]";
    FundP5Column => "cash + outstanding, P5 [{cur}]", "caja + cartera, P5 [{cur}]";
    FundMeanColumn => "cash + outstanding, mean of the draws [{cur}]", "caja + cartera, media de las extracciones [{cur}]";
    FundP95Column => "cash + outstanding, P95 [{cur}]", "caja + cartera, P95 [{cur}]";
    // Cash flow.
    CashFlowTitle => "Cumulative cash flow of {id}", "Flujo de caja acumulado de {id}";
    AllOptions => "all options", "todas las opciones";
    ThePackage => "the package", "el conjunto";
    NeverWithinLife => "never within its life", "nunca dentro de su vida útil";
    AfterYears => "after {n} years", "a los {n} años";
    CashFlowDesc => "{title} ({cur}), year by year over {years} years: it starts at {start} and ends at {end} undiscounted, {end_discounted} discounted at {rate}. It pays back {payback} ({discounted} discounted).",
        "{title} ({cur}), año a año durante {years} años: empieza en {start} y termina en {end} sin descontar, {end_discounted} descontado al {rate}. Se recupera {payback} ({discounted} descontado).";
    CashFlowFinanced => " Financed: a loan of {loan} and a grant of {grant} at year 0, debt service and fees of {service} in all over {years} years; the owner's cumulative flow ends at {owner}.",
        " Financiado: un préstamo de {loan} y una subvención de {grant} en el año 0, servicio de la deuda y comisiones de {service} en total durante {years} años; el flujo acumulado del propietario termina en {owner}.";
    Payback => "payback", "recuperación";
    DiscountedPayback => "discounted payback", "recuperación descontada";
    PaybackMark => "{what} {years} yr", "{what} {years} años";
    OwnersCumulative => "owner's cumulative", "acumulado del propietario";
    LoanAndGrant => "loan and grant", "préstamo y subvención";
    DebtService => "debt service", "servicio de la deuda";
    NetCashFlowColumn => "net cash flow [{cur}]", "flujo de caja neto [{cur}]";
    CumulativeColumn => "cumulative [{cur}]", "acumulado [{cur}]";
    DiscountedCumulativeColumn => "discounted cumulative at {rate} [{cur}]", "acumulado descontado al {rate} [{cur}]";
    LoanAndGrantColumn => "loan and grant [{cur}]", "préstamo y subvención [{cur}]";
    DebtServiceColumn => "debt service and fees [{cur}]", "servicio de la deuda y comisiones [{cur}]";
    OwnerFlowColumn => "owner's flow [{cur}]", "flujo del propietario [{cur}]";
    OwnerCumulativeColumn => "owner's cumulative [{cur}]", "acumulado del propietario [{cur}]";
    // Cost curve.
    Co2CurveTitle => "Marginal abatement cost curve of CO2", "Curva de costo marginal de abatimiento de CO2";
    CostCurveTitle => "Cost curve of {name} saved", "Curva de costo de {name} ahorrado";
    CostCurveDesc => "Each bar is an option, cheapest first: its width the {unit} of {name} it saves a year, its height the net cost per {unit} in {cur} (below zero it pays for itself). Together {total} {unit} a year; {paying} of {n} options pay for themselves.",
        "Cada barra es una opción, la más barata primero: su ancho los {unit} de {name} que ahorra al año, su alto el costo neto por {unit} en {cur} (bajo cero se paga sola). En total {total} {unit} al año; {paying} de {n} opciones se pagan solas.";
    CostCurveStep => " {k} {id}: {amount} {unit} at {cost} {cur}/{unit}.", " {k} {id}: {amount} {unit} a {cost} {cur}/{unit}.";
    SavedAxis => "{name} saved, {unit}/yr", "{name} ahorrado, {unit}/año";
    Rank => "rank", "orden";
    SavedColumn => "{name} saved [{unit}/yr]", "{name} ahorrado [{unit}/año]";
    CumulativeSavedColumn => "cumulative [{unit}/yr]", "acumulado [{unit}/año]";
    NetCostColumn => "net cost [{cur}/{unit}]", "costo neto [{cur}/{unit}]";
    // Benchmark bars.
    BenchmarksTitle => "Indicators of the site against the {sector} sector's ranges",
        "Indicadores del sitio frente a los rangos del sector {sector}";
    BenchmarksDesc => "For each indicator a grey bar before the options and a blue bar with every option applied, from zero on the indicator's own scale; the green band is the published range of the {sector} sector.",
        "Para cada indicador, una barra gris antes de las opciones y una azul con todas las opciones aplicadas, desde cero en la escala propia del indicador; la banda verde es el rango publicado del sector {sector}.";
    BenchmarkDesc => " {label} ({unit}): {before} before ({class}){after}.", " {label} ({unit}): {before} antes ({class}){after}.";
    BenchmarkAfterDesc => ", {after} after ({class})", ", {after} después ({class})";
    BelowRange => "below the range", "bajo el rango";
    WithinRange => "within the range", "dentro del rango";
    AboveRange => "above the range", "sobre el rango";
    NoRange => "no published range", "sin rango publicado";
    Before => "before", "antes";
    After => "after", "después";
    AfterTheOptions => "after the options", "con las opciones";
    PublishedRange => "published range", "rango publicado";
    Scale => "scale 0–{top} {unit}", "escala 0–{top} {unit}";
    Indicator => "indicator", "indicador";
    Unit => "unit", "unidad";
    RangeFrom => "range from", "rango desde";
    RangeTo => "range to", "rango hasta";
    RangeSource => "range (source)", "rango (fuente)";
    BeforeStands => "before stands", "posición antes";
    AfterStands => "after stands", "posición después";
    // Sankey.
    SankeyTitle => "Balance of {name}", "Balance de {name}";
    SankeyDesc => "Sankey diagram of {name} in {unit}: each band is as wide as its flow, at one scale for every stage; sources on the left, sinks on the right; recycles return under the diagram; what a unit's balance leaves open goes to or comes from the node \"{closure}\".",
        "Diagrama de Sankey de {name} en {unit}: cada banda es tan ancha como su flujo, a una misma escala en cada etapa; fuentes a la izquierda, destinos a la derecha; los reciclos vuelven bajo el diagrama; lo que el balance de una unidad deja abierto va al nodo \"{closure}\" o viene de él.";
    ClosureNode => "closure error or stock change", "error de cierre o cambio de existencias";
    LinkDesc => " {from} to {to} {value};", " {from} a {to} {value};";
    BeforeTheOptions => "Before the options", "Antes de las opciones";
    WithEveryOption => "With every option applied", "Con todas las opciones aplicadas";
    SankeyCaption => "{title}: the flows drawn, {unit}", "{title}: los flujos dibujados, {unit}";
    Stage => "stage", "etapa";
    From => "from", "desde";
    To => "to", "hacia";
    Stream => "stream", "corriente";
    Kind => "kind", "tipo";
    FlowColumn => "flow [{unit}]", "flujo [{unit}]";
    Recycle => "recycle", "reciclo";
    Closure => "closure", "cierre";
    // Programme.
    ProgrammeTitle => "Results of the programme {by}", "Resultados del programa {by}";
    ProgrammeDesc => "{sites} sites and {options} options in the sites' portfolios, in {groups} groups. For each group a bar per figure, each figure on its own scale from zero (red: the options increase it); the table gives every figure.",
        "{sites} sitios y {options} opciones en las carteras de los sitios, en {groups} grupos. Para cada grupo una barra por cifra, cada cifra en su propia escala desde cero (rojo: las opciones la aumentan); la tabla da todas las cifras.";
    ProgrammeSeveralCurrencies => " Money is in several currencies: give exchange rates to draw it.",
        " El dinero está en varias monedas: indique tipos de cambio para dibujarlo.";
    BySector => "by sector", "por sector";
    ByCostClass => "by cost class", "por clase de costo";
    ByStatus => "by status", "por estado";
    ByCategory => "by category", "por categoría";
    Group => "group", "grupo";
    Sites => "number of sites", "número de sitios";
    Options => "number of options", "número de opciones";
    Investment => "Investment", "Inversión";
    AnnualSaving => "Annual saving", "Ahorro anual";
    PerYear => "yr", "año";
    Water => "Water", "Agua";
    Energy => "Energy", "Energía";
    Co2 => "CO2 avoided", "CO2 evitado";
    SolidWaste => "Solid waste", "Residuos sólidos";
    Chemicals => "Chemicals", "Químicos";
}

/// The words and the decimal mark of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Words {
    /// The language.
    pub(crate) lang: Lang,
}

impl Words {
    /// The words of `lang`.
    pub(crate) fn new(lang: Lang) -> Words {
        Words { lang }
    }

    /// The text of `w`.
    pub(crate) fn t(self, w: W) -> &'static str {
        w.text(self.lang)
    }

    /// The text of `w` with each `{key}` replaced by its value.
    pub(crate) fn fill(self, w: W, holes: &[(&str, &str)]) -> String {
        let mut s = self.t(w).to_string();
        for (k, v) in holes {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    /// A number written with a decimal point (`1 234.5`) in this language's decimal mark.
    pub(crate) fn num(self, text: String) -> String {
        match self.lang {
            Lang::En => text,
            Lang::Es => text.replace('.', ","),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_its_own_spanish_text_and_the_same_holes() {
        let holes = |s: &str| -> Vec<String> {
            let mut out: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(k, _)| k.to_string()))
                .collect();
            out.sort();
            out
        };
        for w in W::ALL {
            let (en, es) = (w.text(Lang::En), w.text(Lang::Es));
            assert_eq!(holes(en), holes(es), "{w:?}");
            assert_ne!(en, es, "{w:?} has no Spanish text");
        }
    }

    /// Every chart of the tannery and the hotel drawn in Spanish has none of the English
    /// words' fixed parts (those longer than a few letters, so that "to" in "tonne" passes).
    #[test]
    fn spanish_charts_have_no_english_words() {
        use crate::Assessment;
        use crate::report::charts::{ChartKind, ChartOptions, chart};
        let english: Vec<&str> = W::ALL
            .iter()
            .flat_map(|w| {
                w.text(Lang::En)
                    .split(['{', '}'])
                    .step_by(2)
                    .map(str::trim)
                    .filter(|part| part.len() > 5)
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut charts = Vec::new();
        let mut sources = Vec::new();
        for example in ["tannery", "hotel"] {
            let path = format!("{}/../examples/{example}.toml", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap();
            let a = Assessment::from_toml_str(&text).unwrap();
            for kind in ChartKind::ALL {
                let opts = ChartOptions {
                    lang: Some(Lang::Es),
                    draws: Some(50),
                    ..ChartOptions::default()
                };
                if let Ok(c) = chart(&a, kind, &opts) {
                    charts.push((example, c));
                }
            }
            sources.push(crate::program::Source::toml(example, text));
        }
        // The programme of both, in two currencies (the sentence saying so is drawn too).
        let p = crate::program::evaluate(&sources, &crate::program::Settings::default());
        for by in crate::report::charts::programme::Breakdown::ALL {
            let c = crate::report::charts::programme_chart(&p, by, Lang::Es);
            charts.push(("programme", c));
        }
        for (example, c) in &charts {
            // The words shown: the SVG's text without its tags and attributes, and the table.
            let shown: String = c
                .svg
                .split('<')
                .filter_map(|t| t.split_once('>').map(|(_, text)| text))
                .collect::<Vec<_>>()
                .join(" ");
            let all = format!("{shown}{}", c.table.markdown());
            for part in &english {
                // As a whole word: "; median" is in "; mediana" but is not a word of it.
                let found = all.match_indices(part).any(|(i, _)| {
                    !all[i + part.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                });
                assert!(!found, "{example} {:?}: {part:?} in Spanish", c.kind);
            }
        }
        assert!(charts.len() >= 14, "{} charts drawn", charts.len());
    }

    #[test]
    fn spanish_numbers_take_a_decimal_comma() {
        assert_eq!(Words::new(Lang::Es).num("1 234.5".to_string()), "1 234,5");
        assert_eq!(Words::new(Lang::En).num("1 234.5".to_string()), "1 234.5");
    }
}

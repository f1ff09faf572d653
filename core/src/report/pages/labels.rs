//! Every word a report prints of its own, one table per language. A label missing from the
//! Spanish table, or equal to its English text without being on [`SAME_IN_SPANISH`], fails a
//! test. Texts with `{n}`-style holes are filled by the caller.

use crate::sections::Lang;

macro_rules! labels {
    ($($name:ident),* $(,)?) => {
        /// A label of the reports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Label { $($name),* }

        impl Label {
            /// Every label.
            #[cfg(test)]
            pub(crate) const ALL: &'static [Label] = &[$(Label::$name),*];
        }
    };
}

labels! {
    PreAssessmentTitle, ProposalTitle, Generated,
    SiteAndProduction, Sector, Location, Description, OperatingTime, PerYear, Output,
    AnnualOutput, Currency, Prices, Resource, Price,
    ProcessFlow, FlowsheetStreams, Stream, From, To, SankeyCaption,
    Balances, BalanceOf, Status, Value, Uncertainty, ZScore, Suspect, Yes, Unit, Inputs,
    Outputs, ClosureAsGiven, ClosuresOf, Reconciliation, Consistent, NotConsistent,
    Findings, SiteTotals, FromSources, Energy, Carrier, EnergyUse, SpecificWater,
    SpecificEnergy, Measured, Reconciled, Estimated, Solved, Undetermined,
    IndicatorsTitle, Indicator, Before, After, PublishedRange, Position, Below, Within, Above,
    BenchmarkBarsCaption, NoBenchmarks,
    OptionsTitle, OptionsIntro, NoCost, LowCost, InvestmentClass, NoCostWord, LowCostWord,
    InvestmentWord, NoOptionsInClass, Option,
    Title, Category, CostClass, Capex, AnnualSaving, SimplePayback, DiscountedPayback, Npv,
    Irr, Mirr, Never, Years,
    GoodHousekeeping, InputSubstitution, BetterProcessControl, EquipmentModification,
    TechnologyChange, OnSiteRecovery, UsefulByProduct, ProductModification,
    PortfolioTitle, PortfolioAll, WithinBudget, SequenceCaption, AddedSaving, AddedNpv,
    CumulativeSaving, CumulativeNpv, SetAside, CostCurveCaption, LevelizedCostCaption,
    LevelizedCost, PricePaid,
    EnvironmentTitle, EnvironmentCaption, Quantity, Co2Avoided, PerYearUnit,
    AssumptionsTitle, DiscountRate, RateReal, RateNominal, Horizon, Inflation, NoneGiven,
    LowCostThreshold, EngineDefault, FromTheDocument, EmissionFactors, EmissionFactor,
    Source, DefaultOfEngine, BenchmarkSources, TemplateDefaults, OptionNotes, Figure,
    ProposalFor, PackageOf, InvestmentTitle, InvestmentIntro, Lifetime, OptionsIncluded,
    WhatItChanges, BaselineCaption, UseBefore, Saved, Share, SavingsTitle, SavingsByAccount, Account, OmChange, NetSaving,
    MethodModel, MethodStated, MethodPackage, NoUncertainty, UncertaintySummary, Mean, P5,
    P50, P95, ProbabilityLoss, Draws,
    CashFlowTitle, CashFlowCaption, Year, ProjectFlow, Cumulative, Discounted,
    CumulativeDiscounted, DebtService, GuaranteeFee, OwnerFlow, Dscr, CashFlowChartCaption,
    LoanTitle, NoFinancing, NothingToFinance, LoanAmount, Grant, InterestRate, LoanTerm, PaymentsPerYear,
    Grace, LoanScheduleCaption, Payment, Interest, Principal, ClosingBalance,
    DscrCaption, MinimumDscr, AverageDscr, DscrThreshold, DscrBelow, DscrAllAbove,
    ReturnsTitle, ReturnsCaption, Metric, Project, Owner, NoIrr,
    SensitivityTitle, BreakEvenSaving, BreakEvenMargin, BreakEvenNote, TornadoCaption,
    HistogramCaption, PackageFinancingNote,
    RiskTitle, RiskIntro, RiskCaption, PackageCashFlowCaption, AllOptions,
}

/// Labels whose Spanish text is rightly the same as the English one.
#[cfg(test)]
pub(crate) const SAME_IN_SPANISH: &[Label] = &[
    Label::P5,
    Label::P50,
    Label::P95,
    Label::ZScore,
    Label::Sector,
    Label::EmissionFactor,
    Label::RateReal,
    Label::RateNominal,
];

/// The English table.
const EN: &[(Label, &str)] = &[
    (
        Label::PreAssessmentTitle,
        "Cleaner production pre-assessment",
    ),
    (Label::ProposalTitle, "Financing proposal"),
    (
        Label::Generated,
        "Figures computed by cleanprod from the assessment document; the sources of default figures are listed under Assumptions.",
    ),
    (Label::SiteAndProduction, "Site and production"),
    (Label::Sector, "Sector"),
    (Label::Location, "Location"),
    (Label::Description, "Description"),
    (Label::OperatingTime, "Operating time"),
    (Label::PerYear, "per year"),
    (Label::Output, "Output"),
    (Label::AnnualOutput, "Annual output"),
    (Label::Currency, "Currency"),
    (Label::Prices, "Prices"),
    (Label::Resource, "Resource"),
    (Label::Price, "Price"),
    (Label::ProcessFlow, "Process flow"),
    (Label::FlowsheetStreams, "Streams of the process flow chart"),
    (Label::Stream, "Stream"),
    (Label::From, "From"),
    (Label::To, "To"),
    (Label::SankeyCaption, "Flows of the site's balance"),
    (Label::Balances, "Material and energy balances"),
    (Label::BalanceOf, "Balance of {c}, t/yr"),
    (Label::Status, "Status"),
    (Label::Value, "Value"),
    (Label::Uncertainty, "± uncertainty"),
    (Label::ZScore, "z"),
    (Label::Suspect, "Suspect"),
    (Label::Yes, "yes"),
    (Label::Unit, "Unit"),
    (Label::Inputs, "In"),
    (Label::Outputs, "Out"),
    (Label::ClosureAsGiven, "Closure as given"),
    (Label::ClosuresOf, "Closure of the units for {c}, t/yr"),
    (
        Label::Reconciliation,
        "Reconciliation of {c}: chi-square {x} with {d} degrees of freedom, p = {p}: {v}.",
    ),
    (Label::Consistent, "the measurements are consistent"),
    (Label::NotConsistent, "the measurements are NOT consistent"),
    (Label::Findings, "Findings"),
    (Label::SiteTotals, "Site"),
    (Label::FromSources, "in from sources"),
    (Label::Energy, "Energy use by carrier, {u}"),
    (Label::Carrier, "Carrier"),
    (Label::EnergyUse, "Use"),
    (Label::SpecificWater, "Water use per unit of output"),
    (Label::SpecificEnergy, "Energy use per unit of output"),
    (Label::Measured, "measured"),
    (Label::Reconciled, "reconciled"),
    (Label::Estimated, "estimated"),
    (Label::Solved, "solved"),
    (Label::Undetermined, "undetermined"),
    (Label::IndicatorsTitle, "Indicators and benchmarks"),
    (Label::Indicator, "Indicator"),
    (Label::Before, "Before"),
    (Label::After, "After the options"),
    (Label::PublishedRange, "Published range"),
    (Label::Position, "Position before / after"),
    (Label::Below, "below"),
    (Label::Within, "within"),
    (Label::Above, "above"),
    (
        Label::BenchmarkBarsCaption,
        "The site's indicators before and after the options against the published ranges",
    ),
    (
        Label::NoBenchmarks,
        "The document has no sector template: no published benchmarks are compared.",
    ),
    (Label::OptionsTitle, "Cleaner production options"),
    (
        Label::OptionsIntro,
        "Options by cost class: no-cost (no investment), low-cost (paying back within {t}) and investment.",
    ),
    (Label::NoCost, "No-cost options"),
    (Label::LowCost, "Low-cost options"),
    (Label::InvestmentClass, "Investment options"),
    (Label::NoCostWord, "no-cost"),
    (Label::LowCostWord, "low-cost"),
    (Label::InvestmentWord, "investment"),
    (Label::NoOptionsInClass, "none"),
    (Label::Option, "Option"),
    (Label::Title, "Title"),
    (Label::Category, "Category"),
    (Label::CostClass, "Cost class"),
    (Label::Capex, "Investment, {cur}"),
    (Label::AnnualSaving, "Annual saving, {cur}/yr"),
    (Label::SimplePayback, "Simple payback, yr"),
    (Label::DiscountedPayback, "Discounted payback, yr"),
    (Label::Npv, "NPV, {cur}"),
    (Label::Irr, "IRR"),
    (Label::Mirr, "MIRR"),
    (Label::Never, "never"),
    (Label::Years, "yr"),
    (Label::GoodHousekeeping, "good housekeeping"),
    (Label::InputSubstitution, "input substitution"),
    (Label::BetterProcessControl, "better process control"),
    (Label::EquipmentModification, "equipment modification"),
    (Label::TechnologyChange, "technology change"),
    (Label::OnSiteRecovery, "on-site recovery and reuse"),
    (Label::UsefulByProduct, "useful by-product"),
    (Label::ProductModification, "product modification"),
    (Label::PortfolioTitle, "Portfolio and cost curve"),
    (
        Label::PortfolioAll,
        "All {n} options together: investment {capex} {cur}, annual saving {saving} {cur}/yr, NPV {npv} {cur}.",
    ),
    (
        Label::WithinBudget,
        "Within the capital budget of {budget}: {ids}; investment {capex} {cur}, NPV {npv} {cur}.",
    ),
    (
        Label::SequenceCaption,
        "The options applied in order of NPV, each after the ones before it",
    ),
    (Label::AddedSaving, "Added saving, {cur}/yr"),
    (Label::AddedNpv, "Added NPV, {cur}"),
    (Label::CumulativeSaving, "Cumulative saving, {cur}/yr"),
    (Label::CumulativeNpv, "Cumulative NPV, {cur}"),
    (
        Label::SetAside,
        "Set aside: {id} instead of {other} ({why}).",
    ),
    (
        Label::CostCurveCaption,
        "Cost curve: the levelized cost of each option against the quantity it saves",
    ),
    (
        Label::LevelizedCostCaption,
        "Levelized cost of the main resource saved, against its price",
    ),
    (Label::LevelizedCost, "Levelized cost"),
    (Label::PricePaid, "Price paid"),
    (Label::EnvironmentTitle, "Environmental results"),
    (
        Label::EnvironmentCaption,
        "Resources saved and emissions avoided per year",
    ),
    (Label::Quantity, "Quantity"),
    (Label::Co2Avoided, "CO2 avoided"),
    (Label::PerYearUnit, "/yr"),
    (Label::AssumptionsTitle, "Assumptions and sources"),
    (Label::DiscountRate, "Discount rate"),
    (Label::RateReal, "real"),
    (Label::RateNominal, "nominal"),
    (Label::Horizon, "Appraisal horizon"),
    (Label::Inflation, "General inflation"),
    (Label::NoneGiven, "none given"),
    (
        Label::LowCostThreshold,
        "Low-cost threshold (simple payback)",
    ),
    (
        Label::EngineDefault,
        "{v} (default of the engine, a programme's convention)",
    ),
    (Label::FromTheDocument, "from the document"),
    (Label::EmissionFactors, "CO2 emission factors used"),
    (Label::EmissionFactor, "Factor"),
    (Label::Source, "Source"),
    (
        Label::DefaultOfEngine,
        "default: IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Vol. 2, Ch. 2, Table 2.3",
    ),
    (Label::BenchmarkSources, "Sources of the published ranges"),
    (
        Label::TemplateDefaults,
        "Figures assumed by the sector model and checks of the figures",
    ),
    (Label::OptionNotes, "Notes on the options"),
    (Label::Figure, "Figure"),
    (Label::ProposalFor, "Option {id}: {title}"),
    (
        Label::PackageOf,
        "Package of {n} cleaner production options",
    ),
    (Label::InvestmentTitle, "The investment and what it buys"),
    (
        Label::InvestmentIntro,
        "Investment {capex} {cur} ({class}, {category}); appraised over {years} years.",
    ),
    (Label::Lifetime, "Life, yr"),
    (
        Label::OptionsIncluded,
        "Options in the package, applied in this order",
    ),
    (
        Label::WhatItChanges,
        "What it changes at the site each year",
    ),
    (
        Label::BaselineCaption,
        "Baseline: the site's use of each resource saved, from its balance",
    ),
    (Label::UseBefore, "Use before"),
    (Label::Saved, "Saved"),
    (Label::Share, "Share saved"),
    (Label::SavingsTitle, "Baseline and savings"),
    (
        Label::SavingsByAccount,
        "Annual savings by account against the baseline, {cur}/yr",
    ),
    (Label::Account, "Account"),
    (Label::OmChange, "Change in operation and maintenance"),
    (Label::NetSaving, "Net annual saving"),
    (
        Label::MethodModel,
        "Method: the option's effects are applied to the site's balance model and the differences priced at the document's prices.",
    ),
    (
        Label::MethodStated,
        "Method: the savings are stated in the document (direct deltas), priced at the document's prices.",
    ),
    (
        Label::MethodPackage,
        "Method: the options are applied one after the other to one balance model, so that no saving is counted twice; the differences are priced at the document's prices.",
    ),
    (
        Label::NoUncertainty,
        "The document has no [uncertainty] section: the figures are single-point estimates.",
    ),
    (
        Label::UncertaintySummary,
        "Uncertainty of the NPV over {n} draws of the document's uncertain inputs, {cur}",
    ),
    (Label::Mean, "Mean"),
    (Label::P5, "P5"),
    (Label::P50, "P50"),
    (Label::P95, "P95"),
    (Label::ProbabilityLoss, "P(NPV < 0)"),
    (Label::Draws, "draws"),
    (Label::CashFlowTitle, "Cash flow"),
    (Label::CashFlowCaption, "Cash flow year by year, {cur}"),
    (Label::Year, "Year"),
    (Label::ProjectFlow, "Project flow"),
    (Label::Cumulative, "Cumulative"),
    (Label::Discounted, "Discounted"),
    (Label::CumulativeDiscounted, "Cumulative discounted"),
    (Label::DebtService, "Debt service"),
    (Label::GuaranteeFee, "Guarantee fee"),
    (Label::OwnerFlow, "Owner's flow"),
    (Label::Dscr, "DSCR"),
    (
        Label::CashFlowChartCaption,
        "Cumulative cash flow, undiscounted and discounted, with the paybacks",
    ),
    (Label::LoanTitle, "Loan and debt service"),
    (
        Label::NoFinancing,
        "The document has no [finance.financing] section: the investment is paid by the owner, without a loan.",
    ),
    (
        Label::NothingToFinance,
        "No investment is made at year 0: there is nothing for the document's financing terms to finance.",
    ),
    (Label::LoanAmount, "Loan"),
    (Label::Grant, "Grant or co-funding"),
    (Label::InterestRate, "Interest rate"),
    (Label::LoanTerm, "Term, grace included"),
    (Label::PaymentsPerYear, "Payments per year"),
    (Label::Grace, "Grace periods"),
    (Label::LoanScheduleCaption, "Loan schedule by year, {cur}"),
    (Label::Payment, "Payment"),
    (Label::Interest, "Interest"),
    (Label::Principal, "Principal"),
    (Label::ClosingBalance, "Balance at year end"),
    (
        Label::DscrCaption,
        "Debt-service coverage ratio (project flow over debt service)",
    ),
    (Label::MinimumDscr, "Minimum DSCR"),
    (Label::AverageDscr, "Average DSCR"),
    (
        Label::DscrThreshold,
        "Threshold of {x}: a lender's usual convention, a parameter of this report, not a fact of the project.",
    ),
    (Label::DscrBelow, "Years below the threshold: {years}."),
    (
        Label::DscrAllAbove,
        "Every year of debt service is at or above the threshold.",
    ),
    (Label::ReturnsTitle, "Returns for the project and the owner"),
    (
        Label::ReturnsCaption,
        "Appraisal at the discount rate of {rate}",
    ),
    (Label::Metric, "Metric"),
    (Label::Project, "Project"),
    (Label::Owner, "Owner (equity)"),
    (Label::NoIrr, "none"),
    (Label::SensitivityTitle, "Sensitivity"),
    (Label::BreakEvenSaving, "Break-even annual saving (NPV = 0)"),
    (Label::BreakEvenMargin, "Margin: the savings may fall by"),
    (
        Label::BreakEvenNote,
        "The break-even saving scales every year's net saving by one factor, the investment and salvage fixed.",
    ),
    (
        Label::TornadoCaption,
        "What drives the NPV: each uncertain input from its P10 to its P90",
    ),
    (
        Label::HistogramCaption,
        "Distribution of the NPV over the draws, the share below zero shaded",
    ),
    (Label::RiskTitle, "Risk"),
    (
        Label::RiskIntro,
        "The document's uncertain inputs are drawn {n} times (seed {seed}, {method}); each draw appraises every option and the package again. P5, P50 and P95 are the 5th, 50th and 95th percentiles of the draws.",
    ),
    (Label::RiskCaption, "NPV over the draws, {cur}"),
    (
        Label::PackageCashFlowCaption,
        "Cumulative cash flow of all options applied together, undiscounted and discounted, with the paybacks",
    ),
    (Label::AllOptions, "All options"),
    (
        Label::PackageFinancingNote,
        "The document's financing terms are applied to the package's year-0 investment as one loan.",
    ),
];

/// The Spanish table.
const ES: &[(Label, &str)] = &[
    (
        Label::PreAssessmentTitle,
        "Preevaluación de producción más limpia",
    ),
    (Label::ProposalTitle, "Propuesta de financiamiento"),
    (
        Label::Generated,
        "Cifras calculadas por cleanprod a partir del documento de evaluación; las fuentes de las cifras por defecto se indican en Supuestos.",
    ),
    (Label::SiteAndProduction, "Planta y producción"),
    (Label::Sector, "Sector"),
    (Label::Location, "Ubicación"),
    (Label::Description, "Descripción"),
    (Label::OperatingTime, "Tiempo de operación"),
    (Label::PerYear, "al año"),
    (Label::Output, "Producción"),
    (Label::AnnualOutput, "Producción anual"),
    (Label::Currency, "Moneda"),
    (Label::Prices, "Precios"),
    (Label::Resource, "Recurso"),
    (Label::Price, "Precio"),
    (Label::ProcessFlow, "Diagrama de proceso"),
    (
        Label::FlowsheetStreams,
        "Corrientes del diagrama de flujo del proceso",
    ),
    (Label::Stream, "Corriente"),
    (Label::From, "Desde"),
    (Label::To, "Hacia"),
    (Label::SankeyCaption, "Flujos del balance de la planta"),
    (Label::Balances, "Balances de materia y energía"),
    (Label::BalanceOf, "Balance de {c}, t/año"),
    (Label::Status, "Estado"),
    (Label::Value, "Valor"),
    (Label::Uncertainty, "± incertidumbre"),
    (Label::ZScore, "z"),
    (Label::Suspect, "Sospechosa"),
    (Label::Yes, "sí"),
    (Label::Unit, "Unidad"),
    (Label::Inputs, "Entra"),
    (Label::Outputs, "Sale"),
    (Label::ClosureAsGiven, "Cierre según los datos"),
    (Label::ClosuresOf, "Cierre de las unidades para {c}, t/año"),
    (
        Label::Reconciliation,
        "Reconciliación de {c}: chi cuadrado {x} con {d} grados de libertad, p = {p}: {v}.",
    ),
    (Label::Consistent, "las mediciones son coherentes"),
    (Label::NotConsistent, "las mediciones NO son coherentes"),
    (Label::Findings, "Hallazgos"),
    (Label::SiteTotals, "Planta"),
    (Label::FromSources, "entra desde las fuentes"),
    (Label::Energy, "Consumo de energía por portador, {u}"),
    (Label::Carrier, "Portador"),
    (Label::EnergyUse, "Consumo"),
    (Label::SpecificWater, "Consumo de agua por unidad producida"),
    (
        Label::SpecificEnergy,
        "Consumo de energía por unidad producida",
    ),
    (Label::Measured, "medido"),
    (Label::Reconciled, "reconciliado"),
    (Label::Estimated, "estimado"),
    (Label::Solved, "calculado"),
    (Label::Undetermined, "indeterminado"),
    (Label::IndicatorsTitle, "Indicadores y referencias"),
    (Label::Indicator, "Indicador"),
    (Label::Before, "Antes"),
    (Label::After, "Con las opciones"),
    (Label::PublishedRange, "Rango publicado"),
    (Label::Position, "Posición antes / después"),
    (Label::Below, "por debajo"),
    (Label::Within, "dentro"),
    (Label::Above, "por encima"),
    (
        Label::BenchmarkBarsCaption,
        "Indicadores de la planta antes y después de las opciones frente a los rangos publicados",
    ),
    (
        Label::NoBenchmarks,
        "El documento no tiene plantilla sectorial: no se compara con referencias publicadas.",
    ),
    (Label::OptionsTitle, "Opciones de producción más limpia"),
    (
        Label::OptionsIntro,
        "Opciones por clase de costo: sin costo (sin inversión), de bajo costo (se recuperan en {t}) y de inversión.",
    ),
    (Label::NoCost, "Opciones sin costo"),
    (Label::LowCost, "Opciones de bajo costo"),
    (Label::InvestmentClass, "Opciones de inversión"),
    (Label::NoCostWord, "sin costo"),
    (Label::LowCostWord, "de bajo costo"),
    (Label::InvestmentWord, "de inversión"),
    (Label::NoOptionsInClass, "ninguna"),
    (Label::Option, "Opción"),
    (Label::Title, "Título"),
    (Label::Category, "Categoría"),
    (Label::CostClass, "Clase de costo"),
    (Label::Capex, "Inversión, {cur}"),
    (Label::AnnualSaving, "Ahorro anual, {cur}/año"),
    (Label::SimplePayback, "Recuperación simple, años"),
    (Label::DiscountedPayback, "Recuperación descontada, años"),
    (Label::Npv, "VAN, {cur}"),
    (Label::Irr, "TIR"),
    (Label::Mirr, "TIRM"),
    (Label::Never, "nunca"),
    (Label::Years, "años"),
    (Label::GoodHousekeeping, "buenas prácticas"),
    (Label::InputSubstitution, "sustitución de insumos"),
    (Label::BetterProcessControl, "mejor control del proceso"),
    (Label::EquipmentModification, "modificación de equipos"),
    (Label::TechnologyChange, "cambio de tecnología"),
    (Label::OnSiteRecovery, "recuperación y reúso en planta"),
    (Label::UsefulByProduct, "subproducto útil"),
    (Label::ProductModification, "modificación del producto"),
    (Label::PortfolioTitle, "Cartera y curva de costos"),
    (
        Label::PortfolioAll,
        "Las {n} opciones juntas: inversión {capex} {cur}, ahorro anual {saving} {cur}/año, VAN {npv} {cur}.",
    ),
    (
        Label::WithinBudget,
        "Dentro del presupuesto de capital de {budget}: {ids}; inversión {capex} {cur}, VAN {npv} {cur}.",
    ),
    (
        Label::SequenceCaption,
        "Las opciones aplicadas en orden de VAN, cada una después de las anteriores",
    ),
    (Label::AddedSaving, "Ahorro añadido, {cur}/año"),
    (Label::AddedNpv, "VAN añadido, {cur}"),
    (Label::CumulativeSaving, "Ahorro acumulado, {cur}/año"),
    (Label::CumulativeNpv, "VAN acumulado, {cur}"),
    (
        Label::SetAside,
        "Descartada: {id} en lugar de {other} ({why}).",
    ),
    (
        Label::CostCurveCaption,
        "Curva de costos: el costo nivelado de cada opción frente a la cantidad que ahorra",
    ),
    (
        Label::LevelizedCostCaption,
        "Costo nivelado del principal recurso ahorrado, frente a su precio",
    ),
    (Label::LevelizedCost, "Costo nivelado"),
    (Label::PricePaid, "Precio pagado"),
    (Label::EnvironmentTitle, "Resultados ambientales"),
    (
        Label::EnvironmentCaption,
        "Recursos ahorrados y emisiones evitadas por año",
    ),
    (Label::Quantity, "Cantidad"),
    (Label::Co2Avoided, "CO2 evitado"),
    (Label::PerYearUnit, "/año"),
    (Label::AssumptionsTitle, "Supuestos y fuentes"),
    (Label::DiscountRate, "Tasa de descuento"),
    (Label::RateReal, "real"),
    (Label::RateNominal, "nominal"),
    (Label::Horizon, "Horizonte de evaluación"),
    (Label::Inflation, "Inflación general"),
    (Label::NoneGiven, "no indicada"),
    (
        Label::LowCostThreshold,
        "Umbral de bajo costo (recuperación simple)",
    ),
    (
        Label::EngineDefault,
        "{v} (valor por defecto del motor, una convención de los programas)",
    ),
    (Label::FromTheDocument, "del documento"),
    (
        Label::EmissionFactors,
        "Factores de emisión de CO2 utilizados",
    ),
    (Label::EmissionFactor, "Factor"),
    (Label::Source, "Fuente"),
    (
        Label::DefaultOfEngine,
        "por defecto: Directrices del IPCC de 2006 para los inventarios nacionales de gases de efecto invernadero, vol. 2, cap. 2, cuadro 2.3",
    ),
    (Label::BenchmarkSources, "Fuentes de los rangos publicados"),
    (
        Label::TemplateDefaults,
        "Cifras supuestas por el modelo sectorial y controles de las cifras",
    ),
    (Label::OptionNotes, "Notas sobre las opciones"),
    (Label::Figure, "Figura"),
    (Label::ProposalFor, "Opción {id}: {title}"),
    (
        Label::PackageOf,
        "Paquete de {n} opciones de producción más limpia",
    ),
    (Label::InvestmentTitle, "La inversión y lo que compra"),
    (
        Label::InvestmentIntro,
        "Inversión de {capex} {cur} ({class}, {category}); evaluada a {years} años.",
    ),
    (Label::Lifetime, "Vida útil, años"),
    (
        Label::OptionsIncluded,
        "Opciones del paquete, aplicadas en este orden",
    ),
    (Label::WhatItChanges, "Lo que cambia en la planta cada año"),
    (
        Label::BaselineCaption,
        "Línea base: el consumo de la planta de cada recurso ahorrado, según su balance",
    ),
    (Label::UseBefore, "Consumo antes"),
    (Label::Saved, "Ahorrado"),
    (Label::Share, "Parte ahorrada"),
    (Label::SavingsTitle, "Línea base y ahorros"),
    (
        Label::SavingsByAccount,
        "Ahorros anuales por cuenta frente a la línea base, {cur}/año",
    ),
    (Label::Account, "Cuenta"),
    (Label::OmChange, "Cambio en operación y mantenimiento"),
    (Label::NetSaving, "Ahorro anual neto"),
    (
        Label::MethodModel,
        "Método: los efectos de la opción se aplican al modelo de balance de la planta y las diferencias se valoran a los precios del documento.",
    ),
    (
        Label::MethodStated,
        "Método: los ahorros se declaran en el documento (variaciones directas) y se valoran a los precios del documento.",
    ),
    (
        Label::MethodPackage,
        "Método: las opciones se aplican una tras otra a un solo modelo de balance, de modo que ningún ahorro se cuenta dos veces; las diferencias se valoran a los precios del documento.",
    ),
    (
        Label::NoUncertainty,
        "El documento no tiene sección [uncertainty]: las cifras son estimaciones puntuales.",
    ),
    (
        Label::UncertaintySummary,
        "Incertidumbre del VAN en {n} extracciones de los datos inciertos del documento, {cur}",
    ),
    (Label::Mean, "Media"),
    (Label::P5, "P5"),
    (Label::P50, "P50"),
    (Label::P95, "P95"),
    (Label::ProbabilityLoss, "P(VAN < 0)"),
    (Label::Draws, "extracciones"),
    (Label::CashFlowTitle, "Flujo de caja"),
    (Label::CashFlowCaption, "Flujo de caja año por año, {cur}"),
    (Label::Year, "Año"),
    (Label::ProjectFlow, "Flujo del proyecto"),
    (Label::Cumulative, "Acumulado"),
    (Label::Discounted, "Descontado"),
    (Label::CumulativeDiscounted, "Acumulado descontado"),
    (Label::DebtService, "Servicio de la deuda"),
    (Label::GuaranteeFee, "Comisión de garantía"),
    (Label::OwnerFlow, "Flujo del propietario"),
    (Label::Dscr, "ICSD"),
    (
        Label::CashFlowChartCaption,
        "Flujo de caja acumulado, sin descontar y descontado, con los plazos de recuperación",
    ),
    (Label::LoanTitle, "Préstamo y servicio de la deuda"),
    (
        Label::NoFinancing,
        "El documento no tiene sección [finance.financing]: la inversión la paga el propietario, sin préstamo.",
    ),
    (
        Label::NothingToFinance,
        "No hay inversión en el año 0: las condiciones de financiamiento del documento no tienen nada que financiar.",
    ),
    (Label::LoanAmount, "Préstamo"),
    (Label::Grant, "Donación o cofinanciamiento"),
    (Label::InterestRate, "Tasa de interés"),
    (Label::LoanTerm, "Plazo, gracia incluida"),
    (Label::PaymentsPerYear, "Pagos por año"),
    (Label::Grace, "Períodos de gracia"),
    (
        Label::LoanScheduleCaption,
        "Tabla de amortización por año, {cur}",
    ),
    (Label::Payment, "Cuota"),
    (Label::Interest, "Intereses"),
    (Label::Principal, "Capital"),
    (Label::ClosingBalance, "Saldo al cierre del año"),
    (
        Label::DscrCaption,
        "Índice de cobertura del servicio de la deuda (flujo del proyecto sobre servicio de la deuda)",
    ),
    (Label::MinimumDscr, "ICSD mínimo"),
    (Label::AverageDscr, "ICSD promedio"),
    (
        Label::DscrThreshold,
        "Umbral de {x}: una convención habitual de los prestamistas, un parámetro de este informe, no un hecho del proyecto.",
    ),
    (Label::DscrBelow, "Años por debajo del umbral: {years}."),
    (
        Label::DscrAllAbove,
        "Todos los años con servicio de la deuda están en el umbral o por encima.",
    ),
    (
        Label::ReturnsTitle,
        "Rentabilidad del proyecto y del propietario",
    ),
    (
        Label::ReturnsCaption,
        "Evaluación a la tasa de descuento de {rate}",
    ),
    (Label::Metric, "Indicador financiero"),
    (Label::Project, "Proyecto"),
    (Label::Owner, "Propietario (capital propio)"),
    (Label::NoIrr, "no existe"),
    (Label::SensitivityTitle, "Sensibilidad"),
    (
        Label::BreakEvenSaving,
        "Ahorro anual de equilibrio (VAN = 0)",
    ),
    (
        Label::BreakEvenMargin,
        "Margen: los ahorros pueden bajar un",
    ),
    (
        Label::BreakEvenNote,
        "El ahorro de equilibrio escala por un mismo factor el ahorro neto de cada año, con la inversión y el valor residual fijos.",
    ),
    (
        Label::TornadoCaption,
        "Qué mueve el VAN: cada dato incierto de su P10 a su P90",
    ),
    (
        Label::HistogramCaption,
        "Distribución del VAN en las extracciones, sombreada la parte bajo cero",
    ),
    (Label::RiskTitle, "Riesgo"),
    (
        Label::RiskIntro,
        "Los datos inciertos del documento se extraen {n} veces (semilla {seed}, {method}); cada extracción evalúa de nuevo cada opción y el conjunto. P5, P50 y P95 son los percentiles 5, 50 y 95 de las extracciones.",
    ),
    (Label::RiskCaption, "VAN en las extracciones, {cur}"),
    (
        Label::PackageCashFlowCaption,
        "Flujo de caja acumulado de todas las opciones aplicadas juntas, sin descontar y descontado, con los plazos de recuperación",
    ),
    (Label::AllOptions, "Todas las opciones"),
    (
        Label::PackageFinancingNote,
        "Las condiciones de financiamiento del documento se aplican a la inversión del año 0 del paquete como un solo préstamo.",
    ),
];

/// The table of `lang`.
fn table(lang: Lang) -> &'static [(Label, &'static str)] {
    match lang {
        Lang::En => EN,
        Lang::Es => ES,
    }
}

/// The text of `label` in `lang` (the English one if the table lacks it, which a test
/// forbids).
pub(crate) fn text(lang: Lang, label: Label) -> &'static str {
    let find =
        |t: &'static [(Label, &'static str)]| t.iter().find(|(l, _)| *l == label).map(|(_, s)| *s);
    find(table(lang)).or_else(|| find(EN)).unwrap_or("")
}

/// Every English label text that must not appear in a Spanish report (those on
/// [`SAME_IN_SPANISH`] left out).
#[cfg(test)]
pub(crate) fn english_only() -> Vec<&'static str> {
    EN.iter()
        .filter(|(l, _)| !SAME_IN_SPANISH.contains(l))
        .map(|(_, s)| *s)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_in_both_tables_once() {
        for lang in Lang::ALL {
            let t = table(lang);
            for l in Label::ALL {
                let n = t.iter().filter(|(x, _)| x == l).count();
                assert_eq!(n, 1, "{l:?} appears {n} times in the {} table", lang.key());
            }
            assert_eq!(t.len(), Label::ALL.len(), "{} table", lang.key());
            assert!(t.iter().all(|(_, s)| !s.is_empty()));
        }
    }

    #[test]
    fn spanish_differs_from_english_but_for_the_allow_list() {
        for l in Label::ALL {
            let (en, es) = (text(Lang::En, *l), text(Lang::Es, *l));
            if SAME_IN_SPANISH.contains(l) {
                assert_eq!(en, es, "{l:?} is allowed to be the same: keep it so");
            } else {
                assert_ne!(en, es, "{l:?} is not translated");
            }
        }
    }

    #[test]
    fn holes_match_between_languages() {
        let holes = |s: &str| {
            let mut h: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(x, _)| x.to_string()))
                .collect();
            h.sort();
            h
        };
        for l in Label::ALL {
            assert_eq!(
                holes(text(Lang::En, *l)),
                holes(text(Lang::Es, *l)),
                "{l:?}"
            );
        }
    }
}

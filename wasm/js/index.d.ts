// Types of the cleanprod npm package. `Document` and `Summary` are generated from the Rust
// types (through their JSON Schema) into types.d.ts when the package is built.
import type {
  Balance, Benchmarks, CleanprodAssessmentDocument, Dimension, Evaluation, Metric, Report,
  Summary, TanningBenchmarks, HotelBenchmarks, HospitalBenchmarks, AutomotiveBenchmarks,
  Simulation, SampledInput, RiskOutput, Chart, ChartOptions, SankeyData, Programme, Screening,
  FundDocument, FundResult, FundRisk,
} from './types.js';

import type { ChemicalsBenchmarks } from './types.js';
import type { CleanprodUtilities } from './utilities.js';

export type {
  Balance, Benchmarks, Evaluation, Metric, Report, Summary, TanningBenchmarks, HotelBenchmarks,
  HospitalBenchmarks, AutomotiveBenchmarks, Simulation, SampledInput, RiskOutput, Chart,
  ChartOptions, SankeyData, Programme, Screening, FundDocument, FundResult, FundRisk,
};
/** The chemicals model's benchmarks (`benchmarks(doc)` when `sector` is `"chemicals"`). */
export type { ChemicalsBenchmarks };

/** A cleaner-production assessment document, format "cleanprod/1". */
export type Document = CleanprodAssessmentDocument;

/** A document as TOML or JSON text, or as an object. */
export type DocumentInput = string | Document;

/** Dimensions accepted by {@link toSi} and {@link canonical} (generated from the Rust type). */
export type DimensionName = Dimension;

/**
 * The properties cleanprod adds to the errors it throws: a `SyntaxError` for text that is not
 * TOML or JSON, a `TypeError` for a wrongly shaped document, a `RangeError` for a bad value
 * or unit.
 */
export interface CleanprodErrorFields {
  /** Stable machine-readable code, e.g. "unit_dimension". */
  code: string;
  /** Field path, e.g. "prices.water"; empty for the whole document. */
  path: string;
  /** The offending value as written, or null. */
  value: string | null;
}

/** Validate a document and return it in canonical form. Throws on invalid input. */
export declare function parse(doc: DocumentInput): Document;
/** Validate a document and return the figures a consultant checks first. */
export declare function summary(doc: DocumentInput): Summary;
/** The material balances of a document's flowsheet (amounts in kg/yr), or null without one. */
export declare function balance(doc: DocumentInput): Balance | null;
/** The appraisal of every option: cost class, capex, annual saving, paybacks, NPV, IRR, MIRR. */
export declare function evaluate(doc: DocumentInput): Evaluation;
/** Option ids ranked by a metric, best first; options without a value of it come last. */
export declare function rank(doc: DocumentInput, metric: Metric): string[];
/**
 * The sector model's benchmarks of a document with a `[template.<sector>]` section, tagged by
 * `sector` (a tannery: indicators per tonne of raw hide before and after the options against
 * published ranges, the chrome balance, and warnings); null without a sector template.
 */
export declare function benchmarks(doc: DocumentInput): Benchmarks | null;
/** Everything the engine says of a document: summary, balance, options, portfolio, benchmarks. */
export declare function report(doc: DocumentInput): Report;
/** What report to write, and how (every field optional). */
export interface ReportOptions {
  /** The site's pre-assessment report (default) or a financing proposal for a lender. */
  kind?: 'pre-assessment' | 'proposal';
  /** For a proposal: the option proposed (the package of all options when absent). */
  option?: string;
  /** Labels and numbers in English or Spanish (the document's `[report] lang`, else English). */
  lang?: 'en' | 'es';
  /** The lender's minimum debt-service coverage each year is compared with (default 1.2, a convention). */
  min_dscr?: number;
  /** Draws of a proposal's risk simulation when the document has `[uncertainty]`. */
  draws?: number;
  /** One self-contained HTML file (default) or Markdown. */
  format?: 'html' | 'markdown';
  /** The paper an HTML report prints on. */
  paper?: 'auto' | 'a4' | 'letter';
}
/**
 * The pre-assessment report or the financing proposal of a document as text: one
 * self-contained HTML file (inline CSS and SVG, no network) or Markdown, the same as
 * `cleanprod report` and Python's `Assessment.report(kind=...)`.
 */
export declare function report(doc: DocumentInput, options: ReportOptions): string;
/** How a risk simulation is run; what is absent comes from the document's `[uncertainty]`. */
export interface SimulateOptions {
  /** Number of draws (the document's, else 10,000). */
  draws?: number;
  /** Seed, at most 2^53 − 1 (the document's, else 0): the same seed gives the same figures in Rust, Python, Node and the browser. */
  seed?: number;
  /** Latin hypercube (default) or simple Monte Carlo. */
  method?: 'lhs' | 'mc';
}
/** `T` without the generated `[k: string]: unknown` (so that `Omit` keeps its named fields). */
type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
/** One sampled input, its draws in a typed array. */
export type SimulatedInput = Omit<Known<SampledInput>, 'values'> & { values: Float64Array };
/** One result over the draws, in a typed array (NaN where undefined or where the draw failed). */
export type SimulatedOutput = Omit<Known<RiskOutput>, 'values'> & { values: Float64Array };
/**
 * A risk simulation: per option and metric the spread (mean, sd, percentiles: `p90` is the
 * value 90 % of the draws lie below), P(NPV < 0), the tornado and rank correlations.
 */
export type SimulationResult = Omit<Known<Simulation>, 'inputs' | 'outputs'> & {
  inputs: SimulatedInput[];
  outputs: SimulatedOutput[];
};
/** Sample a document's `[uncertainty]` inputs and appraise every draw (in this thread). */
export declare function simulate(doc: DocumentInput, options?: SimulateOptions): SimulationResult;
/** The charts the core draws. */
export type ChartKind = 'sankey' | 'cash-flow' | 'cost-curve' | 'histogram' | 'tornado' | 'benchmarks';
/**
 * The SVG of a chart of a document, drawn by the core (the same bytes as the CLI's
 * `cleanprod chart` and Python's `Assessment.chart`): `component` for a Sankey (`"water"`) or a
 * cost curve (`"water"`, `"CO2"`), `option` for a cash flow, histogram or tornado, `draws` and
 * `seed` for the simulation behind a histogram or tornado.
 */
export declare function chart(doc: DocumentInput, kind: ChartKind, options?: ChartOptions): string;
/** How a programme's money is brought to one currency (summed per currency without it). */
export interface ProgrammeOptions {
  exchange_rates?: {
    /** The currency the programme's money is given in. */
    currency: string;
    /** Value of one unit of each other currency in `currency`, by ISO 4217 code. */
    rates: Record<string, number>;
  };
}
/**
 * Many documents evaluated as one programme (in this thread): totals and breakdowns as
 * programmes report them, one row per site and per option, and each document that failed with
 * its name and the error's path, the others still evaluated.
 */
export declare function program(documents: { name: string; text: string }[], options?: ProgrammeOptions): Programme;
/**
 * A programme's chart (as `program` gives it), drawn by the core: one row per group, a panel
 * per figure, each on its own scale (money when it is in one currency).
 */
export declare function programmeChart(
  programme: Programme,
  options?: { by?: 'sector' | 'cost_class' | 'status' | 'category'; lang?: 'en' | 'es' },
): Chart;
/** How `fund` runs. */
export interface FundOptions {
  /** The assessment documents whose options the fund lends to (the browser reads no files). */
  documents?: { name: string; text: string }[];
  /** Monte Carlo draws over defaults, savings shortfalls and arrears. */
  draws?: number;
  /** Seed of the draws (0 when absent). */
  seed?: number;
  /** Language of the chart's words. */
  lang?: 'en' | 'es';
}
/** A fund simulated: its books, its Monte Carlo simulation (null without draws), its text and chart. */
export interface FundOutcome {
  fund: FundResult;
  monte_carlo: FundRisk | null;
  text: string;
  chart: Chart;
}
/**
 * A revolving loan fund year by year (in this thread): loans made, repaid, interest, defaults,
 * cash, outstanding, leverage, savings; with `draws`, the fund's survival probability and the
 * spreads over defaults, savings shortfalls and arrears.
 */
export declare function fund(document: FundDocument | string, options?: FundOptions): FundOutcome;
/** What a region's screening ranks by: `npv_mean`, `npv_p10`, ... need an `uncertainty`. */
export type Potential = 'npv' | 'water' | 'co2' | 'npv_mean' | 'npv_p10' | 'npv_p50' | 'npv_p90';
/** A table of firms: column names (`id`, `sector`, size columns) and rows of string cells. */
export interface FirmTable {
  columns: string[];
  rows: string[][];
}
/** How a region is screened. */
export interface ScreenSettings {
  /** The potential ranked by (`npv` when absent). */
  by?: Potential;
  /** Brings NPVs to one currency (needed to rank by NPV over several). */
  exchange_rates?: ProgrammeOptions['exchange_rates'];
  /**
   * The region's uncertainty, drawn for every firm (an `[uncertainty]` section: `draws`, 1000
   * when absent, `seed`, `method`, and `inputs` on `prices.<resource>`,
   * `finance.discount_rate` and the multipliers `options.capex` and `options.savings`); each
   * firm's draws are keyed by the seed and its id.
   */
  uncertainty?: NonNullable<CleanprodAssessmentDocument['uncertainty']>;
}
/**
 * A region's firms screened (in this thread): each firm's document built from its sector's
 * starting document scaled to its size, evaluated and ranked, with `npv_mean`, `npv_p10`,
 * `npv_p50`, `npv_p90` and `probability_loss` over its draws when `uncertainty` is given; the
 * rows that failed with their id and column.
 */
export declare function screen(firms: string | FirmTable, settings?: ScreenSettings): Screening;
/** Options applied one after the other to one model, as in `Evaluation['portfolio']['sequence']`. */
export interface Sequence {
  /** What each option adds to those before it, in order. */
  steps: Evaluation['portfolio']['sequence'];
  /** The options together. */
  total: Evaluation['portfolio']['all'];
}
/**
 * The options with these ids applied in this order to one model: options acting on the same
 * streams save less together than apart. Throws on an unknown or repeated id.
 */
export declare function portfolio(doc: DocumentInput, ids: string[]): Sequence;
/** The reconciliation of a document's redundant measurements, per component. */
export declare function reconcile(doc: DocumentInput): {
  component: string;
  test: NonNullable<Balance['components'][number]['reconciliation']>;
  adjustments: Balance['components'][number]['streams'];
}[];
/** The summary of a document as Markdown. */
export declare function summaryMarkdown(doc: DocumentInput): string;
/**
 * The JSON Schema of the document format (a fresh copy on each call). Its module is loaded on
 * the first call only, so the result is a promise.
 */
export declare function schema(): Promise<Record<string, unknown>>;
/** The coherent SI value of a value with its unit, e.g. toSi("12 m3/d", "volume_rate"). */
export declare function toSi(text: string, dimension: DimensionName): number;
/** A value with its unit in canonical spelling, e.g. canonical("12 l/min", "volume_rate") === "12 L/min". */
export declare function canonical(text: string, dimension: DimensionName): string;
/** The document format version this build writes, "cleanprod/1". */
export declare function formatVersion(): string;

// ---- loading -------------------------------------------------------------------------------
// `cleanprod` loads the engine on import (top-level await); `cleanprod/core` has the same
// exports and loads nothing until `init` or `initSync`.

/**
 * Where the engine's WebAssembly module is loaded from by default (next to the package's JS);
 * null in a bundle without `import.meta.url` (IIFE, CommonJS), where `init({ url })` is needed.
 */
export declare const wasmUrl: URL | null;
/** What {@link init} loads the engine from: exactly one of the three. */
export type InitInput =
  | { /** Fetched (in Node.js a `file:` URL is read). */ url: string | URL | Request; module?: never; bytes?: never }
  | { /** A compiled module, e.g. from `WebAssembly.compileStreaming`. */ module: WebAssembly.Module; url?: never; bytes?: never }
  | { /** The module's bytes. */ bytes: ArrayBuffer | ArrayBufferView; url?: never; module?: never };
/**
 * Load the engine (by default from {@link wasmUrl}). Resolves once every function can be
 * called; later calls resolve at once. A failed load rejects and can be retried.
 */
export declare function init(input?: InitInput): Promise<void>;
/**
 * Load the engine at once from a compiled module or its bytes. Compiling bytes blocks the
 * thread (Chromium refuses it on a page's main thread beyond 8 MB): on a page prefer
 * {@link init} or a module compiled with `WebAssembly.compileStreaming`. Throws while
 * `init` is loading (await that instead).
 */
export declare function initSync(moduleOrBytes: WebAssembly.Module | ArrayBuffer | ArrayBufferView): void;
/** Whether the engine is loaded. */
export declare function isInitialized(): boolean;
/** Bytes of the engine's WebAssembly memory (64 KiB pages; it grows and never shrinks). */
export declare function memoryBytes(): number;
/** Thrown by every function of `cleanprod/core` used before the engine is loaded. */
export declare class NotInitializedError extends Error implements CleanprodErrorFields {
  name: 'NotInitializedError';
  /** Always "not_initialized". */
  code: 'not_initialized';
  path: '';
  value: null;
}

// ---- finance -------------------------------------------------------------------------------
// Conventions follow numpy-financial: flows at t = 0, 1, ...; money paid out is negative.
// Functions throw an Error with code "no_sign_change", "no_root_in_bracket" or "not_converged"
// when the quantity does not exist, and a RangeError for NaN or infinite inputs.

/** A cash-flow series. */
export type Flows = Float64Array | number[];
/** Per-row results of a batch: NaN in `values` exactly where the row has no value. */
export interface BatchResult {
  values: Float64Array;
  /** One status code per row: {@link STATUS_NAMES} names each code, {@link STATUS} describes it. */
  status: Uint8Array;
}
/** What each per-row status code of a batch means, in words. */
export declare const STATUS: Readonly<Record<number, string>>;
/** The stable name of each per-row status code of a batch (the same names as Python's). */
export declare const STATUS_NAMES: Readonly<Record<number, string>>;
export type When = 'end' | 'begin';
export type DateInput = Date | string;

/** Net present value; `convention` "numpy" (first flow at t = 0, default) or "excel". */
export declare function npv(rate: number, values: Flows, convention?: 'numpy' | 'excel'): number;
/** NPV of each row of `values` (row-major, `rowLen` flows a row). */
export declare function npvBatch(rate: number, values: Float64Array, rowLen: number, convention?: 'numpy' | 'excel'): BatchResult;
/**
 * Internal rate of return; the root nearest `guess` (default 0.1) when there are several
 * (then {@link irrDetailed} gives all of them and a warning).
 */
export declare function irr(values: Flows, guess?: number): number;
/** An internal rate of return with what the solver knows about the others. */
export interface IrrDetailed {
  /** The IRR: the only root, or the root nearest the guess when there are several. */
  rate: number;
  /** Every root found, ascending. */
  roots: number[];
  /** Whether `roots` are known to be all there are. */
  complete: boolean;
  /** Whether there are several roots: the IRR does not rank options, use NPV or MIRR. */
  multiple: boolean;
  /** Warnings to show the user (Python raises the same text as a `MultipleIrrWarning`); empty when there is none. */
  warnings: string[];
}
/** {@link irr} with every root found and a warning when there are several. */
export declare function irrDetailed(values: Flows, guess?: number): IrrDetailed;
/** Every internal rate of return found, ascending. */
export declare function irrRoots(values: Flows): number[];
export declare function irrBatch(values: Float64Array, rowLen: number, guess?: number): BatchResult;
export declare function mirr(values: Flows, financeRate: number, reinvestRate: number): number;
export declare function mirrBatch(values: Float64Array, rowLen: number, financeRate: number, reinvestRate: number): BatchResult;
/** Periods until the cumulative flows first reach zero; null when they never do. */
export declare function payback(values: Flows): number | null;
export declare function paybackBatch(values: Float64Array, rowLen: number): BatchResult;
export declare function discountedPayback(rate: number, values: Flows): number | null;
export declare function discountedPaybackBatch(rate: number, values: Float64Array, rowLen: number): BatchResult;
export declare function profitabilityIndex(rate: number, values: Flows): number;
export declare function profitabilityIndexBatch(rate: number, values: Float64Array, rowLen: number): BatchResult;
export declare function benefitCostRatio(rate: number, benefits: Flows, costs: Flows): number;
export declare function capitalRecoveryFactor(rate: number, periods: number): number;
/** Money per unit of `savingPerPeriod`. */
export declare function levelizedCost(rate: number, periods: number, investment: number, savingPerPeriod: number, omChangePerPeriod?: number): number;
export declare function pmt(rate: number, nper: number, pv: number, fv?: number, when?: When): number;
export declare function pv(rate: number, nper: number, pmt: number, fv?: number, when?: When): number;
export declare function fv(rate: number, nper: number, pmt: number, pv: number, when?: When): number;
export declare function nper(rate: number, pmt: number, pv: number, fv?: number, when?: When): number;
export declare function rate(nper: number, pmt: number, pv: number, fv?: number, when?: When): number;
export declare function ipmt(rate: number, per: number, nper: number, pv: number, fv?: number, when?: When): number;
export declare function ppmt(rate: number, per: number, nper: number, pv: number, fv?: number, when?: When): number;
/** Net present value of dated flows, actual/365 from the first date (Excel's XNPV). */
export type DayCount = 'act/365f' | 'act/365' | 'act/360' | '30/360';
export declare function xnpv(rate: number, dates: DateInput[], amounts: Flows, dayCount?: DayCount): number;
/** Rate per year that makes xnpv zero (Excel's XIRR). */
export declare function xirr(dates: DateInput[], amounts: Flows, guess?: number, dayCount?: DayCount): number;
/** {@link xirr} with every root found and a warning when there are several. */
export declare function xirrDetailed(dates: DateInput[], amounts: Flows, guess?: number, dayCount?: DayCount): IrrDetailed;
export interface LoanPayment { period: number; payment: number; interest: number; principal: number; balance: number }
export declare function loanSchedule(principal: number, annualRate: number, years: number, paymentsPerYear?: number, gracePeriods?: number, grace?: 'interest_only' | 'capitalized'): LoanPayment[];

export interface Stream { name: string; per_year: number; escalation?: number }
/** What an option costs and saves, year by year (rates as fractions). */
export interface CashFlowPlan {
  /** Investment spent in year 0, 1, ... (positive). */
  capex: number[];
  savings?: Stream[];
  om_change?: number;
  salvage?: number;
  years: number;
  first_saving_year?: number;
  inflation?: number;
  basis?: 'real' | 'nominal';
  tax?: { rate: number; depreciation_years: number };
}
export interface CashFlows {
  net: number[]; capex: number[]; savings: [string, number[]][]; om: number[]; salvage: number[]; tax: number[];
}
export interface FinancingTerms {
  loan_share?: number; grant_share?: number; annual_rate?: number; loan_years?: number;
  payments_per_year?: number; grace_periods?: number; capitalize_grace?: boolean; guarantee_fee?: number;
}
export interface FinancedFlows {
  loan: number; grant: number; debt_service: number[]; guarantee_fees: number[]; equity: number[]; dscr: (number | null)[];
  min_dscr: number | null; project_irr: number | null; equity_irr: number | null;
}
/** Yearly cash flows of an option: net and by component. */
export declare function cashFlows(plan: CashFlowPlan): CashFlows;
/** The owner's flows, debt service and coverage when the year-0 investment is financed. */
export declare function financing(project: Flows, capex: number, terms: FinancingTerms): FinancedFlows;

/**
 * A document read, checked and expanded once: call its methods as often as needed, the
 * balance and the appraisal are computed on first use and kept. Call `free()` when done to
 * release its WebAssembly memory at once.
 */
export declare class Assessment {
  /** Read and check a document. Throws like {@link parse}. */
  constructor(doc: DocumentInput);
  /** The document in canonical form. */
  document(): Document;
  summary(): Summary;
  balance(): Balance | null;
  evaluate(): Evaluation;
  rank(metric: Metric): string[];
  benchmarks(): Benchmarks | null;
  portfolio(ids: string[]): Sequence;
  reconcile(): ReturnType<typeof reconcile>;
  report(): Report;
  /** The report as HTML or Markdown text; see {@link report}. */
  report(options: ReportOptions): string;
  reportMarkdown(): string;
  summaryMarkdown(): string;
  /** A risk simulation of the document's `[uncertainty]` inputs; see {@link simulate}. */
  simulate(options?: SimulateOptions): SimulationResult;
  /** A chart with its title and the table of its figures; see {@link chart}. */
  chart(kind: ChartKind, options?: ChartOptions): Chart;
  /** Release the WebAssembly memory held by this assessment. */
  free(): void;
}

// ---- utilities -----------------------------------------------------------------------------

/** The input of each calculator by name (generated from the Rust types): physical values are strings with units. */
export type UtilityInputs = CleanprodUtilities['inputs'];
/** The result of each calculator by name (generated from the Rust types): quantities are strings with units. */
export type UtilityResults = CleanprodUtilities['results'];
/** The name of a calculator, e.g. "steam_leak". */
export type CalculatorName = keyof UtilityInputs;

/**
 * The engineering calculators by their registry names, e.g.
 * `utilities.steam_trap({ pressure: '150 psig', orifice: '1/8 in' }).mass_rate`. Errors are
 * thrown as in {@link CleanprodErrorFields}, `path` naming the input field.
 */
export declare const utilities: {
  readonly [K in CalculatorName]: (input: UtilityInputs[K]) => UtilityResults[K];
};
/** Run the calculator `name` on `input`; the same as `utilities[name](input)`. */
export declare function calculate<K extends CalculatorName>(name: K, input: UtilityInputs[K]): UtilityResults[K];

/** What an input field holds. */
export type CalculatorFieldKind =
  | { kind: 'quantity'; of: DimensionName }
  | { kind: 'number' }
  | { kind: 'choice'; of: string[] }
  | { kind: 'text' };
/** One input field of a calculator. */
export interface CalculatorField {
  name: string;
  required: boolean;
  kind: CalculatorFieldKind;
  description: string;
}
/** A calculator of the registry. */
export interface CalculatorInfo {
  name: CalculatorName;
  /** What it computes, in one line. */
  summary: string;
  fields: CalculatorField[];
}
/** Every calculator in registry order, with its input fields. */
export declare function calculators(): CalculatorInfo[];

/** A quantity of a calculator's result in SI. */
export interface UtilityQuantity {
  /** Where it is in the result, e.g. "mass_rate" or "high.pressure". */
  path: string;
  /** The value in the coherent SI unit (kelvin for temperatures, a fraction for ratios). */
  value: number;
  /** That unit, e.g. "kg/s" ("" for a ratio). */
  unit: string;
  dimension: DimensionName;
}
/** Every quantity of a result of the calculator `name`, in SI with its unit and dimension. */
export declare function resultQuantities<K extends CalculatorName>(name: K, result: UtilityResults[K]): UtilityQuantity[];
/** A result of the calculator `name` with every quantity as a number in SI; other fields as they are. */
export declare function resultToSi<K extends CalculatorName>(name: K, result: UtilityResults[K]): Record<string, unknown>;

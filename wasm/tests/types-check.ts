// Compiled with `tsc --noEmit` by scripts/test: the published types must accept correct use
// and reject wrong use (each @ts-expect-error fails the check if the line compiles).
import { screen } from '../pkg/index.js';
import { Assessment, report, fund, type Report, type TanningBenchmarks, parse, summary, balance, evaluate, portfolio, benchmarks, rank, toSi, canonical, irr, irrDetailed, irrBatch, STATUS_NAMES, type Document, type Summary, type CleanprodErrorFields, type Sequence, type IrrDetailed } from '../pkg/index.js';

const doc: Document = parse('format = "cleanprod/1"');
const currency: string = doc.currency;
const hours: string = doc.schedule.hours_per_day;
const days: number = doc.schedule.days_per_year;
const s: Summary = summary(doc);
const annual: string = s.annual_output;
const si: number = toSi('12 m3/d', 'volume_rate');
const text: string = canonical('12 l/min', 'volume_rate');

// @ts-expect-error: a dimension name must be one of the known ones
toSi('1 m', 'speed');
// @ts-expect-error: days_per_year is a number, not a string
const wrong: string = doc.schedule.days_per_year;
// @ts-expect-error: sector is one of five names
const bad: Document['site'] = { name: 'x', sector: 'brewery' };

try {
  parse('{');
} catch (e) {
  const fields = e as Error & CleanprodErrorFields;
  const where: string = fields.path;
  const code: string = fields.code;
  void [where, code];
}

const b = balance(doc);
const unit: string | undefined = b?.unit;

const ev = evaluate(doc);
const npv: number = ev.options[0].npv;
const co2: number | null | undefined = ev.options[0].co2_avoided;
const seq: Sequence = portfolio(doc, ['a', 'b']);
const increment: number = seq.steps[0].annual_saving;
// @ts-expect-error: ids are a list of strings
portfolio(doc, 'a');
// @ts-expect-error: an effect kind is one of the known ones
const effect: Document['options'] = [{ id: 'a', title: 'a', category: 'good_housekeeping', effects: [{ kind: 'teleport' }] }];

const water: number | undefined = benchmarks(doc)?.indicators[0].before;
const ranked: string[] = rank(doc, 'irr');
// @ts-expect-error: a metric is one of the known ones
rank(doc, 'beauty');
// @ts-expect-error: a catalogue option is one of the known ones
const catalogue: NonNullable<NonNullable<Document['template']>['tanning']>['options'] = [{ id: 'magic' }];

const a = new Assessment(doc);
const r: Report = a.report();
const saved: number = r.options[0].annual_saving;
const same: Report = report(doc);
const bm = a.benchmarks();
const tanning: TanningBenchmarks | undefined = bm?.sector === 'tanning' ? bm : undefined;
// @ts-expect-error: a benchmarks object is tagged with a known sector
const other = bm?.sector === 'laundry';
a.free();

void [r, saved, same, tanning, other];
const rateOnly: number = irr([-100, 110]);
const detailed: IrrDetailed = irrDetailed([-1, 2.3, -1.32], 0.25);
const warnings: string[] = detailed.warnings;
const several: boolean = detailed.multiple;
const statusNames: string[] = [...irrBatch(new Float64Array([-100, 110]), 2).status].map((s) => STATUS_NAMES[s]);
// @ts-expect-error: irr returns a number, not the detailed result
const notDetailed: IrrDetailed = irr([-100, 110]);

void [currency, hours, days, annual, si, text, wrong, bad, unit, npv, co2, increment, effect, water, ranked, catalogue, rateOnly, warnings, several, statusNames, notDetailed];

// ---- utilities
import { utilities, calculate, calculators, resultQuantities, resultToSi, type UtilityInputs, type UtilityResults, type CalculatorName } from '../pkg/index.js';
const leak = utilities.steam_leak({ pressure: '150 psig', diameter: '1/8 in' });
const leakRate: string = leak.mass_rate;
const tower: UtilityResults['cooling_tower'] = calculate('cooling_tower', { circulation: '1000 gpm', range: '10 °F', cycles: '4' });
const evaporation: string = tower.evaporation;
const pipeIn: UtilityInputs['pipe_insulation'] = {
  diameter: '60.3 mm', length: '100 m', ambient: '20 °C', insulation_conductivity: '0.04 W/(m·K)',
};
const firstName: CalculatorName = calculators()[0].name;
const firstSi: number = resultQuantities('steam_leak', leak)[0].value;
const leakSi: Record<string, unknown> = resultToSi('steam_leak', leak);
// @ts-expect-error: diameter is required
utilities.steam_leak({ pressure: '150 psig' });
// @ts-expect-error: conductivity is a string with its unit, not a bare number
const badPipe: UtilityInputs['pipe_insulation'] = { diameter: '60.3 mm', length: '100 m', ambient: '20 °C', insulation_conductivity: 0.04 };
// @ts-expect-error: no such calculator
calculate('steam_leek', {});
// @ts-expect-error: the fuel is one of three names
utilities.combustion_efficiency({ fuel: 'coal', flue_temperature: '180 °C', air_temperature: '20 °C', o2: '4 %' });
void [leakRate, evaporation, pipeIn, firstName, firstSi, leakSi, badPipe];

// Risk simulation: typed options and results, draws in typed arrays.
import { simulate, type SimulationResult, type HotelBenchmarks } from '../pkg/index.js';
const sim: SimulationResult = simulate('format = "cleanprod/1"', { draws: 100, seed: 7, method: 'lhs' });
const npvColumn: Float64Array = sim.outputs[0].values;
const lossProbability: number | null | undefined = sim.outputs[0].probability_negative;
const firstInput: string = sim.inputs[0].path;
// @ts-expect-error: the method is "lhs" or "mc"
simulate('', { method: 'sobol' });
const hotelBenchmarks: HotelBenchmarks | undefined = bm?.sector === 'hotel' ? bm : undefined;
void [npvColumn, lossProbability, firstInput, hotelBenchmarks];

// The <cleanprod-calculator> element: its properties and events are typed.
import { CleanprodCalculator, type CalculatorResult } from '../pkg/widget.js';
const calculator = document.createElement('cleanprod-calculator');
const isCalculator: CleanprodCalculator = calculator;
const submitted: string = calculator.value;
calculator.addEventListener('cleanprod-error', (e) => {
  const where: string = e.detail.path;
  void where;
});
calculator.addEventListener('cleanprod-result', (e) => {
  const r: CalculatorResult = e.detail.result;
  const paybacks = r.evaluation.options.map((o) => o.simple_payback_years);
  void paybacks;
});
// @ts-expect-error: the result is read-only
calculator.result = null;
void [isCalculator, submitted];

// Loading: `cleanprod/core` has the same functions and an `init` that takes one source.
import { init, initSync, wasmUrl, NotInitializedError, schema, evaluate as evaluateCore } from '../pkg/core.js';
async function load(bytes: Uint8Array, module: WebAssembly.Module): Promise<void> {
  await init();
  if (wasmUrl) await init({ url: wasmUrl });
  await init({ url: '/assets/cleanprod_wasm_bg.wasm' });
  await init({ bytes });
  await init({ module });
  initSync(module);
  initSync(bytes);
  // @ts-expect-error: one source at a time
  await init({ url: "x.wasm", bytes });
  // @ts-expect-error: a path is given as `url`
  await init('/assets/cleanprod_wasm_bg.wasm');
  const s: Record<string, unknown> = await schema();
  // @ts-expect-error: the schema is loaded on demand: a promise
  const title: unknown = schema().title;
  try {
    evaluateCore(doc);
  } catch (e) {
    if (e instanceof NotInitializedError) {
      const code: 'not_initialized' = e.code;
      void code;
    }
  }
  void [s, title];
}
void load;

// The worker's messages are typed; errors keep the engine's fields.
import type { WorkerRequest, WorkerMessage } from '../pkg/worker.js';
const request: WorkerRequest = { id: 1, op: 'simulate', doc, options: { draws: 100 } };
// @ts-expect-error: an operation the worker does not know
const unknownOp: WorkerRequest = { id: 2, op: 'compile', doc };
function onAnswer(m: WorkerMessage): string {
  if ('ready' in m) return 'ready';
  return m.ok ? 'ok' : `${m.error.code} at ${m.error.path}`;
}
void [request, unknownOp, onAnswer];

// A loan fund: its books, its draws, its chart.
const fundOut = fund('currency = "USD"', { documents: [], draws: 10, seed: 1, lang: 'es' });
const fundCash: number = fundOut.fund.years[0].cash;
const survival: number | undefined = fundOut.monte_carlo?.survival;
const fundSvg: string = fundOut.chart.svg;
void fundCash; void survival; void fundSvg;
// A region screened with draws: the settings and the statistics are typed.
{
  const s = screen('id,sector,rooms\nh,hotel,90\n', {
    by: 'npv_p10',
    uncertainty: { draws: 100, seed: 7, inputs: [{ path: 'prices.water', spread: '± 20 %' }] },
  });
  const p10: number | undefined = s.ranking[0]?.npv_p10 ?? undefined;
  const draws: number | undefined = s.draws ?? undefined;
  void p10;
  void draws;
}

// The cleanprod npm package: the WebAssembly engine, loaded once when this module is imported
// (top-level await), in Node.js and in browsers and bundlers alike.
import init, { statuses, calculators as calculatorTable, calculate } from './cleanprod_wasm.js';
import documentSchema from './schema.js';

const wasmUrl = new URL('./cleanprod_wasm_bg.wasm', import.meta.url);

if (wasmUrl.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
  // Node.js cannot fetch a file: URL; read the bytes instead.
  const { readFile } = await import('node:fs/promises');
  await init({ module_or_path: await readFile(wasmUrl) });
} else {
  await init({ module_or_path: wasmUrl });
}

export {
  Assessment,
  report,
  parse,
  summary,
  summaryMarkdown,
  balance,
  reconcile,
  evaluate,
  portfolio,
  benchmarks,
  rank,
  simulate,
  toSi,
  canonical,
  calculate,
  resultQuantities,
  resultToSi,
  formatVersion,
  npv,
  npvBatch,
  irr,
  irrDetailed,
  irrRoots,
  irrBatch,
  mirr,
  mirrBatch,
  payback,
  paybackBatch,
  discountedPayback,
  discountedPaybackBatch,
  profitabilityIndex,
  profitabilityIndexBatch,
  benefitCostRatio,
  capitalRecoveryFactor,
  levelizedCost,
  pmt,
  pv,
  fv,
  nper,
  rate,
  ipmt,
  ppmt,
  xnpv,
  xirr,
  xirrDetailed,
  loanSchedule,
  cashFlows,
  financing,
} from './cleanprod_wasm.js';

const statusTable = statuses();

/** Meaning of the per-row status codes of a batch, in words (from the engine). */
export const STATUS = Object.freeze(Object.fromEntries(statusTable.map((s) => [s.code, s.description])));

/** Stable names of the per-row status codes of a batch, the same as Python's `STATUS_NAMES`. */
export const STATUS_NAMES = Object.freeze(Object.fromEntries(statusTable.map((s) => [s.code, s.name])));

/** The JSON Schema of the document format (a fresh copy on each call). */
export function schema() {
  return structuredClone(documentSchema);
}

const registry = calculatorTable();

/**
 * The engineering calculators by their registry names (`utilities.steam_leak({ pressure:
 * '150 psig', diameter: '1/8 in' })`), the same names and fields as Python's
 * `cleanprod.utilities` and the CLI's `cleanprod calc`.
 */
export const utilities = Object.freeze(
  Object.fromEntries(
    registry.map((c) => {
      const run = (input) => calculate(c.name, input);
      Object.defineProperty(run, 'name', { value: c.name });
      return [c.name, run];
    }),
  ),
);

/** Every calculator with what it computes and its input fields (a fresh copy on each call). */
export function calculators() {
  return structuredClone(registry);
}

// The cleanprod npm package: the WebAssembly engine, loaded once when this module is imported
// (top-level await), in Node.js and in browsers and bundlers alike.
import init, { statuses } from './cleanprod_wasm.js';
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
  toSi,
  canonical,
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

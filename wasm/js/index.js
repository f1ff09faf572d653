// The cleanprod npm package: the WebAssembly engine, loaded once when this module is imported
// (top-level await), in Node.js and in browsers and bundlers alike.
import init, { statuses, calculators as calculatorTable } from './cleanprod_wasm.js';
import documentSchema from './schema.js';

const wasmUrl = new URL('./cleanprod_wasm_bg.wasm', import.meta.url);

if (wasmUrl.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
  // Node.js cannot fetch a file: URL; read the bytes instead.
  const { readFile } = await import('node:fs/promises');
  await init({ module_or_path: await readFile(wasmUrl) });
} else {
  await init({ module_or_path: wasmUrl });
}

import * as engine from './cleanprod_wasm.js';

// Argument checks. The wasm glue converts arguments without looking at them: a number where a
// string is expected makes the module read memory it does not own (a trapped `RuntimeError`),
// a `null` in an array of numbers becomes 0, and a row length of 2**32 + 3 becomes 3. Each
// exported function therefore checks its arguments' types first, and throws a `TypeError`
// (or a `RangeError` for a count out of its range) naming the argument, with the same `code`,
// `path` and `value` properties as the engine's errors. Nothing is computed here.

function argumentError(Class, fn, name, message, value) {
  const err = new Class(`${fn}: argument \`${name}\` ${message}`);
  err.code = Class === TypeError ? 'invalid_type' : 'out_of_range';
  err.path = name;
  err.value = value === undefined ? null : String(value);
  return err;
}

function describe(x) {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'string' ? `the string ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)}` : `${typeof x} ${String(x)}`;
}

/** The checks by kind; `?` after a kind lets the argument be left out (undefined or null). */
const KINDS = {
  number: (x) => typeof x === 'number' || 'must be a number',
  string: (x) => typeof x === 'string' || 'must be a string',
  // A document: TOML or JSON text, or an object.
  document: (x) => typeof x === 'string' || (typeof x === 'object' && x !== null && !Array.isArray(x)) || 'must be a document: TOML or JSON text, or an object',
  object: (x) => (typeof x === 'object' && x !== null && !Array.isArray(x)) || 'must be an object',
  strings: (x) => (Array.isArray(x) && x.every((v) => typeof v === 'string')) || 'must be an array of strings',
  dates: (x) => Array.isArray(x) || 'must be an array of dates (Date objects or "YYYY-MM-DD" strings)',
  // A series of numbers: a Float64Array, or an array whose every item is a number.
  series: (x) => {
    if (x instanceof Float64Array) return true;
    if (!Array.isArray(x) && !(ArrayBuffer.isView(x) && !(x instanceof DataView))) return 'must be a Float64Array or an array of numbers';
    for (let i = 0; i < x.length; i += 1) {
      if (typeof x[i] !== 'number') return `must hold only numbers, but item ${i} is ${describe(x[i])}`;
    }
    return true;
  },
  // A whole number of items or periods that fits the engine's 32-bit counts.
  count: (x) => {
    if (typeof x !== 'number') return 'must be a number';
    if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) return [RangeError, 'must be a whole number from 0 to 4294967295'];
    return true;
  },
};

/** The arguments of each function: `name:kind`, `?` for an optional one. */
const SIGNATURES = {
  report: ['doc:document'],
  parse: ['doc:document'],
  summary: ['doc:document'],
  summaryMarkdown: ['doc:document'],
  balance: ['doc:document'],
  reconcile: ['doc:document'],
  evaluate: ['doc:document'],
  portfolio: ['doc:document', 'ids:strings'],
  benchmarks: ['doc:document'],
  rank: ['doc:document', 'metric:string'],
  simulate: ['doc:document', 'options:object?'],
  toSi: ['text:string', 'dimension:string'],
  canonical: ['text:string', 'dimension:string'],
  calculate: ['name:string', 'input:object'],
  resultQuantities: ['name:string', 'result:object'],
  resultToSi: ['name:string', 'result:object'],
  npv: ['rate:number', 'values:series', 'convention:string?'],
  npvBatch: ['rate:number', 'values:series', 'rowLength:count', 'convention:string?'],
  irr: ['values:series', 'guess:number?'],
  irrDetailed: ['values:series', 'guess:number?'],
  irrRoots: ['values:series'],
  irrBatch: ['values:series', 'rowLength:count', 'guess:number?'],
  mirr: ['values:series', 'financeRate:number', 'reinvestRate:number'],
  mirrBatch: ['values:series', 'rowLength:count', 'financeRate:number', 'reinvestRate:number'],
  payback: ['values:series'],
  paybackBatch: ['values:series', 'rowLength:count'],
  discountedPayback: ['rate:number', 'values:series'],
  discountedPaybackBatch: ['rate:number', 'values:series', 'rowLength:count'],
  profitabilityIndex: ['rate:number', 'values:series'],
  profitabilityIndexBatch: ['rate:number', 'values:series', 'rowLength:count'],
  benefitCostRatio: ['rate:number', 'benefits:series', 'costs:series'],
  capitalRecoveryFactor: ['rate:number', 'periods:number'],
  levelizedCost: ['rate:number', 'periods:number', 'investment:number', 'savingPerPeriod:number', 'omChangePerPeriod:number?'],
  pmt: ['rate:number', 'nper:number', 'pv:number', 'fv:number?', 'when:string?'],
  pv: ['rate:number', 'nper:number', 'pmt:number', 'fv:number?', 'when:string?'],
  fv: ['rate:number', 'nper:number', 'pmt:number', 'pv:number', 'when:string?'],
  nper: ['rate:number', 'pmt:number', 'pv:number', 'fv:number?', 'when:string?'],
  rate: ['nper:number', 'pmt:number', 'pv:number', 'fv:number?', 'when:string?'],
  ipmt: ['rate:number', 'per:number', 'nper:number', 'pv:number', 'fv:number?', 'when:string?'],
  ppmt: ['rate:number', 'per:number', 'nper:number', 'pv:number', 'fv:number?', 'when:string?'],
  xnpv: ['rate:number', 'dates:dates', 'amounts:series', 'dayCount:string?'],
  xirr: ['dates:dates', 'amounts:series', 'guess:number?', 'dayCount:string?'],
  xirrDetailed: ['dates:dates', 'amounts:series', 'guess:number?', 'dayCount:string?'],
  loanSchedule: ['principal:number', 'annualRate:number', 'years:number', 'paymentsPerYear:count?', 'gracePeriods:count?', 'grace:string?'],
  cashFlows: ['plan:object'],
  financing: ['project:series', 'capex:number', 'terms:object'],
};

const METHODS = {
  rank: ['metric:string'],
  portfolio: ['ids:strings'],
  simulate: ['options:object?'],
};

function checked(fn, signature) {
  const specs = signature.map((s) => {
    const [name, kind] = s.split(':');
    return { name, optional: kind.endsWith('?'), check: KINDS[kind.replace('?', '')] };
  });
  return function (...args) {
    specs.forEach(({ name, optional, check }, i) => {
      const x = args[i];
      if (optional && (x === undefined || x === null)) return;
      const verdict = check(x);
      if (verdict === true) return;
      const [Class, message] = Array.isArray(verdict) ? verdict : [TypeError, verdict];
      throw argumentError(Class, fn.name || 'cleanprod', name, `${message}, not ${describe(x)}`, x);
    });
    return fn.apply(this, args);
  };
}

const wrapped = Object.fromEntries(
  Object.entries(SIGNATURES).map(([name, signature]) => {
    const fn = checked(engine[name], signature);
    Object.defineProperty(fn, 'name', { value: name });
    return [name, fn];
  }),
);

for (const [name, signature] of Object.entries(METHODS)) {
  const method = engine.Assessment.prototype[name];
  Object.defineProperty(method, 'name', { value: name });
  engine.Assessment.prototype[name] = checked(method, signature);
}

const { Assessment, formatVersion } = engine;

export { Assessment, formatVersion };
export const {
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
} = wrapped;

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

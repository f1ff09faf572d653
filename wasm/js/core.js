// The cleanprod npm package without loading: `cleanprod/core`. Nothing runs until `init()`
// (or `initSync()`) has loaded the WebAssembly engine; every function called before then throws
// a `NotInitializedError`. A failed load (a 503, a network error) rejects and can be tried again.
// No top-level await, no Node.js import: bundles of any format, and `require()` in Node.js
// (from 20.19 and 22.12), can hold it. `cleanprod` (index.js) is this entry loaded on import.
import loadWasm, { initSync as loadWasmSync, statuses, calculators as calculatorTable } from './cleanprod_wasm.js';
import * as engine from './cleanprod_wasm.js';
import { wasmSource } from './wasm-file.js';

/** Where the engine's module lies by default: next to this file (Vite and webpack copy it, as
 * they see this `new URL(..., import.meta.url)`). Null where a bundle has no `import.meta.url`
 * (an IIFE or CommonJS bundle): give `init({ url })` there. */
export const wasmUrl = (() => {
  try {
    return new URL('./cleanprod_wasm_bg.wasm', import.meta.url);
  } catch {
    return null;
  }
})();

/** The error thrown by a function of the package called before the engine is loaded. */
export class NotInitializedError extends Error {
  constructor(what) {
    super(`cleanprod: ${what} was used before the engine was loaded; await init() first (or call initSync(bytes)), or import 'cleanprod', which loads it on import`);
    this.name = 'NotInitializedError';
    this.code = 'not_initialized';
    this.path = '';
    this.value = null;
  }
}

let ready = false;
/** The module's exports once loaded (its linear memory among them). */
let exported = null;

function ensureReady(what) {
  if (!ready) throw new NotInitializedError(what);
}

/** What `init` was given, as the glue's `module_or_path`. */
async function source(options) {
  if (options == null) {
    if (!wasmUrl) throw new TypeError('init: this bundle has no import.meta.url to find the wasm file by: give init({ url })');
    return wasmSource(wasmUrl);
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('init: give an object: { url }, { module } or { bytes }');
  }
  const given = ['url', 'module', 'bytes'].filter((k) => options[k] != null);
  if (given.length !== 1) {
    throw new TypeError(`init: give exactly one of url, module or bytes, not ${given.length ? given.join(' and ') : 'none'}`);
  }
  if (options.module != null) {
    if (!(options.module instanceof WebAssembly.Module)) throw new TypeError('init: `module` must be a WebAssembly.Module');
    return options.module;
  }
  if (options.bytes != null) {
    if (!(options.bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(options.bytes)) {
      throw new TypeError('init: `bytes` must be an ArrayBuffer or a typed array');
    }
    return options.bytes;
  }
  const { url } = options;
  if (typeof url !== 'string' && !(url instanceof URL) && !(typeof Request === 'function' && url instanceof Request)) {
    throw new TypeError('init: `url` must be a string, a URL or a Request');
  }
  return wasmSource(url);
}

let loading = null;

/** The tables the package reads from the engine once it is loaded. */
function finish() {
  if (ready) return;
  const statusTable = statuses();
  const registry = calculatorTable();
  Object.freeze(Object.assign(STATUS_TABLE, Object.fromEntries(statusTable.map((s) => [s.code, s.description]))));
  Object.freeze(Object.assign(STATUS_NAMES_TABLE, Object.fromEntries(statusTable.map((s) => [s.code, s.name]))));
  REGISTRY.push(...registry);
  Object.freeze(REGISTRY);
  Object.freeze(Object.assign(UTILITIES_TABLE, Object.fromEntries(
    registry.map((c) => {
      const run = (input) => calculate(c.name, input);
      Object.defineProperty(run, 'name', { value: c.name });
      return [c.name, run];
    }),
  )));
  ready = true;
}

/**
 * Load the engine: from `url` (fetched; default: `wasmUrl`), a compiled `module`, or the
 * module's `bytes`. Resolves once it can be used; later calls resolve at once. A failed load
 * rejects and leaves nothing behind: call it again to retry.
 */
export function init(options) {
  if (ready) return Promise.resolve();
  if (!loading) {
    loading = (async () => {
      exported = await loadWasm({ module_or_path: await source(options) });
      finish();
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Load the engine at once from a compiled `WebAssembly.Module` or the module's bytes (an
 * `ArrayBuffer` or a typed array). Compiling bytes blocks the thread (Chromium refuses it on a
 * page's main thread beyond 8 MB): on a page prefer `init`, or pass a module compiled with
 * `await WebAssembly.compileStreaming(fetch(wasmUrl))`; bytes suit workers and Node.js.
 */
export function initSync(moduleOrBytes) {
  if (ready) return;
  const m = moduleOrBytes;
  if (!(m instanceof WebAssembly.Module) && !(m instanceof ArrayBuffer) && !ArrayBuffer.isView(m)) {
    throw new TypeError('initSync: give a WebAssembly.Module, an ArrayBuffer or a typed array');
  }
  // The glue would finish the pending load afterwards with a second instance, and objects
  // made in between would point into the first one's memory.
  if (loading) throw new Error('initSync: init() is loading the engine already; await it instead');
  exported = loadWasmSync({ module: m });
  finish();
}

/** Whether the engine is loaded. */
export function isInitialized() {
  return ready;
}

/**
 * Bytes of the engine's WebAssembly memory. It grows in 64 KiB pages as documents and results
 * need room and never shrinks, so a page that calls the engine many times can watch it.
 */
export function memoryBytes() {
  ensureReady('memoryBytes()');
  return exported.memory.buffer.byteLength;
}

/** An object filled from the engine at `init`: before, any look at it throws. */
function loadedTable(target, what) {
  const guard = (trap) => (...args) => {
    ensureReady(what);
    return Reflect[trap](...args);
  };
  return new Proxy(target, Object.fromEntries(
    ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'isExtensible'].map((t) => [t, guard(t)]),
  ));
}

const STATUS_TABLE = {};
const STATUS_NAMES_TABLE = {};
const UTILITIES_TABLE = {};
const REGISTRY = [];

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
  // The documents of a programme: an array of { name, text }.
  documents: (x) => (Array.isArray(x) && x.every((d) => typeof d === 'object' && d !== null
    && typeof d.name === 'string' && typeof d.text === 'string')) || 'must be an array of { name, text } with string fields',
  // A table of firms: CSV text, or { columns, rows } of strings.
  firms: (x) => typeof x === 'string' || (typeof x === 'object' && x !== null && Array.isArray(x.columns)
    && Array.isArray(x.rows)) || 'must be a table of firms: CSV text, or { columns, rows } of strings',
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
  report: ['doc:document', 'options:object?'],
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
  chart: ['doc:document', 'kind:string', 'options:object?'],
  program: ['documents:documents', 'options:object?'],
  programmeChart: ['programme:object', 'options:object?'],
  fund: ['doc:document', 'options:object?'],
  screen: ['firms:firms', 'settings:object?'],
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
  chart: ['kind:string', 'options:object?'],
  report: ['options:object?'],
};

function checked(fn, signature) {
  const specs = signature.map((s) => {
    const [name, kind] = s.split(':');
    return { name, optional: kind.endsWith('?'), check: KINDS[kind.replace('?', '')] };
  });
  return function (...args) {
    ensureReady(fn.name || 'cleanprod');
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

/** The engine's class, refusing to be built before the engine is loaded. */
export const Assessment = new Proxy(engine.Assessment, {
  construct(target, args, newTarget) {
    ensureReady('new Assessment()');
    return Reflect.construct(target, args, newTarget);
  },
});

/** The document format this engine reads and writes. */
export function formatVersion() {
  ensureReady('formatVersion');
  return engine.formatVersion();
}
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
  chart,
  program,
  programmeChart,
  fund,
  screen,
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

/** Meaning of the per-row status codes of a batch, in words (from the engine). */
export const STATUS = loadedTable(STATUS_TABLE, 'STATUS');

/** Stable names of the per-row status codes of a batch, the same as Python's `STATUS_NAMES`. */
export const STATUS_NAMES = loadedTable(STATUS_NAMES_TABLE, 'STATUS_NAMES');

/**
 * The JSON Schema of the document format (a fresh copy on each call). Its module (135 KB) is
 * loaded on the first call only: a page that never asks for it never downloads it.
 */
export async function schema() {
  const { default: documentSchema } = await import('./schema.js');
  return structuredClone(documentSchema);
}

/**
 * The engineering calculators by their registry names (`utilities.steam_leak({ pressure:
 * '150 psig', diameter: '1/8 in' })`), the same names and fields as Python's
 * `cleanprod.utilities` and the CLI's `cleanprod calc`.
 */
export const utilities = loadedTable(UTILITIES_TABLE, 'utilities');

/** Every calculator with what it computes and its input fields (a fresh copy on each call). */
export function calculators() {
  ensureReady('calculators');
  return structuredClone(REGISTRY);
}

// Loading the engine through `cleanprod/core` in Node.js: from bytes, a module, a URL, the
// default place, synchronously and through `require()`; before loading every function throws
// a `NotInitializedError`, and a failed load can be retried. Each case runs in its own Node.js
// process, as a page would: the engine is loaded once per process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import * as auto from '../pkg/index.js';
import { readFixture } from './helpers.mjs';

const CORE = new URL('../pkg/core.js', import.meta.url).href;
const WASM = fileURLToPath(new URL('../pkg/cleanprod_wasm_bg.wasm', import.meta.url));
const DOC = 'documents/valid/effects.toml';

/** Run `body` (an async function's body, with `cp` the core entry, `bytes` the module's bytes
 * and `doc` a fixture's text) in a fresh Node.js process; its return value comes back as JSON. */
function inFreshProcess(body) {
  const script = `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    const require = createRequire(${JSON.stringify(fileURLToPath(import.meta.url))});
    const cp = await import(${JSON.stringify(CORE)});
    const bytes = readFileSync(${JSON.stringify(WASM)});
    const doc = ${JSON.stringify(readFixture(DOC))};
    const caught = (f) => { try { f(); return null; } catch (e) { return { name: e.name, code: e.code, message: e.message, isError: e instanceof Error }; } };
    const out = await (async () => { ${body} })();
    process.stdout.write(JSON.stringify(out));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/** What each case computes once loaded: a unit conversion, an appraisal and a table. */
const AFTER = `return { si: cp.toSi('12 m3/d', 'volume_rate'), evaluation: cp.evaluate(doc), names: { ...cp.STATUS_NAMES }, loaded: cp.isInitialized() };`;
const expected = () => ({
  si: auto.toSi('12 m3/d', 'volume_rate'),
  evaluation: auto.evaluate(readFixture(DOC)),
  names: { ...auto.STATUS_NAMES },
  loaded: true,
});

test('before init every function, table and the class throws a named NotInitializedError', () => {
  const out = inFreshProcess(`
    const skip = new Set(['init', 'initSync', 'isInitialized', 'schema', 'NotInitializedError', 'Assessment']);
    const functions = Object.entries(cp).filter(([k, v]) => typeof v === 'function' && !skip.has(k));
    return {
      count: functions.length,
      functions: functions.map(([k, f]) => [k, caught(() => f(doc, doc, doc))]).filter(([, e]) => !(e && e.name === 'NotInitializedError' && e.code === 'not_initialized' && e.isError)),
      message: caught(() => cp.evaluate(doc)).message,
      assessment: caught(() => new cp.Assessment(doc)).name,
      status: caught(() => cp.STATUS[0]).name,
      names: caught(() => Object.keys(cp.STATUS_NAMES)).name,
      utilities: caught(() => cp.utilities.steam_leak).name,
      loaded: cp.isInitialized(),
    };
  `);
  // Every exported computing function of the package (report, evaluate, npv, ... calculators).
  assert.ok(out.count >= 48, `only ${out.count} functions`);
  assert.deepEqual(out.functions, [], 'functions that did not throw a NotInitializedError');
  assert.match(out.message, /^cleanprod: evaluate was used before the engine was loaded; await init\(\)/);
  assert.deepEqual([out.assessment, out.status, out.names, out.utilities, out.loaded],
    ['NotInitializedError', 'NotInitializedError', 'NotInitializedError', 'NotInitializedError', false]);
});

test('init from the module\'s bytes', () => {
  assert.deepEqual(inFreshProcess(`await cp.init({ bytes }); ${AFTER}`), expected());
});

test('init from a compiled module', () => {
  assert.deepEqual(inFreshProcess(`await cp.init({ module: await WebAssembly.compile(bytes) }); ${AFTER}`), expected());
});

test('init from a URL (a file: URL is read in Node.js) and from the default place', () => {
  assert.deepEqual(inFreshProcess(`await cp.init({ url: new URL('./cleanprod_wasm_bg.wasm', ${JSON.stringify(CORE)}) }); ${AFTER}`), expected());
  assert.deepEqual(inFreshProcess(`await cp.init({ url: cp.wasmUrl.href }); ${AFTER}`), expected());
  assert.deepEqual(inFreshProcess(`await cp.init(); ${AFTER}`), expected());
});

test('init from the default place in a Node.js without process.getBuiltinModule (before 20.16)', () => {
  const out = inFreshProcess(`delete process.getBuiltinModule; await cp.init(); ${AFTER.replace('return {', 'return { gone: process.getBuiltinModule === undefined,')}`);
  const { gone, ...rest } = out;
  assert.equal(gone, true);
  assert.deepEqual(rest, expected());
});

test('initSync from bytes (a Buffer, an ArrayBuffer) and from a module', () => {
  assert.deepEqual(inFreshProcess(`cp.initSync(bytes); ${AFTER}`), expected());
  assert.deepEqual(inFreshProcess(`cp.initSync(new Uint8Array(bytes).buffer); ${AFTER}`), expected());
  assert.deepEqual(inFreshProcess(`cp.initSync(new WebAssembly.Module(bytes)); ${AFTER}`), expected());
});

test('a failed init (a missing file, bytes that are not a module) rejects, and a retry loads', () => {
  const out = inFreshProcess(`
    const failures = [];
    for (const input of [{ url: new URL('./missing.wasm', ${JSON.stringify(CORE)}) }, { bytes: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) }]) {
      try {
        await cp.init(input);
        failures.push('loaded');
      } catch (e) {
        failures.push(e.name);
      }
    }
    const between = { loaded: cp.isInitialized(), error: caught(() => cp.toSi('1 m', 'length')).name };
    await cp.init({ bytes });
    return { failures, between, ...(${`(() => { ${AFTER} })`})() };
  `);
  assert.deepEqual(out.failures, ['Error', 'CompileError']);
  assert.deepEqual(out.between, { loaded: false, error: 'NotInitializedError' });
  const { failures, between, ...after } = out;
  assert.deepEqual(after, expected());
});

test('init refuses what it cannot load from with a TypeError; calls after loading resolve at once', () => {
  const out = inFreshProcess(`
    const refused = [];
    for (const input of ['./x.wasm', { url: 'x.wasm', bytes }, {}, { module: bytes }, { bytes: 'abc' }, { url: 12 }]) {
      try { await cp.init(input); refused.push('loaded'); } catch (e) { refused.push(e.name); }
    }
    const sync = caught(() => cp.initSync('x.wasm'));
    await cp.init({ bytes });
    await cp.init({ url: 'https://nowhere.invalid/x.wasm' });
    cp.initSync(new Uint8Array(4));
    return { refused, sync: sync.name, loaded: cp.isInitialized() };
  `);
  assert.deepEqual(out, { refused: Array(6).fill('TypeError'), sync: 'TypeError', loaded: true });
});

test('initSync while init is loading is refused, and the load completes', () => {
  const out = inFreshProcess(`
    const pending = cp.init({ bytes });
    const refused = caught(() => cp.initSync(bytes));
    await pending;
    return { refused: refused && refused.message, si: cp.toSi('1 km', 'length') };
  `);
  assert.deepEqual(out, { refused: 'initSync: init() is loading the engine already; await it instead', si: 1000 });
});

test('require() of cleanprod/core, then initSync', () => {
  const out = inFreshProcess(`
    const core = require('../pkg/core.js');
    core.initSync(bytes);
    return { same: core.toSi('1 km', 'length'), loadedHere: cp.isInitialized() };
  `);
  // require() and import share one module instance: one load serves both.
  assert.deepEqual(out, { same: 1000, loadedHere: true });
});

test('the package exports the wasm file and both entries', () => {
  const pkg = JSON.parse(readFileSync(new URL('../pkg/package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.exports['./cleanprod_wasm_bg.wasm'], './cleanprod_wasm_bg.wasm');
  assert.deepEqual(pkg.exports['./core'], { types: './core.d.ts', default: './core.js' });
  assert.equal(pkg.exports['.'].default, './index.js');
  assert.equal(auto.isInitialized(), true);
  assert.equal(auto.wasmUrl.href, new URL('../pkg/cleanprod_wasm_bg.wasm', import.meta.url).href);
});

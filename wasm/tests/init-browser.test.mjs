// Loading the engine in a real browser (Debian's Chromium, headless, driven by playwright-core):
// `cleanprod/core` from a URL that first answers 503 and then the module, from a compiled module,
// from bytes and synchronously; the auto-init entry under a Content-Security-Policy with and
// without 'wasm-unsafe-eval'; and the `cleanprod/worker` entry, without an import map, keeping
// the engine's error fields. Each case is a fresh page: the engine is loaded once per page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

import { chromium } from 'playwright-core';
import { serve } from '../demo/serve.mjs';
import * as cp from '../pkg/index.js';
import { readFixture } from './helpers.mjs';

const WASM = new URL('../pkg/cleanprod_wasm_bg.wasm', import.meta.url);
const DOC = readFixture('documents/valid/effects.toml');

let server;
let browser;
let origin;
let cdn;
let cdnOrigin;
/** Requests of the flaky wasm URL: the first of each `?round=` answers 503. */
const flaky = new Map();

before(async () => {
  server = await serve();
  const [files] = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/flaky/cleanprod_wasm_bg.wasm') {
      const round = url.searchParams.get('round');
      flaky.set(round, (flaky.get(round) ?? 0) + 1);
      if (flaky.get(round) === 1) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('try again');
      } else {
        res.writeHead(200, { 'content-type': 'application/wasm' }).end(await readFile(WASM));
      }
    } else if (url.pathname === '/preload') {
      // The README's preload hints; `?crossorigin=0` leaves the attribute out.
      const cors = url.searchParams.get('crossorigin') === '0' ? '' : ' crossorigin';
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><meta charset="utf-8"><title>cleanprod</title>
        <link rel="modulepreload" href="/pkg/core.js">
        <link rel="modulepreload" href="/pkg/cleanprod_wasm.js">
        <link rel="preload" href="/pkg/cleanprod_wasm_bg.wasm" as="fetch" type="application/wasm"${cors}>`);
    } else if (url.pathname === '/from-cdn') {
      // The README's snippet with the package on another origin.
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><meta charset="utf-8"><title>cleanprod</title>
        <script type="module" src="${cdnOrigin}/pkg/widget.js"></script>
        <cleanprod-calculator sector="hotel"></cleanprod-calculator>`);
    } else if (url.pathname === '/blank') {
      // An empty page; `?csp=` sets its Content-Security-Policy.
      const csp = url.searchParams.get('csp');
      res.writeHead(200, { 'content-type': 'text/html', ...(csp ? { 'content-security-policy': csp } : {}) })
        .end('<!doctype html><meta charset="utf-8"><title>cleanprod</title>');
    } else {
      files(req, res);
    }
  });
  origin = `http://127.0.0.1:${server.address().port}`;
  // A second origin standing for a CDN: the package's files with CORS.
  cdn = await serve();
  const [cdnFiles] = cdn.listeners('request');
  cdn.removeAllListeners('request');
  cdn.on('request', (req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    cdnFiles(req, res);
  });
  cdnOrigin = `http://localhost:${cdn.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  cdn?.close();
});

/** A fresh page on the test server; `problems` collects uncaught errors. */
async function blank(query = '') {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${origin}/blank${query}`);
  return { page, problems };
}

const expected = () => ({ si: cp.toSi('12 m3/d', 'volume_rate'), evaluation: cp.evaluate(DOC) });

test('Chromium: a 503 rejects init, functions still throw NotInitializedError, and a retry loads', async () => {
  const { page, problems } = await blank();
  const out = await page.evaluate(async (doc) => {
    const core = await import('/pkg/core.js');
    const caught = (f) => { try { f(); return null; } catch (e) { return { name: e.name, code: e.code }; } };
    const before = caught(() => core.evaluate(doc));
    const url = '/flaky/cleanprod_wasm_bg.wasm?round=page';
    let first;
    try {
      await core.init({ url });
      first = 'loaded';
    } catch (e) {
      first = e.message;
    }
    const between = caught(() => core.toSi('1 m', 'length'));
    await core.init({ url });
    return { before, first, between, loaded: core.isInitialized(), si: core.toSi('12 m3/d', 'volume_rate'), evaluation: core.evaluate(doc) };
  }, DOC);
  assert.deepEqual(out.before, { name: 'NotInitializedError', code: 'not_initialized' });
  assert.match(out.first, /503/);
  assert.deepEqual(out.between, { name: 'NotInitializedError', code: 'not_initialized' });
  assert.equal(out.loaded, true);
  assert.equal(flaky.get('page'), 2);
  assert.deepEqual({ si: out.si, evaluation: out.evaluation }, expected());
  assert.deepEqual(problems, []);
});

for (const [name, load] of [
  ['the default URL (next to core.js)', 'await core.init()'],
  ['a URL given', "await core.init({ url: new URL('/pkg/cleanprod_wasm_bg.wasm', location.href) })"],
  ['a compiled module', "await core.init({ module: await WebAssembly.compileStreaming(fetch(core.wasmUrl)) })"],
  ['bytes', "await core.init({ bytes: await (await fetch(core.wasmUrl)).arrayBuffer() })"],
  ['initSync of a compiled module', "core.initSync(await WebAssembly.compileStreaming(fetch(core.wasmUrl)))"],
  ['initSync of bytes', "core.initSync(new Uint8Array(await (await fetch(core.wasmUrl)).arrayBuffer()))"],
]) {
  test(`Chromium: init from ${name}`, async () => {
    const { page, problems } = await blank();
    const out = await page.evaluate(`(async () => {
      const core = await import('/pkg/core.js');
      ${load};
      return { si: core.toSi('12 m3/d', 'volume_rate'), evaluation: core.evaluate(${JSON.stringify(DOC)}) };
    })()`);
    assert.deepEqual(out, expected());
    assert.deepEqual(problems, []);
  });
}

test('Chromium: a CSP needs \'wasm-unsafe-eval\' to load the engine', async () => {
  const run = async (csp) => {
    const { page } = await blank(`?csp=${encodeURIComponent(csp)}`);
    return page.evaluate(async () => {
      const core = await import('/pkg/core.js');
      try {
        await core.init();
        return core.toSi('1 km', 'length');
      } catch (e) {
        return e.name;
      }
    });
  };
  assert.equal(await run("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"), 1000);
  assert.equal(await run("default-src 'self'; script-src 'self' 'unsafe-inline'"), 'CompileError');
});

test('Chromium: the cleanprod/worker entry, without an import map, keeps code, path and value of errors', async () => {
  const { page, problems } = await blank();
  const hotel = await readFile(new URL('../../examples/hotel.toml', import.meta.url), 'utf8');
  const bad = hotel.replace(/water = "[^"]*"/, 'water = "0.85 USD/kg"');
  assert.notEqual(bad, hotel);
  const out = await page.evaluate(async ({ hotel, bad }) => {
    const worker = new Worker('/pkg/worker.js', { type: 'module' });
    const answers = new Map();
    let ready;
    const isReady = new Promise((r) => { ready = r; });
    worker.onmessage = (e) => (e.data.ready ? ready() : answers.get(e.data.id)(e.data));
    await isReady;
    let id = 0;
    const ask = (message) => new Promise((resolve) => {
      id += 1;
      answers.set(id, resolve);
      worker.postMessage({ id, ...message });
    });
    const result = {
      evaluate: await ask({ op: 'evaluate', doc: bad }),
      simulate: await ask({ op: 'simulate', doc: hotel, options: { draws: 0 } }),
      risk: await ask({ op: 'risk', doc: bad }),
      good: await ask({ op: 'evaluate', doc: hotel }),
    };
    worker.terminate();
    return result;
  }, { hotel, bad });
  const errorOf = (f) => {
    try {
      f();
    } catch (e) {
      return { name: e.name, code: e.code, path: e.path, value: e.value, message: e.message };
    }
    throw new Error('no error');
  };
  // The same error fields as the package's own functions throw in Node.
  assert.deepEqual(out.evaluate, { id: 1, ok: false, error: errorOf(() => cp.evaluate(bad)) });
  assert.equal(out.evaluate.error.path, 'prices.water');
  assert.equal(out.evaluate.error.value, '0.85 USD/kg');
  assert.deepEqual(out.simulate, { id: 2, ok: false, error: errorOf(() => cp.simulate(hotel, { draws: 0 })) });
  assert.notEqual(out.simulate.error.code, 'error');
  assert.deepEqual(out.risk.error, out.evaluate.error);
  assert.deepEqual(out.good.value.evaluation, cp.evaluate(hotel));
  assert.deepEqual(problems, []);
});

test('Chromium: schema.js is loaded by schema() only, not by importing the package', async () => {
  const { page, problems } = await blank();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const loaded = await page.evaluate(async () => {
    const auto = await import('/pkg/index.js');
    return auto.toSi('1 km', 'length');
  });
  assert.equal(loaded, 1000);
  assert.ok(requested.includes('/pkg/cleanprod_wasm_bg.wasm'));
  assert.ok(!requested.includes('/pkg/schema.js'), `requested: ${requested.join(' ')}`);
  const title = await page.evaluate(async () => (await (await import('/pkg/index.js')).schema()).title);
  assert.equal(title, (await cp.schema()).title);
  assert.ok(requested.includes('/pkg/schema.js'));
  assert.deepEqual(problems, []);
});

test('Chromium: the README\'s preload hints are used by init (with crossorigin), the wasm is fetched once', async () => {
  const fetches = async (query) => {
    const page = await browser.newPage();
    const wasm = [];
    page.on('request', (r) => new URL(r.url()).pathname === '/pkg/cleanprod_wasm_bg.wasm' && wasm.push(r.url()));
    await page.goto(`${origin}/preload${query}`, { waitUntil: 'load' });
    const si = await page.evaluate(async () => {
      const core = await import('/pkg/core.js');
      await core.init();
      return core.toSi('1 km', 'length');
    });
    assert.equal(si, 1000);
    await page.close();
    return wasm.length;
  };
  assert.equal(await fetches(''), 1);
  // Without `crossorigin` the preload is not reused: the README says why it is needed.
  assert.equal(await fetches('?crossorigin=0'), 2);
});

test('Chromium: <cleanprod-calculator> served from another origin (a CDN) starts its worker and computes', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${origin}/from-cdn`);
  await page.waitForFunction(() => document.querySelector('cleanprod-calculator').result !== null, null, { timeout: 60_000 });
  const result = await page.evaluate(() => document.querySelector('cleanprod-calculator').result);
  assert.deepEqual(result.evaluation, cp.evaluate(result.document));
  assert.ok(result.evaluation.options.length > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

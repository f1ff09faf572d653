// The npm package in a real browser: Debian's Chromium, headless, driven by playwright-core,
// loading the package from a local static server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { chromium } from 'playwright-core';
import { ROOT } from './helpers.mjs';
import { goldenNames } from './golden.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.toml': 'text/plain' };

function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium not found on PATH: install Debian\'s chromium package (scripts/test does)');
  }
}

function serve() {
  const server = createServer(async (req, res) => {
    const file = path.join(ROOT, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the package parses a document and throws real errors in Chromium', async () => {
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/wasm/tests/browser/index.html?golden=${goldenNames().join(',')}`);
    await page.waitForFunction(() => window.cleanprodResult !== undefined, null, { timeout: 20_000 });
    const result = await page.evaluate(() => window.cleanprodResult);
    assert.deepEqual(pageErrors, []);
    assert.equal(result.summary.annual_output, '52000 guest-night');
    assert.equal(result.summary.operating_time, '8760 h');
    assert.deepEqual(
      { isRangeError: result.error.isRangeError, name: result.error.name, code: result.error.code, path: result.error.path },
      { isRangeError: true, name: 'RangeError', code: 'price_dimension', path: 'prices.water' },
    );
    assert.match(result.error.message, /per volume/);
    assert.ok(Math.abs(result.afterError - 12) < 1e-12);
    // Chromium's WebAssembly gives the draws and NPVs of the Rust suite, bit for bit.
    assert.equal(result.riskRuns, 2);
    assert.deepEqual(result.riskDifferences, []);
    // Chromium gives every golden report of the Rust suite bit for bit.
    assert.equal(result.goldenCompared, goldenNames().length);
    assert.deepEqual(result.goldenDifferences, []);
    assert.match(await page.textContent('#out'), /Annual output \| 52000 guest-night/);
    // Each web limit + 1 is a named RangeError, and the page still computes afterwards.
    const limits = await page.evaluate(async () => {
      const cp = await import('/wasm/pkg/index.js');
      const base = 'format = "cleanprod/1"\ncurrency = "USD"\n[site]\nname = "x"\nsector = "hotel"\n'
        + '[schedule]\ndays_per_year = 365\nhours_per_day = "24 h"\n[production]\nproduct = "guest-night"\n'
        + 'output = "100 /d"\n[prices]\nwater = "2 USD/m3"\n[finance]\ndiscount_rate = "10 %"\nhorizon = "10 yr"\n';
      const option = (i) => `[[options]]\nid = "o${i}"\ntitle = "o"\ncategory = "good_housekeeping"\n`
        + 'effects = [{ kind = "saving", resource = "water", amount = "1 m3/yr" }]\n';
      const many = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
      const cases = {
        options: base + many(501, option),
        prices: base.replace('[prices]\n', `[prices]\n${many(1000, (i) => `p${i} = "1 USD/m3"\n`)}`),
        bytes: `${base}# ${'x'.repeat(4 << 20)}\n`,
        draws: `${base}${option(0)}[uncertainty]\ndraws = 100001\n`,
      };
      const out = {};
      for (const [key, text] of Object.entries(cases)) {
        try {
          cp.parse(text);
          out[key] = 'read';
        } catch (e) {
          out[key] = { isRangeError: e instanceof RangeError, code: e.code, path: e.path };
        }
      }
      out.after = cp.toSi('12 m3', 'volume');
      return out;
    });
    for (const [key, path] of [['options', 'options'], ['prices', 'prices'], ['bytes', ''], ['draws', 'uncertainty.draws']]) {
      assert.deepEqual(limits[key], { isRangeError: true, code: 'limit_exceeded', path }, key);
    }
    assert.equal(limits.after, 12);
  } finally {
    await browser.close();
    server.close();
  }
});

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

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.toml': 'text/plain' };

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
    await page.goto(`http://127.0.0.1:${port}/wasm/tests/browser/index.html`);
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
    assert.match(await page.textContent('#out'), /Annual output \| 52000 guest-night/);
  } finally {
    await browser.close();
    server.close();
  }
});

// The reports as a browser shows and prints them: each self-contained HTML report (from the
// npm package, the same text as `cleanprod report`) opened in headless Chromium with no
// console error, no request to the network, nothing wider than the page on screen or on A4,
// and a screenshot and a PDF kept under target/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { chromium } from 'playwright-core';
import { ROOT } from './helpers.mjs';
import * as cp from '../pkg/index.js';

const ARTIFACTS = path.join(ROOT, 'target', 'artifacts');
const CASES = [
  ['tannery-pre-assessment', 'examples/tannery.toml', { kind: 'pre-assessment' }],
  ['tannery-proposal-es', 'examples/tannery.toml', { kind: 'proposal', option: 'chrome_recovery', lang: 'es', draws: 500 }],
  ['hotel-proposal', 'examples/hotel.toml', { kind: 'proposal' }],
  ['effects-proposal-financed', 'tests/fixtures/documents/valid/effects.toml', { kind: 'proposal', option: 'flow_restrictor' }],
];

let browser;
before(async () => {
  const executablePath = process.env.CHROMIUM
    ?? execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => browser?.close());

for (const [name, source, options] of CASES) {
  test(`report ${name} renders and prints cleanly in Chromium`, async () => {
    const html = cp.report(readFileSync(path.join(ROOT, source), 'utf8'), options);
    // A4 width at 96 dpi: 210 mm = 794 px.
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    const requests = [];
    await page.route('**/*', (route) => { requests.push(route.request().url()); return route.abort(); });
    await page.setContent(html, { waitUntil: 'load' });
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [], 'a self-contained report asks the network for nothing');
    const layout = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => el.tagName.toLowerCase() + (el.className?.baseVal ?? el.className ? `.${el.className?.baseVal ?? el.className}` : ''));
      return { scroll: document.documentElement.scrollWidth, width, wide, svgs: document.querySelectorAll('svg').length };
    });
    assert.ok(layout.scroll <= layout.width, `page scrolls sideways: ${layout.scroll} > ${layout.width}`);
    assert.deepEqual(layout.wide, [], 'elements wider than the page');
    assert.ok(layout.svgs >= 1, 'the report draws its charts');
    await page.screenshot({ path: path.join(ARTIFACTS, `report-${name}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-');
    writeFileSync(path.join(ARTIFACTS, `report-${name}.pdf`), pdf);
    await page.close();
  });
}

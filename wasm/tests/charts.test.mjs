// Charts from JS: byte for byte the golden SVGs the Rust suite writes
// (tests/fixtures/expected/charts, listed in charts.json), through the function and the class.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { FIXTURES, ROOT } from './helpers.mjs';

const CHARTS = path.join(FIXTURES, 'expected', 'charts');
const MANIFEST = JSON.parse(readFileSync(path.join(CHARTS, 'charts.json'), 'utf8')).charts;

for (const c of MANIFEST) {
  test(`golden chart ${c.file}`, () => {
    const text = readFileSync(path.join(ROOT, c.source), 'utf8');
    const want = readFileSync(path.join(CHARTS, c.file), 'utf8');
    assert.equal(cp.chart(text, c.kind, c.options), want);
    const a = new cp.Assessment(text);
    try {
      const chart = a.chart(c.kind, c.options);
      assert.equal(chart.svg, want);
      assert.equal(chart.kind, c.kind);
      assert.ok(chart.title.length > 0 && chart.table.columns.length > 0);
    } finally {
      a.free();
    }
  });
}

test('chart errors are real Errors naming the field', () => {
  const text = readFileSync(path.join(ROOT, 'examples/tannery.toml'), 'utf8');
  assert.throws(() => cp.chart(text, 'pie'), (e) => e instanceof Error && e.path === 'kind');
  assert.throws(() => cp.chart(text, 'cash-flow', { option: 'nope' }), (e) => e instanceof Error && /nope/.test(e.message));
  assert.throws(() => cp.chart(text, 'sankey', { colour: 'red' }), (e) => e instanceof Error && e.path === 'colour');
  assert.throws(() => cp.chart(text, 5), TypeError);
});

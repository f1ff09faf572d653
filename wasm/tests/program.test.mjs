// Programmes from JS: the same rows and totals as the single assessments, failures reported
// without stopping the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { ROOT } from './helpers.mjs';

const EXAMPLES = path.join(ROOT, 'examples');
const documents = readdirSync(EXAMPLES).filter((n) => n.endsWith('.toml')).sort()
  .map((name) => ({ name, text: readFileSync(path.join(EXAMPLES, name), 'utf8') }));

test('a programme of the examples adds up their portfolios, per currency', () => {
  const p = cp.program(documents);
  assert.equal(p.documents, documents.length);
  assert.deepEqual(p.failures, []);
  for (const site of p.sites) {
    const all = cp.evaluate(documents.find((d) => d.name === site.document).text).portfolio.all;
    assert.ok(Math.abs(site.capex - all.capex) <= 1e-9 * Math.max(1, Math.abs(all.capex)), site.document);
  }
  for (const m of p.totals.money) {
    const want = p.sites.filter((s) => s.currency === m.currency).reduce((x, s) => x + s.capex, 0);
    assert.ok(Math.abs(m.investment - want) <= 1e-9 * Math.max(1, want), m.currency);
  }
});

test('a failing document is reported with its path, the others evaluated', () => {
  const broken = { name: 'broken.toml', text: documents[0].text.replace('format = "cleanprod/1"', 'format = "cleanprod/9"') };
  const p = cp.program([broken, documents[1]]);
  assert.equal(p.sites.length, 1);
  assert.equal(p.failures[0].document, 'broken.toml');
  assert.equal(p.failures[0].path, 'format');
  assert.throws(() => cp.program('examples'), TypeError);
});

test('bad programme options name their field', () => {
  assert.throws(
    () => cp.program(documents, { threads: 'two' }),
    (e) => e instanceof TypeError && e.path === 'threads' && typeof e.code === 'string',
  );
});

test('a programme chart is drawn by the core from the programme', () => {
  const rates = { exchange_rates: { currency: 'USD', rates: { MXN: 0.055, INR: 0.012 } } };
  const p = cp.program(documents, rates);
  const c = cp.programmeChart(p, { by: 'status', lang: 'es' });
  assert.equal(c.kind, 'programme');
  assert.ok(c.title.includes('por estado'), c.title);
  assert.equal(c.table.rows.length, p.by_status.length);
  assert.ok(c.svg.includes('data-panel="investment"'));
  assert.throws(
    () => cp.programmeChart(p, { by: 'size' }),
    (e) => e instanceof TypeError && e.path === 'by',
  );
});

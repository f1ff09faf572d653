// The JS surface beyond the shared fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { ROOT } from './helpers.mjs';

const tannery = readFileSync(path.join(ROOT, 'examples', 'tannery_measured.toml'), 'utf8');

test('parse returns the canonical document as a plain object', () => {
  const doc = cp.parse(tannery);
  assert.equal(doc.format, cp.formatVersion());
  assert.equal(doc.production.output, '12 t/d');
  assert.equal(doc.prices.water, '32 MXN/m3');
  assert.equal(Object.getPrototypeOf(doc), Object.prototype);
});

test('a wrong dimension in an object names the path', () => {
  const doc = cp.parse(tannery);
  doc.production.output = '12 kWh';
  assert.throws(() => cp.parse(doc), (err) => {
    assert.ok(err instanceof RangeError);
    assert.equal(err.code, 'unit_dimension');
    assert.equal(err.path, 'production.output');
    assert.match(err.message, /production\.output.*energy.*mass rate/);
    return true;
  });
});

test('NaN and wrong shapes are errors, not results', () => {
  const doc = cp.parse(tannery);
  doc.schedule.batches_per_day = NaN; // JSON.stringify writes null
  assert.throws(() => cp.parse(doc), TypeError);
  assert.throws(() => cp.parse(42), TypeError);
  assert.throws(() => cp.parse('{'), SyntaxError);
  assert.throws(() => cp.toSi('1 m', 'speed'), (err) => err instanceof TypeError && err.code === 'unknown_variant');
});

test('the module survives errors (no trapped instance)', () => {
  for (let i = 0; i < 3; i++) {
    assert.throws(() => cp.toSi('12 psi', 'pressure'), RangeError);
  }
  assert.equal(cp.toSi('0 psig', 'pressure'), 101325);
});

test('schema and markdown', async () => {
  const s = await cp.schema();
  assert.equal(s.title, 'cleanprod assessment document');
  assert.equal(s.additionalProperties, false);
  assert.match(cp.summaryMarkdown(tannery), /\| Annual output \| 3360 t \|/);
});

test('reconcile lists each component test and its adjusted measurements', () => {
  const doc = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'documents', 'valid', 'flowsheet.toml'), 'utf8');
  const [water] = cp.reconcile(doc);
  assert.equal(water.component, 'water');
  assert.ok(Math.abs(water.test.chi_square - 2) < 1e-12);
  assert.deepEqual(water.adjustments.map((s) => s.stream).sort(), ['m1', 'm2']);
  assert.deepEqual(cp.reconcile(tannery).map((r) => r.component), ['water']);
});

test('portfolio applies options in the order asked and names bad ids', () => {
  const text = readFileSync(path.join(ROOT, 'tests/fixtures/documents/valid/effects.toml'), 'utf8');
  const s = cp.portfolio(text, ['flow_restrictor', 'conductivity_control']);
  assert.deepEqual(s.total.ids, ['flow_restrictor', 'conductivity_control']);
  // Halving the same rinse twice: the second saves 750, not 1,500.
  assert.ok(Math.abs(s.steps[1].annual_saving - 750) < 1e-9);
  assert.throws(() => cp.portfolio(text, ['flow_restrictor', 'nothing']), (err) => {
    assert.ok(err instanceof TypeError);
    assert.equal(err.code, 'unknown_reference');
    assert.equal(err.path, 'ids[1]');
    return true;
  });
});

test('a missing price is a RangeError naming the resource', () => {
  const text = readFileSync(path.join(ROOT, 'tests/fixtures/documents/valid/effects.toml'), 'utf8')
    .replace('wastewater = "1 USD/m3"\n', '');
  assert.throws(() => cp.evaluate(text), (err) => {
    assert.ok(err instanceof RangeError);
    assert.equal(err.code, 'missing_price');
    assert.equal(err.value, 'wastewater');
    assert.match(err.message, /prices\.wastewater/);
    return true;
  });
});

test('rank orders options by a metric and refuses unknown metrics', () => {
  const text = readFileSync(path.join(ROOT, 'tests/fixtures/documents/valid/effects.toml'), 'utf8');
  const ev = cp.evaluate(text);
  assert.deepEqual(cp.rank(text, 'npv'), ev.portfolio.ranking);
  const paybacks = cp.rank(text, 'simple_payback').map((id) => ev.options.find((o) => o.id === id).simple_payback_years);
  assert.deepEqual(paybacks, [...paybacks].sort((a, b) => a - b));
  assert.throws(() => cp.rank(text, 'beauty'), (err) => err instanceof TypeError && err.code === 'unknown_variant');
});

const tanneryTemplate = readFileSync(path.join(ROOT, 'examples', 'tannery.toml'), 'utf8');

test('an Assessment parses once and answers like the stateless functions', () => {
  const a = new cp.Assessment(tanneryTemplate);
  try {
    assert.deepEqual(a.evaluate(), cp.evaluate(tanneryTemplate));
    assert.deepEqual(a.benchmarks(), cp.benchmarks(tanneryTemplate));
    assert.equal(a.benchmarks().sector, 'tanning');
    const r = a.report();
    assert.deepEqual(r, cp.report(tanneryTemplate));
    assert.deepEqual(r.options, a.evaluate().options);
    assert.deepEqual(r.summary, a.summary());
    assert.equal(r.currency, 'MXN');
    assert.deepEqual(a.rank('npv'), r.portfolio.ranking);
    assert.match(a.reportMarkdown(), /chrome/);
  } finally {
    a.free();
  }
  assert.throws(() => new cp.Assessment('format = 1'), TypeError);
});

test('a template for another sector than site.sector names both', () => {
  const doc = cp.parse(tanneryTemplate);
  doc.site.sector = 'hotel';
  assert.throws(() => new cp.Assessment(doc), (err) => {
    assert.ok(err instanceof RangeError);
    assert.equal(err.path, 'site.sector');
    assert.match(err.message, /hotel.*template\.tanning/);
    return true;
  });
});

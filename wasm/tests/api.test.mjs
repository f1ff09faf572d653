// The JS surface beyond the shared fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { ROOT } from './helpers.mjs';

const tannery = readFileSync(path.join(ROOT, 'examples', 'tannery.toml'), 'utf8');

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

test('schema and markdown', () => {
  const s = cp.schema();
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

// Every golden file of tests/fixtures/expected through the JS surface: the functions taking a
// document (report, reconcile, rank) and the Assessment class.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { ROOT } from './helpers.mjs';
import { TOLERANCE, assertMatches, close, difference, goldenNames, goldenSources, loadGolden } from './golden.mjs';
import { EXACT } from './compare.mjs';

const CLASSES = { syntax: SyntaxError, document: TypeError, unit: RangeError, value: RangeError };

const read = (source) => readFileSync(path.join(ROOT, source), 'utf8');

test('every example and valid fixture has a golden file', () => {
  assert.deepEqual(goldenNames(), goldenSources().map((n) => `${n}.json`).sort());
});

for (const name of goldenNames()) {
  test(`golden ${name}: report, reconcile and rank`, () => {
    const want = loadGolden(name);
    const text = read(want.source);
    const metrics = Object.keys(want.rank);
    const viaFunctions = {
      source: want.source,
      report: cp.report(text),
      reconcile: cp.reconcile(text),
      rank: Object.fromEntries(metrics.map((m) => [m, cp.rank(text, m)])),
    };
    assertMatches(viaFunctions, want, `${name} (functions)`);
    // Determinism: WebAssembly gives the figures of the native core bit for bit (every
    // transcendental goes through one libm), not only within the golden tolerance.
    assert.equal(difference(viaFunctions, want, '$', EXACT), null, `${name}: not bit-identical`);
    const a = new cp.Assessment(text);
    try {
      const viaClass = {
        source: want.source,
        report: a.report(),
        reconcile: a.reconcile(),
        rank: Object.fromEntries(metrics.map((m) => [m, a.rank(m)])),
      };
      assertMatches(viaClass, want, `${name} (Assessment)`);
    } finally {
      a.free();
    }
  });
}

test('golden errors of the invalid documents', () => {
  const cases = loadGolden('invalid.json');
  assert.ok(Object.keys(cases).length >= 120);
  for (const [name, want] of Object.entries(cases)) {
    const text = read(want.source);
    for (const [how, call] of [['report', () => cp.report(text)], ['Assessment', () => new cp.Assessment(text)]]) {
      assert.throws(call, (err) => {
        assert.ok(err instanceof CLASSES[want.category], `${name}: ${err}`);
        const got = {
          source: want.source,
          code: err.code,
          path: err.path,
          category: want.category,
          value: err.value,
          message: err.message,
        };
        assertMatches(got, want, `${name} (${how})`);
        return true;
      });
    }
  }
});

test('golden tolerance is the stated one', () => {
  assert.deepEqual([TOLERANCE.relative, TOLERANCE.absolute], [1e-9, 1e-12]);
});

test('golden comparison accepts differences within the tolerance', () => {
  const want = { a: [1.0, 1e6, 0.0, 'x', null, true], b: { c: -2.5 } };
  const got = { b: { c: -2.5 * (1 + 5e-10) }, a: [1, 1e6 + 1e-4, 5e-13, 'x', null, true] };
  assert.equal(difference(got, want), null);
});

test('golden comparison names the first difference', () => {
  const want = { report: { options: [{ npv: 100.0 }, { npv: 1.0 }] } };
  const cases = [
    [{ report: { options: [{ npv: 100.0 }, { npv: 1.0 + 2e-9 }] } }, '$.report.options[1].npv: got'],
    [{ report: { options: [{ npv: 100.0 }, { npv: 1e-11 }] } }, '$.report.options[1].npv'],
    [{ report: { options: [{ npv: 100.0 }] } }, '$.report.options: 1 items, want 2'],
    [{ report: { options: [{ npv: 100.0 }, {}] } }, '$.report.options[1]: key "npv" missing'],
    [{ report: { options: [{ npv: 100.0 }, { npv: 1.0, irr: 0.1 }] } }, 'key "irr" not expected'],
    [{ report: { options: [{ npv: '100' }, { npv: 1.0 }] } }, '$.report.options[0].npv: got string'],
    [{ report: { options: [{ npv: null }, { npv: 1.0 }] } }, '$.report.options[0].npv: got null'],
    [{ report: { options: [{ npv: undefined }, { npv: 1.0 }] } }, '$.report.options[0].npv: got undefined'],
  ];
  for (const [got, message] of cases) {
    const d = difference(got, want);
    assert.ok(d !== null && d.includes(message), `${d} does not contain ${message}`);
    assert.throws(() => assertMatches(got, want), /\$\.report\.options/);
  }
  assert.notEqual(difference('a', 'b'), null);
  assert.notEqual(difference(false, true), null);
  assert.ok(!close(1e-11, 0));
  assert.ok(close(1e-13, -1e-13));
});

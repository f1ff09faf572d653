// Hostile arguments (issue 18): a wrong type is a TypeError naming the argument, never a
// trapped module; numbers at the edges of f64 give right figures or named errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as cp from '../pkg/index.js';
import { readFixture } from './helpers.mjs';

const doc = readFixture('documents/valid/options.toml');

function throwsNaming(call, Class, path, words = []) {
  assert.throws(call, (err) => {
    assert.ok(err instanceof Class, `${err?.constructor?.name}: ${err}`);
    assert.ok(!(err instanceof WebAssembly.RuntimeError), String(err));
    assert.equal(err.path, path, err.message);
    assert.ok(err.message.includes(`\`${path}\``), err.message);
    for (const w of words) assert.ok(err.message.includes(w), `${w} not in ${err.message}`);
    return true;
  });
}

test('a wrong argument type is a TypeError naming the argument', () => {
  throwsNaming(() => cp.toSi(12, 'volume'), TypeError, 'text', ['string', 'number 12']);
  throwsNaming(() => cp.toSi('12 m3', 3), TypeError, 'dimension');
  throwsNaming(() => cp.rank(doc, 5), TypeError, 'metric');
  throwsNaming(() => cp.pmt(0.1, 10, 100, 0, 1), TypeError, 'when');
  throwsNaming(() => cp.pmt('0.1', 10, 100), TypeError, 'rate');
  throwsNaming(() => cp.npv(0.1, [1, 2], 7), TypeError, 'convention');
  throwsNaming(() => cp.npv(0.1, 'abc'), TypeError, 'values');
  throwsNaming(() => cp.report(42), TypeError, 'doc');
  throwsNaming(() => cp.portfolio(doc, 'aerators'), TypeError, 'ids');
  throwsNaming(() => cp.xnpv(0.1, '2020-01-01', [1]), TypeError, 'dates');
  throwsNaming(() => cp.cashFlows('plan'), TypeError, 'plan');
  throwsNaming(() => cp.utilities.steam_leak('150 psig'), TypeError, 'input');
  const a = new cp.Assessment(doc);
  try {
    throwsNaming(() => a.rank(5), TypeError, 'metric');
    throwsNaming(() => a.portfolio([1, 2]), TypeError, 'ids');
    // The object still works after a refused call.
    assert.deepEqual(a.rank('npv'), cp.rank(doc, 'npv'));
  } finally {
    a.free();
  }
  // Optional arguments may be left out or given as undefined.
  assert.equal(cp.npv(0.1, [-100, 110]), cp.npv(0.1, [-100, 110], undefined));
  // The module is not trapped: it still computes.
  assert.equal(cp.toSi('1 m3', 'volume'), 1);
});

test('null in a series is refused, not read as 0', () => {
  throwsNaming(() => cp.npv(0.1, [-100, null, 60]), TypeError, 'values', ['item 1', 'null']);
  throwsNaming(() => cp.irr([-100, undefined, 60]), TypeError, 'values', ['item 1']);
  throwsNaming(() => cp.npvBatch(0.1, [-100, '60'], 2), TypeError, 'values', ['item 1']);
  // Typed arrays are series as they are.
  assert.equal(cp.npv(0.1, new Float64Array([-100, 110])), cp.npv(0.1, [-100, 110]));
});

test('a row length that does not fit 32 bits is refused, not wrapped', () => {
  const v = new Float64Array([-100, 60, 60, -100, 60, 60]);
  throwsNaming(() => cp.irrBatch(v, 2 ** 32 + 3), RangeError, 'rowLength');
  throwsNaming(() => cp.irrBatch(v, 1.5), RangeError, 'rowLength');
  throwsNaming(() => cp.irrBatch(v, -3), RangeError, 'rowLength');
  throwsNaming(() => cp.loanSchedule(1000, 0.1, 5, -12), RangeError, 'paymentsPerYear');
  assert.equal(cp.irrBatch(v, 3).values.length, 2);
});

test('numbers at the edges of f64 give right figures or named errors', () => {
  assert.ok(Math.abs(cp.irr([-1e308, 1e308, 1e308]) - 0.618033988749895) < 1e-12);
  assert.ok(Math.abs(cp.capitalRecoveryFactor(1e-16, 10) - 0.1) < 1e-12);
  assert.ok(Math.abs(cp.nper(1e-17, -100, 1000) - 10) < 1e-9);
  assert.throws(() => cp.loanSchedule(1000, 1e308, 5), (e) => e instanceof RangeError && e.code === 'out_of_range');
  assert.throws(() => cp.toSi('1e308 t', 'mass'), (e) => e instanceof RangeError && e.code === 'unit_number');
});

test('the web limits: each limit + 1 is a named RangeError, the limit itself is read', () => {
  const option = (i) => `\n[[options]]\nid = "x${i}"\ntitle = "x"\ncategory = "good_housekeeping"\n`
    + 'effects = [{ kind = "saving", resource = "water", amount = "1 m3/yr" }]\n';
  // The fixture has 3 options; the web build reads at most 500.
  const withOptions = (n) => doc + Array.from({ length: n - 3 }, (_, i) => option(i)).join('');
  assert.equal(cp.parse(withOptions(500)).options.length, 500);
  assert.throws(() => cp.parse(withOptions(501)), (e) => e instanceof RangeError && e.code === 'limit_exceeded'
    && e.path === 'options' && /max_options/.test(e.message));
  assert.throws(() => cp.simulate(readFixture('documents/valid/risk.toml'), { draws: 100_001 }),
    (e) => e instanceof RangeError && e.code === 'limit_exceeded' && e.path === 'draws');
  let deep = 1;
  for (let i = 0; i < 40; i += 1) deep = [deep];
  const object = cp.parse(doc);
  object.site.extra = deep;
  assert.throws(() => cp.parse(object), (e) => e instanceof RangeError && e.code === 'limit_exceeded');
});

// The shared finance fixtures, batches and errors in JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as cp from '../pkg/index.js';
import { readJson } from './helpers.mjs';

const { cases } = readJson('finance.json');

function call(name, a) {
  const when = a.when ?? 'end';
  switch (name) {
    case 'npv': return cp.npv(a.rate, a.values, a.convention);
    case 'irr': return cp.irr(a.values);
    case 'irr_roots': return cp.irrRoots(a.values);
    case 'mirr': return cp.mirr(a.values, a.finance_rate, a.reinvest_rate);
    case 'payback': return cp.payback(a.values);
    case 'discounted_payback': return cp.discountedPayback(a.rate, a.values);
    case 'pmt': return cp.pmt(a.rate, a.nper, a.pv, a.fv ?? 0, when);
    case 'pv': return cp.pv(a.rate, a.nper, a.pmt, a.fv ?? 0, when);
    case 'fv': return cp.fv(a.rate, a.nper, a.pmt, a.pv, when);
    case 'nper': return cp.nper(a.rate, a.pmt, a.pv, a.fv ?? 0, when);
    case 'rate': return cp.rate(a.nper, a.pmt, a.pv, a.fv ?? 0, when);
    case 'ipmt': return cp.ipmt(a.rate, a.per, a.nper, a.pv, a.fv ?? 0, when);
    case 'ppmt': return cp.ppmt(a.rate, a.per, a.nper, a.pv, a.fv ?? 0, when);
    case 'xnpv': return cp.xnpv(a.rate, a.dates, a.amounts);
    case 'xirr': return cp.xirr(a.dates, a.amounts);
    case 'capital_recovery_factor': return cp.capitalRecoveryFactor(a.rate, a.periods);
    case 'levelized_cost': return cp.levelizedCost(a.rate, a.periods, a.investment, a.saving_per_period, a.om_change_per_period);
    case 'cash_flows': return cp.cashFlows(a).net;
    case 'financing_equity': return cp.financing(a.project, a.capex, a.terms).equity;
    default: throw new Error(`unknown function ${name}`);
  }
}

const close = (got, want, c) => Math.abs(got - want) <= Math.max(c.abs_tol ?? 0, (c.rel_tol ?? 0) * Math.abs(want));

test('published results', () => {
  assert.ok(cases.length >= 25);
  for (const c of cases) {
    const label = `${c.fn} ${JSON.stringify(c.args)}`;
    if (c.error) {
      assert.throws(() => call(c.fn, c.args), (e) => e instanceof Error && e.code === c.error, label);
      continue;
    }
    const got = call(c.fn, c.args);
    if (c.expected === null) assert.equal(got, null, label);
    else if (Array.isArray(c.expected)) {
      assert.equal(got.length, c.expected.length, label);
      got.forEach((g, i) => assert.ok(close(g, c.expected[i], c), `${label}: ${g}`));
    } else assert.ok(close(got, c.expected, c), `${label}: got ${got}, want ${c.expected}`);
  }
});

test('batches equal scalars row by row, with statuses', () => {
  const rows = [[-100, 60, 60], [1, 2, 3], [-100, NaN, 50], [-1, 2.3, -1.32]];
  const flat = Float64Array.from(rows.flat());
  const r = cp.irrBatch(flat, 3);
  assert.ok(r.values instanceof Float64Array && r.status instanceof Uint8Array);
  assert.deepEqual([...r.status], [0, 2, 4, 1]);
  assert.equal(r.values[0], cp.irr(rows[0]));
  assert.ok(Number.isNaN(r.values[1]) && Number.isNaN(r.values[2]));
  assert.equal(r.values[3], cp.irr(rows[3]));
  const p = cp.paybackBatch(Float64Array.from([-100, 50, 60, -100, 10, 10]), 3);
  assert.deepEqual([...p.status], [0, 5]);
  const n = cp.npvBatch(0.1, flat.subarray(0, 6), 3, 'excel');
  assert.equal(n.values[0], cp.npv(0.1, rows[0], 'excel'));
  assert.equal(n.values[1], cp.npv(0.1, rows[1], 'excel'));
  assert.throws(() => cp.npvBatch(0.1, flat, 5), RangeError);
});

test('errors are real Errors with codes; NaN is refused', () => {
  assert.throws(() => cp.irr([1, 2, 3]), (e) => e instanceof Error && !(e instanceof RangeError) && e.code === 'no_sign_change');
  assert.throws(() => cp.npv(0.1, [-1, NaN]), (e) => e instanceof RangeError && e.path === 'values[1]');
  assert.throws(() => cp.npv(-2, [-1, 2]), (e) => e instanceof RangeError && e.path === 'rate');
  assert.throws(() => cp.pmt(0.1, 10, 100, 0, 'middle'), TypeError);
  assert.throws(() => cp.xnpv(0.1, ['2020-02-30', '2021-01-01'], [-1, 2]), (e) => e instanceof RangeError && e.path === 'dates[0]');
  assert.throws(() => cp.xnpv(0.1, [42, '2021-01-01'], [-1, 2]), TypeError);
});

test('dates as Date objects or strings give the same XIRR', () => {
  const strings = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];
  const amounts = [-10000, 2750, 4250, 3250, 2750];
  const objects = strings.map((s) => new Date(`${s}T00:00:00Z`));
  assert.equal(cp.xirr(objects, amounts), cp.xirr(strings, amounts));
  assert.ok(Math.abs(cp.xirr(['2023-01-15', '2024-01-15'], [-100, 110], undefined, '30/360') - 0.1) < 1e-12);
});

test('loan schedule', () => {
  const s = cp.loanSchedule(100000, 0.06, 30, 12);
  assert.equal(s.length, 360);
  assert.ok(Math.abs(s[0].payment - 599.55) < 0.005);
  assert.ok(Math.abs(s.at(-1).balance) < 1e-6);
});

test('financing terms are checked', () => {
  assert.throws(() => cp.financing([-1000, 300], 1000, { loan_sahre: 0.6 }), (e) => e instanceof TypeError && e.path === 'loan_sahre');
  const out = cp.financing([-1000, 300, 300, 300], 1000, { loan_share: 0.6, annual_rate: 0.1, loan_years: 3 });
  assert.equal(out.dscr[0], null);
  assert.ok(Math.abs(out.dscr[1] - 300 / 241.26888218) < 1e-9);
});

// The multiple-IRR warning: the text Python raises as a MultipleIrrWarning for the same flows
// (python/tests/test_finance.py asserts the same string), both made by the engine.
const TWO_ROOTS_WARNING =
  'the cash flows have 2 internal rates of return [0.1, 0.2]; returning 0.2, the nearest to guess=0.25. Decide with NPV or MIRR.';

test('irrDetailed says when flows have several IRRs; irr stays a number', () => {
  const flows = [-1, 2.3, -1.32];
  const d = cp.irrDetailed(flows, 0.25);
  assert.equal(typeof cp.irr(flows, 0.25), 'number');
  assert.equal(d.rate, cp.irr(flows, 0.25));
  assert.ok(Math.abs(d.rate - 0.2) < 1e-9);
  assert.ok(Array.isArray(d.roots) && Array.isArray(d.warnings));
  assert.deepEqual(d.roots.map((r) => Number(r.toFixed(9))), [0.1, 0.2]);
  assert.deepEqual(d.roots, [...cp.irrRoots(flows)]);
  assert.equal(d.multiple, true);
  assert.equal(d.complete, true);
  assert.deepEqual(d.warnings, [TWO_ROOTS_WARNING]);
  // the default guess is 10 %: the other root
  assert.ok(Math.abs(cp.irrDetailed(flows).rate - 0.1) < 1e-9);

  const one = cp.irrDetailed(Float64Array.from([-100, 39, 59, 55, 20]));
  assert.equal(one.rate, cp.irr([-100, 39, 59, 55, 20]));
  assert.ok(Math.abs(one.rate - 0.28095) < 5e-6); // numpy-financial documentation
  assert.deepEqual([one.multiple, one.complete, one.warnings, one.roots], [false, true, [], [one.rate]]);
  assert.throws(() => cp.irrDetailed([1, 2, 3]), (e) => e instanceof Error && e.code === 'no_sign_change');

  // dated flows a whole number of 30/360 years apart: the same two roots
  const x = cp.xirrDetailed(['2021-01-01', '2022-01-01', '2023-01-01'], flows, 0.25, '30/360');
  assert.equal(x.multiple, true);
  assert.deepEqual(x.roots.map((r) => Number(r.toFixed(9))), [0.1, 0.2]);
  assert.equal(x.warnings.length, 1);
  assert.match(x.warnings[0], /^the cash flows have 2 internal rates of return/);
  assert.equal(x.rate, cp.xirr(['2021-01-01', '2022-01-01', '2023-01-01'], flows, 0.25, '30/360'));
});

// The same rows and the same expected names as python/tests/test_finance.py
// (test_status_names_match_js): the two packages name each row's status alike.
const STATUS_ROWS = {
  irr: { rows: [[-100, 60, 60], [1, 2, 3], [-100, NaN, 50], [-1, 2.3, -1.32], [-1, 1, -1]], names: ['ok', 'no_sign_change', 'invalid', 'multiple', 'no_root'] },
  payback: { rows: [[-100, 50, 60], [-100, 10, 10]], names: ['ok', 'never'] },
  profitability_index: { rows: [[-100, 60, 60], [100, 1, 1]], names: ['ok', 'invalid'] },
};

test('status names and descriptions come from the engine and match Python', () => {
  assert.deepEqual({ ...cp.STATUS_NAMES }, { 0: 'ok', 1: 'multiple', 2: 'no_sign_change', 3: 'no_root', 4: 'invalid', 5: 'never' });
  // the descriptions the package always had
  assert.deepEqual({ ...cp.STATUS }, {
    0: 'ok',
    1: 'ok, one of several roots',
    2: 'no sign change',
    3: 'no root in the searched range',
    4: 'invalid row (NaN or infinity)',
    5: 'never pays back',
  });
  assert.ok(Object.isFrozen(cp.STATUS) && Object.isFrozen(cp.STATUS_NAMES));
  const names = (r) => [...r.status].map((s) => cp.STATUS_NAMES[s]);
  const flat = (rows) => Float64Array.from(rows.flat());
  const { irr, payback, profitability_index: pi } = STATUS_ROWS;
  assert.deepEqual(names(cp.irrBatch(flat(irr.rows), 3)), irr.names);
  assert.deepEqual(names(cp.paybackBatch(flat(payback.rows), 3)), payback.names);
  assert.deepEqual(names(cp.discountedPaybackBatch(0, flat(payback.rows), 3)), payback.names);
  assert.deepEqual(names(cp.profitabilityIndexBatch(0, flat(pi.rows), 3)), pi.names);
});

test('names of conventions are checked by the engine', () => {
  assert.equal(cp.npv(0.1, [-1, 2], 'numpy'), cp.npv(0.1, [-1, 2]));
  assert.throws(() => cp.npv(0.1, [-1, 2], 'lotus'), (e) => e instanceof TypeError && e.path === 'convention' && e.value === 'lotus');
  assert.throws(() => cp.npvBatch(0.1, Float64Array.from([-1, 2]), 2, 'lotus'), (e) => e instanceof TypeError && e.path === 'convention');
  assert.equal(cp.pmt(0.1, 10, 100, 0, 'start'), cp.pmt(0.1, 10, 100, 0, 'begin'));
  assert.throws(() => cp.pmt(0.1, 10, 100, 0, 'middle'), (e) => e instanceof TypeError && e.path === 'when' && e.value === 'middle');
  assert.throws(() => cp.xnpv(0.1, ['2023-01-15', '2024-01-15'], [-100, 110], 'bus/252'), (e) => e instanceof TypeError && e.path === 'day_count');
  assert.throws(() => cp.loanSchedule(1000, 0.1, 2, 1, 1, 'deferred'), (e) => e instanceof TypeError && e.path === 'grace' && e.value === 'deferred');
  const g = cp.loanSchedule(10000, 0.10, 4, 1, 2, 'capitalized');
  assert.ok(Math.abs(g[1].balance - 12100) < 1e-9);
  assert.equal(cp.loanSchedule(12000, 0, 1).length, 12); // monthly by default
});

test('batch parameters are checked once, naming them', () => {
  const flat = Float64Array.from([-100, 60, 60]);
  assert.throws(() => cp.irrBatch(flat, 3, -2), (e) => e instanceof RangeError && e.path === 'guess');
  assert.throws(() => cp.npvBatch(-2, flat, 3), (e) => e instanceof RangeError && e.path === 'rate');
  assert.throws(() => cp.mirrBatch(flat, 3, 0.1, NaN), (e) => e instanceof RangeError && e.path === 'reinvest_rate');
  assert.throws(() => cp.discountedPaybackBatch(-1, flat, 3), (e) => e instanceof RangeError && e.path === 'rate');
  assert.throws(() => cp.profitabilityIndexBatch(Infinity, flat, 3), (e) => e instanceof RangeError && e.path === 'rate');
  assert.throws(() => cp.xnpv(0.1, [new Date(NaN), '2021-01-01'], [-1, 2]), (e) => e instanceof RangeError && e.path === 'dates[0]');
});

test('levelized cost: saving per period, then the O&M change', () => {
  // (A/P, 5 %, 10) = 0.1295046: (10,000 × 0.1295046 + 250) / 5,000
  const c = cp.levelizedCost(0.05, 10, 10000, 5000, 250);
  assert.ok(Math.abs(c - (1295.04575 + 250) / 5000) < 1e-8, `${c}`);
  assert.equal(cp.levelizedCost(0.05, 10, 10000, 5000), cp.levelizedCost(0.05, 10, 10000, 5000, 0));
});

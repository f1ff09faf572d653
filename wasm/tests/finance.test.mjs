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

// A loan fund from JS: the same books as the CLI, the books close every year, the draws are
// the same for a seed, and errors name the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { ROOT } from './helpers.mjs';

const FUND = readFileSync(path.join(ROOT, 'examples/funds/bajio_fund.toml'), 'utf8');
const documents = ['tannery.toml', 'tannery_measured.toml', 'automotive.toml']
  .map((name) => ({ name, text: readFileSync(path.join(ROOT, 'examples', name), 'utf8') }));

test('a fund lends to the examples and its books close every year', () => {
  const out = cp.fund(FUND, { documents });
  assert.equal(out.monte_carlo, null);
  assert.ok(out.fund.loans.length > 10);
  for (const y of out.fund.years) {
    const lhs = y.capital + y.cumulative_interest - y.cumulative_losses - y.outstanding;
    assert.ok(Math.abs(lhs - y.cash) <= 1e-6 * y.capital, `year ${y.year}`);
  }
  assert.ok(out.text.includes('leverage'));
  assert.equal(out.chart.kind, 'fund-balance');
  assert.ok(out.chart.svg.startsWith('<svg'));
});

test('draws are the same for a seed and give a survival probability', () => {
  const a = cp.fund(FUND, { documents, draws: 100, seed: 4, lang: 'es' });
  const b = cp.fund(FUND, { documents, draws: 100, seed: 4 });
  assert.deepEqual(a.monte_carlo, b.monte_carlo);
  assert.equal(a.monte_carlo.survival, a.monte_carlo.survived / 100);
  assert.equal(a.monte_carlo.yearly.length, 10);
  assert.ok(a.chart.svg.includes('Saldo del fondo'));
});

test('a bad fund names its field', () => {
  assert.throws(() => cp.fund(FUND.replace('share = 0.9 ', 'share = 1.9 '), { documents }),
    (e) => e.path === 'rules.share');
});

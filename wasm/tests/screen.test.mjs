// A region screened from JS: the same ranking as the CLI's, each firm's draws keyed by the seed
// and its id (the same in any table), statistics ordered, errors named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { ROOT } from './helpers.mjs';

const CSV = 'id,sector,raw_hides,rooms\nsmall,tanning,3 t/d,\nlarge,tanning,30 t/d,\nh,hotel,,90\n';
const UNCERTAINTY = {
  draws: 200,
  seed: 7,
  inputs: [
    { path: 'prices.water', distribution: 'triangular', spread: '± 30 %' },
    { path: 'finance.discount_rate', spread: '± 25 %' },
    { path: 'options.capex', distribution: 'triangular', min: '80 %', mode: '100 %', max: '150 %' },
  ],
};
const RATES = { currency: 'USD', rates: { MXN: 0.055 } };

test('a table of firms is screened with draws, ranked by a statistic of them', () => {
  const s = cp.screen(CSV, { by: 'npv_p10', exchange_rates: RATES, uncertainty: UNCERTAINTY });
  assert.equal(s.firms, 3);
  assert.equal(s.draws, 200);
  assert.deepEqual(s.failures, []);
  for (const r of s.ranking) {
    assert.equal(r.value, r.npv_p10);
    assert.ok(r.npv_p10 <= r.npv_p50 && r.npv_p50 <= r.npv_p90, r.id);
    assert.ok(r.probability_loss >= 0 && r.probability_loss <= 1, r.id);
  }
  for (let i = 1; i < s.ranking.length; i += 1) assert.ok(s.ranking[i - 1].value >= s.ranking[i].value);
  // The same firm alone, given as columns and rows: its draws do not depend on the table.
  const [header, , large] = CSV.trim().split('\n');
  const alone = cp.screen({ columns: header.split(','), rows: [large.split(',')] },
    { by: 'npv_p10', uncertainty: UNCERTAINTY });
  const inTable = s.ranking.find((r) => r.id === 'large');
  assert.ok(Math.abs(alone.ranking[0].npv_p10 * 0.055 - inTable.npv_p10) <= 1e-9 * Math.abs(inTable.npv_p10));
  // Without draws, no statistics, and ranking by one is an error naming `by`.
  const plain = cp.screen(CSV, { by: 'water' });
  assert.equal(plain.ranking[0].npv_mean, undefined);
  assert.throws(() => cp.screen(CSV, { by: 'npv_p10' }), (e) => e.path === 'by');
  assert.throws(() => cp.screen(42), TypeError);
});

// The release CLI, when built (scripts/test builds it before the JS suites).
const CLI = process.env.CLEANPROD_CLI ?? path.join(ROOT, 'target/release/cleanprod');

test('the JS screening is the CLI\'s, figure for figure', { skip: !existsSync(CLI) && `no ${CLI}` }, () => {
  const table = path.join(tmpdir(), `cleanprod-screen-${process.pid}.csv`);
  writeFileSync(table, CSV);
  const out = execFileSync(CLI, ['screen', table, '--uncertainty', JSON.stringify(UNCERTAINTY),
    '--rank', 'water', '--format', 'json'], { encoding: 'utf8' });
  rmSync(table);
  assert.deepEqual(cp.screen(CSV, { by: 'water', uncertainty: UNCERTAINTY }), JSON.parse(out));
});

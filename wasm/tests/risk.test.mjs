// Risk simulation from JS: the golden draws of the Rust suite reproduced bit for bit in Node
// (the browser suite checks Chromium), typed columns, closed forms and errors with paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { ROOT, readJson } from './helpers.mjs';

const golden = readJson('risk_draws.json');
const text = readFileSync(path.join(ROOT, golden.document), 'utf8');
const annuity = (1 - 1.1 ** -10) / 0.1;

test('golden draws are identical to the Rust ones', () => {
  for (const run of golden.runs) {
    const s = cp.simulate(text, { draws: run.draws, seed: run.seed, method: run.method });
    run.inputs.forEach((want, i) => {
      assert.equal(s.inputs[i].path, want.path);
      assert.ok(s.inputs[i].values instanceof Float64Array);
      assert.deepEqual(Array.from(s.inputs[i].values), want.values);
    });
    for (const want of run.npv) {
      const got = s.outputs.find((o) => o.option === want.option && o.metric === 'npv');
      assert.deepEqual(Array.from(got.values), want.values);
    }
    const rinse = s.outputs.find((o) => o.option === 'rinse' && o.metric === 'npv');
    assert.equal(rinse.probability_negative, run.probability_negative);
  }
});

test('closed-form loss probability, tornado, and the class method', () => {
  const a = new cp.Assessment(text);
  try {
    const s = a.simulate();
    assert.equal(s.draws, 2000);
    const npv = s.outputs.find((o) => o.option === 'rinse' && o.metric === 'npv');
    const exact = (10_000 / (1_000 * annuity) - 1) / 2;
    assert.ok(Math.abs(npv.probability_negative - exact) <= 1 / 2000 + 1e-12);
    assert.equal(npv.tornado[0].input, 'prices.water');
    assert.ok(Math.abs(npv.tornado[0].swing - 1_000 * 1.6 * annuity) < 1e-6);
    assert.equal(npv.values.length, 2000);
  } finally {
    a.free();
  }
});

test('bad settings and sections are errors with paths', () => {
  assert.throws(() => cp.simulate(text, { draws: 10, method: 'quasi' }), (e) => e instanceof Error && e.path === 'method');
  assert.throws(() => cp.simulate(text, { draws: 10, seed: 2 ** 53 }), (e) => e.path === 'seed');
  assert.throws(() => cp.simulate(text, { drawz: 10 }), (e) => e instanceof Error && /drawz/.test(e.message));
  const bad = text.replace('path = "options[1].capex"', 'path = "options[9].capex"');
  assert.throws(() => cp.simulate(bad, { draws: 10 }), (e) => e.path === 'uncertainty.inputs[1].path');
});

test('the tannery\'s figures for seed 7 equal the Rust ones (template route)', () => {
  const tannery = readJson('risk_tannery.json');
  const s = cp.simulate(readFileSync(path.join(ROOT, tannery.document), 'utf8'), { draws: tannery.draws, seed: tannery.seed });
  const npv = s.outputs.filter((o) => o.metric === 'npv');
  assert.deepEqual(npv.map((o) => o.option), tannery.npv.map((w) => w.option));
  tannery.npv.forEach((want, k) => {
    assert.deepEqual(npv[k].spread, want.spread);
    assert.equal(npv[k].probability_negative, want.probability_negative);
    assert.deepEqual(npv[k].tornado, want.tornado);
  });
});

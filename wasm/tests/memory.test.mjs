// No memory growth across 10,000 calls: the module's linear memory (where every document,
// result and error lives while a call runs) must not grow once warm, whether the caller frees
// wasm-owned objects itself or leaves them to the garbage collector (FinalizationRegistry).
// Wasm memory grows by 64 KiB pages and never shrinks, so a leak of even a few bytes a call
// shows as pages added over 10,000 calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

import * as cp from '../pkg/index.js';
import { ROOT } from './helpers.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

// A small document with options, so that 10,000 evaluations stay quick.
const doc = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'documents', 'valid', 'effects.toml'), 'utf8');
const bad = doc.replace('water = "2 USD/m3"', 'water = "2 USD/kWh"');
assert.notEqual(bad, doc);

/** A collection, then a pause long enough for the FinalizationRegistry's callbacks (which free
 * the wasm side of collected objects) to run. */
async function collect() {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
}

/** `calls` rounds of `round`, then the memory held after the last. */
async function after(calls, round) {
  for (let i = 0; i < calls; i += 1) {
    round(i);
    if (i % 500 === 499) await collect();
  }
  await collect();
  return cp.memoryBytes();
}

const rounds = {
  'finance functions': () => {
    cp.npv(0.1, [-100, 39, 59, 55, 20]);
    cp.irr([-100, 39, 59, 55, 20]);
    cp.pmt(0.05 / 12, 360, 200000);
  },
  'documents evaluated, errors thrown': () => {
    cp.rank(doc, 'npv');
    assert.throws(() => cp.parse(bad), (e) => e.path === 'prices.water');
  },
  'Assessment objects freed by the caller': () => {
    const a = new cp.Assessment(doc);
    a.rank('npv');
    a.free();
  },
  'Assessment objects left to the garbage collector': () => {
    new cp.Assessment(doc).rank('npv');
  },
};

for (const [name, round] of Object.entries(rounds)) {
  test(`no memory growth over 10,000 calls: ${name}`, async () => {
    // Warm: the allocator's pools and the module's first pages are made once.
    const warm = await after(1000, round);
    const end = await after(10_000, round);
    // Not one page more: a leak of 7 bytes a call would add one.
    assert.equal(end, warm, `${name}: ${warm} B after warming, ${end} B after 10,000 more calls`);
  });
}

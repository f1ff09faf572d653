// Timings of the npm package's finance batches in Node (V8, the engine of Chromium).
//   node wasm/bench/bench.mjs      (after scripts/build-wasm)
// Series are drawn with the same generator as the Rust benchmarks (benches/src/lib.rs).
import * as cp from '../pkg/index.js';

function conventionalRows(rows, len, seed) {
  const M = 6364136223846793005n, C = 1442695040888963407n, MASK = (1n << 64n) - 1n;
  let state = (BigInt(seed) * M + 1n) & MASK;
  const uniform = () => {
    state = (state * M + C) & MASK;
    return Number(state >> 11n) / 2 ** 53;
  };
  const out = new Float64Array(rows * len);
  let i = 0;
  for (let r = 0; r < rows; r++) {
    const outlay = 1000 + 99000 * uniform();
    out[i++] = -outlay;
    for (let t = 1; t < len; t++) out[i++] = 0.3 * outlay * uniform();
  }
  return out;
}

function best(fn, repeat = 7) {
  let min = Infinity;
  for (let k = 0; k < repeat; k++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const batch = conventionalRows(100_000, 20, 7);
const one = Array.from(conventionalRows(1, 20, 1));
console.log('| what | time |\n|---|---|');
console.log(`| irrBatch, 100,000 x 20 | ${best(() => cp.irrBatch(batch, 20)).toFixed(2)} ms |`);
console.log(`| npvBatch, 100,000 x 20 | ${best(() => cp.npvBatch(0.08, batch, 20)).toFixed(2)} ms |`);
const n = 20_000;
console.log(`| irr, one 20-period array | ${(best(() => { for (let k = 0; k < n; k++) cp.irr(one); }, 3) / n * 1e3).toFixed(2)} µs |`);

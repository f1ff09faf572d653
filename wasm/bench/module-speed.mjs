// The package's module (opt-level 3) against the calculator's (opt-level "z") on the same
// work, side by side in one process: medians of `evaluate` of the hotel example and of a
// 1,000-draw `simulate` of the tannery example.
//   node wasm/bench/module-speed.mjs        (after scripts/build-wasm)
import { readFileSync } from 'node:fs';

const pkg = new URL('../pkg/', import.meta.url);
const examples = new URL('../../examples/', import.meta.url);
const full = await import(new URL('cleanprod_wasm.js', pkg));
const lean = await import(new URL('cleanprod_widget.js', pkg));
full.initSync({ module: readFileSync(new URL('cleanprod_wasm_bg.wasm', pkg)) });
lean.initSync({ module: readFileSync(new URL('cleanprod_widget_bg.wasm', pkg)) });
const tannery = readFileSync(new URL('tannery.toml', examples), 'utf8');
const hotel = readFileSync(new URL('hotel.toml', examples), 'utf8');

function median(f, n) {
  const times = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

// The first round warms both modules up (compilation tiers); the second is the one to read.
for (const round of ['warm-up', 'measured']) {
  for (const [name, m] of [['package (opt-level 3)', full], ['calculator (opt-level "z")', lean]]) {
    const evaluate = median(() => m.evaluate(hotel), 15);
    const simulate = median(() => m.simulate(tannery, { draws: 1000 }), 3);
    console.log(`${round}, ${name}: evaluate hotel ${evaluate.toFixed(1)} ms, simulate tannery (1,000 draws) ${simulate.toFixed(0)} ms`);
  }
}

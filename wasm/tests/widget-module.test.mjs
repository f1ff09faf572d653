// The calculator's lean module (cleanprod_widget_bg.wasm, which <cleanprod-calculator>'s worker
// loads) against the package's module: the same canonical documents, appraisals, simulations
// and errors (class, code, path, value and message), for every shared fixture and example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import * as lean from '../pkg/cleanprod_widget.js';
import { ROOT, readJson, readFixture } from './helpers.mjs';

lean.initSync({ module: readFileSync(new URL('../pkg/cleanprod_widget_bg.wasm', import.meta.url)) });

/** What a call gives: its value, or its error's class and fields. */
function outcome(f) {
  try {
    return { value: f() };
  } catch (e) {
    return { error: { name: e.constructor.name, code: e.code, path: e.path, value: e.value, message: e.message } };
  }
}

const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.toml'))
  .map((f) => [f, readFileSync(path.join(ROOT, 'examples', f), 'utf8')]);

test('valid documents and examples: the same document, appraisal and charts', () => {
  const f = readJson('documents.json');
  const docs = [...f.valid.map((c) => [c.file, readFixture(c.file)]), ...examples];
  assert.ok(docs.length > 10);
  for (const [name, text] of docs) {
    assert.deepEqual(lean.parse(text), cp.parse(text), name);
    assert.deepEqual(outcome(() => lean.evaluate(text)), outcome(() => cp.evaluate(text)), name);
    for (const kind of ['cash-flow', 'cost-curve', 'sankey']) {
      assert.deepEqual(outcome(() => lean.chart(text, kind, {})), outcome(() => cp.chart(text, kind, {})), `${name} ${kind}`);
    }
  }
});

test('invalid documents: the same errors', () => {
  const f = readJson('documents.json');
  for (const c of f.invalid) {
    const text = readFixture(c.file);
    const got = outcome(() => lean.parse(text));
    assert.ok(got.error, c.file);
    assert.deepEqual(got, outcome(() => cp.parse(text)), c.file);
    assert.equal(got.error.code, c.code, c.file);
    assert.equal(got.error.path, c.path, c.file);
  }
});

test('uncertainty sections: the same simulation, the same errors', () => {
  const f = readJson('documents.json');
  for (const c of f.invalid_risk) {
    const text = readFixture(c.file);
    assert.deepEqual(outcome(() => lean.simulate(text, { draws: 10 })), outcome(() => cp.simulate(text, { draws: 10 })), c.file);
  }
  const text = readFixture('documents/valid/risk.toml');
  const columns = (s) => ({ ...s, inputs: s.inputs.map((i) => ({ ...i, values: Array.from(i.values) })), outputs: s.outputs.map((o) => ({ ...o, values: Array.from(o.values) })) });
  assert.deepEqual(columns(lean.simulate(text, { draws: 200 })), columns(cp.simulate(text, { draws: 200 })));
});

// Each sector's own build (sectors/<sector>/, with its own glue). It reads JSON (the form's),
// not TOML, and simulates only if its starting document has an `[uncertainty]` section.
const SECTORS = ['tanning', 'hotel', 'hospital', 'chemicals', 'automotive'];

test("each sector's build: the same results for its documents, a clear error for the others'", async () => {
  const f = readJson('documents.json');
  const docs = [...f.valid.map((c) => [c.file, readFixture(c.file)]), ...examples];
  for (const sector of SECTORS) {
    const own = await import(`../pkg/sectors/${sector}/cleanprod_widget.js`);
    own.initSync({ module: readFileSync(new URL(`../pkg/sectors/${sector}/cleanprod_widget_bg.wasm`, import.meta.url)) });
    let mine = 0;
    let others = 0;
    for (const [name, text] of docs) {
      const canonical = cp.parse(text);
      const json = JSON.stringify(canonical);
      const template = Object.keys(canonical.template ?? {})[0];
      const sectorOf = canonical.site?.sector;
      if (template === sector || (!template && sectorOf === sector)) {
        mine += 1;
        assert.deepEqual(own.parse(json), canonical, `${sector}: ${name}`);
        assert.deepEqual(outcome(() => own.evaluate(json)), outcome(() => cp.evaluate(text)), `${sector}: ${name}`);
        for (const kind of ['cash-flow', 'cost-curve', 'sankey']) {
          assert.deepEqual(outcome(() => own.chart(json, kind, {})), outcome(() => cp.chart(text, kind, {})), `${sector}: ${name} ${kind}`);
        }
        // TOML is refused, with the reason.
        const toml = outcome(() => own.parse(text));
        if (!text.trimStart().startsWith('{')) assert.match(toml.error?.message ?? '', /is TOML, which this build does not read/, `${sector}: ${name}`);
      } else if (sectorOf && SECTORS.includes(sectorOf)) {
        others += 1;
        const got = outcome(() => own.parse(json));
        assert.equal(got.error?.code, 'unknown_variant', `${sector}: ${name}`);
        assert.match(got.error.message, new RegExp(`expected one of ${sector}$`), `${sector}: ${name}`);
      }
    }
    assert.ok(mine >= 1 && others >= 4, `${sector}: ${mine} of its own, ${others} of others`);
    // The form's starting document: the canonical form of the TOML starter.
    const starter = readFileSync(new URL(`../pkg/starters/${sector}.toml`, import.meta.url), 'utf8');
    const starterJson = readFileSync(new URL(`../pkg/starters/${sector}.json`, import.meta.url), 'utf8');
    assert.deepEqual(own.parse(starterJson), cp.parse(starter), sector);
    assert.deepEqual(JSON.parse(starterJson), cp.parse(starter), sector);
    // The risk simulation: the package's figures when the starter has an [uncertainty] section,
    // else refused naming the section.
    const simulated = outcome(() => own.simulate(starterJson, { draws: 50, seed: 1 }));
    if (cp.parse(starter).uncertainty) {
      const plain = (s) => JSON.parse(JSON.stringify(s, (k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v)));
      assert.deepEqual(plain(simulated.value), plain(cp.simulate(starter, { draws: 50, seed: 1 })), sector);
    } else {
      assert.equal(simulated.error?.path, 'uncertainty', sector);
      assert.equal(outcome(() => own.chart(starterJson, 'tornado', {})).error?.path, 'kind', sector);
    }
  }
});

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

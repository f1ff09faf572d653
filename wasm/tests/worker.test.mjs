// The `cleanprod/worker` entry in Node: its messages, the form it describes from the schema and
// the starting documents, and the error fields it keeps. A worker's global scope is stood in
// for by `self` (listeners and posted messages) and `fetch` of the package's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import * as cp from '../pkg/index.js';

const listeners = [];
const posted = [];
globalThis.self = {
  addEventListener: (type, fn) => type === 'message' && listeners.push(fn),
  postMessage: (data) => posted.push(data),
};
const realFetch = globalThis.fetch;
globalThis.fetch = async (url) => {
  const u = new URL(url);
  if (u.protocol !== 'file:') return realFetch(url);
  try {
    const text = await readFile(fileURLToPath(u), 'utf8');
    return { ok: true, status: 200, text: async () => text };
  } catch {
    return { ok: false, status: 404, text: async () => '' };
  }
};
const { labelOf } = await import('../pkg/worker.js');

let next = 0;
/** Post a message to the worker and wait for its answer. */
async function ask(message) {
  next += 1;
  const id = next;
  for (const fn of listeners) fn({ data: { id, ...message } });
  for (let i = 0; i < 1000; i += 1) {
    const answer = posted.find((p) => p.id === id);
    if (answer) return answer;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('no answer');
}

const fieldsOf = (value) => value.groups.flatMap((g) => g.fields);

test('the worker says it is ready once the engine is loaded', () => {
  assert.deepEqual(posted[0], { ready: true });
});

test('the hotel form: labels, units, kinds and required figures from the schema and the starting document', async () => {
  const { ok, value } = await ask({ op: 'form', sector: 'hotel', options: ['low_flow_showers'] });
  assert.equal(ok, true);
  const fields = Object.fromEntries(fieldsOf(value).map((f) => [f.path, f]));
  const schema = await cp.schema();
  assert.equal(fields['template.hotel.rooms'].label, 'Rooms for sale');
  assert.equal(fields['template.hotel.rooms'].kind, 'number');
  assert.equal(fields['template.hotel.rooms'].required, true);
  assert.equal(fields['template.hotel.occupancy'].required, false);
  assert.deepEqual([fields['template.hotel.showers.flow'].value, fields['template.hotel.showers.flow'].unit], [12, 'L/min']);
  assert.equal(fields['template.hotel.showers.minutes'].required, true);
  // A choice lists the schema's values.
  assert.deepEqual(fields['template.hotel.category'].choices.map((c) => c.value), schema.$defs.HotelCategory.oneOf.map((c) => c.const));
  assert.equal(fields['template.hotel.category'].value, 'resort');
  // Only the options asked for, with the starting document's figures.
  assert.deepEqual(value.document.template.hotel.options, [{ id: 'low_flow_showers', capex: '6000 USD', lifetime: '8 yr' }]);
  // Every figure of the form is one the document has or the schema knows; the groups are the sub-tables.
  assert.deepEqual(value.groups.map((g) => g.path).slice(0, 3), ['template.hotel', 'template.hotel.showers', 'template.hotel.taps']);
});

test('fields: paths in the template, in the document, in a table by name and in a list', async () => {
  const { value } = await ask({ op: 'form', sector: 'hotel', fields: ['rooms', 'prices.water', 'finance.discount_rate', 'options.0.capex'] });
  const fields = fieldsOf(value);
  assert.deepEqual(fields.map((f) => f.path), ['template.hotel.rooms', 'prices.water', 'finance.discount_rate', 'template.hotel.options.0.capex']);
  assert.deepEqual(fields.map((f) => f.unit ?? null), [null, 'USD/m3', '%', 'USD']);
  assert.equal(fields[1].label, 'Prices by resource — water');
  assert.equal(value.groups.at(-1).label, 'low flow showers');
});

test('errors keep their code, path and value across the message', async () => {
  const unknown = await ask({ op: 'form', sector: 'hotel', fields: ['beds'] });
  assert.equal(unknown.ok, false);
  assert.deepEqual({ ...unknown.error, message: undefined }, { name: 'Error', code: 'unknown_field', path: 'template.hotel.beds', value: 'template.hotel.beds', message: undefined });
  const doc = cp.parse(await readFile(new URL('../../examples/hotel.toml', import.meta.url), 'utf8'));
  doc.template.hotel.showers.flow = '12 L';
  const bad = await ask({ op: 'evaluate', doc });
  assert.equal(bad.ok, false);
  assert.equal(bad.error.name, 'RangeError');
  assert.equal(bad.error.code, 'unit_dimension');
  assert.equal(bad.error.path, 'template.hotel.showers.flow');
  assert.equal(bad.error.value, '12 L');
  const missing = await ask({ op: 'form', sector: 'brewery' });
  assert.equal(missing.error.code, 'fetch_failed');
  const op = await ask({ op: 'nothing' });
  assert.equal(op.error.code, 'unknown_operation');
});

test('evaluate answers the package\'s own evaluation of the document', async () => {
  const text = await readFile(new URL('../../examples/hotel.toml', import.meta.url), 'utf8');
  const { ok, value } = await ask({ op: 'evaluate', doc: text });
  assert.equal(ok, true);
  assert.deepEqual(value.evaluation, cp.evaluate(text));
  assert.deepEqual(value.document, cp.parse(text));
  assert.equal(value.simulation, null);
});

test('risk answers the package\'s simulation and its tornado and histogram, the core\'s charts for the same draws', async () => {
  const text = await readFile(new URL('../../tests/fixtures/documents/valid/risk.toml', import.meta.url), 'utf8');
  const { ok, value } = await ask({ op: 'risk', doc: text, options: { draws: 200, seed: 7 } });
  assert.equal(ok, true);
  const simulation = cp.simulate(text, { draws: 200, seed: 7 });
  assert.deepEqual(value.simulation.outputs.map((o) => [o.option, o.metric, o.probability_negative, o.values]),
    simulation.outputs.map((o) => [o.option, o.metric, o.probability_negative, Array.from(o.values)]));
  assert.deepEqual(value.charts.map((c) => c.name), ['tornado', 'histogram']);
  for (const c of value.charts) {
    assert.equal(c.svg, cp.chart(text, c.name, { draws: 200, seed: 7 }), c.name);
  }
});

test('labels are a description\'s first clause, keeping a short heading of a figure', () => {
  assert.equal(labelOf('Rooms for sale.', 'rooms'), 'Rooms for sale');
  assert.equal(labelOf('Guests per occupied room, with `occupancy`; 1 when absent.', 'g', true), 'Guests per occupied room, with occupancy');
  assert.equal(labelOf('Chrome tanning: basic chromium sulphate offered, as a share of the raw hide weight (`"6 %"`).', 'c', true),
    'Chrome tanning: basic chromium sulphate offered, as a share of the raw hide weight');
  assert.equal(labelOf('How the hides are tanned: chrome (default), vegetable or wet-white.', 't'), 'How the hides are tanned');
  assert.equal(labelOf('', 'hot_share'), 'hot share');
});

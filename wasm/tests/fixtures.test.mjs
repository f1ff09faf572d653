// The shared fixtures of tests/fixtures, also run by the Rust and Python suites: unit strings,
// and the figures of documents checked by hand (every figure the engine gives is in the golden
// files, golden.test.mjs). Numbers of documents are compared with the shared tolerance.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as cp from '../pkg/index.js';
import { readJson, readFixture } from './helpers.mjs';
import { close } from './golden.mjs';

const CLASSES = { syntax: SyntaxError, document: TypeError, unit: RangeError, value: RangeError };

test('unit strings give their SI values', () => {
  const f = readJson('units.json');
  assert.ok(f.valid.length > 40);
  for (const c of f.valid) {
    const got = cp.toSi(c.text, c.dimension);
    assert.ok(Math.abs(got - c.si) <= f.relative_tolerance * Math.abs(c.si), `${c.text}: ${got} vs ${c.si}`);
    assert.equal(cp.canonical(c.text, c.dimension), c.canonical);
  }
});

test('invalid unit strings throw RangeErrors with their codes', () => {
  const f = readJson('units.json');
  for (const c of f.invalid) {
    assert.throws(() => cp.toSi(c.text, c.dimension), (err) => {
      assert.ok(err instanceof RangeError, `${c.text}: ${err}`);
      assert.equal(err.code, c.code, c.text);
      assert.equal(err.value, c.text);
      return true;
    });
  }
});

test('valid documents give their hand-checked figures and round-trip', () => {
  const f = readJson('documents.json');
  const near = (got, want, what) => assert.ok(close(got, want), `${what}: ${got} vs ${want}`);
  for (const c of f.valid) {
    const text = readFixture(c.file);
    const s = cp.summary(text);
    for (const [key, want] of Object.entries(c.summary)) {
      assert.equal(s[key], want, `${c.file}: ${key}`);
    }
    if (c.balance) {
      const b = cp.balance(text);
      for (const [component, streams] of Object.entries(c.balance)) {
        const cb = b.components.find((x) => x.component === component);
        for (const [stream, want] of Object.entries(streams)) {
          const got = cb.streams.find((s) => s.stream === stream).value;
          near(got, want, `${c.file} ${component} ${stream}`);
        }
      }
      if (c.energy) {
        for (const carrier of ['natural_gas', 'electricity']) {
          near(b.energy.carriers[carrier], c.energy[carrier], `${c.file} ${carrier}`);
        }
        const soak = b.energy.nodes.find((n) => n.node === 'soak');
        near(soak.useful, c.energy.useful_soak, `${c.file} useful_soak`);
        assert.equal(b.energy.specific_energy, c.energy.specific_energy);
        assert.equal(b.specific_water, c.energy.specific_water);
      }
      for (const [component, chi] of Object.entries(c.chi_square)) {
        const cb = b.components.find((x) => x.component === component);
        near(cb.reconciliation.chi_square, chi, `${c.file} ${component} chi-square`);
      }
    }
    if (c.options) {
      const ev = cp.evaluate(text);
      for (const [id, fields] of Object.entries(c.options)) {
        const got = ev.options.find((o) => o.id === id);
        for (const [k, want] of Object.entries(fields)) {
          if (typeof want === 'number' && got[k] !== null) {
            near(got[k], want, `${c.file} ${id} ${k}`);
          } else {
            assert.deepEqual(got[k], want, `${c.file} ${id} ${k}`);
          }
        }
      }
    }
    if (c.portfolio) {
      const p = cp.evaluate(text).portfolio;
      for (const [k, want] of Object.entries(c.portfolio.all)) {
        if (typeof want === 'number') near(p.all[k], want, `${c.file} all ${k}`);
        else assert.deepEqual(p.all[k], want, `${c.file} all ${k}`);
      }
      assert.deepEqual(p.sequence.map((s) => s.id), c.portfolio.sequence.map((s) => s.id));
      c.portfolio.sequence.forEach((w, i) => near(p.sequence[i].annual_saving, w.annual_saving, `${c.file} ${w.id}`));
      const again = cp.portfolio(text, c.portfolio.sequence.map((s) => s.id));
      assert.deepEqual(again.steps, p.sequence);
    }
    const doc = cp.parse(text);
    assert.deepEqual(cp.parse(doc), doc, `${c.file}: object round trip`);
    assert.deepEqual(cp.parse(JSON.stringify(doc)), doc, `${c.file}: JSON round trip`);
  }
});

test('invalid documents throw their errors', () => {
  const f = readJson('documents.json');
  assert.ok(f.invalid.length >= 120);
  for (const c of f.invalid) {
    assert.throws(() => cp.parse(readFixture(c.file)), (err) => {
      assert.ok(err instanceof CLASSES[c.category], `${c.file}: ${err}`);
      assert.ok(err instanceof Error);
      assert.equal(err.code, c.code, c.file);
      assert.equal(err.path, c.path, c.file);
      for (const word of c.message_contains) {
        assert.ok(err.message.includes(word), `${c.file}: "${word}" not in: ${err.message}`);
      }
      return true;
    });
  }
});

test('invalid uncertainty sections throw their errors when sampled', () => {
  const f = readJson('documents.json');
  assert.ok(f.invalid_risk.length >= 10);
  for (const c of f.invalid_risk) {
    const text = readFixture(c.file);
    cp.parse(text);
    assert.throws(() => cp.simulate(text, { draws: 10 }), (err) => {
      assert.ok(err instanceof CLASSES[c.category], `${c.file}: ${err}`);
      assert.equal(err.code, c.code, c.file);
      assert.equal(err.path, c.path, c.file);
      for (const word of c.message_contains) {
        assert.ok(err.message.includes(word), `${c.file}: "${word}" not in: ${err.message}`);
      }
      return true;
    });
  }
});

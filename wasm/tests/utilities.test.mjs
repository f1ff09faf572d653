// cleanprod's utility calculators from JS, on the shared fixture also run by the Rust and
// Python suites and the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as cp from '../pkg/index.js';
import { readJson } from './helpers.mjs';

const CLASSES = { document: TypeError, unit: RangeError, value: RangeError };

test('one function per calculator of the registry, under its registry name', () => {
  const names = cp.calculators().map((c) => c.name);
  assert.deepEqual(Object.keys(cp.utilities), names);
  assert.equal(names[0], 'saturated_steam');
  for (const name of names) {
    assert.equal(typeof cp.utilities[name], 'function');
    assert.equal(cp.utilities[name].name, name);
  }
  assert.ok(Object.isFrozen(cp.utilities));
  const pipe = cp.calculators().find((c) => c.name === 'pipe_insulation');
  const k = pipe.fields.find((f) => f.name === 'insulation_conductivity');
  assert.deepEqual(k.kind, { kind: 'quantity', of: 'thermal_conductivity' });
  assert.equal(k.required, false);
});

test('worked examples of the shared fixture', () => {
  const f = readJson('utilities.json');
  assert.ok(f.valid.length >= 10);
  for (const c of f.valid) {
    const result = cp.utilities[c.calculator](c.input);
    assert.deepEqual(cp.calculate(c.calculator, c.input), result);
    const quantities = cp.resultQuantities(c.calculator, result);
    const si = cp.resultToSi(c.calculator, result);
    for (const want of c.expected) {
      const q = quantities.find((x) => x.path === want.path);
      assert.ok(q, `${c.calculator}: no ${want.path}`);
      const expected = cp.toSi(want.value, q.dimension);
      assert.ok(
        Math.abs(q.value - expected) <= want.relative_tolerance * Math.abs(expected),
        `${c.calculator}.${want.path}: ${result[want.path]} vs ${want.value}`,
      );
      assert.equal(cp.toSi(result[want.path], q.dimension), q.value);
      assert.equal(si[want.path], q.value);
    }
  }
});

test('invalid inputs throw real Errors with the field path', () => {
  const f = readJson('utilities.json');
  for (const c of f.invalid) {
    assert.throws(() => cp.utilities[c.calculator](c.input), (err) => {
      assert.ok(err instanceof CLASSES[c.category], `${c.calculator}: ${err}`);
      assert.equal(err.code, c.code);
      assert.equal(err.path, c.path);
      return true;
    });
  }
  assert.throws(() => cp.calculate('steam_leek', {}), (err) => err instanceof TypeError && err.path === 'calculator');
  // undefined is not "left out": it is refused like null, naming the field.
  assert.throws(
    () => cp.utilities.steam_leak({ pressure: '150 psig', diameter: '3 mm', hours: undefined }),
    (err) => err instanceof TypeError && err.path === 'hours',
  );
});

test('nested results and the SI form', () => {
  const r = cp.utilities.fixture({
    kind: 'shower', duration: '8 min', uses_per_day: 1, people: 100, days: 365,
    hot_share: '70 %', temperature_rise: '45 K', efficiency: '90 %',
  });
  assert.ok(r.water.endsWith(' m3'));
  const q = cp.resultQuantities('fixture', r);
  const rise = q.find((x) => x.path === 'heating.temperature_rise');
  assert.deepEqual(rise, { path: 'heating.temperature_rise', value: 45, unit: 'K', dimension: 'temperature_interval' });
  const si = cp.resultToSi('fixture', r);
  assert.equal(si.heating.heater.kind, 'efficiency');
  assert.ok(Math.abs(si.heating.heater.efficiency - 0.9) < 1e-15);
  const pipe = cp.utilities.pipe_insulation({
    diameter: '60.3 mm', length: '100 m', temperature: '180 °C', ambient: '20 °C',
    insulation_thickness: '50 mm', insulation_conductivity: '0.28 BTU·in/(h·ft2·°F)',
  });
  assert.ok(pipe.bare_convection.endsWith(' W/(m2·K)'));
  assert.ok(cp.toSi(pipe.bare_convection, 'heat_transfer_coefficient') > 0);
});

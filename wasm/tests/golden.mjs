// The golden files of tests/fixtures/expected and the one comparison of the three suites.
// The files are written by the core (`CLEANPROD_BLESS=1 cargo test -p cleanprod --test
// integration golden`); numbers are compared with the tolerance of tolerance.json, which the
// Rust and Python suites read too.
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { FIXTURES, ROOT, readJson } from './helpers.mjs';

export const EXPECTED = path.join(FIXTURES, 'expected');
export const TOLERANCE = readJson('expected/tolerance.json');
const NOT_GOLDEN = new Set(['tolerance.json', 'invalid.json']);

export function loadGolden(name) {
  return readJson(`expected/${name}`);
}

/** The golden files of valid documents, sorted by name. */
export function goldenNames() {
  return readdirSync(EXPECTED).filter((n) => n.endsWith('.json') && !NOT_GOLDEN.has(n)).sort();
}

/** Every document that must have a golden file: the examples and the valid fixtures. */
export function goldenSources() {
  const inDir = (dir, exts) => readdirSync(dir).filter((n) => exts.some((x) => n.endsWith(x))).sort();
  return [
    ...inDir(path.join(ROOT, 'examples'), ['.toml']),
    ...inDir(path.join(FIXTURES, 'documents', 'valid'), ['.toml', '.json']),
  ];
}

/** Whether two numbers are the same figure: |a - b| <= max(absolute, relative * max(|a|, |b|)). */
export function close(got, want, tol = TOLERANCE) {
  return Math.abs(got - want) <= Math.max(tol.absolute, tol.relative * Math.max(Math.abs(got), Math.abs(want)));
}

function kind(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v; // 'number', 'string', 'boolean', 'object', or 'undefined' (never in JSON)
}

const show = (v) => (v === undefined ? 'undefined' : JSON.stringify(v));

/**
 * The first difference between `got` and `want` with its JSON path, or null: numbers within
 * the tolerance, strings, booleans and null exactly, objects with the same keys, arrays of the
 * same length.
 */
export function difference(got, want, where = '$', tol = TOLERANCE) {
  const kg = kind(got);
  const kw = kind(want);
  if (kg !== kw) return `${where}: got ${kg} ${show(got)}, want ${kw} ${show(want)}`;
  if (kw === 'number') return close(got, want, tol) ? null : `${where}: got ${got}, want ${want}`;
  if (kw === 'object') {
    for (const k of Object.keys(want)) if (!Object.hasOwn(got, k)) return `${where}: key "${k}" missing`;
    for (const k of Object.keys(got)) if (!Object.hasOwn(want, k)) return `${where}: key "${k}" not expected`;
    for (const [k, w] of Object.entries(want)) {
      const d = difference(got[k], w, `${where}.${k}`, tol);
      if (d !== null) return d;
    }
    return null;
  }
  if (kw === 'array') {
    if (got.length !== want.length) return `${where}: ${got.length} items, want ${want.length}`;
    for (let i = 0; i < want.length; i++) {
      const d = difference(got[i], want[i], `${where}[${i}]`, tol);
      if (d !== null) return d;
    }
    return null;
  }
  return got === want ? null : `${where}: got ${show(got)}, want ${show(want)}`;
}

/** Throws an AssertionError naming the path of the first difference. */
export function assertMatches(got, want, what = '') {
  const d = difference(got, want);
  if (d !== null) {
    const err = new Error(what ? `${what}: ${d}` : d);
    err.name = 'AssertionError';
    throw err;
  }
}

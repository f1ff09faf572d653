// The golden files of tests/fixtures/expected and the one comparison of the three suites.
// The files are written by the core (`CLEANPROD_BLESS=1 cargo test -p cleanprod --test
// integration golden`); numbers are compared with the tolerance of tolerance.json, which the
// Rust and Python suites read too.
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { FIXTURES, ROOT, readJson } from './helpers.mjs';
import { close as closeWithin, difference as differenceWithin } from './compare.mjs';

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

/** Whether two numbers are the same figure under the golden tolerance (or `tol`). */
export function close(got, want, tol = TOLERANCE) {
  return closeWithin(got, want, tol);
}

/** The first difference between `got` and `want` under the golden tolerance (or `tol`), or null. */
export function difference(got, want, where = '$', tol = TOLERANCE) {
  return differenceWithin(got, want, where, tol);
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

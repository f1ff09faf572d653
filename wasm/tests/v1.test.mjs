// Documents of format cleanprod/1 written when the format was frozen
// (tests/fixtures/documents/v1) load in this version; while an example or fixture still has
// the same text, its results are its golden file's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import * as cp from '../pkg/index.js';
import { FIXTURES, ROOT } from './helpers.mjs';
import { assertMatches, loadGolden } from './golden.mjs';

const V1 = path.join(FIXTURES, 'documents', 'v1');
const corpus = readdirSync(V1).filter((n) => n.endsWith('.toml') || n.endsWith('.json')).sort();

test('the v1 corpus holds every example', () => {
  for (const n of readdirSync(path.join(ROOT, 'examples')).filter((x) => x.endsWith('.toml'))) {
    assert.ok(corpus.includes(n), n);
  }
  assert.ok(corpus.length >= 13);
});

for (const name of corpus) {
  test(`v1 ${name} loads and evaluates`, () => {
    const text = readFileSync(path.join(V1, name), 'utf8');
    const report = cp.report(text);
    assert.ok(report.summary);
    const current = [path.join(ROOT, 'examples', name), path.join(FIXTURES, 'documents', 'valid', name)]
      .find((p) => existsSync(p) && readFileSync(p, 'utf8') === text);
    if (current) {
      const want = loadGolden(`${name}.json`);
      const got = {
        source: want.source,
        report,
        reconcile: cp.reconcile(text),
        rank: Object.fromEntries(Object.keys(want.rank).map((m) => [m, cp.rank(text, m)])),
      };
      assertMatches(got, want, name);
    }
  });
}

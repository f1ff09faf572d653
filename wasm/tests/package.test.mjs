// The npm tarball as `npm pack` would make it from wasm/pkg: the README and the licences are in
// it, every entry of `exports` and every file the shipped modules import is shipped, and the
// README's recipes hold (its Node.js `require()` snippet is run against the package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ROOT } from './helpers.mjs';

const PKG = fileURLToPath(new URL('../pkg/', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8'));
const readme = readFileSync(path.join(PKG, 'README.md'), 'utf8');

/** The files `npm pack` puts in the tarball (a dry run: nothing is written). */
function packed() {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return new Set(JSON.parse(out)[0].files.map((f) => f.path));
}

test('the tarball holds the README, both licences, the wasm file and the starting documents', () => {
  const files = packed();
  for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'package.json', 'cleanprod_wasm_bg.wasm', 'starters/hotel.toml', 'starters/hotel.json']) {
    assert.ok(files.has(f), `${f} is not in the tarball`);
  }
  // The licences and the README are the repository's own.
  for (const [shipped, source] of [['LICENSE-MIT', 'LICENSE-MIT'], ['LICENSE-APACHE', 'LICENSE-APACHE'], ['README.md', 'wasm/README.md']]) {
    assert.equal(readFileSync(path.join(PKG, shipped), 'utf8'), readFileSync(path.join(ROOT, source), 'utf8'), shipped);
  }
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  // Nothing of the repository's tests or sources.
  assert.deepEqual([...files].filter((f) => /^(tests|src|js|node_modules)\//.test(f)), []);
});

test('every export and every module a shipped module imports is in the tarball', () => {
  const files = packed();
  const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const t of targets) {
    const name = t.replace(/^\.\//, '');
    // A pattern (`./sectors/*`) names every file under it: at least one must be shipped.
    const shipped = name.includes('*') ? [...files].some((f) => f.startsWith(name.slice(0, name.indexOf('*')))) : files.has(name);
    assert.ok(shipped, `exports names ${t}, not shipped`);
  }
  assert.ok(files.has(manifest.main.replace(/^\.\//, '')) && files.has(manifest.types.replace(/^\.\//, '')));
  for (const f of [...files].filter((x) => /\.(js|d\.ts)$/.test(x))) {
    const text = readFileSync(path.join(PKG, f), 'utf8');
    const imported = [...text.matchAll(/(?:from|import\(?)\s*'(\.\/[^']+)'/g)].map((m) => m[1]);
    for (const rel of imported) {
      const target = path.posix.join(path.posix.dirname(f), rel).replace(/\.js$/, f.endsWith('.d.ts') ? '.d.ts' : '.js');
      assert.ok(files.has(target), `${f} imports ${rel}, not shipped`);
    }
    // Files a module finds by its own URL (the wasm modules, each sector's among them).
    const code = text.replace(/^\s*(\/\/|\/?\*).*$/gm, '');
    for (const [, rel] of code.matchAll(/new URL\('(\.\/[^']+)', import\.meta\.url\)/g)) {
      assert.ok(files.has(path.posix.join(path.posix.dirname(f), rel)), `${f} fetches ${rel}, not shipped`);
    }
  }
  assert.equal(manifest.exports['./cleanprod_wasm_bg.wasm'], './cleanprod_wasm_bg.wasm');
});

test('the README covers loading, bundlers with the wasm path, the worker, CSP, preload hints and the widget', () => {
  for (const needle of [
    'npm install cleanprod', "from 'cleanprod/core'", 'await init(', 'initSync(', 'NotInitializedError',
    "'cleanprod/cleanprod_wasm_bg.wasm?url'", '### Vite', '### webpack 5', '### esbuild', '--loader:.wasm=file',
    "'wasm-unsafe-eval'", 'rel="modulepreload"', 'as="fetch"', 'crossorigin', "import 'cleanprod/worker'",
    '<cleanprod-calculator sector="hotel"', 'widget.js',
  ]) {
    assert.ok(readme.includes(needle), `the README lacks ${needle}`);
  }
});

test('the README\'s require() snippet loads the engine from an installed package', () => {
  const snippet = /### Node\.js[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)[1];
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanprod-require-'));
  try {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(PKG, path.join(dir, 'node_modules', 'cleanprod'), 'dir');
    writeFileSync(path.join(dir, 'app.cjs'), `${snippet}\nprocess.stdout.write(JSON.stringify([cp.isInitialized(), cp.toSi('12 m3/d', 'volume_rate') * 86400]));\n`);
    const out = execFileSync(process.execPath, ['app.cjs'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [loaded, perDay] = JSON.parse(out);
    assert.equal(loaded, true);
    assert.ok(Math.abs(perDay - 12) < 1e-12);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

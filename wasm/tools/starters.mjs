// The sectors' starting documents for <cleanprod-calculator>'s forms, as JSON: for each TOML
// starter in `<out>/starters/`, `<out>/starters/<sector>.json` holds the same document in
// canonical form, read by the package's own engine. A sector's calculator module reads JSON
// only (no TOML parser in it), and the form keeps the canonical order of the figures.
// Run by scripts/build-wasm after it builds the package's module and copies the starters:
//   node wasm/tools/starters.mjs wasm/pkg
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const out = process.argv[2];
if (!out) {
  console.error('usage: node wasm/tools/starters.mjs <package dir>');
  process.exit(2);
}
const cp = await import(pathToFileURL(path.resolve(out, 'index.js')).href);
const dir = path.join(out, 'starters');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.toml'))) {
  const document = cp.parse(readFileSync(path.join(dir, file), 'utf8'));
  writeFileSync(path.join(dir, file.replace(/\.toml$/, '.json')), `${JSON.stringify(document, null, 1)}\n`);
}

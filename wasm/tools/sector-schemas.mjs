// The document's JSON Schema cut per sector, for <cleanprod-calculator>'s forms: for each
// alternative of `[template]`, `<out>/schemas/<sector>.js` holds the schema with that sector's
// model only and the definitions it still reaches (the other sectors' are half the whole).
// Run by scripts/build-wasm after it writes `<out>/schema.js`:
//   node wasm/tools/sector-schemas.mjs wasm/pkg
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const out = process.argv[2];
if (!out) {
  console.error('usage: node wasm/tools/sector-schemas.mjs <package dir>');
  process.exit(2);
}
const { default: schema } = await import(pathToFileURL(path.resolve(out, 'schema.js')).href);
const REF = '#/$defs/';

/** The name of the definition `node` refers to, or null. */
const refName = (node) => (typeof node?.$ref === 'string' && node.$ref.startsWith(REF) ? node.$ref.slice(REF.length) : null);

/** `whole` with only the definitions reachable from its root. */
function reachable(whole) {
  const keep = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const name = refName(node);
    if (name && !keep.has(name)) {
      keep.add(name);
      walk(whole.$defs[name]);
    }
    for (const [key, value] of Object.entries(node)) if (key !== '$defs') walk(value);
  };
  walk(whole);
  return { ...whole, $defs: Object.fromEntries(Object.entries(whole.$defs).filter(([k]) => keep.has(k))) };
}

const templateName = refName(schema.properties.template);
const template = schema.$defs[templateName];
const alternatives = template?.oneOf ?? [];
if (!alternatives.length) throw new Error('the document schema has no [template] alternatives');
mkdirSync(path.join(out, 'schemas'), { recursive: true });
for (const alternative of alternatives) {
  const [sector] = Object.keys(alternative.properties ?? {});
  if (!sector) throw new Error(`a [template] alternative without its key: ${JSON.stringify(alternative)}`);
  const cut = structuredClone(schema);
  cut.$defs[templateName] = { ...template, oneOf: [alternative] };
  writeFileSync(
    path.join(out, 'schemas', `${sector}.js`),
    `// Generated from the Rust types (cleanprod schema document, [template.${sector}] only); do not edit.\n`
      + `export default ${JSON.stringify(reachable(cut))};\n`,
  );
}

// Where the bytes of the wasm module go: the code of each function, summed by crate (and the
// largest functions), read from the module's name section.
//   node wasm/bench/sizes.mjs target/wasm32-unknown-unknown/wasm-release/cleanprod_wasm.wasm [top]
// Give the module cargo builds (scripts/build-wasm), before wasm-bindgen strips its names.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
if (!file) {
  console.error('usage: node wasm/bench/sizes.mjs <module.wasm> [top]');
  process.exit(2);
}
const bytes = readFileSync(file);

function leb(buf, at) {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const b = buf[i];
    i += 1;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, i];
  }
}

function string(buf, at) {
  const [len, i] = leb(buf, at);
  return [buf.toString('utf8', i, i + len), i + len];
}

// The sections: imports (their functions come first in the index space), code, names.
let imported = 0;
let bodies = [];
const names = new Map();
const sections = [];
let at = 8;
while (at < bytes.length) {
  const id = bytes[at];
  const [size, start] = leb(bytes, at + 1);
  const end = start + size;
  let name = String(id);
  if (id === 0) [name] = string(bytes, start);
  sections.push({ id, name, size });
  if (id === 2) {
    let [count, i] = leb(bytes, start);
    for (let k = 0; k < count; k += 1) {
      [, i] = string(bytes, i);
      [, i] = string(bytes, i);
      const kind = bytes[i];
      i += 1;
      if (kind === 0) {
        [, i] = leb(bytes, i);
        imported += 1;
      } else if (kind === 1) {
        i += 1;
        const flags = bytes[i];
        [, i] = leb(bytes, i + 1);
        if (flags & 1) [, i] = leb(bytes, i);
      } else if (kind === 2) {
        const flags = bytes[i];
        [, i] = leb(bytes, i + 1);
        if (flags & 1) [, i] = leb(bytes, i);
      } else if (kind === 3) {
        i += 2;
      } else {
        [, i] = leb(bytes, i + 1);
      }
    }
  } else if (id === 10) {
    let [count, i] = leb(bytes, start);
    bodies = [];
    for (let k = 0; k < count; k += 1) {
      const [len, j] = leb(bytes, i);
      bodies.push({ index: imported + k, size: len + (j - i), body: bytes.subarray(j, j + len) });
      i = j + len;
    }
  } else if (id === 0 && name === 'name') {
    let [, i] = string(bytes, start);
    while (i < end) {
      const sub = bytes[i];
      const [len, j] = leb(bytes, i + 1);
      if (sub === 1) {
        let [count, k] = leb(bytes, j);
        for (let n = 0; n < count; n += 1) {
          let index;
          let text;
          [index, k] = leb(bytes, k);
          [text, k] = string(bytes, k);
          names.set(index, text);
        }
      }
      i = j + len;
    }
  }
  at = end;
}
if (!names.size) {
  console.error(`${file} has no name section: give the module cargo builds, before wasm-bindgen`);
  process.exit(1);
}

/** The crate of a (legacy-mangled or plain) symbol, and a readable name. */
function crateOf(symbol) {
  if (symbol.startsWith('_R')) {
    // v0 mangling: the first crate root, `Cs<disambiguator>_<length><name>`.
    const m = /C[sn]?[0-9A-Za-z]*_(\d+)/.exec(symbol);
    const len = m ? Number(m[1]) : 0;
    const crate = m ? symbol.slice(m.index + m[0].length, m.index + m[0].length + len) : symbol;
    return [crate, symbol];
  }
  const plain = symbol.replace(/^_ZN/, '').replace(/17h[0-9a-f]{16}E$/, '');
  const parts = [];
  let i = 0;
  while (i < plain.length && /\d/.test(plain[i])) {
    const m = /^\d+/.exec(plain.slice(i));
    const len = Number(m[0]);
    i += m[0].length;
    parts.push(plain.slice(i, i + len));
    i += len;
  }
  const readable = parts.length ? parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\.\./g, '::') : symbol;
  let crate = parts[0] ?? symbol.split('::')[0];
  // Generic code instantiated for a crate's types: `<cleanprod::x as serde::Serialize>`.
  if (crate.startsWith('_') || crate.startsWith('$LT$')) {
    const inner = /\$LT\$([a-z_0-9]+)/.exec(plain);
    crate = inner ? `<${inner[1]}>` : crate;
  }
  return [crate, readable];
}

const byCrate = new Map();
const functions = [];
for (const b of bodies) {
  const [crate, readable] = crateOf(names.get(b.index) ?? `#${b.index}`);
  const entry = byCrate.get(crate) ?? { size: 0, count: 0, parts: [] };
  entry.size += b.size;
  entry.count += 1;
  entry.parts.push(b.body);
  byCrate.set(crate, entry);
  functions.push({ name: readable, size: b.size });
}
const code = bodies.reduce((a, b) => a + b.size, 0);
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(bytes.length)}, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped; code ${kb(code)} in ${bodies.length} functions`);
console.log('\nsections:');
for (const s of sections.sort((a, b) => b.size - a.size).slice(0, 8)) console.log(`  ${s.id === 0 ? `custom "${s.name}"` : `id ${s.id}`}: ${kb(s.size)}`);
console.log('\ncode by crate (gzipped alone, an upper bound of its share):');
for (const [crate, e] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
  console.log(`  ${crate.padEnd(28)} ${kb(e.size).padStart(10)} ${kb(gzipSync(Buffer.concat(e.parts), { level: 9 }).length).padStart(10)} gz  ${e.count} functions`);
}
console.log(`\nlargest functions:`);
for (const f of functions.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`  ${kb(f.size).padStart(9)}  ${f.name.slice(0, 110)}`);

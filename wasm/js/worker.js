// The `cleanprod/worker` entry: the engine off the main thread. A page (or the
// <cleanprod-calculator> element) posts `{ id, op, ... }` and gets `{ id, ok: true, value }` or
// `{ id, ok: false, error: { name, code, path, value, message } }` back: the engine's error
// fields survive the trip (a thrown error posted as-is would lose them). Nothing here computes
// a figure; the engine does, through the package's own functions.
//
// A module worker must come from the page's origin. Without a bundler, serve the package and
// give the file's URL; with one, start the worker from a file of your own holding one line,
// `import 'cleanprod/worker';`, which the bundler resolves (see the package's README):
//
//   const worker = new Worker('/node_modules/cleanprod/worker.js', { type: 'module' });
//   const worker = new Worker(new URL('./cleanprod-worker.js', import.meta.url), { type: 'module' });
//   worker.onmessage = ({ data }) => { ... };   // first `{ ready: true }`, once the engine is loaded
//   worker.postMessage({ id: 1, op: 'evaluate', doc: tomlText });
//
// A worker whose engine cannot be loaded (a 503) fires `error` on the Worker: start a new one
// to retry. The messages' types are in worker.d.ts (`import type { WorkerRequest } from
// 'cleanprod/worker'`).
//
// Operations:
// - `evaluate` `{ doc, lang? }`: `{ document, evaluation, simulation: null, charts }`, the
//   document in canonical form, the charts in `lang` ("en" or "es"; else the document's).
// - `risk` `{ doc, options?, lang?, titles? }`: `{ simulation, charts }`, the simulation of the
//   `[uncertainty]` section and the charts drawn from it, in `lang`.
// - `simulate` `{ doc, options? }`: the simulation (typed arrays as plain arrays).
// - `form` `{ sector?, src?, doc?, fields?, options? }`: a starting document and the
//   description of its editable figures, for a form (see `describeForm`).
//
// The worker loads the calculator's own build of the engine (`cleanprod_widget_bg.wasm`: read,
// evaluate, chart and simulate, nothing else), much smaller than the package's module
// (`cleanprod_wasm_bg.wasm`), which a page embedding the calculator then never downloads.
// Started as `worker.js?engine=<sector>` (tanning, hotel, hospital, chemicals, automotive), it
// loads that sector's build instead (`sectors/<sector>/`, a third smaller): it reads JSON
// documents of that sector's template only, and simulates only if the sector's starting
// document has an `[uncertainty]` section.
// Relative imports, not `cleanprod`: import maps do not apply inside workers.
import { wasmSource } from './wasm-file.js';

/** The calculator's wasm module, next to this file (bundlers copy it, as they see this
 * `new URL(..., import.meta.url)`). */
export const widgetWasmUrl = new URL('./cleanprod_widget_bg.wasm', import.meta.url);

/** Each sector's own build of the calculator's module (each URL written out for bundlers). */
export const sectorWasmUrls = {
  tanning: new URL('./sectors/tanning/cleanprod_widget_bg.wasm', import.meta.url),
  hotel: new URL('./sectors/hotel/cleanprod_widget_bg.wasm', import.meta.url),
  hospital: new URL('./sectors/hospital/cleanprod_widget_bg.wasm', import.meta.url),
  chemicals: new URL('./sectors/chemicals/cleanprod_widget_bg.wasm', import.meta.url),
  automotive: new URL('./sectors/automotive/cleanprod_widget_bg.wasm', import.meta.url),
};

/** Each sector's build's own JS glue (wasm-bindgen numbers a module's imports its own way). */
const sectorGlues = {
  tanning: () => import('./sectors/tanning/cleanprod_widget.js'),
  hotel: () => import('./sectors/hotel/cleanprod_widget.js'),
  hospital: () => import('./sectors/hospital/cleanprod_widget.js'),
  chemicals: () => import('./sectors/chemicals/cleanprod_widget.js'),
  automotive: () => import('./sectors/automotive/cleanprod_widget.js'),
};

const asked = new URL(import.meta.url).searchParams.get('engine');
const ofSector = Object.hasOwn(sectorGlues, asked);
const engine = await (ofSector ? sectorGlues[asked]() : import('./cleanprod_widget.js'));
await engine.default({ module_or_path: await wasmSource(ofSector ? sectorWasmUrls[asked] : widgetWasmUrl) });

/** The sectors' starting documents (the core's examples, shipped in `starters/` as TOML and in
 * canonical JSON, which every build of the engine reads). */
const starterUrl = (sector) => new URL(`./starters/${encodeURIComponent(sector)}.json`, import.meta.url);

/** The fields a thrown error carries across `postMessage`. */
export function errorFields(e) {
  if (e && typeof e === 'object') {
    return {
      name: typeof e.name === 'string' ? e.name : 'Error',
      code: typeof e.code === 'string' ? e.code : 'error',
      path: typeof e.path === 'string' ? e.path : '',
      value: e.value === undefined ? null : e.value,
      message: String(e.message ?? e),
    };
  }
  return { name: 'Error', code: 'error', path: '', value: null, message: String(e) };
}

async function fetchText(url, path) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw Object.assign(new Error(`${url}: ${e.message}`), { code: 'fetch_failed', path, value: String(url) });
  }
  if (!response.ok) {
    throw Object.assign(new Error(`${url}: HTTP ${response.status}`), { code: 'fetch_failed', path, value: String(url) });
  }
  return response.text();
}

// ---- the form: what the schema says of each figure ------------------------------------------

// The document's JSON Schema, generated from the core's types at build time: for a document
// with a sector template, `schemas/<sector>.js`, the schema with that sector's model only (the
// other sectors' definitions are half of the whole); else the whole, `schema.js`. Loaded once
// each, when a form first needs it.
const schemas = new Map();

/** The schema a form of a document with the template `templateKey` (or none) reads. */
function schemaFor(templateKey) {
  const file = templateKey ? `./schemas/${encodeURIComponent(templateKey)}.js` : './schema.js';
  if (!schemas.has(file)) schemas.set(file, import(file).then((m) => m.default));
  return schemas.get(file);
}

/**
 * A label from a description: its first clause, without examples in code spans. A figure's
 * description may open with a short heading ("Chrome tanning: basic chromium sulphate offered,
 * as a share of the raw hide weight"): with `keepHeading` the label keeps both.
 */
export function labelOf(description, key, keepHeading = false) {
  if (!description) return key.replace(/_/g, ' ');
  const text = description.replace(/\s+/g, ' ').replace(/`/g, '').trim();
  const clause = (t) => t.split(/(?<=[a-z0-9)\]])[.;:](?:\s|$)|\s\(|, e\.g\./)[0].trim();
  const first = clause(text);
  const rest = text.slice(first.length);
  if (keepHeading && rest.startsWith(': ') && first.split(' ').length <= 4) {
    return `${first}: ${clause(rest.slice(2))}`;
  }
  return first;
}

/** A value with its unit split in two: `"12 L/min"` -> `[12, "L/min"]`. */
function splitQuantity(text) {
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*)$/.exec(text);
  return m ? [Number(m[1]), m[2].trim()] : [null, ''];
}

/** The value of `path` (dots) in `doc`. */
function at(doc, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), doc);
}

/** The paths of the template's figures: its plain values, and those of its sub-tables. */
function templatePaths(doc, base) {
  const out = [];
  const table = at(doc, base) ?? {};
  for (const [key, value] of Object.entries(table)) {
    if (key === 'options') continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [sub, v] of Object.entries(value)) {
        if (v === null || typeof v !== 'object') out.push(`${base}.${key}.${sub}`);
      }
    } else if (!Array.isArray(value)) {
      out.push(`${base}.${key}`);
    }
  }
  return out;
}

/** What a form reads of the document's JSON Schema `schema`. */
function schemaReader(schema) {
  /** The schema node `node` stands for, through `$ref`s. */
  function resolve(node) {
    let n = node;
    for (let i = 0; n && n.$ref && i < 16; i += 1) {
      n = schema.$defs[n.$ref.replace('#/$defs/', '')];
    }
    return n ?? {};
  }

  /** The schema of the property `key` of the object schema `node` (with its own description). */
  function property(node, key) {
    const obj = resolve(node);
    const p = obj.properties?.[key];
    if (!p) return null;
    return { own: p, target: resolve(p) };
  }

  /** The schema of a document path (`template.hotel.showers.flow`), or null. */
  function schemaAt(path) {
    let node = { own: schema, target: schema };
    const keys = path.split('.');
    for (const key of keys) {
      if (/^\d+$/.test(key) && node.target.type === 'array') {
        node = { own: node.target.items, target: resolve(node.target.items) };
        continue;
      }
      const next = property(node.target, key);
      const map = node.target.additionalProperties;
      if (!next && map && typeof map === 'object') {
        // A table by name (`[prices]`): the entry's schema, labelled by the table and the name.
        const d = labelOf(node.own.description ?? node.target.description, key);
        node = { own: { ...map, description: `${d} — ${key.replace(/_/g, ' ')}` }, target: resolve(map) };
      } else if (!next) {
        // `template` is an enum of one-key objects: look through its alternatives.
        const alt = (node.target.oneOf ?? node.target.anyOf ?? []).map((a) => property(a, key)).find(Boolean);
        if (!alt) return null;
        node = alt;
      } else {
        node = next;
      }
    }
    return node;
  }

  /** One editable figure: its path, label, help, kind, unit, range, choices and value. */
  function describeField(doc, path) {
    const s = schemaAt(path);
    if (!s) {
      throw Object.assign(new Error(`${path}: no such figure in the document format`), { code: 'unknown_field', path, value: path });
    }
    const { own, target } = s;
    const description = own.description ?? target.description ?? '';
    const key = path.split('.').pop();
    const value = at(doc, path);
    const field = { path, label: '', help: description.replace(/`/g, ''), required: false };
    const parent = path.split('.').slice(0, -1).join('.');
    const parentSchema = parent ? schemaAt(parent) : { target: schema };
    field.required = Boolean(parentSchema && resolve(parentSchema.target).required?.includes(key));
    const choices = target.oneOf ?? target.anyOf;
    if (choices && choices.every((c) => 'const' in c)) {
      field.kind = 'choice';
      field.choices = choices.map((c) => ({ value: c.const, label: labelOf(c.description, String(c.const)) }));
      field.value = value ?? own.default ?? target.default ?? choices[0].const;
    } else if (target.enum) {
      field.kind = 'choice';
      field.choices = target.enum.map((v) => ({ value: v, label: String(v) }));
      field.value = value ?? own.default ?? target.enum[0];
    } else if (target.type === 'number' || target.type === 'integer') {
      field.kind = 'number';
      field.value = typeof value === 'number' ? value : null;
      field.integer = target.type === 'integer';
      for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
        if (typeof target[k] === 'number') field[k] = target[k];
      }
    } else if (target.type === 'boolean') {
      field.kind = 'boolean';
      field.value = Boolean(value ?? own.default ?? target.default);
    } else if (typeof value === 'string' && splitQuantity(value)[0] !== null && splitQuantity(value)[1]) {
      // A value with its unit: the number is edited, the unit of the starting document kept.
      field.kind = 'quantity';
      [field.value, field.unit] = splitQuantity(value);
      field.example = target.examples?.[0];
    } else if (target.type === 'string' && value === undefined && target.examples?.[0]) {
      // A quantity the starting document leaves out: the unit of the schema's example.
      field.kind = 'quantity';
      field.value = null;
      field.unit = splitQuantity(target.examples[0])[1];
      field.example = target.examples[0];
    } else {
      field.kind = 'text';
      field.value = typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value);
    }
    // A choice's description opens with what is chosen ("How the hides are tanned: chrome...").
    field.label = labelOf(description, key, field.kind !== 'choice');
    return field;
  }

  /** The groups of figures: one per sub-table, labelled by its description (an item of a list,
   * such as a catalogue option, by its `id`). */
  function groupsOf(doc, fields, base) {
    const groups = [];
    for (const f of fields) {
      const rest = f.path.startsWith(`${base}.`) ? f.path.slice(base.length + 1).split('.') : f.path.split('.');
      const group = rest.length > 1 ? f.path.split('.').slice(0, -1).join('.') : base;
      let g = groups.find((x) => x.path === group);
      if (!g) {
        const s = schemaAt(group);
        const d = s ? s.own.description ?? s.target.description : '';
        const id = at(doc, `${group}.id`);
        const label = typeof id === 'string' ? id.replace(/_/g, ' ') : labelOf(d, group.split('.').pop());
        g = { path: group, label: group === base ? '' : label, fields: [] };
        groups.push(g);
      }
      g.fields.push(f);
    }
    return groups;
  }

  return { schemaAt, describeField, groupsOf };
}

/**
 * A starting document and its form. `src` (text of a document) or `doc` wins over `sector`'s
 * starting document; `options` keeps only those catalogue options of the template (an id the
 * document lacks is added bare: the engine then names the figure it needs); `fields` lists the
 * paths to edit (relative to `template.<sector>` unless they start with a top-level key of the
 * document), by default every plain figure of the template.
 */
async function form({ sector, src, doc, fields, options }) {
  let text = doc;
  if (src) text = await fetchText(src, '');
  else if (text == null) {
    if (!sector) throw Object.assign(new Error('give a sector, a src or a document'), { code: 'no_document', path: '', value: null });
    text = await fetchText(starterUrl(sector), '');
  }
  const parsed = engine.parse(text);
  const templateKey = parsed.template ? Object.keys(parsed.template)[0] : null;
  const base = templateKey ? `template.${templateKey}` : '';
  if (options && templateKey) {
    const t = parsed.template[templateKey];
    const have = new Map((t.options ?? []).map((o) => [o.id, o]));
    t.options = options.map((id) => have.get(id) ?? { id });
  }
  const schema = await schemaFor(templateKey);
  const { schemaAt, describeField, groupsOf } = schemaReader(schema);
  // A path is the template's when the template has its first key (both have `options`), or
  // when the document has not (an unknown figure is then named under the template).
  const ofTemplate = (p) => base && (schemaAt(`${base}.${p.split('.')[0]}`) || !(p.split('.')[0] in schema.properties));
  const paths = fields && fields.length
    ? fields.map((p) => (ofTemplate(p) ? `${base}.${p}` : p))
    : templatePaths(parsed, base);
  const described = paths.map((p) => describeField(parsed, p));
  return { document: parsed, base, groups: groupsOf(parsed, described, base) };
}

// ---- evaluation ------------------------------------------------------------------------------

/** Typed arrays as plain arrays (structured clone keeps them, JSON does not). */
function plain(simulation) {
  return {
    ...simulation,
    inputs: simulation.inputs.map((i) => ({ ...i, values: Array.from(i.values) })),
    outputs: simulation.outputs.map((o) => ({ ...o, values: Array.from(o.values) })),
  };
}

/**
 * The core's SVG charts of an appraisal (`chart(doc, kind, options)`, the same bytes as the
 * CLI's and Python's): the cash flow of the option with the highest NPV, the cost curve of
 * water (else the first resource saved), and the water balance as a Sankey when the document
 * has a flowsheet. A chart the document cannot give is left out. The risk charts (tornado,
 * histogram) come with the simulation (the `risk` operation).
 */
function charts({ document, evaluation, lang }) {
  const best = [...evaluation.options].sort((a, b) => (b.npv ?? -Infinity) - (a.npv ?? -Infinity))[0];
  const wanted = [
    ['cash_flow', 'cash-flow', best ? { option: best.id } : null],
    ['cost_curve', 'cost-curve', {}],
    ['sankey', 'sankey', document.flowsheet || document.template ? { component: 'water' } : null],
  ];
  const out = [];
  for (const [name, kind, options] of wanted) {
    if (!options) continue;
    try {
      out.push({ name, svg: engine.chart(document, kind, lang ? { ...options, lang } : options) });
    } catch {
      // Not every document gives every chart (no options saving anything, no water).
    }
  }
  return out;
}

/** The appraisal of a document (quick): the risk simulation is the `risk` operation. */
function evaluate({ doc, lang }) {
  const document = engine.parse(doc);
  const evaluation = engine.evaluate(document);
  return { document, evaluation, simulation: null, charts: charts({ document, evaluation, lang }) };
}

/**
 * The risk simulation of a document's `[uncertainty]` section and the core's charts drawn from
 * it, the tornado and the NPV histogram of all options (the draws run once, in the engine).
 */
function risk({ doc, options, lang }) {
  const { simulation, charts: drawn } = engine.risk(doc, options, lang ? { lang } : undefined);
  return { simulation: plain(simulation), charts: drawn.map((c) => ({ name: c.kind, svg: c.svg })) };
}

const OPERATIONS = {
  form,
  evaluate,
  risk,
  simulate: ({ doc, options }) => plain(engine.simulate(doc, options)),
};

self.addEventListener('message', async (event) => {
  const { id, op, ...args } = event.data ?? {};
  try {
    const run = OPERATIONS[op];
    if (!run) throw Object.assign(new TypeError(`unknown operation ${JSON.stringify(op)}`), { code: 'unknown_operation', path: 'op', value: String(op) });
    self.postMessage({ id, ok: true, value: await run(args) });
  } catch (e) {
    self.postMessage({ id, ok: false, error: errorFields(e) });
  }
});
self.postMessage({ ready: true });

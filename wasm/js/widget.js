// The `cleanprod/widget` entry: <cleanprod-calculator>, a drop-in calculator element.
//
//   <script type="module" src=".../cleanprod/widget.js"></script>
//   <cleanprod-calculator sector="hotel" options="low_flow_showers"></cleanprod-calculator>
//
// The form's figures (labels, units, ranges, choices, defaults) come from the package: the
// worker reads the document's JSON Schema and the sector's starting document; this file holds
// only the element's own words. Every figure is computed by the engine in a Web Worker
// (`worker.js`), so the page never waits on it; nothing is thrown to the page.

/** The element's own words (the figures' labels come from the schema, in English). */
const WORDS = {
  en: {
    results: 'Results',
    option: 'Option',
    investment: 'Investment',
    saving: 'Annual saving',
    payback: 'Payback',
    npv: 'NPV',
    co2: 'CO2 avoided',
    total: 'All options together',
    years: (x) => `${x} yr`,
    never: 'never',
    tonnes: (x) => `${x} t/yr`,
    loading: 'Loading the calculator…',
    computing: 'Computing…',
    ready: 'Results updated.',
    simulating: 'Computing the risk (the draws of the uncertainty section)…',
    tornadoTitle: (currency) => `NPV of all options, ${currency}`,
    riskNegative: 'P(NPV < 0)',
    dscr: 'Min. debt-service coverage',
    equityIrr: 'Equity IRR',
    charts: 'Charts',
    noOptions: 'No options to appraise.',
    figures: 'Figures',
    error: 'The figures could not be computed:',
    required: 'Required.',
    invalid_number: 'Not a number.',
    codes: {},
  },
  es: {
    results: 'Resultados',
    option: 'Opción',
    investment: 'Inversión',
    saving: 'Ahorro anual',
    payback: 'Recuperación',
    npv: 'VAN',
    co2: 'CO2 evitado',
    total: 'Todas las opciones juntas',
    years: (x) => `${x} años`,
    never: 'nunca',
    tonnes: (x) => `${x} t/año`,
    loading: 'Cargando la calculadora…',
    computing: 'Calculando…',
    ready: 'Resultados actualizados.',
    simulating: 'Calculando el riesgo (las extracciones de la sección de incertidumbre)…',
    tornadoTitle: (currency) => `VAN de todas las opciones, ${currency}`,
    riskNegative: 'P(VAN < 0)',
    dscr: 'Cobertura mín. del servicio de la deuda',
    equityIrr: 'TIR del capital propio',
    charts: 'Gráficos',
    noOptions: 'No hay opciones que evaluar.',
    figures: 'Datos',
    error: 'No se pudieron calcular las cifras:',
    required: 'Obligatorio.',
    invalid_number: 'No es un número.',
    // The engine's messages are English; these lead them in the visitor's language.
    codes: {
      out_of_range: 'Valor fuera del rango admitido.',
      unit_dimension: 'Unidad de otra magnitud.',
      unit_unknown: 'Unidad desconocida.',
      invalid_number: 'No es un número.',
      missing_field: 'Falta un dato.',
      currency_mismatch: 'Moneda distinta de la del documento.',
      fetch_failed: 'No se pudo cargar el documento.',
    },
  },
};

const STYLE = `
:host {
  --cleanprod-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  --cleanprod-bg: #ffffff;
  --cleanprod-fg: #1b1f24;
  --cleanprod-muted: #57606a;
  --cleanprod-border: #d0d7de;
  --cleanprod-accent: #0b6e4f;
  --cleanprod-error: #b3261e;
  --cleanprod-radius: 6px;
  --cleanprod-gap: 0.75rem;
  display: block;
  color-scheme: light dark;
  font-family: var(--cleanprod-font);
  color: var(--cleanprod-fg);
  background: var(--cleanprod-bg);
  border: 1px solid var(--cleanprod-border);
  border-radius: var(--cleanprod-radius);
  padding: var(--cleanprod-gap);
}
@media (prefers-color-scheme: dark) {
  :host {
    --cleanprod-bg: #161b22;
    --cleanprod-fg: #e6edf3;
    --cleanprod-muted: #9da7b3;
    --cleanprod-border: #3d444d;
    --cleanprod-accent: #3fb68b;
    --cleanprod-error: #ff8a80;
  }
}
:host([hidden]) { display: none; }
form { display: grid; gap: var(--cleanprod-gap); }
fieldset { border: 1px solid var(--cleanprod-border); border-radius: var(--cleanprod-radius); margin: 0; padding: 0.5rem var(--cleanprod-gap); display: grid; gap: 0.5rem; }
legend { font-weight: 600; }
.field { display: grid; grid-template-columns: minmax(10rem, 1fr) minmax(6rem, 12rem); gap: 0.25rem 0.5rem; align-items: center; }
.field label { grid-column: 1; }
.control { grid-column: 2; display: flex; gap: 0.35rem; align-items: center; }
.unit, .help { color: var(--cleanprod-muted); font-size: 0.85em; }
.help { grid-column: 1 / -1; }
input, select { font: inherit; color: inherit; background: transparent; border: 1px solid var(--cleanprod-border); border-radius: 4px; padding: 0.2rem 0.35rem; min-width: 0; width: 100%; }
input:focus-visible, select:focus-visible { outline: 2px solid var(--cleanprod-accent); outline-offset: 1px; }
input[aria-invalid="true"] { border-color: var(--cleanprod-error); }
.error { grid-column: 1 / -1; color: var(--cleanprod-error); font-size: 0.9em; }
.error:empty, .general:empty { display: none; }
.general { color: var(--cleanprod-error); margin: var(--cleanprod-gap) 0; }
table { border-collapse: collapse; width: 100%; margin-top: var(--cleanprod-gap); font-variant-numeric: tabular-nums; }
caption { text-align: start; font-weight: 600; padding-bottom: 0.35rem; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--cleanprod-border); text-align: end; }
th:first-child, td:first-child { text-align: start; }
tfoot td, tfoot th { font-weight: 600; }
.status { color: var(--cleanprod-muted); font-size: 0.85em; min-height: 1.2em; }
.charts svg { max-width: 100%; height: auto; }
`;

// ---- the engine's workers ---------------------------------------------------------------------

/**
 * A module worker running `url`. A worker script must be of the page's origin: when the package
 * is served from another (a CDN), the worker is a same-origin `blob:` module importing it, so
 * the package's files are fetched with CORS and `worker.js` still finds them by its own URL
 * (the page's CSP then needs `worker-src blob:`).
 */
function startWorker(url) {
  if (url.origin === globalThis.location?.origin) return new Worker(url, { type: 'module' });
  const blob = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' }));
  const worker = new Worker(blob, { type: 'module' });
  const revoke = () => URL.revokeObjectURL(blob);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}

/** A worker running the engine: `call(op, args)` resolves to the value or rejects with the
 * error's fields (`code`, `path`, `value`, `message`). */
class EngineClient {
  #worker;

  #pending = new Map();

  #next = 1;

  #failed = null;

  #ready;

  /** `engine`: a sector key for that sector's own module, else null for every sector's. */
  constructor(engine = null) {
    this.#worker = startWorker(new URL(engine ? `./worker.js?engine=${engine}` : './worker.js', import.meta.url));
    this.#ready = new Promise((resolve) => {
      this.#worker.addEventListener('message', (event) => {
        const data = event.data ?? {};
        if (data.ready) {
          resolve();
          return;
        }
        const p = this.#pending.get(data.id);
        if (!p) return;
        this.#pending.delete(data.id);
        if (data.ok) p.resolve(data.value);
        else p.reject(data.error);
      });
    });
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail({ name: 'Error', code: 'engine_unavailable', path: '', value: null, message: event.message || 'the engine could not be loaded' });
    });
  }

  get failed() {
    return this.#failed !== null;
  }

  #fail(error) {
    this.#failed = error;
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }

  async call(op, args) {
    if (this.#failed) throw this.#failed;
    await this.#ready;
    if (this.#failed) throw this.#failed;
    const id = this.#next;
    this.#next += 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, ...args });
    });
  }

  /** Stop the worker (a long simulation no longer wanted); its calls reject with `cancelled`. */
  terminate() {
    this.#worker.terminate();
    this.#fail({ name: 'Error', code: 'cancelled', path: '', value: null, message: 'cancelled' });
  }
}

/** The page's workers for evaluations (quick), by engine: one for every element using it. */
const sharedClients = new Map();

/** The page's worker running `engine` (a sector key, or null for every sector's module). */
function engineWorker(engine) {
  let client = sharedClients.get(engine);
  if (!client || client.failed) {
    client = new EngineClient(engine);
    sharedClients.set(engine, client);
  }
  return client;
}

/** The sectors with a build of the engine of their own (`sectors/<sector>/`, in the worker). */
const SECTOR_ENGINES = ['tanning', 'hotel', 'hospital', 'chemicals', 'automotive'];

/** The calculators connected to the page, and the engine each could use alone. */
const connectedEngines = new Map();

/**
 * The engine of a calculator whose own could be `own`: that sector's build when every calculator
 * of the page is a form of that one sector (the page then downloads a third less), else the
 * build of every sector, which one worker shares between all the page's calculators.
 */
function engineFor(own) {
  const wanted = new Set(connectedEngines.values());
  return own && wanted.size === 1 && wanted.has(own) ? own : null;
}

// ---- the element -----------------------------------------------------------------------------

let instances = 0;

function words(lang) {
  return WORDS[String(lang || '').toLowerCase().split('-')[0]] ?? WORDS.en;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : String(v));
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

/** A value with its unit as the document writes it. */
function quantity(number, unit) {
  return unit ? `${number} ${unit}` : String(number);
}

function setAt(doc, path, value) {
  const keys = path.split('.');
  let o = doc;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
}

/** `<cleanprod-calculator>`: see the module's comment and the package README. */
export class CleanprodCalculator extends HTMLElement {
  static formAssociated = true;

  static observedAttributes = ['sector', 'src', 'options', 'currency', 'lang', 'fields', 'draws'];

  #internals;

  #root;

  #uid;

  #form;

  #results;

  #status;

  #general;

  #fields = [];

  #document = null;

  #given = null;

  #result = null;

  #loadTicket = 0;

  #evalTicket = 0;

  #timer = 0;

  #connected = false;

  #risk = null;

  constructor() {
    super();
    instances += 1;
    this.#uid = `cp${instances}`;
    this.#internals = this.attachInternals();
    this.#root = this.attachShadow({ mode: 'open', delegatesFocus: false });
    const style = el('style');
    style.textContent = STYLE;
    this.#form = el('form', { part: 'form', novalidate: true });
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#form.addEventListener('input', () => this.#edited());
    this.#form.addEventListener('change', () => this.#edited());
    this.#general = el('div', { class: 'general', part: 'error', role: 'alert' });
    this.#status = el('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.#results = el('section', { class: 'results', part: 'results', 'aria-live': 'polite', 'aria-busy': 'true' });
    this.#root.append(style, this.#form, this.#general, this.#status, this.#results);
  }

  connectedCallback() {
    // A property set before the element was defined shadows the accessor: take it over.
    for (const name of ['document']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#connected = true;
    connectedEngines.set(this, this.#ownEngine);
    if (!this.#document) this.#load();
  }

  disconnectedCallback() {
    this.#connected = false;
    connectedEngines.delete(this);
    clearTimeout(this.#timer);
    this.#stopRisk();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#connected) return;
    if (name === 'lang') {
      this.#relabel();
      // The core's charts are drawn in the language too.
      if (this.#result) this.#evaluate();
      return;
    }
    if (name === 'currency' || name === 'draws') {
      this.#evaluate();
      return;
    }
    this.#load();
  }

  /** The document being edited, in canonical form (a copy). */
  get document() {
    return this.#document ? structuredClone(this.#document) : this.#given;
  }

  /** A whole document (TOML or JSON text, or an object) to edit instead of a sector's. */
  set document(value) {
    this.#given = value;
    if (this.#connected) this.#load();
  }

  /** The last result: `{ document, evaluation, simulation, charts }`, or null. */
  get result() {
    return this.#result;
  }

  /** The document as JSON: the value the element submits in a form. */
  get value() {
    return this.#document ? JSON.stringify(this.#document) : '';
  }

  get form() {
    return this.#internals.form;
  }

  get name() {
    return this.getAttribute('name');
  }

  get validity() {
    return this.#internals.validity;
  }

  get validationMessage() {
    return this.#internals.validationMessage;
  }

  checkValidity() {
    return this.#internals.checkValidity();
  }

  reportValidity() {
    return this.#internals.reportValidity();
  }

  formResetCallback() {
    this.#load();
  }

  formDisabledCallback(disabled) {
    for (const e of this.#form.elements) e.disabled = disabled;
  }

  /** The visitor's language: the element's `lang`, else the nearest one above it. */
  get #locale() {
    return this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || 'en';
  }

  /**
   * The language of the core's charts: the visitor's when the page names one the charts speak
   * (English, Spanish), else none (the document's `[report] lang`, else English).
   */
  get #chartLang() {
    const named = this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang');
    const base = String(named || '').toLowerCase().split('-')[0];
    return ['en', 'es'].includes(base) ? base : undefined;
  }

  get #words() {
    return words(this.#locale);
  }

  #list(name) {
    const v = this.getAttribute(name);
    return v ? v.split(/[\s,]+/).filter(Boolean) : null;
  }

  /** The engine this calculator could use alone: its sector's, for a form of a sector. */
  get #ownEngine() {
    const sector = this.getAttribute('sector');
    return this.#given == null && !this.getAttribute('src') && SECTOR_ENGINES.includes(sector) ? sector : null;
  }

  /** The engine this calculator uses, given the page's other calculators. */
  get #engine() {
    return engineFor(this.#ownEngine);
  }

  /** Build the form from the worker's description of the document, then evaluate. */
  async #load() {
    const ticket = ++this.#loadTicket;
    if (this.#connected) connectedEngines.set(this, this.#ownEngine);
    // The calculators of a page are upgraded together: let the others connect before the
    // engine is chosen from the page's sectors.
    await null;
    if (ticket !== this.#loadTicket) return;
    this.#status.textContent = this.#words.loading;
    this.#results.setAttribute('aria-busy', 'true');
    const given = this.#given;
    const args = {
      sector: this.getAttribute('sector'),
      src: this.getAttribute('src') ? new URL(this.getAttribute('src'), globalThis.document.baseURI).href : null,
      doc: given == null ? null : typeof given === 'string' ? given : structuredClone(given),
      fields: this.#list('fields'),
      options: this.#list('options'),
    };
    if (given != null) args.src = null;
    try {
      const described = await engineWorker(this.#engine).call('form', args);
      if (ticket !== this.#loadTicket) return;
      this.#document = described.document;
      this.#buildForm(described.groups);
      await this.#evaluate();
    } catch (error) {
      if (ticket !== this.#loadTicket) return;
      this.#showErrors([error]);
    }
  }

  #buildForm(groups) {
    this.#form.replaceChildren();
    this.#fields = [];
    const w = this.#words;
    for (const group of groups) {
      const box = el('fieldset', { part: 'group' }, el('legend', { part: 'legend', 'data-word': group.label ? null : 'figures' }, group.label || w.figures));
      for (const f of group.fields) box.append(this.#fieldRow(f));
      this.#form.append(box);
    }
    if (this.#internals.form?.matches(':disabled')) this.formDisabledCallback(true);
  }

  #fieldRow(f) {
    const id = `${this.#uid}-${f.path.replace(/[^a-z0-9_-]/gi, '-')}`;
    const helpId = `${id}-help`;
    const errorId = `${id}-error`;
    let input;
    if (f.kind === 'choice') {
      input = el('select', { id, name: f.path, part: 'input' }, ...f.choices.map((c) => el('option', { value: c.value, selected: c.value === f.value }, c.label)));
    } else if (f.kind === 'boolean') {
      input = el('input', { id, name: f.path, type: 'checkbox', part: 'input', checked: f.value });
    } else if (f.kind === 'number' || f.kind === 'quantity') {
      input = el('input', {
        id,
        name: f.path,
        type: 'text',
        inputmode: 'decimal',
        part: 'input',
        required: f.required,
        'aria-required': f.required ? 'true' : null,
        value: f.value ?? '',
        placeholder: f.value == null && f.example ? splitNumber(f.example) : null,
      });
    } else {
      input = el('input', { id, name: f.path, type: 'text', part: 'input', value: f.value ?? '' });
    }
    input.setAttribute('aria-describedby', `${errorId} ${helpId}`);
    const unit = f.unit ? el('span', { class: 'unit', part: 'unit', id: `${id}-unit` }, f.unit) : null;
    const row = el(
      'div',
      { class: 'field', part: 'field', 'data-path': f.path },
      el('label', { for: id, part: 'label' }, f.label),
      el('span', { class: 'control' }, input, unit),
      el('div', { class: 'error', part: 'field-error', id: errorId }),
      el('div', { class: 'help', part: 'help', id: helpId, hidden: true }, f.help),
    );
    if (unit) input.setAttribute('aria-describedby', `${errorId} ${id}-unit ${helpId}`);
    this.#fields.push({ ...f, input, error: row.querySelector('.error') });
    return row;
  }

  /** The document with the form's values, or the form's own errors (empty or not a number). */
  #collect() {
    const doc = structuredClone(this.#document);
    const errors = [];
    for (const f of this.#fields) {
      const { input } = f;
      if (f.kind === 'choice') setAt(doc, f.path, input.value);
      else if (f.kind === 'boolean') setAt(doc, f.path, input.checked);
      else if (f.kind === 'text') setAt(doc, f.path, input.value === '' ? undefined : input.value);
      else {
        const text = input.value.trim().replace(',', '.');
        if (text === '') {
          if (f.required) errors.push({ code: 'required', path: f.path, value: null, message: '' });
          setAt(doc, f.path, undefined);
          continue;
        }
        const x = Number(text);
        if (!Number.isFinite(x)) {
          errors.push({ code: 'invalid_number', path: f.path, value: input.value, message: '' });
          continue;
        }
        setAt(doc, f.path, f.kind === 'number' ? x : quantity(text, f.unit));
      }
    }
    const currency = this.getAttribute('currency');
    if (currency) doc.currency = currency;
    return { doc, errors };
  }

  #edited() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const { doc, errors } = this.#collect();
      this.#dispatch('cleanprod-change', { document: doc });
      if (errors.length) {
        this.#evalTicket += 1;
        this.#showErrors(errors);
        return;
      }
      this.#evaluate(doc);
    }, 150);
  }

  async #evaluate(doc = this.#collect().doc) {
    const ticket = ++this.#evalTicket;
    this.#status.textContent = this.#words.computing;
    this.#results.setAttribute('aria-busy', 'true');
    try {
      const result = await engineWorker(this.#engine).call('evaluate', { doc, lang: this.#chartLang });
      if (ticket !== this.#evalTicket) return;
      this.#document = result.document;
      this.#result = result;
      this.#clearErrors();
      this.#internals.setFormValue(this.value);
      this.#internals.setValidity({});
      this.#renderResult();
      this.#status.textContent = this.#words.ready;
      this.#results.setAttribute('aria-busy', 'false');
      this.#dispatch('cleanprod-result', { result });
      if (result.document.uncertainty) this.#simulate(ticket, result);
      else this.#stopRisk();
    } catch (error) {
      if (ticket !== this.#evalTicket) return;
      this.#showErrors([error]);
    }
  }

  #stopRisk() {
    this.#risk?.terminate();
    this.#risk = null;
  }

  /**
   * The risk simulation of an `[uncertainty]` section, in the element's own worker (thousands
   * of draws take seconds: evaluations of every element go on meanwhile, and a newer edit
   * stops it). The result then gains `simulation` and the charts drawn from it.
   */
  async #simulate(ticket, result) {
    this.#stopRisk();
    const risk = new EngineClient(this.#engine);
    this.#risk = risk;
    const w = this.#words;
    const draws = Number(this.getAttribute('draws')) || undefined;
    this.#status.textContent = w.simulating;
    try {
      const value = await risk.call('risk', {
        doc: result.document,
        options: draws ? { draws } : undefined,
        lang: this.#chartLang,
        titles: { tornado: w.tornadoTitle(result.evaluation.currency) },
      });
      if (ticket !== this.#evalTicket || this.#result !== result) return;
      const updated = { ...result, simulation: value.simulation, charts: [...result.charts, ...value.charts] };
      this.#result = updated;
      this.#renderResult();
      this.#status.textContent = w.ready;
      this.#dispatch('cleanprod-result', { result: updated });
    } catch (error) {
      if (error?.code === 'cancelled' || ticket !== this.#evalTicket) return;
      this.#status.textContent = '';
      const { nodes, text } = this.#message(error);
      this.#general.append(el('p', {}, `${w.error} `, ...nodes));
      this.#dispatch('cleanprod-error', { code: error.code, path: error.path, value: error.value ?? null, message: text });
    } finally {
      if (this.#risk === risk) this.#stopRisk();
    }
  }

  #dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #clearErrors() {
    this.#general.replaceChildren();
    for (const f of this.#fields) {
      f.error.replaceChildren();
      f.input.removeAttribute('aria-invalid');
    }
  }

  /**
   * The words of an error as DOM nodes and text: the element's own words, or the engine's
   * message (English, marked so) led by a sentence in the visitor's language.
   */
  #message(error, besideField = false) {
    const w = this.#words;
    if (error.code === 'required' || error.code === 'invalid_number') return { nodes: [w[error.code]], text: w[error.code] };
    // Beside its field, the engine's message need not repeat the field's path.
    const message = String(error.message ?? error.code);
    const own = besideField && error.path && message.startsWith(`${error.path}: `) ? message.slice(error.path.length + 2) : message;
    const lead = w.codes[error.code];
    const detail = el('span', { lang: 'en' }, own);
    return lead ? { nodes: [`${lead} `, detail], text: `${lead} ${own}` } : { nodes: [detail], text: own };
  }

  #showErrors(errors) {
    this.#clearErrors();
    this.#result = null;
    this.#results.setAttribute('aria-busy', 'false');
    this.#status.textContent = '';
    let anchor = null;
    for (const error of errors) {
      // The engine writes items as `options[0]`, the form as `options.0`.
      const path = String(error.path ?? '').replace(/\[(\d+)\]/g, '.$1');
      const field = this.#fields.find((f) => f.path === path);
      const { nodes, text } = this.#message(error, Boolean(field));
      if (field) {
        field.error.replaceChildren(...nodes);
        field.input.setAttribute('aria-invalid', 'true');
        anchor ??= field.input;
      } else {
        this.#general.append(el('p', {}, `${this.#words.error} `, ...nodes));
      }
      this.#dispatch('cleanprod-error', { code: error.code, path: error.path, value: error.value ?? null, message: text });
    }
    this.#internals.setFormValue(null);
    this.#internals.setValidity({ customError: true }, this.#message(errors[0]).text || errors[0].code, anchor ?? undefined);
  }

  /** The form's labels come from the schema; only the element's own words change. */
  #relabel() {
    for (const e of this.#form.querySelectorAll('[data-word]')) e.textContent = this.#words[e.dataset.word];
    if (this.#result) this.#renderResult();
  }

  #renderResult() {
    const w = this.#words;
    const { evaluation, simulation, charts } = this.#result;
    const lang = this.#locale;
    const money = numberFormat(lang, { style: 'currency', currency: evaluation.currency, maximumFractionDigits: 0 }, ` ${evaluation.currency}`);
    const one = numberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    const two = numberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
    const pct = numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    const cell = (value, text) => el('td', { 'data-value': value ?? '' }, value == null ? w.never : text(value));
    const risk = new Map((simulation?.outputs ?? []).filter((o) => o.metric === 'npv').map((o) => [o.option, o.probability_negative]));
    const financed = evaluation.options.some((o) => o.financing);
    const head = [w.option, w.investment, w.saving, w.payback, w.npv, w.co2];
    if (simulation) head.push(w.riskNegative);
    if (financed) head.push(w.dscr, w.equityIrr);
    const rows = evaluation.options.map((o) => {
      const cells = [
        el('th', { scope: 'row' }, o.title),
        cell(o.capex, (x) => money.format(x)),
        cell(o.annual_saving, (x) => money.format(x)),
        cell(o.simple_payback_years, (x) => w.years(one.format(x))),
        cell(o.npv, (x) => money.format(x)),
        cell(o.co2_avoided, (x) => w.tonnes(one.format(x))),
      ];
      if (simulation) cells.push(cell(risk.get(o.id), (x) => pct.format(x)));
      if (financed) {
        cells.push(cell(o.financing?.min_dscr, (x) => two.format(x)), cell(o.financing?.equity_irr, (x) => pct.format(x)));
      }
      return el('tr', { 'data-option': o.id, part: 'row' }, ...cells);
    });
    const all = evaluation.portfolio?.all;
    const foot = all && evaluation.options.length > 1
      ? el('tfoot', { part: 'totals' }, el('tr', { 'data-option': 'all' },
        el('th', { scope: 'row' }, w.total),
        cell(all.capex, (x) => money.format(x)),
        cell(all.annual_saving, (x) => money.format(x)),
        el('td'),
        cell(all.npv, (x) => money.format(x)),
        cell(all.co2_avoided, (x) => w.tonnes(one.format(x))),
        ...(simulation ? [cell(risk.get('portfolio'), (x) => pct.format(x))] : []),
        ...(financed ? [el('td'), el('td')] : [])))
      : null;
    const table = evaluation.options.length
      ? el('table', { part: 'table' },
        el('caption', {}, w.results),
        el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows),
        foot)
      : el('p', {}, w.noOptions);
    const chartBox = charts.length
      ? el('div', { class: 'charts', part: 'charts' }, el('h3', {}, w.charts), ...charts.map((c) => {
        const figure = el('figure', { 'data-chart': c.name, part: `chart chart-${c.name}` });
        // The engine's SVG text, written by the core (no user text in it but escaped labels).
        figure.innerHTML = c.svg;
        return figure;
      }))
      : null;
    this.#results.replaceChildren(table, chartBox ?? '');
  }
}

/**
 * `Intl.NumberFormat` for `lang`, falling back to English for a language tag it refuses, and to
 * the number followed by `suffix` for a currency code it refuses (nothing thrown to the page).
 */
function numberFormat(lang, options, suffix = '') {
  for (const tag of [lang, 'en']) {
    try {
      return new Intl.NumberFormat(tag, options);
    } catch {
      // An invalid language tag or currency code: try the next.
    }
  }
  const plain = new Intl.NumberFormat('en', { maximumFractionDigits: options.maximumFractionDigits ?? 2 });
  return { format: (x) => `${plain.format(x)}${suffix}` };
}

function splitNumber(example) {
  return String(example).split(/\s+/)[0];
}

if (globalThis.customElements && !customElements.get('cleanprod-calculator')) {
  customElements.define('cleanprod-calculator', CleanprodCalculator);
}

// Where a wasm module of the package is read from: a `file:` URL's bytes in Node.js (whose
// `fetch` cannot read files), any other URL as it is (the browser fetches and compiles it while
// it downloads). Shared by `core.js` (the package's module) and `worker.js` (the calculator's).

/** Node's file module, named so that no bundler tries to resolve it for a browser. */
const NODE_FS = 'node:fs/promises';

/** The bytes of a `file:` URL, in Node.js, without a static import of a Node module that a
 * browser bundle would have to resolve. */
export async function readFileUrl(url) {
  const fs = globalThis.process?.getBuiltinModule?.(NODE_FS)
    // Node.js before 20.16 (no getBuiltinModule): an import bundlers leave alone.
    ?? (globalThis.process?.versions?.node ? await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS) : null);
  if (!fs) throw new Error(`cleanprod: cannot read ${url} here; pass init({ bytes }) or init({ module })`);
  return fs.readFile(new URL(url instanceof URL ? url.href : String(url)));
}

/** Whether `x` (a string or a URL) is a `file:` URL. */
export function isFileUrl(x) {
  try {
    return new URL(x instanceof URL ? x.href : String(x)).protocol === 'file:';
  } catch {
    return false;
  }
}

/** What the wasm-bindgen glue loads from `url`: the file's bytes for a `file:` URL, else the URL. */
export function wasmSource(url) {
  return isFileUrl(url) ? readFileUrl(url) : url;
}

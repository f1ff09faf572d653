// The one comparison of golden figures, without Node imports so that the browser test page
// loads it too: numbers within a tolerance {relative, absolute} (EXACT: bit for bit), strings,
// booleans and null exactly, objects with the same keys, arrays of the same length.

/** Zero tolerance: the same figure bit for bit (the determinism check across targets). */
export const EXACT = Object.freeze({ relative: 0, absolute: 0 });

/** Whether two numbers are the same figure: |a - b| <= max(absolute, relative * max(|a|, |b|)). */
export function close(got, want, tol = EXACT) {
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
export function difference(got, want, where = '$', tol = EXACT) {
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

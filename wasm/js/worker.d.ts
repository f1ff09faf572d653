// Types of the messages of the `cleanprod/worker` entry (import them with `import type`: the
// module itself runs in a worker).
import type { Document, DocumentInput, Evaluation, SimulateOptions, SimulationResult } from './index.js';

/** An error posted back: the engine's fields survive the trip. */
export interface WorkerError {
  /** `SyntaxError`, `TypeError`, `RangeError` or `Error`. */
  name: string;
  /** The engine's code (e.g. "unit_dimension"), or the worker's ("unknown_operation", "fetch_failed", "unknown_field"). */
  code: string;
  /** The field path, e.g. "prices.water"; empty for the whole document. */
  path: string;
  /** The offending value as written, or null. */
  value: string | null;
  message: string;
}

/** One of the core's SVG charts. */
export interface WorkerChart {
  name: string;
  svg: string;
}

/** A simulation with its draws as plain arrays (as posted). */
export type PostedSimulation = Omit<SimulationResult, 'inputs' | 'outputs'> & {
  inputs: (Omit<SimulationResult['inputs'][number], 'values'> & { values: number[] })[];
  outputs: (Omit<SimulationResult['outputs'][number], 'values'> & { values: number[] })[];
};

/** What a page posts; `id` comes back with the answer. */
export type WorkerRequest = { id: number | string } & (
  | { op: 'evaluate'; doc: DocumentInput; lang?: 'en' | 'es' }
  | { op: 'simulate'; doc: DocumentInput; options?: SimulateOptions }
  | { op: 'risk'; doc: DocumentInput; options?: SimulateOptions; lang?: 'en' | 'es'; titles?: { tornado?: string } }
  | { op: 'form'; sector?: string; src?: string; doc?: DocumentInput; fields?: string[]; options?: string[] }
);

/** The answer of `evaluate`. */
export interface WorkerEvaluation {
  document: Document;
  evaluation: Evaluation;
  simulation: null;
  charts: WorkerChart[];
}

/** The answer of `risk`. */
export interface WorkerRisk {
  simulation: PostedSimulation;
  charts: WorkerChart[];
}

/** What the worker posts: `{ ready: true }` once the engine is loaded, then one answer per request. */
export type WorkerMessage =
  | { ready: true }
  | { id: number | string; ok: true; value: unknown }
  | { id: number | string; ok: false; error: WorkerError };

/** The fields of a thrown error that survive `postMessage`. */
export declare function errorFields(e: unknown): WorkerError;
/** A form label from a schema description. */
export declare function labelOf(description: string | undefined, key: string, keepHeading?: boolean): string;
/** The calculator's wasm module of every sector, next to `worker.js`. */
export declare const widgetWasmUrl: URL;
/** Each sector's own build of the calculator's module, which `worker.js?engine=<sector>` loads. */
export declare const sectorWasmUrls: Record<'tanning' | 'hotel' | 'hospital' | 'chemicals' | 'automotive', URL>;

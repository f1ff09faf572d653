// Types of the `cleanprod/widget` entry: the <cleanprod-calculator> element.
import type { Document, Evaluation, SimulationResult, CleanprodErrorFields } from './index.js';

/** One of the core's SVG charts of a result. */
export interface Chart {
  /** `cash_flow`, `cost_curve`, `sankey`; with a simulation `tornado` and `histogram`. */
  name: string;
  /** The SVG document, as the core writes it. */
  svg: string;
}

/** What the element computed (its `result` property and `cleanprod-result`'s detail). */
export interface CalculatorResult {
  /** The document evaluated, in canonical form. */
  document: Document;
  evaluation: Evaluation;
  /** The risk simulation, with an `[uncertainty]` section (values as plain arrays). */
  simulation: (Omit<SimulationResult, 'inputs' | 'outputs'> & { inputs: unknown[]; outputs: unknown[] }) | null;
  charts: Chart[];
}

/** `cleanprod-error`'s detail: the engine's (or the form's) error, its message in the visitor's language where the element owns the words. */
export interface CalculatorError extends CleanprodErrorFields {
  message: string;
}

/** `<cleanprod-calculator sector="hotel" options="low_flow_showers" lang="es">`. */
export declare class CleanprodCalculator extends HTMLElement {
  static formAssociated: true;
  static observedAttributes: string[];
  /** The document edited (canonical form); set a document (TOML or JSON text, or an object) to edit it instead of a sector's. */
  get document(): Document | string | null;
  set document(value: Document | string | null);
  /** The last result, or null while computing or after an error. */
  readonly result: CalculatorResult | null;
  /** The document as JSON, the value submitted with a form; empty while the figures have errors. */
  readonly value: string;
  readonly form: HTMLFormElement | null;
  readonly name: string | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  reportValidity(): boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'cleanprod-calculator': CleanprodCalculator;
  }
  interface HTMLElementEventMap {
    'cleanprod-change': CustomEvent<{ document: Document }>;
    'cleanprod-result': CustomEvent<{ result: CalculatorResult }>;
    'cleanprod-error': CustomEvent<CalculatorError>;
  }
}

// Types of the cleanprod npm package. `Document` and `Summary` are generated from the Rust
// types (through their JSON Schema) into types.d.ts when the package is built.
import type { CleanprodAssessmentDocument, Summary } from './types.js';

export type { Summary };

/** A cleaner-production assessment document, format "cleanprod/1". */
export type Document = CleanprodAssessmentDocument;

/** A document as TOML or JSON text, or as an object. */
export type DocumentInput = string | Document;

/** Dimensions accepted by {@link toSi} and {@link canonical}. */
export type DimensionName =
  | 'mass' | 'volume' | 'length' | 'area' | 'time' | 'frequency'
  | 'mass_rate' | 'volume_rate' | 'energy' | 'power' | 'pressure'
  | 'temperature' | 'temperature_interval' | 'mass_concentration'
  | 'specific_volume' | 'specific_energy' | 'ratio' | 'gas_amount' | 'gas_flow';

/**
 * The properties cleanprod adds to the errors it throws: a `SyntaxError` for text that is not
 * TOML or JSON, a `TypeError` for a wrongly shaped document, a `RangeError` for a bad value
 * or unit.
 */
export interface CleanprodErrorFields {
  /** Stable machine-readable code, e.g. "unit_dimension". */
  code: string;
  /** Field path, e.g. "prices.water"; empty for the whole document. */
  path: string;
  /** The offending value as written, or null. */
  value: string | null;
}

/** Validate a document and return it in canonical form. Throws on invalid input. */
export declare function parse(doc: DocumentInput): Document;
/** Validate a document and return the figures a consultant checks first. */
export declare function summary(doc: DocumentInput): Summary;
/** The summary of a document as Markdown. */
export declare function summaryMarkdown(doc: DocumentInput): string;
/** The JSON Schema of the document format. */
export declare function schema(): Record<string, unknown>;
/** The coherent SI value of a value with its unit, e.g. toSi("12 m3/d", "volume_rate"). */
export declare function toSi(text: string, dimension: DimensionName): number;
/** A value with its unit in canonical spelling, e.g. canonical("12 l/min", "volume_rate") === "12 L/min". */
export declare function canonical(text: string, dimension: DimensionName): string;
/** The document format version this build writes, "cleanprod/1". */
export declare function formatVersion(): string;

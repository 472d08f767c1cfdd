// Types of what the page receives from the core: the WebAssembly module's
// Embind API, the questionnaire (docs/questionnaire.md) and the result
// (docs/contract.md section 3, with the additions in docs/questionnaire.md).
// The page's modules use them through JSDoc (`// @ts-check`); `tsc --noEmit`
// (ctest suite web_types) checks every module against them.  Nothing here is
// shipped: it describes data the core owns.

/** The Emscripten MODULARIZE instance (wasm/bindings.cpp): every function takes and returns JSON text. */
export interface LivermetsModule {
  /** One case (JSON text) in, one result (JSON text) out; never throws for bad input. */
  evaluate(caseText: string): string;
  /** The questionnaire (JSON text), a constant built with the core. */
  questionnaire(): string;
  /** The rule base version and guideline (JSON text). */
  version(): string;
  /** The core's one fault result (JSON text) for a fault seen outside C++. */
  fault(detail: string): string;
}

/** The factory livermets.js defines as globalThis.createLivermets. */
export type LivermetsFactory = (moduleArgs?: Record<string, unknown>) => Promise<LivermetsModule>;

export interface Rulebase {
  version: string;
  guideline: string;
}

// ---- the questionnaire ----

export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; unknown: true }
  | { all: Condition[] }
  | { any: Condition[] };

export interface Option {
  value: string;
  label: string;
}

export interface Question {
  /** The contract's field name; dotted for a field of a nested block (colorectal.ras). */
  id: string;
  section: string;
  label: string;
  help: string;
  type: 'enum' | 'bool' | 'integer' | 'number';
  options?: Option[];
  unit?: string;
  min?: number;
  max?: number;
  min_exclusive?: boolean;
  step?: string;
  default?: string;
  relevant_when?: Condition;
  statements: string[];
}

export interface Section {
  id: string;
  title: string;
}

export interface Statement {
  id: string;
  kind: 'rule' | 'informational' | 'heading';
  gist: string;
  citations: number[];
}

export interface PathwayDefinition {
  code: string;
  title: string;
  summary: string;
  statements: string[];
}

export interface AlgorithmNode {
  id: string;
  label: string;
  kind: 'decision' | 'pathway';
}

export interface AlgorithmEdge {
  from: string;
  to: string;
  label: string;
}

export interface Algorithm {
  id: string;
  title: string;
  nodes: AlgorithmNode[];
  edges: AlgorithmEdge[];
}

export interface DerivedFigure {
  id: string;
  label: string;
  unit: string;
  formula?: string;
  source?: string;
  beyond_guideline?: boolean;
}

/** The core's limits on one case. */
export interface Limits {
  case_bytes: number;
  nesting_depth: number;
}

export interface Questionnaire {
  schema: string;
  rulebase: Rulebase;
  sections: Section[];
  questions: Question[];
  statements: Statement[];
  pathways: PathwayDefinition[];
  algorithms: Algorithm[];
  derived: DerivedFigure[];
  limits: Limits;
  /** Issue 10: the order of the sections for each value of `primary`, and "unknown". */
  section_order?: Record<string, string[]>;
}

// ---- the result ----

/** A case: the contract's fields; values are JSON data. */
export type Case = Record<string, unknown>;

export interface Basis {
  statements: string[];
  citations: number[];
}

export interface Item extends Basis {
  code: string;
  text: string;
}

export interface Recommendation extends Item {
  strength: 'do' | 'consider' | 'avoid';
  /** Issue 10: an item every case of its kind gets; listed after the case-specific ones. */
  general?: boolean;
}

export interface Warning extends Item {
  /** CHECK_ANSWERS: the fields whose answers contradict each other. */
  fields?: string[];
}

export interface Criterion extends Item {
  status: 'met' | 'not_met' | 'unknown';
  reason: string;
  /** Issue 10: the criterion in a few words ("R0 yes"). */
  fact?: string;
}

/** Issue 10: one fact that decided the result, and the questions it comes from. */
export interface WhyFact {
  text: string;
  fields: string[];
}

export interface Candidacy {
  overall: 'met' | 'not_met' | 'undetermined';
  criteria: Criterion[];
  operable?: boolean;
}

export interface Pathway extends Basis {
  code: string;
  title: string;
  summary: string;
}

export interface Missing {
  field: string;
  why: string;
  statements?: string[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Result {
  status: 'ok' | 'error';
  errors: FieldError[];
  rulebase: Rulebase;
  /** On an error result only: true when the calculator failed, not the input. */
  internal_fault?: boolean;
  case?: Case;
  assumed?: string[];
  pathway?: Pathway;
  candidacy?: Candidacy;
  recommendations?: Recommendation[];
  warnings?: Warning[];
  missing?: Missing[];
  derived?: Record<string, number>;
  algorithm?: string;
  route?: string[];
  /** Issue 10: the facts that decided the result, in the route's order. */
  why?: WhyFact[];
}

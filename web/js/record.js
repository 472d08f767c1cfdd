// @ts-check
// The result as plain text for the patient record or a referral form ("Copy
// for the record"), and the parts the print view shares with it: the date,
// the rule-base line, the decision-support line and the case as entered.
//
// Pure functions of the result and the questionnaire (no DOM, no clock unless
// asked), so that tests/wasm/record.test.mjs can check the text against real
// results.  The text holds only what was entered (the answered questions, with
// the questionnaire's labels and units) and what the calculator computed (its
// pathway, items, warnings, unknowns and derived figures, in its own words),
// plus the fixed headings below.  Plain text: short lines, no Markdown.

export const TOOL_NAME = 'Liver metastases pathway calculator';
/** The standard line of every copy and printout. */
export const DECISION_SUPPORT_LINE =
  'Decision support only, not a substitute for the hepatobiliary multidisciplinary team: the team decides.';
export const LINE_WIDTH = 72;

const STRENGTH_HEADINGS = [['do', 'Do'], ['consider', 'Consider'], ['avoid', 'Avoid']];

/** YYYY-MM-DD in local time. */
export function isoDate(d) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "Rule base 1.1.0, Management of Liver Metastases" */
export function rulebaseLine(rb) {
  return `Rule base ${(rb && rb.version) || '?'}, ${(rb && rb.guideline) || ''}`.replace(/, $/, '');
}

/** The value at a dotted field name (colorectal.ras) in a case, or undefined. */
export function getPath(obj, dotted) {
  let cur = obj;
  for (const k of dotted.split('.')) {
    if (!cur || typeof cur !== 'object' || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** An answer as the form shows it: option label, Yes/No, number with its unit. */
export function answerText(question, v) {
  const q = question || {};
  // a number the form keeps exactly as typed (form.js RawNumber)
  if (v && typeof v === 'object' && typeof v.text === 'string') return v.text + (q.unit ? ' ' + q.unit : '');
  if (q.type === 'bool' || typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (q.type === 'enum') return ((q.options || []).find((o) => o.value === v) || { label: String(v) }).label;
  if (typeof v === 'number' && q.unit) return `${v} ${q.unit}`;
  return String(v);
}

/**
 * The case as entered, in the questionnaire's order: [{id, label, value,
 * assumed}].  Taken from the result's echo of the case it was computed from;
 * a result without one (invalid answers) falls back to `entered`, the case
 * the page sent.  Only answered questions, plus the answers the core assumed
 * (`result.assumed`), marked as such.
 */
export function caseRows(questionnaire, result, entered) {
  const echo = result && result.status === 'ok' && result.case ? result.case : (entered || {});
  const assumed = new Set((result && result.status === 'ok' && result.assumed) || []);
  const rows = [];
  for (const q of questionnaire.questions || []) {
    const v = getPath(echo, q.id);
    if (v === undefined || v === null) continue;
    rows.push({ id: q.id, label: q.label, value: answerText(q, v), assumed: assumed.has(q.id) });
  }
  return rows;
}

/**
 * Wraps text into lines of at most `width` characters (a word longer than
 * that stands alone).  The first line starts with `first`, the others with
 * `rest`.
 */
export function wrap(text, { width = LINE_WIDTH, first = '', rest = first } = {}) {
  const words = String(text).split(/\s+/).filter(Boolean);
  const lines = [];
  let line = first;
  let empty = true;
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += (empty ? '' : ' ') + w;
    empty = false;
  }
  if (!empty || !lines.length) lines.push(line.trimEnd());
  return lines;
}

const item = (text) => wrap(text, { first: '  ', rest: '    ' });
const ids = (x) => (x.statements && x.statements.length ? ` (${x.statements.join(', ')})` : '');

/** The questionnaire's definition of a derived figure: label, unit, formula, source. */
export function derivedDef(questionnaire, key) {
  // The core lists every figure a result can carry (tests/core: DerivedFigures);
  // an unlisted key is shown as it is rather than with a label made up here.
  return (questionnaire.derived || []).find((x) => x.id === key) || { id: key, label: key, unit: '' };
}

/**
 * The recommendations of one strength in the order they are read: the
 * case-specific items first, then those every case of its kind gets
 * (`general`).  Shared by the record and the result panel.
 */
export function itemsOfStrength(recs, strength) {
  const of = recs.filter((r) => r.strength === strength);
  return of.filter((r) => !r.general).concat(of.filter((r) => r.general));
}

function derivedLines(result, questionnaire) {
  const d = result.derived || {};
  return Object.keys(d).flatMap((k) => {
    const def = derivedDef(questionnaire, k);
    return item(`${def.label}: ${d[k]}${def.unit ? ' ' + def.unit : ''}`);
  });
}

/**
 * The plain-text record of one result.  opts: {date (a Date), entered (the
 * case the page sent, for a result that carries no echo)}.
 * @param {import('../types').Result} result
 * @param {import('../types').Questionnaire} questionnaire
 * @param {{date?: Date, entered?: object}} [opts]
 */
export function recordText(result, questionnaire, { date = new Date(), entered } = {}) {
  const rb = (result && result.rulebase) || questionnaire.rulebase || {};
  const out = [
    TOOL_NAME,
    ...wrap(rulebaseLine(rb)),
    `Date: ${isoDate(date)}`,
    '',
    'Case as entered',
  ];
  const rows = caseRows(questionnaire, result, entered);
  if (rows.length) for (const r of rows) out.push(...item(`${r.label}: ${r.value}${r.assumed ? ' (assumed, not answered)' : ''}`));
  else out.push('  No answers entered.');
  out.push('');

  if (!result || result.status !== 'ok') {
    if (result && result.internal_fault) out.push(...wrap('Calculator fault: no result was computed; please report this case.'));
    else {
      out.push('No pathway: these answers need correcting');
      for (const e of (result && result.errors) || []) out.push(...item(`${e.field ? e.field + ': ' : ''}${e.message}`));
    }
  } else {
    /** @type {Partial<import('../types').Pathway>} */
    const p = result.pathway || {};
    out.push(...wrap(`Pathway: ${p.title || ''} (${p.code || ''})`));
    // the facts that decided it (the core's `why`), then the summary
    const why = (result.why || []).map((f) => f.text).filter(Boolean);
    if (why.length) out.push(...item(`Decided by: ${why.join(' · ')}`));
    out.push(...item(p.summary || ''));
    const recs = result.recommendations || [];
    for (const [key, heading] of STRENGTH_HEADINGS) {
      const group = itemsOfStrength(recs, key);
      if (!group.length) continue;
      out.push('', heading);
      for (const r of group) out.push(...item(r.text + ids(r)));
    }
    const warnings = result.warnings || [];
    if (warnings.length) {
      out.push('', 'Warnings');
      for (const w of warnings) out.push(...item(w.text + ids(w)));
    }
    const missing = result.missing || [];
    if (missing.length) {
      out.push('', 'Still unknown, and would change the result');
      const labels = new Map((questionnaire.questions || []).map((q) => [q.id, q.label]));
      for (const m of missing) out.push(...item(`${labels.get(m.field) || m.field}: ${m.why}`));
    }
    const derived = derivedLines(result, questionnaire);
    if (derived.length) out.push('', 'Derived figures', ...derived);
  }
  out.push('', ...wrap(DECISION_SUPPORT_LINE));
  return out.join('\n') + '\n';
}

// @ts-check
// Renders a result object (CONTRACT.md section 3) into the result panel:
// pathway, warnings, candidacy checklist, recommendations by strength, what
// would change the result, derived figures, and the basis of every line.

import { h, questionDomId } from './dom.js';
import { TOOL_NAME, DECISION_SUPPORT_LINE, isoDate, derivedDef, itemsOfStrength } from './record.js';

const STRENGTHS = [
  { key: 'do', title: 'Do' },
  { key: 'consider', title: 'Consider' },
  { key: 'avoid', title: 'Avoid' },
];
const STATUS_TEXT = { met: 'Met', not_met: 'Not met', unknown: 'Unknown' };
const STATUS_MARK = { met: '✓', not_met: '✗', unknown: '?' };
const OVERALL_TEXT = { met: 'All criteria met', not_met: 'Not met', undetermined: 'Undetermined' };

function citationText(citations) {
  return citations && citations.length ? 'citations ' + citations.join(', ') : 'no citation';
}

/** "Basis" disclosure: statement ids and citations, with each statement's gist on demand. */
function basisNode(item, ctx, code) {
  const ids = item.statements || [];
  ids.forEach((id) => ctx.cited.add(id));
  if (!ids.length) return null;
  const list = h('ul', { class: 'basis-list' }, ids.map((id) => {
    const st = ctx.statements.get(id);
    return h('li', {},
      h('span', { class: 'sid' }, id), ' ',
      st ? st.gist : '(statement not in the rule base)',
      st && st.citations && st.citations.length ? h('span', { class: 'cit' }, ' [' + st.citations.join(', ') + ']') : null);
  }));
  // keyed by the item's code, so that an open Basis stays open when the result is redrawn
  return h('details', { class: 'basis', dataset: { basis: item.code || code || '' } },
    h('summary', {}, h('span', { class: 'basis-label' }, 'Basis: '), ids.join(', '), ' · ', citationText(item.citations)),
    code ? h('p', { class: 'basis-code' }, 'Code ', h('code', {}, code)) : null,
    list);
}

function fieldLink(field, text, ctx) {
  return h('a', {
    href: '#' + questionDomId(field),
    class: 'field-link',
    dataset: { field },
    onclick: (e) => {
      if (ctx.focusField && ctx.focusField(field)) e.preventDefault();
    },
  }, text);
}

function renderFault(result) {
  return h('div', { class: 'card card-error', role: 'alert', dataset: { fault: 'internal' } },
    h('h3', {}, 'Calculator fault'),
    h('p', {}, 'This is a fault of the calculator, not of your answers.'),
    h('ul', { class: 'error-list' }, (result.errors || []).map((e) => h('li', {}, e.message))));
}

function renderErrors(result, rest, ctx) {
  if (result.internal_fault) return renderFault(result);
  const errs = result.errors || [];
  return h('div', { class: 'card card-error', role: 'alert' },
    h('h3', {}, 'No pathway: some answers need correcting'),
    h('ul', { class: 'error-list' }, errs.map((e) => {
      const placed = !rest.includes(e);
      return h('li', {},
        placed && e.field ? fieldLink(e.field, ctx.labelOf(e.field), ctx) : (e.field ? h('code', {}, e.field) : null),
        e.field ? ': ' : '', ctx.wording ? ctx.wording(e) : e.message);
    })));
}

/** A field's value in the result's echo of the case (dotted names are nested). */
function caseValue(result, field) {
  return field.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), result.case);
}

/** The answers the core assumed because they were not given (`result.assumed`: the contract's defaults). */
function renderAssumed(result, ctx) {
  const fields = result.assumed || [];
  if (!fields.length) return null;
  return h('p', { class: 'assumed-note link-row', dataset: { assumed: fields.join(' ') } },
    h('strong', {}, 'Assumed, not answered:'),
    fields.map((f) => h('span', {},
      ctx.hasField(f) ? fieldLink(f, ctx.labelOf(f), ctx) : h('code', {}, f),
      ': ', ctx.answerText(f, caseValue(result, f)))));
}

/**
 * The why line (issue 10): the facts that decided the result, as the core
 * gives them (`result.why`, read off the route and the criteria), and a
 * Provisional badge when unknowns could still change it (`result.missing`),
 * linking to "What would change this".
 */
function renderWhy(result) {
  const why = Array.isArray(result.why) ? result.why : [];
  const n = (result.missing || []).length;
  const line = why.length ? h('p', { class: 'why-line', id: 'why-line' },
    h('span', { class: 'visually-hidden' }, 'Decided by: '),
    why.map((f, i) => [i ? h('span', { class: 'why-sep', 'aria-hidden': 'true' }, ' · ') : null,
      h('span', { class: 'why-fact', dataset: { fields: (f.fields || []).join(' ') } }, f.text)])) : null;
  const badge = n ? h('p', { class: 'provisional' },
    h('a', { href: '#missing-title', class: 'provisional-link', id: 'provisional',
      onclick: (e) => {
        const target = document.getElementById('missing-title');
        if (!target) return;
        e.preventDefault();
        target.scrollIntoView({ block: 'start', behavior: 'auto' });
        target.focus({ preventScroll: true });
      } },
    h('strong', { class: 'provisional-badge' }, 'Provisional'), ' ',
    `${n} unknown${n === 1 ? '' : 's'} could change this`)) : null;
  return [line, badge];
}

function renderPathway(result, ctx) {
  const p = result.pathway || {};
  return h('div', { class: 'card card-pathway', id: 'pathway', dataset: { code: p.code || '' } },
    h('p', { class: 'eyebrow' }, 'Pathway'),
    // the code is for the record and the basis (print), not the reading path
    h('p', { class: 'code print-only' }, p.code || ''),
    h('h3', { class: 'pathway-title' }, p.title || p.code || ''),
    renderWhy(result),
    h('p', { class: 'pathway-summary' }, p.summary || ''),
    renderAssumed(result, ctx),
    basisNode({ ...p, statements: p.statements || [], citations: p.citations || [] }, ctx, p.code));
}

function renderWarnings(result, ctx) {
  const ws = result.warnings || [];
  if (!ws.length) return null;
  return h('section', { class: 'card card-warnings', 'aria-labelledby': 'warn-title' },
    h('h3', { id: 'warn-title' }, h('span', { class: 'warn-icon', 'aria-hidden': 'true' }, '⚠ '), 'Warnings (' + ws.length + ')'),
    h('ul', { class: 'items' }, ws.map((w) => h('li', { class: 'item warning', dataset: { code: w.code } },
      h('p', { class: 'item-text' }, w.text), warningFields(w, ctx), basisNode(w, ctx)))));
}

/** A warning about answers (CHECK_ANSWERS) names its questions in `fields`: a link to each. */
function warningFields(w, ctx) {
  const fields = Array.isArray(w.fields) ? w.fields : [];
  if (!fields.length) return null;
  return h('p', { class: 'warning-fields link-row' }, h('span', {}, 'Check the answers:'),
    fields.map((f) => (ctx.hasField(f) ? fieldLink(f, ctx.labelOf(f), ctx) : h('code', {}, f))));
}

function renderCandidacy(result, ctx) {
  const c = result.candidacy;
  if (!c || !c.criteria) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'cand-title' },
    h('h3', { id: 'cand-title' }, 'Candidacy for resection: ',
      h('span', { class: 'overall overall-' + c.overall }, OVERALL_TEXT[c.overall] || c.overall)),
    h('ul', { class: 'items checklist' }, c.criteria.map((cr) => h('li', { class: 'item crit status-' + cr.status, dataset: { code: cr.code, status: cr.status } },
      h('p', { class: 'item-text' },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, STATUS_MARK[cr.status] || '•'),
        h('strong', {}, STATUS_TEXT[cr.status] || cr.status), ' · ', cr.reason || cr.code),
      basisNode(cr, ctx)))),
    renderOperable(result));
}

/**
 * `candidacy.operable` is a rule of the table (operable unless FITNESS is not
 * met or the patient declines), not a finding: never call the patient
 * "operable" while fitness or the patient's decision is unknown.
 */
function renderOperable(result) {
  const c = result.candidacy;
  if (typeof c.operable !== 'boolean') return null;
  const fitness = (c.criteria || []).find((cr) => cr.code === 'FITNESS');
  const declines = result.case ? result.case.patient_declines_surgery : undefined;
  let text;
  if (c.operable) {
    const open = [];
    if (!fitness || fitness.status !== 'met') open.push('fitness for surgery is not yet known');
    if (declines !== false) open.push('whether the patient accepts surgery is not yet recorded');
    text = 'surgery not excluded by the answers so far' + (open.length ? ' (' + open.join('; ') + ').' : '.');
  } else {
    const why = [];
    if (fitness && fitness.status === 'not_met') why.push('the fitness criterion is not met');
    if (declines === true) why.push('the patient has declined liver surgery');
    text = 'not for surgery on the answers given: ' + (why.length ? why.join('; ') : 'fitness or the patient\u2019s decision') + '.';
  }
  return h('p', { class: 'operable-note', dataset: { operable: String(c.operable) } },
    h('strong', {}, 'The patient: '), text);
}

function renderRecommendations(result, ctx) {
  const recs = result.recommendations || [];
  return h('section', { class: 'card', 'aria-labelledby': 'recs-title' },
    h('h3', { id: 'recs-title' }, 'Recommendations'),
    STRENGTHS.map(({ key, title }) => {
      const group = itemsOfStrength(recs, key);
      if (!group.length) return null;
      return h('div', { class: 'rec-group rec-' + key, dataset: { strength: key } },
        h('h4', {}, title),
        h('ul', { class: 'items' }, group.map((r) => h('li', { class: 'item rec' + (r.general ? ' rec-general' : ''), dataset: { code: r.code, general: String(!!r.general) } },
          h('p', { class: 'item-text' }, r.text), basisNode(r, ctx)))));
    }));
}

function renderMissing(result, ctx) {
  const ms = result.missing || [];
  if (!ms.length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'missing-title' },
    h('h3', { id: 'missing-title', tabindex: '-1' }, 'What would change this'),
    h('p', { class: 'muted' }, 'Unknown answers that could change the pathway or a recommendation, most important first.'),
    h('ul', { class: 'missing-list' }, ms.map((m) => h('li', {},
      ctx.hasField(m.field) ? fieldLink(m.field, ctx.labelOf(m.field), ctx) : h('code', {}, m.field),
      h('span', { class: 'why' }, m.why)))));
}

/**
 * A derived figure exactly as the core gives it: the core rounds for display
 * without letting a value that fails a threshold read as equal to it (29.99,
 * never 30); rounding it again here could undo that.
 */
function formatNumber(v) {
  return String(v);
}

function renderDerived(result, ctx) {
  const d = result.derived || {};
  const keys = Object.keys(d);
  if (!keys.length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'derived-title' },
    h('h3', { id: 'derived-title' }, 'Derived figures'),
    h('p', { class: 'muted' }, 'Computed from your answers. Prognostic scores inform; they never change the pathway.'),
    h('ul', { class: 'items derived-list' }, keys.map((k) => {
      const def = derivedDef(ctx.questionnaire, k);
      return h('li', { class: 'item', dataset: { derived: k } },
        h('p', { class: 'item-text' }, h('strong', {}, def.label), ': ', formatNumber(d[k]), def.unit ? ' ' + def.unit : ''),
        def.formula || def.source ? h('details', { class: 'basis' },
          h('summary', {}, 'Formula and source'),
          def.formula ? h('p', {}, h('span', { class: 'sid' }, 'Formula'), ' ', def.formula) : null,
          def.source ? h('p', {}, h('span', { class: 'sid' }, 'Source'), ' ', def.source) : null,
          def.beyond_guideline ? h('p', { class: 'muted' }, 'Beyond the guideline: a published figure the guideline does not state.') : null) : null);
    })));
}

/** The statements behind every line, in guideline order (always in print; on screen under a disclosure). */
function renderBasisSummary(ctx) {
  const ids = [...ctx.cited].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  if (!ids.length) return null;
  return h('section', { class: 'card basis-all', 'aria-labelledby': 'basis-title' },
    h('h3', { id: 'basis-title' }, 'Basis: guideline statements used'),
    h('p', { class: 'muted' }, 'Gnn is line nn of the guideline; numbers in brackets are its citations.'),
    h('ul', { class: 'basis-list' }, ids.map((id) => {
      const st = ctx.statements.get(id);
      return h('li', {}, h('span', { class: 'sid' }, id), ' ', st ? st.gist : '',
        st && st.citations && st.citations.length ? h('span', { class: 'cit' }, ' [' + st.citations.join(', ') + ']') : null);
    })));
}

function renderCaseSummary(rows) {
  return h('section', { class: 'card print-only case-summary', 'aria-labelledby': 'case-sum-title' },
    h('h3', { id: 'case-sum-title' }, 'Case as entered'),
    rows.length
      ? h('dl', {}, rows.map((r) => [h('dt', {}, r.label), h('dd', {}, r.value + (r.assumed ? ' (assumed)' : ''))]))
      : h('p', {}, 'No answers entered.'));
}

/**
 * renderResult(container, result, ctx) where ctx = {questionnaire, labelOf,
 * answerText, hasField, focusField, caseRows, unplacedErrors}.  Returns a one-line
 * summary for the live region.
 */
export function renderResult(container, result, ctx) {
  const full = {
    ...ctx,
    statements: new Map((ctx.questionnaire.statements || []).map((s0) => [s0.id, s0])),
    cited: new Set(),
  };
  const date = isoDate(new Date());
  const rb = result.rulebase || ctx.questionnaire.rulebase || {};
  const printHead = h('div', { class: 'print-only print-head' },
    h('p', {}, h('strong', {}, TOOL_NAME), ' · rule base ', rb.version || '', ' · ', rb.guideline || ''),
    h('p', {}, 'Printed ', date, '. ', DECISION_SUPPORT_LINE, ' ',
      'Gnn = statement on line nn of the guideline; numbers = its citations.'));

  // the Basis sections the reader opened stay open across a change of answer
  const opened = new Set([...container.querySelectorAll('details.basis[open]')].map((d) => d.getAttribute('data-basis')));
  container.textContent = '';
  const add = (...nodes) => container.append(...nodes.filter((n) => n));
  if (result.status !== 'ok') {
    add(printHead, renderCaseSummary(ctx.caseRows || []), renderErrors(result, ctx.unplacedErrors || [], full));
    container.dataset.status = 'error';
    container.dataset.pathway = '';
    const n = (result.errors || []).length;
    return result.internal_fault ? 'Calculator fault: no result was computed; please report this case.'
      : `No pathway: ${n} answer${n === 1 ? '' : 's'} to correct.`;
  }
  add(
    printHead,
    renderCaseSummary(ctx.caseRows || []),
    renderPathway(result, full),
    renderWarnings(result, full),
    renderRecommendations(result, full),
    renderCandidacy(result, full),
    renderMissing(result, full),
    renderDerived(result, full),
  );
  add(h('div', { id: 'diagram-slot' }), renderBasisSummary(full));
  for (const d of container.querySelectorAll('details.basis')) {
    if (opened.has(d.getAttribute('data-basis'))) d.setAttribute('open', '');
  }
  container.dataset.status = 'ok';
  container.dataset.pathway = (result.pathway && result.pathway.code) || '';
  const w = (result.warnings || []).length;
  return `Pathway: ${(result.pathway && result.pathway.title) || ''}.` + (w ? ` ${w} warning${w === 1 ? '' : 's'}.` : '');
}

// @ts-check
// Renders the questionnaire (from the core's definition) as a form, and reads
// the case back from it.  Knows nothing of rules: which questions are shown
// comes from each question's `relevant_when`, the accepted range from its
// min/max, and every answer can be "unknown" (sent as an absent field).

import { h, questionDomId, setHidden, setText, setAttr } from './dom.js';
import { acceptedText } from './words.js';
import { getPath, answerText as displayedAnswer } from './record.js';

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** A number typed by a person, kept exactly as typed so the core judges it. */
class RawNumber {
  constructor(text) { this.text = text; }
}

/** Normalises what was typed in a number box: '' = unknown. */
export function parseNumberText(text) {
  let t = String(text).trim();
  if (t === '') return undefined;
  if (/^[+-]?\d*,\d+$/.test(t)) t = t.replace(',', '.');     // decimal comma
  if (t.startsWith('+')) t = t.slice(1);
  if (/^-?\.\d/.test(t)) t = t.replace('.', '0.');            // .5 -> 0.5
  if (/^-?\d+\.$/.test(t)) t = t.slice(0, -1);                // 5. -> 5
  if (/^-?0\d/.test(t)) t = t.replace(/^(-?)0+(?=\d)/, '$1'); // 007 -> 7
  return JSON_NUMBER.test(t) ? new RawNumber(t) : t;          // text: the core says what is wrong
}

/** JSON text of a case whose numbers may be RawNumber (kept verbatim, e.g. 1e400). */
export function caseToJson(value) {
  if (value instanceof RawNumber) return value.text;
  if (value && typeof value === 'object') {
    return '{' + Object.entries(value).map(([k, v]) => JSON.stringify(k) + ':' + caseToJson(v)).join(',') + '}';
  }
  return JSON.stringify(value);
}

function setPath(obj, dotted, value) {
  const parts = dotted.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (!cur[p] || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p];
  }
  cur[parts[parts.length - 1]] = value;
}


/** Does a relevant_when condition hold for the known answers (a flat map)? */
export function holds(cond, known) {
  if (!cond) return true;
  if (Array.isArray(cond.all)) return cond.all.every((c) => holds(c, known));
  if (Array.isArray(cond.any)) return cond.any.some((c) => holds(c, known));
  if (cond.unknown === true) return !known.has(cond.field);
  if ('equals' in cond) {
    if (!known.has(cond.field)) return false;
    const v = known.get(cond.field);
    return (v instanceof RawNumber ? Number(v.text) : v) === cond.equals;
  }
  if (cond.unknown === false) return known.has(cond.field);
  return true;
}

function rangeText(q) {
  const t = acceptedText(q);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A small whole number (ECOG 0-4, segments 0-8) is answered with buttons, not typed. */
export function isSegmented(q) {
  return q.type === 'integer' && typeof q.min === 'number' && typeof q.max === 'number' && q.max - q.min <= 8;
}

/** A number the clinician types (any number question not answered with buttons). */
function isNumberBox(q) {
  return (q.type === 'integer' || q.type === 'number') && !isSegmented(q);
}

function choicesOf(q) {
  if (q.type === 'bool') return [{ value: true, label: 'Yes' }, { value: false, label: 'No' }];
  if (isSegmented(q)) {
    const out = [];
    for (let v = q.min; v <= q.max; v += 1) out.push({ value: v, label: String(v) });
    return out;
  }
  return q.options || [];
}

/** The words of a relevant_when condition: why a question is not asked now. */
function conditionText(cond, byId, answerText) {
  if (!cond) return '';
  const label = (id) => (byId.get(id) || { label: id }).label;
  if (Array.isArray(cond.all)) return cond.all.map((c) => conditionText(c, byId, answerText)).join(' and ');
  if (Array.isArray(cond.any)) return cond.any.map((c) => conditionText(c, byId, answerText)).join(' or ');
  if (cond.unknown === true) return `only while “${label(cond.field)}” is unknown`;
  if ('equals' in cond) return `only when “${label(cond.field)}” is ${answerText(cond.field, cond.equals)}`;
  return '';
}

/**
 * The questions that decide a result, for markDecides: `open` the unknown ones
 * that could change it (`missing`), `used` the answers its decisive facts came
 * from (`why`); null for an error result (nothing to go by).
 * @param {import('../types').Result} result
 */
function decidesOf(result) {
  return result.status === 'ok' ? {
    open: (result.missing || []).map((m) => m.field),
    used: (result.why || []).flatMap((f) => f.fields || []),
  } : null;
}

/** Bump when the drawn markup changes shape, so markup of an older drawing is never adopted. */
const FORM_MARKUP = 1;

/**
 * The fingerprint of the form drawn from a questionnaire (FNV-1a of its JSON
 * and the markup version): the prerendered form is adopted only when it
 * carries the fingerprint of the questionnaire the module gives.
 * @param {import('../types').Questionnaire} questionnaire
 */
export function formFingerprint(questionnaire) {
  const text = FORM_MARKUP + ':' + JSON.stringify(questionnaire);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0') + '-' + text.length.toString(16);
}

/**
 * createForm(root, questionnaire, {onChange}) adopts the form already in root
 * (prerendered at build time, with any answer given before the script ran) or
 * draws the sections and questions into root, and returns the form's API.
 * @param {HTMLElement} root
 * @param {import('../types').Questionnaire} questionnaire
 * @param {{onChange?: () => void}} [options]
 */
export function createForm(root, questionnaire, { onChange } = {}) {
  const questions = questionnaire.questions || [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const controls = new Map();   // id -> {container, read(), write(v), focus(), errorEl, describe}
  const sections = new Map();   // id -> element
  const sectionOrder = questionnaire.section_order || {};
  /** @type {HTMLElement} */
  let compactNote = root;
  let debounce = null;
  let compact = false;
  let decides = { open: new Set(), used: new Set(), known: false };
  const conflicts = new Map();  // id -> text (a kept answer that disagrees with the one used)

  const changed = (immediate) => {
    clearTimeout(debounce);
    if (immediate) onChange && onChange();
    else debounce = setTimeout(() => onChange && onChange(), 250);
  };

  // ---- the questions: drawn once (at build time into index.html, or here), then bound ----
  // Drawing makes markup only; binding finds the parts of a drawn question by
  // id and class and attaches the listeners, so a form already in the page
  // (prerendered by scripts/lib/prerender-form.mjs) is adopted, never redrawn.

  /** The help and "Accepted:" text, behind a disclosure button that opens on demand (and for an error). */
  function moreNodes(q, domId) {
    const nodes = [];
    if (q.help) nodes.push(h('p', { class: 'q-help', id: domId + '-help' }, q.help));
    if (isNumberBox(q)) {
      nodes.push(h('p', { class: 'q-range', id: domId + '-range' }, 'Accepted: ' + rangeText(q) + '. Leave empty if unknown.'));
    }
    if (!nodes.length) return { panel: null, toggle: null };
    const panel = h('div', { class: 'q-more', id: domId + '-more', hidden: true }, nodes);
    const toggle = h('button', {
      type: 'button', class: 'q-more-toggle', 'aria-expanded': 'false', 'aria-controls': domId + '-more',
    }, 'Help', h('span', { class: 'visually-hidden' }, ' for ' + q.label));
    return { panel, toggle };
  }
  function setMore(toggle, panel, open) {
    if (!toggle || !panel) return;
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  }

  function drawChoice(q, domId, helpIds, errId) {
    const name = 'f-' + domId;
    const opts = choicesOf(q);
    const defaultOpt = 'default' in q ? opts.find((o) => o.value === q.default) : null;
    const seg = isSegmented(q);
    const option = (value, label, extraClass, checked) => h('label', { class: 'opt' + (extraClass ? ' ' + extraClass : '') },
      h('input', { type: 'radio', name, value: JSON.stringify(value), checked }), h('span', {}, label));
    const unknownLabel = defaultOpt ? `Unknown (counts as ${defaultOpt.label})` : 'Unknown';
    const { panel, toggle } = moreNodes(q, domId);
    const group = h('div', { class: 'options' + (seg ? ' options-seg' : (opts.length > 3 ? ' options-many' : '')) },
      opts.map((o) => option(o.value, o.label, seg ? 'opt-seg' : '', false)),
      option(null, unknownLabel, 'opt-unknown', true), toggle);
    const legend = h('legend', { class: 'q-label' }, q.label);
    const mark = h('span', { class: 'q-decides', id: domId + '-decides', hidden: true });
    return h('fieldset', { class: 'q-choice', 'aria-describedby': helpIds.join(' ') || null },
      legend, mark, panel, group, h('p', { class: 'q-error', id: errId, hidden: true }));
  }

  function drawNumber(q, domId, helpIds, errId) {
    const inputId = domId + '-input';
    const input = h('input', {
      id: inputId,
      type: 'text',
      inputmode: q.type === 'integer' ? 'numeric' : 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      class: 'num',
      'aria-describedby': helpIds.join(' ') || null,
    });
    const label = h('label', { class: 'q-label', for: inputId }, q.label, q.unit ? h('span', { class: 'q-unit-inline' }, ' (' + q.unit + ')') : null);
    const { panel, toggle } = moreNodes(q, domId);
    const row = h('div', { class: 'num-row' }, input, q.unit ? h('span', { class: 'unit', 'aria-hidden': 'true' }, q.unit) : null, toggle);
    const mark = h('span', { class: 'q-decides', id: domId + '-decides', hidden: true });
    return h('div', { class: 'q-number' }, label, mark, panel, row, h('p', { class: 'q-error', id: errId, hidden: true }));
  }

  const helpIdsOf = (q, domId) => [
    ...(q.help ? [domId + '-help'] : []),
    ...(isNumberBox(q) ? [domId + '-range'] : []),
  ];

  /** One question's markup: the control, and the note for an answer kept while the question does not apply. */
  function drawQuestion(q) {
    const domId = questionDomId(q.id);
    const errId = domId + '-error';
    const helpIds = helpIdsOf(q, domId);
    const node = isNumberBox(q) ? drawNumber(q, domId, helpIds, errId) : drawChoice(q, domId, helpIds, errId);
    const kept = h('div', { class: 'q-kept', id: domId + '-kept', role: 'note', hidden: true },
      h('p', { class: 'q-kept-text' }),
      h('p', { class: 'q-kept-conflict', hidden: true }),
      h('button', { type: 'button', class: 'q-kept-clear' },
        'Clear this answer', h('span', { class: 'visually-hidden' }, ': ' + q.label)));
    return h('div', { class: 'question', id: domId, dataset: { field: q.id } }, node, kept);
  }

  /** The drawn question's parts, with its listeners; null when the markup is not this question's. */
  function bindQuestion(q, container) {
    const domId = questionDomId(q.id);
    const number = isNumberBox(q);
    const node = container.querySelector(number ? ':scope > .q-number' : ':scope > fieldset.q-choice');
    const kept = container.querySelector(':scope > .q-kept');
    const mark = node && node.querySelector(':scope > .q-decides');
    const errorEl = node && node.querySelector(':scope > .q-error');
    const clear = kept && kept.querySelector('.q-kept-clear');
    if (!(node instanceof HTMLElement) || !(kept instanceof HTMLElement) || !(mark instanceof HTMLElement) ||
        !(errorEl instanceof HTMLElement) || !clear || container.dataset.field !== q.id) return null;
    const toggle = node.querySelector('.q-more-toggle');
    const panel = node.querySelector(':scope > .q-more');
    if (toggle) toggle.addEventListener('click', () => setMore(toggle, panel, toggle.getAttribute('aria-expanded') !== 'true'));
    /** @type {any} */
    let ctl;
    if (number) {
      const input = /** @type {HTMLInputElement|null} */ (node.querySelector('input.num'));
      if (!input) return null;
      input.addEventListener('input', () => { refresh(); changed(false); });
      input.addEventListener('change', () => { refresh(); changed(true); });
      ctl = {
        node, ariaTarget: input,
        read() { return parseNumberText(input.value); },
        write(v) {
          if (v === undefined || v === null) input.value = '';
          else if (v instanceof RawNumber) input.value = v.text;
          else if (typeof v === 'number' || typeof v === 'string') input.value = String(v);
          else { input.value = ''; return false; }
          return true;
        },
        focus() { input.focus(); },
      };
    } else {
      const radios = /** @type {HTMLInputElement[]} */ ([...node.querySelectorAll(':scope > .options input[type=radio]')]);
      const inputs = radios.map((input) => ({ input, value: JSON.parse(input.value) }));
      if (inputs.length !== choicesOf(q).length + 1 || inputs[inputs.length - 1].value !== null) return null;
      for (const { input } of inputs) input.addEventListener('change', () => { refresh(); changed(true); });
      ctl = {
        node, ariaTarget: node,
        read() {
          const sel = inputs.find((i) => i.input.checked);
          return sel && sel.value !== null ? sel.value : undefined;
        },
        write(v) {
          let found = false;
          for (const i of inputs) {
            i.input.checked = v !== undefined && v !== null ? i.value === v : i.value === null;
            found = found || i.input.checked;
          }
          if (!found) { inputs[inputs.length - 1].input.checked = true; return false; }
          return true;
        },
        focus() { (inputs.find((i) => i.input.checked) || inputs[0]).input.focus(); },
      };
    }
    clear.addEventListener('click', () => { ctl.write(undefined); refresh(); changed(true); });
    Object.assign(ctl, { container, kept, mark, errorEl, more: { toggle, panel }, helpIds: helpIdsOf(q, domId) });
    return ctl;
  }

  const sectionList = questionnaire.sections || [];
  /** Draws every section and question into root (what the build prerenders into index.html). */
  function draw() {
    root.textContent = '';
    const drawn = new Map();
    for (const sec of sectionList) {
      const headId = 'sec-' + sec.id + '-title';
      const el = h('section', { class: 'form-section', id: 'sec-' + sec.id, 'aria-labelledby': headId, dataset: { section: sec.id } },
        h('h3', { id: headId }, sec.title));
      drawn.set(sec.id, el);
      root.append(el);
    }
    for (const q of questions) {
      let sec = drawn.get(q.section);
      if (!sec) {
        sec = h('section', { class: 'form-section', id: 'sec-' + q.section, dataset: { section: q.section } }, h('h3', {}, q.section));
        drawn.set(q.section, sec);
        root.append(sec);
      }
      sec.append(drawQuestion(q));
    }
    root.append(h('p', { class: 'compact-note', id: 'compact-note', role: 'status', hidden: true }));
    root.dataset.form = formFingerprint(questionnaire);
  }

  /** Binds the form in root; false (and nothing kept) when root does not hold this questionnaire's form. */
  function bind() {
    controls.clear();
    sections.clear();
    const byDomId = new Map([...root.querySelectorAll('[id]')].map((el) => [el.id, el]));
    for (const el of root.querySelectorAll(':scope > section.form-section')) {
      if (el instanceof HTMLElement && el.dataset.section) sections.set(el.dataset.section, el);
    }
    for (const sec of sectionList) if (!sections.has(sec.id)) return false;
    for (const q of questions) {
      const container = byDomId.get(questionDomId(q.id));
      const sec = sections.get(q.section);
      if (!(container instanceof HTMLElement) || !sec || container.parentElement !== sec) return false;
      const ctl = bindQuestion(q, container);
      if (!ctl) return false;
      controls.set(q.id, ctl);
    }
    const note = byDomId.get('compact-note');
    if (!(note instanceof HTMLElement) || note.parentElement !== root) return false;
    compactNote = note;
    return true;
  }

  // A form already in the page (built into index.html) is adopted with whatever
  // was answered in it before this script arrived; otherwise (a page served
  // from web/ directly, or markup of another questionnaire) it is drawn here.
  const adopted = root.dataset.form === formFingerprint(questionnaire) && bind();
  if (!adopted) { draw(); bind(); }
  root.dataset.formState = adopted ? 'adopted' : 'drawn';

  // ---- relevance ----
  function rawAnswers() {
    const known = new Map();
    for (const [id, ctl] of controls) {
      const v = ctl.read();
      if (v !== undefined) known.set(id, v);
    }
    return known;
  }

  /** The relevant questions' ids and their known answers, at a fixpoint. */
  function relevantAnswers() {
    const raw = rawAnswers();
    let known = raw;
    let relevant = new Set();
    for (let round = 0; round < 8; round += 1) {
      const next = new Set(questions.filter((q) => holds(q.relevant_when, known)).map((q) => q.id));
      const nextKnown = new Map([...raw].filter(([id]) => next.has(id)));
      const stable = next.size === relevant.size && [...next].every((id) => relevant.has(id));
      relevant = next;
      known = nextKnown;
      if (stable) break;
    }
    return { relevant, known, raw };
  }

  /** Sections in the core's order for the primary chosen (`section_order`); the first never moves. */
  function applyOrder(known) {
    const p = known.get('primary');
    const order = sectionOrder[typeof p === 'string' ? p : 'unknown'] || sectionList.map((x) => x.id);
    const wanted = [...order.map((id) => sections.get(id)).filter(Boolean),
      ...[...sections.values()].filter((el) => !order.includes(el.dataset.section))];
    // move only what is out of place, so the focused answer (in the first section) keeps focus
    let i = 0;
    for (const el of wanted) {
      const at = root.children[i];
      if (at !== el) root.insertBefore(el, at || compactNote);
      i += 1;
    }
    root.dataset.order = order.join(' ');
  }

  function refresh() {
    const { relevant, known, raw } = relevantAnswers();
    applyOrder(known);
    let hiddenByCompact = 0;
    for (const [id, ctl] of controls) {
      const q = byId.get(id);
      const isRelevant = relevant.has(id);
      const keptValue = !isRelevant && raw.has(id);
      setHidden(ctl.node, !isRelevant);
      setHidden(ctl.kept, !keptValue);
      if (keptValue) {
        setText(ctl.kept.querySelector('.q-kept-text'),
          `${q.label}: ${answerText(id, raw.get(id))} is kept but not used: this question is asked ${conditionText(q.relevant_when, byId, answerText)}.`);
        const c = conflicts.get(id);
        const cEl = ctl.kept.querySelector('.q-kept-conflict');
        setHidden(cEl, !c);
        setText(cEl, c || '');
      }
      let shown = isRelevant || keptValue;
      // compact: only what could still change the result, and the answers given
      if (shown && compact && decides.known && isRelevant && !known.has(id) && !decides.open.has(id)) {
        shown = false;
        hiddenByCompact += 1;
      }
      setHidden(ctl.container, !shown);
      ctl.container.classList.toggle('q-dormant', keptValue);
    }
    for (const [, sec] of sections) {
      setHidden(sec, !sec.querySelector('.question:not([hidden])'));
    }
    setHidden(compactNote, !(compact && hiddenByCompact));
    setText(compactNote, compact && hiddenByCompact
      ? `${hiddenByCompact} question${hiddenByCompact === 1 ? '' : 's'} not shown: unanswered, and none could change the result now. Turn off “Only what decides” to see every question.`
      : '');
  }

  function getCase() {
    const { known } = relevantAnswers();
    const c = {};
    for (const q of questions) if (known.has(q.id)) setPath(c, q.id, known.get(q.id));
    return c;
  }

  /** aria-describedby from what is shown: the decides mark, the error, then the help. */
  function describe(ctl) {
    const ids = [ctl.mark.hidden ? '' : ctl.mark.id, ctl.errorEl.hidden ? '' : ctl.errorEl.id, ...ctl.helpIds].filter(Boolean);
    setAttr(ctl.ariaTarget, 'aria-describedby', ids.length ? ids.join(' ') : null);
  }

  function clearErrors() {
    for (const [, ctl] of controls) {
      setHidden(ctl.errorEl, true);
      setText(ctl.errorEl, '');
      setAttr(ctl.ariaTarget, 'aria-invalid', null);
      ctl.container.classList.remove('has-error');
      describe(ctl);
    }
  }

  /**
   * Shows each error next to its question (in the page's words, `wording(error)`),
   * and opens the question's help; returns the errors no question could take.
   */
  function showErrors(errors, wording = (e) => e.message) {
    clearErrors();
    const rest = [];
    for (const err of errors || []) {
      const ctl = controls.get(err.field);
      if (!ctl || ctl.container.hidden || ctl.node.hidden) { rest.push(err); continue; }
      const text = wording(err);
      ctl.errorEl.hidden = false;
      ctl.errorEl.textContent = ctl.errorEl.textContent ? ctl.errorEl.textContent + ' ' + text : text;
      ctl.ariaTarget.setAttribute('aria-invalid', 'true');
      ctl.container.classList.add('has-error');
      describe(ctl);
      setMore(ctl.more.toggle, ctl.more.panel, true);
    }
    return rest;
  }

  /** Fills the form from a case object; returns the fields it could not show. */
  function setCase(caseObj) {
    const unplaced = [];
    for (const [id, ctl] of controls) {
      const v = getPath(caseObj || {}, id);
      if (!ctl.write(v === null ? undefined : v)) unplaced.push(id);
    }
    const walk = (obj, prefix) => {
      for (const [k, v] of Object.entries(obj || {})) {
        const id = prefix ? prefix + '.' + k : k;
        if (controls.has(id) || k === 'schema') continue;
        if (v && typeof v === 'object' && !Array.isArray(v) && !prefix) walk(v, id);
        else unplaced.push(id);
      }
    };
    walk(caseObj, '');
    conflicts.clear();
    clearErrors();
    refresh();
    return unplaced;
  }

  /** Every answer as it stands, the kept (not applicable) ones too: for Undo. */
  function snapshot() {
    return new Map(rawAnswers());
  }
  function restore(snap) {
    for (const [id, ctl] of controls) ctl.write(snap.has(id) ? snap.get(id) : undefined);
    conflicts.clear();
    clearErrors();
    refresh();
  }

  function reset() {
    for (const [, ctl] of controls) ctl.write(undefined);
    conflicts.clear();
    clearErrors();
    refresh();
  }

  /** An answer as the form shows it (option label, Yes/No, number with unit): record.js's one rendering. */
  function answerText(id, v) {
    return displayedAnswer(byId.get(id), v);
  }

  /** Marks the questions whose answer the core assumed (not answered), with the value it took. */
  function markAssumed(assumed = [], echo = {}) {
    for (const [id, ctl] of controls) {
      const on = assumed.includes(id) && getPath(echo, id) !== undefined;
      let note = ctl.container.querySelector('.q-assumed');
      // a note once made stays, hidden when it does not apply (the form's nodes are kept)
      if (!on) { if (note) { setHidden(note, true); setText(note, ''); } continue; }
      if (!note) {
        note = h('p', { class: 'q-assumed', id: questionDomId(id) + '-assumed' });
        ctl.node.append(note);
      }
      setHidden(note, false);
      setText(note, `Assumed: ${answerText(id, getPath(echo, id))} (not answered).`);
    }
  }

  /**
   * Marks the questions that decide the result now, as the core says:
   * `open` the unknown ones that could change it (`missing`), `used` the
   * answers the decisive facts came from (`why`).  null: no result to go by.
   */
  function markDecides(marks) {
    decides = marks ? { open: new Set(marks.open), used: new Set(marks.used), known: true } : { open: new Set(), used: new Set(), known: false };
    for (const [id, ctl] of controls) {
      const open = decides.open.has(id);
      const used = !open && decides.used.has(id);
      setHidden(ctl.mark, !(open || used));
      setText(ctl.mark, open ? 'Could change it' : (used ? 'Decided it' : ''));
      setAttr(ctl.mark, 'class', 'q-decides' + (open ? ' decides-open' : (used ? ' decides-used' : '')));
      setAttr(ctl.container, 'data-decides', open ? 'open' : (used ? 'used' : ''));
      describe(ctl);
    }
    refresh();
  }

  /** Every mark a result puts on the form (what decides it, what the core assumed): the page's and the build's one call. */
  function markResult(result) {
    markDecides(decidesOf(result));
    markAssumed(result.status === 'ok' ? result.assumed || [] : [], result.case || {});
  }

  /** Says that a kept (not applicable) answer disagrees with the one used; null clears it. */
  function setConflict(id, text) {
    if (text) conflicts.set(id, text); else conflicts.delete(id);
    refresh();
  }

  function setCompact(on) {
    compact = !!on;
    refresh();
  }

  function focusField(id) {
    const ctl = controls.get(id);
    if (!ctl) return false;
    if (ctl.container.hidden) return false;
    if (ctl.node.hidden) { ctl.kept.querySelector('button').focus(); ctl.container.scrollIntoView({ block: 'center', behavior: 'auto' }); return true; }
    ctl.focus();
    ctl.container.scrollIntoView({ block: 'center', behavior: 'auto' });
    return true;
  }

  root.addEventListener('submit', (e) => e.preventDefault());
  refresh();

  return {
    getCase,
    caseJson: () => caseToJson(getCase()),
    setCase,
    reset,
    snapshot,
    restore,
    isEmpty: () => rawAnswers().size === 0,
    rawValue: (id) => rawAnswers().get(id),
    isRelevant: (id) => relevantAnswers().relevant.has(id),
    showErrors,
    clearErrors,
    answerText,
    markResult,
    setConflict,
    setCompact,
    focusField,
    has: (id) => controls.has(id),
    isShown: (id) => controls.has(id) && !controls.get(id).container.hidden && !controls.get(id).node.hidden,
    labelOf: (id) => (byId.get(id) || { label: id }).label,
    question: (id) => byId.get(id),
  };
}

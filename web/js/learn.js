// @ts-check
// Learner mode (embed.html?mode=learn, or a livermets:configure message): a
// teaching vignette is shown with its answers; the learner first chooses the
// pathway they think the calculator gives from the guideline (and, if they like,
// the key "do" and "avoid" items); then the calculator's result is revealed beside their
// choice (the page's own result panel, every line with its basis), and the
// host is sent the attempt: their choice and whether it matched, nothing
// else (embed.js, sendAttempt).
//
// Until the learner commits, the result is neither shown nor announced: the
// vignette is evaluated here and kept, and handed to the page (reveal) only
// when the learner asks to check.

import { h } from './dom.js';
import { caseRows } from './record.js';
import { exampleIdFromHash } from './io.js';

const ACRONYMS = new Set(['HPB', 'MDT', 'PRRT', 'FOLFOX', 'EGFR', 'RAS', 'BRAF', 'HER2']);

/** A short label for a recommendation code: its words, acronyms kept ("Refer HPB MDT"). */
export function itemLabel(code) {
  const words = String(code).split('_').map((w) => (ACRONYMS.has(w) ? w : w.toLowerCase()));
  const first = words[0] || '';
  words[0] = ACRONYMS.has(first) ? first : first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ');
}

/**
 * Compares the learner's choice with the calculator's result.  The pathway
 * matches when it is the result's; the items (optional) match when every one
 * chosen as "do" is a "do" of the result and every one chosen as "avoid" an
 * "avoid" (null when none was chosen).  matched: both.
 */
export function judge(choice, result) {
  const strength = new Map((result.recommendations || []).map((r) => [r.code, r.strength]));
  const pathwayMatched = choice.pathway === (result.pathway && result.pathway.code);
  const chosen = [...choice.do.map((c) => [c, 'do']), ...choice.avoid.map((c) => [c, 'avoid'])];
  const itemsMatched = chosen.length ? chosen.every(([c, s]) => strength.get(c) === s) : null;
  return { pathwayMatched, itemsMatched, matched: pathwayMatched && itemsMatched !== false };
}

/** The do and avoid codes that the results of a set of vignettes give: the items a learner may pick from. */
export function itemChoices(results) {
  const pick = (strength) => [...new Set(results.flatMap((r) => (r.recommendations || [])
    .filter((x) => x.strength === strength).map((x) => x.code)))].sort((a, b) => itemLabel(a).localeCompare(itemLabel(b)));
  return { do: pick('do'), avoid: pick('avoid') };
}

const STRENGTH_WORD = { do: 'Do', consider: 'Consider', avoid: 'Avoid' };

/**
 * createLearn({questionnaire, evaluate, reveal, loadExamples, sendAttempt,
 * layout}): evaluate(caseText) -> result; reveal(caseObj, caseText, result)
 * shows that result in the page's result panel; loadExamples() -> the
 * shipped vignettes; layout: the element the learner's panel goes first in.
 */
export function createLearn({ questionnaire, evaluate, reveal, loadExamples, sendAttempt, layout }) {
  const root = document.documentElement;
  const pathways = questionnaire.pathways || [];
  const titleOf = new Map(pathways.map((p) => [p.code, p.title]));
  let set = null;         // the vignettes in use: [{id, title, teaching, text, result}]
  let shipped = null;     // the shipped ones, evaluated once
  let choices = { do: [], avoid: [] };
  let current = null;
  let panel = null;

  async function evaluateSet(list) {
    const out = [];
    for (const v of list) {
      const result = await evaluate(v.text);
      if (result.status !== 'ok') {
        const first = (result.errors || [])[0] || {};
        throw new Error(`vignette ${JSON.stringify(v.id)} is not a valid case: ${first.field ? first.field + ': ' : ''}${first.message || 'no result'}`);
      }
      out.push({ ...v, result });
    }
    return out;
  }

  async function shippedSet() {
    const examples = await loadExamples();
    return examples.map((ex) => ({ id: ex.id, title: ex.title, teaching: ex.teaching || '', text: JSON.stringify(ex.case) }));
  }

  function radio(name, value, label, extra) {
    return h('label', { class: 'opt' }, h('input', { type: extra || 'radio', name, value }), h('span', {}, label));
  }

  function buildPanel() {
    const select = h('select', { id: 'learn-vignette', onchange: () => open(select.value) });
    // a form for reset() and grouping, never submitted: a sandboxed frame without
    // allow-forms blocks submission, so the button acts on click
    const form = h('form', { id: 'learn-form', class: 'learn-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
      h('fieldset', { class: 'learn-pathways' },
        h('legend', { class: 'q-label' }, 'Which pathway does the calculator give for this case?'),
        h('div', { class: 'options options-column' }, pathways.map((p) => radio('learn-pathway', p.code, p.title)))),
      h('details', { class: 'learn-items' },
        h('summary', {}, 'Optional: the key items you would do or avoid'),
        h('fieldset', { class: 'learn-do' }, h('legend', { class: 'q-label' }, 'Do'), h('div', { class: 'options' })),
        h('fieldset', { class: 'learn-avoid' }, h('legend', { class: 'q-label' }, 'Avoid'), h('div', { class: 'options' }))),
      h('p', { class: 'q-error learn-error', id: 'learn-error', role: 'alert', hidden: true }, 'Choose a pathway first.'),
      h('button', { type: 'button', class: 'learn-check', onclick: () => check() }, 'Check my answer'));
    panel = h('section', { id: 'learn', class: 'learn', 'aria-labelledby': 'learn-title' },
      h('h2', { id: 'learn-title' }, 'Teaching case'),
      h('p', { class: 'learn-intro' }, 'Read the case, choose the pathway you think the calculator gives from the guideline, then check your answer: the calculator\u2019s result, with the guideline statements behind every line, appears beside your choice.'),
      h('div', { class: 'learn-pick tool-group' }, h('label', { for: 'learn-vignette' }, 'Case'), select),
      h('h3', { id: 'learn-case-title', class: 'learn-case-title' }),
      h('dl', { class: 'learn-answers', 'aria-labelledby': 'learn-case-title' }),
      form,
      h('section', { id: 'learn-feedback', class: 'learn-feedback', 'aria-labelledby': 'learn-feedback-title', tabindex: '-1', hidden: true }));
    layout.prepend(panel);
  }

  function fillItems(fieldset, codes, name) {
    const box = fieldset.querySelector('.options');
    box.textContent = '';
    box.append(...codes.map((c) => radio(name, c, itemLabel(c), 'checkbox')));
    fieldset.hidden = !codes.length;
  }

  function open(id) {
    const v = set.find((x) => x.id === id) || set[0];
    current = v;
    root.removeAttribute('data-learn');
    const select = panel.querySelector('#learn-vignette');
    select.textContent = '';
    select.append(...set.map((x) => h('option', { value: x.id }, x.title)));
    select.value = v.id;
    panel.querySelector('.learn-pick').hidden = set.length < 2;
    panel.querySelector('#learn-case-title').textContent = v.title;
    panel.dataset.vignette = v.id;
    const dl = panel.querySelector('.learn-answers');
    dl.textContent = '';
    for (const r of caseRows(questionnaire, v.result)) {
      dl.append(h('dt', {}, r.label), h('dd', {}, r.value + (r.assumed ? ' (assumed, not answered)' : '')));
    }
    const form = panel.querySelector('#learn-form');
    form.reset();
    form.querySelector('.learn-items').open = false;
    form.hidden = false;
    fillItems(form.querySelector('.learn-do'), choices.do, 'learn-do');
    fillItems(form.querySelector('.learn-avoid'), choices.avoid, 'learn-avoid');
    panel.querySelector('#learn-error').hidden = true;
    panel.querySelector('#learn-feedback').hidden = true;
  }

  function line(mark, ok, label, yours, theirs, statements) {
    return h('li', { class: 'learn-line ' + (ok === null ? 'learn-neutral' : ok ? 'learn-right' : 'learn-wrong') },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
      h('strong', {}, label),
      h('span', { class: 'learn-detail' }, `You: ${yours}. Calculator: ${theirs}.`,
        statements && statements.length ? h('span', { class: 'learn-basis' }, ' Basis: ', h('span', { class: 'sid' }, statements.join(', '))) : null));
  }

  /** The learner's choice beside the calculator's, line by line, with the basis of each. */
  function feedback(choice, verdict, result) {
    const p = result.pathway;
    const recs = new Map(result.recommendations.map((r) => [r.code, r]));
    const mine = new Map([...choice.do.map((c) => [c, 'do']), ...choice.avoid.map((c) => [c, 'avoid'])]);
    const codes = [...new Set([...mine.keys(), ...result.recommendations.filter((r) => r.strength !== 'consider').map((r) => r.code)])];
    const items = codes.map((c) => {
      const r = recs.get(c);
      const yours = mine.has(c) ? STRENGTH_WORD[mine.get(c)] : 'not chosen';
      const theirs = r ? STRENGTH_WORD[r.strength] : 'not given for this case';
      const ok = mine.has(c) ? !!r && r.strength === mine.get(c) : null;
      return line(ok === null ? '\u2022' : ok ? '\u2713' : '\u2717', ok, itemLabel(c), yours, theirs, r && r.statements);
    });
    const fb = panel.querySelector('#learn-feedback');
    fb.textContent = '';
    fb.dataset.matched = String(verdict.matched);
    fb.append(
      h('h3', { id: 'learn-feedback-title' }, 'Your answer beside the calculator\u2019s'),
      h('p', { class: 'learn-verdict' }, verdict.matched
        ? '\u2713 Your answer matches the calculator\u2019s result.'
        : verdict.pathwayMatched ? '\u2717 Your pathway matches, but not every item you chose.' : '\u2717 The calculator gives another pathway.'),
      h('ul', { class: 'learn-lines' },
        line(verdict.pathwayMatched ? '\u2713' : '\u2717', verdict.pathwayMatched, 'Pathway',
          titleOf.get(choice.pathway) || choice.pathway, p.title, p.statements),
        items),
      current.teaching ? h('p', { class: 'learn-teaching' }, h('strong', {}, 'Teaching point: '), current.teaching) : null,
      set.length > 1 ? h('button', { type: 'button', class: 'learn-next', onclick: () => next() }, 'Next case') : null);
    return fb;
  }

  async function check() {
    const form = panel.querySelector('#learn-form');
    const picked = form.querySelector('input[name="learn-pathway"]:checked');
    if (!picked) {
      panel.querySelector('#learn-error').hidden = false;
      form.querySelector('input[name="learn-pathway"]').focus();
      return;
    }
    const values = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    const choice = { pathway: picked.value, do: values('learn-do'), avoid: values('learn-avoid') };
    const v = current;
    const verdict = judge(choice, v.result);
    panel.querySelector('#learn-error').hidden = true;
    await reveal(JSON.parse(v.text), v.text, v.result);
    if (current !== v) return;  // another vignette was opened meanwhile
    root.setAttribute('data-learn', 'revealed');
    form.hidden = true;  // the feedback restates the choice, line by line
    const fb = feedback(choice, verdict, v.result);
    fb.hidden = false;
    fb.focus({ preventScroll: true });
    fb.scrollIntoView({ block: 'start' });
    sendAttempt({ vignette: v.id, choice, ...verdict });
  }

  function next() {
    const i = set.indexOf(current);
    open(set[(i + 1) % set.length].id);
    panel.querySelector('#learn-vignette').focus();
  }

  return {
    active: () => root.dataset.mode === 'learn',
    /**
     * Starts (or updates) learner mode: {vignettes (checked copies from the
     * host, or undefined: the shipped ones), vignette (the id to show; else
     * the one a #example=<id> link names, else the first)}.  Throws, changing
     * nothing, for an invalid vignette case or an unknown id.
     * @param {{vignettes?: Array<{id: string, title: string, teaching: string, text: string}>, vignette?: string}} [config]
     */
    async start({ vignettes, vignette } = {}) {
      if (!vignettes && !shipped) shipped = await evaluateSet(await shippedSet());
      const next = vignettes ? await evaluateSet(vignettes) : shipped;
      if (!next.length) throw new Error('there are no vignettes to show');
      const wanted = vignette !== undefined ? vignette : exampleIdFromHash(location.hash);
      if (vignette !== undefined && !next.some((x) => x.id === vignette)) {
        throw new Error(`"vignette" ${JSON.stringify(String(vignette).slice(0, 60))} is not one of the vignettes`);
      }
      set = next;
      choices = itemChoices(set.map((x) => x.result));
      if (!panel) buildPanel();
      panel.hidden = false;
      root.dataset.mode = 'learn';
      open(wanted);
      return { mode: 'learn', vignettes: set.map(({ id, title }) => ({ id, title })) };
    },
    /** Back to the calculator: the form shows the last case revealed (or what it held). */
    stop() {
      delete root.dataset.mode;
      root.removeAttribute('data-learn');
      if (panel) panel.hidden = true;
      return { mode: 'calculate', vignettes: [] };
    },
  };
}

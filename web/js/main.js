// @ts-check
// Wires the page: loads the questionnaire from the calculator, draws the
// form, and re-evaluates the case on every change.  The other modules each do
// one job: loader (the wasm module), form, result, diagram, io (files),
// changes (the clinical change log).

import { calculator, whenIdle } from './loader.js';
import { createForm, caseToJson } from './form.js';
import { pageMessage } from './words.js';
import { renderResult } from './result.js';
import { renderDiagram } from './diagram.js';
import { loadExamples, exportDocument, downloadJson, readCaseFile, exampleIdFromHash } from './io.js';
import { h } from './dom.js';
import { startOffline } from './offline.js';
import { listenEarly, attachEmbed, failEmbed, sendAttempt, requestedMode, isEmbedded } from './embed.js';
import { watchBuild } from './withdrawal.js';
import { attachChanges } from './changes.js';
import { recordText, caseRows } from './record.js';
import { attachCopy } from './copy.js';
import { createLearn } from './learn.js';

const $ = (sel) => document.querySelector(sel);

// A result is drawn (marks, errors, questions shown or hidden in compact mode)
// only once no finger or button is pressed: nothing moves between the press
// and the release of a tap, so a tap lands on the answer it was aimed at.
let pressed = false;
let released = [];
document.addEventListener('pointerdown', () => { pressed = true; }, true);
const release = () => {
  pressed = false;
  const waiting = released;
  released = [];
  setTimeout(() => waiting.forEach((r) => r()), 0);  // after the click the release ends
};
document.addEventListener('pointerup', release, true);
document.addEventListener('pointercancel', release, true);
const notPressed = () => (pressed ? new Promise((r) => released.push(r)) : Promise.resolve());

function setText(selector, text) {
  document.querySelectorAll(selector).forEach((el) => { el.textContent = text; });
}

function fatal(message, title = 'The calculator could not start') {
  const root = $('#questions');
  root.textContent = '';
  root.append(h('div', { class: 'card card-error', role: 'alert' }, h('h3', {}, title), h('p', {}, message)));
  document.documentElement.dataset.ready = 'failed';
  failEmbed(message);
}

/**
 * The core's result for the empty form, which the build writes into the page
 * (scripts/lib/prerender-form.mjs) so that the first result needs no
 * evaluation on the way to ready (issue 12); only when it is this rule base's.
 * The page checks it against the running module once it is idle (start()).
 * @param {string} version
 * @returns {import('../types').Result | null}
 */
function builtFirstResult(version) {
  const el = document.getElementById('first-result');
  if (!el) return null;
  try {
    const result = JSON.parse(el.textContent || '');
    return result && result.status === 'ok' && result.rulebase && result.rulebase.version === version ? result : null;
  } catch (e) {
    return null;
  }
}

async function start() {
  let q;
  try {
    q = await calculator.questionnaire();
  } catch (e) {
    fatal('This browser could not load the WebAssembly calculator (' + (e && e.message ? e.message : e) +
      '). Use a current browser; when opening the page from a file, use the single-file version.');
    return;
  }
  performance.mark('livermets-questionnaire');
  const rb = q.rulebase || {};
  setText('[data-version]', rb.version || '?');
  setText('[data-guideline]', rb.guideline || '');
  attachChanges($('#changes'), rb.version);

  const resultBody = $('#result-body');
  const live = $('#live');
  const bar = $('#pathway-bar');
  const ioStatus = $('#io-status');
  let seq = 0;
  let last = { caseObj: {}, result: null };

  const questionMap = new Map((q.questions || []).map((x) => [x.id, x]));
  const wording = (e) => pageMessage(e, questionMap);
  const form = createForm($('#questions'), q, { onChange: () => { dropUndo(); update(); } });
  performance.mark('livermets-form');

  // ---- never lose entered work: Undo after Reset, Load example and Import ----
  const undoButton = $('#undo');
  let undoState = null;
  // Undo for a change about to replace the answers, offered only when there were answers
  // to lose; `answers` defaults to the form as it is now.  Returns whether there were.
  function offerUndo(what, answers = form.isEmpty() ? null : form.snapshot()) {
    if (!answers) {
      dropUndo();
      return false;
    }
    undoState = { answers, example: $('#example').value };
    undoButton.textContent = `Undo ${what}`;
    undoButton.hidden = false;
    return true;
  }
  function dropUndo() {
    undoState = null;
    undoButton.hidden = true;
  }
  undoButton.addEventListener('click', () => {
    if (!undoState) return;
    const { answers, example } = undoState;
    dropUndo();
    form.restore(answers);
    $('#example').value = example;
    ioStatus.textContent = 'Your answers are back, as they were.';
    update();
    $('#questions').closest('form').querySelector('input:checked, input.num')?.focus({ preventScroll: true });
  });

  // "Only what decides": hides the unanswered questions that cannot change the result now
  const compactButton = $('#compact');
  compactButton.addEventListener('click', () => {
    const on = compactButton.getAttribute('aria-pressed') !== 'true';
    compactButton.setAttribute('aria-pressed', String(on));
    form.setCompact(on);
  });

  // A CT volumetry kept (hidden) beside a typed remnant %: say so when the two disagree.
  let conflictSeq = 0;
  async function checkVolumetryConflict() {
    const my = ++conflictSeq;
    const typed = form.rawValue('flr_percent');
    const vol = ['flr_volume_ml', 'height_cm', 'weight_kg'].map((id) => form.rawValue(id));
    let text = null;
    if (typed !== undefined && vol.every((v) => v !== undefined) && !form.isRelevant('flr_volume_ml')) {
      const ct = await calculator.evaluate(caseToJson({ flr_volume_ml: vol[0], height_cm: vol[1], weight_kg: vol[2] }));
      const typedNumber = Number(typed && typed.text !== undefined ? typed.text : typed);
      const computed = ct.status === 'ok' && ct.derived ? ct.derived.flr_percent : undefined;
      if (typeof computed === 'number' && Number.isFinite(typedNumber) && Math.abs(computed - typedNumber) >= 0.05) {
        text = `These figures give a remnant of ${computed}%, but ${form.answerText('flr_percent', typed)} is entered as the future liver remnant, and that is the one used. Check which is right.`;
      }
    }
    if (my === conflictSeq) form.setConflict('flr_volume_ml', text);
  }

  // On a phone or tablet the result bar at the bottom never covers the question being answered.
  const keepClearOfBar = (el) => {
    if (getComputedStyle(bar).display === 'none') return;
    const box = el.getBoundingClientRect();
    const limit = bar.getBoundingClientRect().top - 8;
    if (box.bottom > limit) window.scrollBy({ top: box.bottom - limit, behavior: 'instant' });
  };
  document.addEventListener('focusin', (e) => {
    const el = e.target instanceof Element ? (e.target.closest('.opt') || e.target) : null;
    if (el && el.closest('#case-form')) keepClearOfBar(el);
  });
  if (typeof ResizeObserver === 'function') {
    // Written only when it changes, and not at all while the bar is hidden on a page whose
    // CSS already leaves it no room: a property set on the root restyles the whole page.
    const root = document.documentElement;
    new ResizeObserver(() => {
      const hidden = getComputedStyle(bar).display === 'none';
      const now = root.style.getPropertyValue('--bar-now');
      if (hidden && !now && getComputedStyle(root).getPropertyValue('--bar-h').trim() === '0px') return;
      const value = (hidden ? 0 : Math.ceil(bar.getBoundingClientRect().height)) + 'px';
      if (now !== value) root.style.setProperty('--bar-now', value);
    }).observe(bar);
  }

  let withdrawn = false;
  // given: {text, result} to show a case evaluated elsewhere (the embed's
  // reply) exactly as it was answered; otherwise the form's case is evaluated
  async function update(given) {
    if (withdrawn) return;
    const my = ++seq;
    const text = given ? given.text : form.caseJson();
    let result = given && given.result;
    if (!result) {
      try {
        result = await calculator.evaluate(text);
      } catch (e) {  // after a fault, no instance of the module could start again
        fatal('Reload the page (' + (e && e.message ? e.message : e) + ').', 'The calculator stopped and could not restart');
        return;
      }
    }
    if (my !== seq || withdrawn) return;  // a newer change is already being evaluated
    await notPressed();
    if (my !== seq || withdrawn) return;
    let caseObj = {};
    try { caseObj = JSON.parse(text); } catch (e) { caseObj = {}; }
    last = { caseObj, result };
    let unplaced = [];
    if (result.status === 'ok' || result.internal_fault) form.clearErrors();  // a fault is not the answers' error
    else unplaced = form.showErrors(result.errors, wording);
    // the questions that decide the result now (unknowns that could change it, answers it
    // rests on) and the answers the core assumed
    form.markResult(result);
    checkVolumetryConflict();
    const summary = renderResult(resultBody, result, {
      questionnaire: q,
      labelOf: form.labelOf,
      answerText: form.answerText,
      hasField: form.isShown,
      focusField: form.focusField,
      caseRows: caseRows(q, result, form.getCase()),
      unplacedErrors: unplaced,
      wording,
    });
    if (result.status === 'ok') {
      renderDiagram($('#diagram-slot'), q.algorithms, result);
    }
    if (live.textContent !== summary) live.textContent = summary;
    // the bar: the whole pathway title (wrapping to two lines if need be), the warnings as a count
    const w = result.status === 'ok' ? (result.warnings || []).length : 0;
    bar.querySelector('.bar-text').textContent = result.status === 'ok' ? `Pathway: ${(result.pathway && result.pathway.title) || ''}` : summary;
    bar.querySelector('.bar-go').textContent = (w ? `⚠ ${w} ` : '') + '↓';
    bar.setAttribute('aria-label', summary + ' Go to the result.');
    bar.classList.toggle('bar-error', result.status !== 'ok');
    resultBody.dataset.seq = String(my);
    if (document.documentElement.dataset.ready !== 'true') {
      document.documentElement.dataset.ready = 'true';
      performance.mark('livermets-ready');  // page ready: questionnaire drawn, first result shown
    }
  }

  // ---- toolbar ----
  $('#reset').addEventListener('click', () => {
    const had = offerUndo('clear');
    form.reset();
    exampleSelect.value = '';  // the example chosen no longer describes the form
    ioStatus.textContent = had ? 'Form cleared: every answer is unknown. Undo brings your answers back.' : 'Form cleared: every answer is unknown.';
    update();
  });

  const exampleSelect = $('#example');
  const shippedExamples = loadExamples();
  // learner mode (embed only): js/learn.js; it reveals a vignette's result here
  const learn = createLearn({
    questionnaire: q,
    evaluate: (text) => calculator.evaluate(text),
    reveal: (caseObj, text, result) => { form.setCase(caseObj); return update({ text, result }); },
    loadExamples: () => shippedExamples,
    sendAttempt,
    layout: $('.layout'),
  });
  shippedExamples.then((examples) => {
    for (const ex of examples) exampleSelect.append(h('option', { value: ex.id }, ex.title));
    exampleSelect.disabled = false;
    $('#load-example').disabled = false;
    const open = (ex) => {
      const had = offerUndo('example');
      exampleSelect.value = ex.id;
      form.setCase(ex.case);
      ioStatus.textContent = `Example loaded: ${ex.title}.` + (ex.teaching ? ' ' + ex.teaching : '') + (had ? ' Undo brings your answers back.' : '');
      update();
    };
    $('#load-example').addEventListener('click', () => {
      const ex = examples.find((x) => x.id === exampleSelect.value);
      if (!ex) { ioStatus.textContent = 'Choose an example first.'; exampleSelect.focus(); return; }
      open(ex);
    });
    // a link to a teaching case (index.html#example=<id>); other fragments are only anchors
    const followLink = () => {
      const id = exampleIdFromHash(location.hash);
      if (!id || withdrawn || learn.active()) return;
      const ex = examples.find((x) => x.id === id);
      if (ex) open(ex);
      else ioStatus.textContent = `The link names a teaching example "${id}" that this version does not have.`;
    };
    window.addEventListener('hashchange', followLink);
    followLink();
  }).catch(() => {
    exampleSelect.append(h('option', { value: '' }, 'Examples unavailable'));
  });

  $('#export').addEventListener('click', () => {
    if (!last.result) return;
    const name = downloadJson(exportDocument(last.caseObj, last.result, q.rulebase));
    ioStatus.textContent = `Saved ${name} to this device.`;
  });

  const fileInput = $('#import-file');
  $('#import').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (!file) return;
    // Checked by the core before it replaces anything: an invalid file is
    // refused with its errors, and the form is left as it was.
    let caseObj;
    try {
      caseObj = await readCaseFile(file);
    } catch (e) {
      ioStatus.textContent = `Could not import ${file.name}: ${e.message}. The form is unchanged.`;
      return;
    }
    let checked;
    try {
      checked = await calculator.evaluate(JSON.stringify(caseObj));
    } catch (e) {
      ioStatus.textContent = `Could not import ${file.name}: it could not be checked (${e && e.message ? e.message : e}). The form is unchanged.`;
      return;
    }
    if (checked.status !== 'ok') {
      ioStatus.textContent = '';
      ioStatus.append(`Could not import ${file.name}: it is not a valid case, and the form is unchanged.`,
        h('ul', { class: 'import-errors' }, (checked.errors || []).map((e) => h('li', {},
          questionMap.has(e.field) ? questionMap.get(e.field).label + ': ' : (e.field ? e.field + ': ' : ''), wording(e)))));
      return;
    }
    const had = !form.isEmpty();
    const before = form.snapshot();  // restored if the form cannot show the case, else Undo's
    const unplaced = form.setCase(caseObj).filter((f) => !f.startsWith('x_'));
    if (unplaced.length) {  // a valid case the form cannot show all of: leave the form as it was
      form.restore(before);
      ioStatus.textContent = `Could not import ${file.name}: the form cannot show ${unplaced.join(', ')}. The form is unchanged.`;
      return;
    }
    offerUndo('import', had ? before : null);
    exampleSelect.value = '';
    ioStatus.textContent = `Imported ${file.name}.` + (had ? ' Undo brings your earlier answers back.' : '');
    update();
  });

  $('#print').addEventListener('click', () => window.print());
  // the record text of the case now in the form, evaluated afresh (a number
  // still being typed is taken as it stands)
  attachCopy({
    button: $('#copy'),
    status: ioStatus,
    getText: async () => {
      await update();
      return last.result ? recordText(last.result, q, { entered: form.getCase() }) : '';
    },
  });

  // The first result: for a form still empty, the one the build wrote into the
  // page, checked against the module in idle time and redrawn if they differ
  // (a page and a module from different builds); else the form's case.
  const built = form.isEmpty() ? builtFirstResult(rb.version) : null;
  await update(built ? { text: '{}', result: built } : undefined);
  if (built) {
    whenIdle(async () => {
      const live = await calculator.evaluate('{}');
      const same = JSON.stringify(live) === JSON.stringify(built);
      resultBody.dataset.firstResult = same ? 'confirmed' : 'replaced';
      if (!same && !withdrawn) update();
    });
  } else {
    resultBody.dataset.firstResult = 'evaluated';
  }

  // a withdrawn build gives no more results (js/withdrawal.js)
  watchBuild({
    version: rb.version,
    stopResults: () => {
      withdrawn = true;
      learn.stop();
      seq += 1;
      last = { caseObj: {}, result: null };
      $('#case-form').inert = true;
      $('.toolbar').inert = true;
      resultBody.textContent = '';
      resultBody.append(h('div', { class: 'card card-error', role: 'alert' }, h('h3', {}, 'No result: this version has been withdrawn'),
        h('p', {}, 'The people who run this site have withdrawn this version of the calculator. Ask for the current version.')));
      resultBody.dataset.pathway = '';
      bar.querySelector('.bar-text').textContent = 'Withdrawn: no result';
      bar.querySelector('.bar-go').textContent = '↓';
      bar.removeAttribute('aria-label');
      live.textContent = 'This version has been withdrawn: no result.';
    },
  });

  // embed mode (embed.html or ?embed=1): a host page may send cases to show,
  // or switch to learner mode (?mode=learn, or a configure message)
  let mode = 'calculate';
  if (isEmbedded() && requestedMode() === 'learn') {
    try {
      mode = (await learn.start()).mode;
    } catch (e) {
      ioStatus.textContent = `Learner mode could not start: ${e.message}.`;
    }
  }
  attachEmbed({
    evaluate: (text) => calculator.evaluate(text),
    // in learner mode a case sent to evaluate is answered but not shown: the vignette stays
    show: (caseObj, text, result) => {
      if (learn.active()) return undefined;
      form.setCase(caseObj);
      return update({ text, result });
    },
    configure: async (config) => {
      if (config.mode === 'learn') return learn.start(config);
      const answer = learn.stop();
      await update();
      return answer;
    },
    version: rb.version,
    mode,
    limits: q.limits,
  });
}

listenEarly();
// The service worker registers (and precaches the site) only once the page is
// ready, so a cold first visit does not compete with it for the network and CPU.
start().finally(() => startOffline());

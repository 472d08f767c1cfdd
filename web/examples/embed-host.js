// The example host page: sends teaching vignettes into the sandboxed
// calculator and shows the pathway it answers with.  Copy what you need:
//   - listen for messages and read only those whose event.source is the
//     calculator's frame (its origin is "null": a sandbox has no origin),
//     and start listening before the frame loads (here: its src is set below);
//   - wait for {type: "livermets:ready"} before sending (or send anyway: the
//     calculator keeps messages that arrive while it starts);
//   - send {type: "livermets:evaluate", id, case}; the answer is
//     {type: "livermets:result", id, result} (the contract's result object),
//     or {type: "livermets:error", id, error} when the message was malformed.
// The target origin of postMessage must be "*": a sandboxed frame's origin is
// opaque and cannot be named.  The message goes to that frame's window only.
//
// The quiz uses learner mode: {type: "livermets:configure", id, mode: "learn",
// vignettes?, vignette?} (answered {type: "livermets:configured", id, mode,
// vignettes: [{id, title}]}); each time the learner checks an answer the
// calculator sends {type: "livermets:attempt", vignette, choice, matched,
// pathway_matched, items_matched}.  {mode: "calculate"} ends it.
'use strict';

const VIGNETTES = [
  {
    id: 'crc',
    title: 'Colorectal, two metachronous lesions, fit',
    case: {
      schema: 'livermets-case/1', primary: 'colorectal', presentation: 'metachronous',
      surgical_review_done: true, chemotherapy_status: 'none', r0_achievable: true,
      flr_percent: 45, remnant_segments: 4, liver_quality: 'normal', ecog: 0,
      operative_risk_acceptable: true, extrahepatic_disease: 'none', patient_declines_surgery: false,
      lesion_count: 2, largest_lesion_cm: 3,
      colorectal: { node_positive_primary: false, tumor_markers_elevated: false, mmr: 'pmmr_mss' },
    },
  },
  {
    id: 'crc-conversion',
    title: 'Colorectal, small remnant, RAS mutated',
    case: {
      primary: 'colorectal', presentation: 'metachronous', surgical_review_done: true,
      chemotherapy_status: 'none', r0_achievable: false, flr_percent: 22, ecog: 0,
      operative_risk_acceptable: true, extrahepatic_disease: 'none', lesion_count: 6,
      largest_lesion_cm: 4.5, bilobar: true,
      colorectal: { mmr: 'pmmr_mss', ras: 'mutated', braf: 'wild_type', sidedness: 'right' },
    },
  },
  {
    id: 'net',
    title: 'Neuroendocrine, diffuse, stable, no symptoms',
    case: {
      primary: 'neuroendocrine', surgical_review_done: true, lesion_count: 8, bilobar: true,
      extrahepatic_disease: 'none',
      neuroendocrine: { symptomatic: false, progressive: false, solitary_or_isolated: false },
    },
  },
];

const frame = document.getElementById('calculator');
const status = document.getElementById('status');
const answer = document.getElementById('answer');
const log = document.getElementById('log');
let nextId = 1;

function describe(msg) {
  switch (msg.type) {
    case 'livermets:result':
      return `${msg.id}: ${msg.result.status === 'ok' ? msg.result.pathway.code : 'invalid case: ' + msg.result.errors.map((e) => e.field).join(', ')}`;
    case 'livermets:error': return `${msg.id}: ${msg.error}`;
    case 'livermets:configured': return `${msg.id}: mode ${msg.mode}, ${msg.vignettes.length} vignettes`;
    case 'livermets:attempt': return `${msg.vignette}: ${msg.choice.pathway}, ${msg.matched ? 'matched' : 'not matched'}`;
    default: return `version ${msg.version}, mode ${msg.mode}`;
  }
}

function logMessage(msg) {
  const li = document.createElement('li');
  li.dataset.type = msg.type;
  if (msg.id !== undefined) li.dataset.id = String(msg.id);
  if (msg.result && msg.result.pathway) li.dataset.pathway = msg.result.pathway.code;
  li.textContent = `${msg.type} ${describe(msg)}`;
  log.append(li);
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;  // only our calculator
  const msg = event.data;
  if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;
  logMessage(msg);
  if (msg.type === 'livermets:ready') {
    status.textContent = `Calculator ready (rule base ${msg.version}). Choose a vignette.`;
    document.documentElement.dataset.calculator = 'ready';
  } else if (msg.type === 'livermets:result') {
    answer.textContent = msg.result.status === 'ok'
      ? `${msg.result.pathway.title} (${msg.result.pathway.code})`
      : 'the case was not valid';
  } else if (msg.type === 'livermets:configured' || msg.type === 'livermets:attempt') {
    quizMessage(msg);
  } else if (msg.type === 'livermets:error' && String(msg.id).startsWith('quiz-')) {
    quizStatus.textContent = `The calculator refused the quiz: ${msg.error}`;
  }
});

// The calculator says "ready" once, as soon as it has started: the frame is loaded only now
// that the listener above is in place, so that message cannot come before anyone listens
// (with the src in the HTML, a slow host page could still be starting when it came).
frame.src = frame.dataset.src;

function send(vignette) {
  const id = `${vignette.id}-${nextId++}`;
  frame.contentWindow.postMessage({ type: 'livermets:evaluate', id, case: vignette.case }, '*');
  return id;
}

// ---- the quiz: learner mode over the shipped vignettes, or this page's own ----
const quizStatus = document.getElementById('quiz-status');
const quizScore = document.getElementById('quiz-score');
const quizNext = document.getElementById('quiz-next');
const quizStop = document.getElementById('quiz-stop');
const quiz = { vignettes: null, list: [], index: 0, score: 0, answered: 0, titles: new Map() };

function configure(fields) {
  frame.contentWindow.postMessage({ type: 'livermets:configure', id: `quiz-${nextId++}`, ...fields }, '*');
}

function ask() {
  configure({ mode: 'learn', vignette: quiz.list[quiz.index].id, ...(quiz.vignettes ? { vignettes: quiz.vignettes } : {}) });
}

function startQuiz(own) {
  Object.assign(quiz, { vignettes: own ? VIGNETTES : null, list: [], index: 0, score: 0, answered: 0 });
  quizScore.textContent = '';
  configure({ mode: 'learn', ...(own ? { vignettes: VIGNETTES } : {}) });
}

function quizMessage(msg) {
  if (msg.type === 'livermets:configured') {
    if (msg.mode !== 'learn') { quizStatus.textContent = 'Quiz ended: the calculator is back.'; quizNext.disabled = true; quizStop.disabled = true; return; }
    if (!quiz.list.length) quiz.list = msg.vignettes;
    for (const v of msg.vignettes) quiz.titles.set(v.id, v.title);
    quizStop.disabled = false;
    quizNext.disabled = true;
    quizStatus.textContent = `Question ${quiz.index + 1} of ${quiz.list.length}: ${quiz.list[quiz.index].title}. ` +
      `Choose the pathway in the calculator, then check your answer. Score ${quiz.score} of ${quiz.answered}.`;
    return;
  }
  // an attempt: the learner's choice and whether it matched, nothing else
  quiz.answered += 1;
  if (msg.matched) quiz.score += 1;
  const li = document.createElement('li');
  li.dataset.vignette = msg.vignette;
  li.dataset.matched = String(msg.matched);
  li.textContent = `${quiz.titles.get(msg.vignette) || msg.vignette}: ${msg.matched ? '\u2713 matched the calculator\u2019s result' : '\u2717 did not match'}` +
    (msg.pathway_matched ? '' : ' (another pathway)') + (msg.items_matched === false ? ' (an item chosen is not the guideline\u2019s)' : '');
  quizScore.append(li);
  const last = quiz.index + 1 >= quiz.list.length;
  quizNext.disabled = last;
  quizStatus.textContent = `Score ${quiz.score} of ${quiz.answered}.` + (last ? ' That was the last question.' : ' Next question when you are ready.');
}

document.getElementById('quiz-start').addEventListener('click', () => startQuiz(false));
document.getElementById('quiz-own').addEventListener('click', () => startQuiz(true));
quizNext.addEventListener('click', () => { quiz.index += 1; ask(); });
quizStop.addEventListener('click', () => configure({ mode: 'calculate' }));

const list = document.getElementById('vignettes');
for (const v of VIGNETTES) {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.vignette = v.id;
  b.textContent = v.title;
  b.addEventListener('click', () => send(v));
  list.append(b);
}

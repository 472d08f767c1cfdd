// The example host page: sends teaching vignettes into the sandboxed
// calculator and shows the pathway it answers with.  Copy what you need:
//   - listen for messages and read only those whose event.source is the
//     calculator's frame (its origin is "null": a sandbox has no origin);
//   - wait for {type: "livermets:ready"} before sending (or send anyway: the
//     calculator keeps messages that arrive while it starts);
//   - send {type: "livermets:evaluate", id, case}; the answer is
//     {type: "livermets:result", id, result} (the contract's result object),
//     or {type: "livermets:error", id, error} when the message was malformed.
// The target origin of postMessage must be "*": a sandboxed frame's origin is
// opaque and cannot be named.  The message goes to that frame's window only.
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

function logMessage(msg) {
  const li = document.createElement('li');
  li.dataset.type = msg.type;
  if (msg.id !== undefined) li.dataset.id = String(msg.id);
  if (msg.result && msg.result.pathway) li.dataset.pathway = msg.result.pathway.code;
  const what = msg.type === 'livermets:result'
    ? `${msg.id}: ${msg.result.status === 'ok' ? msg.result.pathway.code : 'invalid case: ' + msg.result.errors.map((e) => e.field).join(', ')}`
    : msg.type === 'livermets:error' ? `${msg.id}: ${msg.error}` : `version ${msg.version}`;
  li.textContent = `${msg.type} ${what}`;
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
  }
});

function send(vignette) {
  const id = `${vignette.id}-${nextId++}`;
  frame.contentWindow.postMessage({ type: 'livermets:evaluate', id, case: vignette.case }, '*');
  return id;
}

const list = document.getElementById('vignettes');
for (const v of VIGNETTES) {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.vignette = v.id;
  b.textContent = v.title;
  b.addEventListener('click', () => send(v));
  list.append(b);
}

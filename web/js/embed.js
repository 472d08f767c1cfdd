// Embed mode: a compact layout for an iframe on a teaching site, and a small
// postMessage API (protocol: README, "Embedding").
//
//   host -> calculator  {type: "livermets:evaluate", id, case: {...}}
//   calculator -> host  {type: "livermets:ready", protocol: 1, version}
//                       {type: "livermets:result", id, result}
//                       {type: "livermets:error", id, error}
//
// Only messages whose event.source is window.parent are read: in a sandboxed
// iframe the origin is "null", so the window, not the origin, is what can be
// checked.  Everything from any other window (a sibling frame, a pop-up, the
// page itself) is dropped without an answer.  Replies go to window.parent only,
// never to any other window and never over the network.
//
// Embed mode is on for embed.html (<html data-embed>) and for any page
// opened with ?embed=1.

export const PROTOCOL = 1;
const MAX_CASE_BYTES = 64 * 1024;
const MAX_ID_LENGTH = 200;

export function isEmbedded() {
  if (document.documentElement.hasAttribute('data-embed')) return true;
  try {
    return new URLSearchParams(location.search).get('embed') === '1';
  } catch (e) {
    return false;
  }
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) &&
    (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
}

/** Checks one evaluate message; returns an error text, or '' when it is well formed. */
export function checkEvaluateMessage(data) {
  const id = data.id;
  if (!((typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH) ||
        (typeof id === 'number' && Number.isFinite(id)))) {
    return `"id" must be a non-empty string of at most ${MAX_ID_LENGTH} characters or a finite number`;
  }
  if (!isPlainObject(data.case)) return '"case" must be a JSON object (the case format of the contract)';
  let text;
  try {
    text = JSON.stringify(data.case);
  } catch (e) {
    return '"case" cannot be written as JSON';
  }
  if (new TextEncoder().encode(text).length > MAX_CASE_BYTES) return '"case" is larger than 64 KiB of JSON';
  return '';
}

function parentTargetOrigin() {
  // The parent's origin where the browser tells it (Chromium's
  // location.ancestorOrigins); else "*", which still delivers only to
  // window.parent.
  try {
    const o = location.ancestorOrigins && location.ancestorOrigins[0];
    if (o && o !== 'null') return o;
  } catch (e) { /* not available */ }
  return '*';
}

let queue = null;       // messages that arrived before the calculator was ready
let handler = null;

function onMessage(event) {
  if (window.parent === window || event.source !== window.parent) return;  // not from our host
  const data = event.data;
  if (!isPlainObject(data) || typeof data.type !== 'string' || !data.type.startsWith('livermets:')) return;
  if (handler) handler(data);
  else if (queue && queue.length < 100) queue.push(data);
}

/** Starts listening as early as possible (messages sent on the iframe's load are kept). */
export function listenEarly() {
  if (!isEmbedded() || queue) return;
  document.documentElement.setAttribute('data-embed', '');
  queue = [];
  window.addEventListener('message', onMessage);
}

/**
 * Attaches the calculator: evaluate(caseText) -> result object; show(caseObj)
 * puts the case into the form so the learner sees it.
 */
export function attachEmbed({ evaluate, show, version }) {
  if (!isEmbedded()) return;
  listenEarly();
  const reply = (msg) => window.parent.postMessage(msg, parentTargetOrigin());
  let chain = Promise.resolve();
  handler = (data) => {
    if (data.type !== 'livermets:evaluate') {
      if (data.type === 'livermets:ready' || data.type === 'livermets:result' || data.type === 'livermets:error') return;
      reply({ type: 'livermets:error', id: data.id === undefined ? null : data.id, error: `unknown message type "${data.type}"` });
      return;
    }
    const problem = checkEvaluateMessage(data);
    if (problem) {
      const id = (typeof data.id === 'string' && data.id.length <= MAX_ID_LENGTH) || (typeof data.id === 'number' && Number.isFinite(data.id)) ? data.id : null;
      reply({ type: 'livermets:error', id, error: problem });
      return;
    }
    const caseObj = JSON.parse(JSON.stringify(data.case));  // a private copy
    // one at a time, in the order received
    chain = chain.then(async () => {
      const result = await evaluate(JSON.stringify(caseObj));
      try { await show(caseObj); } catch (e) { /* the reply still goes out */ }
      reply({ type: 'livermets:result', id: data.id, result });
    });
  };
  const pending = queue.splice(0);
  reply({ type: 'livermets:ready', protocol: PROTOCOL, version });
  for (const data of pending) handler(data);
}

// @ts-check
// Embed mode: a compact layout for an iframe on a teaching site, and a small
// postMessage API (protocol: README, "Embedding").
//
//   host -> calculator  {type: "livermets:evaluate", id, case: {...}}
//                       {type: "livermets:configure", id, mode, vignettes?, vignette?}
//   calculator -> host  {type: "livermets:ready", protocol: 1, version, mode, modes}
//                       {type: "livermets:result", id, result}
//                       {type: "livermets:configured", id, mode, vignettes}
//                       {type: "livermets:error", id, error[, busy: true]}
//                       {type: "livermets:attempt", vignette, choice, matched, ...}
//
// Protocol 1 grew by addition only (configure, configured, attempt, and the
// mode fields of ready), so a host written for the first version keeps
// working.  Learner mode (embed.html?mode=learn, or a configure message with
// mode "learn"; js/learn.js) shows a vignette and lets the learner commit to
// a pathway before the guideline's result is revealed; the one message it
// sends unasked is the learner's attempt (their choice and whether it
// matched), and only to window.parent.
//
// Only messages whose event.source is window.parent are read: in a sandboxed
// iframe the origin is "null", so the window, not the origin, is what can be
// checked.  Everything from any other window (a sibling frame, a pop-up, the
// page itself) is dropped without an answer.  Replies go to window.parent only,
// never to any other window and never over the network.
//
// Every livermets: message from the parent gets exactly one answer, before
// "ready" as after it.  A malformed one is answered at once with an error.  A
// well-formed evaluate waits in a queue of at most MAX_QUEUED; when it is
// full, the oldest waiting message is answered "busy" and the new one takes
// its place, so the newest case always wins.  The queue is worked through one
// case at a time, yielding to the browser between cases (a host that sends
// 10,000 messages at once freezes neither the frame nor itself).  The form
// and result show the newest case only, and show exactly the result sent for
// it, not a re-evaluation of what the form can hold.
//
// Embed mode is on for embed.html (<html data-embed>) and for any page
// opened with ?embed=1.

export const PROTOCOL = 1;
export const MODES = ['calculate', 'learn'];
export const MAX_QUEUED = 16;
export const MAX_VIGNETTES = 50;
const MAX_ID_LENGTH = 200;
const MAX_TITLE_LENGTH = 200;
const MAX_TEACHING_LENGTH = 2000;
const OWN_TYPES = new Set(['livermets:ready', 'livermets:result', 'livermets:error', 'livermets:configured', 'livermets:attempt']);

export function isEmbedded() {
  if (document.documentElement.hasAttribute('data-embed')) return true;
  try {
    return new URLSearchParams(location.search).get('embed') === '1';
  } catch (e) {
    return false;
  }
}

/** The mode the page was opened in: "learn" for ?mode=learn, else "calculate". */
export function requestedMode() {
  try {
    return new URLSearchParams(location.search).get('mode') === 'learn' ? 'learn' : 'calculate';
  } catch (e) {
    return 'calculate';
  }
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) &&
    (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
}

function isValidId(id) {
  return (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH) ||
    (typeof id === 'number' && Number.isFinite(id));
}

/** The id to answer with: the message's own when valid, else null (never an arbitrary object). */
export function replyId(data) {
  return isValidId(data.id) ? data.id : null;
}

const utf8 = new TextEncoder();

/**
 * Checks that value is JSON data (plain objects, arrays, strings, finite
 * numbers, booleans, null) of at most limits.case_bytes bytes as JSON, and
 * nested no deeper than limits.nesting_depth: the core's own limits, from its
 * questionnaire ("limits"), never a copy here.  Walks the value and stops as
 * soon as the budget is spent, so a million-key object costs no more than one
 * at the limit: nothing is serialised first.  Returns an error text, or ''.
 */
export function jsonWithin(value, limits) {
  const limit = limits.case_bytes;
  const maxDepth = limits.nesting_depth;
  let budget = limit;
  const stack = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop();
    if (v === null || typeof v === 'boolean') budget -= 5;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'holds a number that JSON cannot write';
      budget -= 24;
    } else if (typeof v === 'string') {
      // UTF-8 bytes; a string longer than the budget is over it whatever its bytes
      budget -= (v.length > budget ? v.length : utf8.encode(v).length) + 2;
    }
    else if (Array.isArray(v) || isPlainObject(v)) {
      if (depth >= maxDepth) return `is nested deeper than ${maxDepth} levels`;
      budget -= 2;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length && budget >= 0; i++) { budget -= 1; stack.push([v[i], depth + 1]); }
      } else {
        for (const k in v) {  // eslint-disable-line guard-for-in -- plain objects only
          budget -= k.length + 4;
          if (budget < 0) break;
          stack.push([v[k], depth + 1]);
        }
      }
    } else return 'holds a value that is not JSON data';
    if (budget < 0) return `is larger than ${Math.round(limit / 1024)} KiB of JSON`;
  }
  return '';
}

/**
 * Checks one evaluate message; returns an error text, or '' when it is well
 * formed.  Without limits (before the calculator is ready) the size is not
 * checked: admit() checks it when the calculator attaches, before the case is read.
 */
export function checkEvaluateMessage(data, limits) {
  if (!isValidId(data.id)) {
    return `"id" must be a non-empty string of at most ${MAX_ID_LENGTH} characters or a finite number`;
  }
  if (!isPlainObject(data.case)) return '"case" must be a JSON object (the case format of the contract)';
  return limits ? caseWithin(data.case, limits) : '';
}

function caseWithin(value, limits) {
  const problem = jsonWithin(value, limits);
  return problem ? `"case" ${problem}` : '';
}

function isText(v, max) {
  return typeof v === 'string' && v.trim().length > 0 && v.length <= max;
}

/** One host vignette, checked and copied: {id, title, teaching, text}; or an error text. */
function checkVignette(v, i, seen, limits) {
  const at = `"vignettes[${i}]`;
  if (!isPlainObject(v)) return { error: `${at}" must be an object {id, title, case, teaching?}` };
  if (!isText(v.id, MAX_ID_LENGTH)) return { error: `${at}.id" must be a non-empty string of at most ${MAX_ID_LENGTH} characters` };
  if (seen.has(v.id)) return { error: `${at}.id" repeats the id ${JSON.stringify(v.id.slice(0, 60))}` };
  if (!isText(v.title, MAX_TITLE_LENGTH)) return { error: `${at}.title" must be a non-empty string of at most ${MAX_TITLE_LENGTH} characters` };
  if (v.teaching !== undefined && !isText(v.teaching, MAX_TEACHING_LENGTH)) {
    return { error: `${at}.teaching" must be a non-empty string of at most ${MAX_TEACHING_LENGTH} characters, or left out` };
  }
  if (!isPlainObject(v.case)) return { error: `${at}.case" must be a JSON object (the case format of the contract)` };
  // without the core's limits (before ready) the case is neither measured nor
  // copied: admit() checks the whole message again once they are known
  if (!limits) return { vignette: { id: v.id, title: v.title, teaching: v.teaching || '', text: '' } };
  const problem = jsonWithin(v.case, limits);
  if (problem) return { error: `${at}.case" ${problem}` };
  seen.add(v.id);
  return { vignette: { id: v.id, title: v.title, teaching: v.teaching || '', text: JSON.stringify(v.case) } };
}

/**
 * Checks one configure message against the core's limits; returns {error} or
 * {config: {mode, vignettes (checked copies, or undefined), vignette (an id,
 * or undefined)}}.
 */
export function checkConfigureMessage(data, limits) {
  if (!isValidId(data.id)) {
    return { error: `"id" must be a non-empty string of at most ${MAX_ID_LENGTH} characters or a finite number` };
  }
  if (!MODES.includes(data.mode)) return { error: `"mode" must be ${MODES.map((m) => `"${m}"`).join(' or ')}` };
  let vignettes;
  if (data.vignettes !== undefined) {
    if (data.mode !== 'learn') return { error: '"vignettes" are for mode "learn" only' };
    if (!Array.isArray(data.vignettes) || data.vignettes.length < 1 || data.vignettes.length > MAX_VIGNETTES) {
      return { error: `"vignettes" must be an array of 1 to ${MAX_VIGNETTES} vignettes` };
    }
    vignettes = [];
    const seen = new Set();
    for (let i = 0; i < data.vignettes.length; i++) {
      const { error, vignette } = checkVignette(data.vignettes[i], i, seen, limits);
      if (error) return { error };
      vignettes.push(vignette);
    }
  }
  if (data.vignette !== undefined) {
    if (data.mode !== 'learn') return { error: '"vignette" is for mode "learn" only' };
    if (!isText(data.vignette, MAX_ID_LENGTH)) return { error: '"vignette" must be the id of one of the vignettes' };
  }
  return { config: { mode: data.mode, vignettes, vignette: data.vignette } };
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

function reply(msg) {
  window.parent.postMessage(msg, parentTargetOrigin());
}

// A macrotask boundary: input, rendering and other messages get their turn.
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

let listening = false;
const waiting = [];     // well-formed evaluate and configure messages, oldest first
let calculator = null;  // {evaluate, show, configure, limits} once attached
let working = false;
let failure = '';       // set once the calculator cannot start: every message is then answered with it

async function configure(id, config) {
  try {
    const answer = await calculator.configure(config);
    reply({ type: 'livermets:configured', id, mode: answer.mode, vignettes: answer.vignettes });
  } catch (e) {
    reply({ type: 'livermets:error', id, error: String(e && e.message ? e.message : e) });
  }
}

async function work() {
  if (working || !calculator) return;
  working = true;
  try {
    while (waiting.length) {
      const { id, text, config } = waiting.shift();
      if (config) {
        await configure(id, config);
        await yieldToBrowser();
        continue;
      }
      let result;
      try {
        result = await calculator.evaluate(text);
      } catch (e) {
        // no instance of the calculator could start (the loader's only rejection): the host
        // still gets its one answer, and no result is invented
        failEmbed(String(e && e.message ? e.message : e));
        reply({ type: 'livermets:error', id, error: failure });
        return;
      }
      reply({ type: 'livermets:result', id, result });
      // only the newest case is shown; a case still waiting will replace it anyway (a
      // configure message will not, so it does not count)
      if (!waiting.some((w) => w.text !== undefined)) {
        try { await calculator.show(JSON.parse(text), text, result); } catch (e) { /* the reply is out */ }
      }
      await yieldToBrowser();
    }
  } finally {
    working = false;
  }
}

function onMessage(event) {
  if (window.parent === window || event.source !== window.parent) return;  // not from our host
  const data = event.data;
  if (!isPlainObject(data) || typeof data.type !== 'string' || !data.type.startsWith('livermets:')) return;
  if (OWN_TYPES.has(data.type)) return;  // our own kinds of answer, reflected back: not a request
  // the core's limits on a case, once the calculator is attached; before that
  // the size of a case is checked by admit() when it attaches, before anything reads it
  const limits = calculator ? calculator.limits : null;
  let entry;
  if (data.type === 'livermets:evaluate') {
    const problem = checkEvaluateMessage(data, limits);
    if (problem) {
      reply({ type: 'livermets:error', id: replyId(data), error: problem });
      return;
    }
    // a private copy, as the JSON the core reads (checked small above)
    entry = limits ? { id: data.id, text: JSON.stringify(data.case) } : { id: data.id, unchecked: data.case };
  } else if (data.type === 'livermets:configure') {
    const { error, config } = checkConfigureMessage(data, limits);
    if (error) {
      reply({ type: 'livermets:error', id: replyId(data), error });
      return;
    }
    entry = limits ? { id: data.id, config } : { id: data.id, recheck: data };
  } else {
    reply({ type: 'livermets:error', id: replyId(data), error: `unknown message type "${data.type.slice(0, 60)}"` });
    return;
  }
  if (failure) {
    reply({ type: 'livermets:error', id: replyId(data), error: failure });
    return;
  }
  if (waiting.length >= MAX_QUEUED) {
    const dropped = waiting.shift();
    reply({ type: 'livermets:error', id: dropped.id, busy: true,
      error: `busy: ${MAX_QUEUED} newer cases arrived before this one could be evaluated; send it again if you need its result` });
  }
  waiting.push(entry);
  work();
}

/** Starts listening as early as possible (messages sent on the iframe's load are kept). */
export function listenEarly() {
  if (!isEmbedded() || listening) return;
  document.documentElement.setAttribute('data-embed', '');
  listening = true;
  window.addEventListener('message', onMessage);
}

/**
 * Checks a message that arrived before the core's limits were known against
 * them; true when it may stay in the queue, false when it was refused (and
 * answered with the error).
 */
function admit(entry) {
  if (entry.recheck) {
    const { error, config } = checkConfigureMessage(entry.recheck, calculator.limits);
    if (error) reply({ type: 'livermets:error', id: entry.id, error });
    else entry.config = config;
    delete entry.recheck;
    return !error;
  }
  if (entry.unchecked) {
    const error = caseWithin(entry.unchecked, calculator.limits);
    if (error) reply({ type: 'livermets:error', id: entry.id, error });
    else entry.text = JSON.stringify(entry.unchecked);
    delete entry.unchecked;
    return !error;
  }
  return true;
}

/**
 * The calculator could not start (or restart): every waiting message, and
 * every later one, is answered with this error, so a host is never left
 * waiting for an answer that cannot come.
 */
export function failEmbed(reason) {
  if (!isEmbedded()) return;
  failure = `the calculator could not start: ${reason}`;
  calculator = null;
  while (waiting.length) reply({ type: 'livermets:error', id: waiting.shift().id, error: failure });
}

/**
 * Attaches the calculator: limits are the core's limits on one case (the
 * questionnaire's "limits"); evaluate(caseText) -> result object;
 * show(caseObj, caseText, result) shows that case and that very result;
 * configure(config) -> {mode, vignettes: [{id, title}]} switches the mode
 * (throws an Error whose message is the answer to a configuration it
 * refuses); mode is the mode the page starts in.
 */
export function attachEmbed({ evaluate, show, configure: setMode, version, mode, limits }) {
  if (!isEmbedded()) return;
  listenEarly();
  calculator = { evaluate, show, configure: setMode, limits };
  // what waited for the core's limits is checked against them now, before any case is evaluated,
  // so that the newest case that can be evaluated is known (and shown)
  const admitted = waiting.filter(admit);
  waiting.length = 0;
  waiting.push(...admitted);
  reply({ type: 'livermets:ready', protocol: PROTOCOL, version, mode, modes: MODES });
  work();
}

/**
 * Sends the learner's attempt to the host (learner mode): the vignette's id,
 * the learner's choice and whether it matched.  Nothing else.
 */
export function sendAttempt({ vignette, choice, matched, pathwayMatched, itemsMatched }) {
  if (!listening || window.parent === window) return;
  reply({
    type: 'livermets:attempt', vignette,
    choice: { pathway: choice.pathway, do: [...choice.do], avoid: [...choice.avoid] },
    matched, pathway_matched: pathwayMatched, items_matched: itemsMatched,
  });
}

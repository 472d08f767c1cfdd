// @ts-check
// The one door to the WebAssembly calculator.  Instantiates the module once
// and caches the promise; after any fault (a trap, an abort, output that is
// not JSON, or the core's own fault result) it drops the instance, reports the
// fault as the core's fault result (never a stale result), and the next call
// uses a fresh instance.
//
// The module is the Emscripten MODULARIZE factory `createLivermets`, defined
// by the classic script livermets.js next to index.html (index.html loads it
// with `defer`, before this bundle runs).  If it is missing, it is added here.
//
// Start-up (issue 12): the wasm is compiled while the rest of the page loads,
// with WebAssembly.compileStreaming on the response the page preloaded
// (<link rel="preload" as="fetch">); where the server sends another MIME type
// it is compiled from the bytes instead.  A page that carries the module
// itself (the single file, from file://) defines `livermetsWasm`, a promise of
// the compiled WebAssembly.Module, and nothing is fetched.  The compiled
// module is kept, so an instance re-created after a fault costs no compile.
// Once the page has its first result, the module is warmed in idle time with
// a few cases, so that the first evaluation a person causes costs what later
// ones do (the engines compile a wasm function when it is first called).

const FACTORY_NAME = 'createLivermets';
const WASM_NAME = 'livermets.wasm';
const COMPILED_NAME = 'livermetsWasm';

function scriptUrl(name) {
  return new URL('../' + name, import.meta.url).href;
}

function mark(name) {
  if (typeof performance === 'object' && performance.mark) performance.mark(name);
}

function loadFactory() {
  if (typeof globalThis[FACTORY_NAME] === 'function') return Promise.resolve(globalThis[FACTORY_NAME]);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = scriptUrl('livermets.js');
    script.async = true;
    script.addEventListener('load', () => {
      if (typeof globalThis[FACTORY_NAME] === 'function') resolve(globalThis[FACTORY_NAME]);
      else reject(new Error('livermets.js did not define ' + FACTORY_NAME));
    });
    script.addEventListener('error', () => reject(new Error('could not load livermets.js')));
    document.head.append(script);
  });
}

/**
 * The compiled module from url: streamed while it downloads when the server
 * says application/wasm, else compiled from the bytes (a server with a wrong
 * MIME type still works, only later).  The request is the preload's (same URL,
 * mode and credentials), so the browser hands over the preloaded response.
 */
export async function compileWasm(url, fetchImpl = globalThis.fetch) {
  const res = await fetchImpl(url);
  if (!res.ok) throw new Error(`could not load ${WASM_NAME} (HTTP ${res.status})`);
  const type = (res.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

// Cases that take the module through reading, the rules of every primary and
// pathway, the search of what is missing (answers left open), writing a
// result and an error: the warm-up.  Most are one complete colorectal case
// with a few answers changed.
const WARM_BASE = {
  primary: 'colorectal', setting: 'initial', presentation: 'metachronous', surgical_review_done: true,
  chemotherapy_status: 'none', r0_achievable: true, flr_percent: 45, remnant_segments: 5, liver_quality: 'normal',
  ecog: 1, operative_risk_acceptable: true, patient_declines_surgery: false, extrahepatic_disease: 'none',
  lesion_count: 2, largest_lesion_cm: 3.2, bilobar: false, perivascular_lesion: false,
  complete_radiological_response: false, biopsy_planned: false,
  colorectal: { node_positive_primary: false, tumor_markers_elevated: false, cea_ng_ml: 8.5,
    disease_free_interval_months: 30, mmr: 'pmmr_mss', ras: 'wild_type', braf: 'wild_type', sidedness: 'left' },
};
const warmCrc = (changes, colorectal = {}) => ({ ...WARM_BASE, ...changes, colorectal: { ...WARM_BASE.colorectal, ...colorectal } });
const WARM_CASES = [
  WARM_BASE,
  warmCrc({ presentation: 'synchronous', lesion_count: 7, bilobar: true }, { node_positive_primary: true, cea_ng_ml: 85, disease_free_interval_months: 0 }),
  warmCrc({ r0_achievable: false, flr_percent: 25, remnant_segments: 3, lesion_count: 12 }, { sidedness: 'right', ras: 'mutated' }),
  warmCrc({ ecog: 3, lesion_count: 3, largest_lesion_cm: 2 }),
  warmCrc({ patient_declines_surgery: true, lesion_count: 12, biopsy_planned: true }),
  warmCrc({ setting: 'recurrence_after_hepatectomy', chemotherapy_status: 'started', liver_quality: 'cirrhosis' }, { mmr: 'dmmr_msi_h' }),
  warmCrc({ extrahepatic_disease: 'lung_solitary', complete_radiological_response: true }, { braf: 'mutated' }),
  { primary: 'colorectal', presentation: 'synchronous', surgical_review_done: true, chemotherapy_status: 'none',
    r0_achievable: true, remnant_segments: 4, liver_quality: 'normal', ecog: 0, operative_risk_acceptable: true,
    extrahepatic_disease: 'none', lesion_count: 7, colorectal: { node_positive_primary: true, mmr: 'pmmr_mss', sidedness: 'left' } },
  { primary: 'breast', surgical_review_done: true, chemotherapy_status: 'started', r0_achievable: true, flr_percent: 50,
    ecog: 1, operative_risk_acceptable: true, extrahepatic_disease: 'bone_isolated_radiation_controllable', lesion_count: 2,
    biopsy_planned: true, breast: { hormone_receptor: 'positive', oligometastatic: true } },
  { primary: 'neuroendocrine', surgical_review_done: true, chemotherapy_status: 'none', ecog: 1,
    operative_risk_acceptable: true, extrahepatic_disease: 'none', lesion_count: 14, bilobar: true,
    neuroendocrine: { symptomatic: true, progressive: true, hypervascular: true, sstr_positive: true, solitary_or_isolated: false } },
  { primary: 'neuroendocrine', surgical_review_done: true, r0_achievable: true, flr_percent: 60, remnant_segments: 5,
    liver_quality: 'normal', ecog: 0, operative_risk_acceptable: true, extrahepatic_disease: 'none', lesion_count: 1,
    neuroendocrine: { symptomatic: false, progressive: false, solitary_or_isolated: true } },
  { primary: 'other', surgical_review_done: true, ecog: 1, extrahepatic_disease: 'none', lesion_count: 1 },
  { primary: 'colorectal', ecog: 7, flr_percent: 'forty' },
].map((c) => JSON.stringify(c));

// One warm-up step per idle period (a timeout where requestIdleCallback is
// missing, as in WebKit), so input is never kept waiting by more than one.
export function whenIdle(fn) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 16);
}

/**
 * createCalculator({factory, moduleArgs, warm}): factory defaults to the
 * page's createLivermets; tests pass their own.  Without moduleArgs, in a
 * page, the wasm is compiled by compileWasm (or taken from `livermetsWasm`);
 * warm (default: in a page) warms the module once the first result is out.
 * Returns async evaluate(text), questionnaire() and version().
 */
export function createCalculator(options = {}) {
  let instance = null;
  const inPage = typeof document === 'object' && document !== null;
  const getFactory = options.factory ? () => Promise.resolve(options.factory) : loadFactory;
  const moduleArgs = options.moduleArgs || {
    locateFile: (path) => scriptUrl(path),
  };
  const compileHere = !options.moduleArgs && !options.factory && inPage;
  let compiled = null;  // promise of the WebAssembly.Module, kept across instances
  function wasmModule() {
    if (!compiled) {
      const given = globalThis[COMPILED_NAME];
      compiled = given && typeof given.then === 'function' ? Promise.resolve(given) : compileWasm(scriptUrl(WASM_NAME));
      compiled.catch(() => { compiled = null; });
    }
    return compiled;
  }

  function module() {
    if (!instance) {
      const wasm = compileHere ? wasmModule() : null;  // compiling starts now, beside the glue
      let failed;
      const instantiateFailed = new Promise((resolve, reject) => { failed = reject; });
      instance = getFactory().then((factory) => {
        mark('livermets-factory');
        const args = { ...moduleArgs, onAbort: () => { instance = null; } };
        if (wasm) {
          // Emscripten's hook: instantiate from the module compiled above
          args.instantiateWasm = (imports, receive) => {
            wasm.then((mod) => WebAssembly.instantiate(mod, imports).then((inst) => receive(inst, mod)))
              .catch((e) => failed(e));
            return {};
          };
        }
        return Promise.race([factory(args), instantiateFailed]);
      }).then((m) => {
        mark('livermets-module');
        return m;
      });
      instance.catch(() => { instance = null; });
    }
    return instance;
  }

  // Warm-up: after the first evaluation, one case per idle period; a call of
  // the page's own stops it (from then on the page keeps the module warm).
  const warm = options.warm === undefined ? inPage : options.warm;
  let warmState = warm ? 'waiting' : 'off';
  function startWarm() {
    if (warmState !== 'waiting') return;
    warmState = 'running';
    let next = 0;
    const step = () => {
      if (warmState !== 'running') return;
      if (next >= WARM_CASES.length) { warmState = 'done'; mark('livermets-warm'); return; }
      const text = WARM_CASES[next++];
      const current = instance;
      if (!current) { warmState = 'done'; return; }
      current.then((m) => {
        if (warmState !== 'running' || instance !== current) return;
        try {
          JSON.parse(m.evaluate(text));
        } catch (e) {
          if (instance === current) instance = null;  // a faulted instance is never reused
          warmState = 'done';
          return;
        }
        whenIdle(step);
      }, () => { warmState = 'done'; });
    };
    whenIdle(step);
  }
  function pageCall() {
    if (warmState === 'running') warmState = 'done';
  }

  async function call(fn, arg) {
    const current = module();
    let m;
    try {
      m = await current;
    } catch (e) {
      if (instance === current) instance = null;
      throw e;
    }
    try {
      return arg === undefined ? m[fn]() : m[fn](arg);
    } catch (e) {
      if (instance === current) instance = null;  // never reuse a faulted instance
      throw e;
    }
  }

  // The fault result for a failure seen here, outside C++: built by the core's
  // one builder (the module's fault()), in a fresh instance.  Rejects only when
  // no instance can start at all.
  async function faultResult(error) {
    const detail = error && error.message ? error.message : String(error);
    return JSON.parse(await call('fault', detail));
  }

  return {
    /**
     * One case (JSON text or a Uint8Array of bytes) in, the result object out.
     * A fault of the calculator gives the fault result (`internal_fault: true`).
     */
    async evaluate(caseText) {
      pageCall();
      let result;
      try {
        result = JSON.parse(await call('evaluate', caseText));
        if (!result || typeof result !== 'object' || (result.status !== 'ok' && result.status !== 'error')) {
          throw new Error('unexpected output');
        }
      } catch (e) {
        instance = null;
        return faultResult(e);
      }
      if (result.internal_fault) instance = null;  // never reuse an instance that faulted
      else startWarm();
      return result;
    },
    /** The questionnaire definition (parsed); rejects when the module cannot start. */
    async questionnaire() {
      return JSON.parse(await call('questionnaire'));
    },
    async version() {
      return call('version');
    },
  };
}

/** The page's calculator. */
export const calculator = createCalculator();

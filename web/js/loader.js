// The one door to the WebAssembly calculator.  Instantiates the module once
// and caches the promise; after any fault (a trap, an abort, output that is
// not JSON) it drops the instance, reports the fault as an error result (never
// a stale result) and the next call starts a fresh instance.
//
// The module is the Emscripten MODULARIZE factory `createLivermets`, defined
// by the classic script livermets.js next to index.html.  If a host page (an
// embed or a single-file build) has already defined it, that one is used.

const FACTORY_NAME = 'createLivermets';

function scriptUrl(name) {
  return new URL('../' + name, import.meta.url).href;
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

/** An error result in the contract's shape, flagged as a fault of the calculator. */
export function faultResult(error) {
  const detail = error && error.message ? error.message : String(error);
  return {
    status: 'error',
    fault: true,
    errors: [{
      field: '',
      message: 'The calculator had an internal fault and has been restarted (' + detail +
        '). No result is shown for this case; change an answer or reload the page to try again.',
    }],
  };
}

/**
 * createCalculator({factory, moduleArgs}): factory defaults to the page's
 * createLivermets; tests pass their own.  Returns async evaluate(text),
 * questionnaire(), version(), and the number of instances started so far.
 */
export function createCalculator(options = {}) {
  let instance = null;
  let started = 0;
  const getFactory = options.factory ? () => Promise.resolve(options.factory) : loadFactory;
  const moduleArgs = options.moduleArgs || {
    locateFile: (path) => scriptUrl(path),
  };

  function module() {
    if (!instance) {
      started += 1;
      instance = getFactory().then((factory) => {
        if (typeof performance === 'object' && performance.mark) performance.mark('livermets-factory');
        return factory({
          ...moduleArgs,
          onAbort: () => { instance = null; },
        });
      }).then((m) => {
        if (typeof performance === 'object' && performance.mark) performance.mark('livermets-module');
        return m;
      });
      instance.catch(() => { instance = null; });
    }
    return instance;
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

  return {
    /** One case (JSON text or a Uint8Array of bytes) in, the result object out. */
    async evaluate(caseText) {
      try {
        const out = await call('evaluate', caseText);
        const result = JSON.parse(out);
        if (!result || typeof result !== 'object' || (result.status !== 'ok' && result.status !== 'error')) {
          throw new Error('unexpected output');
        }
        return result;
      } catch (e) {
        instance = null;
        return faultResult(e);
      }
    },
    /** The questionnaire definition (parsed); rejects when the module cannot start. */
    async questionnaire() {
      return JSON.parse(await call('questionnaire'));
    },
    async version() {
      return call('version');
    },
    get instancesStarted() {
      return started;
    },
  };
}

/** The page's calculator. */
export const calculator = createCalculator();

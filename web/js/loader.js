// @ts-check
// The one door to the WebAssembly calculator.  Instantiates the module once
// and caches the promise; after any fault (a trap, an abort, output that is
// not JSON, or the core's own fault result) it drops the instance, reports the
// fault as the core's fault result (never a stale result), and the next call
// uses a fresh instance.
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

/**
 * createCalculator({factory, moduleArgs}): factory defaults to the page's
 * createLivermets; tests pass their own.  Returns async evaluate(text),
 * questionnaire() and version().
 */
export function createCalculator(options = {}) {
  let instance = null;
  const getFactory = options.factory ? () => Promise.resolve(options.factory) : loadFactory;
  const moduleArgs = options.moduleArgs || {
    locateFile: (path) => scriptUrl(path),
  };

  function module() {
    if (!instance) {
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

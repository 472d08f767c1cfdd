// @ts-check
// Starts the download of the calculator (livermets.wasm) while the page is
// still being parsed; js/loader.js then compiles this very response (issue 12).
// A classic script loaded `async`, on its own: it runs as soon as it arrives,
// long before the page's deferred scripts.
//
// Why not <link rel="preload" as="fetch">: Chromium and Firefox hand such a
// preload to the page's fetch(), but WebKit (Safari, every iPad) does not, and
// downloaded the 346 KB module twice.  A fetch() started here is the one the
// loader takes, in every engine.  Whichever of this script and the loader runs
// first starts the one request: once `livermetsWasmFetch` is in globalThis the
// download is started or taken, and this script starts no other.  Not in the
// single file (file://), which carries the module in the page.
if (!('livermetsWasmFetch' in globalThis) && typeof fetch === 'function' && document.currentScript instanceof HTMLScriptElement) {
  const download = fetch(new URL('../livermets.wasm', document.currentScript.src));
  download.catch(() => {});  // a failed download is the loader's to report (it fetches again)
  globalThis.livermetsWasmFetch = download;
}

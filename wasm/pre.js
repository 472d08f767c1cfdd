// --pre-js for the livermets module.  Emscripten 3.1.6 loads the .wasm with
// fetch() whenever fetch exists, which under Node 20 fails on a file path
// ("Failed to parse URL").  Under Node, read the binary from beside this
// script instead, so `require('./livermets.js')()` needs no argument.
// In a browser nothing changes: the page's loader passes locateFile.
if (typeof process === 'object' && process.versions && process.versions.node &&
    typeof require === 'function' && !Module['wasmBinary']) {
  try {
    Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'livermets.wasm'));
  } catch (e) {
    // No separate .wasm (a single-file build carries it inline): let the glue decide.
  }
}

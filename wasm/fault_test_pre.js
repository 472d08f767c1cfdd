// --pre-js of the test build only: the page's loader keeps its instance
// private, so the browser test reaches the live instance through this global.
globalThis.livermetsFailAllocation = (n) => Module['failAllocation'](n);

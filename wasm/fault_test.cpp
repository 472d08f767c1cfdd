// Test build only (livermets_wasm_fault_test): lets a test make the N-th
// allocation from now throw std::bad_alloc, inside the real core.
#include <emscripten/bind.h>

#include "alloc_fault.hpp"

EMSCRIPTEN_BINDINGS(livermets_fault_test) {
  emscripten::function("failAllocation", &livermets_test::fail_allocation);
}

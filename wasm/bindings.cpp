// The WebAssembly boundary: Embind functions, JSON strings in and out
// (CONTRACT.md section 1).  Thin on purpose: every decision lives in the core.
//
// No C++ exception may reach JavaScript.  The core promises not to throw, but
// the boundary does not rely on it: every call is wrapped, and anything that
// escapes (std::bad_alloc, a library exception) becomes the core's fault
// result instead of an abort.  The module is compiled with -fexceptions so the
// catch blocks are real (see wasm/CMakeLists.txt for the measured cost).
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "livermets/livermets.hpp"

namespace {

// Runs `call`; an exception out of it gives the core's fault result.
template <class Call>
std::string guarded(Call&& call) {
  try {
    return call();
  } catch (const std::exception& e) {
    return livermets::fault_result_json(e.what());
  } catch (...) {
    return livermets::fault_result_json("unknown exception");
  }
}

std::string evaluate(std::string case_json) {
  return guarded([&] { return livermets::evaluate_json(case_json); });
}

std::string questionnaire() {
  return guarded([] { return livermets::questionnaire_json(); });
}

std::string version() {
  try {
    return std::string(livermets::rulebase_version());
  } catch (...) {
    return std::string();
  }
}

// The fault result for a failure the page's loader saw outside C++ (a trap, an
// abort, output that is not a result): one builder of that shape for all.
std::string fault(std::string detail) {
  return guarded([&] { return livermets::fault_result_json(detail); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(livermets) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("questionnaire", &questionnaire);
  emscripten::function("version", &version);
  emscripten::function("fault", &fault);
}

// The WebAssembly boundary: three Embind functions, JSON strings in and out
// (CONTRACT.md section 1).  Thin on purpose: every decision lives in the core.
//
// No C++ exception may reach JavaScript.  The core promises not to throw, but
// the boundary does not rely on it: every call is wrapped, and anything that
// escapes (std::bad_alloc, a library exception) becomes the contract's error
// shape instead of an abort.  The module is compiled with -fexceptions so the
// catch blocks are real (see wasm/CMakeLists.txt for the measured cost).
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "livermets/livermets.hpp"

namespace {

// Escapes a string for a JSON string literal.  Only used on texts we control
// (exception messages), but written to be safe for any byte sequence: bytes
// >= 0x80 are replaced so the output is always valid UTF-8 and valid JSON.
std::string json_quote(const std::string& text) {
  std::string out = "\"";
  for (unsigned char ch : text) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (ch < 0x20 || ch >= 0x80) {
          out += '?';
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  out += '"';
  return out;
}

// The contract's error shape, built without any library that could throw.
std::string fault_result(const std::string& detail) {
  std::string out = "{\"status\":\"error\",\"errors\":[{\"field\":\"case\",\"message\":";
  out += json_quote("internal fault in the calculator (" + detail +
                    "); no result was computed, please report this case");
  out += "}],\"rulebase\":{\"version\":";
  out += json_quote(std::string(livermets::rulebase_version()));
  out += ",\"guideline\":";
  out += json_quote(std::string(livermets::guideline_name()));
  out += "},\"internal_fault\":true}";  // as the core marks its own faults
  return out;
}

std::string evaluate(std::string case_json) {
  try {
    return livermets::evaluate_json(case_json);
  } catch (const std::exception& e) {
    return fault_result(e.what());
  } catch (...) {
    return fault_result("unknown exception");
  }
}

std::string questionnaire() {
  try {
    return livermets::questionnaire_json();
  } catch (const std::exception& e) {
    return fault_result(e.what());
  } catch (...) {
    return fault_result("unknown exception");
  }
}

std::string version() {
  try {
    return std::string(livermets::rulebase_version());
  } catch (...) {
    return std::string();
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(livermets) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("questionnaire", &questionnaire);
  emscripten::function("version", &version);
}

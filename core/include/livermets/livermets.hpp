// The public entry points of the decision core.  Strings in, strings out:
// the same calls serve the CLI, the WebAssembly module and the tests.
// None of these functions throws; a fault becomes an error result.
#pragma once

#include <string>
#include <string_view>

namespace livermets {

// One case object (CONTRACT.md section 2) in, one result object (section 3) out.
std::string evaluate_json(std::string_view case_json);

// A case object, or an array of case objects (each obeying the single-case
// limits), in; a result object or an array of results, in order, out.
struct DocumentResult {
  std::string json;
  bool all_ok = false;          // every result has status "ok"
  bool internal_fault = false;  // a result failed for a reason of ours, not the input's
};
DocumentResult evaluate_document(std::string_view text);

// The questionnaire definition the page is generated from (docs/questionnaire.md).
std::string questionnaire_json();

// The rule-base version, e.g. "1.0.0", and the guideline it implements.
std::string_view rulebase_version();
std::string_view guideline_name();

}  // namespace livermets

// The public entry points of the decision core.  Strings in, strings out:
// the same calls serve the CLI, the WebAssembly module and the tests.
// None of these functions throws; a fault becomes an error result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "livermets/fault.hpp"
#include "livermets/version.hpp"

namespace livermets {

// One case object (CONTRACT.md section 2) in, one result object (section 3) out.
std::string evaluate_json(std::string_view case_json);

// A result with its verdict, for callers that act on it (the CLI's exit status).
struct DocumentResult {
  std::string json;
  bool all_ok = false;          // every result has status "ok"
  bool internal_fault = false;  // a result failed for a reason of ours, not the input's
};

// One case object in (an array is not a case), as evaluate_json, with its verdict.
DocumentResult evaluate_case(std::string_view case_json);
// The answer for a case of `bytes` bytes, above the 64 KiB limit, whose text
// was not kept (the CLI's JSON Lines reader stops keeping a line there).
DocumentResult evaluate_oversized_case(std::size_t bytes);

// A case object, or an array of case objects, in; a result object or an array
// of results, in order, out.  Each case of an array is read exactly as it
// would be alone (its own 64 KiB, depth and duplicate-key limits).  An array
// is held in memory with its results, so it is limited in size and in cases;
// beyond either, and when the text is not a well-formed JSON array, the answer
// is one error result naming "case".  For larger batches, evaluate one case
// per call (the CLI's --jsonl mode).
inline constexpr std::size_t kMaxDocumentBytes = 16u * 1024u * 1024u;  // 16 MiB
inline constexpr std::size_t kMaxDocumentCases = 10000;
DocumentResult evaluate_document(std::string_view text);

// The questionnaire definition the page is generated from (docs/questionnaire.md),
// built when the core is built.
std::string questionnaire_json();

}  // namespace livermets

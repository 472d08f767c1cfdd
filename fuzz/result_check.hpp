// The JSON-level checker: what every result string of livermets::evaluate_json
// (or each element of an evaluate_document array) must satisfy, whatever the
// input was.  It reads only the JSON the integrator sees, never the core's
// structures, so it is a second, independent line next to the structured
// invariants of tests/support (check_invariants over decide()).
//
// check_result() returns readable problems; an empty list means the result is
// well formed and, if "ok", obeys the sweep's invariants (issue 2 item 6).
// Free of GoogleTest and of libFuzzer, so a plain program can use it too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace livermets::fuzzcheck {

struct ResultSummary {
  bool parsed = false;
  std::string status;   // "ok", "error", or what was found
  std::string pathway;  // the pathway code of an ok result
  std::vector<std::string> error_fields, error_messages;  // of an error result, in order
};

// Problems with one result string (the output of evaluate_json).
std::vector<std::string> check_result(std::string_view text, ResultSummary* summary = nullptr);

struct DocumentSummary {
  bool parsed = false;
  bool is_array = false;
  std::size_t elements = 0;
  bool all_ok = false;  // every element (or the one object) has status "ok"
  std::string status;   // of the one object, when not an array
  std::vector<std::string> error_fields;  // of the one object, when not an array
};

// Problems with an evaluate_document answer: an array of results (each
// checked, problems prefixed "element: ") or one result object ("document: ").
std::vector<std::string> check_document(std::string_view text, DocumentSummary* summary);

// nlohmann's own verdict on an input (json::accept), the reference the core's
// reading is held to; for an accepted top-level array, its element count.
struct InputVerdict {
  bool accepted = false;
  bool is_array = false;
  std::size_t elements = 0;
};
InputVerdict nlohmann_verdict(std::string_view text);

}  // namespace livermets::fuzzcheck

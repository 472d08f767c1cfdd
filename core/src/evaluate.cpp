// The string-in, string-out entry points.  Nothing here throws: any fault
// (which would be a bug) becomes the fault result, never a half-built answer.
#include <exception>
#include <string>

#include "array_reader.hpp"
#include "guards.hpp"
#include "livermets/fault.hpp"
#include "livermets/livermets.hpp"
#include "livermets/parse.hpp"
#include "result_json.hpp"

namespace livermets {

namespace {

// Runs `evaluate`; an exception out of it (a bug, or memory exhausted) gives
// the fault result instead.
template <class Evaluate>
DocumentResult guarded(Evaluate&& evaluate) {
  try {
    return evaluate();
  } catch (const std::exception& e) {
    return {fault_result_json(e.what()), false, true};
  } catch (...) {
    return {fault_result_json("unknown exception"), false, true};
  }
}

DocumentResult evaluate_one(std::string_view text) {
  return guarded([&]() -> DocumentResult {
    const ParsedCase parsed = parse_case(text);
    if (!parsed.ok()) return {error_result_json(parsed.errors), false, false};
    return {ok_result_json(parsed.value, decide(parsed.value)), true, false};
  });
}

DocumentResult refused(const FieldError& why) { return {error_result_json({why}), false, false}; }

bool starts_as_array(std::string_view text) {
  for (char ch : text) {
    if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') return ch == '[';
  }
  return false;
}

DocumentResult evaluate_array(std::string_view text) {
  const ArrayElements found = split_array(text, kMaxDocumentCases);
  if (found.error) return refused(*found.error);
  DocumentResult out;
  out.all_ok = true;
  out.json = "[";
  for (std::size_t k = 0; k < found.elements.size(); ++k) {
    DocumentResult r = evaluate_one(found.elements[k]);
    out.all_ok = out.all_ok && r.all_ok;
    out.internal_fault = out.internal_fault || r.internal_fault;
    if (k) out.json += ',';
    out.json += r.json;
  }
  out.json += "]";
  return out;
}

}  // namespace

std::string evaluate_json(std::string_view case_json) { return evaluate_one(case_json).json; }

DocumentResult evaluate_case(std::string_view case_json) { return evaluate_one(case_json); }

DocumentResult evaluate_oversized_case(std::size_t bytes) {
  return guarded([&] { return refused(case_size_error(bytes)); });
}

DocumentResult evaluate_document(std::string_view text) {
  return guarded([&] {
    // Checked first, for a case object too: the CLI reads no more than one
    // byte beyond the limit, so the text may be the start of a longer input.
    if (text.size() > kMaxDocumentBytes) {
      return refused({"case", "the input is more than " + std::to_string(kMaxDocumentBytes) +
                                  " bytes (16 MiB), the most one document may hold; split it, or give one case "
                                  "per line with `livermets evaluate --jsonl`"});
    }
    return starts_as_array(text) ? evaluate_array(text) : evaluate_one(text);
  });
}

}  // namespace livermets

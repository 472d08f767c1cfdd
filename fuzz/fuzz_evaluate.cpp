// libFuzzer harness over the JSON entry points (issue 5 item 1).
//
// For every input it asserts:
//  - evaluate_json's answer parses as JSON, has status "ok" or "error", an
//    error names each problem's field and says what is wrong and carries no
//    pathway or recommendations, an ok result obeys the sweep's invariants
//    (fuzz/result_check.hpp, checked on the JSON an integrator sees);
//  - the structured path agrees: parse_case() accepts exactly the inputs that
//    evaluate_json answers "ok", and decide() on them passes the invariant
//    checker of tests/support (check_invariants, check_monotonic) and names
//    the same pathway as the JSON;
//  - the reading agrees with nlohmann's own verdict (json::accept): an input
//    it refuses never gets an "ok", and an input it accepts is never called
//    "not valid JSON"; an array it accepts gets one result per element, and an
//    array it refuses gets one error result naming "case";
//  - evaluate_document gives the same answer for a single case (so no state
//    leaks from one call into the next; checked on one input in eight), a valid result per element for an
//    array, and never an internal fault.
// Any violation prints the problems and the input and aborts, so libFuzzer
// saves the input as a crasher.  Set LIVERMETS_FUZZ_MODEL=1 to also compare
// every decision with the reference model of tests/support (compare_with_model).
// LIVERMETS_FUZZ_ALLOW="text|text" tolerates problems containing one of the
// texts: only for a long run to look past findings already reported and saved
// in tests/regressions (the ctest runs never set it).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "livermets/decision.hpp"
#include "livermets/livermets.hpp"
#include "livermets/parse.hpp"
#include "livermets_test/invariants.hpp"
#include "result_check.hpp"

namespace {

bool g_model = false;
std::vector<std::string> g_allow;

// Drops the problems a long run has been told to look past.
void filter(std::vector<std::string>& problems) {
  if (g_allow.empty()) return;
  std::vector<std::string> kept;
  for (auto& p : problems) {
    bool allowed = false;
    for (const auto& a : g_allow) allowed |= p.find(a) != std::string::npos;
    if (!allowed) kept.push_back(std::move(p));
  }
  problems.swap(kept);
}

[[noreturn]] void fail(const std::vector<std::string>& problems, std::string_view input, std::string_view output) {
  std::fprintf(stderr, "\n==livermets-fuzz== INVARIANT FAILURE (%zu problem(s))\n", problems.size());
  for (const auto& p : problems) std::fprintf(stderr, "  - %s\n", p.c_str());
  const std::size_t shown = input.size() < 2000 ? input.size() : 2000;
  std::fprintf(stderr, "input (%zu bytes): %.*s\n", input.size(), static_cast<int>(shown), input.data());
  const std::size_t oshown = output.size() < 4000 ? output.size() : 4000;
  std::fprintf(stderr, "output: %.*s\n", static_cast<int>(oshown), output.data());
  std::abort();
}

bool starts_as_array(std::string_view t) {
  for (char ch : t) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    return ch == '[';
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* m = std::getenv("LIVERMETS_FUZZ_MODEL");
  g_model = m && *m && *m != '0';
  if (const char* a = std::getenv("LIVERMETS_FUZZ_ALLOW")) {
    std::string all(a);
    for (std::size_t start = 0; start <= all.size();) {
      const std::size_t bar = std::min(all.find('|', start), all.size());
      if (bar > start) g_allow.push_back(all.substr(start, bar - start));
      start = bar + 1;
    }
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace livermets;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // 1. The single-case entry point, checked on its JSON.
  const std::string one = evaluate_json(text);
  fuzzcheck::ResultSummary r;
  std::vector<std::string> problems = fuzzcheck::check_result(one, &r);
  filter(problems);
  if (!problems.empty()) fail(problems, text, one);
  const bool ok = r.status == "ok";

  // 2. The structured path agrees, and passes tests/support's invariants.
  const ParsedCase parsed = parse_case(text);
  if (parsed.ok() != ok) {
    problems.push_back(std::string("parse_case says ") + (parsed.ok() ? "valid" : "invalid") +
                       " but evaluate_json says " + (ok ? "ok" : "error"));
  }
  const fuzzcheck::InputVerdict verdict = fuzzcheck::nlohmann_verdict(text);
  if (!verdict.accepted && ok) problems.push_back("nlohmann refuses this input, but it was answered ok");
  for (const std::string& m : r.error_messages) {
    if (verdict.accepted && m.rfind("not valid JSON", 0) == 0) {
      problems.push_back("nlohmann accepts this input, but it was called not valid JSON: " + m);
    }
  }
  if (parsed.ok()) {
    const Decision d = decide(parsed.value);
    testing::Report report;
    testing::check_invariants(parsed.value, d, report);
    testing::check_monotonic(parsed.value, d, [](const Case& c) { return decide(c); }, report);
    if (g_model) testing::compare_with_model(parsed.value, d, report);
    if (!report.ok()) problems.push_back("decide() invariants:\n" + report.summary());
    if (ok && r.pathway != testing::code_name(d.pathway)) {
      problems.push_back("JSON pathway differs from decide()'s");
    }
  }
  filter(problems);
  if (!problems.empty()) fail(problems, text, one);

  // 3. The document entry point: every array input, and one single-case input
  // in eight (chosen by a hash of the input, so a replay is deterministic),
  // which is enough to catch state carried between calls at a third of the cost.
  // An array is read by nlohmann as a whole: accepted, one result per element
  // (within the case limit); refused, one error naming "case".
  std::uint32_t h = 2166136261U;
  for (std::size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 16777619U;
  if (!starts_as_array(text) && (h & 7U) != 0) return 0;
  const DocumentResult doc = evaluate_document(text);
  if (doc.internal_fault) problems.push_back("evaluate_document reports an internal fault");
  if (!starts_as_array(text)) {
    if (doc.json != one) problems.push_back("evaluate_document differs from evaluate_json on a single case");
    if (doc.all_ok != ok) problems.push_back("evaluate_document all_ok disagrees with the status");
  } else {
    fuzzcheck::DocumentSummary ds;
    for (auto& p : fuzzcheck::check_document(doc.json, &ds)) problems.push_back(p);
    if (ds.parsed && ds.is_array) {
      if (doc.all_ok != ds.all_ok) problems.push_back("evaluate_document all_ok disagrees with the statuses");
    } else if (ds.parsed) {
      if (ds.status != "error") problems.push_back("a malformed array answered other than as an error");
      if (doc.all_ok) problems.push_back("a malformed array reported all_ok");
      if (ds.error_fields != std::vector<std::string>{"case"}) {
        problems.push_back("a refused array's error does not name \"case\" alone");
      }
    }
    const bool within_limits = size <= kMaxDocumentBytes && verdict.elements <= kMaxDocumentCases;
    if (verdict.accepted && verdict.is_array && within_limits) {
      if (!ds.is_array || ds.elements != verdict.elements) {
        problems.push_back("nlohmann reads an array of " + std::to_string(verdict.elements) +
                           " elements, but the answer is not an array of as many results");
      }
    } else if (ds.is_array) {
      problems.push_back(verdict.accepted ? "an array beyond the limits was answered element by element"
                                          : "nlohmann refuses this array, but it was answered element by element");
    }
  }
  filter(problems);
  if (!problems.empty()) fail(problems, text, doc.json);
  return 0;
}

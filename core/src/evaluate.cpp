// The string-in, string-out entry points.  Nothing here throws: any fault
// (which would be a bug) becomes an error result, never a half-built answer.
#include <exception>

#include "livermets/livermets.hpp"
#include "livermets/parse.hpp"
#include "result_json.hpp"

#ifndef LIVERMETS_VERSION
#define LIVERMETS_VERSION "0.0.0"
#endif

namespace livermets {

namespace {

struct OneResult {
  std::string json;
  bool ok = false;
  bool internal_fault = false;
};

OneResult fault_result(const std::string& message) {
  return {error_result_json({{"case", message}}, /*internal_fault=*/true), false, true};
}

OneResult evaluate_one(std::string_view text) {
  try {
    const ParsedCase parsed = parse_case(text);
    if (!parsed.ok()) return {error_result_json(parsed.errors), false, false};
    return {ok_result_json(parsed.value, decide(parsed.value)), true, false};
  } catch (const std::exception& e) {
    return fault_result(std::string("internal fault, no result given: ") + e.what());
  } catch (...) {
    return fault_result("internal fault, no result given");
  }
}

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

// Splits a top-level JSON array into its elements' texts without building
// them, so that each element meets the single-case limits on its own.
// Returns false when the text is not a well-formed array of values.
bool split_array(std::string_view text, std::vector<std::string_view>& out) {
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  skip_space();
  if (i >= text.size() || text[i] != '[') return false;
  ++i;
  skip_space();
  if (i < text.size() && text[i] == ']') {
    ++i;
    skip_space();
    return i == text.size();
  }
  while (i < text.size()) {
    const std::size_t start = i;
    long depth = 0;
    bool in_string = false;
    for (; i < text.size(); ++i) {
      const char ch = text[i];
      if (in_string) {
        if (ch == '\\') ++i;
        else if (ch == '"') in_string = false;
      } else if (ch == '"') {
        in_string = true;
      } else if (ch == '{' || ch == '[') {
        ++depth;
      } else if (ch == '}' || ch == ']') {
        if (depth == 0) break;
        --depth;
      } else if (ch == ',' && depth == 0) {
        break;
      }
    }
    if (i >= text.size()) return false;
    out.push_back(text.substr(start, i - start));
    if (text[i] == ']') {
      ++i;
      skip_space();
      return i == text.size();
    }
    ++i;  // the comma
  }
  return false;
}

bool starts_as_array(std::string_view text) {
  for (char ch : text) {
    if (!is_space(ch)) return ch == '[';
  }
  return false;
}

constexpr const char* kLastResort =
    R"({"status":"error","errors":[{"field":"case","message":"internal fault, no result given"}],"internal_fault":true})";

}  // namespace

std::string evaluate_json(std::string_view case_json) {
  try {
    return evaluate_one(case_json).json;
  } catch (...) {
    return kLastResort;
  }
}

DocumentResult evaluate_document(std::string_view text) {
  DocumentResult out;
  try {
    if (!starts_as_array(text)) {
      OneResult r = evaluate_one(text);
      return {std::move(r.json), r.ok, r.internal_fault};
    }
    std::vector<std::string_view> elements;
    if (!split_array(text, elements)) {
      return {error_result_json({{"case", "not a well-formed JSON array of cases"}}), false, false};
    }
    out.all_ok = true;
    out.json = "[";
    for (std::size_t k = 0; k < elements.size(); ++k) {
      OneResult r = evaluate_one(elements[k]);
      out.all_ok = out.all_ok && r.ok;
      out.internal_fault = out.internal_fault || r.internal_fault;
      if (k) out.json += ',';
      out.json += r.json;
    }
    out.json += "]";
    return out;
  } catch (...) {
    return {kLastResort, false, true};
  }
}

std::string_view rulebase_version() { return LIVERMETS_VERSION; }
std::string_view guideline_name() { return "Management of Liver Metastases"; }

}  // namespace livermets

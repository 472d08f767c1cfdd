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

using json = nlohmann::json;

namespace {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// An error result that also says the fault was ours, not the input's.
json fault_result(const std::string& message) {
  json r = error_result_json({{"case", message}});
  r["internal_fault"] = true;
  return r;
}

json evaluate_one(std::string_view text) {
  try {
    const ParsedCase parsed = parse_case(text);
    if (!parsed.ok()) return error_result_json(parsed.errors);
    return ok_result_json(parsed.value, decide(parsed.value));
  } catch (const std::exception& e) {
    return fault_result(std::string("internal fault, no result given: ") + e.what());
  } catch (...) {
    return fault_result("internal fault, no result given");
  }
}

// Splits a top-level JSON array into its elements' texts without building
// them, so that each element meets the single-case limits on its own.
// Returns false when the text is not a well-formed array of values.
bool split_array(std::string_view text, std::vector<std::string_view>& out) {
  std::size_t i = 0;
  auto skip_ws = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  };
  skip_ws();
  if (i >= text.size() || text[i] != '[') return false;
  ++i;
  skip_ws();
  if (i < text.size() && text[i] == ']') {
    ++i;
    skip_ws();
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
      skip_ws();
      return i == text.size();
    }
    ++i;  // the comma
  }
  return false;
}

bool starts_as_array(std::string_view text) {
  for (char ch : text) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    return ch == '[';
  }
  return false;
}

}  // namespace

std::string evaluate_json(std::string_view case_json) {
  try {
    return dump(evaluate_one(case_json));
  } catch (...) {
    return R"({"status":"error","errors":[{"field":"case","message":"internal fault, no result given"}]})";
  }
}

DocumentResult evaluate_document(std::string_view text) {
  DocumentResult out;
  try {
    std::vector<std::string_view> elements;
    if (!starts_as_array(text)) {
      const json r = evaluate_one(text);
      out.all_ok = r["status"] == "ok";
      out.internal_fault = r.contains("internal_fault");
      out.json = dump(r);
      return out;
    }
    if (!split_array(text, elements)) {
      out.json = dump(error_result_json({{"case", "not a well-formed JSON array of cases"}}));
      return out;
    }
    out.all_ok = true;
    out.json = "[";
    for (std::size_t k = 0; k < elements.size(); ++k) {
      const json r = evaluate_one(elements[k]);
      out.all_ok = out.all_ok && r["status"] == "ok";
      out.internal_fault = out.internal_fault || r.contains("internal_fault");
      out.json += (k ? "," : "") + dump(r);
    }
    out.json += "]";
  } catch (...) {
    out.all_ok = false;
    out.internal_fault = true;
    out.json = R"({"status":"error","errors":[{"field":"case","message":"internal fault, no result given"}]})";
  }
  return out;
}

std::string_view rulebase_version() { return LIVERMETS_VERSION; }
std::string_view guideline_name() { return "Management of Liver Metastases"; }

}  // namespace livermets

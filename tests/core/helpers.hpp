// Helpers for the JSON-level tests: evaluate a case through the public
// string API (the contract's surface) and read the result.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "livermets/livermets.hpp"

namespace lmt {

using json = nlohmann::json;

inline json eval_text(const std::string& text) {
  const std::string out = livermets::evaluate_json(text);
  json r = json::parse(out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(r.is_discarded()) << "result is not valid JSON: " << out.substr(0, 400);
  return r;
}

inline json eval(const json& c) { return eval_text(c.dump()); }

inline std::string pathway(const json& r) {
  if (!r.contains("pathway") || !r["pathway"].is_object()) return "<none>";
  return r["pathway"].value("code", "<none>");
}

inline std::set<std::string> codes(const json& r, const char* key) {
  std::set<std::string> s;
  if (r.contains(key) && r[key].is_array()) {
    for (const auto& x : r[key]) s.insert(x.value("code", "?"));
  }
  return s;
}
inline std::set<std::string> recs(const json& r) { return codes(r, "recommendations"); }
inline std::set<std::string> warns(const json& r) { return codes(r, "warnings"); }
inline bool has_rec(const json& r, const std::string& code) { return recs(r).count(code) > 0; }
inline bool has_warn(const json& r, const std::string& code) { return warns(r).count(code) > 0; }

// The displayed text of one item ("" when the code is absent).
inline std::string item_text(const json& r, const char* key, const std::string& code) {
  if (r.contains(key)) {
    for (const auto& x : r[key]) {
      if (x.value("code", "") == code) return x.value("text", "");
    }
  }
  return "";
}
inline std::string rec_text(const json& r, const std::string& code) { return item_text(r, "recommendations", code); }
inline std::string warn_text(const json& r, const std::string& code) { return item_text(r, "warnings", code); }

inline std::string strength(const json& r, const std::string& code) {
  if (r.contains("recommendations")) {
    for (const auto& x : r["recommendations"]) {
      if (x.value("code", "") == code) return x.value("strength", "?");
    }
  }
  return "<absent>";
}

inline std::string overall(const json& r) {
  if (!r.contains("candidacy") || !r["candidacy"].is_object()) return "<none>";
  return r["candidacy"].value("overall", "<none>");
}

inline json criterion_of(const json& r, const std::string& code) {
  if (r.contains("candidacy") && r["candidacy"].contains("criteria")) {
    for (const auto& x : r["candidacy"]["criteria"]) {
      if (x.value("code", "") == code) return x;
    }
  }
  return json();
}
inline std::string criterion(const json& r, const std::string& code) {
  const json c = criterion_of(r, code);
  return c.is_object() ? c.value("status", "?") : "<absent>";
}

inline std::vector<std::string> missing(const json& r) {
  std::vector<std::string> v;
  if (r.contains("missing") && r["missing"].is_array()) {
    for (const auto& x : r["missing"]) v.push_back(x.value("field", "?"));
  }
  return v;
}

// A fully specified, resectable colorectal case with no poor prognostic
// factor: CRC_RESECTION_FIRST (G20).  Tests change one thing at a time.
inline json crc_resectable() {
  return json{{"schema", "livermets-case/1"},
              {"primary", "colorectal"},
              {"setting", "initial"},
              {"presentation", "metachronous"},
              {"surgical_review_done", true},
              {"chemotherapy_status", "none"},
              {"r0_achievable", true},
              {"flr_percent", 45},
              {"remnant_segments", 4},
              {"liver_quality", "normal"},
              {"ecog", 0},
              {"operative_risk_acceptable", true},
              {"extrahepatic_disease", "none"},
              {"patient_declines_surgery", false},
              {"lesion_count", 2},
              {"largest_lesion_cm", 2.5},
              {"bilobar", false},
              {"perivascular_lesion", false},
              {"complete_radiological_response", false},
              {"biopsy_planned", false},
              {"colorectal",
               {{"node_positive_primary", false},
                {"tumor_markers_elevated", false},
                {"cea_ng_ml", 12},
                {"disease_free_interval_months", 24},
                {"mmr", "pmmr_mss"},
                {"ras", "wild_type"},
                {"braf", "wild_type"},
                {"sidedness", "left"}}}};
}

// The same patient made unresectable by R0 alone: CRC_CONVERSION_THERAPY (G24).
inline json crc_unresectable() {
  json c = crc_resectable();
  c["r0_achievable"] = false;
  return c;
}

inline json breast_candidate() {
  return json{{"primary", "breast"},
              {"surgical_review_done", true},
              {"chemotherapy_status", "started"},
              {"r0_achievable", true},
              {"flr_percent", 50},
              {"remnant_segments", 4},
              {"liver_quality", "normal"},
              {"ecog", 1},
              {"operative_risk_acceptable", true},
              {"extrahepatic_disease", "none"},
              {"patient_declines_surgery", false},
              {"lesion_count", 1},
              {"largest_lesion_cm", 3},
              {"breast",
               {{"hormone_receptor", "positive"},
                {"her2", "negative"},
                {"oligometastatic", true},
                {"progressing_on_systemic_therapy", false}}}};
}

inline json net_candidate() {
  return json{{"primary", "neuroendocrine"},
              {"surgical_review_done", true},
              {"chemotherapy_status", "none"},
              {"r0_achievable", true},
              {"flr_percent", 50},
              {"remnant_segments", 4},
              {"liver_quality", "normal"},
              {"ecog", 0},
              {"operative_risk_acceptable", true},
              {"extrahepatic_disease", "none"},
              {"patient_declines_surgery", false},
              {"lesion_count", 1},
              {"largest_lesion_cm", 3},
              {"neuroendocrine",
               {{"symptomatic", false},
                {"progressive", false},
                {"hypervascular", false},
                {"sstr_positive", false},
                {"solitary_or_isolated", true}}}};
}

// An error result: status "error", at least one error, each with a field and
// a message, and no pathway and no recommendations.
inline ::testing::AssertionResult is_error_naming(const json& r, const std::set<std::string>& fields) {
  if (r.value("status", "") != "error") return ::testing::AssertionFailure() << "status is not error: " << r.dump().substr(0, 300);
  if (!r.contains("errors") || !r["errors"].is_array() || r["errors"].empty()) {
    return ::testing::AssertionFailure() << "no errors array";
  }
  bool named = false;
  for (const auto& e : r["errors"]) {
    if (!e.contains("field") || !e["field"].is_string()) return ::testing::AssertionFailure() << "error without field";
    if (!e.contains("message") || !e["message"].is_string() || e["message"].get<std::string>().empty()) {
      return ::testing::AssertionFailure() << "error without message";
    }
    if (fields.count(e["field"].get<std::string>())) named = true;
  }
  if (!named) return ::testing::AssertionFailure() << "no error names one of the expected fields: " << r["errors"].dump();
  if (r.contains("pathway") && !r["pathway"].is_null()) return ::testing::AssertionFailure() << "error result has a pathway";
  if (r.contains("recommendations") && !r["recommendations"].is_null() && !r["recommendations"].empty()) {
    return ::testing::AssertionFailure() << "error result has recommendations";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace lmt

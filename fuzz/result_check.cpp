// The JSON-level checker (see result_check.hpp).
#include "result_check.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace livermets::fuzzcheck {
namespace {

// A JSON type of its own (long long, not the core's std::int64_t = long), so
// that none of its template code is shared with the core: this file is
// compiled without coverage or sanitizers (the oracle is not the code under
// test), and the core's own nlohmann code keeps its instrumentation.
using json = nlohmann::basic_json<std::map, std::vector, std::string, bool, long long, unsigned long long, double>;

const std::set<std::string>& pathway_codes() {
  static const std::set<std::string> s = {
      "ASSESSMENT_INCOMPLETE", "OUT_OF_SCOPE", "BREAST_SYSTEMIC_FIRST", "REPEAT_RESECTION",
      "ABLATION_PRIMARY", "NON_SURGICAL_MDT", "CRC_CONVERSION_THERAPY", "CRC_NEOADJUVANT_THEN_RESECTION",
      "CRC_RESECTION_FIRST", "NET_RESECTION", "NET_MEDICAL_AND_LIVER_DIRECTED", "NET_OBSERVATION"};
  return s;
}
const std::set<std::string>& resection_pathways() {
  static const std::set<std::string> s = {"CRC_RESECTION_FIRST", "CRC_NEOADJUVANT_THEN_RESECTION",
                                          "REPEAT_RESECTION", "NET_RESECTION"};
  return s;
}
const std::set<std::string>& surgical_codes() {
  static const std::set<std::string> s = {"RESECTION", "ADJUNCT_RESECTION", "PORTAL_VEIN_EMBOLIZATION",
                                          "TWO_STAGE_HEPATECTOMY", "RESECTION_PLUS_ABLATION"};
  return s;
}
const std::set<std::string>& regimen_codes() {
  // G25, G26, G27 (pMMR/MSS only); G21's FOLFOX carries no MMR restriction (rev 2).
  static const std::set<std::string> s = {"DOUBLET_PLUS_ANTI_EGFR", "TRIPLET_CHEMOTHERAPY",
                                          "TRIPLET_PLUS_BEVACIZUMAB"};
  return s;
}

bool nonempty_string(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() && !j[key].get_ref<const std::string&>().empty();
}

// "G02".."G74" statements, citations 1..8 (the guideline's own numbers).
bool basis_ok(const json& item) {
  if (!item.contains("statements") || !item["statements"].is_array() || item["statements"].empty()) return false;
  for (const auto& s : item["statements"]) {
    if (!s.is_string()) return false;
    const auto& t = s.get_ref<const std::string&>();
    if (t.size() != 3 || t[0] != 'G' || t[1] < '0' || t[1] > '9' || t[2] < '0' || t[2] > '9') return false;
  }
  if (!item.contains("citations") || !item["citations"].is_array() || item["citations"].empty()) return false;
  for (const auto& c : item["citations"]) {
    if (!c.is_number_integer() || c.get<long long>() < 1 || c.get<long long>() > 8) return false;
  }
  return true;
}

std::string case_str(const json& c, const char* key) {
  if (c.is_object() && c.contains(key) && c[key].is_string()) return c[key].get<std::string>();
  return "";
}
bool case_true(const json& c, const char* key) {
  return c.is_object() && c.contains(key) && c[key].is_boolean() && c[key].get<bool>();
}

void check_error(const json& r, std::vector<std::string>& p) {
  if (!r.contains("errors") || !r["errors"].is_array() || r["errors"].empty()) {
    p.push_back("error result without a non-empty errors list");
  } else {
    for (const auto& e : r["errors"]) {
      if (!nonempty_string(e, "field")) p.push_back("error without a field name");
      if (!nonempty_string(e, "message")) p.push_back("error without a message");
    }
  }
  if (r.contains("pathway")) p.push_back("error result carries a pathway");
  if (r.contains("recommendations")) p.push_back("error result carries recommendations");
  if (r.contains("internal_fault")) p.push_back("internal fault: the core failed on this input");
}

void check_ok(const json& r, std::vector<std::string>& p) {
  if (r.contains("errors") && !(r["errors"].is_array() && r["errors"].empty())) {
    p.push_back("ok result with errors");
  }
  if (!r.contains("case") || !r["case"].is_object()) p.push_back("ok result without the case echo");
  static const json empty = json::object();
  const json& kase = r.contains("case") && r["case"].is_object() ? r["case"] : empty;
  // Exactly one pathway, a known code, with its title, summary and basis.
  if (!r.contains("pathway") || !r["pathway"].is_object()) {
    p.push_back("ok result without a pathway");
    return;
  }
  const json& pw = r["pathway"];
  const std::string pathway = pw.value("code", "");
  if (!pathway_codes().count(pathway)) p.push_back("unknown pathway code '" + pathway + "'");
  if (!nonempty_string(pw, "title") || !nonempty_string(pw, "summary")) p.push_back("pathway without title or summary");
  if (!basis_ok(pw)) p.push_back("pathway without statements or citations");

  // Candidacy: criteria with basis, overall consistent with them, operable consistent.
  if (!r.contains("candidacy") || !r["candidacy"].is_object()) {
    p.push_back("ok result without candidacy");
    return;
  }
  const json& cand = r["candidacy"];
  const std::string overall = cand.value("overall", "");
  if (overall != "met" && overall != "not_met" && overall != "undetermined") p.push_back("bad candidacy.overall");
  bool any_not_met = false, all_met = true;
  std::string fitness;
  if (!cand.contains("criteria") || !cand["criteria"].is_array() || cand["criteria"].empty()) {
    p.push_back("candidacy without criteria");
  } else {
    for (const auto& k : cand["criteria"]) {
      const std::string code = k.value("code", "");
      const std::string st = k.value("status", "");
      if (code.empty()) p.push_back("criterion without code");
      if (st != "met" && st != "not_met" && st != "unknown") p.push_back("criterion " + code + " has a bad status");
      if (!nonempty_string(k, "text") || !nonempty_string(k, "reason")) p.push_back("criterion " + code + " without text or reason");
      if (!basis_ok(k)) p.push_back("criterion " + code + " without statements or citations");
      any_not_met |= st == "not_met";
      all_met &= st == "met";
      if (code == "FITNESS") fitness = st;
    }
  }
  const std::string want_overall = any_not_met ? "not_met" : all_met ? "met" : "undetermined";
  if (overall != want_overall) p.push_back("candidacy.overall " + overall + " disagrees with its criteria (" + want_overall + ")");
  const bool declines = case_true(kase, "patient_declines_surgery");
  const bool operable_by_rule = fitness != "not_met" && !declines;
  if (!cand.contains("operable") || !cand["operable"].is_boolean()) {
    p.push_back("candidacy.operable missing");
  } else if (cand["operable"].get<bool>() != operable_by_rule) {
    p.push_back("candidacy.operable disagrees with FITNESS and patient_declines_surgery");
  }
  const bool operable = operable_by_rule && cand.value("operable", true);

  // Recommendations.
  std::set<std::string> recs;
  std::string refer_strength;
  if (!r.contains("recommendations") || !r["recommendations"].is_array()) {
    p.push_back("ok result without a recommendations list");
  } else {
    for (const auto& rec : r["recommendations"]) {
      const std::string code = rec.value("code", "");
      const std::string strength = rec.value("strength", "");
      if (code.empty()) p.push_back("recommendation without code");
      if (!recs.insert(code).second) p.push_back("recommendation twice: " + code);
      if (strength != "do" && strength != "consider" && strength != "avoid") p.push_back(code + " has a bad strength");
      if (!nonempty_string(rec, "text")) p.push_back(code + " without text");
      if (!basis_ok(rec)) p.push_back(code + " without statements or citations");
      if (code == "REFER_HPB_MDT") refer_strength = strength;
    }
  }
  if (refer_strength != "do") p.push_back("REFER_HPB_MDT missing or not a 'do' (G02)");
  const std::string primary = case_str(kase, "primary");
  const bool crc = primary == "colorectal";
  if (crc != (recs.count("DO_NOT_BIOPSY") == 1)) {
    p.push_back(crc ? "DO_NOT_BIOPSY missing on a colorectal case (G71)" : "DO_NOT_BIOPSY on a non-colorectal case");
  }
  if (recs.count("RESECTION") && overall != "met") p.push_back("RESECTION without candidacy met (G06)");
  if (!operable || declines) {
    for (const auto& s : surgical_codes()) {
      if (recs.count(s)) p.push_back(s + " for a patient who is not operable or declined surgery");
    }
  }
  const json& crcblock = kase.contains("colorectal") && kase["colorectal"].is_object() ? kase["colorectal"] : empty;
  if (recs.count("DOUBLET_PLUS_ANTI_EGFR")) {
    if (!(crc && case_str(crcblock, "mmr") == "pmmr_mss" && case_str(crcblock, "ras") == "wild_type" &&
          case_str(crcblock, "braf") == "wild_type" && case_str(crcblock, "sidedness") == "left")) {
      p.push_back("DOUBLET_PLUS_ANTI_EGFR outside pMMR/MSS, RAS and BRAF wild-type, left-sided (G25)");
    }
    if (resection_pathways().count(pathway)) p.push_back("DOUBLET_PLUS_ANTI_EGFR on resection pathway " + pathway);
  }
  if (crc && case_str(crcblock, "mmr") == "dmmr_msi_h") {
    for (const auto& s : regimen_codes()) {
      if (recs.count(s)) p.push_back("regimen " + s + " for dMMR/MSI-H (G25-G27)");
    }
  }

  // Warnings.
  std::set<std::string> warns;
  if (!r.contains("warnings") || !r["warnings"].is_array()) {
    p.push_back("ok result without a warnings list");
  } else {
    for (const auto& w : r["warnings"]) {
      const std::string code = w.value("code", "");
      if (code.empty()) p.push_back("warning without code");
      if (!warns.insert(code).second) p.push_back("warning twice: " + code);
      if (!nonempty_string(w, "text")) p.push_back("warning " + code + " without text");
      if (!basis_ok(w)) p.push_back("warning " + code + " without statements or citations");
    }
  }
  // Out of scope says so (G16; G25-G27 are for pMMR/MSS).
  if ((primary == "other" || (crc && case_str(crcblock, "mmr") == "dmmr_msi_h")) && !warns.count("OUTSIDE_GUIDELINE_SCOPE")) {
    p.push_back("out-of-scope case without OUTSIDE_GUIDELINE_SCOPE");
  }
  if (r.contains("missing") && !r["missing"].is_array()) p.push_back("missing is not a list");
  if (r.contains("missing") && r["missing"].is_array()) {
    for (const auto& m : r["missing"]) {
      if (!nonempty_string(m, "field") || !nonempty_string(m, "why")) p.push_back("missing entry without field or why");
    }
  }
  if (r.contains("derived") && !r["derived"].is_object()) p.push_back("derived is not an object");
  if (!r.contains("rulebase") || !nonempty_string(r["rulebase"], "version")) p.push_back("no rule-base version");
}

std::vector<std::string> check_result_json(const json& r) {
  std::vector<std::string> p;
  if (!r.is_object()) {
    p.push_back("result is not a JSON object");
    return p;
  }
  const std::string status = r.contains("status") && r["status"].is_string() ? r["status"].get<std::string>() : "";
  if (status == "error") {
    check_error(r, p);
  } else if (status == "ok") {
    check_ok(r, p);
  } else {
    p.push_back("status is neither \"ok\" nor \"error\"");
  }
  return p;
}

std::string status_of(const json& r) {
  return r.is_object() && r.contains("status") && r["status"].is_string() ? r["status"].get<std::string>() : "";
}

// The errors' fields and messages of an error result, in order.
void errors_of(const json& r, std::vector<std::string>& fields, std::vector<std::string>* messages) {
  if (!r.is_object() || !r.contains("errors") || !r["errors"].is_array()) return;
  for (const auto& e : r["errors"]) {
    fields.push_back(e.is_object() ? e.value("field", "") : "");
    if (messages) messages->push_back(e.is_object() ? e.value("message", "") : "");
  }
}

// Counts the elements of a top-level array from SAX events.
struct ElementCounter : nlohmann::json_sax<json> {
  int depth = 0;
  bool is_array = false;
  std::size_t elements = 0;

  bool value() {
    if (depth == 1) ++elements;
    return true;
  }
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t&) override { return true; }
  bool parse_error(std::size_t, const std::string&, const json::exception&) override { return false; }

 private:
  bool open(bool array) {
    if (depth == 0) is_array = array;
    value();
    ++depth;
    return true;
  }
  bool close() {
    --depth;
    return true;
  }
};

}  // namespace

std::vector<std::string> check_result(std::string_view text, ResultSummary* summary) {
  json r = json::parse(text.begin(), text.end(), nullptr, false);
  if (r.is_discarded()) return {"result does not parse as JSON (or is not valid UTF-8)"};
  auto p = check_result_json(r);
  if (summary) {
    summary->parsed = true;
    summary->status = status_of(r);
    summary->pathway = r.is_object() && r.contains("pathway") && r["pathway"].is_object() ? r["pathway"].value("code", "") : "";
    errors_of(r, summary->error_fields, &summary->error_messages);
  }
  return p;
}

InputVerdict nlohmann_verdict(std::string_view text) {
  InputVerdict v;
  v.accepted = json::accept(text.begin(), text.end());
  if (v.accepted) {
    ElementCounter counter;
    json::sax_parse(text.begin(), text.end(), &counter);
    v.is_array = counter.is_array;
    v.elements = counter.elements;
  }
  return v;
}

std::vector<std::string> check_document(std::string_view text, DocumentSummary* summary) {
  std::vector<std::string> p;
  json d = json::parse(text.begin(), text.end(), nullptr, false);
  if (d.is_discarded()) return {"document answer does not parse as JSON (or is not valid UTF-8)"};
  summary->parsed = true;
  summary->is_array = d.is_array();
  if (d.is_array()) {
    summary->all_ok = true;
    for (const auto& element : d) {
      for (auto& e : check_result_json(element)) p.push_back("element: " + e);
      summary->all_ok = summary->all_ok && status_of(element) == "ok";
      ++summary->elements;
    }
  } else {
    for (auto& e : check_result_json(d)) p.push_back("document: " + e);
    summary->status = status_of(d);
    summary->all_ok = summary->status == "ok";
    errors_of(d, summary->error_fields, nullptr);
  }
  return p;
}

}  // namespace livermets::fuzzcheck

#include "result_json.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "fields.hpp"
#include "json_writer.hpp"
#include "livermets/catalogue.hpp"
#include "livermets/livermets.hpp"
#include "missing.hpp"

namespace livermets {

namespace {

double round_to(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

void write_basis(JsonWriter& w, const Basis& b) {
  w.array("statements", b.statements);
  w.array("citations", b.citations);
}

// ------------------------------------------------------------ the case echo

// The normalised case: schema, setting, and every known answer.  Fields of a
// primary-specific block are contiguous in the field table, so the block's
// object opens at its first known field and closes when the prefix changes.
void write_case(JsonWriter& w, const Case& c) {
  w.key("case").begin_object();
  w.field("schema", "livermets-case/1");
  w.field("setting", name(c.setting));
  Case& readable = const_cast<Case&>(c);  // the accessors hand out references; nothing is written
  std::string_view open_block;
  for (const FieldSpec& f : fields()) {
    if (!f.known(c)) continue;
    const auto dot = f.id.find('.');
    const std::string_view block = dot == std::string_view::npos ? std::string_view() : f.id.substr(0, dot);
    if (block != open_block) {
      if (!open_block.empty()) w.end_object();
      if (!block.empty()) w.key(block).begin_object();
      open_block = block;
    }
    w.key(block.empty() ? f.id : f.id.substr(dot + 1));
    switch (f.type) {
      case FieldType::boolean: w.value(*f.boolean_ref(readable)); break;
      case FieldType::enumeration: w.value(f.options[static_cast<std::size_t>(f.enum_get(c))]); break;
      case FieldType::integer: w.value(*f.integer_ref(readable)); break;
      case FieldType::number: w.value(*f.number_ref(readable)); break;
    }
  }
  if (!open_block.empty()) w.end_object();
  w.end_object();
}

// ------------------------------------------------------ candidacy reasons

std::string remnant_reason(const Case& c, const Decision& d, Status s) {
  const auto& pct = d.derived.flr_percent;
  if (c.remnant_segments && *c.remnant_segments < 2) {
    return "Only " + std::to_string(*c.remnant_segments) +
           " segment(s) would remain; about two contiguous segments are the minimum.";
  }
  if (!pct) return "The future liver remnant is not known yet (give it as a % or by CT volumetry).";
  const std::string p = one_decimal(*pct) + "%";
  const bool cirrhosis = c.liver_quality == LiverQuality::cirrhosis;
  const std::string threshold =
      cirrhosis ? "40% required for a cirrhotic liver (a consensus figure beyond the guideline)" : "30% required";
  switch (s) {
    case Status::met: return "Remnant " + p + " of standard liver volume; at least " + threshold + ".";
    case Status::not_met: return "Remnant " + p + " of standard liver volume is below the " + threshold + ".";
    case Status::unknown:
      return "Remnant " + p +
             " is adequate for a normal liver (30%) but not for a cirrhotic one (40%, a consensus figure beyond "
             "the guideline); liver quality is not known.";
  }
  return "";
}

std::string fitness_reason(const Case& c, Status s) {
  const std::string ecog = c.ecog ? "ECOG " + std::to_string(*c.ecog) : "ECOG not known";
  switch (s) {
    case Status::met:
      if (*c.ecog == 2) {
        return "ECOG 2: borderline: accepted on the judgement that operative risk is acceptable.";
      }
      return ecog + " with acceptable operative risk.";
    case Status::not_met:
      if (c.ecog && *c.ecog >= 3) return ecog + ": performance status too poor for liver surgery.";
      return "Operative risk judged not acceptable.";
    case Status::unknown:
      return c.operative_risk_acceptable == true ? ecog + "; operative risk acceptable."
                                                 : ecog + "; operative risk not yet judged.";
  }
  return "";
}

std::string extrahepatic_reason(const Case& c) {
  if (!c.extrahepatic_disease) return "Disease outside the liver not yet assessed.";
  switch (*c.extrahepatic_disease) {
    case Extrahepatic::none: return "No disease outside the liver.";
    case Extrahepatic::resectable:
      return "Extrahepatic disease that would be removed within the R0 resection: not an absolute contraindication.";
    case Extrahepatic::bone_isolated_radiation_controllable:
      return "Isolated bone disease controllable by radiation: an accepted exception.";
    case Extrahepatic::lung_solitary: return "A solitary lung metastasis: an accepted exception.";
    case Extrahepatic::uncontrolled: return "Uncontrolled disease outside the liver.";
  }
  return "";
}

std::string yes_no_reason(Status s, const char* met, const char* not_met, const char* unknown) {
  return s == Status::met ? met : (s == Status::not_met ? not_met : unknown);
}

std::string criterion_reason(const Case& c, const Decision& d, const Criterion& k) {
  switch (k.code) {
    case CriterionCode::R0:
      return yes_no_reason(k.status, "Complete resection with negative margins is achievable.",
                           "Complete (R0) resection of all disease is not achievable now.",
                           "Not yet known whether all disease can be removed with negative margins.");
    case CriterionCode::REMNANT: return remnant_reason(c, d, k.status);
    case CriterionCode::FITNESS: return fitness_reason(c, k.status);
    case CriterionCode::EXTRAHEPATIC: return extrahepatic_reason(c);
    case CriterionCode::BREAST_OLIGOMETASTATIC:
      return yes_no_reason(k.status, "Liver-limited or oligometastatic disease.",
                           "Disease is neither liver-limited nor oligometastatic.",
                           "Not yet known whether disease is liver-limited or oligometastatic.");
    case CriterionCode::BREAST_NOT_PROGRESSING:
      return yes_no_reason(k.status, "Not progressing on systemic therapy.", "Progressing on systemic therapy.",
                           "Response to systemic therapy not yet known.");
  }
  return "";
}

// ------------------------------------------------------------ the sections

void write_rulebase(JsonWriter& w) {
  w.key("rulebase").begin_object();
  w.field("version", rulebase_version()).field("guideline", guideline_name());
  w.end_object();
}

void write_candidacy(JsonWriter& w, const Case& c, const Decision& d) {
  w.key("candidacy").begin_object();
  w.field("overall", name(d.candidacy.overall));
  w.key("criteria").begin_array();
  for (int i = 0; i < d.candidacy.count; ++i) {
    const Criterion& k = d.candidacy.criteria[static_cast<std::size_t>(i)];
    const CodeInfo& ci = info(k.code);
    w.begin_object();
    w.field("code", ci.code).field("status", name(k.status)).field("text", ci.text);
    w.field("reason", criterion_reason(c, d, k));
    write_basis(w, ci.basis);
    w.end_object();
  }
  w.end_array();
  w.field("operable", d.operable);
  w.end_object();
}

void write_recommendations(JsonWriter& w, const Decision& d) {
  w.key("recommendations").begin_array();
  for (int i = 0; i < d.recommendation_count; ++i) {
    const Recommendation& r = d.recommendations[static_cast<std::size_t>(i)];
    const CodeInfo& ci = info(r.code, d.pathway);
    w.begin_object();
    w.field("code", ci.code).field("strength", name(r.strength)).field("text", ci.text);
    write_basis(w, ci.basis);
    w.end_object();
  }
  w.end_array();
}

void write_warnings(JsonWriter& w, const Decision& d) {
  w.key("warnings").begin_array();
  for (int i = 0; i < kWarningCount; ++i) {
    const auto code = static_cast<WarningCode>(i);
    if (!d.has(code)) continue;
    const CodeInfo& ci = info(code);
    w.begin_object();
    w.field("code", ci.code).field("text", ci.text);
    write_basis(w, ci.basis);
    w.end_object();
  }
  w.end_array();
}

void write_missing(JsonWriter& w, const Case& c, const Decision& d) {
  w.key("missing").begin_array();
  for (const MissingItem& m : find_missing(c, d)) {
    w.begin_object();
    w.field("field", m.field).field("why", m.why).array("statements", m.statements);
    w.end_object();
  }
  w.end_array();
}

void write_derived(JsonWriter& w, const Derived& v) {
  w.key("derived").begin_object();
  if (v.bsa_m2) w.field("bsa_m2", round_to(*v.bsa_m2, 2));
  if (v.standard_liver_volume_ml) w.field("standard_liver_volume_ml", round_to(*v.standard_liver_volume_ml, 1));
  if (v.flr_percent) w.field("flr_percent", *v.flr_percent);
  if (v.fong_score) w.field("fong_score", *v.fong_score);
  if (v.tumor_burden_score) w.field("tumor_burden_score", round_to(*v.tumor_burden_score, 2));
  w.field("remnant_threshold_percent", v.remnant_threshold_percent);
  w.end_object();
}

}  // namespace

std::string ok_result_json(const Case& c, const Decision& d) {
  JsonWriter w;
  w.begin_object();
  w.field("status", "ok");
  w.key("errors").begin_array().end_array();
  write_rulebase(w);
  write_case(w, c);
  const PathwayInfo& p = info(d.pathway);
  w.key("pathway").begin_object();
  w.field("code", p.code).field("title", p.title).field("summary", p.summary);
  write_basis(w, p.basis);
  w.end_object();
  write_candidacy(w, c, d);
  write_recommendations(w, d);
  write_warnings(w, d);
  write_missing(w, c, d);
  write_derived(w, d.derived);
  w.field("algorithm", d.route.algorithm);
  w.key("route").begin_array();
  for (int i = 0; i < d.route.length; ++i) w.value(d.route.nodes[static_cast<std::size_t>(i)]);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string error_result_json(const std::vector<FieldError>& errors, bool internal_fault) {
  JsonWriter w;
  w.begin_object();
  w.field("status", "error");
  w.key("errors").begin_array();
  for (const FieldError& e : errors) {
    w.begin_object().field("field", e.field).field("message", e.message).end_object();
  }
  w.end_array();
  write_rulebase(w);
  if (internal_fault) w.field("internal_fault", true);
  w.end_object();
  return w.take();
}

}  // namespace livermets

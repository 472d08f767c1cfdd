#include "result_json.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "fields.hpp"
#include "livermets/catalogue.hpp"
#include "livermets/livermets.hpp"
#include "missing.hpp"

namespace livermets {

using json = nlohmann::json;

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

json basis_fields(json item, const Basis& b) {
  item["statements"] = b.statements;
  item["citations"] = b.citations;
  return item;
}

// ------------------------------------------------------------ the case echo

json case_echo(const Case& c) {
  json out = {{"schema", "livermets-case/1"},
              {"setting", c.setting == Setting::initial ? "initial" : "recurrence_after_hepatectomy"}};
  Case& readable = const_cast<Case&>(c);  // the accessors hand out references; nothing is written
  for (const FieldSpec& f : fields()) {
    if (!f.known(c)) continue;
    json value;
    switch (f.type) {
      case FieldType::boolean: value = *f.boolean_ref(readable); break;
      case FieldType::enumeration: value = f.options[static_cast<std::size_t>(f.enum_get(c))]; break;
      case FieldType::integer: value = *f.integer_ref(readable); break;
      case FieldType::number: value = *f.number_ref(readable); break;
    }
    const auto dot = f.id.find('.');
    if (dot == std::string_view::npos) {
      out[std::string(f.id)] = value;
    } else {
      out[std::string(f.id.substr(0, dot))][std::string(f.id.substr(dot + 1))] = value;
    }
  }
  return out;
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

json candidacy_json(const Case& c, const Decision& d) {
  json criteria = json::array();
  for (int i = 0; i < d.candidacy.count; ++i) {
    const Criterion& k = d.candidacy.criteria[static_cast<std::size_t>(i)];
    const CodeInfo& ci = info(k.code);
    criteria.push_back(basis_fields(
        {{"code", ci.code}, {"status", name(k.status)}, {"text", ci.text}, {"reason", criterion_reason(c, d, k)}},
        ci.basis));
  }
  return {{"overall", name(d.candidacy.overall)}, {"criteria", criteria}, {"operable", d.operable}};
}

json derived_json(const Derived& v) {
  json out = json::object();
  if (v.bsa_m2) out["bsa_m2"] = round_to(*v.bsa_m2, 2);
  if (v.standard_liver_volume_ml) out["standard_liver_volume_ml"] = round_to(*v.standard_liver_volume_ml, 1);
  if (v.flr_percent) out["flr_percent"] = *v.flr_percent;
  if (v.fong_score) out["fong_score"] = *v.fong_score;
  if (v.tumor_burden_score) out["tumor_burden_score"] = round_to(*v.tumor_burden_score, 2);
  out["remnant_threshold_percent"] = v.remnant_threshold_percent;
  return out;
}

}  // namespace

json rulebase_json() { return {{"version", rulebase_version()}, {"guideline", guideline_name()}}; }

json ok_result_json(const Case& c, const Decision& d) {
  const PathwayInfo& p = info(d.pathway);
  json recs = json::array();
  for (int i = 0; i < d.recommendation_count; ++i) {
    const Recommendation& r = d.recommendations[static_cast<std::size_t>(i)];
    const CodeInfo& ci = info(r.code, d.pathway);
    recs.push_back(basis_fields({{"code", ci.code}, {"strength", name(r.strength)}, {"text", ci.text}}, ci.basis));
  }
  json warnings = json::array();
  for (int i = 0; i < kWarningCount; ++i) {
    const auto code = static_cast<WarningCode>(i);
    if (!d.has(code)) continue;
    const CodeInfo& ci = info(code);
    warnings.push_back(basis_fields({{"code", ci.code}, {"text", ci.text}}, ci.basis));
  }
  json missing = json::array();
  for (const MissingItem& m : find_missing(c, d)) {
    missing.push_back({{"field", m.field}, {"why", m.why}, {"statements", m.statements}});
  }
  json route = json::array();
  for (int i = 0; i < d.route.length; ++i) route.push_back(d.route.nodes[static_cast<std::size_t>(i)]);
  return {
      {"status", "ok"},
      {"errors", json::array()},
      {"rulebase", rulebase_json()},
      {"case", case_echo(c)},
      {"pathway", basis_fields({{"code", p.code}, {"title", p.title}, {"summary", p.summary}}, p.basis)},
      {"candidacy", candidacy_json(c, d)},
      {"recommendations", recs},
      {"warnings", warnings},
      {"missing", missing},
      {"derived", derived_json(d.derived)},
      {"algorithm", d.route.algorithm},
      {"route", route},
  };
}

json error_result_json(const std::vector<FieldError>& errors) {
  json list = json::array();
  for (const FieldError& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
  return {{"status", "error"}, {"errors", list}, {"rulebase", rulebase_json()}};
}

}  // namespace livermets

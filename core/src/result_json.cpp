#include "result_json.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "fields.hpp"
#include "json_writer.hpp"
#include "livermets/catalogue.hpp"
#include "display.hpp"
#include "livermets/fault.hpp"
#include "livermets/version.hpp"
#include "missing.hpp"
#include "texts.hpp"
#include "why.hpp"

namespace livermets {

namespace {

double round_to(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
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
    w.field("reason", criterion_reason(k.code, c, d).str());
    w.field("fact", criterion_fact(k.code, c, d).text);  // issue 10: the criterion in a few words
    write_basis(w, ci.basis);
    w.end_object();
  }
  w.end_array();
  w.field("operable", d.operable);
  w.end_object();
}

void write_recommendations(JsonWriter& w, const Case& c, const Decision& d) {
  w.key("recommendations").begin_array();
  for (int i = 0; i < d.recommendation_count; ++i) {
    const Recommendation& r = d.recommendations[static_cast<std::size_t>(i)];
    const CodeInfo& ci = info(r.code, d.pathway);
    w.begin_object();
    w.field("code", ci.code).field("strength", name(r.strength)).field("text", recommendation_text(r.code, c, d).str());
    write_basis(w, ci.basis);
    w.field("general", is_general(r.code));  // issue 10: listed after the case-specific items
    w.end_object();
  }
  w.end_array();
}

// A CHECK_ANSWERS warning also names the questions it concerns, so that the
// page can link to both answers of each contradiction.
void write_warnings(JsonWriter& w, const Case& c, const Decision& d) {
  w.key("warnings").begin_array();
  for (int i = 0; i < kWarningCount; ++i) {
    const auto code = static_cast<WarningCode>(i);
    if (!d.has(code)) continue;
    const CodeInfo ci = info(code, c, d);
    w.begin_object();
    w.field("code", ci.code).field("text", warning_text(code, c, d).str());
    write_basis(w, ci.basis);
    if (code == WarningCode::CHECK_ANSWERS) w.array("fields", contradiction_fields(d));
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

// Issue 10: the facts that decided the result, each with the questions it
// comes from (why.cpp), for the line under the pathway title.
void write_why(JsonWriter& w, const Case& c, const Decision& d) {
  w.key("why").begin_array();
  for (const WhyFact& f : why_facts(c, d)) {
    w.begin_object().field("text", f.text).array("fields", f.fields).end_object();
  }
  w.end_array();
}

void write_derived(JsonWriter& w, const Derived& v) {
  w.key("derived").begin_object();
  if (v.bsa_m2) w.field("bsa_m2", round_to(*v.bsa_m2, 2));
  if (v.standard_liver_volume_ml) w.field("standard_liver_volume_ml", round_to(*v.standard_liver_volume_ml, 1));
  // Rounded for display, never across a threshold (display.hpp).
  if (v.flr_percent) w.field("flr_percent", shown_remnant_percent(*v.flr_percent).value);
  if (v.fong_score) w.field("fong_score", *v.fong_score);
  if (v.tumor_burden_score) w.field("tumor_burden_score", round_to(*v.tumor_burden_score, 2));
  if (v.remnant_threshold_percent) w.field("remnant_threshold_percent", *v.remnant_threshold_percent);
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
  // rev 2: the one field with a default is marked as assumed when not given.
  w.key("assumed").begin_array();
  if (!c.setting_given) w.value("setting");
  w.end_array();
  const PathwayInfo& p = info(d.pathway);
  w.key("pathway").begin_object();
  w.field("code", p.code).field("title", pathway_title(c, d).str()).field("summary", pathway_summary(c, d).str());
  write_basis(w, p.basis);
  w.end_object();
  write_why(w, c, d);
  write_candidacy(w, c, d);
  write_recommendations(w, c, d);
  write_warnings(w, c, d);
  write_missing(w, c, d);
  write_derived(w, d.derived);
  w.field("algorithm", d.route.algorithm);
  w.key("route").begin_array();
  for (int i = 0; i < d.route.length; ++i) w.value(d.route.nodes[static_cast<std::size_t>(i)]);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string error_result_json(const std::vector<FieldError>& errors) {
  JsonWriter w;
  w.begin_object();
  w.field("status", "error");
  w.key("errors").begin_array();
  for (const FieldError& e : errors) {
    w.begin_object().field("field", e.field).field("message", e.message).end_object();
  }
  w.end_array();
  write_rulebase(w);
  w.end_object();
  return w.take();
}

std::string fault_result_json(std::string_view detail) {
  try {
    JsonWriter w;
    w.begin_object();
    w.field("status", "error");
    w.key("errors").begin_array().begin_object();
    w.field("field", "case");
    w.field("message", "internal fault in the calculator (" + std::string(detail) +
                           "): no result was computed; please report this case");
    w.end_object().end_array();
    write_rulebase(w);
    w.field("internal_fault", true);
    w.end_object();
    return w.take();
  } catch (...) {  // out of memory while writing the fault itself
    return R"({"status":"error","errors":[{"field":"case","message":"internal fault in the calculator: )"
           R"(no result was computed; please report this case"}],"internal_fault":true})";
  }
}

}  // namespace livermets

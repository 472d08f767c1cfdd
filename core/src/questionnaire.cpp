// The questionnaire definition the page is drawn from (docs/questionnaire.md).
// Types, options and ranges come from the field table (fields.cpp); this file
// adds what a clinician reads: labels, help, sections, and when to ask.
#include <string>

#include <nlohmann/json.hpp>

#include "fields.hpp"
#include "livermets/catalogue.hpp"
#include "livermets/livermets.hpp"
#include "result_json.hpp"
#include "statements.hpp"

namespace livermets {

using json = nlohmann::json;

namespace {

json equals(const char* field, const char* value) { return {{"field", field}, {"equals", value}}; }
json unknown(const char* field) { return {{"field", field}, {"unknown", true}}; }

struct Question {
  const char* id;
  const char* section;
  const char* label;
  const char* help;
  std::vector<const char*> option_labels;  // enumeration: one per option, in order
  json relevant_when;                      // null = always
  std::vector<const char*> statements;
};

std::vector<Question> questions() {
  const json colorectal = equals("primary", "colorectal");
  const json breast = equals("primary", "breast");
  const json net = equals("primary", "neuroendocrine");
  const json no_percent = unknown("flr_percent");
  return {
      {"primary", "tumour", "Primary tumour", "Where the metastases come from. The guideline has algorithms for colorectal, breast and neuroendocrine primaries.",
       {"Colorectal", "Breast", "Neuroendocrine", "Other primary"}, nullptr, {"G16", "G17", "G32", "G40"}},
      {"presentation", "tumour", "Presentation", "Synchronous: liver metastases found with the primary. Metachronous: found later.",
       {"Synchronous", "Metachronous"}, nullptr, {"G22"}},
      {"lesion_count", "tumour", "Number of liver metastases", "On current imaging. Keep counting sites that have disappeared after chemotherapy (G72).",
       {}, nullptr, {"G22", "G51", "G72"}},
      {"largest_lesion_cm", "tumour", "Diameter of the largest metastasis", "Largest diameter on current imaging.", {}, nullptr, {"G51", "G54"}},
      {"bilobar", "tumour", "Metastases in both hemilivers", "Bilobar disease.", {}, nullptr, {"G30", "G49"}},
      {"perivascular_lesion", "tumour", "A lesion abuts a major vessel", "Perivascular location limits ablation.", {}, nullptr, {"G55"}},
      {"complete_radiological_response", "tumour", "Lesions no longer visible after chemotherapy", "A complete response on imaging after chemotherapy.", {}, nullptr, {"G72", "G13"}},
      {"biopsy_planned", "tumour", "A biopsy of a liver lesion is planned", "", {}, nullptr, {"G71"}},
      {"setting", "history", "Setting", "First presentation, or recurrence after an earlier liver resection.",
       {"First presentation", "Recurrence after hepatectomy"}, nullptr, {"G67", "G68"}},
      {"surgical_review_done", "history", "A liver surgeon has assessed all metastases", "Surgical assessment of every lesion should come before any chemotherapy.", {}, nullptr, {"G12", "G70"}},
      {"chemotherapy_status", "history", "Chemotherapy for this disease so far", "", {"None", "Planned", "Started", "Completed"}, nullptr, {"G12", "G14", "G15", "G70"}},
      {"r0_achievable", "resectability", "Complete (R0) resection achievable", "All visible disease, in the liver and any extrahepatic site to be resected, can be removed with negative margins.", {}, nullptr, {"G07"}},
      {"flr_percent", "remnant", "Future liver remnant", "As a percentage of standard (total) liver volume. If you have the CT volume instead, leave this unknown and give volume, height and weight.", {}, nullptr, {"G08", "G73"}},
      {"flr_volume_ml", "remnant", "Remnant volume on CT", "CT volumetry of the liver that would remain; with height and weight the remnant % is computed (Vauthey standard liver volume).", {}, no_percent, {"G08"}},
      {"height_cm", "remnant", "Height", "For body surface area (Mosteller).", {}, no_percent, {"G08"}},
      {"weight_kg", "remnant", "Weight", "For body surface area (Mosteller).", {}, no_percent, {"G08"}},
      {"remnant_segments", "remnant", "Segments that would remain", "Contiguous, well-perfused segments; about two is the minimum.", {}, nullptr, {"G08"}},
      {"liver_quality", "remnant", "Quality of the liver that would remain", "Cirrhosis raises the remnant needed to 40% (a consensus figure beyond the guideline).",
       {"Normal", "Steatosis or chemotherapy injury", "Cirrhosis"}, nullptr, {"G14", "G73"}},
      {"ecog", "fitness", "ECOG performance status", "0 = fully active to 4 = completely disabled.", {}, nullptr, {"G09"}},
      {"operative_risk_acceptable", "fitness", "Operative risk acceptable", "Anaesthetic and surgical risk judged acceptable.", {}, nullptr, {"G09"}},
      {"patient_declines_surgery", "fitness", "Patient declines liver surgery", "", {}, nullptr, {"G50"}},
      {"extrahepatic_disease", "extrahepatic", "Disease outside the liver", "Solitary lung: exactly one lung metastasis and no other site. Bone: isolated bone disease controllable by radiation, no other site. Resectable: any other extrahepatic disease removed within the R0 resection.",
       {"None", "Resectable within the R0 resection", "Isolated bone, controllable by radiation", "Solitary lung metastasis", "Uncontrolled"}, nullptr, {"G10", "G36", "G74"}},
      {"colorectal.node_positive_primary", "colorectal", "Node-positive primary", "A poor prognostic factor.", {}, colorectal, {"G22"}},
      {"colorectal.tumor_markers_elevated", "colorectal", "Tumour markers elevated", "Your judgement of CEA or other markers; a poor prognostic factor.", {}, colorectal, {"G22"}},
      {"colorectal.cea_ng_ml", "colorectal", "CEA", "For the Fong score only (above 200 ng/ml scores a point).", {}, colorectal, {}},
      {"colorectal.disease_free_interval_months", "colorectal", "Interval from primary to liver metastases", "For the Fong score only. Synchronous = 0.", {}, colorectal, {}},
      {"colorectal.mmr", "colorectal", "Mismatch repair / microsatellite status", "", {"pMMR / MSS", "dMMR / MSI-high"}, colorectal, {"G25", "G26", "G27"}},
      {"colorectal.ras", "colorectal", "RAS status", "", {"Wild-type", "Mutated"}, colorectal, {"G25", "G26", "G27"}},
      {"colorectal.braf", "colorectal", "BRAF status", "", {"Wild-type", "Mutated"}, colorectal, {"G25", "G26", "G27"}},
      {"colorectal.sidedness", "colorectal", "Side of the primary tumour", "", {"Left", "Right"}, colorectal, {"G25", "G26"}},
      {"breast.hormone_receptor", "breast", "Hormone receptor status", "", {"Positive", "Negative"}, breast, {"G38"}},
      {"breast.her2", "breast", "HER2 status", "", {"Positive", "Negative"}, breast, {"G38"}},
      {"breast.oligometastatic", "breast", "Liver-limited or oligometastatic disease", "", {}, breast, {"G35"}},
      {"breast.progressing_on_systemic_therapy", "breast", "Progressing on systemic therapy", "", {}, breast, {"G37"}},
      {"neuroendocrine.symptomatic", "neuroendocrine", "Symptomatic", "Hormonal or bulk symptoms.", {}, net, {"G42", "G44"}},
      {"neuroendocrine.progressive", "neuroendocrine", "Progressive", "", {}, net, {"G41", "G44"}},
      {"neuroendocrine.hypervascular", "neuroendocrine", "Hypervascular", "Vascular tumour with a high expected response to embolization.", {}, net, {"G44"}},
      {"neuroendocrine.sstr_positive", "neuroendocrine", "Somatostatin-receptor positive", "On functional imaging.", {}, net, {"G45"}},
      {"neuroendocrine.solitary_or_isolated", "neuroendocrine", "Solitary or isolated metastases", "", {}, net, {"G43"}},
  };
}

json sections_json() {
  return json::array({
      {{"id", "tumour"}, {"title", "Tumour and presentation"}},
      {{"id", "history"}, {"title", "Treatment so far"}},
      {{"id", "resectability"}, {"title", "Resectability"}},
      {{"id", "remnant"}, {"title", "Liver remnant"}},
      {{"id", "fitness"}, {"title", "Fitness for surgery"}},
      {{"id", "extrahepatic"}, {"title", "Extrahepatic disease"}},
      {{"id", "colorectal"}, {"title", "Colorectal primary"}},
      {{"id", "breast"}, {"title", "Breast primary"}},
      {{"id", "neuroendocrine"}, {"title", "Neuroendocrine primary"}},
  });
}

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::boolean: return "bool";
    case FieldType::enumeration: return "enum";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
  }
  return "bool";
}

json question_json(const Question& q) {
  json out = {{"id", q.id}, {"section", q.section}, {"label", q.label}, {"help", q.help}};
  std::vector<std::string_view> option_values;
  if (std::string_view(q.id) == "setting") {  // the one field with a default, read by the parser itself
    out["type"] = "enum";
    out["default"] = "initial";
    option_values = {"initial", "recurrence_after_hepatectomy"};
  } else {
    const FieldSpec& f = *find_field(q.id);
    out["type"] = type_name(f.type);
    option_values = f.options;
    if (f.type == FieldType::integer || f.type == FieldType::number) {
      out["min"] = f.min;
      out["max"] = f.max;
      if (f.min_exclusive) out["min_exclusive"] = true;
      if (!f.unit.empty()) out["unit"] = f.unit;
      if (f.type == FieldType::number) out["step"] = "any";
    }
  }
  if (!option_values.empty()) {
    json options = json::array();
    for (std::size_t i = 0; i < option_values.size(); ++i) {
      options.push_back({{"value", option_values[i]}, {"label", q.option_labels.at(i)}});
    }
    out["options"] = options;
  }
  if (!q.relevant_when.is_null()) out["relevant_when"] = q.relevant_when;
  out["statements"] = q.statements;
  return out;
}

json statements_json() {
  json out = json::array();
  for (const Statement& s : statements()) {
    out.push_back({{"id", s.id}, {"kind", name(s.kind)}, {"gist", s.gist}, {"citations", s.citations}});
  }
  return out;
}

json pathways_json() {
  json out = json::array();
  for (int i = 0; i < kPathwayCount; ++i) {
    const PathwayInfo& p = info(static_cast<PathwayCode>(i));
    out.push_back({{"code", p.code}, {"title", p.title}, {"summary", p.summary}, {"statements", p.basis.statements}});
  }
  return out;
}

json node(const char* id, const char* label, const char* kind = "decision") {
  return {{"id", id}, {"label", label}, {"kind", kind}};
}
json pathway_node(PathwayCode code) {
  const PathwayInfo& p = info(code);
  return {{"id", p.code}, {"label", p.title}, {"kind", "pathway"}};
}
json edge(const char* from, std::string_view to, const char* label) {
  return {{"from", from}, {"to", to}, {"label", label}};
}
std::string_view code(PathwayCode p) { return info(p).code; }

// The diagrams mirror decide.cpp's branches; the route in each result names
// the nodes it passed through.
json algorithms_json() {
  using P = PathwayCode;
  json overview = {
      {"id", "overview"},
      {"title", "Which algorithm applies"},
      {"nodes", {node("primary", "Primary tumour known?"), pathway_node(P::OUT_OF_SCOPE), pathway_node(P::ASSESSMENT_INCOMPLETE)}},
      {"edges", {edge("primary", code(P::OUT_OF_SCOPE), "other primary"), edge("primary", code(P::ASSESSMENT_INCOMPLETE), "not known")}},
  };
  json colorectal = {
      {"id", "colorectal"},
      {"title", "Colorectal liver metastases"},
      {"nodes",
       {node("primary", "Colorectal primary"), node("crc_repeat", "Liver-only recurrence after hepatectomy, candidate and operable?"),
        node("crc_operable", "Operable: fit for surgery and not declining it?"),
        node("crc_ablation", "Up to 9 lesions, 4 cm or less, nothing outside the liver?"),
        node("crc_candidacy", "All candidacy criteria met?"), node("crc_prognosis", "Any poor prognostic factor?"),
        pathway_node(P::REPEAT_RESECTION), pathway_node(P::ABLATION_PRIMARY), pathway_node(P::NON_SURGICAL_MDT),
        pathway_node(P::CRC_CONVERSION_THERAPY), pathway_node(P::ASSESSMENT_INCOMPLETE),
        pathway_node(P::CRC_NEOADJUVANT_THEN_RESECTION), pathway_node(P::CRC_RESECTION_FIRST)}},
      {"edges",
       {edge("primary", "crc_repeat", ""), edge("crc_repeat", code(P::REPEAT_RESECTION), "yes"),
        edge("crc_repeat", "crc_operable", "no"), edge("crc_operable", "crc_ablation", "no"),
        edge("crc_operable", "crc_candidacy", "yes or not known"), edge("crc_ablation", code(P::ABLATION_PRIMARY), "yes"),
        edge("crc_ablation", code(P::NON_SURGICAL_MDT), "no or not known"),
        edge("crc_candidacy", code(P::CRC_CONVERSION_THERAPY), "not met"),
        edge("crc_candidacy", code(P::ASSESSMENT_INCOMPLETE), "not yet known"),
        edge("crc_candidacy", "crc_prognosis", "met"), edge("crc_prognosis", code(P::CRC_NEOADJUVANT_THEN_RESECTION), "yes"),
        edge("crc_prognosis", code(P::CRC_RESECTION_FIRST), "none known")}},
  };
  json breast = {
      {"id", "breast"},
      {"title", "Breast cancer liver metastases"},
      {"nodes", {node("primary", "Breast primary"), pathway_node(P::BREAST_SYSTEMIC_FIRST)}},
      {"edges", {edge("primary", code(P::BREAST_SYSTEMIC_FIRST), "always")}},
  };
  json neuroendocrine = {
      {"id", "neuroendocrine"},
      {"title", "Neuroendocrine liver metastases"},
      {"nodes",
       {node("primary", "Neuroendocrine primary"), node("net_resect", "Solitary or isolated, candidate and operable?"),
        node("net_active", "Symptomatic or progressive?"), node("net_excluded", "Resection ruled out?"),
        pathway_node(P::NET_RESECTION), pathway_node(P::NET_MEDICAL_AND_LIVER_DIRECTED), pathway_node(P::NET_OBSERVATION),
        pathway_node(P::ASSESSMENT_INCOMPLETE)}},
      {"edges",
       {edge("primary", "net_resect", ""), edge("net_resect", code(P::NET_RESECTION), "yes"),
        edge("net_resect", "net_active", "no or not known"), edge("net_active", code(P::NET_MEDICAL_AND_LIVER_DIRECTED), "yes"),
        edge("net_active", "net_excluded", "neither"), edge("net_active", code(P::ASSESSMENT_INCOMPLETE), "not known"),
        edge("net_excluded", code(P::NET_OBSERVATION), "yes"), edge("net_excluded", code(P::ASSESSMENT_INCOMPLETE), "not known")}},
  };
  return json::array({overview, colorectal, breast, neuroendocrine});
}

json derived_figures_json() {
  return json::array({
      {{"id", "bsa_m2"}, {"label", "Body surface area"}, {"unit", "m²"}, {"formula", "√(height cm × weight kg / 3600)"},
       {"source", "Mosteller, N Engl J Med 1987"}, {"beyond_guideline", true}},
      {{"id", "standard_liver_volume_ml"}, {"label", "Standard liver volume"}, {"unit", "ml"},
       {"formula", "−794.41 + 1267.28 × BSA"}, {"source", "Vauthey et al., Liver Transplantation 2002"}, {"beyond_guideline", true}},
      {{"id", "flr_percent"}, {"label", "Future liver remnant"}, {"unit", "%"},
       {"formula", "remnant volume ÷ standard liver volume × 100, rounded to 0.1 (the rounded figure is the one used)"},
       {"source", "Guideline G08 threshold 30%; 40% for cirrhosis is a consensus figure beyond the guideline"}, {"beyond_guideline", false}},
      {{"id", "fong_score"}, {"label", "Fong clinical risk score"}, {"unit", "points (0-5)"},
       {"formula", "one point each: node-positive primary, disease-free interval < 12 months, more than one lesion, CEA > 200 ng/ml, largest lesion > 5 cm"},
       {"source", "Fong et al., Annals of Surgery 1999; informs prognosis only, never changes the pathway"}, {"beyond_guideline", true}},
      {{"id", "tumor_burden_score"}, {"label", "Tumour burden score"}, {"unit", ""},
       {"formula", "√(largest diameter cm² + number of lesions²)"},
       {"source", "Sasaki et al., Annals of Surgery 2018; informs prognosis only, never changes the pathway"}, {"beyond_guideline", true}},
  });
}

}  // namespace

namespace {

std::string build_questionnaire() {
  json qs = json::array();
  for (const Question& q : questions()) qs.push_back(question_json(q));
  const json out = {{"schema", "livermets-questionnaire/1"},
                    {"rulebase", {{"version", rulebase_version()}, {"guideline", guideline_name()}}},
                    {"sections", sections_json()},
                    {"questions", qs},
                    {"statements", statements_json()},
                    {"pathways", pathways_json()},
                    {"algorithms", algorithms_json()},
                    {"derived", derived_figures_json()}};
  return out.dump();
}

}  // namespace

// Built once: the definition never changes while the program runs, and the
// page asks for it on every start (a cold start on a slow tablet counts).
std::string questionnaire_json() {
  try {
    static const std::string kDefinition = build_questionnaire();
    return kDefinition;
  } catch (...) {
    return R"({"status":"error","errors":[{"field":"questionnaire","message":"internal fault"}]})";
  }
}

}  // namespace livermets

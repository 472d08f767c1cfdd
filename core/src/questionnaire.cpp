// The questionnaire definition the page is drawn from (docs/questionnaire.md).
// Types, options and ranges come from the field table (fields.cpp); this file
// adds what a clinician reads: labels, help, sections, and when to ask.
//
// This runs when the core is built, not when it runs: make_questionnaire.cpp
// writes the text into a source file, and questionnaire_json() returns it as
// a constant (core/CMakeLists.txt), so the page pays nothing at start-up.
// Every object's keys are written in byte order, as nlohmann's dump (std::map)
// writes them.
#include <string>
#include <string_view>
#include <vector>

#include "fields.hpp"
#include "json_writer.hpp"
#include "livermets/catalogue.hpp"
#include "livermets/parse.hpp"
#include "livermets/version.hpp"
#include "questionnaire_builder.hpp"
#include "statements.hpp"

namespace livermets {

namespace {

// When a question is asked: always (no field), when a field equals a value,
// or when a field is unknown.
struct Condition {
  const char* field = nullptr;
  const char* equals = nullptr;  // nullptr: "the field is unknown"
};
Condition equals(const char* field, const char* value) { return {field, value}; }
Condition unknown(const char* field) { return {field, nullptr}; }
constexpr Condition kAlways{};

struct Question {
  const char* id;
  const char* section;
  const char* label;
  const char* help;
  std::vector<const char*> option_labels;  // enumeration: one per option, in order
  Condition relevant_when;
  std::vector<const char*> statements;
};

std::vector<Question> questions() {
  const Condition colorectal = equals("primary", "colorectal");
  const Condition breast = equals("primary", "breast");
  const Condition net = equals("primary", "neuroendocrine");
  const Condition no_percent = unknown("flr_percent");
  return {
      {"primary", "primary", "Primary tumour", "Where the metastases come from. The guideline has algorithms for colorectal, breast and neuroendocrine primaries.",
       {"Colorectal", "Breast", "Neuroendocrine", "Other primary"}, kAlways, {"G16", "G17", "G32", "G40"}},
      {"presentation", "tumour", "Presentation", "Synchronous: liver metastases found with the primary. Metachronous: found later.",
       {"Synchronous", "Metachronous"}, kAlways, {"G22"}},
      {"lesion_count", "tumour", "Number of liver metastases", "On current imaging. Keep counting sites that have disappeared after chemotherapy (G72).",
       {}, kAlways, {"G22", "G51", "G72"}},
      {"largest_lesion_cm", "tumour", "Diameter of the largest metastasis", "Largest diameter on current imaging.", {}, kAlways, {"G51", "G54"}},
      {"bilobar", "tumour", "Metastases in both hemilivers", "Bilobar disease.", {}, kAlways, {"G30", "G49"}},
      {"perivascular_lesion", "tumour", "A lesion abuts a major vessel", "Perivascular location limits ablation.", {}, kAlways, {"G55"}},
      {"complete_radiological_response", "tumour", "Lesions no longer visible after chemotherapy", "A complete response on imaging after chemotherapy.", {}, kAlways, {"G72", "G13"}},
      {"biopsy_planned", "tumour", "A biopsy of a liver lesion is planned", "", {}, kAlways, {"G71"}},
      {"setting", "history", "Setting", "First presentation, or recurrence after an earlier liver resection.",
       {"First presentation", "Recurrence after hepatectomy"}, kAlways, {"G67", "G68"}},
      {"surgical_review_done", "history", "A liver surgeon has assessed all metastases", "A liver surgeon must assess every metastasis before any chemotherapy begins (G12).", {}, kAlways, {"G12", "G70"}},
      {"chemotherapy_status", "history", "Chemotherapy for this disease so far (breast: any systemic therapy)", "For a breast primary, any systemic therapy counts: chemotherapy, endocrine therapy or anti-HER2 therapy. For other primaries, chemotherapy.", {"None", "Planned", "Started", "Completed"}, kAlways, {"G12", "G14", "G15", "G70"}},
      {"r0_achievable", "resectability", "Complete (R0) resection achievable", "By resection alone, all visible disease, in the liver and any extrahepatic site to be resected, can be removed with negative margins. Include the sites of lesions that have disappeared on imaging after chemotherapy (G72, G13). If only resection combined with ablation could clear all disease, answer no: that is the route of resection plus ablation (G49).", {}, kAlways, {"G07"}},
      {"flr_percent", "remnant", "Future liver remnant", "As a percentage of standard (total) liver volume. If you have the CT volume instead, leave this unknown and give volume, height and weight.", {}, kAlways, {"G08", "G73"}},
      {"flr_volume_ml", "remnant", "Remnant volume on CT", "CT volumetry of the liver that would remain; with height and weight the remnant % is computed (Vauthey standard liver volume).", {}, no_percent, {"G08"}},
      {"height_cm", "remnant", "Height", "For body surface area (Mosteller).", {}, no_percent, {"G08"}},
      {"weight_kg", "remnant", "Weight", "For body surface area (Mosteller).", {}, no_percent, {"G08"}},
      {"remnant_segments", "remnant", "Segments that would remain", "Contiguous, well-perfused segments; about two is the minimum.", {}, kAlways, {"G08"}},
      {"liver_quality", "remnant", "Quality of the liver that would remain", "Cirrhosis raises the remnant needed to 40% (a consensus figure beyond the guideline; its source is under Derived figures).",
       {"Normal", "Steatosis or chemotherapy injury", "Cirrhosis"}, kAlways, {"G14", "G73"}},
      {"ecog", "fitness", "ECOG performance status", "0 = fully active to 4 = completely disabled.", {}, kAlways, {"G09"}},
      {"operative_risk_acceptable", "fitness", "Operative risk acceptable", "Anaesthetic and surgical risk judged acceptable.", {}, kAlways, {"G09"}},
      {"patient_declines_surgery", "fitness", "Patient declines liver surgery", "", {}, kAlways, {"G50"}},
      {"extrahepatic_disease", "extrahepatic", "Disease outside the liver", "Resectable: disease outside the liver, at any site (a single lung metastasis included), that will be removed within the R0 resection. Solitary lung: exactly one lung metastasis, no other site, with no plan to remove it. Bone: isolated bone disease controllable by radiation, no other site. The solitary-lung and bone exceptions are accepted in breast cancer only; for other primaries, answer resectable or uncontrolled.",
       {"None", "Resectable within the R0 resection", "Isolated bone, controllable by radiation", "Solitary lung metastasis", "Uncontrolled"}, kAlways, {"G10", "G36", "G74"}},
      {"colorectal.node_positive_primary", "colorectal", "Node-positive primary", "A poor prognostic factor.", {}, colorectal, {"G22"}},
      {"colorectal.tumor_markers_elevated", "colorectal", "Tumour markers elevated", "Your judgement of CEA or other markers; a poor prognostic factor.", {}, colorectal, {"G22"}},
      {"colorectal.mmr", "colorectal", "Mismatch repair / microsatellite status", "", {"pMMR / MSS", "dMMR / MSI-high"}, colorectal, {"G25", "G26", "G27"}},
      {"colorectal.ras", "colorectal", "RAS status", "", {"Wild-type", "Mutated"}, colorectal, {"G25", "G26", "G27"}},
      {"colorectal.braf", "colorectal", "BRAF status", "", {"Wild-type", "Mutated"}, colorectal, {"G25", "G26", "G27"}},
      {"colorectal.sidedness", "colorectal", "Side of the primary tumour", "Where in the colon or rectum the primary arose; a rectal primary counts as left-sided.", {"Left", "Right"}, colorectal, {"G25", "G26"}},
      {"colorectal.cea_ng_ml", "colorectal", "CEA", "For the Fong score (above 200 ng/ml scores a point), and to check the tumour-marker answer.", {}, colorectal, {}},
      {"colorectal.disease_free_interval_months", "colorectal", "Interval from primary to liver metastases", "For the Fong score only. Synchronous = 0.", {}, colorectal, {}},
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

struct Section {
  const char* id;
  const char* title;
};
constexpr Section kSections[] = {
    {"primary", "Start with the primary tumour"},
    {"tumour", "Tumour and presentation"},   {"history", "Treatment so far"},
    {"resectability", "Resectability"},      {"remnant", "Liver remnant"},
    {"fitness", "Fitness for surgery"},      {"extrahepatic", "Extrahepatic disease"},
    {"colorectal", "Colorectal primary"},    {"breast", "Breast primary"},
    {"neuroendocrine", "Neuroendocrine primary"},
};

void write_sections(JsonWriter& w) {
  w.key("sections").begin_array();
  for (const Section& s : kSections) w.begin_object().field("id", s.id).field("title", s.title).end_object();
  w.end_array();
}

// Issue 10, "ask what decides first": the order of the sections for each
// primary (and while it is unknown), the block of the primary's own questions
// directly under it, then what the primary's algorithm decides on first
// (candidacy before prognosis, docs/questionnaire.md).  Every section appears
// in every order.  Keys in byte order.
struct SectionOrder {
  const char* primary;  // a value of `primary`, or "unknown"
  std::vector<const char*> sections;
};
std::vector<SectionOrder> section_orders() {
  return {
      {"breast", {"primary", "breast", "extrahepatic", "resectability", "remnant", "fitness", "history", "tumour",
                  "colorectal", "neuroendocrine"}},
      {"colorectal", {"primary", "colorectal", "resectability", "remnant", "fitness", "extrahepatic", "tumour",
                      "history", "breast", "neuroendocrine"}},
      {"neuroendocrine", {"primary", "neuroendocrine", "resectability", "remnant", "fitness", "extrahepatic",
                          "tumour", "history", "colorectal", "breast"}},
      {"other", {"primary", "tumour", "history", "resectability", "remnant", "fitness", "extrahepatic", "colorectal",
                 "breast", "neuroendocrine"}},
      {"unknown", {"primary", "tumour", "history", "resectability", "remnant", "fitness", "extrahepatic",
                   "colorectal", "breast", "neuroendocrine"}},
  };
}

void write_section_order(JsonWriter& w) {
  w.key("section_order").begin_object();
  for (const SectionOrder& o : section_orders()) w.array(o.primary, o.sections);
  w.end_object();
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

void write_condition(JsonWriter& w, const Condition& when) {
  w.key("relevant_when").begin_object();
  if (when.equals != nullptr) {
    w.field("equals", when.equals).field("field", when.field);
  } else {
    w.field("field", when.field).field("unknown", true);
  }
  w.end_object();
}

// Keys in byte order: default, help, id, label, max, min, min_exclusive,
// options, relevant_when, section, statements, step, type, unit.
void write_question(JsonWriter& w, const Question& q) {
  const bool is_setting = std::string_view(q.id) == "setting";  // the one field with a default, read by the parser itself
  const FieldSpec* f = is_setting ? nullptr : find_field(q.id);
  const bool ranged = f != nullptr && (f->type == FieldType::integer || f->type == FieldType::number);
  const std::vector<std::string_view>& option_values = is_setting ? setting_names() : f->options;

  w.begin_object();
  if (is_setting) w.field("default", name(Setting::initial));
  w.field("help", q.help).field("id", q.id).field("label", q.label);
  if (ranged) {
    w.field("max", f->max).field("min", f->min);
    if (f->min_exclusive) w.field("min_exclusive", true);
  }
  if (!option_values.empty()) {
    w.key("options").begin_array();
    for (std::size_t i = 0; i < option_values.size(); ++i) {
      w.begin_object().field("label", q.option_labels.at(i)).field("value", option_values[i]).end_object();
    }
    w.end_array();
  }
  if (q.relevant_when.field != nullptr) write_condition(w, q.relevant_when);
  w.field("section", q.section).array("statements", q.statements);
  if (ranged && f->type == FieldType::number) w.field("step", "any");
  w.field("type", is_setting ? "enum" : type_name(f->type));
  if (ranged && !f->unit.empty()) w.field("unit", f->unit);
  w.end_object();
}

void write_questions(JsonWriter& w) {
  w.key("questions").begin_array();
  for (const Question& q : questions()) write_question(w, q);
  w.end_array();
}

void write_statements(JsonWriter& w) {
  w.key("statements").begin_array();
  for (const Statement& s : statements()) {
    w.begin_object().array("citations", s.citations).field("gist", s.gist).field("id", s.id);
    w.field("kind", name(s.kind)).end_object();
  }
  w.end_array();
}

void write_pathways(JsonWriter& w) {
  w.key("pathways").begin_array();
  for (int i = 0; i < kPathwayCount; ++i) {
    const PathwayInfo& p = info(static_cast<PathwayCode>(i));
    w.begin_object().field("code", p.code).array("statements", p.basis.statements).field("summary", p.summary);
    w.field("title", p.title).end_object();
  }
  w.end_array();
}

struct Node {
  std::string_view id;
  std::string_view label;
  const char* kind;
};
struct Edge {
  const char* from;
  std::string_view to;
  const char* label;
};
struct Algorithm {
  const char* id;
  const char* title;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

Node node(const char* id, const char* label, const char* kind = "decision") { return {id, label, kind}; }
Node pathway_node(PathwayCode code) {
  const PathwayInfo& p = info(code);
  return {p.code, p.title, "pathway"};
}
Edge edge(const char* from, std::string_view to, const char* label) { return {from, to, label}; }
std::string_view code(PathwayCode p) { return info(p).code; }

// The diagrams mirror decide.cpp's branches; the route in each result names
// the nodes it passed through.
std::vector<Algorithm> algorithms() {
  using P = PathwayCode;
  Algorithm overview = {
      "overview",
      "Which algorithm applies",
      {node("primary", "Primary tumour known?"), pathway_node(P::OUT_OF_SCOPE), pathway_node(P::ASSESSMENT_INCOMPLETE)},
      {edge("primary", code(P::OUT_OF_SCOPE), "other primary"), edge("primary", code(P::ASSESSMENT_INCOMPLETE), "not known")},
  };
  Algorithm colorectal = {
      "colorectal",
      "Colorectal liver metastases",
      {node("primary", "Colorectal primary"), node("crc_repeat", "Liver-only recurrence after hepatectomy, candidate and operable?"),
       node("crc_operable", "Operable: fit for surgery and not declining it?"),
       node("crc_ablation", "Up to 9 lesions, 4 cm or less, nothing outside the liver?"),
       node("crc_candidacy", "All candidacy criteria met?"), node("crc_prognosis", "Any poor prognostic factor?"),
       pathway_node(P::REPEAT_RESECTION), pathway_node(P::ABLATION_PRIMARY), pathway_node(P::NON_SURGICAL_MDT),
       pathway_node(P::CRC_CONVERSION_THERAPY), pathway_node(P::ASSESSMENT_INCOMPLETE),
       pathway_node(P::CRC_NEOADJUVANT_THEN_RESECTION), pathway_node(P::CRC_RESECTION_FIRST)},
      {edge("primary", "crc_repeat", ""), edge("crc_repeat", code(P::REPEAT_RESECTION), "yes"),
       edge("crc_repeat", "crc_operable", "no"), edge("crc_operable", "crc_ablation", "no"),
       edge("crc_operable", "crc_candidacy", "yes or not known"), edge("crc_ablation", code(P::ABLATION_PRIMARY), "yes"),
       edge("crc_ablation", code(P::NON_SURGICAL_MDT), "no or not known"),
       edge("crc_candidacy", code(P::CRC_CONVERSION_THERAPY), "not met"),
       edge("crc_candidacy", code(P::ASSESSMENT_INCOMPLETE), "not yet known"),
       edge("crc_candidacy", "crc_prognosis", "met"), edge("crc_prognosis", code(P::CRC_NEOADJUVANT_THEN_RESECTION), "yes"),
       edge("crc_prognosis", code(P::CRC_RESECTION_FIRST), "none known")},
  };
  Algorithm breast = {
      "breast",
      "Breast cancer liver metastases",
      {node("primary", "Breast primary"), pathway_node(P::BREAST_SYSTEMIC_FIRST)},
      {edge("primary", code(P::BREAST_SYSTEMIC_FIRST), "always")},
  };
  Algorithm neuroendocrine = {
      "neuroendocrine",
      "Neuroendocrine liver metastases",
      {node("primary", "Neuroendocrine primary"), node("net_resect", "Solitary or isolated, candidate and operable?"),
       node("net_active", "Symptomatic or progressive?"), node("net_excluded", "Resection ruled out?"),
       pathway_node(P::NET_RESECTION), pathway_node(P::NET_MEDICAL_AND_LIVER_DIRECTED), pathway_node(P::NET_OBSERVATION),
       pathway_node(P::ASSESSMENT_INCOMPLETE)},
      {edge("primary", "net_resect", ""), edge("net_resect", code(P::NET_RESECTION), "yes"),
       edge("net_resect", "net_active", "no or not known"), edge("net_active", code(P::NET_MEDICAL_AND_LIVER_DIRECTED), "yes"),
       edge("net_active", "net_excluded", "neither"), edge("net_active", code(P::ASSESSMENT_INCOMPLETE), "not known"),
       edge("net_excluded", code(P::NET_OBSERVATION), "yes"), edge("net_excluded", code(P::ASSESSMENT_INCOMPLETE), "not known")},
  };
  return {overview, colorectal, breast, neuroendocrine};
}

void write_algorithms(JsonWriter& w) {
  w.key("algorithms").begin_array();
  for (const Algorithm& a : algorithms()) {
    w.begin_object().key("edges").begin_array();
    for (const Edge& e : a.edges) w.begin_object().field("from", e.from).field("label", e.label).field("to", e.to).end_object();
    w.end_array().field("id", a.id).key("nodes").begin_array();
    for (const Node& n : a.nodes) w.begin_object().field("id", n.id).field("kind", n.kind).field("label", n.label).end_object();
    w.end_array().field("title", a.title).end_object();
  }
  w.end_array();
}

struct DerivedFigure {
  const char* id;
  const char* label;
  const char* unit;
  const char* formula;
  const char* source;
  bool beyond_guideline;
};
constexpr DerivedFigure kDerivedFigures[] = {
    {"bsa_m2", "Body surface area", "m²", "√(height cm × weight kg / 3600)", "Mosteller, N Engl J Med 1987", true},
    {"standard_liver_volume_ml", "Standard liver volume", "ml", "−794.41 + 1267.28 × BSA",
     "Vauthey et al., Liver Transplantation 2002", true},
    {"flr_percent", "Future liver remnant", "%",
     "remnant volume ÷ standard liver volume × 100, compared with the threshold unrounded (a figure just below "
     "30% is shown as below it, never rounded up to it)",
     "Guideline G08 threshold 30%; 40% for cirrhosis is beyond the guideline: expert consensus (Charnsangavej et al., "
     "Ann Surg Oncol 2006; Clavien et al., N Engl J Med 2007)", false},
    {"remnant_threshold_percent", "Remnant needed for this liver", "%",
     "30% of the standard liver volume (G08); 40% when the liver is cirrhotic",
     "Guideline G08 threshold 30%; 40% for cirrhosis is beyond the guideline: expert consensus (Charnsangavej et al., "
     "Ann Surg Oncol 2006; Clavien et al., N Engl J Med 2007)", false},
    {"fong_score", "Fong clinical risk score", "points (0-5)",
     "one point each: node-positive primary, disease-free interval < 12 months, more than one lesion, CEA > 200 "
     "ng/ml, largest lesion > 5 cm",
     "Fong et al., Annals of Surgery 1999; informs prognosis only, never changes the pathway", true},
    {"tumor_burden_score", "Tumour burden score", "", "√(largest diameter cm² + number of lesions²)",
     "Sasaki et al., Annals of Surgery 2018; informs prognosis only, never changes the pathway", true},
};

void write_derived_figures(JsonWriter& w) {
  w.key("derived").begin_array();
  for (const DerivedFigure& d : kDerivedFigures) {
    w.begin_object().field("beyond_guideline", d.beyond_guideline).field("formula", d.formula).field("id", d.id);
    w.field("label", d.label).field("source", d.source).field("unit", d.unit).end_object();
  }
  w.end_array();
}

// The limits the core puts on one case, so that a page checking a case before
// it reaches the core (the embed) uses the core's own figures, not a copy.
void write_limits(JsonWriter& w) {
  w.key("limits").begin_object();
  w.field("case_bytes", static_cast<int>(kMaxCaseBytes)).field("nesting_depth", kMaxDepth);
  w.end_object();
}

}  // namespace

// Top-level keys in byte order: algorithms, derived, limits, pathways,
// questions, rulebase, schema, section_order, sections, statements.
std::string build_questionnaire() {
  JsonWriter w;
  w.begin_object();
  write_algorithms(w);
  write_derived_figures(w);
  write_limits(w);
  write_pathways(w);
  write_questions(w);
  w.key("rulebase").begin_object().field("guideline", guideline_name()).field("version", rulebase_version()).end_object();
  w.field("schema", "livermets-questionnaire/1");
  write_section_order(w);
  write_sections(w);
  write_statements(w);
  w.end_object();
  return w.take();
}

}  // namespace livermets

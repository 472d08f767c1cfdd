#include "fields.hpp"

#include <algorithm>
#include <unordered_map>

namespace livermets {

namespace {

// Accessors are captureless lambdas, so the table stays plain data.  They
// reach the answer through raw(): the table writes and echoes, it does not
// decide, so its reads are not the rules' reads (livermets/answer.hpp).
#define LM_REF(TYPE, MEMBER) [](Case& c) -> std::optional<TYPE>& { return c.MEMBER.raw(); }
#define LM_ID(MEMBER) decltype(Case::MEMBER)::id
// The two arguments that name an answer in the table: its trace id and its accessor.
#define LM_ANSWER(TYPE, MEMBER) LM_ID(MEMBER), LM_REF(TYPE, MEMBER)

#define LM_ENUM(ID, MEMBER, ENUM, ...)                                                        \
  [] {                                                                                        \
    FieldSpec f = spec(ID, FieldType::enumeration, LM_ID(MEMBER));                            \
    f.options = {__VA_ARGS__};                                                                \
    f.enum_get = [](const Case& c) {                                                          \
      const auto& v = c.MEMBER.raw();                                                         \
      return v ? static_cast<int>(*v) : -1;                                                   \
    };                                                                                        \
    f.enum_set = [](Case& c, int i) {                                                         \
      if (i < 0) c.MEMBER.reset(); else c.MEMBER = static_cast<ENUM>(i);                     \
    };                                                                                        \
    return f;                                                                                 \
  }()

FieldSpec spec(std::string_view id, FieldType type, FieldId trace_id) {
  FieldSpec f;
  f.id = id;
  f.type = type;
  f.trace_id = trace_id;
  return f;
}

FieldSpec boolean(std::string_view id, FieldId trace_id, std::optional<bool>& (*ref)(Case&)) {
  FieldSpec f = spec(id, FieldType::boolean, trace_id);
  f.boolean_ref = ref;
  return f;
}

FieldSpec ranged(FieldSpec f, double min, double max, bool min_exclusive, std::string_view unit,
                 std::vector<double> probes) {
  f.min = min;
  f.max = max;
  f.min_exclusive = min_exclusive;
  f.unit = unit;
  f.probes = std::move(probes);
  return f;
}

FieldSpec integer(std::string_view id, FieldId trace_id, std::optional<int>& (*ref)(Case&), double min,
                  double max, std::string_view unit, std::vector<double> probes) {
  FieldSpec f = ranged(spec(id, FieldType::integer, trace_id), min, max, false, unit, std::move(probes));
  f.integer_ref = ref;
  return f;
}

FieldSpec number(std::string_view id, FieldId trace_id, std::optional<double>& (*ref)(Case&), double min,
                 double max, bool min_exclusive, std::string_view unit, std::vector<double> probes = {}) {
  FieldSpec f = ranged(spec(id, FieldType::number, trace_id), min, max, min_exclusive, unit, std::move(probes));
  f.number_ref = ref;
  return f;
}

// Probe values: one per region between the cut-points at which a rule can
// change the pathway or a recommendation code, each exactly at the edge of its
// region, used by `missing` to ask "could knowing this change the answer?".
// A new cut-point in a rule needs its region here (the brute-force reference
// in tests/support/livermets_test/missing_reference.hpp uses the sweep's own
// boundary values, so a forgotten region shows up there).
//   flr_percent       < 30 | 30 to < 40 | >= 40          (G08; 40 % in cirrhosis, G73)
//   remnant_segments  < 2 | >= 2                         (G08)
//   ecog              0-1 | 2 | 3-4                      (G09; ECOG 2 is borderline)
//   lesion_count      1 | 2-5 | 6-9 | >= 10              (G31 more than one; G22 more than 5; G51 up to 9)
//   largest_lesion_cm <= 4 | > 4                         (G51; the size warnings of G54 are not codes)
std::vector<FieldSpec> make_fields() {
  return {
      LM_ENUM("primary", primary, Primary, "colorectal", "breast", "neuroendocrine", "other"),
      // setting has a default (initial) and is handled by the parser itself.
      LM_ENUM("presentation", presentation, Presentation, "synchronous", "metachronous"),
      boolean("surgical_review_done", LM_ANSWER(bool, surgical_review_done)),
      LM_ENUM("chemotherapy_status", chemotherapy_status, Chemotherapy, "none", "planned", "started", "completed"),
      boolean("r0_achievable", LM_ANSWER(bool, r0_achievable)),
      number("flr_percent", LM_ANSWER(double, flr_percent), 0, 100, false, "%", {29.9, 30, 40}),
      number("flr_volume_ml", LM_ANSWER(double, flr_volume_ml), 0, 10000, true, "ml"),
      number("height_cm", LM_ANSWER(double, height_cm), 100, 250, false, "cm"),
      number("weight_kg", LM_ANSWER(double, weight_kg), 25, 300, false, "kg"),
      integer("remnant_segments", LM_ANSWER(int, remnant_segments), 0, 8, "segments", {1, 2}),
      LM_ENUM("liver_quality", liver_quality, LiverQuality, "normal", "steatosis_or_chemotherapy_injury",
              "cirrhosis"),
      integer("ecog", LM_ANSWER(int, ecog), 0, 4, "", {1, 2, 3}),
      boolean("operative_risk_acceptable", LM_ANSWER(bool, operative_risk_acceptable)),
      LM_ENUM("extrahepatic_disease", extrahepatic_disease, Extrahepatic, "none", "resectable",
              "bone_isolated_radiation_controllable", "lung_solitary", "uncontrolled"),
      boolean("patient_declines_surgery", LM_ANSWER(bool, patient_declines_surgery)),
      integer("lesion_count", LM_ANSWER(int, lesion_count), 1, 200, "lesions", {1, 5, 6, 10}),
      number("largest_lesion_cm", LM_ANSWER(double, largest_lesion_cm), 0, 40, true, "cm", {4.0, 4.1}),
      boolean("bilobar", LM_ANSWER(bool, bilobar)),
      boolean("perivascular_lesion", LM_ANSWER(bool, perivascular_lesion)),
      boolean("complete_radiological_response", LM_ANSWER(bool, complete_radiological_response)),
      boolean("biopsy_planned", LM_ANSWER(bool, biopsy_planned)),
      boolean("colorectal.node_positive_primary", LM_ANSWER(bool, colorectal.node_positive_primary)),
      boolean("colorectal.tumor_markers_elevated", LM_ANSWER(bool, colorectal.tumor_markers_elevated)),
      number("colorectal.cea_ng_ml", LM_ANSWER(double, colorectal.cea_ng_ml), 0, 100000, false, "ng/ml"),
      number("colorectal.disease_free_interval_months", LM_ANSWER(double, colorectal.disease_free_interval_months), 0, 600, false, "months"),
      LM_ENUM("colorectal.mmr", colorectal.mmr, Mmr, "pmmr_mss", "dmmr_msi_h"),
      LM_ENUM("colorectal.ras", colorectal.ras, Mutation, "wild_type", "mutated"),
      LM_ENUM("colorectal.braf", colorectal.braf, Mutation, "wild_type", "mutated"),
      LM_ENUM("colorectal.sidedness", colorectal.sidedness, Side, "left", "right"),
      LM_ENUM("breast.hormone_receptor", breast.hormone_receptor, Receptor, "positive", "negative"),
      LM_ENUM("breast.her2", breast.her2, Receptor, "positive", "negative"),
      boolean("breast.oligometastatic", LM_ANSWER(bool, breast.oligometastatic)),
      boolean("breast.progressing_on_systemic_therapy", LM_ANSWER(bool, breast.progressing_on_systemic_therapy)),
      boolean("neuroendocrine.symptomatic", LM_ANSWER(bool, neuroendocrine.symptomatic)),
      boolean("neuroendocrine.progressive", LM_ANSWER(bool, neuroendocrine.progressive)),
      boolean("neuroendocrine.hypervascular", LM_ANSWER(bool, neuroendocrine.hypervascular)),
      boolean("neuroendocrine.sstr_positive", LM_ANSWER(bool, neuroendocrine.sstr_positive)),
      boolean("neuroendocrine.solitary_or_isolated", LM_ANSWER(bool, neuroendocrine.solitary_or_isolated)),
  };
}

#undef LM_ENUM
#undef LM_REF
#undef LM_ID
#undef LM_ANSWER

}  // namespace

bool FieldSpec::known(const Case& c) const {
  // The accessors hand out references; reading through them does not modify.
  Case& mutable_case = const_cast<Case&>(c);
  switch (type) {
    case FieldType::boolean: return boolean_ref(mutable_case).has_value();
    case FieldType::enumeration: return enum_get(c) >= 0;
    case FieldType::integer: return integer_ref(mutable_case).has_value();
    case FieldType::number: return number_ref(mutable_case).has_value();
  }
  return false;
}

void FieldSpec::set(Case& c, double value) const {
  switch (type) {
    case FieldType::boolean: boolean_ref(c) = value != 0; break;
    case FieldType::enumeration: enum_set(c, static_cast<int>(value)); break;
    case FieldType::integer: integer_ref(c) = static_cast<int>(value); break;
    case FieldType::number: number_ref(c) = value; break;
  }
}

void FieldSpec::copy(const Case& from, Case& to) const {
  Case& source = const_cast<Case&>(from);  // read through the accessors only
  switch (type) {
    case FieldType::boolean: boolean_ref(to) = boolean_ref(source); break;
    case FieldType::enumeration: enum_set(to, enum_get(from)); break;
    case FieldType::integer: integer_ref(to) = integer_ref(source); break;
    case FieldType::number: number_ref(to) = number_ref(source); break;
  }
}

const std::vector<FieldSpec>& fields() {
  static const std::vector<FieldSpec> kFields = make_fields();
  return kFields;
}

namespace {

// One hash map per object the fields live in: the top level (block "") and
// each primary-specific block, keyed by the name inside that object.  Built
// once, next to the table it points into.
struct Scope {
  std::string_view block;
  std::unordered_map<std::string_view, const FieldSpec*> by_name;
};

const std::vector<Scope>& scopes() {
  static const std::vector<Scope> kScopes = [] {
    std::vector<Scope> out;
    for (const FieldSpec& f : fields()) {
      const auto dot = f.id.find('.');
      const std::string_view block = dot == std::string_view::npos ? std::string_view() : f.id.substr(0, dot);
      const std::string_view name = dot == std::string_view::npos ? f.id : f.id.substr(dot + 1);
      auto it = std::find_if(out.begin(), out.end(), [&](const Scope& s) { return s.block == block; });
      if (it == out.end()) it = out.insert(out.end(), Scope{block, {}});
      it->by_name.emplace(name, &f);
    }
    return out;
  }();
  return kScopes;
}

}  // namespace

const FieldSpec* find_block_field(std::string_view block, std::string_view name) {
  for (const Scope& s : scopes()) {
    if (s.block != block) continue;
    const auto it = s.by_name.find(name);
    return it == s.by_name.end() ? nullptr : it->second;
  }
  return nullptr;
}

const FieldSpec* find_field(std::string_view id) {
  const auto dot = id.find('.');
  if (dot == std::string_view::npos) return find_block_field({}, id);
  return find_block_field(id.substr(0, dot), id.substr(dot + 1));
}

}  // namespace livermets

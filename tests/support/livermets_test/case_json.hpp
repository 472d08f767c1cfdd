// Writes a structured Case as the contract's case JSON (CONTRACT.md section 2),
// so a failing sweep case can be printed, replayed through evaluate_json, or
// seed a fuzzer corpus.  Unknown fields are left out.  Free of GoogleTest.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>

#include "livermets/case.hpp"

namespace livermets::testing {

inline const char* name_of(Primary v) {
  switch (v) {
    case Primary::colorectal: return "colorectal";
    case Primary::breast: return "breast";
    case Primary::neuroendocrine: return "neuroendocrine";
    case Primary::other: return "other";
  }
  return "?";
}
inline const char* name_of(Setting v) {
  return v == Setting::initial ? "initial" : "recurrence_after_hepatectomy";
}
inline const char* name_of(Presentation v) { return v == Presentation::synchronous ? "synchronous" : "metachronous"; }
inline const char* name_of(Chemotherapy v) {
  switch (v) {
    case Chemotherapy::none: return "none";
    case Chemotherapy::planned: return "planned";
    case Chemotherapy::started: return "started";
    case Chemotherapy::completed: return "completed";
  }
  return "?";
}
inline const char* name_of(LiverQuality v) {
  switch (v) {
    case LiverQuality::normal: return "normal";
    case LiverQuality::steatosis_or_chemotherapy_injury: return "steatosis_or_chemotherapy_injury";
    case LiverQuality::cirrhosis: return "cirrhosis";
  }
  return "?";
}
inline const char* name_of(Extrahepatic v) {
  switch (v) {
    case Extrahepatic::none: return "none";
    case Extrahepatic::resectable: return "resectable";
    case Extrahepatic::bone_isolated_radiation_controllable: return "bone_isolated_radiation_controllable";
    case Extrahepatic::lung_solitary: return "lung_solitary";
    case Extrahepatic::uncontrolled: return "uncontrolled";
  }
  return "?";
}
inline const char* name_of(Mmr v) { return v == Mmr::pmmr_mss ? "pmmr_mss" : "dmmr_msi_h"; }
inline const char* name_of(Mutation v) { return v == Mutation::wild_type ? "wild_type" : "mutated"; }
inline const char* name_of(Side v) { return v == Side::left ? "left" : "right"; }
inline const char* name_of(Receptor v) { return v == Receptor::positive ? "positive" : "negative"; }

namespace detail {
template <class T, FieldId Id>
void put(nlohmann::json& j, const char* key, const Answer<T, Id>& answer) {
  const std::optional<T>& v = answer.raw();
  if (!v) return;
  if constexpr (std::is_enum_v<T>) {
    j[key] = name_of(*v);
  } else {
    j[key] = *v;
  }
}
}  // namespace detail

inline nlohmann::json to_json(const Case& c) {
  using detail::put;
  nlohmann::json j = nlohmann::json::object();
  j["schema"] = "livermets-case/1";
  put(j, "primary", c.primary);
  j["setting"] = name_of(c.setting);
  put(j, "presentation", c.presentation);
  put(j, "surgical_review_done", c.surgical_review_done);
  put(j, "chemotherapy_status", c.chemotherapy_status);
  put(j, "r0_achievable", c.r0_achievable);
  put(j, "flr_percent", c.flr_percent);
  put(j, "flr_volume_ml", c.flr_volume_ml);
  put(j, "height_cm", c.height_cm);
  put(j, "weight_kg", c.weight_kg);
  put(j, "remnant_segments", c.remnant_segments);
  put(j, "liver_quality", c.liver_quality);
  put(j, "ecog", c.ecog);
  put(j, "operative_risk_acceptable", c.operative_risk_acceptable);
  put(j, "extrahepatic_disease", c.extrahepatic_disease);
  put(j, "patient_declines_surgery", c.patient_declines_surgery);
  put(j, "lesion_count", c.lesion_count);
  put(j, "largest_lesion_cm", c.largest_lesion_cm);
  put(j, "bilobar", c.bilobar);
  put(j, "perivascular_lesion", c.perivascular_lesion);
  put(j, "complete_radiological_response", c.complete_radiological_response);
  put(j, "biopsy_planned", c.biopsy_planned);
  nlohmann::json k = nlohmann::json::object();
  put(k, "node_positive_primary", c.colorectal.node_positive_primary);
  put(k, "tumor_markers_elevated", c.colorectal.tumor_markers_elevated);
  put(k, "cea_ng_ml", c.colorectal.cea_ng_ml);
  put(k, "disease_free_interval_months", c.colorectal.disease_free_interval_months);
  put(k, "mmr", c.colorectal.mmr);
  put(k, "ras", c.colorectal.ras);
  put(k, "braf", c.colorectal.braf);
  put(k, "sidedness", c.colorectal.sidedness);
  if (!k.empty()) j["colorectal"] = k;
  nlohmann::json b = nlohmann::json::object();
  put(b, "hormone_receptor", c.breast.hormone_receptor);
  put(b, "her2", c.breast.her2);
  put(b, "oligometastatic", c.breast.oligometastatic);
  put(b, "progressing_on_systemic_therapy", c.breast.progressing_on_systemic_therapy);
  if (!b.empty()) j["breast"] = b;
  nlohmann::json n = nlohmann::json::object();
  put(n, "symptomatic", c.neuroendocrine.symptomatic);
  put(n, "progressive", c.neuroendocrine.progressive);
  put(n, "hypervascular", c.neuroendocrine.hypervascular);
  put(n, "sstr_positive", c.neuroendocrine.sstr_positive);
  put(n, "solitary_or_isolated", c.neuroendocrine.solitary_or_isolated);
  if (!n.empty()) j["neuroendocrine"] = n;
  return j;
}

inline std::string describe(const Case& c) { return to_json(c).dump(); }

}  // namespace livermets::testing

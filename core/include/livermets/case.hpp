// The patient case, as the decision rules see it (CONTRACT.md section 2).
//
// Every answer is optional (livermets/answer.hpp: a std::optional that records
// who reads it): std::nullopt means "unknown", which is a normal answer and
// never the same as false or 0.  Units are the contract's units
// (cm, kg, ml, %, ng/ml, months); conversions happen only at the edges.
#pragma once

#include <cstdint>
#include <optional>

#include "livermets/answer.hpp"

namespace livermets {

enum class Primary : std::uint8_t { colorectal, breast, neuroendocrine, other };
enum class Setting : std::uint8_t { initial, recurrence_after_hepatectomy };
enum class Presentation : std::uint8_t { synchronous, metachronous };
enum class Chemotherapy : std::uint8_t { none, planned, started, completed };
enum class LiverQuality : std::uint8_t { normal, steatosis_or_chemotherapy_injury, cirrhosis };
enum class Extrahepatic : std::uint8_t {
  none,
  resectable,
  bone_isolated_radiation_controllable,
  lung_solitary,
  uncontrolled
};
enum class Mmr : std::uint8_t { pmmr_mss, dmmr_msi_h };
enum class Mutation : std::uint8_t { wild_type, mutated };
enum class Side : std::uint8_t { left, right };
enum class Receptor : std::uint8_t { positive, negative };

struct ColorectalFacts {
  Answer<bool, FieldId::colorectal_node_positive_primary> node_positive_primary;
  Answer<bool, FieldId::colorectal_tumor_markers_elevated> tumor_markers_elevated;
  Answer<double, FieldId::colorectal_cea_ng_ml> cea_ng_ml;
  Answer<double, FieldId::colorectal_disease_free_interval_months> disease_free_interval_months;
  Answer<Mmr, FieldId::colorectal_mmr> mmr;
  Answer<Mutation, FieldId::colorectal_ras> ras;
  Answer<Mutation, FieldId::colorectal_braf> braf;
  Answer<Side, FieldId::colorectal_sidedness> sidedness;
};

struct BreastFacts {
  Answer<Receptor, FieldId::breast_hormone_receptor> hormone_receptor;
  Answer<Receptor, FieldId::breast_her2> her2;
  Answer<bool, FieldId::breast_oligometastatic> oligometastatic;
  Answer<bool, FieldId::breast_progressing_on_systemic_therapy> progressing_on_systemic_therapy;
};

struct NeuroendocrineFacts {
  Answer<bool, FieldId::neuroendocrine_symptomatic> symptomatic;
  Answer<bool, FieldId::neuroendocrine_progressive> progressive;
  Answer<bool, FieldId::neuroendocrine_hypervascular> hypervascular;
  Answer<bool, FieldId::neuroendocrine_sstr_positive> sstr_positive;
  Answer<bool, FieldId::neuroendocrine_solitary_or_isolated> solitary_or_isolated;
};

struct Case {
  Answer<Primary, FieldId::primary> primary;
  Setting setting = Setting::initial;  // the contract's default ...
  bool setting_given = false;          // ... marked as assumed unless given (rev 2)
  Answer<Presentation, FieldId::presentation> presentation;
  Answer<bool, FieldId::surgical_review_done> surgical_review_done;
  Answer<Chemotherapy, FieldId::chemotherapy_status> chemotherapy_status;
  Answer<bool, FieldId::r0_achievable> r0_achievable;
  Answer<double, FieldId::flr_percent> flr_percent;
  Answer<double, FieldId::flr_volume_ml> flr_volume_ml;
  Answer<double, FieldId::height_cm> height_cm;
  Answer<double, FieldId::weight_kg> weight_kg;
  Answer<int, FieldId::remnant_segments> remnant_segments;
  Answer<LiverQuality, FieldId::liver_quality> liver_quality;
  Answer<int, FieldId::ecog> ecog;
  Answer<bool, FieldId::operative_risk_acceptable> operative_risk_acceptable;
  Answer<Extrahepatic, FieldId::extrahepatic_disease> extrahepatic_disease;
  Answer<bool, FieldId::patient_declines_surgery> patient_declines_surgery;
  Answer<int, FieldId::lesion_count> lesion_count;
  Answer<double, FieldId::largest_lesion_cm> largest_lesion_cm;
  Answer<bool, FieldId::bilobar> bilobar;
  Answer<bool, FieldId::perivascular_lesion> perivascular_lesion;
  Answer<bool, FieldId::complete_radiological_response> complete_radiological_response;
  Answer<bool, FieldId::biopsy_planned> biopsy_planned;
  // Only the block that matches `primary` may be filled (the parser enforces it).
  ColorectalFacts colorectal;
  BreastFacts breast;
  NeuroendocrineFacts neuroendocrine;
};

}  // namespace livermets

// The patient case, as the decision rules see it (CONTRACT.md section 2).
//
// Every answer is optional: std::nullopt means "unknown", which is a normal
// answer and never the same as false or 0.  Units are the contract's units
// (cm, kg, ml, %, ng/ml, months); conversions happen only at the edges.
#pragma once

#include <cstdint>
#include <optional>

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
  std::optional<bool> node_positive_primary;
  std::optional<bool> tumor_markers_elevated;
  std::optional<double> cea_ng_ml;
  std::optional<double> disease_free_interval_months;
  std::optional<Mmr> mmr;
  std::optional<Mutation> ras;
  std::optional<Mutation> braf;
  std::optional<Side> sidedness;
};

struct BreastFacts {
  std::optional<Receptor> hormone_receptor;
  std::optional<Receptor> her2;
  std::optional<bool> oligometastatic;
  std::optional<bool> progressing_on_systemic_therapy;
};

struct NeuroendocrineFacts {
  std::optional<bool> symptomatic;
  std::optional<bool> progressive;
  std::optional<bool> hypervascular;
  std::optional<bool> sstr_positive;
  std::optional<bool> solitary_or_isolated;
};

struct Case {
  std::optional<Primary> primary;
  Setting setting = Setting::initial;  // the contract's default ...
  bool setting_given = false;          // ... marked as assumed unless given (rev 2)
  std::optional<Presentation> presentation;
  std::optional<bool> surgical_review_done;
  std::optional<Chemotherapy> chemotherapy_status;
  std::optional<bool> r0_achievable;
  std::optional<double> flr_percent;
  std::optional<double> flr_volume_ml;
  std::optional<double> height_cm;
  std::optional<double> weight_kg;
  std::optional<int> remnant_segments;
  std::optional<LiverQuality> liver_quality;
  std::optional<int> ecog;
  std::optional<bool> operative_risk_acceptable;
  std::optional<Extrahepatic> extrahepatic_disease;
  std::optional<bool> patient_declines_surgery;
  std::optional<int> lesion_count;
  std::optional<double> largest_lesion_cm;
  std::optional<bool> bilobar;
  std::optional<bool> perivascular_lesion;
  std::optional<bool> complete_radiological_response;
  std::optional<bool> biopsy_planned;
  // Only the block that matches `primary` may be filled (the parser enforces it).
  ColorectalFacts colorectal;
  BreastFacts breast;
  NeuroendocrineFacts neuroendocrine;
};

}  // namespace livermets

// The decision for one case: candidacy, pathway, recommendations, warnings,
// derived figures (CONTRACT.md section 3), as compact codes.  Texts,
// statements and citations for each code live in the catalogue (catalogue.hpp);
// result_json.hpp turns a decision into the contract's JSON.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "livermets/case.hpp"

namespace livermets {

enum class Status : std::uint8_t { met, not_met, unknown };
enum class Overall : std::uint8_t { met, not_met, undetermined };

enum class CriterionCode : std::uint8_t {
  R0,
  REMNANT,
  FITNESS,
  EXTRAHEPATIC,
  BREAST_OLIGOMETASTATIC,
  BREAST_NOT_PROGRESSING,
};
inline constexpr int kCriterionCount = 6;

enum class PathwayCode : std::uint8_t {
  ASSESSMENT_INCOMPLETE,
  OUT_OF_SCOPE,
  BREAST_SYSTEMIC_FIRST,
  REPEAT_RESECTION,
  ABLATION_PRIMARY,
  NON_SURGICAL_MDT,
  CRC_CONVERSION_THERAPY,
  CRC_NEOADJUVANT_THEN_RESECTION,
  CRC_RESECTION_FIRST,
  NET_RESECTION,
  NET_MEDICAL_AND_LIVER_DIRECTED,
  NET_OBSERVATION,
};
inline constexpr int kPathwayCount = 12;

enum class RecCode : std::uint8_t {
  REFER_HPB_MDT,
  SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY,
  URGENT_SURGICAL_REVIEW,
  DO_NOT_BIOPSY,
  RESECTION,
  SURVEILLANCE,
  PERIOPERATIVE_FOLFOX,
  NEOADJUVANT_CHEMOTHERAPY,
  RESTAGE_FOR_RESECTION,
  RESTAGE_DURING_CHEMOTHERAPY,  // rev 2
  SYSTEMIC_THEN_REASSESS,
  DOUBLET_PLUS_ANTI_EGFR,
  TRIPLET_CHEMOTHERAPY,
  TRIPLET_PLUS_BEVACIZUMAB,
  MOLECULAR_PROFILING,
  PORTAL_VEIN_EMBOLIZATION,
  TWO_STAGE_HEPATECTOMY,
  RESECTION_PLUS_ABLATION,
  ABLATION,
  NON_SURGICAL_CARE_MDT,
  SYSTEMIC_THERAPY,
  RECEPTOR_GUIDED_THERAPY,
  RECEPTOR_TESTING,
  ADJUNCT_RESECTION,
  ASSESS_FOR_RESECTION,  // rev 2
  SOMATOSTATIN_ANALOG,
  EMBOLIZATION,
  PRRT,
  OBSERVATION,
};
inline constexpr int kRecCount = 29;

enum class Strength : std::uint8_t { do_, consider, avoid };

// Written in this order; contradictory answers first, so they are read first.
enum class WarningCode : std::uint8_t {
  CHECK_ANSWERS,  // rev 2
  CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW,
  BIOPSY_OF_SUSPECTED_CRLM,
  RADIOLOGICAL_RESPONSE_IS_NOT_CURE,
  REMNANT_QUALITY,
  EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE,
  ABLATION_LESION_SIZE,
  ABLATION_PERIVASCULAR,
  OUTSIDE_GUIDELINE_SCOPE,
};
inline constexpr int kWarningCount = 9;

// Pairs of answers that contradict each other.  The case is still evaluated
// as entered; CHECK_ANSWERS names both fields and what was assumed (rev 2).
enum class Contradiction : std::uint8_t {
  RESPONSE_WITHOUT_CHEMOTHERAPY,    // G72: a complete response, yet no chemotherapy given
  UNFIT_ECOG_WITH_RISK_ACCEPTABLE,  // G09: ECOG 3-4, yet operative risk acceptable
  FEW_SEGMENTS_WITH_ADEQUATE_PERCENT,  // G08: 0-1 segments, yet a remnant of 30% or more
  R0_WITH_UNCONTROLLED_DISEASE,     // G07, G74: R0 achievable, yet uncontrolled extrahepatic disease
  HIGH_CEA_MARKERS_NOT_ELEVATED,    // G22: CEA above 200 ng/ml, yet markers not elevated
  PROGRESSING_WITHOUT_THERAPY,      // G37: progressing on systemic therapy, yet none given
  LIVER_ONLY_NOT_LIVER_LIMITED,     // G35, G36: no disease outside the liver, yet not liver-limited
};
inline constexpr int kContradictionCount = 7;

struct Criterion {
  CriterionCode code;
  Status status;
};

struct Candidacy {
  std::array<Criterion, kCriterionCount> criteria{};
  int count = 0;  // 4, or 6 for breast
  // Read through these two after the candidacy is assessed: the reads are
  // recorded for `missing` (livermets/answer.hpp, Summary).
  Summary<Overall, kOverallSummary> overall = Overall::undetermined;

  Status status(CriterionCode code) const;
};

struct Recommendation {
  RecCode code;
  Strength strength;
};

// Figures computed from the inputs; each is present only when computable.
struct Derived {
  std::optional<double> bsa_m2;
  std::optional<double> standard_liver_volume_ml;
  std::optional<double> flr_percent;  // given, or computed; never rounded before it is compared
  std::optional<int> fong_score;
  std::optional<double> tumor_burden_score;
  // kRemnantMinPercent, or the cirrhosis figure (beyond the guideline); only
  // when a remnant % is known and so is the liver quality that sets the threshold.
  std::optional<double> remnant_threshold_percent;
};

// The nodes of the algorithm diagram this case passed through (questionnaire
// "algorithms"), from "primary" to the node named by the pathway code.
struct Route {
  std::string_view algorithm = "overview";  // overview, colorectal, breast, neuroendocrine
  std::array<std::string_view, 8> nodes{};
  int length = 0;
  void push(std::string_view node) { nodes[static_cast<std::size_t>(length++)] = node; }
};

struct Decision {
  Derived derived;
  Candidacy candidacy;
  bool operable = true;
  PathwayCode pathway = PathwayCode::ASSESSMENT_INCOMPLETE;
  Route route;
  std::array<Recommendation, kRecCount> recommendations{};
  int recommendation_count = 0;
  std::uint32_t warnings = 0;  // bit i set = WarningCode(i) fires
  std::uint32_t contradictions = 0;  // bit i set = Contradiction(i) found

  bool has(RecCode code) const;
  bool has(WarningCode code) const { return (warnings >> static_cast<int>(code)) & 1U; }
  void add(RecCode code, Strength strength);
  void add(WarningCode code) { warnings |= 1U << static_cast<int>(code); }
  bool has(Contradiction c) const { return (contradictions >> static_cast<int>(c)) & 1U; }
  void add(Contradiction c) { contradictions |= 1U << static_cast<int>(c); }
};

// Computes the derived figures of a validated case.  The parser has already
// refused a remnant volume that computes above 100 %.
Derived derive(const Case& c);

// The whole decision for a validated case.  Pure, no allocation, no I/O.
Decision decide(const Case& c);

}  // namespace livermets

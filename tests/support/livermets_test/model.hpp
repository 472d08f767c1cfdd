// A reference model of CONTRACT.md section 3, written from the contract's
// tables (not from the core), for the sweep to compare the core against.
//
// It is deliberately naive: one branch per table row, in the table's order.
// Where the contract leaves room for reading, the reading is written down
// next to the code (search for "Reading:").  Free of GoogleTest.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>

#include "livermets/case.hpp"
#include "livermets/decision.hpp"

namespace livermets::testing {

inline constexpr std::int8_t kAbsent = -1;

struct Expected {
  std::array<Status, kCriterionCount> criteria{};
  int criterion_count = 4;
  Overall overall = Overall::undetermined;
  bool operable = true;
  PathwayCode pathway = PathwayCode::ASSESSMENT_INCOMPLETE;
  std::array<std::int8_t, kRecCount> rec{};  // kAbsent, or a Strength
  std::uint32_t warnings = 0;
  std::optional<double> flr_percent;
  double threshold = 30.0;

  Status criterion(CriterionCode c) const { return criteria[static_cast<int>(c)]; }
  bool has(RecCode c) const { return rec[static_cast<int>(c)] != kAbsent; }
  bool has(WarningCode w) const { return (warnings >> static_cast<int>(w)) & 1U; }
  void add(RecCode c, Strength s) { rec[static_cast<int>(c)] = static_cast<std::int8_t>(s); }
  void add(WarningCode w) { warnings |= 1U << static_cast<int>(w); }
};

// Mosteller BSA (m2) = sqrt(height_cm * weight_kg / 3600).
inline double mosteller_bsa(double height_cm, double weight_kg) {
  return std::sqrt(height_cm * weight_kg / 3600.0);
}
// Vauthey standard (total) liver volume (ml) = -794.41 + 1267.28 * BSA.
inline double vauthey_slv(double bsa_m2) { return -794.41 + 1267.28 * bsa_m2; }

inline std::optional<double> model_flr_percent(const Case& c) {
  if (c.flr_percent) return c.flr_percent;
  if (c.flr_volume_ml && c.height_cm && c.weight_kg) {
    // rev 2 (D5): the computed remnant is compared unrounded.
    return 100.0 * *c.flr_volume_ml / vauthey_slv(mosteller_bsa(*c.height_cm, *c.weight_kg));
  }
  return std::nullopt;
}

inline bool is_true(const std::optional<bool>& b) { return b.has_value() && *b; }
inline bool is_false(const std::optional<bool>& b) { return b.has_value() && !*b; }

inline bool chemo_started(const Case& c) {
  return c.chemotherapy_status == Chemotherapy::started ||
         c.chemotherapy_status == Chemotherapy::completed;
}

// Ablation criteria of G50-G51 all known to hold: <= 9 lesions, largest <= 4 cm,
// no extrahepatic disease.
inline bool ablation_criteria_hold(const Case& c) {
  return c.lesion_count && *c.lesion_count <= 9 && c.largest_lesion_cm &&
         *c.largest_lesion_cm <= 4.0 && c.extrahepatic_disease == Extrahepatic::none;
}

inline bool is_resection_pathway(PathwayCode p) {
  return p == PathwayCode::CRC_RESECTION_FIRST || p == PathwayCode::CRC_NEOADJUVANT_THEN_RESECTION ||
         p == PathwayCode::REPEAT_RESECTION || p == PathwayCode::NET_RESECTION;
}

inline Expected model(const Case& c) {
  Expected e;
  e.rec.fill(kAbsent);
  const bool breast = c.primary == Primary::breast;
  const bool crc = c.primary == Primary::colorectal;
  const bool net = c.primary == Primary::neuroendocrine;

  // ---- candidacy (contract "Candidacy criteria") ----
  auto set = [&](CriterionCode k, Status s) { e.criteria[static_cast<int>(k)] = s; };
  set(CriterionCode::R0, c.r0_achievable ? (*c.r0_achievable ? Status::met : Status::not_met)
                                         : Status::unknown);
  e.flr_percent = model_flr_percent(c);
  // Reading (docs/clinical-decisions.md D2): the threshold is 30 %, or 40 % in
  // cirrhosis; with liver_quality unknown a remnant in [30, 40) is unknown
  // (the threshold itself is unknown), >= 40 % is met.
  e.threshold = c.liver_quality == LiverQuality::cirrhosis ? 40.0 : 30.0;
  {
    const bool seg_low = c.remnant_segments && *c.remnant_segments < 2;
    Status s = Status::unknown;
    if (seg_low || (e.flr_percent && *e.flr_percent < e.threshold)) {
      s = Status::not_met;
    } else if (e.flr_percent && (c.liver_quality.has_value() || *e.flr_percent >= 40.0)) {
      s = Status::met;  // segments unknown or >= 2
    }
    set(CriterionCode::REMNANT, s);
  }
  {
    Status s = Status::unknown;
    if ((c.ecog && *c.ecog >= 3) || is_false(c.operative_risk_acceptable)) {
      s = Status::not_met;
    } else if (is_true(c.operative_risk_acceptable) && c.ecog && *c.ecog <= 2) {
      s = Status::met;
    }
    set(CriterionCode::FITNESS, s);
  }
  {
    // rev 2: bone_isolated_radiation_controllable and lung_solitary are
    // controlled disease for a breast primary only; unknown for any other.
    Status s = Status::unknown;
    if (c.extrahepatic_disease) {
      switch (*c.extrahepatic_disease) {
        case Extrahepatic::none:
        case Extrahepatic::resectable: s = Status::met; break;
        case Extrahepatic::uncontrolled: s = Status::not_met; break;
        default: s = breast ? Status::met : Status::unknown; break;
      }
    }
    set(CriterionCode::EXTRAHEPATIC, s);
  }
  e.criterion_count = 4;
  if (breast) {
    e.criterion_count = 6;
    const auto& b = c.breast;
    set(CriterionCode::BREAST_OLIGOMETASTATIC,
        b.oligometastatic ? (*b.oligometastatic ? Status::met : Status::not_met) : Status::unknown);
    set(CriterionCode::BREAST_NOT_PROGRESSING,
        b.progressing_on_systemic_therapy
            ? (*b.progressing_on_systemic_therapy ? Status::not_met : Status::met)
            : Status::unknown);
  }
  {
    bool any_not = false, all_met = true;
    for (int i = 0; i < e.criterion_count; ++i) {
      any_not = any_not || e.criteria[i] == Status::not_met;
      all_met = all_met && e.criteria[i] == Status::met;
    }
    e.overall = any_not ? Overall::not_met : all_met ? Overall::met : Overall::undetermined;
  }
  e.operable = e.criterion(CriterionCode::FITNESS) != Status::not_met &&
               !is_true(c.patient_declines_surgery);
  const bool met = e.overall == Overall::met;

  // ---- pathway (first row that applies) ----
  const auto& k = c.colorectal;
  const bool poor_present = (c.lesion_count && *c.lesion_count > 5) ||
                            c.presentation == Presentation::synchronous ||
                            is_true(k.node_positive_primary) || is_true(k.tumor_markers_elevated);
  PathwayCode p = PathwayCode::ASSESSMENT_INCOMPLETE;
  if (!c.primary) {
    p = PathwayCode::ASSESSMENT_INCOMPLETE;
  } else if (*c.primary == Primary::other) {
    p = PathwayCode::OUT_OF_SCOPE;
  } else if (breast) {
    p = PathwayCode::BREAST_SYSTEMIC_FIRST;
  } else if (crc) {
    if (c.setting == Setting::recurrence_after_hepatectomy &&
        c.extrahepatic_disease == Extrahepatic::none && met && e.operable) {
      p = PathwayCode::REPEAT_RESECTION;
    } else if (!e.operable) {
      p = ablation_criteria_hold(c) ? PathwayCode::ABLATION_PRIMARY : PathwayCode::NON_SURGICAL_MDT;
    } else if (e.criterion(CriterionCode::R0) == Status::not_met ||
               e.criterion(CriterionCode::REMNANT) == Status::not_met ||
               e.criterion(CriterionCode::EXTRAHEPATIC) == Status::not_met) {
      p = PathwayCode::CRC_CONVERSION_THERAPY;
    } else if (met) {
      p = poor_present ? PathwayCode::CRC_NEOADJUVANT_THEN_RESECTION : PathwayCode::CRC_RESECTION_FIRST;
    }
  } else if (net) {
    const auto& n = c.neuroendocrine;
    if (is_true(n.solitary_or_isolated) && met && e.operable) {
      p = PathwayCode::NET_RESECTION;
    } else if (is_true(n.symptomatic) || is_true(n.progressive)) {
      p = PathwayCode::NET_MEDICAL_AND_LIVER_DIRECTED;
    } else if ((is_false(n.solitary_or_isolated) || e.overall == Overall::not_met || !e.operable) &&
               is_false(n.symptomatic) && is_false(n.progressive)) {
      p = PathwayCode::NET_OBSERVATION;
    }
  }
  e.pathway = p;

  // ---- recommendations ----
  using R = RecCode;
  using S = Strength;
  e.add(R::REFER_HPB_MDT, S::do_);
  if (!is_true(c.surgical_review_done)) {
    e.add(chemo_started(c) ? R::URGENT_SURGICAL_REVIEW : R::SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY, S::do_);
  }
  if (crc) e.add(R::DO_NOT_BIOPSY, S::avoid);
  switch (p) {
    case PathwayCode::CRC_RESECTION_FIRST:
    case PathwayCode::CRC_NEOADJUVANT_THEN_RESECTION:
      e.add(R::RESECTION, S::do_);
      e.add(R::SURVEILLANCE, S::do_);
      if (c.chemotherapy_status == Chemotherapy::started) {
        e.add(R::RESTAGE_DURING_CHEMOTHERAPY, S::do_);  // rev 2
      } else if (c.chemotherapy_status == Chemotherapy::completed) {
        e.add(R::RESTAGE_FOR_RESECTION, S::do_);
      } else if (p == PathwayCode::CRC_RESECTION_FIRST) {
        e.add(R::PERIOPERATIVE_FOLFOX, S::consider);  // rev 2: no MMR restriction (G21)
      } else {
        e.add(R::NEOADJUVANT_CHEMOTHERAPY, S::do_);
      }
      break;
    case PathwayCode::CRC_CONVERSION_THERAPY: {
      e.add(R::SYSTEMIC_THEN_REASSESS, S::do_);
      // Reading: a regimen needs MMR known pMMR/MSS and enough markers to choose
      // (either marker mutated decides TRIPLET_PLUS_BEVACIZUMAB whatever the
      // rest; both wild-type need the side).  MOLECULAR_PROFILING otherwise,
      // except dMMR/MSI-H, where no regimen is chosen at all.
      if (!k.mmr) {
        e.add(R::MOLECULAR_PROFILING, S::do_);
      } else if (*k.mmr == Mmr::pmmr_mss) {
        const bool mutated = k.ras == Mutation::mutated || k.braf == Mutation::mutated;
        const bool both_wt = k.ras == Mutation::wild_type && k.braf == Mutation::wild_type;
        // rev 2: triplets are "do" with ECOG 0-1 and acceptable risk, else
        // "consider" (fitness unknown or ECOG 2).
        const S triplet = e.criterion(CriterionCode::FITNESS) == Status::met && c.ecog && *c.ecog <= 1
                              ? S::do_ : S::consider;
        if (mutated) {
          e.add(R::TRIPLET_PLUS_BEVACIZUMAB, triplet);
        } else if (both_wt && k.sidedness == Side::left) {
          e.add(R::DOUBLET_PLUS_ANTI_EGFR, S::do_);
        } else if (both_wt && k.sidedness == Side::right) {
          e.add(R::TRIPLET_CHEMOTHERAPY, triplet);
        } else {
          e.add(R::MOLECULAR_PROFILING, S::do_);
        }
      }
      if (e.criterion(CriterionCode::EXTRAHEPATIC) == Status::met) {
        // rev 2: only when the remnant % is below its threshold (embolization
        // grows volume, it does not add segments).
        if (e.flr_percent && *e.flr_percent < e.threshold) {
          // Reading (D3): "do" only when every other criterion is met and the
          // segments are not also too few; otherwise "consider".
          const bool only = e.criterion(CriterionCode::R0) == Status::met &&
                            e.criterion(CriterionCode::FITNESS) == Status::met &&
                            !(c.remnant_segments && *c.remnant_segments < 2);
          e.add(R::PORTAL_VEIN_EMBOLIZATION, only ? S::do_ : S::consider);
        }
        if (is_true(c.bilobar)) e.add(R::TWO_STAGE_HEPATECTOMY, S::consider);
        if (is_true(c.bilobar) || (c.lesion_count && *c.lesion_count > 1)) {
          e.add(R::RESECTION_PLUS_ABLATION, S::consider);
        }
      }
      if (chemo_started(c) && ablation_criteria_hold(c)) e.add(R::ABLATION, S::consider);
      break;
    }
    case PathwayCode::ABLATION_PRIMARY:
      e.add(R::ABLATION, S::consider);
      break;
    case PathwayCode::NON_SURGICAL_MDT:
      e.add(R::NON_SURGICAL_CARE_MDT, S::do_);
      break;
    case PathwayCode::REPEAT_RESECTION:
      e.add(R::RESECTION, S::do_);
      e.add(R::SURVEILLANCE, S::do_);
      break;
    case PathwayCode::BREAST_SYSTEMIC_FIRST:
      e.add(R::SYSTEMIC_THERAPY, S::do_);
      e.add(c.breast.hormone_receptor && c.breast.her2 ? R::RECEPTOR_GUIDED_THERAPY : R::RECEPTOR_TESTING,
            S::do_);
      if (met && e.operable && chemo_started(c)) {
        e.add(R::ADJUNCT_RESECTION, S::consider);
        e.add(R::SURVEILLANCE, S::do_);  // rev 2: with every resection
      }
      break;
    case PathwayCode::NET_RESECTION:
      e.add(R::RESECTION, S::do_);
      e.add(R::SURVEILLANCE, S::do_);
      if (is_true(c.neuroendocrine.symptomatic)) e.add(R::SOMATOSTATIN_ANALOG, S::do_);
      break;
    case PathwayCode::NET_MEDICAL_AND_LIVER_DIRECTED: {
      const auto& n = c.neuroendocrine;
      // rev 2: while resection could still apply (solitary true or unknown,
      // candidacy not not_met, operable).
      if (!is_false(n.solitary_or_isolated) && e.overall != Overall::not_met && e.operable) {
        e.add(R::ASSESS_FOR_RESECTION, S::do_);
      }
      // rev 2, reading: no item of G42, G44, G45 applies and none could come
      // once known: symptomatic known false (G42, G44 need symptoms) and SSTR
      // known negative (G45).
      if (is_false(n.symptomatic) && is_false(n.sstr_positive)) e.add(R::NON_SURGICAL_CARE_MDT, S::do_);
      if (is_true(n.symptomatic)) e.add(R::SOMATOSTATIN_ANALOG, S::do_);
      if (is_true(n.progressive) && is_true(n.symptomatic) && is_true(n.hypervascular)) {
        e.add(R::EMBOLIZATION, S::consider);
      }
      if (is_true(n.sstr_positive)) e.add(R::PRRT, S::consider);
      break;
    }
    case PathwayCode::NET_OBSERVATION:
      e.add(R::OBSERVATION, S::consider);
      break;
    case PathwayCode::ASSESSMENT_INCOMPLETE:
    case PathwayCode::OUT_OF_SCOPE:
      break;
  }

  // ---- warnings ----
  using W = WarningCode;
  if (chemo_started(c) && !is_true(c.surgical_review_done)) e.add(W::CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW);
  if ((crc || !c.primary) && is_true(c.biopsy_planned)) e.add(W::BIOPSY_OF_SUSPECTED_CRLM);
  if (is_true(c.complete_radiological_response)) e.add(W::RADIOLOGICAL_RESPONSE_IS_NOT_CURE);
  if (c.liver_quality == LiverQuality::steatosis_or_chemotherapy_injury ||
      c.liver_quality == LiverQuality::cirrhosis || chemo_started(c)) {
    e.add(W::REMNANT_QUALITY);
  }
  if (e.operable && c.extrahepatic_disease && *c.extrahepatic_disease != Extrahepatic::none &&
      *c.extrahepatic_disease != Extrahepatic::uncontrolled) {
    e.add(W::EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE);
  }
  if (e.has(R::ABLATION) || e.has(R::RESECTION_PLUS_ABLATION)) {
    // rev 2: above 2 cm (the lower end of G54's 2-3 cm), or size unknown.
    if (!c.largest_lesion_cm || *c.largest_lesion_cm > 2.0) e.add(W::ABLATION_LESION_SIZE);
    if (is_true(c.perivascular_lesion)) e.add(W::ABLATION_PERIVASCULAR);
  }
  if (c.primary == Primary::other || (crc && k.mmr == Mmr::dmmr_msi_h)) e.add(W::OUTSIDE_GUIDELINE_SCOPE);
  // rev 2: CHECK_ANSWERS, the contract's pairs of contradictory answers.
  const bool no_chemo = c.chemotherapy_status == Chemotherapy::none || c.chemotherapy_status == Chemotherapy::planned;
  if ((is_true(c.complete_radiological_response) && no_chemo) ||
      (c.ecog && *c.ecog >= 3 && is_true(c.operative_risk_acceptable)) ||
      (c.remnant_segments && *c.remnant_segments <= 1 && e.flr_percent && *e.flr_percent >= 30.0) ||
      (is_true(c.r0_achievable) && c.extrahepatic_disease == Extrahepatic::uncontrolled) ||
      (k.cea_ng_ml && *k.cea_ng_ml > 200.0 && is_false(k.tumor_markers_elevated)) ||
      (is_true(c.breast.progressing_on_systemic_therapy) && no_chemo) ||
      // beyond the contract's list ("at least"): G35, nothing outside the liver is liver-limited (D25)
      (c.extrahepatic_disease == Extrahepatic::none && is_false(c.breast.oligometastatic))) {
    e.add(W::CHECK_ANSWERS);
  }
  return e;
}

// The Fong clinical risk score (0-5), only when all five factors are known.
inline std::optional<int> model_fong(const Case& c) {
  if (c.primary != Primary::colorectal) return std::nullopt;
  const auto& k = c.colorectal;
  std::optional<double> dfi = k.disease_free_interval_months;
  if (!dfi && c.presentation == Presentation::synchronous) dfi = 0.0;
  if (!k.node_positive_primary || !dfi || !c.lesion_count || !k.cea_ng_ml || !c.largest_lesion_cm) {
    return std::nullopt;
  }
  return int(*k.node_positive_primary) + int(*dfi < 12.0) + int(*c.lesion_count > 1) +
         int(*k.cea_ng_ml > 200.0) + int(*c.largest_lesion_cm > 5.0);
}

inline std::optional<double> model_tumor_burden(const Case& c) {
  if (!c.largest_lesion_cm || !c.lesion_count) return std::nullopt;
  const double s = *c.largest_lesion_cm, n = *c.lesion_count;
  return std::sqrt(s * s + n * n);
}

}  // namespace livermets::testing

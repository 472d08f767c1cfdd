// The rule units decide() is built from, one per decision the guideline makes.
#pragma once

#include "livermets/decision.hpp"
#include "thresholds.hpp"

namespace livermets {

// The four candidacy criteria (G06, G07, G08, G09, G10, G73, G74), plus the two
// breast ones (G35, G36, G37).
// With `reads`, each criterion's own reads are also kept apart, so that
// `missing` can tell a criterion the open answers cannot change (missing_search.cpp).
using CriterionReads = std::array<FieldMask, kCriterionCount>;
Candidacy assess_candidacy(const Case& c, const Derived& derived, CriterionReads* reads = nullptr);

// The first step of decide(): the derived figures and the candidacy.  The
// rest of decide() reads the candidacy only through Candidacy::overall and
// Candidacy::status(), so `missing` can summarise this step by what those
// reads return (missing_search.cpp); decide() pauses the read trace here.
inline void assess(const Case& c, Decision& d, CriterionReads* reads = nullptr) {
  d.derived = derive(c);
  d.candidacy = assess_candidacy(c, d.derived, reads);
}

// Operable unless unfit or declining surgery; unknown fitness does not make a
// patient inoperable (CONTRACT.md, candidacy).  The rules ask it where they
// need it, so its reads (the fitness summary, the patient's decision) are
// recorded only on the routes that depend on them (`missing`, missing_search.cpp).
inline bool operable(const Case& c, const Decision& d) {
  return d.candidacy.status(CriterionCode::FITNESS) != Status::not_met && c.patient_declines_surgery != true;
}

inline bool chemotherapy_begun(const Case& c) {
  return c.chemotherapy_status == Chemotherapy::started || c.chemotherapy_status == Chemotherapy::completed;
}

// G10, G36, G74 (rev 2): a solitary lung metastasis and bone disease
// controlled by radiation are accepted exceptions only in breast cancer; for
// any other primary (or one not yet known) they leave EXTRAHEPATIC unknown,
// and `missing` asks whether that disease will be removed within the R0
// resection (resectable) or not (uncontrolled).
inline bool extrahepatic_exception_outside_breast(const Case& c) {
  return c.primary != Primary::breast && (c.extrahepatic_disease == Extrahepatic::lung_solitary ||
                                          c.extrahepatic_disease == Extrahepatic::bone_isolated_radiation_controllable);
}

// G51: up to 9 metastases of 4 cm or less and no extrahepatic disease, all known.
inline bool within_ablation_limits(const Case& c) {
  return c.lesion_count && *c.lesion_count <= kAblationMaxLesions && c.largest_lesion_cm &&
         *c.largest_lesion_cm <= kAblationMaxLesionCm && c.extrahepatic_disease == Extrahepatic::none;
}

// G51: the ablation limits are known NOT to hold (a limit exceeded, or
// disease outside the liver).
inline bool outside_ablation_limits(const Case& c) {
  return (c.lesion_count && *c.lesion_count > kAblationMaxLesions) ||
         (c.largest_lesion_cm && *c.largest_lesion_cm > kAblationMaxLesionCm) ||
         (c.extrahepatic_disease && *c.extrahepatic_disease != Extrahepatic::none);
}

// G22: each poor prognostic factor, known to be present.  CEA and the
// disease-free interval feed only the Fong score.  Any one is enough (rev 2:
// the guideline lists them without a count; the reading taken, D15).
inline bool many_lesions(const Case& c) { return c.lesion_count && *c.lesion_count > kPoorPrognosisLesionCount; }
inline bool poor_prognostic_factor_present(const Case& c) {
  return many_lesions(c) || c.presentation == Presentation::synchronous ||
         c.colorectal.node_positive_primary == true || c.colorectal.tumor_markers_elevated == true;
}

// The remnant % is below the threshold that applies: the one reason
// embolization can help (it grows volume, it does not add segments; G29).
inline bool remnant_percent_below_threshold(const Case& c, const Derived& d) {
  note_summary(kDerivedSummary);  // a figure of the first step, read again: `missing` must know
  if (!d.flr_percent) return false;
  const double threshold =
      c.liver_quality == LiverQuality::cirrhosis ? kRemnantMinPercentCirrhosis : kRemnantMinPercent;
  return *d.flr_percent < threshold;
}

// G43: resection of solitary or isolated neuroendocrine metastases is ruled
// out: they are not solitary or isolated, candidacy is not met, or the patient
// is not operable.
inline bool net_resection_excluded(const Case& c, const Decision& d) {
  return c.neuroendocrine.solitary_or_isolated == false || d.candidacy.overall == Overall::not_met || !operable(c, d);
}

// G25, G26, G27: the regimen the guideline gives a pMMR/MSS tumour with these
// markers, if they are known well enough to choose one.  A mutation in RAS or
// BRAF decides it whatever the rest; both wild-type need the side.
inline std::optional<RecCode> pmmr_regimen(const Case& c) {
  const ColorectalFacts& f = c.colorectal;
  if (f.ras == Mutation::mutated || f.braf == Mutation::mutated) return RecCode::TRIPLET_PLUS_BEVACIZUMAB;
  if (f.ras == Mutation::wild_type && f.braf == Mutation::wild_type && f.sidedness) {
    return *f.sidedness == Side::left ? RecCode::DOUBLET_PLUS_ANTI_EGFR : RecCode::TRIPLET_CHEMOTHERAPY;
  }
  return std::nullopt;
}

// The diagram node of a pathway is named by its code.
std::string_view pathway_node(PathwayCode code);

}  // namespace livermets

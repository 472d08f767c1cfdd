// Derived figures.  The formulas are published knowledge beyond the guideline;
// their sources are named in the questionnaire's "derived" list.
#include <cmath>

#include "derived_math.hpp"
#include "livermets/decision.hpp"
#include "thresholds.hpp"

namespace livermets {

namespace {

// The Fong clinical risk score (Fong et al., Ann Surg 1999): one point each.
std::optional<int> fong_score(const Case& c) {
  const ColorectalFacts& f = c.colorectal;
  std::optional<double> interval = f.disease_free_interval_months;
  if (!interval && c.presentation == Presentation::synchronous) interval = 0.0;
  if (!f.node_positive_primary || !interval || !c.lesion_count || !f.cea_ng_ml || !c.largest_lesion_cm) {
    return std::nullopt;
  }
  return int{*f.node_positive_primary} + int{*interval < kFongIntervalMonths} +
         int{*c.lesion_count > kFongLesionCount} + int{*f.cea_ng_ml > kFongCeaNgMl} +
         int{*c.largest_lesion_cm > kFongLargestCm};
}

}  // namespace

Derived derive(const Case& c) {
  Derived d;
  if (c.height_cm && c.weight_kg) {
    d.bsa_m2 = mosteller_bsa(*c.height_cm, *c.weight_kg);
    d.standard_liver_volume_ml = vauthey_slv(*d.bsa_m2);
  }
  if (c.flr_percent) {
    d.flr_percent = c.flr_percent;
  } else if (c.flr_volume_ml && d.standard_liver_volume_ml) {
    d.flr_percent = remnant_percent(*c.flr_volume_ml, *d.standard_liver_volume_ml);
  }
  {
    PauseReads scores_only;  // the scores inform, they never change the pathway (`missing` ignores them)
    if (c.primary == Primary::colorectal) d.fong_score = fong_score(c);
    if (c.largest_lesion_cm && c.lesion_count) {
      d.tumor_burden_score = std::hypot(*c.largest_lesion_cm, static_cast<double>(*c.lesion_count));
    }
  }
  if (d.flr_percent && c.liver_quality) {
    d.remnant_threshold_percent =
        c.liver_quality == LiverQuality::cirrhosis ? kRemnantMinPercentCirrhosis : kRemnantMinPercent;
  }
  return d;
}

}  // namespace livermets

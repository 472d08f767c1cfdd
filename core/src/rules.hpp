// The rule units decide() is built from, one per decision the guideline makes.
#pragma once

#include "livermets/decision.hpp"

namespace livermets {

// The four candidacy criteria (G06-G10, G73, G74), plus the two breast ones (G35-G37).
Candidacy assess_candidacy(const Case& c, const Derived& derived);

inline bool chemotherapy_begun(const Case& c) {
  return c.chemotherapy_status == Chemotherapy::started || c.chemotherapy_status == Chemotherapy::completed;
}

// G51: up to 9 metastases of 4 cm or less and no extrahepatic disease, all known.
inline bool within_ablation_limits(const Case& c) {
  return c.lesion_count && *c.lesion_count <= 9 && c.largest_lesion_cm && *c.largest_lesion_cm <= 4.0 &&
         c.extrahepatic_disease == Extrahepatic::none;
}

}  // namespace livermets

// Body-size formulas shared by derive() and the parser's remnant check.
#pragma once

#include <cmath>

namespace livermets {

// Mosteller, N Engl J Med 1987: BSA (m2) = sqrt(height cm x weight kg / 3600).
inline double mosteller_bsa(double height_cm, double weight_kg) {
  return std::sqrt(height_cm * weight_kg / 3600.0);
}

// Vauthey et al., Liver Transpl 2002: total liver volume (ml) = -794.41 + 1267.28 x BSA.
inline double vauthey_slv(double bsa_m2) { return -794.41 + 1267.28 * bsa_m2; }

// Remnant as % of standard liver volume, unrounded: thresholds compare the
// value itself (rev 2, D5); only the display rounds, and never across a
// threshold (display.hpp).
inline double remnant_percent(double flr_volume_ml, double slv_ml) { return flr_volume_ml / slv_ml * 100.0; }

}  // namespace livermets

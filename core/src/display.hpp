// How a remnant percentage is shown.  Thresholds compare the unrounded value
// (rev 2); the display rounds to 0.1, except where that would make a value
// that fails a threshold read as equal to it: 29.96 is shown as "29.96", not
// "30.0".  Below a threshold the figure is cut (never rounded up) at 0.01.
#pragma once

#include <cmath>

#include "thresholds.hpp"

namespace livermets {

struct ShownNumber {
  double value;
  int decimals;
};

inline ShownNumber shown_remnant_percent(double pct) {
  const double one_decimal = std::round(pct * 10.0) / 10.0;
  for (double threshold : {kRemnantMinPercent, kRemnantMinPercentCirrhosis}) {
    if (pct < threshold && one_decimal >= threshold) {
      // The small epsilon keeps 29.96 (stored as 29.95999...) at 29.96; the
      // cap keeps any value below the threshold strictly below it.
      const double cut = std::floor(pct * 100.0 + 1e-6) / 100.0;
      return {cut < threshold ? cut : threshold - 0.01, 2};
    }
  }
  return {one_decimal, 1};
}

}  // namespace livermets

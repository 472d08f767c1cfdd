// How a remnant percentage is shown.  Thresholds compare the unrounded value
// (rev 2); the display rounds to 0.1, except where that would make a value
// that fails a threshold read as equal to it: 29.96 is shown as "29.96", not
// "30.0".  Below a threshold the figure is cut (never rounded up) at 0.01.
#pragma once

#include <cmath>
#include <initializer_list>

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

// How a figure shown beside cut-points (a lesion size beside the ablation
// limits) is written: rounded to `decimals`, unless that would put it on a
// cut-point it is not on, or across one; then with more decimals (up to 3),
// and at last cut towards its own side: 4.001 cm reads "4.001" beside "> 4 cm",
// not "4.0" (audit, stop 18; the same rule as the remnant's above).
inline ShownNumber shown_beside(double value, int decimals, std::initializer_list<double> cuts) {
  const auto on_its_side = [&](double shown) {
    for (double cut : cuts) {
      if ((value < cut) != (shown < cut) || (value > cut) != (shown > cut)) return false;
    }
    return true;
  };
  for (int d = decimals; d <= 3; ++d) {
    const double scale = std::pow(10.0, d);
    const double rounded = std::round(value * scale) / scale;
    if (on_its_side(rounded)) return {rounded, d};
  }
  for (double cut : cuts) {  // within 0.0005 of a cut-point: the nearest 0.001 on the value's side
    if (value < cut && value > cut - 0.001) return {cut - 0.001, 3};
    if (value > cut && value < cut + 0.001) return {cut + 0.001, 3};
  }
  return {value, 3};
}

}  // namespace livermets

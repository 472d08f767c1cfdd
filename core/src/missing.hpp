// "What would change this" (the result's `missing`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "livermets/decision.hpp"

namespace livermets {

struct MissingItem {
  std::string field;
  std::string why;
  std::vector<std::string_view> statements;
};

// The unknown fields of `c` that could change `now`'s pathway or
// recommendations, most decisive first (CONTRACT.md section 3).
std::vector<MissingItem> find_missing(const Case& c, const Decision& now);

}  // namespace livermets

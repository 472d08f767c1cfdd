// "What would change this" (the result's `missing`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "livermets/decision.hpp"

namespace livermets {

struct MissingItem {
  std::string field;
  std::string why;
  std::vector<std::string_view> statements;
};

// What the search cost, summed over the answers searched (for tests and benchmarks).
struct MissingStats {
  std::uint64_t searches = 0;     // open answers searched
  std::uint64_t evaluations = 0;  // decide() runs
  std::uint32_t max_evaluations = 0;
  std::uint64_t over_budget = 0;  // searches stopped by the budget (those answers are listed)
  std::vector<std::string> over_budget_fields;
  bool keep_costs = false;  // fill `costs` below
  std::vector<std::pair<std::string, std::uint32_t>> costs;  // per answer searched: decide() runs
};

// The open answers of `c` that could change `now`'s pathway or recommendation
// codes, together with values of the other open answers; most decisive first
// (CONTRACT.md section 3, rev 2; docs/clinical-decisions.md, D-missing).
std::vector<MissingItem> find_missing(const Case& c, const Decision& now);
std::vector<MissingItem> find_missing(const Case& c, const Decision& now, MissingStats* stats);

}  // namespace livermets

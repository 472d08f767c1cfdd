// `missing` against its definition, by brute force (CONTRACT.md section 3,
// rev 2; tests/support/livermets_test/missing_reference.hpp).
//
// States: a deterministic sample of every sweep slice (slices.hpp), each
// completed outside the slice's own axes (those keep their value, unknown
// included) so that a few fields stay open; every completed state with a known
// primary and at most 3 open fields of the contract's list is checked.  On
// each, find_missing() must list exactly the fields that the reference finds
// relevant by enumerating the full product of the open fields' boundary values
// ("as entered" included, surgical_review_done varied too): no unlisted field
// can change the outcome in any completion, and every listed field can.
// With so few open fields the search never reaches its budget, so this checks
// the search itself, not its safe fallback.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "livermets_test/invariants.hpp"
#include "livermets_test/missing_reference.hpp"
#include "livermets_test/slices.hpp"
#include "missing.hpp"

using namespace livermets;
using namespace livermets::testing;

namespace {

#ifndef LIVERMETS_SWEEP_STRIDE
#define LIVERMETS_SWEEP_STRIDE 1
#endif

// Every 53rd state of each slice (a prime, so the sample does not follow the
// odometer's period); under the sanitizers, 7 times fewer (as the sweep).
constexpr std::uint64_t kStride = 53 * LIVERMETS_SWEEP_STRIDE;

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return "[" + s + "]";
}

class MissingSweep : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(MissingSweep, G06_G74_ListsExactlyTheFieldsThatCanChangeTheOutcome) {
  const std::vector<Slice> slices = sweep_slices();
  const Slice* s = nullptr;
  for (const auto& x : slices) {
    if (x.name == GetParam()) s = &x;
  }
  ASSERT_NE(s, nullptr);
  Report r;
  std::uint64_t index = 0, sampled = 0, checked = 0, listed = 0, reference_runs = 0;
  MissingStats stats;
  const auto t0 = std::chrono::steady_clock::now();
  s->for_each([&](const Case& c) {
    if ((index++ % kStride) != 0) return;
    ++sampled;
    const Case x = complete_outside_axes(c, *s, index);
    if (!valid_combination(x) || !consistent(x)) return;
    const ReferenceMissing want = reference_missing(x);
    if (!want.checked) return;
    ++checked;
    reference_runs += want.evaluations;
    r.current = &x;
    std::vector<std::string> got;
    for (const MissingItem& m : find_missing(x, decide(x), &stats)) got.push_back(m.field);
    listed += got.size();
    if (got != want.listed) r.add("missing " + joined(got) + ", by definition " + joined(want.listed));
  });
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[missing sweep] " << s->name << ": " << sampled << " states sampled, " << checked
            << " checked (known primary, at most 3 open fields), " << listed << " fields listed; reference "
            << reference_runs << " decisions; find_missing " << stats.evaluations << " runs in " << stats.searches
            << " searches (max " << stats.max_evaluations << ", over budget " << stats.over_budget << "); " << secs
            << " s\n";
  RecordProperty("states_checked", std::to_string(checked));
  EXPECT_GT(checked, 0u);
  EXPECT_EQ(stats.over_budget, 0u);
  EXPECT_TRUE(r.ok()) << r.count << " differences from the definition:\n" << r.summary();
}

INSTANTIATE_TEST_SUITE_P(Slices, MissingSweep, ::testing::ValuesIn([] {
                           std::vector<std::string> names;
                           for (const auto& s : sweep_slices()) names.push_back(s.name);
                           return names;
                         }()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

// Benchmarks of the decision core (issue 2 item 7).  Aims: under 5 us per
// JSON-in/JSON-out evaluation, over a million sweep cases per second on one core.
//
//   BM_EvaluateJson_TypicalCase   evaluate_json() of a typical colorectal case
//                                 (string in, string out: parse, validate,
//                                 decide, missing, result JSON)
//   BM_ParseCase_TypicalCase      parse_case() alone (JSON text -> validated Case)
//   BM_Decide_TypicalCase         decide() alone on the same case, structured
//   BM_Evaluate/<case>            evaluate_json() of other cases, from complete to
//                                 all unknown: what one keystroke costs in the
//                                 page (`missing` searches the unknowns)
//   BM_FindMissing/<case>         find_missing() alone on the same cases
//   BM_Sweep_Decide/<slice>       the sweep's enumeration + decide(), one slice;
//                                 items_per_second = sweep cases per second
//   BM_Sweep_Checked/<slice>      the same plus the sweep test's checks
//                                 (invariants, twins, contract model)
#include <benchmark/benchmark.h>

#include <string>

#include "livermets/decision.hpp"
#include "livermets/livermets.hpp"
#include "livermets/parse.hpp"
#include "livermets_test/invariants.hpp"
#include "livermets_test/slices.hpp"
#include "missing.hpp"

namespace {

const char* kTypicalCase = R"({
  "schema": "livermets-case/1", "primary": "colorectal", "setting": "initial",
  "presentation": "synchronous", "surgical_review_done": true, "chemotherapy_status": "planned",
  "r0_achievable": true, "flr_volume_ml": 620, "height_cm": 172, "weight_kg": 78,
  "remnant_segments": 4, "liver_quality": "normal", "ecog": 1, "operative_risk_acceptable": true,
  "extrahepatic_disease": "none", "patient_declines_surgery": false, "lesion_count": 4,
  "largest_lesion_cm": 3.4, "bilobar": true, "perivascular_lesion": false,
  "complete_radiological_response": false, "biopsy_planned": false,
  "colorectal": {"node_positive_primary": true, "tumor_markers_elevated": false, "cea_ng_ml": 45,
                 "disease_free_interval_months": 0, "mmr": "pmmr_mss", "ras": "wild_type",
                 "braf": "wild_type", "sidedness": "left"}
})";

void BM_EvaluateJson_TypicalCase(benchmark::State& state) {
  const std::string in = kTypicalCase;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = livermets::evaluate_json(in);
    bytes += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["result_bytes"] = static_cast<double>(bytes) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_EvaluateJson_TypicalCase);

void BM_ParseCase_TypicalCase(benchmark::State& state) {
  const std::string in = kTypicalCase;
  for (auto _ : state) {
    auto p = livermets::parse_case(in);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseCase_TypicalCase);

void BM_Decide_TypicalCase(benchmark::State& state) {
  const auto parsed = livermets::parse_case(kTypicalCase);
  if (!parsed.ok()) {
    state.SkipWithError("typical case does not parse");
    return;
  }
  for (auto _ : state) {
    auto d = livermets::decide(parsed.value);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Decide_TypicalCase);

// Cases of the keystroke benchmarks, from complete to all unknown.
struct NamedCase {
  const char* name;
  const char* json;
};
const NamedCase kCases[] = {
    {"resectable_complete", kTypicalCase},
    {"crc_all_unknown", R"({"primary": "colorectal"})"},
    {"all_unknown", "{}"},
    {"crc_inoperable_partial",
     R"({"primary": "colorectal", "ecog": 3, "extrahepatic_disease": "none", "chemotherapy_status": "none",
         "surgical_review_done": true})"},
    {"breast_partial",
     R"({"primary": "breast", "r0_achievable": true, "flr_percent": 45, "ecog": 1,
         "operative_risk_acceptable": true, "extrahepatic_disease": "lung_solitary",
         "chemotherapy_status": "started", "breast": {"hormone_receptor": "positive"}})"},
    {"net_partial",
     R"({"primary": "neuroendocrine", "r0_achievable": true, "ecog": 0, "operative_risk_acceptable": true,
         "neuroendocrine": {"symptomatic": true, "hypervascular": true}})"},
};

void BM_Evaluate(benchmark::State& state) {
  const NamedCase& k = kCases[state.range(0)];
  state.SetLabel(k.name);
  const std::string in = k.json;
  for (auto _ : state) {
    std::string out = livermets::evaluate_json(in);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Evaluate)->DenseRange(0, static_cast<int>(std::size(kCases)) - 1)->Unit(benchmark::kMicrosecond);

void BM_FindMissing(benchmark::State& state) {
  const NamedCase& k = kCases[state.range(0)];
  state.SetLabel(k.name);
  const auto parsed = livermets::parse_case(k.json);
  if (!parsed.ok()) {
    state.SkipWithError("case does not parse");
    return;
  }
  const livermets::Decision d = livermets::decide(parsed.value);
  std::size_t listed = 0;
  livermets::MissingStats stats;
  for (auto _ : state) {
    stats = {};
    auto m = livermets::find_missing(parsed.value, d, &stats);
    listed = m.size();
    benchmark::DoNotOptimize(m);
  }
  state.counters["listed"] = static_cast<double>(listed);
  state.counters["decides"] = static_cast<double>(stats.evaluations);
  state.counters["max_per_field"] = static_cast<double>(stats.max_evaluations);
  state.counters["over_budget"] = static_cast<double>(stats.over_budget);
}
BENCHMARK(BM_FindMissing)->DenseRange(0, static_cast<int>(std::size(kCases)) - 1)->Unit(benchmark::kMicrosecond);

const livermets::testing::Slice& slice(int i) {
  static const auto s = livermets::testing::sweep_slices();
  return s[static_cast<std::size_t>(i)];
}

int slice_index(const char* name) {
  const auto s = livermets::testing::sweep_slices();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i].name == name) return static_cast<int>(i);
  }
  return 0;
}

// One iteration = 1,000,000 consecutive cases of the slice (wrapping around).
constexpr std::uint64_t kChunk = 1'000'000;

void BM_Sweep_Decide(benchmark::State& state) {
  const auto& s = slice(static_cast<int>(state.range(0)));
  state.SetLabel(s.name);
  std::uint64_t at = 0, sink = 0;
  for (auto _ : state) {
    std::uint64_t end = at + kChunk;
    if (end > s.size()) end = s.size();
    s.for_each(at, end, [&](const livermets::Case& c) {
      const auto d = livermets::decide(c);
      sink += static_cast<std::uint64_t>(d.pathway) + d.warnings;
    });
    state.SetItemsProcessed(state.items_processed() + static_cast<std::int64_t>(end - at));
    at = end == s.size() ? 0 : end;
  }
  benchmark::DoNotOptimize(sink);
}

void BM_Sweep_Checked(benchmark::State& state) {
  const auto& s = slice(static_cast<int>(state.range(0)));
  state.SetLabel(s.name);
  std::uint64_t at = 0;
  livermets::testing::Report r;
  for (auto _ : state) {
    std::uint64_t end = at + kChunk;
    if (end > s.size()) end = s.size();
    s.for_each(at, end, [&](const livermets::Case& c) {
      const auto d = livermets::decide(c);
      livermets::testing::check_invariants(c, d, r);
      livermets::testing::check_monotonic(c, d, [](const livermets::Case& x) { return livermets::decide(x); }, r);
      livermets::testing::compare_with_model(c, d, r);
    });
    state.SetItemsProcessed(state.items_processed() + static_cast<std::int64_t>(end - at));
    at = end == s.size() ? 0 : end;
  }
  state.counters["problems"] = static_cast<double>(r.count);
}

}  // namespace

BENCHMARK(BM_Sweep_Decide)->Arg(slice_index("crc_surgical"))->Arg(slice_index("net"))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Sweep_Checked)->Arg(slice_index("crc_surgical"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();

// The exhaustive sweep (issue 2 item 6).  What is and is not enumerated is
// documented at the top of tests/support/livermets_test/slices.hpp; in short:
// per primary, the full Cartesian product of the categorical answers that
// interact in the contract's rules ("unknown" included), numeric fields at
// their cut-points on both sides, crossed with the full candidacy block.
// ~1.2e8 structured cases; built as Case values and passed to decide()
// directly (no JSON), then:
//
//   Invariants (check_invariants, check_monotonic), on every case:
//     exactly one pathway, fitting the primary (G02, G16); REFER_HPB_MDT always
//     (G02); DO_NOT_BIOPSY on every colorectal case and no other (G71); no
//     RESECTION unless candidacy met (G06); nothing surgical (RESECTION,
//     ADJUNCT_RESECTION, PORTAL_VEIN_EMBOLIZATION, TWO_STAGE_HEPATECTOMY,
//     RESECTION_PLUS_ABLATION) for a patient not operable or who declined
//     (G09, G50); DOUBLET_PLUS_ANTI_EGFR only for pMMR/MSS, RAS and BRAF
//     wild-type, left-sided, never on a resection pathway (G25); no regimen
//     (DOUBLET_PLUS_ANTI_EGFR, TRIPLET_CHEMOTHERAPY, TRIPLET_PLUS_BEVACIZUMAB,
//     PERIOPERATIVE_FOLFOX) for dMMR/MSI-H (G25-G27); every recommendation,
//     warning and criterion carries statements, citations and text; the twin
//     with uncontrolled extrahepatic disease (G10) and the twin with ECOG 3
//     (G09) never have better candidacy, an extra surgical item or a
//     resection pathway the original lacks (monotonicity).
//   Contract model (compare_with_model), on every case: each criterion,
//     operability, the pathway, the exact recommendations with strengths, and
//     the exact warnings equal the reference model of the contract's tables
//     (tests/support/livermets_test/model.hpp).
//   crc_fong slice: Fong score, tumour burden, remnant % and BSA equal the
//     hand formulas, and clearing CEA and the interval changes nothing (G22:
//     "prognostic scores inform; they never change the pathway").
//   SweepJson: a sample of every slice (every 6,000th case) goes through the
//     JSON API and must agree with decide(); its `missing` lists only unknown
//     fields, each with a reason.  Every 1,500th state, completed outside the
//     slice's axes (at most 3 open fields) goes through the JSON API too, and
//     its `missing` must list exactly the fields that can change the outcome
//     together with the other open fields (brute force, missing_reference.hpp).
//   MissingSweep (test_missing_sweep.cpp): the same property structured, on
//     every 53rd state of every slice.
//
// Each slice is split into shards of about 8 million cases, one gtest case
// each, so `ctest -j2` runs them on both cores.  Under LIVERMETS_SANITIZE the
// sweep checks every 7th case only (LIVERMETS_SWEEP_STRIDE), to keep the
// sanitizer run within minutes; the Release run checks every case.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <set>
#include <stdexcept>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "livermets/decision.hpp"
#include "livermets/livermets.hpp"
#include "livermets_test/case_json.hpp"
#include "livermets_test/invariants.hpp"
#include "livermets_test/missing_reference.hpp"
#include "livermets_test/model.hpp"
#include "livermets_test/slices.hpp"
#include "livermets_test/sweep.hpp"
#include "livermets_test/text_truth.hpp"

#ifndef LIVERMETS_SWEEP_STRIDE
#define LIVERMETS_SWEEP_STRIDE 1
#endif

using namespace livermets;
using namespace livermets::testing;

namespace {

constexpr std::uint64_t kShardSize = 8'000'000;
constexpr std::uint64_t kStride = LIVERMETS_SWEEP_STRIDE;

const std::vector<Slice>& slices() {
  static const std::vector<Slice> s = sweep_slices();
  return s;
}

const Slice& slice_named(const std::string& name) {
  for (const auto& s : slices()) {
    if (s.name == name) return s;
  }
  throw std::runtime_error("no slice " + name);
}

struct ShardParam {
  std::string slice;
  std::uint64_t shard = 0, shards = 1;
};
void PrintTo(const ShardParam& p, std::ostream* os) { *os << p.slice << " " << p.shard + 1 << "/" << p.shards; }

std::vector<ShardParam> all_shards() {
  std::vector<ShardParam> v;
  for (const auto& s : sweep_slices()) {
    const std::uint64_t m = (s.size() + kShardSize - 1) / kShardSize;
    for (std::uint64_t k = 0; k < m; ++k) v.push_back({s.name, k, m});
  }
  return v;
}

bool near(std::optional<double> got, std::optional<double> want, double tol) {
  if (got.has_value() != want.has_value()) return false;
  return !got || std::fabs(*got - *want) <= tol;
}

// The fong slice's extra checks: derived figures, and scores never change the decision.
void check_prognostic_scores(const Case& c, const Decision& d, Report& r) {
  const Derived& x = d.derived;
  const auto fong = model_fong(c);
  if (x.fong_score != fong) r.add("fong_score differs from the hand formula (G22)");
  if (!near(x.tumor_burden_score, model_tumor_burden(c), 0.01)) r.add("tumor_burden_score differs from sqrt(s^2+n^2)");
  if (!near(x.flr_percent, model_flr_percent(c), 0.051)) r.add("flr_percent differs from volume / Vauthey SLV (G08)");
  if (c.height_cm && c.weight_kg) {
    if (!near(x.bsa_m2, mosteller_bsa(*c.height_cm, *c.weight_kg), 0.005)) r.add("bsa_m2 differs from Mosteller");
  }
  Case plain = c;
  plain.colorectal.cea_ng_ml.reset();
  plain.colorectal.disease_free_interval_months.reset();
  if (!valid_combination(plain)) return;
  const Decision p = decide(plain);
  if (p.pathway != d.pathway || p.warnings != d.warnings || surgical_set(p) != surgical_set(d) ||
      p.recommendation_count != d.recommendation_count) {
    r.add("CEA or the disease-free interval changed the decision (G22: scores never change the pathway)");
  }
}

class Sweep : public ::testing::TestWithParam<ShardParam> {};

}  // namespace

TEST(SweepPlan, PrintsWhatIsEnumerated) {
  std::uint64_t total = 0;
  for (const auto& s : slices()) {
    std::cout << "[sweep plan] " << s.name << ": " << s.size() << " cases (" << s.axes.size() << " axes) - "
              << s.purpose << "\n";
    total += s.size();
  }
  std::cout << "[sweep plan] total " << total << " cases, stride " << kStride << "\n";
  RecordProperty("sweep_total_cases", std::to_string(total));
  EXPECT_GT(total, 50'000'000u);
}

TEST(SweepPlan, EnumeratorVisitsEachCombinationOnce) {
  // The odometer against a plain decode, on a small slice and over a shard boundary.
  Slice s{"t", "", Case{}, {ax::all_primaries(), ax::r0(), ax::flr(), ax::ecog()}};
  ASSERT_EQ(s.size(), 5u * 3u * 5u * 4u);
  std::vector<std::string> a, b;
  s.for_each([&](const Case& c) { a.push_back(describe(c)); });
  const auto [m, e] = s.shard(1, 3);
  s.for_each(0, m, [&](const Case& c) { b.push_back(describe(c)); });
  s.for_each(m, e, [&](const Case& c) { b.push_back(describe(c)); });
  s.for_each(e, s.size(), [&](const Case& c) { b.push_back(describe(c)); });
  EXPECT_EQ(a, b);
  std::sort(a.begin(), a.end());
  EXPECT_EQ(std::unique(a.begin(), a.end()), a.end());
  EXPECT_EQ(a.size(), s.size());
}

TEST_P(Sweep, G02_G74_InvariantsAndContractModel) {
  const auto& prm = GetParam();
  const Slice& s = slice_named(prm.slice);
  const auto [begin, end] = s.shard(prm.shard, prm.shards);
  const bool fong_slice = s.name == "crc_fong";
  Report invariants, monotonic, contract, scores, texts;
  TextTruth text_truth;
  std::uint64_t checked = 0, skipped = 0, index = 0, decisions = 0;
  auto counted_decide = [&](const Case& c) {
    ++decisions;
    return decide(c);
  };
  const auto t0 = std::chrono::steady_clock::now();
  s.for_each(begin, end, [&](const Case& c) {
    if (kStride > 1 && (index++ % kStride) != 0) return;
    if (!valid_combination(c)) {
      ++skipped;
      return;
    }
    ++checked;
    invariants.current = monotonic.current = contract.current = scores.current = texts.current = &c;
    const Decision d = counted_decide(c);
    check_invariants(c, d, invariants);
    check_monotonic(c, d, counted_decide, monotonic);
    compare_with_model(c, d, contract);
    if (fong_slice) check_prognostic_scores(c, d, scores);
    text_truth.check(c, d, texts);
  });
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[sweep] " << s.name << " shard " << prm.shard + 1 << "/" << prm.shards << ": " << checked
            << " cases checked (" << skipped << " contradictory combinations skipped), " << decisions
            << " decisions incl. twins, " << text_truth.states_checked() << " states checked for text truth, "
            << secs << " s\n";
  RecordProperty("cases_checked", std::to_string(checked));
  EXPECT_GT(checked, 0u);
  EXPECT_TRUE(invariants.ok()) << invariants.count << " invariant violations:\n" << invariants.summary();
  EXPECT_TRUE(monotonic.ok()) << monotonic.count << " monotonicity violations:\n" << monotonic.summary();
  EXPECT_TRUE(contract.ok()) << contract.count << " disagreements with the contract's tables:\n"
                             << contract.summary();
  EXPECT_TRUE(scores.ok()) << scores.count << " derived-figure problems:\n" << scores.summary();
  EXPECT_EQ(text_truth.states_checked(), checked);
  EXPECT_TRUE(texts.ok()) << texts.count << " texts untrue to the answers (issue 8 item 3):\n" << texts.summary();
}

INSTANTIATE_TEST_SUITE_P(Slices, Sweep, ::testing::ValuesIn(all_shards()),
                         [](const ::testing::TestParamInfo<ShardParam>& p) {
                           return p.param.slice + "_" + std::to_string(p.param.shard + 1) + "of" +
                                  std::to_string(p.param.shards);
                         });

// The JSON layer agrees with decide() on a sample of every slice, and its
// `missing` names only fields that are unknown in the case.
TEST(SweepJson, G02_SampleAgreesWithStructuredDecision) {
  Report r, exact;
  std::uint64_t checked = 0, missing_checked = 0, listed_total = 0, samples = 0;
  for (const auto& s : slices()) {
    std::uint64_t index = 0;
    s.for_each([&](const Case& c) {
      if ((index++ % 1500) != 7 || !valid_combination(c)) return;
      // `missing` against its definition: the state completed outside the
      // slice's axes (missing_reference.hpp), when at most 3 fields stay open,
      // lists exactly what the brute-force reference finds relevant.
      const Case completed = complete_outside_axes(c, s, index);
      const ReferenceMissing want = valid_combination(completed) && consistent(completed)
                                        ? reference_missing(completed)
                                        : ReferenceMissing{};
      if (want.checked) {
        ++missing_checked;
        exact.current = &completed;
        const nlohmann::json xo = nlohmann::json::parse(evaluate_json(to_json(completed).dump()), nullptr, false);
        std::vector<std::string> got;
        if (!xo.is_discarded() && xo.contains("missing")) {
          for (const auto& m : xo["missing"]) got.push_back(m.value("field", ""));
        }
        listed_total += got.size();
        if (got != want.listed) {
          std::string g, w;
          for (const auto& f : got) g += f + " ";
          for (const auto& f : want.listed) w += f + " ";
          exact.add("missing [ " + g + "], by definition [ " + w + "]");
        }
      }
      // The raw state through JSON, on every 4th sample: with many fields open
      // its `missing` search is the slow part of the result.
      if ((samples++ % 4) != 0) return;
      ++checked;
      r.current = &c;
      const nlohmann::json in = to_json(c);
      const nlohmann::json out = nlohmann::json::parse(evaluate_json(in.dump()), nullptr, false);
      if (out.is_discarded() || out.value("status", "") != "ok") {
        r.add("JSON evaluation is not ok for a valid case");
        return;
      }
      const Decision d = decide(c);
      if (out["pathway"].value("code", "") != code_name(d.pathway)) r.add("JSON pathway differs from decide()");
      if (out["candidacy"].value("overall", "") != name(d.candidacy.overall)) r.add("JSON candidacy differs");
      std::set<std::string> want_recs, got_recs, want_w, got_w;
      for (int i = 0; i < d.recommendation_count; ++i) {
        const auto& rec = d.recommendations[static_cast<std::size_t>(i)];
        want_recs.insert(str(code_name(rec.code)) + ":" + str(name(rec.strength)));
      }
      for (const auto& x : out["recommendations"]) {
        got_recs.insert(x.value("code", "") + ":" + x.value("strength", ""));
        if (x.value("text", "").empty() || x["statements"].empty() || x["citations"].empty()) {
          r.add("JSON recommendation without text, statements or citations");
        }
      }
      for (int w = 0; w < kWarningCount; ++w) {
        if (d.has(static_cast<WarningCode>(w))) want_w.insert(str(code_name(static_cast<WarningCode>(w))));
      }
      for (const auto& x : out["warnings"]) {
        got_w.insert(x.value("code", ""));
        if (x.value("text", "").empty() || x["statements"].empty() || x["citations"].empty()) {
          r.add("JSON warning without text, statements or citations");
        }
      }
      for (const auto& x : out["candidacy"]["criteria"]) {
        if (x.value("reason", "").empty() || x["statements"].empty() || x["citations"].empty()) {
          r.add("JSON criterion without reason, statements or citations");
        }
      }
      if (want_recs != got_recs) r.add("JSON recommendations differ from decide()");
      if (want_w != got_w) r.add("JSON warnings differ from decide()");
      for (const auto& m : out["missing"]) {
        const std::string f = m.value("field", "");
        const auto dot = f.find('.');
        const bool unknown = dot == std::string::npos
                                 ? !in.contains(f) || in[f].is_null()
                                 : !in.contains(f.substr(0, dot)) || !in[f.substr(0, dot)].contains(f.substr(dot + 1));
        // Rev 2 (D8): lung/bone outside breast stays open until resectability is known.
        const bool open_known = f == "extrahepatic_disease" && c.primary.raw() != Primary::breast &&
                                (c.extrahepatic_disease == Extrahepatic::lung_solitary ||
                                 c.extrahepatic_disease == Extrahepatic::bone_isolated_radiation_controllable);
        if (!unknown && !open_known) r.add("missing lists a field that was given: " + f);
        if (m.value("why", "").empty()) r.add("missing entry without a reason: " + f);
      }
    });
  }
  std::cout << "[sweep json] " << checked << " sampled cases through evaluate_json; `missing` of "
            << missing_checked << " completed states (at most 3 open fields) against its definition, "
            << listed_total << " fields listed\n";
  EXPECT_GT(checked, 10000u);
  EXPECT_GT(missing_checked, 20000u);
  EXPECT_TRUE(r.ok()) << r.count << " JSON/structured disagreements:\n" << r.summary();
  EXPECT_TRUE(exact.ok()) << exact.count << " `missing` lists that differ from the definition (CONTRACT.md section 3, rev 2):\n"
                          << exact.summary();
}

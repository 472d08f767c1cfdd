// A fault of the calculator itself (here: memory running out inside the core)
// gives the one fault result, flagged internal_fault, wherever it strikes;
// never a crash, a partial result, or an answer that looks like the user's error.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "alloc_fault.hpp"
#include "livermets/livermets.hpp"

namespace {

using json = nlohmann::json;
using livermets_test::allocation_failure_pending;
using livermets_test::fail_allocation;

const std::string kCase =
    R"({"primary":"colorectal","presentation":"metachronous","r0_achievable":true,"flr_percent":45,)"
    R"("remnant_segments":4,"liver_quality":"normal","ecog":1,"operative_risk_acceptable":true,)"
    R"("extrahepatic_disease":"none","lesion_count":3,"chemotherapy_status":"none","surgical_review_done":true,)"
    R"("colorectal":{"node_positive_primary":false,"tumor_markers_elevated":false}})";

void expect_fault_result(const std::string& out, const std::string& where) {
  const json r = json::parse(out, nullptr, false);
  ASSERT_TRUE(r.is_object()) << where << ": " << out.substr(0, 300);
  EXPECT_EQ(r.value("status", ""), "error") << where;
  EXPECT_EQ(r.value("internal_fault", false), true) << where;
  ASSERT_TRUE(r.contains("errors") && r["errors"].size() == 1) << where;
  EXPECT_EQ(r["errors"][0].value("field", ""), "case") << where;
  EXPECT_NE(r["errors"][0].value("message", "").find("no result was computed; please report this case"),
            std::string::npos)
      << where;
  EXPECT_FALSE(r.contains("pathway")) << where;
  EXPECT_FALSE(r.contains("recommendations")) << where;
}

}  // namespace

TEST(Faults, AnAllocationFailureAnywhereInAnEvaluationGivesTheFaultResult) {
  fail_allocation(0);
  const std::string expected = livermets::evaluate_json(kCase);
  ASSERT_EQ(json::parse(expected).value("status", ""), "ok");
  int faults = 0;
  for (long n = 1;; ++n) {
    fail_allocation(n);
    const livermets::DocumentResult r = livermets::evaluate_case(kCase);
    const bool struck = !allocation_failure_pending();
    fail_allocation(0);
    if (!struck) {  // every allocation of the evaluation has been failed once
      EXPECT_EQ(r.json, expected);
      break;
    }
    ++faults;
    EXPECT_TRUE(r.internal_fault) << "allocation " << n;
    EXPECT_FALSE(r.all_ok) << "allocation " << n;
    expect_fault_result(r.json, "allocation " + std::to_string(n));
    ASSERT_LT(n, 100000) << "the evaluation never ends its allocations";
  }
  EXPECT_GT(faults, 10) << "the evaluation should allocate";
}

TEST(Faults, AFaultInOneCaseOfAnArrayFlagsTheDocument) {
  const std::string array = "[" + kCase + "," + kCase + "]";
  fail_allocation(0);
  const livermets::DocumentResult clean = livermets::evaluate_document(array);
  ASSERT_TRUE(clean.all_ok);
  for (long n = 1;; ++n) {
    fail_allocation(n);
    const livermets::DocumentResult r = livermets::evaluate_document(array);
    const bool struck = !allocation_failure_pending();
    fail_allocation(0);
    if (!struck) break;
    EXPECT_TRUE(r.internal_fault) << "allocation " << n;
    EXPECT_FALSE(r.all_ok) << "allocation " << n;
    const json out = json::parse(r.json, nullptr, false);
    ASSERT_FALSE(out.is_discarded()) << "allocation " << n << ": " << r.json.substr(0, 300);
    if (out.is_array()) {  // one element faulted, the other was evaluated
      ASSERT_EQ(out.size(), 2u) << "allocation " << n;
      int faulted = 0;
      for (const json& e : out) {
        if (e.value("internal_fault", false)) {
          ++faulted;
          expect_fault_result(e.dump(), "allocation " + std::to_string(n));
        } else {
          EXPECT_EQ(e.value("status", ""), "ok") << "allocation " << n;
        }
      }
      EXPECT_EQ(faulted, 1) << "allocation " << n;
    } else {  // the failure struck while reading the array itself
      expect_fault_result(r.json, "allocation " + std::to_string(n));
    }
    ASSERT_LT(n, 100000);
  }
}

TEST(Faults, TheFaultResultNamesTheRuleBaseAndCarriesTheDetail) {
  const json r = json::parse(livermets::fault_result_json("trap \"x\"\n"));
  EXPECT_EQ(r.value("status", ""), "error");
  EXPECT_EQ(r.value("internal_fault", false), true);
  EXPECT_EQ(r["rulebase"].value("version", ""), std::string(livermets::rulebase_version()));
  EXPECT_NE(r["errors"][0].value("message", "").find("trap \"x\"\n"), std::string::npos);
}

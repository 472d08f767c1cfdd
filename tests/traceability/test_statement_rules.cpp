// Behaviour tests for statements whose rule is spread over several pathways.
#include <gtest/gtest.h>

#include "livermets/decision.hpp"
#include "trace_cases.hpp"

using namespace livermets;


// G04: resection is pursued whenever it is technically feasible: a colorectal
// candidate who is operable is offered resection whatever the prognostic
// factors, chemotherapy history or setting.
TEST(StatementRules, G04_ResectionWheneverFeasibleForAnOperableCandidate) {
  for (auto setting : {Setting::initial, Setting::recurrence_after_hepatectomy}) {
    for (auto presentation : {Presentation::synchronous, Presentation::metachronous}) {
      for (auto chemo : {Chemotherapy::none, Chemotherapy::started, Chemotherapy::completed}) {
        Case c = resectable_colorectal();
        c.setting = setting;
        c.presentation = presentation;
        c.chemotherapy_status = chemo;
        const Decision d = decide(c);
        EXPECT_EQ(d.candidacy.overall, Overall::met);
        EXPECT_TRUE(d.has(RecCode::RESECTION)) << "pathway " << static_cast<int>(d.pathway);
      }
    }
  }
}

// G04 (and G06): the same patient loses resection once any criterion fails.
TEST(StatementRules, G04_G06_NoResectionOnceACriterionFails) {
  Case c = resectable_colorectal();
  c.r0_achievable = false;
  EXPECT_FALSE(decide(c).has(RecCode::RESECTION));
  c = resectable_colorectal();
  c.flr_percent = 29.9;
  EXPECT_FALSE(decide(c).has(RecCode::RESECTION));
}

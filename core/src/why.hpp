// "The why at the top" (issue 10): the facts that decided a result, in a few
// words each, taken from the decision's own route and candidacy criteria, so
// that the page shows them without holding any clinical rule.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "livermets/decision.hpp"

namespace livermets {

// One decisive fact ("remnant 45% (≥ 30%)") and the questions it comes from.
struct WhyFact {
  std::string text;
  std::vector<std::string_view> fields;
};

// The facts that decided the pathway, in the order of the route.
std::vector<WhyFact> why_facts(const Case& c, const Decision& d);

// A criterion in a few words, for the why line and the checklist ("R0 yes").
WhyFact criterion_fact(CriterionCode code, const Case& c, const Decision& d);

// True for the items every case of its kind gets whatever the answers
// (referral, review before chemotherapy, no biopsy, surveillance after
// resection): the page lists them after the case-specific items of the same
// strength (docs/clinical-decisions.md, D23).
bool is_general(RecCode code);

}  // namespace livermets

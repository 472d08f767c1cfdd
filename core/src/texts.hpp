// The sentences a result shows, written for the case as entered (rev 2):
// every recommendation, warning, criterion reason, pathway title and summary
// is assembled from fragments chosen by the answers, so that "started" is
// never said of a completed course, "start" never to someone already treated,
// and a lesion map is never mentioned when the answers say none was made.
// The texts are this project's words; facts, numbers, hedges ("often",
// "up to") and citation numbers are the guideline's.
#pragma once

#include <string_view>
#include <vector>

#include "livermets/decision.hpp"
#include "text.hpp"

namespace livermets {

Text recommendation_text(RecCode code, const Case& c, const Decision& d);
Text warning_text(WarningCode code, const Case& c, const Decision& d);
Text criterion_reason(CriterionCode code, const Case& c, const Decision& d);
Text pathway_title(const Case& c, const Decision& d);
Text pathway_summary(const Case& c, const Decision& d);

// The questions a CHECK_ANSWERS warning names, so that the page can link to
// both answers of each contradiction.
std::vector<std::string_view> contradiction_fields(const Decision& d);

}  // namespace livermets

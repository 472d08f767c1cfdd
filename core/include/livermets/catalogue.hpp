// What each code means to a reader: its stable name, a short label, and the
// guideline statements and citations it rests on.  The sentence a result
// shows for a case is chosen from the answers (core/src/texts.hpp).  Citations are derived from
// the statements (each guideline line ends with its citation numbers), so a
// code can never claim a citation its statements do not carry.
#pragma once

#include <string_view>
#include <vector>

#include "livermets/decision.hpp"

namespace livermets {

struct Basis {
  std::vector<std::string_view> statements;  // "G20", in guideline order
  std::vector<int> citations;                // sorted, unique
};

struct CodeInfo {
  std::string_view code;  // the contract's name, e.g. "RESECTION"
  std::string_view text;  // short label, the same for every case (criteria: what the criterion asks)
  Basis basis;
};

struct PathwayInfo {
  std::string_view code;
  std::string_view title;
  std::string_view summary;
  Basis basis;
};

const CodeInfo& info(RecCode code);
// The same, with the basis and wording fitted to the pathway it serves
// (RESECTION rests on G04, G20 for colorectal, G67, G68 on recurrence, G43 for
// neuroendocrine disease).
const CodeInfo& info(RecCode code, PathwayCode pathway);
const CodeInfo& info(WarningCode code);
// The same, with the basis fitted to the case: OUTSIDE_GUIDELINE_SCOPE names
// the statements whose scope excludes it, CHECK_ANSWERS those each
// contradiction touches, BIOPSY_OF_SUSPECTED_CRLM adds the MDT with the
// primary unknown, EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE adds G36 for breast.
CodeInfo info(WarningCode code, const Case& c, const Decision& d);
const CodeInfo& info(CriterionCode code);  // text = what the criterion asks
const PathwayInfo& info(PathwayCode code);

std::string_view name(Strength s);   // "do", "consider", "avoid"
std::string_view name(Status s);     // "met", "not_met", "unknown"
std::string_view name(Overall o);    // "met", "not_met", "undetermined"

}  // namespace livermets

// What each code means to a reader: its stable name, displayed text, and the
// guideline statements and citations it rests on.  Citations are derived from
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
  std::string_view text;  // displayed text, in this project's words
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
// (RESECTION rests on G20 for colorectal, G67-G68 on recurrence, G43 for
// neuroendocrine disease).
const CodeInfo& info(RecCode code, PathwayCode pathway);
const CodeInfo& info(WarningCode code);
const CodeInfo& info(CriterionCode code);  // text = what the criterion asks
const PathwayInfo& info(PathwayCode code);

std::string_view name(Strength s);   // "do", "consider", "avoid"
std::string_view name(Status s);     // "met", "not_met", "unknown"
std::string_view name(Overall o);    // "met", "not_met", "undetermined"

}  // namespace livermets

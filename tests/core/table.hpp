// Table-driven tests (issue 9 item 7): one row per checked case, written as
// a starting case, one change and the expected answer, so that a table reads
// as the contract's own rows and a new cut-point is one more line.
//
// The change is a JSON merge patch (RFC 7396) applied to the starting case:
// nested objects merge, and null removes a field, which the contract reads as
// "not known".  A row's name starts with the statements it checks (G22_...):
// GoogleTest names the test after it, and the traceability check
// (tests/traceability/trace.cpp) counts it like a TEST's name.
#pragma once

#include <ostream>
#include <string>

#include "helpers.hpp"

namespace lmt {

struct Row {
  const char* name;      // G<nn>_What: the test's name
  json (*base)();        // the starting case (helpers.hpp)
  const char* patch;     // the change, as a JSON merge patch ("" for none)
  const char* expected;  // the expected answer (a pathway code, a criterion status...)
};

// Any row type with name, base and patch members (Row, and the tables' own
// row types with more columns) gives its case and its test name the same way.
template <class R>
json case_of(const R& row) {
  json c = row.base();
  if (row.patch[0] != '\0') c.merge_patch(json::parse(row.patch));
  return c;
}

template <class R>
std::string row_name(const ::testing::TestParamInfo<R>& info) {
  return info.param.name;
}

// GoogleTest prints a failing parameter with this: the row's name and change.
inline void PrintTo(const Row& row, std::ostream* os) { *os << row.name << " " << row.patch; }

}  // namespace lmt

// Field validation: whether one value is acceptable for one field of the
// table (fields.hpp), what to say when it is not, and the answers that
// cannot all be true at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fields.hpp"
#include "livermets/parse.hpp"

namespace livermets {

// One value as the case builder sees it: a scalar, or the start of an object
// or array (which no field accepts; its contents are skipped).
struct Value {
  enum class Kind { null, boolean, number, string, object, array };
  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0;
  const std::string* text = nullptr;

  bool is_container() const { return kind == Kind::object || kind == Kind::array; }
};

// Reads one field's value into the case; false, with `why` set, when the value
// is refused.  Null is unknown; integral-valued numbers (4.0) are accepted
// for integer fields.
bool read_field(const FieldSpec& f, const Value& v, Case& c, std::string& why);

// Integrator fields (x_...) are accepted and ignored.
inline bool is_integrator_field(std::string_view key) { return key.substr(0, 2) == "x_"; }

// Answers that cannot all be true at once; checked once every field is valid.
void check_contradictions(const Case& c, std::vector<FieldError>& errors);

}  // namespace livermets

// Reading and validating a case (CONTRACT.md section 2).  The parser refuses
// hostile input (size, depth, duplicate keys, invalid UTF-8, non-finite
// numbers) before anything else looks at it, and names the field of every
// problem together with what is accepted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "livermets/case.hpp"

namespace livermets {

inline constexpr std::size_t kMaxCaseBytes = 64 * 1024;
inline constexpr int kMaxDepth = 8;

struct FieldError {
  std::string field;  // "colorectal.ras"; "case" for the document as a whole
  std::string message;
};

struct ParsedCase {
  Case value;
  std::vector<FieldError> errors;  // empty when the case is valid
  bool ok() const { return errors.empty(); }
};

ParsedCase parse_case(std::string_view json_text);

// False when the case breaks one of the contract's cross-field rules (both a
// remnant % and a remnant volume; a presentation that contradicts the
// disease-free interval; volumetry above 100 %): the parser refuses such a
// case.  `missing` uses it to try only answers that could be entered together.
bool consistent(const Case& c);

}  // namespace livermets

// The contract's result object (CONTRACT.md section 3), built from a decision,
// and the error result of an invalid case.  The fault result, for the
// calculator's own failures, is public: fault_result_json (livermets.hpp).
#pragma once

#include <string>
#include <vector>

#include "livermets/decision.hpp"
#include "livermets/parse.hpp"

namespace livermets {

std::string ok_result_json(const Case& c, const Decision& d);
std::string error_result_json(const std::vector<FieldError>& errors);

}  // namespace livermets

// The contract's result object (CONTRACT.md section 3), built from a decision.
#pragma once

#include <string>
#include <vector>

#include "livermets/decision.hpp"
#include "livermets/parse.hpp"

namespace livermets {

std::string ok_result_json(const Case& c, const Decision& d);
// internal_fault: the error is ours, not the input's (the CLI exits 1).
std::string error_result_json(const std::vector<FieldError>& errors, bool internal_fault = false);

}  // namespace livermets

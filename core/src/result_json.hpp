// The contract's result object (CONTRACT.md section 3), built from a decision.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "livermets/decision.hpp"
#include "livermets/parse.hpp"

namespace livermets {

nlohmann::json rulebase_json();
nlohmann::json ok_result_json(const Case& c, const Decision& d);
nlohmann::json error_result_json(const std::vector<FieldError>& errors);

}  // namespace livermets

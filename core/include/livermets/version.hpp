// The rule-base version and the guideline it implements, printed in every
// result, in the questionnaire and by `livermets --version`.
#pragma once

#include <string_view>

namespace livermets {

std::string_view rulebase_version();  // e.g. "1.0.0"
std::string_view guideline_name();

}  // namespace livermets

// The contract's stable name of each code ("RESECTION", "CRC_RESECTION_FIRST").
#pragma once

#include <string_view>

#include "livermets/decision.hpp"

namespace livermets {

std::string_view code_name(PathwayCode c);
std::string_view code_name(RecCode c);
std::string_view code_name(WarningCode c);
std::string_view code_name(CriterionCode c);

}  // namespace livermets

// For tests and the fuzzer only: parse_case() reads plain cases with a fast
// reader of its own (plain_json_reader.hpp) and everything else with
// nlohmann's parser.  This entry skips the fast reader, so a differential
// check can prove both readers give the same case and the same errors.
#pragma once

#include <string_view>

#include "livermets/parse.hpp"

namespace livermets {

ParsedCase parse_case_nlohmann_only(std::string_view text);

}  // namespace livermets

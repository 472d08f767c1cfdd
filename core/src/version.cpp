#include "livermets/version.hpp"

#ifndef LIVERMETS_VERSION
#define LIVERMETS_VERSION "0.0.0"
#endif

namespace livermets {

std::string_view rulebase_version() { return LIVERMETS_VERSION; }
std::string_view guideline_name() { return "Management of Liver Metastases"; }

}  // namespace livermets

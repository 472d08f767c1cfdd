// The questionnaire definition, built from the field table, the catalogue and
// the statements.  Called once, at build time (make_questionnaire.cpp).
#pragma once

#include <string>

namespace livermets {

std::string build_questionnaire();

}  // namespace livermets

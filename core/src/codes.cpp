// The contract's stable names for every code, in each enum's order.  The
// rules need only the pathway names (the route ends at the pathway's node);
// the catalogue reads all of them from here, so a name is written once.
#include <array>
#include <string_view>

#include "codes.hpp"

namespace livermets {

namespace {

constexpr std::array<std::string_view, kPathwayCount> kPathwayNames = {
    "ASSESSMENT_INCOMPLETE",  "OUT_OF_SCOPE",          "BREAST_SYSTEMIC_FIRST",
    "REPEAT_RESECTION",       "ABLATION_PRIMARY",      "NON_SURGICAL_MDT",
    "CRC_CONVERSION_THERAPY", "CRC_NEOADJUVANT_THEN_RESECTION", "CRC_RESECTION_FIRST",
    "NET_RESECTION",          "NET_MEDICAL_AND_LIVER_DIRECTED", "NET_OBSERVATION",
};

constexpr std::array<std::string_view, kRecCount> kRecNames = {
    "REFER_HPB_MDT",           "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "URGENT_SURGICAL_REVIEW",
    "DO_NOT_BIOPSY",           "RESECTION",                 "SURVEILLANCE",
    "PERIOPERATIVE_FOLFOX",    "NEOADJUVANT_CHEMOTHERAPY",  "RESTAGE_FOR_RESECTION",
    "RESTAGE_DURING_CHEMOTHERAPY", "SYSTEMIC_THEN_REASSESS", "DOUBLET_PLUS_ANTI_EGFR",
    "TRIPLET_CHEMOTHERAPY",    "TRIPLET_PLUS_BEVACIZUMAB",  "MOLECULAR_PROFILING",
    "PORTAL_VEIN_EMBOLIZATION", "TWO_STAGE_HEPATECTOMY",    "RESECTION_PLUS_ABLATION",
    "ABLATION",                "NON_SURGICAL_CARE_MDT",     "SYSTEMIC_THERAPY",
    "RECEPTOR_GUIDED_THERAPY", "RECEPTOR_TESTING",          "ADJUNCT_RESECTION",
    "ASSESS_FOR_RESECTION",    "SOMATOSTATIN_ANALOG",       "EMBOLIZATION",
    "PRRT",                    "OBSERVATION",
};

constexpr std::array<std::string_view, kWarningCount> kWarningNames = {
    "CHECK_ANSWERS",
    "CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW",
    "BIOPSY_OF_SUSPECTED_CRLM",
    "RADIOLOGICAL_RESPONSE_IS_NOT_CURE",
    "REMNANT_QUALITY",
    "EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE",
    "ABLATION_LESION_SIZE",
    "ABLATION_PERIVASCULAR",
    "OUTSIDE_GUIDELINE_SCOPE",
};

constexpr std::array<std::string_view, kCriterionCount> kCriterionNames = {
    "R0", "REMNANT", "FITNESS", "EXTRAHEPATIC", "BREAST_OLIGOMETASTATIC", "BREAST_NOT_PROGRESSING",
};

}  // namespace

std::string_view code_name(PathwayCode c) { return kPathwayNames[static_cast<std::size_t>(c)]; }
std::string_view code_name(RecCode c) { return kRecNames[static_cast<std::size_t>(c)]; }
std::string_view code_name(WarningCode c) { return kWarningNames[static_cast<std::size_t>(c)]; }
std::string_view code_name(CriterionCode c) { return kCriterionNames[static_cast<std::size_t>(c)]; }

std::string_view pathway_node(PathwayCode code) { return code_name(code); }

}  // namespace livermets

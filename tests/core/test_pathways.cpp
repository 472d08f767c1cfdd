// The pathway table (CONTRACT.md "Pathway codes"): every row, the order of
// the rows, and the cut-points that move a case between rows.  Each row of
// kPathways is one case: a starting case, one change, the expected pathway
// (table.hpp).  Cases that check more than the pathway stay TESTs below.
#include <algorithm>

#include "helpers.hpp"
#include "table.hpp"

using namespace lmt;

namespace {

json nothing_known() { return json::object(); }

const Row kPathways[] = {
    // ---- primary ----
    {"G02_NothingKnownIsAssessmentIncomplete", nothing_known, "", "ASSESSMENT_INCOMPLETE"},
    {"G16_OtherPrimaryIsOutOfScope", crc_resectable, R"({"colorectal": null, "primary": "other"})", "OUT_OF_SCOPE"},
    {"G33_G38_BreastIsAlwaysSystemicFirst", breast_candidate, "", "BREAST_SYSTEMIC_FIRST"},
    {"G33_G38_BreastProgressingUnfitRecurrenceIsStillSystemicFirst", breast_candidate,
     R"({"breast": {"progressing_on_systemic_therapy": true}, "ecog": 4, "setting": "recurrence_after_hepatectomy"})",
     "BREAST_SYSTEMIC_FIRST"},
    {"G33_G38_BreastWithNothingElseKnownIsSystemicFirst", nothing_known, R"({"primary": "breast"})", "BREAST_SYSTEMIC_FIRST"},

    // ---- colorectal, candidacy met (G20, G22) ----
    {"G20_ResectableWithoutPoorFactorsIsResectionFirst", crc_resectable, "", "CRC_RESECTION_FIRST"},
    {"G22_FiveLesionsIsNotAPoorFactor", crc_resectable, R"({"lesion_count": 5})", "CRC_RESECTION_FIRST"},
    {"G22_SixLesionsIsAPoorFactor", crc_resectable, R"({"lesion_count": 6})", "CRC_NEOADJUVANT_THEN_RESECTION"},
    {"G22_SynchronousIsAPoorFactor", crc_resectable,
     R"({"presentation": "synchronous", "colorectal": {"disease_free_interval_months": 0}})", "CRC_NEOADJUVANT_THEN_RESECTION"},
    {"G22_NodePositivePrimaryIsAPoorFactor", crc_resectable, R"({"colorectal": {"node_positive_primary": true}})",
     "CRC_NEOADJUVANT_THEN_RESECTION"},
    {"G22_ElevatedMarkersIsAPoorFactor", crc_resectable, R"({"colorectal": {"tumor_markers_elevated": true}})",
     "CRC_NEOADJUVANT_THEN_RESECTION"},
    {"G22_CeaAndIntervalDoNotCountAsPoorFactors", crc_resectable,
     R"({"colorectal": {"cea_ng_ml": 5000, "disease_free_interval_months": 1}})", "CRC_RESECTION_FIRST"},

    // ---- colorectal, candidacy not met (G24) ----
    {"G24_R0NotAchievableIsConversion", crc_unresectable, "", "CRC_CONVERSION_THERAPY"},
    {"G08_G29_Remnant29_9IsConversion", crc_resectable, R"({"flr_percent": 29.9})", "CRC_CONVERSION_THERAPY"},
    {"G08_G29_Remnant30IsResectionFirst", crc_resectable, R"({"flr_percent": 30})", "CRC_RESECTION_FIRST"},
    {"G10_UncontrolledExtrahepaticIsConversion", crc_resectable, R"({"extrahepatic_disease": "uncontrolled"})",
     "CRC_CONVERSION_THERAPY"},
    {"G74_ResectableExtrahepaticStillResection", crc_resectable, R"({"extrahepatic_disease": "resectable"})",
     "CRC_RESECTION_FIRST"},

    // ---- colorectal, not operable (G09, G50, G51) ----
    {"G09_Ecog2IsOperable", crc_resectable, R"({"ecog": 2})", "CRC_RESECTION_FIRST"},
    // 2 lesions, 2.5 cm, no disease outside the liver: ablatable
    {"G09_G50_Ecog3IsNotOperable", crc_resectable, R"({"ecog": 3})", "ABLATION_PRIMARY"},
    {"G09_Ecog2WithoutAcceptableRiskIsNotOperable", crc_resectable, R"({"ecog": 2, "operative_risk_acceptable": false})",
     "ABLATION_PRIMARY"},
    {"G50_DeclinedSurgeryWithAblatableDiseaseIsAblationPrimary", crc_resectable, R"({"patient_declines_surgery": true})",
     "ABLATION_PRIMARY"},
    {"G51_NineLesionsAblatable", crc_resectable, R"({"patient_declines_surgery": true, "lesion_count": 9})", "ABLATION_PRIMARY"},
    {"G51_TenLesionsNotAblatable", crc_resectable, R"({"patient_declines_surgery": true, "lesion_count": 10})",
     "NON_SURGICAL_MDT"},
    {"G51_FourCentimetresAblatable", crc_resectable, R"({"patient_declines_surgery": true, "largest_lesion_cm": 4.0})",
     "ABLATION_PRIMARY"},
    {"G51_FourPointOneCentimetresNotAblatable", crc_resectable,
     R"({"patient_declines_surgery": true, "largest_lesion_cm": 4.1})", "NON_SURGICAL_MDT"},
    {"G51_ExtrahepaticDiseaseExcludesAblationPrimary", crc_resectable,
     R"({"patient_declines_surgery": true, "extrahepatic_disease": "lung_solitary"})", "NON_SURGICAL_MDT"},
    {"G51_UnknownAblationCriteriaIsNonSurgicalMdt", crc_resectable, R"({"ecog": 4, "largest_lesion_cm": null})",
     "NON_SURGICAL_MDT"},
    {"G50_UnknownFitnessDoesNotMakeInoperable", crc_resectable, R"({"ecog": null, "operative_risk_acceptable": null})",
     "ASSESSMENT_INCOMPLETE"},
    {"G50_UnknownFitnessWithoutR0IsConversion", crc_resectable,
     R"({"ecog": null, "operative_risk_acceptable": null, "r0_achievable": false})", "CRC_CONVERSION_THERAPY"},
    {"G50_NotOperableBeatsConversion", crc_unresectable, R"({"ecog": 3})", "ABLATION_PRIMARY"},

    // ---- recurrence (G67, G68) ----
    {"G67_G68_LiverOnlyRecurrenceIsRepeatResection", crc_resectable, R"({"setting": "recurrence_after_hepatectomy"})",
     "REPEAT_RESECTION"},
    {"G68_RecurrenceWithExtrahepaticDiseaseIsNotRepeatResection", crc_resectable,
     R"({"setting": "recurrence_after_hepatectomy", "extrahepatic_disease": "resectable"})", "CRC_RESECTION_FIRST"},
    {"G67_RecurrenceBeatsPoorFactors", crc_resectable, R"({"setting": "recurrence_after_hepatectomy", "lesion_count": 8})",
     "REPEAT_RESECTION"},
    {"G67_RecurrenceNotCandidateIsConversion", crc_unresectable, R"({"setting": "recurrence_after_hepatectomy"})",
     "CRC_CONVERSION_THERAPY"},
    {"G67_RecurrenceDeclinedIsNotRepeatResection", crc_resectable,
     R"({"setting": "recurrence_after_hepatectomy", "patient_declines_surgery": true})", "ABLATION_PRIMARY"},

    // ---- neuroendocrine (G41-G45) ----
    {"G43_SolitaryCandidateIsNetResection", net_candidate, "", "NET_RESECTION"},
    {"G43_NetRecurrenceFollowsNetRows", net_candidate, R"({"setting": "recurrence_after_hepatectomy"})", "NET_RESECTION"},
    {"G41_NotSolitaryQuietIsObservation", net_candidate, R"({"neuroendocrine": {"solitary_or_isolated": false}})",
     "NET_OBSERVATION"},
    {"G41_NotCandidateQuietIsObservation", net_candidate, R"({"r0_achievable": false})", "NET_OBSERVATION"},
    {"G41_DeclinedQuietIsObservation", net_candidate, R"({"patient_declines_surgery": true})", "NET_OBSERVATION"},
    {"G42_SymptomaticNotResectableIsMedical", net_candidate,
     R"({"neuroendocrine": {"solitary_or_isolated": false, "symptomatic": true}})", "NET_MEDICAL_AND_LIVER_DIRECTED"},
    {"G44_ProgressiveNotResectableIsMedical", net_candidate, R"({"ecog": 3, "neuroendocrine": {"progressive": true}})",
     "NET_MEDICAL_AND_LIVER_DIRECTED"},
    {"G43_ResectionBeatsSymptoms", net_candidate, R"({"neuroendocrine": {"symptomatic": true, "progressive": true}})",
     "NET_RESECTION"},
    {"G41_UnknownActivityIsAssessmentIncomplete", net_candidate,
     R"({"neuroendocrine": {"solitary_or_isolated": false, "progressive": null}})", "ASSESSMENT_INCOMPLETE"},
    {"G43_SolitaryNotKnownIsAssessmentIncomplete", net_candidate, R"({"neuroendocrine": {"solitary_or_isolated": null}})",
     "ASSESSMENT_INCOMPLETE"},
    {"G43_ResectabilityNotKnownIsAssessmentIncomplete", net_candidate, R"({"r0_achievable": null})", "ASSESSMENT_INCOMPLETE"},
};

class PathwayTable : public ::testing::TestWithParam<Row> {};

TEST_P(PathwayTable, GivesTheContractsPathway) {
  const Row& row = GetParam();
  EXPECT_EQ(pathway(eval(case_of(row))), row.expected);
}

INSTANTIATE_TEST_SUITE_P(Pathway, PathwayTable, ::testing::ValuesIn(kPathways), row_name<Row>);

}  // namespace

// An explicit null reads as not known, exactly as a field left out (G02).
TEST(Pathway, G02_NullPrimaryIsAssessmentIncomplete) {
  EXPECT_EQ(pathway(eval(json{{"primary", nullptr}})), "ASSESSMENT_INCOMPLETE");
}

// ---- rows that also check what the result asks next (missing) ----
TEST(Pathway, G20_UnknownPoorFactorsStillResectionFirstAndGoToMissing) {
  json c = crc_resectable();
  c.erase("presentation");
  c["colorectal"].erase("node_positive_primary");
  c["colorectal"].erase("disease_free_interval_months");
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_RESECTION_FIRST");
  const auto m = missing(r);
  EXPECT_NE(std::find(m.begin(), m.end(), "presentation"), m.end());
  EXPECT_NE(std::find(m.begin(), m.end(), "colorectal.node_positive_primary"), m.end());
}
// rev 2 (D8): a colorectal solitary lung metastasis is not G10's breast
// exception: the pathway waits for whether it will be removed (G74).
TEST(Pathway, G10_G74_ColorectalSolitaryLungWaitsForWhetherItIsRemoved) {
  json c = crc_resectable();
  c["extrahepatic_disease"] = "lung_solitary";
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "ASSESSMENT_INCOMPLETE");
  const auto m = missing(r);
  EXPECT_NE(std::find(m.begin(), m.end(), "extrahepatic_disease"), m.end());
}
TEST(Pathway, G06_OperableUndeterminedIsAssessmentIncomplete) {
  json c = crc_resectable();
  c.erase("r0_achievable");
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "ASSESSMENT_INCOMPLETE");
  const auto m = missing(r);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m.front(), "r0_achievable");
}

// The pathway table (CONTRACT.md "Pathway codes"): every row, the order of
// the rows, and the cut-points that move a case between rows.
#include <algorithm>
#include "helpers.hpp"

using namespace lmt;

// ---- primary ----
TEST(Pathway, G02_UnknownPrimaryIsAssessmentIncomplete) {
  EXPECT_EQ(pathway(eval(json::object())), "ASSESSMENT_INCOMPLETE");
  EXPECT_EQ(pathway(eval(json{{"primary", nullptr}})), "ASSESSMENT_INCOMPLETE");
}
TEST(Pathway, G16_OtherPrimaryIsOutOfScope) {
  json c = crc_resectable();
  c.erase("colorectal");
  c["primary"] = "other";
  EXPECT_EQ(pathway(eval(c)), "OUT_OF_SCOPE");
}
TEST(Pathway, G33_G38_BreastIsAlwaysSystemicFirst) {
  EXPECT_EQ(pathway(eval(breast_candidate())), "BREAST_SYSTEMIC_FIRST");
  json c = breast_candidate();
  c["breast"]["progressing_on_systemic_therapy"] = true;
  c["ecog"] = 4;
  c["setting"] = "recurrence_after_hepatectomy";
  EXPECT_EQ(pathway(eval(c)), "BREAST_SYSTEMIC_FIRST");
  EXPECT_EQ(pathway(eval(json{{"primary", "breast"}})), "BREAST_SYSTEMIC_FIRST");
}

// ---- colorectal, candidacy met ----
TEST(Pathway, G20_ResectableWithoutPoorFactorsIsResectionFirst) {
  EXPECT_EQ(pathway(eval(crc_resectable())), "CRC_RESECTION_FIRST");
}
TEST(Pathway, G22_FiveLesionsIsNotAPoorFactor) {
  json c = crc_resectable();
  c["lesion_count"] = 5;
  EXPECT_EQ(pathway(eval(c)), "CRC_RESECTION_FIRST");
}
TEST(Pathway, G22_SixLesionsIsAPoorFactor) {
  json c = crc_resectable();
  c["lesion_count"] = 6;
  EXPECT_EQ(pathway(eval(c)), "CRC_NEOADJUVANT_THEN_RESECTION");
}
TEST(Pathway, G22_SynchronousIsAPoorFactor) {
  json c = crc_resectable();
  c["presentation"] = "synchronous";
  c["colorectal"]["disease_free_interval_months"] = 0;
  EXPECT_EQ(pathway(eval(c)), "CRC_NEOADJUVANT_THEN_RESECTION");
}
TEST(Pathway, G22_NodePositivePrimaryIsAPoorFactor) {
  json c = crc_resectable();
  c["colorectal"]["node_positive_primary"] = true;
  EXPECT_EQ(pathway(eval(c)), "CRC_NEOADJUVANT_THEN_RESECTION");
}
TEST(Pathway, G22_ElevatedMarkersIsAPoorFactor) {
  json c = crc_resectable();
  c["colorectal"]["tumor_markers_elevated"] = true;
  EXPECT_EQ(pathway(eval(c)), "CRC_NEOADJUVANT_THEN_RESECTION");
}
TEST(Pathway, G22_CeaAndIntervalDoNotCountAsPoorFactors) {
  json c = crc_resectable();
  c["colorectal"]["cea_ng_ml"] = 5000;
  c["colorectal"]["disease_free_interval_months"] = 1;
  EXPECT_EQ(pathway(eval(c)), "CRC_RESECTION_FIRST");
}
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

// ---- colorectal, candidacy not met or undetermined ----
TEST(Pathway, G24_R0NotAchievableIsConversion) { EXPECT_EQ(pathway(eval(crc_unresectable())), "CRC_CONVERSION_THERAPY"); }
TEST(Pathway, G08_G29_RemnantBelow30IsConversion) {
  json c = crc_resectable();
  c["flr_percent"] = 29.9;
  EXPECT_EQ(pathway(eval(c)), "CRC_CONVERSION_THERAPY");
  c["flr_percent"] = 30;
  EXPECT_EQ(pathway(eval(c)), "CRC_RESECTION_FIRST");
}
TEST(Pathway, G10_UncontrolledExtrahepaticIsConversion) {
  json c = crc_resectable();
  c["extrahepatic_disease"] = "uncontrolled";
  EXPECT_EQ(pathway(eval(c)), "CRC_CONVERSION_THERAPY");
}
TEST(Pathway, G74_ResectableExtrahepaticStillResection) {
  json c = crc_resectable();
  c["extrahepatic_disease"] = "resectable";
  EXPECT_EQ(pathway(eval(c)), "CRC_RESECTION_FIRST");
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

// ---- colorectal, not operable (G09, G50, G51) ----
TEST(Pathway, G09_Ecog2IsOperableEcog3IsNot) {
  json c = crc_resectable();
  c["ecog"] = 2;
  EXPECT_EQ(pathway(eval(c)), "CRC_RESECTION_FIRST");
  c["ecog"] = 3;
  EXPECT_EQ(pathway(eval(c)), "ABLATION_PRIMARY");  // 2 lesions, 2.5 cm, no extrahepatic disease
}
TEST(Pathway, G09_Ecog2WithoutAcceptableRiskIsNotOperable) {
  json c = crc_resectable();
  c["ecog"] = 2;
  c["operative_risk_acceptable"] = false;
  EXPECT_EQ(pathway(eval(c)), "ABLATION_PRIMARY");
}
TEST(Pathway, G50_DeclinedSurgeryWithAblatableDiseaseIsAblationPrimary) {
  json c = crc_resectable();
  c["patient_declines_surgery"] = true;
  EXPECT_EQ(pathway(eval(c)), "ABLATION_PRIMARY");
}
TEST(Pathway, G51_NineLesionsAblatableTenNot) {
  json c = crc_resectable();
  c["patient_declines_surgery"] = true;
  c["lesion_count"] = 9;
  EXPECT_EQ(pathway(eval(c)), "ABLATION_PRIMARY");
  c["lesion_count"] = 10;
  EXPECT_EQ(pathway(eval(c)), "NON_SURGICAL_MDT");
}
TEST(Pathway, G51_FourCentimetresAblatableFourPointOneNot) {
  json c = crc_resectable();
  c["patient_declines_surgery"] = true;
  c["largest_lesion_cm"] = 4.0;
  EXPECT_EQ(pathway(eval(c)), "ABLATION_PRIMARY");
  c["largest_lesion_cm"] = 4.1;
  EXPECT_EQ(pathway(eval(c)), "NON_SURGICAL_MDT");
}
TEST(Pathway, G51_ExtrahepaticDiseaseExcludesAblationPrimary) {
  json c = crc_resectable();
  c["patient_declines_surgery"] = true;
  c["extrahepatic_disease"] = "lung_solitary";
  EXPECT_EQ(pathway(eval(c)), "NON_SURGICAL_MDT");
}
TEST(Pathway, G51_UnknownAblationCriteriaIsNonSurgicalMdt) {
  json c = crc_resectable();
  c["ecog"] = 4;
  c.erase("largest_lesion_cm");
  EXPECT_EQ(pathway(eval(c)), "NON_SURGICAL_MDT");
}
TEST(Pathway, G50_UnknownFitnessDoesNotMakeInoperable) {
  json c = crc_resectable();
  c.erase("ecog");
  c.erase("operative_risk_acceptable");
  EXPECT_EQ(pathway(eval(c)), "ASSESSMENT_INCOMPLETE");
  c["r0_achievable"] = false;
  EXPECT_EQ(pathway(eval(c)), "CRC_CONVERSION_THERAPY");
}
TEST(Pathway, G50_NotOperableBeatsConversion) {
  json c = crc_unresectable();
  c["ecog"] = 3;
  EXPECT_EQ(pathway(eval(c)), "ABLATION_PRIMARY");
}

// ---- recurrence (G67, G68) ----
TEST(Pathway, G67_G68_LiverOnlyRecurrenceIsRepeatResection) {
  json c = crc_resectable();
  c["setting"] = "recurrence_after_hepatectomy";
  EXPECT_EQ(pathway(eval(c)), "REPEAT_RESECTION");
}
TEST(Pathway, G68_RecurrenceWithExtrahepaticDiseaseIsNotRepeatResection) {
  json c = crc_resectable();
  c["setting"] = "recurrence_after_hepatectomy";
  c["extrahepatic_disease"] = "resectable";
  EXPECT_EQ(pathway(eval(c)), "CRC_RESECTION_FIRST");
}
TEST(Pathway, G67_RecurrenceBeatsPoorFactors) {
  json c = crc_resectable();
  c["setting"] = "recurrence_after_hepatectomy";
  c["lesion_count"] = 8;
  EXPECT_EQ(pathway(eval(c)), "REPEAT_RESECTION");
}
TEST(Pathway, G67_RecurrenceNotCandidateIsConversion) {
  json c = crc_unresectable();
  c["setting"] = "recurrence_after_hepatectomy";
  EXPECT_EQ(pathway(eval(c)), "CRC_CONVERSION_THERAPY");
}
TEST(Pathway, G67_RecurrenceDeclinedIsNotRepeatResection) {
  json c = crc_resectable();
  c["setting"] = "recurrence_after_hepatectomy";
  c["patient_declines_surgery"] = true;
  EXPECT_EQ(pathway(eval(c)), "ABLATION_PRIMARY");
}

// ---- neuroendocrine (G41-G45) ----
TEST(Pathway, G43_SolitaryCandidateIsNetResection) { EXPECT_EQ(pathway(eval(net_candidate())), "NET_RESECTION"); }
TEST(Pathway, G43_NetRecurrenceFollowsNetRows) {
  json c = net_candidate();
  c["setting"] = "recurrence_after_hepatectomy";
  EXPECT_EQ(pathway(eval(c)), "NET_RESECTION");
}
TEST(Pathway, G41_NotSolitaryQuietIsObservation) {
  json c = net_candidate();
  c["neuroendocrine"]["solitary_or_isolated"] = false;
  EXPECT_EQ(pathway(eval(c)), "NET_OBSERVATION");
}
TEST(Pathway, G41_NotCandidateQuietIsObservation) {
  json c = net_candidate();
  c["r0_achievable"] = false;
  EXPECT_EQ(pathway(eval(c)), "NET_OBSERVATION");
}
TEST(Pathway, G41_DeclinedQuietIsObservation) {
  json c = net_candidate();
  c["patient_declines_surgery"] = true;
  EXPECT_EQ(pathway(eval(c)), "NET_OBSERVATION");
}
TEST(Pathway, G42_SymptomaticNotResectableIsMedical) {
  json c = net_candidate();
  c["neuroendocrine"]["solitary_or_isolated"] = false;
  c["neuroendocrine"]["symptomatic"] = true;
  EXPECT_EQ(pathway(eval(c)), "NET_MEDICAL_AND_LIVER_DIRECTED");
}
TEST(Pathway, G44_ProgressiveNotResectableIsMedical) {
  json c = net_candidate();
  c["ecog"] = 3;
  c["neuroendocrine"]["progressive"] = true;
  EXPECT_EQ(pathway(eval(c)), "NET_MEDICAL_AND_LIVER_DIRECTED");
}
TEST(Pathway, G43_ResectionBeatsSymptoms) {
  json c = net_candidate();
  c["neuroendocrine"]["symptomatic"] = true;
  c["neuroendocrine"]["progressive"] = true;
  EXPECT_EQ(pathway(eval(c)), "NET_RESECTION");
}
TEST(Pathway, G41_UnknownActivityIsAssessmentIncomplete) {
  json c = net_candidate();
  c["neuroendocrine"]["solitary_or_isolated"] = false;
  c["neuroendocrine"].erase("progressive");
  EXPECT_EQ(pathway(eval(c)), "ASSESSMENT_INCOMPLETE");
}
TEST(Pathway, G43_ResectabilityNotExcludedIsAssessmentIncomplete) {
  json c = net_candidate();
  c["neuroendocrine"].erase("solitary_or_isolated");
  EXPECT_EQ(pathway(eval(c)), "ASSESSMENT_INCOMPLETE");
  json d = net_candidate();
  d.erase("r0_achievable");
  EXPECT_EQ(pathway(eval(d)), "ASSESSMENT_INCOMPLETE");
}

// Warning codes (CONTRACT.md "Warning codes"), each on both sides.
#include "helpers.hpp"

using namespace lmt;

TEST(Warnings, G12_G70_ChemotherapyBeforeSurgicalReview) {
  json c = crc_resectable();
  c["surgical_review_done"] = false;
  c["chemotherapy_status"] = "started";
  EXPECT_TRUE(has_warn(eval(c), "CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW"));
  c.erase("surgical_review_done");
  c["chemotherapy_status"] = "completed";
  EXPECT_TRUE(has_warn(eval(c), "CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW"));
  c["surgical_review_done"] = true;
  EXPECT_FALSE(has_warn(eval(c), "CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW"));
  c["surgical_review_done"] = false;
  c["chemotherapy_status"] = "planned";
  EXPECT_FALSE(has_warn(eval(c), "CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW"));
}
TEST(Warnings, G12_ChemotherapyBeforeReviewOnEveryPrimary) {
  EXPECT_TRUE(has_warn(eval(json{{"primary", "neuroendocrine"}, {"chemotherapy_status", "started"}}),
                       "CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW"));
}
TEST(Warnings, G71_BiopsyOfSuspectedColorectalMetastasis) {
  json c = crc_resectable();
  c["biopsy_planned"] = true;
  EXPECT_TRUE(has_warn(eval(c), "BIOPSY_OF_SUSPECTED_CRLM"));
  c["biopsy_planned"] = false;
  EXPECT_FALSE(has_warn(eval(c), "BIOPSY_OF_SUSPECTED_CRLM"));
  json b = breast_candidate();
  b["biopsy_planned"] = true;
  EXPECT_FALSE(has_warn(eval(b), "BIOPSY_OF_SUSPECTED_CRLM"));
}
TEST(Warnings, G72_RadiologicalResponseIsNotCure) {
  json c = crc_resectable();
  c["complete_radiological_response"] = true;
  EXPECT_TRUE(has_warn(eval(c), "RADIOLOGICAL_RESPONSE_IS_NOT_CURE"));
  c["complete_radiological_response"] = false;
  EXPECT_FALSE(has_warn(eval(c), "RADIOLOGICAL_RESPONSE_IS_NOT_CURE"));
  EXPECT_TRUE(has_warn(eval(json{{"complete_radiological_response", true}}), "RADIOLOGICAL_RESPONSE_IS_NOT_CURE"));
}
TEST(Warnings, G14_G73_RemnantQuality) {
  json c = crc_resectable();
  EXPECT_FALSE(has_warn(eval(c), "REMNANT_QUALITY"));
  c["liver_quality"] = "steatosis_or_chemotherapy_injury";
  EXPECT_TRUE(has_warn(eval(c), "REMNANT_QUALITY"));
  c["liver_quality"] = "cirrhosis";
  EXPECT_TRUE(has_warn(eval(c), "REMNANT_QUALITY"));
  c.erase("liver_quality");
  EXPECT_FALSE(has_warn(eval(c), "REMNANT_QUALITY")) << "an unknown quality alone must not fire it";
  c["chemotherapy_status"] = "started";
  EXPECT_TRUE(has_warn(eval(c), "REMNANT_QUALITY"));
  c["liver_quality"] = "normal";
  c["chemotherapy_status"] = "completed";
  EXPECT_TRUE(has_warn(eval(c), "REMNANT_QUALITY"));
  c["chemotherapy_status"] = "planned";
  EXPECT_FALSE(has_warn(eval(c), "REMNANT_QUALITY"));
}
TEST(Warnings, G10_G74_ExtrahepaticDiseaseNotAbsolute) {
  for (const char* v : {"resectable", "bone_isolated_radiation_controllable", "lung_solitary"}) {
    json c = crc_resectable();
    c["extrahepatic_disease"] = v;
    EXPECT_TRUE(has_warn(eval(c), "EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE")) << v;
    // rev 2: only while the patient is operable (not unfit, not declining).
    c["patient_declines_surgery"] = true;
    EXPECT_FALSE(has_warn(eval(c), "EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE")) << v;
    c["patient_declines_surgery"] = false;
    c["ecog"] = 3;
    EXPECT_FALSE(has_warn(eval(c), "EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE")) << v;
  }
  for (const char* v : {"none", "uncontrolled"}) {
    json c = crc_resectable();
    c["extrahepatic_disease"] = v;
    EXPECT_FALSE(has_warn(eval(c), "EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE")) << v;
  }
}
// rev 2 (D9): from the lower end of G54's "2-3 cm", and while the size is unknown.
TEST(Warnings, G54_AblationLesionSizeFiresAbove2Cm) {
  json c = crc_resectable();
  c["patient_declines_surgery"] = true;  // ABLATION_PRIMARY
  for (double cm : {0.5, 1.96, 2.0}) {
    c["largest_lesion_cm"] = cm;
    const auto r = eval(c);
    EXPECT_EQ(pathway(r), "ABLATION_PRIMARY") << cm;
    EXPECT_FALSE(has_warn(r, "ABLATION_LESION_SIZE")) << cm;
  }
  for (double cm : {2.01, 2.04, 3.0, 3.1, 4.0}) {
    c["largest_lesion_cm"] = cm;
    const auto r = eval(c);
    EXPECT_EQ(pathway(r), "ABLATION_PRIMARY") << cm;
    EXPECT_TRUE(has_warn(r, "ABLATION_LESION_SIZE")) << cm;
    EXPECT_NE(warn_text(r, "ABLATION_LESION_SIZE").find("2-3 cm"), std::string::npos);
  }
}
TEST(Warnings, G54_AblationLesionSizeAsksForAnUnknownSize) {
  json c = crc_unresectable();
  c["bilobar"] = true;  // RESECTION_PLUS_ABLATION
  c.erase("largest_lesion_cm");
  const auto r = eval(c);
  ASSERT_TRUE(has_rec(r, "RESECTION_PLUS_ABLATION"));
  EXPECT_TRUE(has_warn(r, "ABLATION_LESION_SIZE"));
  EXPECT_NE(warn_text(r, "ABLATION_LESION_SIZE").find("not known"), std::string::npos);
}
TEST(Warnings, G54_AblationLesionSizeWithResectionPlusAblation) {
  json c = crc_unresectable();  // 2 lesions: RESECTION_PLUS_ABLATION
  c["largest_lesion_cm"] = 3.1;
  const auto r = eval(c);
  ASSERT_TRUE(has_rec(r, "RESECTION_PLUS_ABLATION"));
  EXPECT_TRUE(has_warn(r, "ABLATION_LESION_SIZE"));
}
TEST(Warnings, G54_NoAblationWarningWithoutAblation) {
  json c = crc_resectable();
  c["largest_lesion_cm"] = 3.5;
  c["perivascular_lesion"] = true;
  const auto r = eval(c);
  EXPECT_FALSE(has_warn(r, "ABLATION_LESION_SIZE"));
  EXPECT_FALSE(has_warn(r, "ABLATION_PERIVASCULAR"));
}
TEST(Warnings, G55_AblationPerivascular) {
  json c = crc_resectable();
  c["patient_declines_surgery"] = true;
  c["perivascular_lesion"] = true;
  EXPECT_TRUE(has_warn(eval(c), "ABLATION_PERIVASCULAR"));
  c["perivascular_lesion"] = false;
  EXPECT_FALSE(has_warn(eval(c), "ABLATION_PERIVASCULAR"));
}
TEST(Warnings, G16_OutsideGuidelineScopeForOtherPrimary) {
  const auto r = eval(json{{"primary", "other"}});
  EXPECT_TRUE(has_warn(r, "OUTSIDE_GUIDELINE_SCOPE"));
  for (const auto& w : r["warnings"]) {
    if (w.value("code", "") == "OUTSIDE_GUIDELINE_SCOPE") {
      EXPECT_FALSE(w["statements"].empty());
    }
  }
}
TEST(Warnings, G25_G27_OutsideGuidelineScopeForDmmrOnEveryPathway) {
  json a = crc_resectable();
  json b = crc_unresectable();
  json c = crc_resectable();
  c["patient_declines_surgery"] = true;
  json d = crc_resectable();
  d.erase("r0_achievable");
  for (json x : {a, b, c, d}) {
    x["colorectal"]["mmr"] = "dmmr_msi_h";
    EXPECT_TRUE(has_warn(eval(x), "OUTSIDE_GUIDELINE_SCOPE")) << pathway(eval(x));
  }
  EXPECT_FALSE(has_warn(eval(crc_resectable()), "OUTSIDE_GUIDELINE_SCOPE"));
  EXPECT_FALSE(has_warn(eval(breast_candidate()), "OUTSIDE_GUIDELINE_SCOPE"));
}
TEST(Warnings, ExactSetOnTheBaseCases) {
  EXPECT_TRUE(warns(eval(crc_resectable())).empty()) << eval(crc_resectable())["warnings"].dump();
  EXPECT_EQ(warns(eval(breast_candidate())), (std::set<std::string>{"REMNANT_QUALITY"}));  // chemotherapy started
  EXPECT_TRUE(warns(eval(net_candidate())).empty());
}

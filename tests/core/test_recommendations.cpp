// Recommendation codes (CONTRACT.md "Recommendation codes"), each rule and its
// strength, through the public JSON API.  Each row of kItems is one case: a
// starting case, one change, one item and its expected strength or absence
// (table.hpp).  Exact sets, texts and several items at once stay TESTs below.
#include "helpers.hpp"
#include "table.hpp"

using namespace lmt;
using S = std::set<std::string>;

namespace {

struct ItemRow {
  const char* name;      // G<nn>_What: the test's name
  json (*base)();        // the starting case (helpers.hpp)
  const char* patch;     // the change, as a JSON merge patch ("" for none)
  const char* code;      // a recommendation code
  const char* strength;  // "do", "consider", "avoid"; "<any>" present with any strength; "<absent>" not given
};
void PrintTo(const ItemRow& row, std::ostream* os) { *os << row.name << " " << row.patch; }

const ItemRow kItems[] = {
    {"G12_ReviewNotDoneChemotherapyNoneAsksReviewBeforeChemotherapy", crc_resectable,
     R"({"surgical_review_done": false, "chemotherapy_status": "none"})", "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "do"},
    {"G12_ReviewNotDoneChemotherapyNoneIsNotUrgent", crc_resectable,
     R"({"surgical_review_done": false, "chemotherapy_status": "none"})", "URGENT_SURGICAL_REVIEW", "<absent>"},
    {"G12_ReviewNotDoneChemotherapyPlannedAsksReviewBeforeChemotherapy", crc_resectable,
     R"({"surgical_review_done": false, "chemotherapy_status": "planned"})", "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "do"},
    {"G12_ReviewNotDoneChemotherapyPlannedIsNotUrgent", crc_resectable,
     R"({"surgical_review_done": false, "chemotherapy_status": "planned"})", "URGENT_SURGICAL_REVIEW", "<absent>"},
    {"G12_ReviewNotDoneChemotherapyUnknownAsksReviewBeforeChemotherapy", crc_resectable,
     R"({"surgical_review_done": false, "chemotherapy_status": null})", "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "do"},
    {"G12_ReviewNotDoneChemotherapyUnknownIsNotUrgent", crc_resectable,
     R"({"surgical_review_done": false, "chemotherapy_status": null})", "URGENT_SURGICAL_REVIEW", "<absent>"},
    {"G12_G70_ReviewUnknownChemotherapyStartedIsUrgent", crc_resectable,
     R"({"surgical_review_done": null, "chemotherapy_status": "started"})", "URGENT_SURGICAL_REVIEW", "do"},
    {"G12_G70_ReviewUnknownChemotherapyStartedIsNotBeforeChemotherapy", crc_resectable,
     R"({"surgical_review_done": null, "chemotherapy_status": "started"})", "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "<absent>"},
    {"G12_G70_ReviewUnknownChemotherapyCompletedIsUrgent", crc_resectable,
     R"({"surgical_review_done": null, "chemotherapy_status": "completed"})", "URGENT_SURGICAL_REVIEW", "do"},
    {"G12_G70_ReviewUnknownChemotherapyCompletedIsNotBeforeChemotherapy", crc_resectable,
     R"({"surgical_review_done": null, "chemotherapy_status": "completed"})", "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "<absent>"},
    {"G12_ReviewDoneNoUrgentReview", crc_resectable,
     R"({"chemotherapy_status": "completed"})", "URGENT_SURGICAL_REVIEW", "<absent>"},
    {"G12_ReviewDoneNoReviewBeforeChemotherapy", crc_resectable,
     R"({"chemotherapy_status": "completed"})", "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "<absent>"},
    {"G21_FolfoxWhileChemotherapyNone", crc_resectable,
     R"({"chemotherapy_status": "none"})", "PERIOPERATIVE_FOLFOX", "<any>"},
    {"G21_NoRestageForResectionWhileChemotherapyNone", crc_resectable,
     R"({"chemotherapy_status": "none"})", "RESTAGE_FOR_RESECTION", "<absent>"},
    {"G21_FolfoxWhileChemotherapyPlanned", crc_resectable,
     R"({"chemotherapy_status": "planned"})", "PERIOPERATIVE_FOLFOX", "<any>"},
    {"G21_NoRestageForResectionWhileChemotherapyPlanned", crc_resectable,
     R"({"chemotherapy_status": "planned"})", "RESTAGE_FOR_RESECTION", "<absent>"},
    {"G21_FolfoxWhileChemotherapyUnknown", crc_resectable,
     R"({"chemotherapy_status": null})", "PERIOPERATIVE_FOLFOX", "<any>"},
    {"G21_NoRestageForResectionWhileChemotherapyUnknown", crc_resectable,
     R"({"chemotherapy_status": null})", "RESTAGE_FOR_RESECTION", "<absent>"},
    {"G26_ConversionRightWildTypeGetsTriplet", crc_unresectable,
     R"({"colorectal": {"sidedness": "right"}})", "TRIPLET_CHEMOTHERAPY", "do"},
    {"G26_ConversionRightWildTypeGetsNoAntiEgfr", crc_unresectable,
     R"({"colorectal": {"sidedness": "right"}})", "DOUBLET_PLUS_ANTI_EGFR", "<absent>"},
    {"G27_ConversionRasMutatedLeftGetsTripletPlusBevacizumab", crc_unresectable,
     R"({"colorectal": {"ras": "mutated", "sidedness": "left"}})", "TRIPLET_PLUS_BEVACIZUMAB", "do"},
    {"G27_ConversionRasMutatedLeftGetsNoAntiEgfr", crc_unresectable,
     R"({"colorectal": {"ras": "mutated", "sidedness": "left"}})", "DOUBLET_PLUS_ANTI_EGFR", "<absent>"},
    {"G27_ConversionRasMutatedLeftGetsNoPlainTriplet", crc_unresectable,
     R"({"colorectal": {"ras": "mutated", "sidedness": "left"}})", "TRIPLET_CHEMOTHERAPY", "<absent>"},
    {"G27_ConversionRasMutatedRightGetsTripletPlusBevacizumab", crc_unresectable,
     R"({"colorectal": {"ras": "mutated", "sidedness": "right"}})", "TRIPLET_PLUS_BEVACIZUMAB", "do"},
    {"G27_ConversionRasMutatedRightGetsNoAntiEgfr", crc_unresectable,
     R"({"colorectal": {"ras": "mutated", "sidedness": "right"}})", "DOUBLET_PLUS_ANTI_EGFR", "<absent>"},
    {"G27_ConversionRasMutatedRightGetsNoPlainTriplet", crc_unresectable,
     R"({"colorectal": {"ras": "mutated", "sidedness": "right"}})", "TRIPLET_CHEMOTHERAPY", "<absent>"},
    {"G25_G27_MmrUnknownGetsMolecularProfiling", crc_unresectable,
     R"({"colorectal": {"mmr": null}})", "MOLECULAR_PROFILING", "do"},
    {"G25_G27_MmrUnknownGetsNoAntiEgfr", crc_unresectable,
     R"({"colorectal": {"mmr": null}})", "DOUBLET_PLUS_ANTI_EGFR", "<absent>"},
    {"G25_G27_MmrUnknownGetsNoTriplet", crc_unresectable,
     R"({"colorectal": {"mmr": null}})", "TRIPLET_CHEMOTHERAPY", "<absent>"},
    {"G25_G27_RasUnknownGetsMolecularProfiling", crc_unresectable,
     R"({"colorectal": {"ras": null}})", "MOLECULAR_PROFILING", "do"},
    {"G25_G27_RasUnknownGetsNoAntiEgfr", crc_unresectable,
     R"({"colorectal": {"ras": null}})", "DOUBLET_PLUS_ANTI_EGFR", "<absent>"},
    {"G25_G27_RasUnknownGetsNoTriplet", crc_unresectable,
     R"({"colorectal": {"ras": null}})", "TRIPLET_CHEMOTHERAPY", "<absent>"},
    {"G25_G27_BrafUnknownGetsMolecularProfiling", crc_unresectable,
     R"({"colorectal": {"braf": null}})", "MOLECULAR_PROFILING", "do"},
    {"G25_G27_BrafUnknownGetsNoAntiEgfr", crc_unresectable,
     R"({"colorectal": {"braf": null}})", "DOUBLET_PLUS_ANTI_EGFR", "<absent>"},
    {"G25_G27_BrafUnknownGetsNoTriplet", crc_unresectable,
     R"({"colorectal": {"braf": null}})", "TRIPLET_CHEMOTHERAPY", "<absent>"},
    {"G25_G27_SidednessUnknownGetsMolecularProfiling", crc_unresectable,
     R"({"colorectal": {"sidedness": null}})", "MOLECULAR_PROFILING", "do"},
    {"G25_G27_SidednessUnknownGetsNoAntiEgfr", crc_unresectable,
     R"({"colorectal": {"sidedness": null}})", "DOUBLET_PLUS_ANTI_EGFR", "<absent>"},
    {"G25_G27_SidednessUnknownGetsNoTriplet", crc_unresectable,
     R"({"colorectal": {"sidedness": null}})", "TRIPLET_CHEMOTHERAPY", "<absent>"},
    {"G29_PortalVeinEmbolizationConsiderWhenR0AlsoUnmet", crc_unresectable,
     R"({"flr_percent": 25})", "PORTAL_VEIN_EMBOLIZATION", "consider"},
    {"G29_NoPortalVeinEmbolizationWhenRemnantMet", crc_unresectable, "", "PORTAL_VEIN_EMBOLIZATION", "<absent>"},
    {"G30_TwoStageHepatectomyForBilobarDisease", crc_unresectable,
     R"({"bilobar": true})", "TWO_STAGE_HEPATECTOMY", "consider"},
    {"G30_G31_ResectionPlusAblationForBilobarDisease", crc_unresectable,
     R"({"bilobar": true})", "RESECTION_PLUS_ABLATION", "consider"},
    {"G30_NoTwoStageHepatectomyWithoutBilobarDisease", crc_unresectable,
     R"({"bilobar": false})", "TWO_STAGE_HEPATECTOMY", "<absent>"},
    {"G31_G49_NoResectionPlusAblationForOneLesion", crc_unresectable,
     R"({"lesion_count": 1})", "RESECTION_PLUS_ABLATION", "<absent>"},
    {"G31_G49_ResectionPlusAblationForTwoLesions", crc_unresectable,
     R"({"lesion_count": 2})", "RESECTION_PLUS_ABLATION", "consider"},
    {"G52_AblationAfterChemotherapyNineLesionsFourCentimetres", crc_unresectable,
     R"({"chemotherapy_status": "started", "lesion_count": 9, "largest_lesion_cm": 4.0})", "ABLATION", "consider"},
    {"G52_NoAblationForTenLesions", crc_unresectable,
     R"({"chemotherapy_status": "started", "lesion_count": 10, "largest_lesion_cm": 4.0})", "ABLATION", "<absent>"},
    {"G52_NoAblationAbove4Centimetres", crc_unresectable,
     R"({"chemotherapy_status": "started", "lesion_count": 9, "largest_lesion_cm": 4.1})", "ABLATION", "<absent>"},
    {"G52_NoAblationBeforeChemotherapy", crc_unresectable,
     R"({"chemotherapy_status": "planned", "lesion_count": 9, "largest_lesion_cm": 4.0})", "ABLATION", "<absent>"},
    {"G52_NoAblationWithExtrahepaticDisease", crc_unresectable,
     R"({"chemotherapy_status": "completed", "lesion_count": 9, "largest_lesion_cm": 4.0, "extrahepatic_disease": "resectable"})", "ABLATION", "<absent>"},
    {"G33_NoAdjunctResectionBeforeSystemicTherapyNone", breast_candidate,
     R"({"chemotherapy_status": "none"})", "ADJUNCT_RESECTION", "<absent>"},
    {"G33_NoAdjunctResectionBeforeSystemicTherapyPlanned", breast_candidate,
     R"({"chemotherapy_status": "planned"})", "ADJUNCT_RESECTION", "<absent>"},
    {"G33_NoAdjunctResectionBeforeSystemicTherapyUnknown", breast_candidate,
     R"({"chemotherapy_status": null})", "ADJUNCT_RESECTION", "<absent>"},
    {"G33_AdjunctResectionAfterSystemicTherapy", breast_candidate,
     R"({"chemotherapy_status": "completed"})", "ADJUNCT_RESECTION", "<any>"},
    {"G36_AdjunctResectionWithSolitaryLung", breast_candidate,
     R"({"extrahepatic_disease": "lung_solitary"})", "ADJUNCT_RESECTION", "<any>"},
    {"G36_AdjunctResectionWithBoneControlledByRadiation", breast_candidate,
     R"({"extrahepatic_disease": "bone_isolated_radiation_controllable"})", "ADJUNCT_RESECTION", "<any>"},
    {"G37_NoAdjunctResectionWhenProgressing", breast_candidate,
     R"({"breast": {"progressing_on_systemic_therapy": true}})", "ADJUNCT_RESECTION", "<absent>"},
    {"G35_NoAdjunctResectionWhenNotOligometastatic", breast_candidate,
     R"({"breast": {"oligometastatic": false}})", "ADJUNCT_RESECTION", "<absent>"},
    {"G35_NoAdjunctResectionWhenOligometastaticUnknown", breast_candidate,
     R"({"breast": {"oligometastatic": null}})", "ADJUNCT_RESECTION", "<absent>"},
    {"G09_NoAdjunctResectionWhenSurgeryDeclined", breast_candidate,
     R"({"patient_declines_surgery": true})", "ADJUNCT_RESECTION", "<absent>"},
    {"G09_NoAdjunctResectionWhenEcog3", breast_candidate,
     R"({"ecog": 3})", "ADJUNCT_RESECTION", "<absent>"},
    {"G42_NetResectionSymptomaticAddsSomatostatinAnalog", net_candidate,
     R"({"neuroendocrine": {"symptomatic": true}})", "SOMATOSTATIN_ANALOG", "do"},
    {"G44_NoEmbolizationUnlessAlsoSymptomatic", net_candidate,
     R"({"neuroendocrine": {"symptomatic": false, "progressive": true, "hypervascular": true, "sstr_positive": false, "solitary_or_isolated": false}})", "EMBOLIZATION", "<absent>"},
    {"G44_NoEmbolizationUnlessAlsoProgressive", net_candidate,
     R"({"neuroendocrine": {"symptomatic": true, "progressive": false, "hypervascular": true, "sstr_positive": false, "solitary_or_isolated": false}})", "EMBOLIZATION", "<absent>"},
    {"G44_NoEmbolizationUnlessAlsoHypervascular", net_candidate,
     R"({"neuroendocrine": {"symptomatic": true, "progressive": true, "hypervascular": false, "sstr_positive": false, "solitary_or_isolated": false}})", "EMBOLIZATION", "<absent>"},
};

class ItemTable : public ::testing::TestWithParam<ItemRow> {};

TEST_P(ItemTable, GivesTheContractsItem) {
  const ItemRow& row = GetParam();
  const auto r = eval(case_of(row));
  if (std::string(row.strength) == "<any>") {
    EXPECT_TRUE(has_rec(r, row.code)) << row.code;
  } else {
    EXPECT_EQ(strength(r, row.code), row.strength) << row.code;
  }
}

INSTANTIATE_TEST_SUITE_P(Recommendations, ItemTable, ::testing::ValuesIn(kItems), row_name<ItemRow>);

}  // namespace


// ---- every valid result ----
TEST(Recommendations, G02_ReferralAlwaysWithTheFiveDisciplines) {
  for (const json& c : {json::object(), crc_resectable(), breast_candidate(), net_candidate(), json{{"primary", "other"}}}) {
    const auto r = eval(c);
    EXPECT_EQ(strength(r, "REFER_HPB_MDT"), "do") << c.dump();
    // G57-G63: the team's five disciplines are named.
    for (const auto& x : r["recommendations"]) {
      if (x.value("code", "") != "REFER_HPB_MDT") continue;
      std::string text = x.value("text", "");
      std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      for (const char* w : {"surg", "oncolog", "interventional radiolog", "radiation oncolog", "patholog"}) {
        EXPECT_NE(text.find(w), std::string::npos) << "referral text does not name " << w << ": " << text;
      }
    }
  }
}
TEST(Recommendations, G12_ReviewItemsOnEveryPrimary) {
  EXPECT_TRUE(has_rec(eval(json::object()), "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY"));
  EXPECT_TRUE(has_rec(eval(json{{"primary", "other"}, {"chemotherapy_status", "started"}}), "URGENT_SURGICAL_REVIEW"));
}
TEST(Recommendations, G71_DoNotBiopsyOnColorectalOnly) {
  EXPECT_EQ(strength(eval(crc_resectable()), "DO_NOT_BIOPSY"), "avoid");
  EXPECT_EQ(strength(eval(json{{"primary", "colorectal"}}), "DO_NOT_BIOPSY"), "avoid");
  for (const json& c : {json::object(), breast_candidate(), net_candidate(), json{{"primary", "other"}}}) {
    EXPECT_FALSE(has_rec(eval(c), "DO_NOT_BIOPSY")) << c.dump();
  }
}

// ---- resection first / neoadjuvant (G20-G22, G13, G15, G65, G66, G70) ----
TEST(Recommendations, G20_G21_ResectionFirstExactSet) {
  const auto r = eval(crc_resectable());
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "DO_NOT_BIOPSY", "RESECTION", "SURVEILLANCE", "PERIOPERATIVE_FOLFOX"}));
  EXPECT_EQ(strength(r, "RESECTION"), "do");
  EXPECT_EQ(strength(r, "SURVEILLANCE"), "do");
  EXPECT_EQ(strength(r, "PERIOPERATIVE_FOLFOX"), "consider");
}
// rev 2: started -> restage during the course (G13, G15, G21); completed ->
// restage for resection (G15, G21, G70).
TEST(Recommendations, G13_G15_G21_RestageDuringReplacesFolfoxOnceChemotherapyStarted) {
  json c = crc_resectable();
  c["chemotherapy_status"] = "started";
  const auto r = eval(c);
  EXPECT_FALSE(has_rec(r, "PERIOPERATIVE_FOLFOX"));
  EXPECT_FALSE(has_rec(r, "RESTAGE_FOR_RESECTION"));
  EXPECT_EQ(strength(r, "RESTAGE_DURING_CHEMOTHERAPY"), "do");
  EXPECT_TRUE(has_rec(r, "RESECTION"));
}
TEST(Recommendations, G15_G21_RestageForResectionOnceChemotherapyCompleted) {
  json c = crc_resectable();
  c["chemotherapy_status"] = "completed";
  const auto r = eval(c);
  EXPECT_FALSE(has_rec(r, "PERIOPERATIVE_FOLFOX"));
  EXPECT_FALSE(has_rec(r, "RESTAGE_DURING_CHEMOTHERAPY"));
  EXPECT_EQ(strength(r, "RESTAGE_FOR_RESECTION"), "do");
  EXPECT_TRUE(has_rec(r, "RESECTION"));
}
// G13, G15: the text during the course says when to bring surgery forward,
// and that otherwise the planned course (3 months, G21) is completed.
TEST(Recommendations, G13_G15_G21_RestageDuringTextBringsSurgeryForwardOrCompletesTheCourse) {
  json c = crc_resectable();
  c["chemotherapy_status"] = "started";
  const json r = eval(c);
  const std::string t = rec_text(r, "RESTAGE_DURING_CHEMOTHERAPY");
  EXPECT_NE(t.find("progresses or lesions begin to disappear"), std::string::npos) << t;
  EXPECT_NE(t.find("bring surgery forward"), std::string::npos) << t;
  EXPECT_NE(t.find("complete the planned course (3 months"), std::string::npos) << t;
  EXPECT_NE(t.find("20%"), std::string::npos) << t;
}
TEST(Recommendations, G21_RestageForResectionTextOffersThePostOperativeHalf) {
  json c = crc_resectable();
  c["chemotherapy_status"] = "completed";
  const std::string t = rec_text(eval(c), "RESTAGE_FOR_RESECTION");
  EXPECT_NE(t.find("post-operative half"), std::string::npos) << t;
  EXPECT_NE(t.find("consider"), std::string::npos) << t;
  EXPECT_EQ(t.find("started"), std::string::npos) << t;
  EXPECT_EQ(t.find("without waiting"), std::string::npos) << t;
}
TEST(Recommendations, G22_NeoadjuvantExactSet) {
  json c = crc_resectable();
  c["lesion_count"] = 6;
  const auto r = eval(c);
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "DO_NOT_BIOPSY", "RESECTION", "SURVEILLANCE", "NEOADJUVANT_CHEMOTHERAPY"}));
  EXPECT_EQ(strength(r, "NEOADJUVANT_CHEMOTHERAPY"), "do");
}
TEST(Recommendations, G13_G15_NeoadjuvantTextSaysMarkLesionsAndRestageEarly) {
  json c = crc_resectable();
  c["lesion_count"] = 6;
  const json r = eval(c);  // keep the result alive through the loop
  for (const auto& x : r["recommendations"]) {
    if (x.value("code", "") != "NEOADJUVANT_CHEMOTHERAPY") continue;
    std::string t = x.value("text", "");
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    EXPECT_NE(t.find("mark"), std::string::npos) << t;
    EXPECT_NE(t.find("restag"), std::string::npos) << t;
  }
}
TEST(Recommendations, G15_RestageReplacesNeoadjuvantOnceChemotherapyStarted) {
  json c = crc_resectable();
  c["lesion_count"] = 6;
  c["chemotherapy_status"] = "started";
  auto r = eval(c);
  EXPECT_FALSE(has_rec(r, "NEOADJUVANT_CHEMOTHERAPY"));
  EXPECT_TRUE(has_rec(r, "RESTAGE_DURING_CHEMOTHERAPY"));
  c["chemotherapy_status"] = "completed";
  r = eval(c);
  EXPECT_FALSE(has_rec(r, "NEOADJUVANT_CHEMOTHERAPY"));
  EXPECT_TRUE(has_rec(r, "RESTAGE_FOR_RESECTION"));
}
TEST(Recommendations, G65_G66_SurveillanceTextMentionsFirstTwoYears) {
  const json r = eval(crc_resectable());
  for (const auto& x : r["recommendations"]) {
    if (x.value("code", "") == "SURVEILLANCE") {
      EXPECT_NE(x.value("text", "").find('2'), std::string::npos);
    }
  }
}

// ---- conversion (G24-G31, G49, G52) ----
TEST(Recommendations, G24_G25_ConversionLeftWildTypeGetsDoubletPlusAntiEgfr) {
  const auto r = eval(crc_unresectable());
  EXPECT_EQ(strength(r, "SYSTEMIC_THEN_REASSESS"), "do");
  EXPECT_EQ(strength(r, "DOUBLET_PLUS_ANTI_EGFR"), "do");
  EXPECT_FALSE(has_rec(r, "TRIPLET_CHEMOTHERAPY"));
  EXPECT_FALSE(has_rec(r, "TRIPLET_PLUS_BEVACIZUMAB"));
  EXPECT_FALSE(has_rec(r, "MOLECULAR_PROFILING"));
  EXPECT_FALSE(has_rec(r, "RESECTION"));
}
TEST(Recommendations, G27_ConversionBrafMutatedGetsTripletPlusBevacizumabEvenWithSideUnknown) {
  json c = crc_unresectable();
  c["colorectal"]["braf"] = "mutated";
  c["colorectal"].erase("sidedness");
  c["colorectal"].erase("ras");
  const auto r = eval(c);
  EXPECT_EQ(strength(r, "TRIPLET_PLUS_BEVACIZUMAB"), "do");
  EXPECT_FALSE(has_rec(r, "MOLECULAR_PROFILING"));
}
TEST(Recommendations, G71_MolecularProfilingIsOnPrimaryTissueNotLiverBiopsy) {
  json c = crc_unresectable();
  c["colorectal"].erase("ras");
  const json r = eval(c);  // keep the result alive through the loop
  for (const auto& x : r["recommendations"]) {
    if (x.value("code", "") != "MOLECULAR_PROFILING") continue;
    std::string t = x.value("text", "");
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    EXPECT_NE(t.find("primary"), std::string::npos) << t;
  }
}
TEST(Recommendations, G25_G27_DmmrGetsNoRegimen) {
  json c = crc_unresectable();
  c["colorectal"]["mmr"] = "dmmr_msi_h";
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_CONVERSION_THERAPY");
  EXPECT_TRUE(has_rec(r, "SYSTEMIC_THEN_REASSESS"));
  for (const char* code : {"DOUBLET_PLUS_ANTI_EGFR", "TRIPLET_CHEMOTHERAPY", "TRIPLET_PLUS_BEVACIZUMAB", "PERIOPERATIVE_FOLFOX"}) {
    EXPECT_FALSE(has_rec(r, code)) << code;
  }
  EXPECT_TRUE(has_warn(r, "OUTSIDE_GUIDELINE_SCOPE"));
}
// rev 2 (D4): G21 carries no MMR restriction; the dMMR/MSI-H warning names
// only the conversion regimens of G25, G26, G27 and never restricts G21.
TEST(Recommendations, G21_DmmrResectableStillGetsFolfox) {
  json c = crc_resectable();
  c["colorectal"]["mmr"] = "dmmr_msi_h";
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_RESECTION_FIRST");
  EXPECT_TRUE(has_rec(r, "RESECTION"));
  EXPECT_EQ(strength(r, "PERIOPERATIVE_FOLFOX"), "consider");
  EXPECT_TRUE(has_warn(r, "OUTSIDE_GUIDELINE_SCOPE"));
  const std::string w = warn_text(r, "OUTSIDE_GUIDELINE_SCOPE");
  EXPECT_NE(w.find("conversion regimens"), std::string::npos) << w;
  EXPECT_EQ(w.find("FOLFOX"), std::string::npos) << w;
  EXPECT_EQ(w.find("colorectal, breast and neuroendocrine"), std::string::npos) << w;
}
TEST(Recommendations, G29_PortalVeinEmbolizationDoWhenRemnantIsTheOnlyUnmetCriterion) {
  json c = crc_resectable();
  c["flr_percent"] = 25;
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_CONVERSION_THERAPY");
  EXPECT_EQ(strength(r, "PORTAL_VEIN_EMBOLIZATION"), "do");
}
TEST(Recommendations, G29_PortalVeinEmbolizationConsiderWhileR0Unknown) {
  // docs/clinical-decisions.md D3: "do" only when every other criterion is met.
  json c = crc_resectable();
  c["flr_percent"] = 25;
  c.erase("r0_achievable");
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_CONVERSION_THERAPY");
  EXPECT_EQ(strength(r, "PORTAL_VEIN_EMBOLIZATION"), "consider");
}
TEST(Recommendations, G29_G30_NoTechniquesWithUncontrolledExtrahepaticDisease) {
  json c = crc_resectable();
  c["flr_percent"] = 25;
  c["bilobar"] = true;
  c["extrahepatic_disease"] = "uncontrolled";
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_CONVERSION_THERAPY");
  for (const char* code : {"PORTAL_VEIN_EMBOLIZATION", "TWO_STAGE_HEPATECTOMY", "RESECTION_PLUS_ABLATION"}) {
    EXPECT_FALSE(has_rec(r, code)) << code;
  }
}

// ---- not operable (G50-G52, G57) ----
TEST(Recommendations, G50_AblationPrimaryExactSet) {
  json c = crc_resectable();
  c["patient_declines_surgery"] = true;
  const auto r = eval(c);
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "DO_NOT_BIOPSY", "ABLATION"}));
  EXPECT_EQ(strength(r, "ABLATION"), "consider");
}
TEST(Recommendations, G57_NonSurgicalMdtExactSet) {
  json c = crc_resectable();
  c["ecog"] = 3;
  c["lesion_count"] = 12;
  const auto r = eval(c);
  EXPECT_EQ(pathway(r), "NON_SURGICAL_MDT");
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "DO_NOT_BIOPSY", "NON_SURGICAL_CARE_MDT"}));
  EXPECT_EQ(strength(r, "NON_SURGICAL_CARE_MDT"), "do");
}
TEST(Recommendations, G67_G68_RepeatResectionExactSet) {
  json c = crc_resectable();
  c["setting"] = "recurrence_after_hepatectomy";
  EXPECT_EQ(recs(eval(c)), (S{"REFER_HPB_MDT", "DO_NOT_BIOPSY", "RESECTION", "SURVEILLANCE"}));
}

// ---- breast (G33-G38) ----
TEST(Recommendations, G33_G38_BreastCandidateOnTherapyExactSet) {
  const auto r = eval(breast_candidate());
  // rev 2: SURVEILLANCE goes with every resection, the adjunct one included (G65, G66).
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "SYSTEMIC_THERAPY", "RECEPTOR_GUIDED_THERAPY", "ADJUNCT_RESECTION",
                        "SURVEILLANCE"}));
  EXPECT_EQ(strength(r, "SURVEILLANCE"), "do");
  EXPECT_EQ(strength(r, "SYSTEMIC_THERAPY"), "do");
  EXPECT_EQ(strength(r, "RECEPTOR_GUIDED_THERAPY"), "do");
  EXPECT_EQ(strength(r, "ADJUNCT_RESECTION"), "consider");
}
TEST(Recommendations, G38_ReceptorTestingWhenEitherReceptorUnknown) {
  for (const char* field : {"hormone_receptor", "her2"}) {
    json c = breast_candidate();
    c["breast"].erase(field);
    const auto r = eval(c);
    EXPECT_EQ(strength(r, "RECEPTOR_TESTING"), "do") << field;
    EXPECT_FALSE(has_rec(r, "RECEPTOR_GUIDED_THERAPY")) << field;
  }
}

// ---- neuroendocrine (G41-G45) ----
TEST(Recommendations, G43_NetResectionExactSet) {
  const auto r = eval(net_candidate());
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "RESECTION", "SURVEILLANCE"}));
}
TEST(Recommendations, G42_G44_G45_MedicalAllItems) {
  json c = net_candidate();
  c["neuroendocrine"] = {{"symptomatic", true}, {"progressive", true}, {"hypervascular", true},
                         {"sstr_positive", true}, {"solitary_or_isolated", false}};
  const auto r = eval(c);
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "SOMATOSTATIN_ANALOG", "EMBOLIZATION", "PRRT"}));
  EXPECT_EQ(strength(r, "EMBOLIZATION"), "consider");
  EXPECT_EQ(strength(r, "PRRT"), "consider");
}
TEST(Recommendations, G45_PrrtOnlyWhenSstrPositive) {
  json c = net_candidate();
  c["neuroendocrine"] = {{"progressive", true}, {"sstr_positive", false}, {"solitary_or_isolated", false}};
  EXPECT_EQ(pathway(eval(c)), "NET_MEDICAL_AND_LIVER_DIRECTED");
  EXPECT_FALSE(has_rec(eval(c), "PRRT"));
  EXPECT_FALSE(has_rec(eval(c), "SOMATOSTATIN_ANALOG"));
  c["neuroendocrine"]["sstr_positive"] = true;
  EXPECT_TRUE(has_rec(eval(c), "PRRT"));
}
TEST(Recommendations, G41_ObservationExactSet) {
  json c = net_candidate();
  c["neuroendocrine"]["solitary_or_isolated"] = false;
  const auto r = eval(c);
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "OBSERVATION"}));
  EXPECT_EQ(strength(r, "OBSERVATION"), "consider");
}

// ---- every item carries its basis ----
TEST(Recommendations, G02_EveryItemHasTextStatementsAndCitations) {
  json a = crc_unresectable();
  a["bilobar"] = true;
  a["flr_percent"] = 20;
  a["chemotherapy_status"] = "started";
  a["surgical_review_done"] = false;
  for (const json& c : {a, crc_resectable(), breast_candidate(), net_candidate(), json{{"primary", "other"}}}) {
    const auto r = eval(c);
    for (const char* key : {"recommendations", "warnings"}) {
      for (const auto& x : r[key]) {
        EXPECT_FALSE(x.value("text", "").empty()) << x.dump();
        ASSERT_TRUE(x.contains("statements") && x["statements"].is_array() && !x["statements"].empty()) << x.dump();
        ASSERT_TRUE(x.contains("citations") && x["citations"].is_array() && !x["citations"].empty()) << x.dump();
        for (const auto& s : x["statements"]) {
          const std::string id = s.get<std::string>();
          ASSERT_EQ(id.size(), 3u) << id;
          EXPECT_EQ(id[0], 'G');
          const int line = std::stoi(id.substr(1));
          EXPECT_TRUE(line >= 2 && line <= 74) << id;
        }
        for (const auto& n : x["citations"]) EXPECT_TRUE(n.get<int>() >= 1 && n.get<int>() <= 8) << x.dump();
      }
    }
  }
}

// Recommendation codes (CONTRACT.md "Recommendation codes"), each rule and its
// strength, through the public JSON API.
#include "helpers.hpp"

using namespace lmt;
using S = std::set<std::string>;

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
TEST(Recommendations, G12_SurgicalReviewBeforeChemotherapyWhenNotDone) {
  for (const json& status : {json("none"), json("planned"), json(nullptr)}) {
    json c = crc_resectable();
    c["surgical_review_done"] = false;
    c["chemotherapy_status"] = status;
    const auto r = eval(c);
    EXPECT_EQ(strength(r, "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY"), "do") << status;
    EXPECT_FALSE(has_rec(r, "URGENT_SURGICAL_REVIEW"));
  }
}
TEST(Recommendations, G12_G70_UrgentSurgicalReviewWhenChemotherapyStarted) {
  for (const char* status : {"started", "completed"}) {
    json c = crc_resectable();
    c.erase("surgical_review_done");
    c["chemotherapy_status"] = status;
    const auto r = eval(c);
    EXPECT_EQ(strength(r, "URGENT_SURGICAL_REVIEW"), "do") << status;
    EXPECT_FALSE(has_rec(r, "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY"));
  }
}
TEST(Recommendations, G12_NoReviewItemOnceReviewDone) {
  json c = crc_resectable();
  c["chemotherapy_status"] = "completed";
  const auto r = eval(c);
  EXPECT_FALSE(has_rec(r, "URGENT_SURGICAL_REVIEW"));
  EXPECT_FALSE(has_rec(r, "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY"));
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
TEST(Recommendations, G21_FolfoxWhileChemotherapyNoneOrPlannedOrUnknown) {
  for (const json& status : {json("none"), json("planned"), json(nullptr)}) {
    json c = crc_resectable();
    c["chemotherapy_status"] = status;
    const auto r = eval(c);
    EXPECT_TRUE(has_rec(r, "PERIOPERATIVE_FOLFOX")) << status;
    EXPECT_FALSE(has_rec(r, "RESTAGE_FOR_RESECTION")) << status;
  }
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
TEST(Recommendations, G26_ConversionRightWildTypeGetsTriplet) {
  json c = crc_unresectable();
  c["colorectal"]["sidedness"] = "right";
  const auto r = eval(c);
  EXPECT_EQ(strength(r, "TRIPLET_CHEMOTHERAPY"), "do");
  EXPECT_FALSE(has_rec(r, "DOUBLET_PLUS_ANTI_EGFR"));
}
TEST(Recommendations, G27_ConversionRasMutatedGetsTripletPlusBevacizumab) {
  for (const char* side : {"left", "right"}) {
    json c = crc_unresectable();
    c["colorectal"]["ras"] = "mutated";
    c["colorectal"]["sidedness"] = side;
    const auto r = eval(c);
    EXPECT_EQ(strength(r, "TRIPLET_PLUS_BEVACIZUMAB"), "do") << side;
    EXPECT_FALSE(has_rec(r, "DOUBLET_PLUS_ANTI_EGFR")) << side;
    EXPECT_FALSE(has_rec(r, "TRIPLET_CHEMOTHERAPY")) << side;
  }
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
TEST(Recommendations, G25_G27_UnknownMarkersGetMolecularProfilingAndNoRegimen) {
  for (const char* field : {"mmr", "ras", "braf", "sidedness"}) {
    json c = crc_unresectable();
    c["colorectal"].erase(field);
    const auto r = eval(c);
    EXPECT_EQ(strength(r, "MOLECULAR_PROFILING"), "do") << field;
    EXPECT_FALSE(has_rec(r, "DOUBLET_PLUS_ANTI_EGFR")) << field;
    EXPECT_FALSE(has_rec(r, "TRIPLET_CHEMOTHERAPY")) << field;
  }
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
TEST(Recommendations, G29_PortalVeinEmbolizationConsiderWhenR0AlsoUnmet) {
  json c = crc_unresectable();
  c["flr_percent"] = 25;
  EXPECT_EQ(strength(eval(c), "PORTAL_VEIN_EMBOLIZATION"), "consider");
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
TEST(Recommendations, G29_NoPortalVeinEmbolizationWhenRemnantMet) {
  EXPECT_FALSE(has_rec(eval(crc_unresectable()), "PORTAL_VEIN_EMBOLIZATION"));
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
TEST(Recommendations, G30_TwoStageHepatectomyForBilobarDisease) {
  json c = crc_unresectable();
  c["bilobar"] = true;
  const auto r = eval(c);
  EXPECT_EQ(strength(r, "TWO_STAGE_HEPATECTOMY"), "consider");
  EXPECT_EQ(strength(r, "RESECTION_PLUS_ABLATION"), "consider");
  c["bilobar"] = false;
  EXPECT_FALSE(has_rec(eval(c), "TWO_STAGE_HEPATECTOMY"));
}
TEST(Recommendations, G31_G49_ResectionPlusAblationForMoreThanOneLesion) {
  json c = crc_unresectable();
  c["lesion_count"] = 1;
  EXPECT_FALSE(has_rec(eval(c), "RESECTION_PLUS_ABLATION"));
  c["lesion_count"] = 2;
  EXPECT_EQ(strength(eval(c), "RESECTION_PLUS_ABLATION"), "consider");
}
TEST(Recommendations, G52_AblationAfterChemotherapyForUnresectableDisease) {
  json c = crc_unresectable();
  c["chemotherapy_status"] = "started";
  c["lesion_count"] = 9;
  c["largest_lesion_cm"] = 4.0;
  EXPECT_EQ(strength(eval(c), "ABLATION"), "consider");
  c["lesion_count"] = 10;
  EXPECT_FALSE(has_rec(eval(c), "ABLATION"));
  c["lesion_count"] = 9;
  c["largest_lesion_cm"] = 4.1;
  EXPECT_FALSE(has_rec(eval(c), "ABLATION"));
  c["largest_lesion_cm"] = 4.0;
  c["chemotherapy_status"] = "planned";
  EXPECT_FALSE(has_rec(eval(c), "ABLATION"));
  c["chemotherapy_status"] = "completed";
  c["extrahepatic_disease"] = "resectable";
  EXPECT_FALSE(has_rec(eval(c), "ABLATION"));
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
TEST(Recommendations, G33_NoAdjunctResectionBeforeSystemicTherapy) {
  for (const json& status : {json("none"), json("planned"), json(nullptr)}) {
    json c = breast_candidate();
    c["chemotherapy_status"] = status;
    EXPECT_FALSE(has_rec(eval(c), "ADJUNCT_RESECTION")) << status;
  }
  json c = breast_candidate();
  c["chemotherapy_status"] = "completed";
  EXPECT_TRUE(has_rec(eval(c), "ADJUNCT_RESECTION"));
}
TEST(Recommendations, G36_AdjunctResectionWithSolitaryLungOrBone) {
  for (const char* v : {"lung_solitary", "bone_isolated_radiation_controllable"}) {
    json c = breast_candidate();
    c["extrahepatic_disease"] = v;
    EXPECT_TRUE(has_rec(eval(c), "ADJUNCT_RESECTION")) << v;
  }
}
TEST(Recommendations, G35_G37_NoAdjunctResectionWhenBreastCriterionFails) {
  json c = breast_candidate();
  c["breast"]["progressing_on_systemic_therapy"] = true;
  EXPECT_FALSE(has_rec(eval(c), "ADJUNCT_RESECTION"));
  c = breast_candidate();
  c["breast"]["oligometastatic"] = false;
  EXPECT_FALSE(has_rec(eval(c), "ADJUNCT_RESECTION"));
  c = breast_candidate();
  c["breast"].erase("oligometastatic");
  EXPECT_FALSE(has_rec(eval(c), "ADJUNCT_RESECTION"));
}
TEST(Recommendations, G09_NoAdjunctResectionWhenNotOperable) {
  json c = breast_candidate();
  c["patient_declines_surgery"] = true;
  EXPECT_FALSE(has_rec(eval(c), "ADJUNCT_RESECTION"));
  c = breast_candidate();
  c["ecog"] = 3;
  EXPECT_FALSE(has_rec(eval(c), "ADJUNCT_RESECTION"));
}

// ---- neuroendocrine (G41-G45) ----
TEST(Recommendations, G43_NetResectionExactSet) {
  const auto r = eval(net_candidate());
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "RESECTION", "SURVEILLANCE"}));
}
TEST(Recommendations, G42_NetResectionSymptomaticAddsSomatostatinAnalog) {
  json c = net_candidate();
  c["neuroendocrine"]["symptomatic"] = true;
  EXPECT_EQ(strength(eval(c), "SOMATOSTATIN_ANALOG"), "do");
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
TEST(Recommendations, G44_EmbolizationNeedsProgressiveSymptomaticAndVascular) {
  json base = net_candidate();
  base["neuroendocrine"] = {{"symptomatic", true}, {"progressive", true}, {"hypervascular", true},
                            {"sstr_positive", false}, {"solitary_or_isolated", false}};
  for (const char* f : {"symptomatic", "progressive", "hypervascular"}) {
    json c = base;
    c["neuroendocrine"][f] = false;
    const auto r = eval(c);
    EXPECT_FALSE(has_rec(r, "EMBOLIZATION")) << f;
  }
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

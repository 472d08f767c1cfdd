// Candidacy criteria (CONTRACT.md "Candidacy criteria"; G06-G10, G34-G37, G73, G74),
// every cut-point on both sides, through the public JSON API.  Each row of
// kCriteria is one case: a starting case, one change, the expected status of
// one criterion and, where given, of the overall candidacy (table.hpp).
// Cases that check more (reasons, missing, counts) stay TESTs below.
#include "helpers.hpp"
#include "table.hpp"

using namespace lmt;

namespace {

json with(json c, const std::string& key, const json& v) {
  c[key] = v;
  return c;
}

struct CriterionRow {
  const char* name;       // G<nn>_What: the test's name
  json (*base)();         // the starting case (helpers.hpp)
  const char* patch;      // the change, as a JSON merge patch ("" for none)
  const char* criterion;  // the criterion's code
  const char* status;     // its expected status
  const char* overall;    // the expected overall candidacy, or "" when the row does not check it
};
void PrintTo(const CriterionRow& row, std::ostream* os) { *os << row.name << " " << row.patch; }

const CriterionRow kCriteria[] = {
    // ---- R0 (G07) ----
    {"G07_R0TrueIsMet", crc_resectable, "", "R0", "met", ""},
    {"G07_R0FalseIsNotMet", crc_unresectable, "", "R0", "not_met", "not_met"},
    {"G07_R0UnknownIsUnknown", crc_resectable, R"({"r0_achievable": null})", "R0", "unknown", "undetermined"},

    // ---- REMNANT (G08, G73): 30 %, 40 % in cirrhosis, at least 2 segments ----
    {"G08_Remnant29_9IsNotMet", crc_resectable, R"({"flr_percent": 29.9})", "REMNANT", "not_met", ""},
    {"G08_Remnant30IsMet", crc_resectable, R"({"flr_percent": 30})", "REMNANT", "met", ""},
    {"G08_Remnant30_0IsMet", crc_resectable, R"({"flr_percent": 30.0})", "REMNANT", "met", ""},
    {"G08_Remnant39_9IsMetOnNormalLiver", crc_resectable, R"({"flr_percent": 39.9})", "REMNANT", "met", ""},
    {"G73_Remnant39_9IsNotMetInCirrhosis", crc_resectable, R"({"flr_percent": 39.9, "liver_quality": "cirrhosis"})",
     "REMNANT", "not_met", ""},
    {"G73_Remnant40IsMetInCirrhosis", crc_resectable, R"({"flr_percent": 40, "liver_quality": "cirrhosis"})", "REMNANT",
     "met", ""},
    {"G73_Remnant30IsNotMetInCirrhosis", crc_resectable, R"({"flr_percent": 30, "liver_quality": "cirrhosis"})", "REMNANT",
     "not_met", ""},
    {"G73_SteatosisKeeps30PercentThreshold", crc_resectable,
     R"({"flr_percent": 30, "liver_quality": "steatosis_or_chemotherapy_injury"})", "REMNANT", "met", ""},
    // quality unknown (docs/clinical-decisions.md D2): 40 % satisfies either threshold, below 30 % neither
    {"G73_Remnant40WithQualityUnknownIsMet", crc_resectable, R"({"flr_percent": 40, "liver_quality": null})", "REMNANT",
     "met", ""},
    {"G08_Remnant29_9WithQualityUnknownIsNotMet", crc_resectable, R"({"flr_percent": 29.9, "liver_quality": null})",
     "REMNANT", "not_met", ""},
    {"G08_Remnant0IsNotMet", crc_resectable, R"({"flr_percent": 0})", "REMNANT", "not_met", ""},
    {"G08_Remnant100IsMet", crc_resectable, R"({"flr_percent": 100})", "REMNANT", "met", ""},
    {"G08_OneSegmentIsNotMetWhateverThePercentage", crc_resectable, R"({"remnant_segments": 1, "flr_percent": 60})",
     "REMNANT", "not_met", ""},
    {"G08_NoSegmentIsNotMetWhateverThePercentage", crc_resectable, R"({"remnant_segments": 0, "flr_percent": 60})",
     "REMNANT", "not_met", ""},
    {"G08_TwoSegmentsWithAdequatePercentageIsMet", crc_resectable, R"({"remnant_segments": 2})", "REMNANT", "met", ""},
    {"G08_SegmentsUnknownWithAdequatePercentageIsMet", crc_resectable, R"({"remnant_segments": null})", "REMNANT", "met",
     ""},
    {"G08_PercentageUnknownWithTwoSegmentsIsUnknown", crc_resectable, R"({"flr_percent": null, "remnant_segments": 2})",
     "REMNANT", "unknown", ""},
    {"G08_PercentageUnknownWithOneSegmentIsNotMet", crc_resectable, R"({"flr_percent": null, "remnant_segments": 1})",
     "REMNANT", "not_met", ""},
    // 170 cm, 70 kg: BSA sqrt(170*70/3600) = 1.8181 m2; SLV = -794.41 + 1267.28*1.8181 = 1509.7 ml.
    // 450 ml / 1509.7 ml = 29.8 % -> not met; 460 ml = 30.5 % -> met.
    {"G08_Volumetry29_8PercentIsNotMet", crc_resectable,
     R"({"flr_percent": null, "height_cm": 170, "weight_kg": 70, "flr_volume_ml": 450})", "REMNANT", "not_met", ""},
    {"G08_Volumetry30_5PercentIsMet", crc_resectable,
     R"({"flr_percent": null, "height_cm": 170, "weight_kg": 70, "flr_volume_ml": 460})", "REMNANT", "met", ""},

    // ---- FITNESS (G09): ECOG 0-2 with acceptable risk ----
    {"G09_Ecog0WithAcceptableRiskIsMet", crc_resectable, R"({"ecog": 0})", "FITNESS", "met", ""},
    {"G09_Ecog1WithAcceptableRiskIsMet", crc_resectable, R"({"ecog": 1})", "FITNESS", "met", ""},
    {"G09_Ecog2WithAcceptableRiskIsMet", crc_resectable, R"({"ecog": 2})", "FITNESS", "met", ""},
    {"G09_Ecog3IsNotMet", crc_resectable, R"({"ecog": 3})", "FITNESS", "not_met", "not_met"},
    {"G09_Ecog4IsNotMet", crc_resectable, R"({"ecog": 4})", "FITNESS", "not_met", "not_met"},
    {"G09_Ecog2WithRiskNotAcceptableIsNotMet", crc_resectable, R"({"ecog": 2, "operative_risk_acceptable": false})",
     "FITNESS", "not_met", ""},
    {"G09_Ecog2WithRiskUnknownIsUnknown", crc_resectable, R"({"ecog": 2, "operative_risk_acceptable": null})", "FITNESS",
     "unknown", ""},
    {"G09_EcogUnknownWithAcceptableRiskIsUnknown", crc_resectable, R"({"ecog": null})", "FITNESS", "unknown", ""},
    {"G09_RiskNotAcceptableWithEcogUnknownIsNotMet", crc_resectable, R"({"ecog": null, "operative_risk_acceptable": false})",
     "FITNESS", "not_met", ""},

    // ---- EXTRAHEPATIC (G10, G36, G74) ----
    {"G10_G74_NoExtrahepaticDiseaseIsMet", crc_resectable, R"({"extrahepatic_disease": "none"})", "EXTRAHEPATIC", "met", ""},
    {"G10_G74_ResectableExtrahepaticDiseaseIsMet", crc_resectable, R"({"extrahepatic_disease": "resectable"})",
     "EXTRAHEPATIC", "met", ""},
    // rev 2 (D8): G10 and G36 accept these two in breast cancer only
    {"G10_G36_BreastBoneControlledByRadiationIsMet", breast_candidate,
     R"({"extrahepatic_disease": "bone_isolated_radiation_controllable"})", "EXTRAHEPATIC", "met", ""},
    {"G10_G36_BreastSolitaryLungIsMet", breast_candidate, R"({"extrahepatic_disease": "lung_solitary"})", "EXTRAHEPATIC",
     "met", ""},
    {"G10_UncontrolledExtrahepaticDiseaseIsNotMet", crc_resectable, R"({"extrahepatic_disease": "uncontrolled"})",
     "EXTRAHEPATIC", "not_met", ""},
    {"G10_UnknownExtrahepaticDiseaseIsUnknown", crc_resectable, R"({"extrahepatic_disease": null})", "EXTRAHEPATIC",
     "unknown", ""},

    // ---- Breast criteria (G34-G37) ----
    {"G35_BreastNotOligometastaticIsNotMet", breast_candidate, R"({"breast": {"oligometastatic": false}})",
     "BREAST_OLIGOMETASTATIC", "not_met", "not_met"},
    {"G37_BreastProgressingIsNotMet", breast_candidate, R"({"breast": {"progressing_on_systemic_therapy": true}})",
     "BREAST_NOT_PROGRESSING", "not_met", "not_met"},
    {"G35_BreastOligometastaticUnknownIsUnknown", breast_candidate, R"({"breast": null})", "BREAST_OLIGOMETASTATIC",
     "unknown", "undetermined"},
    {"G37_BreastProgressionUnknownIsUnknown", breast_candidate, R"({"breast": null})", "BREAST_NOT_PROGRESSING", "unknown",
     "undetermined"},
};

class CriterionTable : public ::testing::TestWithParam<CriterionRow> {};

TEST_P(CriterionTable, GivesTheContractsStatus) {
  const CriterionRow& row = GetParam();
  const auto r = eval(case_of(row));
  EXPECT_EQ(criterion(r, row.criterion), row.status);
  if (row.overall[0] != '\0') {
    EXPECT_EQ(overall(r), row.overall);
  }
}

INSTANTIATE_TEST_SUITE_P(Candidacy, CriterionTable, ::testing::ValuesIn(kCriteria), row_name<CriterionRow>);

}  // namespace

// ---- cases that check more than one status ----
TEST(Candidacy, G07_R0NullIsUnknown) {
  const auto r = eval(with(crc_resectable(), "r0_achievable", nullptr));
  EXPECT_EQ(r.value("status", ""), "ok");
  EXPECT_EQ(criterion(r, "R0"), "unknown");
}

// Quality unknown (docs/clinical-decisions.md D2): between 30 and 40 % the threshold itself is
// unknown, so REMNANT is unknown and liver_quality goes to `missing`.
TEST(Candidacy, G73_Remnant39_9WithQualityUnknownIsUnknown) {
  json c = with(crc_resectable(), "flr_percent", 39.9);
  c.erase("liver_quality");
  const auto r = eval(c);
  EXPECT_EQ(criterion(r, "REMNANT"), "unknown");
  const auto m = missing(r);
  EXPECT_NE(std::find(m.begin(), m.end(), "liver_quality"), m.end());
}

TEST(Candidacy, G09_Ecog2WithAcceptableRiskIsMetAsBorderline) {
  const auto r = eval(with(crc_resectable(), "ecog", 2));
  const json k = criterion_of(r, "FITNESS");
  ASSERT_TRUE(k.is_object());
  EXPECT_EQ(k.value("status", ""), "met");
  // The contract's reason for ECOG 2: borderline, accepted on the judgement that operative risk is acceptable.
  const std::string reason = k.value("reason", "");
  EXPECT_NE(reason.find("borderline"), std::string::npos) << reason;
  EXPECT_NE(reason.find("operative risk"), std::string::npos) << reason;
}

// rev 2 (D8): G10 and G36 accept the solitary lung metastasis and radiation-
// controlled bone disease in breast cancer only.
TEST(Candidacy, G10_G74_BreastExceptionsAreUnknownForOtherPrimaries) {
  for (const char* primary : {"colorectal", "neuroendocrine", "other"}) {
    for (const char* v : {"bone_isolated_radiation_controllable", "lung_solitary"}) {
      json c = with(crc_resectable(), "extrahepatic_disease", v);
      c["primary"] = primary;
      c.erase("colorectal");  // a block only goes with its own primary
      const auto r = eval(c);
      EXPECT_EQ(criterion(r, "EXTRAHEPATIC"), "unknown") << primary << " " << v;
      // The reason says why, and what to answer.
      std::string reason;
      for (const auto& k : r["candidacy"]["criteria"]) {
        if (k["code"] == "EXTRAHEPATIC") reason = k["reason"].get<std::string>();
      }
      EXPECT_NE(reason.find("breast cancer only"), std::string::npos) << reason;
      EXPECT_NE(reason.find("R0 resection"), std::string::npos) << reason;
    }
  }
}

TEST(Candidacy, G35_G37_BreastHasSixCriteria) {
  const auto r = eval(breast_candidate());
  ASSERT_TRUE(r["candidacy"]["criteria"].is_array());
  EXPECT_EQ(r["candidacy"]["criteria"].size(), 6u);
  EXPECT_EQ(criterion(r, "BREAST_OLIGOMETASTATIC"), "met");
  EXPECT_EQ(criterion(r, "BREAST_NOT_PROGRESSING"), "met");
  EXPECT_EQ(overall(r), "met");
}

TEST(Candidacy, G06_OtherPrimariesHaveFourCriteria) {
  EXPECT_EQ(eval(crc_resectable())["candidacy"]["criteria"].size(), 4u);
  EXPECT_EQ(eval(net_candidate())["candidacy"]["criteria"].size(), 4u);
  EXPECT_EQ(eval(json{{"primary", "other"}})["candidacy"]["criteria"].size(), 4u);
}

TEST(Candidacy, G06_AllMetIsMet) { EXPECT_EQ(overall(eval(crc_resectable())), "met"); }

TEST(Candidacy, G06_NotMetBeatsUnknown) {
  json c = crc_unresectable();
  c.erase("ecog");
  c.erase("extrahepatic_disease");
  EXPECT_EQ(overall(eval(c)), "not_met");
}

TEST(Candidacy, G06_EmptyCaseIsUndetermined) { EXPECT_EQ(overall(eval(json::object())), "undetermined"); }

TEST(Candidacy, G06_EveryCriterionNamesItsBasis) {
  const auto r = eval(breast_candidate());
  for (const auto& k : r["candidacy"]["criteria"]) {
    EXPECT_FALSE(k.value("reason", "").empty()) << k.dump();
    EXPECT_TRUE(k.contains("statements") && k["statements"].is_array() && !k["statements"].empty()) << k.dump();
    EXPECT_TRUE(k.contains("citations") && k["citations"].is_array() && !k["citations"].empty()) << k.dump();
  }
}

// A second independent reading of the guideline against the core's output
// (stop 18): each test is one place where a text, a statement list or a
// contradiction said more, or less, than the guideline's words for the answers
// entered.  Expectations are written from the statements named in each test.
#include <gtest/gtest.h>

#include <string>

#include "helpers.hpp"
#include "livermets/livermets.hpp"

using namespace lmt;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::set<std::string> item_statements(const json& r, const char* key, const std::string& code) {
  std::set<std::string> out;
  for (const auto& x : r[key]) {
    if (x.value("code", "") == code) {
      for (const auto& s : x["statements"]) out.insert(s.get<std::string>());
    }
  }
  return out;
}

json resection_first_factors_unknown() {
  json c = crc_resectable();
  c.erase("lesion_count");
  c.erase("presentation");
  c["colorectal"].erase("node_positive_primary");
  c["colorectal"].erase("tumor_markers_elevated");
  c["colorectal"].erase("disease_free_interval_months");  // else it implies the presentation
  return c;
}

}  // namespace

// G20, G22: resection first while the poor prognostic factors are unknown says
// that the order depends on them (D24); a resection cannot be undone.
TEST(SecondReading, G20_G22_ResectionFirstNamesThePoorFactorsStillUnknown) {
  const json r = eval(resection_first_factors_unknown());
  ASSERT_EQ(pathway(r), "CRC_RESECTION_FIRST");
  for (const std::string& text : {rec_text(r, "RESECTION"), r["pathway"].value("summary", "")}) {
    EXPECT_TRUE(contains(text, "Not yet known")) << text;
    EXPECT_TRUE(contains(text, "number of metastases")) << text;
    EXPECT_TRUE(contains(text, "presentation")) << text;
    EXPECT_TRUE(contains(text, "nodal status")) << text;
    EXPECT_TRUE(contains(text, "tumour markers")) << text;
    EXPECT_TRUE(contains(text, "neoadjuvant chemotherapy comes first")) << text;
  }
  EXPECT_EQ(item_statements(r, "recommendations", "RESECTION"), (std::set<std::string>{"G04", "G20", "G22"}));
  // all four known absent: no condition
  const json known = eval(crc_resectable());
  EXPECT_FALSE(contains(rec_text(known, "RESECTION"), "Not yet known")) << rec_text(known, "RESECTION");
  // one unknown: only that one is named
  json one = crc_resectable();
  one["colorectal"].erase("node_positive_primary");
  const std::string t = rec_text(eval(one), "RESECTION");
  EXPECT_TRUE(contains(t, "Not yet known: the nodal status of the primary.")) << t;
  EXPECT_FALSE(contains(t, "number of metastases")) << t;
  // an interval above 0 months allows only a metachronous presentation (not a factor)
  json interval = crc_resectable();
  interval.erase("presentation");
  interval["colorectal"]["disease_free_interval_months"] = 24;
  EXPECT_FALSE(contains(rec_text(eval(interval), "RESECTION"), "Not yet known")) << rec_text(eval(interval), "RESECTION");
  interval["colorectal"]["disease_free_interval_months"] = 0;
  EXPECT_TRUE(contains(rec_text(eval(interval), "RESECTION"), "presentation")) << rec_text(eval(interval), "RESECTION");
}

// G35, G36: with nothing outside the liver the disease is liver-limited, so
// "neither liver-limited nor oligometastatic" contradicts it; evaluated as
// entered (the safe side: no adjunct resection) and flagged.
TEST(SecondReading, G35_G36_NoDiseaseOutsideTheLiverYetNotLiverLimitedIsFlagged) {
  json c = breast_candidate();
  c["breast"]["oligometastatic"] = false;
  const json r = eval(c);
  EXPECT_TRUE(has_warn(r, "CHECK_ANSWERS"));
  EXPECT_TRUE(contains(warn_text(r, "CHECK_ANSWERS"), "liver-limited")) << warn_text(r, "CHECK_ANSWERS");
  EXPECT_EQ(criterion(r, "BREAST_OLIGOMETASTATIC"), "not_met");
  EXPECT_FALSE(has_rec(r, "ADJUNCT_RESECTION"));
  c["extrahepatic_disease"] = "uncontrolled";  // consistent: disease outside the liver
  c["r0_achievable"] = false;
  EXPECT_FALSE(has_warn(eval(c), "CHECK_ANSWERS"));
}

// G08 (D5): the remnant is compared unrounded; the questionnaire says so.
TEST(SecondReading, G08_QuestionnaireSaysTheRemnantIsComparedUnrounded) {
  const json q = json::parse(livermets::questionnaire_json());
  bool found = false;
  for (const auto& f : q["derived"]) {
    if (f.value("id", "") != "flr_percent") continue;
    found = true;
    const std::string formula = f.value("formula", "");
    EXPECT_FALSE(contains(formula, "rounded figure is the one used")) << formula;
    EXPECT_TRUE(contains(formula, "unrounded")) << formula;
  }
  EXPECT_TRUE(found);
}

// G31, G49: combined resection and ablation "when resection alone cannot
// eliminate all metastases": with R0 by resection alone achievable, the text
// does not say resection alone cannot clear the disease.
TEST(SecondReading, G31_G49_ResectionPlusAblationTextFollowsTheR0Answer) {
  json c = crc_resectable();
  c["flr_percent"] = 25;  // the remnant is the obstacle
  c["bilobar"] = true;
  const json r = eval(c);
  ASSERT_EQ(pathway(r), "CRC_CONVERSION_THERAPY");
  const std::string t = rec_text(r, "RESECTION_PLUS_ABLATION");
  EXPECT_FALSE(contains(t, "that resection alone cannot clear")) << t;
  EXPECT_TRUE(contains(t, "enough liver")) << t;
  c["r0_achievable"] = false;
  EXPECT_TRUE(contains(rec_text(eval(c), "RESECTION_PLUS_ABLATION"), "that resection alone cannot clear"));
}

// G30: two-stage hepatectomy is for *extensive* bilobar disease; bilobar alone
// does not make it extensive, so the text states the condition.
TEST(SecondReading, G30_TwoStageHepatectomyStatesExtensiveAsTheCondition) {
  json c = crc_unresectable();
  c["bilobar"] = true;
  const std::string t = rec_text(eval(c), "TWO_STAGE_HEPATECTOMY");
  EXPECT_TRUE(contains(t, "if the disease in both lobes is extensive")) << t;
  EXPECT_FALSE(contains(t, "for the extensive disease")) << t;
}

// G44, G45: progressive neuroendocrine disease whose options all wait on
// unknown answers: the summary does not point to a list that is not there.
TEST(SecondReading, G44_G45_NetSummaryListsNothingWhenNothingIsListed) {
  json c = net_candidate();
  c["neuroendocrine"]["solitary_or_isolated"] = false;
  c["neuroendocrine"]["progressive"] = true;
  c["neuroendocrine"]["symptomatic"] = false;
  c["neuroendocrine"].erase("sstr_positive");
  c["neuroendocrine"].erase("hypervascular");
  const json r = eval(c);
  ASSERT_EQ(pathway(r), "NET_MEDICAL_AND_LIVER_DIRECTED");
  ASSERT_FALSE(has_rec(r, "PRRT"));
  ASSERT_FALSE(has_rec(r, "EMBOLIZATION"));
  const std::string s = r["pathway"].value("summary", "");
  EXPECT_FALSE(contains(s, "as listed below")) << s;
  EXPECT_TRUE(contains(s, "not yet known")) << s;
}

// G51, G54: a size just past a cut-point is never shown on it.
TEST(SecondReading, G51_G54_LesionSizeIsNeverShownOnTheCutPointItPassed) {
  json c = crc_resectable();
  c["ecog"] = 3;  // not operable: the ablation limits decide (G50, G51)
  c["operative_risk_acceptable"] = false;
  c["largest_lesion_cm"] = 4.001;
  const json r = eval(c);
  bool shown = false;
  for (const auto& f : r["why"]) {
    const std::string t = f.value("text", "");
    if (!contains(t, "largest")) continue;
    shown = true;
    EXPECT_TRUE(contains(t, "4.001")) << t;
    EXPECT_TRUE(contains(t, "> 4 cm")) << t;
  }
  EXPECT_TRUE(shown) << r["why"].dump();
  json a = crc_unresectable();
  a["chemotherapy_status"] = "started";
  a["largest_lesion_cm"] = 2.04;
  const json ra = eval(a);
  ASSERT_TRUE(has_warn(ra, "ABLATION_LESION_SIZE")) << ra["warnings"].dump();
  EXPECT_TRUE(contains(warn_text(ra, "ABLATION_LESION_SIZE"), "2.04 cm")) << warn_text(ra, "ABLATION_LESION_SIZE");
}

// G50 is ablation as primary treatment for those who cannot or will not have
// surgery; after chemotherapy on the conversion pathway ablation rests on G52.
TEST(SecondReading, G50_G52_ConversionAblationDoesNotCitePrimaryAblation) {
  json c = crc_unresectable();
  c["chemotherapy_status"] = "started";
  const json r = eval(c);
  ASSERT_TRUE(has_rec(r, "ABLATION"));
  const auto s = item_statements(r, "recommendations", "ABLATION");
  EXPECT_EQ(s.count("G50"), 0u);
  EXPECT_EQ(s.count("G52"), 1u);
  json p = crc_resectable();
  p["patient_declines_surgery"] = true;
  const json rp = eval(p);
  ASSERT_EQ(pathway(rp), "ABLATION_PRIMARY");
  EXPECT_EQ(item_statements(rp, "recommendations", "ABLATION").count("G50"), 1u);
}

// G13: once the lesions have faded on imaging, "if lesions begin to disappear"
// is past: the text says to go back to the meeting now.
TEST(SecondReading, G13_RestageDuringWithACompleteResponseSaysNow) {
  json c = crc_resectable();
  c["chemotherapy_status"] = "started";
  c["complete_radiological_response"] = true;
  const std::string t = rec_text(eval(c), "RESTAGE_DURING_CHEMOTHERAPY");
  EXPECT_FALSE(contains(t, "begin to disappear")) << t;
  EXPECT_TRUE(contains(t, "now")) << t;
}

// G25, G26: the side of the primary is where it arose, not a tissue test.
TEST(SecondReading, G25_G26_SideOfThePrimaryIsNotATissueTest) {
  json c = crc_unresectable();
  c["colorectal"].erase("sidedness");
  const std::string t = rec_text(eval(c), "MOLECULAR_PROFILING");
  EXPECT_TRUE(contains(t, "side of the primary")) << t;
  EXPECT_FALSE(contains(t, "tissue")) << t;
  c["colorectal"].erase("ras");
  EXPECT_TRUE(contains(rec_text(eval(c), "MOLECULAR_PROFILING"), "tissue from the primary tumour"));
}

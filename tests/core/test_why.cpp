// The "why" line (issue 10, D23): `result.why`, the facts that decided a
// result, read off the decision (core/src/why.cpp).  Each row is a case (a
// starting case and one change, table.hpp) and the facts expected, in order,
// joined with " · " as the page shows them.  The expectations are written from
// the statements each row names: the four candidacy conditions (G06-G10), the
// poor prognostic factors (G22), conversion (G24), ablation as primary
// treatment (G50, G51), recurrence (G67), breast (G33-G38) and neuroendocrine
// (G41-G44) tumours; a fact states an answer and the threshold of the rule that
// used it, never advice.
#include <set>
#include <string>

#include "helpers.hpp"
#include "table.hpp"

using namespace lmt;

namespace {

json nothing_known() { return json::object(); }

// The why facts' texts, joined as the page joins them.
std::string why_line(const json& r) {
  std::string line;
  for (const auto& f : r.value("why", json::array())) {
    if (!line.empty()) line += " · ";
    line += f.value("text", "?");
  }
  return line;
}

// The four colorectal candidacy conditions as met by crc_resectable() (G07-G10).
#define CRC_MET "R0 yes · remnant 45% (≥ 30%) · ECOG 0 with acceptable risk · no disease outside the liver"

const Row kWhy[] = {
    // ---- primary (G02, G16) ----
    {"G02_NothingKnownSaysThePrimaryIsNotKnown", nothing_known, "", "primary tumour not known"},
    {"G16_OtherPrimaryHasNoAlgorithmHere", crc_resectable, R"({"colorectal": null, "primary": "other"})",
     "other primary: no algorithm in this guideline"},

    // ---- colorectal candidate (G06-G10, G20, G22) ----
    {"G06_G20_ResectionFirstNamesEveryConditionAndNoPoorFactor", crc_resectable, "",
     CRC_MET " · no poor prognostic factor known"},
    {"G08_RemnantAtThirtyPercentMeetsTheCutPoint", crc_resectable, R"({"flr_percent": 30})",
     "R0 yes · remnant 30% (≥ 30%) · ECOG 0 with acceptable risk · no disease outside the liver · "
     "no poor prognostic factor known"},
    {"G22_SynchronousAndSixLesionsAreNamedAsPoorFactors", crc_resectable,
     R"({"presentation": "synchronous", "lesion_count": 6, "colorectal": {"disease_free_interval_months": 0}})",
     CRC_MET " · synchronous presentation · 6 lesions (> 5)"},
    {"G22_NodePositivePrimaryAndMarkersAreNamedAsPoorFactors", crc_resectable,
     R"({"colorectal": {"node_positive_primary": true, "tumor_markers_elevated": true}})",
     CRC_MET " · node-positive primary · tumour markers elevated"},

    // ---- colorectal, a condition not met: only that condition (G24) ----
    {"G07_G24_R0NotAchievableIsTheWholeReason", crc_unresectable, "", "R0 not achievable"},
    {"G08_G24_CirrhoticRemnantBelowFortyPercent", crc_resectable, R"({"flr_percent": 35, "liver_quality": "cirrhosis"})",
     "remnant 35% (< 40% for cirrhosis)"},
    {"G08_G24_OneSegmentIsBelowTheTwoSegmentMinimum", crc_resectable, R"({"remnant_segments": 1})",
     "1 segment would remain (about 2 needed)"},

    // ---- colorectal, not known: only the conditions not known ----
    {"G08_RemnantWithLiverQualityUnknownNamesBothCutPoints", crc_resectable, R"({"flr_percent": 35, "liver_quality": null})",
     "remnant 35%, liver quality not known (30% or 40%)"},
    {"G09_UnknownFitnessIsSaidAsUnknown", crc_resectable, R"({"ecog": null})", "ECOG not known, risk acceptable"},
    {"G10_SolitaryLungIsTheBreastExceptionNotColorectals", crc_resectable, R"({"extrahepatic_disease": "lung_solitary"})",
     "lung metastasis: removed within R0 or uncontrolled? (breast-only exception)"},

    // ---- colorectal, not operable: the reason, then the ablation limits as this case has them (G50, G51) ----
    {"G09_G50_G51_NotFitThenTheAblationLimits", crc_resectable, R"({"ecog": 3})",
     "ECOG 3: not fit for liver surgery · 2 lesions (≤ 9) · largest 2.5 cm (≤ 4 cm) · no disease outside the liver"},
    {"G50_G51_DeclinedWithTheSizeUnknown", crc_resectable, R"({"patient_declines_surgery": true, "largest_lesion_cm": null})",
     "patient declines liver surgery · 2 lesions (≤ 9) · largest lesion size not known · no disease outside the liver"},
    {"G50_G51_DeclinedWithTenLesions", crc_resectable, R"({"patient_declines_surgery": true, "lesion_count": 10})",
     "patient declines liver surgery · 10 lesions (> 9) · largest 2.5 cm (≤ 4 cm) · no disease outside the liver"},

    // ---- recurrence (G67) ----
    {"G67_RecurrenceNamesTheSettingThenTheConditions", crc_resectable, R"({"setting": "recurrence_after_hepatectomy"})",
     "recurrence after hepatectomy · " CRC_MET},

    // ---- breast (G33-G38) ----
    {"G33_G38_BreastNamesSystemicFirstAndTheReceptors", breast_candidate, R"({"chemotherapy_status": "none"})",
     "breast primary: systemic therapy first · HR positive, HER2 negative"},
    {"G38_BreastReceptorsNotCompleteAreSaid", breast_candidate, R"({"chemotherapy_status": "none", "breast": {"her2": null}})",
     "breast primary: systemic therapy first · receptor status not complete"},
    {"G33_G37_BreastAdjunctResectionNamesTheConditionsAndTherapyBegun", breast_candidate, "",
     "breast primary: systemic therapy first · HR positive, HER2 negative · R0 yes · remnant 50% (≥ 30%) · "
     "ECOG 1 with acceptable risk · no disease outside the liver · oligometastatic · not progressing on therapy · "
     "systemic therapy begun"},

    // ---- neuroendocrine (G41-G44) ----
    {"G43_SolitaryNetForResectionNamesTheConditions", net_candidate, "",
     "solitary or isolated · R0 yes · remnant 50% (≥ 30%) · ECOG 0 with acceptable risk · no disease outside the liver"},
    {"G41_G44_NotSolitaryAndSymptomatic", net_candidate, R"({"neuroendocrine": {"solitary_or_isolated": false, "symptomatic": true}})",
     "not solitary or isolated · symptomatic"},
    {"G41_NotSolitaryNeitherSymptomaticNorProgressive", net_candidate, R"({"neuroendocrine": {"solitary_or_isolated": false}})",
     "not solitary or isolated · neither symptomatic nor progressive"},
};

class WhyTable : public ::testing::TestWithParam<Row> {};

TEST_P(WhyTable, NamesTheFactsThatDecidedIt) {
  const json r = eval(case_of(GetParam()));
  ASSERT_EQ(r.value("status", ""), "ok") << r.dump();
  EXPECT_EQ(why_line(r), GetParam().expected) << "pathway " << pathway(r);
}

INSTANTIATE_TEST_SUITE_P(Why, WhyTable, ::testing::ValuesIn(kWhy), row_name<Row>);

// Every fact names the questions it comes from, and those are the
// questionnaire's own: the page marks them "Decided it" (issue 10).
TEST(Why, G06_EveryFactNamesQuestionsOfTheQuestionnaire) {
  const json q = json::parse(livermets::questionnaire_json());
  std::set<std::string> ids;
  for (const auto& x : q["questions"]) ids.insert(x.value("id", ""));
  for (const Row& row : kWhy) {
    const json r = eval(case_of(row));
    for (const auto& f : r["why"]) {
      ASSERT_TRUE(f.contains("fields") && f["fields"].is_array()) << row.name;
      for (const auto& id : f["fields"]) EXPECT_TRUE(ids.count(id.get<std::string>())) << row.name << ": " << id;
    }
  }
}

// A remnant computed from CT volumetry names the three figures it came from,
// not the % box that was left empty (G08).
TEST(Why, G08_RemnantFromVolumetryNamesTheVolumetryFields) {
  json c = crc_resectable();
  c.erase("flr_percent");
  c["flr_volume_ml"] = 300;  // 300 / SLV(170 cm, 70 kg) is well under 30%
  c["height_cm"] = 170;
  c["weight_kg"] = 70;
  const json r = eval(c);
  ASSERT_EQ(pathway(r), "CRC_CONVERSION_THERAPY") << r.dump();
  ASSERT_EQ(r["why"].size(), 1u) << r["why"].dump();
  EXPECT_EQ(r["why"][0]["fields"], json({"flr_volume_ml", "height_cm", "weight_kg"}));
  EXPECT_NE(r["why"][0].value("text", "").find("(< 30%)"), std::string::npos) << r["why"].dump();
}

}  // namespace

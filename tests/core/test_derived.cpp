// Derived figures (CONTRACT.md "Derived figures") against values computed by
// hand from the published formulas:
//   Mosteller BSA (m2)           = sqrt(height_cm * weight_kg / 3600)
//   Vauthey standard liver (ml)  = -794.41 + 1267.28 * BSA
//   remnant %                    = 100 * flr_volume_ml / standard liver volume
//   Fong score (0-5)             = node-positive + interval < 12 months + lesions > 1
//                                  + CEA > 200 ng/ml + largest > 5 cm
//   tumour burden score          = sqrt(largest_cm^2 + count^2)
// Hand values:
//   170 cm, 70 kg: BSA = sqrt(11900/3600) = sqrt(3.305556) = 1.81812;
//                  SLV = -794.41 + 1267.28 * 1.81812 = 1509.66 ml; 600 ml -> 39.74 %.
//   180 cm, 80 kg: BSA = sqrt(14400/3600) = 2.00000; SLV = 1740.15 ml; 600 ml -> 34.48 %.
#include <cmath>

#include "helpers.hpp"
#include "livermets/decision.hpp"

using namespace lmt;

namespace {

json volumetry(double h, double w, double v) {
  json c = crc_resectable();
  c.erase("flr_percent");
  c["height_cm"] = h;
  c["weight_kg"] = w;
  c["flr_volume_ml"] = v;
  return c;
}

double num(const json& r, const char* key) {
  if (!r.contains("derived") || !r["derived"].contains(key) || !r["derived"][key].is_number()) return NAN;
  return r["derived"][key].get<double>();
}

bool has_derived(const json& r, const char* key) {
  return r.contains("derived") && r["derived"].contains(key) && !r["derived"][key].is_null();
}

json fong_case(bool node, double interval, int lesions, double cea, double largest) {
  json c = crc_resectable();
  c["colorectal"]["node_positive_primary"] = node;
  c["colorectal"]["disease_free_interval_months"] = interval;
  c["lesion_count"] = lesions;
  c["colorectal"]["cea_ng_ml"] = cea;
  c["largest_lesion_cm"] = largest;
  return c;
}

}  // namespace

TEST(Derived, G08_MostellerVautheyAndRemnant170cm70kg) {
  const auto r = eval(volumetry(170, 70, 600));
  EXPECT_NEAR(num(r, "bsa_m2"), 1.81812, 0.01);
  EXPECT_NEAR(num(r, "standard_liver_volume_ml"), 1509.66, 1.0);
  EXPECT_NEAR(num(r, "flr_percent"), 39.74, 0.1);
}
TEST(Derived, G08_MostellerVautheyAndRemnant180cm80kg) {
  const auto r = eval(volumetry(180, 80, 600));
  EXPECT_NEAR(num(r, "bsa_m2"), 2.0, 0.01);
  EXPECT_NEAR(num(r, "standard_liver_volume_ml"), 1740.15, 1.0);
  EXPECT_NEAR(num(r, "flr_percent"), 34.48, 0.1);
  EXPECT_EQ(criterion(r, "REMNANT"), "met");
}
TEST(Derived, G08_StructuredDeriveMatchesFormulas) {
  livermets::Case c;
  c.primary = livermets::Primary::colorectal;
  c.height_cm = 180;
  c.weight_kg = 80;
  c.flr_volume_ml = 600;
  const auto d = livermets::derive(c);
  ASSERT_TRUE(d.bsa_m2.has_value());
  ASSERT_TRUE(d.standard_liver_volume_ml.has_value());
  ASSERT_TRUE(d.flr_percent.has_value());
  EXPECT_NEAR(*d.bsa_m2, 2.0, 0.005);
  EXPECT_NEAR(*d.standard_liver_volume_ml, 1740.15, 0.5);
  EXPECT_NEAR(*d.flr_percent, 34.5, 0.05);  // unrounded (rev 2)
  // The threshold is known only with the liver quality (30%, or 40% in cirrhosis).
  c.liver_quality.reset();
  EXPECT_FALSE(livermets::derive(c).remnant_threshold_percent.has_value());
  c.liver_quality = livermets::LiverQuality::normal;
  EXPECT_EQ(livermets::derive(c).remnant_threshold_percent, 30.0);
  c.liver_quality = livermets::LiverQuality::cirrhosis;
  EXPECT_EQ(livermets::derive(c).remnant_threshold_percent, 40.0);
}
TEST(Derived, G08_GivenPercentageIsEchoed) {
  const auto r = eval(crc_resectable());
  EXPECT_NEAR(num(r, "flr_percent"), 45.0, 1e-9);
  EXPECT_FALSE(has_derived(r, "bsa_m2"));
  EXPECT_FALSE(has_derived(r, "standard_liver_volume_ml"));
}
TEST(Derived, G08_IncompleteVolumetryGivesNoPercentage) {
  json c = volumetry(170, 70, 600);
  c.erase("weight_kg");
  const auto r = eval(c);
  EXPECT_EQ(r.value("status", ""), "ok");
  EXPECT_FALSE(has_derived(r, "flr_percent"));
  EXPECT_FALSE(has_derived(r, "bsa_m2"));
  EXPECT_EQ(criterion(r, "REMNANT"), "unknown");
}
TEST(Derived, G08_ExactlyOneHundredPercentIsAccepted) {
  // 180 cm, 80 kg: SLV 1740.15 ml; 1740 ml = 99.99 %.
  const auto r = eval(volumetry(180, 80, 1740));
  EXPECT_EQ(r.value("status", ""), "ok") << r.dump().substr(0, 300);
  EXPECT_NEAR(num(r, "flr_percent"), 100.0, 0.1);
}
TEST(Derived, NothingDerivedFromAnEmptyCase) {
  const auto r = eval(json::object());
  for (const char* k : {"bsa_m2", "standard_liver_volume_ml", "flr_percent", "fong_score", "tumor_burden_score"}) {
    EXPECT_FALSE(has_derived(r, k)) << k;
  }
}

// ---- Fong clinical risk score, each factor at its cut-point ----
TEST(Derived, G22_FongAllFactorsAtTheLowSideIsZero) {
  EXPECT_EQ(num(eval(fong_case(false, 12, 1, 200, 5.0)), "fong_score"), 0);
}
TEST(Derived, G22_FongIntervalBelow12MonthsCounts) {
  EXPECT_EQ(num(eval(fong_case(false, 11.9, 1, 200, 5.0)), "fong_score"), 1);
  EXPECT_EQ(num(eval(fong_case(false, 12, 1, 200, 5.0)), "fong_score"), 0);
}
TEST(Derived, G22_FongMoreThanOneLesionCounts) {
  EXPECT_EQ(num(eval(fong_case(false, 12, 2, 200, 5.0)), "fong_score"), 1);
}
TEST(Derived, G22_FongCeaAbove200Counts) {
  EXPECT_EQ(num(eval(fong_case(false, 12, 1, 200.1, 5.0)), "fong_score"), 1);
  EXPECT_EQ(num(eval(fong_case(false, 12, 1, 200, 5.0)), "fong_score"), 0);
}
TEST(Derived, G22_FongLargestAbove5cmCounts) {
  EXPECT_EQ(num(eval(fong_case(false, 12, 1, 200, 5.1)), "fong_score"), 1);
  EXPECT_EQ(num(eval(fong_case(false, 12, 1, 200, 5.0)), "fong_score"), 0);
}
TEST(Derived, G22_FongNodePositiveCounts) {
  EXPECT_EQ(num(eval(fong_case(true, 12, 1, 200, 5.0)), "fong_score"), 1);
}
TEST(Derived, G22_FongAllFiveFactors) {
  EXPECT_EQ(num(eval(fong_case(true, 6, 7, 450, 6.2)), "fong_score"), 5);
}
TEST(Derived, G22_FongAbsentWhenAFactorIsUnknown) {
  for (const char* k : {"node_positive_primary", "cea_ng_ml"}) {
    json c = fong_case(true, 6, 7, 450, 6.2);
    c["colorectal"].erase(k);
    EXPECT_FALSE(has_derived(eval(c), "fong_score")) << k;
  }
  for (const char* k : {"lesion_count", "largest_lesion_cm"}) {
    json c = fong_case(true, 6, 7, 450, 6.2);
    c.erase(k);
    EXPECT_FALSE(has_derived(eval(c), "fong_score")) << k;
  }
  json c = fong_case(true, 6, 7, 450, 6.2);
  c["colorectal"].erase("disease_free_interval_months");  // metachronous, no interval
  EXPECT_FALSE(has_derived(eval(c), "fong_score"));
}
TEST(Derived, G22_FongSynchronousWithoutIntervalCountsAsZeroMonths) {
  json c = fong_case(false, 12, 1, 200, 5.0);
  c["presentation"] = "synchronous";
  c["colorectal"].erase("disease_free_interval_months");
  EXPECT_EQ(num(eval(c), "fong_score"), 1);
}
TEST(Derived, G22_FongNeverChangesThePathway) {
  const auto low = eval(fong_case(false, 12, 1, 200, 5.0));
  const auto high = eval(fong_case(false, 1, 1, 5000, 5.0));
  EXPECT_EQ(pathway(low), "CRC_RESECTION_FIRST");
  EXPECT_EQ(pathway(high), "CRC_RESECTION_FIRST");
  EXPECT_EQ(recs(low), recs(high));
}
TEST(Derived, FongOnlyForColorectal) {
  json c = breast_candidate();
  c["lesion_count"] = 3;
  c["largest_lesion_cm"] = 6;
  EXPECT_FALSE(has_derived(eval(c), "fong_score"));
}

// ---- tumour burden score ----
TEST(Derived, TumourBurdenScore) {
  json c = crc_resectable();
  c["largest_lesion_cm"] = 3.0;
  c["lesion_count"] = 4;
  EXPECT_NEAR(num(eval(c), "tumor_burden_score"), 5.0, 0.05);
  c["largest_lesion_cm"] = 2.5;
  c["lesion_count"] = 2;
  EXPECT_NEAR(num(eval(c), "tumor_burden_score"), 3.2016, 0.05);
  c.erase("lesion_count");
  EXPECT_FALSE(has_derived(eval(c), "tumor_burden_score"));
}

// Every figure a result can carry is described by the questionnaire's list of
// derived figures (label, unit, formula, source), so the page and the record
// name it from the core, never from a label of their own (issue 9 item 6).
TEST(Derived, G08_G73_EveryDerivedFigureIsDescribedByTheQuestionnaire) {
  const json q = json::parse(livermets::questionnaire_json());
  std::set<std::string> described;
  for (const auto& d : q["derived"]) {
    described.insert(d["id"].get<std::string>());
    EXPECT_FALSE(d.value("label", "").empty()) << d.dump();
    EXPECT_FALSE(d.value("source", "").empty()) << d.dump();
  }
  json volumetry = crc_resectable();
  volumetry.erase("flr_percent");
  volumetry["height_cm"] = 170;
  volumetry["weight_kg"] = 70;
  volumetry["flr_volume_ml"] = 700;
  volumetry["liver_quality"] = "cirrhosis";
  std::set<std::string> carried;
  for (const json& c : {volumetry, crc_resectable(), breast_candidate(), net_candidate()}) {
    const json r = eval(c);
    for (const auto& [key, value] : r["derived"].items()) carried.insert(key);
  }
  // the five figures of CONTRACT.md plus the remnant threshold for this liver (G08, G73)
  for (const char* key : {"bsa_m2", "standard_liver_volume_ml", "flr_percent", "remnant_threshold_percent", "fong_score",
                          "tumor_burden_score"}) {
    EXPECT_TRUE(carried.count(key)) << key << " is not carried by any of these results";
  }
  for (const auto& key : carried) EXPECT_TRUE(described.count(key)) << key << " is not described by the questionnaire";
}

// The result format (CONTRACT.md section 3): shape, rule-base version, the
// echoed case, and the `missing` list (which fields, in which order).
#include <map>

#include "helpers.hpp"

using namespace lmt;

namespace {

// The contract's order for `missing`.  Fields named together ("ecog and/or
// operative_risk_acceptable", the volumetry group) share a rank; the poor
// prognostic factors and the molecular markers follow the order listed.
int missing_rank(const std::string& f) {
  static const std::map<std::string, int> rank = {
      {"primary", 0},
      {"r0_achievable", 1},
      {"extrahepatic_disease", 2},
      {"ecog", 3},
      {"operative_risk_acceptable", 3},
      {"flr_percent", 4},
      {"flr_volume_ml", 4},
      {"height_cm", 4},
      {"weight_kg", 4},
      {"liver_quality", 5},
      {"remnant_segments", 6},
      {"patient_declines_surgery", 7},
      {"chemotherapy_status", 8},
      {"lesion_count", 9},
      {"presentation", 10},
      {"colorectal.node_positive_primary", 11},
      {"colorectal.tumor_markers_elevated", 12},
      {"largest_lesion_cm", 13},
      {"bilobar", 14},
      {"colorectal.mmr", 15},
      {"colorectal.ras", 16},
      {"colorectal.braf", 17},
      {"colorectal.sidedness", 18},
  };
  auto it = rank.find(f);
  if (it != rank.end()) return it->second;
  if (f.rfind("breast.", 0) == 0 || f.rfind("neuroendocrine.", 0) == 0) return 19;
  return -1;  // not a field the contract lists for `missing`
}

bool is_unknown_in(const json& c, const std::string& field) {
  const auto dot = field.find('.');
  if (dot == std::string::npos) return !c.contains(field) || c[field].is_null();
  const std::string block = field.substr(0, dot), key = field.substr(dot + 1);
  return !c.contains(block) || c[block].is_null() || !c[block].contains(key) || c[block][key].is_null();
}

// `missing` lists only unknown inputs, each once, with a reason, in the contract's order.
::testing::AssertionResult missing_well_formed(const json& c) {
  const auto r = eval(c);
  if (!r.contains("missing") || !r["missing"].is_array()) return ::testing::AssertionFailure() << "no missing array";
  int last = -1;
  std::set<std::string> seen;
  for (const auto& m : r["missing"]) {
    const std::string f = m.value("field", "");
    if (m.value("why", "").empty()) return ::testing::AssertionFailure() << f << " has no reason";
    const int k = missing_rank(f);
    if (k < 0) return ::testing::AssertionFailure() << f << " is not a field the contract lists for missing";
    if (!is_unknown_in(c, f)) return ::testing::AssertionFailure() << f << " is listed as missing but was given";
    if (!seen.insert(f).second) return ::testing::AssertionFailure() << f << " listed twice";
    if (k < last) return ::testing::AssertionFailure() << f << " is out of the contract's order: " << r["missing"].dump();
    last = k;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace

TEST(Result, ShapeOfAnOkResult) {
  const auto r = eval(crc_resectable());
  EXPECT_EQ(r.value("status", ""), "ok");
  ASSERT_TRUE(r.contains("rulebase"));
  EXPECT_FALSE(r["rulebase"].value("version", "").empty());
  EXPECT_FALSE(r["rulebase"].value("guideline", "").empty());
  EXPECT_EQ(r["rulebase"].value("version", ""), std::string(livermets::rulebase_version()));
  ASSERT_TRUE(r["pathway"].is_object());
  EXPECT_FALSE(r["pathway"].value("title", "").empty());
  EXPECT_FALSE(r["pathway"].value("summary", "").empty());
  EXPECT_TRUE(r["candidacy"].is_object());
  EXPECT_TRUE(r["recommendations"].is_array());
  EXPECT_TRUE(r["warnings"].is_array());
  EXPECT_TRUE(r["missing"].is_array());
  EXPECT_TRUE(r["derived"].is_object());
  EXPECT_TRUE(!r.contains("errors") || r["errors"].empty());
  for (const auto& x : r["recommendations"]) {
    const std::string s = x.value("strength", "");
    EXPECT_TRUE(s == "do" || s == "consider" || s == "avoid") << s;
  }
}
TEST(Result, RulebaseVersionOnErrorsToo) {
  const auto r = eval(json{{"ecog", 9}});
  ASSERT_TRUE(r.contains("rulebase"));
  EXPECT_FALSE(r["rulebase"].value("version", "").empty());
}
TEST(Result, EchoesTheNormalisedCase) {
  const auto r = eval(crc_resectable());
  ASSERT_TRUE(r.contains("case") && r["case"].is_object());
  EXPECT_EQ(r["case"].value("primary", ""), "colorectal");
  EXPECT_EQ(r["case"]["colorectal"].value("ras", ""), "wild_type");
  EXPECT_EQ(r["case"].value("ecog", -1), 0);
}
TEST(Result, EchoShowsTheDefaultSetting) {
  const auto r = eval(json{{"primary", "colorectal"}});
  ASSERT_TRUE(r.contains("case"));
  EXPECT_EQ(r["case"].value("setting", ""), "initial");
}

// ---- missing ----
TEST(Missing, G02_PrimaryComesFirst) {
  const auto r = eval(json::object());
  const auto m = missing(r);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m.front(), "primary");
  EXPECT_TRUE(missing_well_formed(json::object()));
}
TEST(Missing, G06_ColorectalEmptyCaseOrder) {
  const json c{{"primary", "colorectal"}};
  EXPECT_TRUE(missing_well_formed(c));
  const auto m = missing(eval(c));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m.front(), "r0_achievable");
  for (const char* f : {"extrahepatic_disease", "flr_percent"}) {
    EXPECT_NE(std::find(m.begin(), m.end(), f), m.end()) << f;
  }
}
TEST(Missing, G06_OnlyUnknownFieldsAndInOrderAcrossCases) {
  json a = crc_resectable();
  a.erase("ecog");
  a.erase("liver_quality");
  a.erase("presentation");
  a["colorectal"].erase("tumor_markers_elevated");
  json b = crc_unresectable();
  b["colorectal"].erase("ras");
  b["colorectal"].erase("sidedness");
  b.erase("bilobar");
  b.erase("lesion_count");
  json c = breast_candidate();
  c["breast"].erase("her2");
  c.erase("r0_achievable");
  json d = net_candidate();
  d["neuroendocrine"].erase("solitary_or_isolated");
  d.erase("patient_declines_surgery");
  json e = json{{"primary", "neuroendocrine"}};
  json f = json{{"primary", "breast"}};
  json g = json{{"primary", "other"}};
  for (const json& x : {a, b, c, d, e, f, g}) EXPECT_TRUE(missing_well_formed(x)) << x.dump();
}
TEST(Missing, G25_ConversionListsTheUnknownMarkers) {
  json b = crc_unresectable();
  b["colorectal"].erase("ras");
  const auto m = missing(eval(b));
  EXPECT_NE(std::find(m.begin(), m.end(), "colorectal.ras"), m.end());
}
TEST(Missing, G38_BreastListsUnknownReceptor) {
  json c = breast_candidate();
  c["breast"].erase("her2");
  const auto m = missing(eval(c));
  EXPECT_NE(std::find(m.begin(), m.end(), "breast.her2"), m.end());
}
TEST(Missing, FullyKnownCaseMissesNothing) {
  EXPECT_TRUE(missing(eval(crc_resectable())).empty()) << eval(crc_resectable())["missing"].dump();
}
TEST(Missing, NoColorectalFieldsForOtherPrimaries) {
  for (const json& c : {json{{"primary", "breast"}}, json{{"primary", "neuroendocrine"}}, json{{"primary", "other"}}}) {
    for (const auto& f : missing(eval(c))) EXPECT_EQ(f.rfind("colorectal.", 0), std::string::npos) << f;
  }
}

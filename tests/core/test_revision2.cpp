// Contract revision 2 (issue 8): the rows that changed, each with the
// guideline statement it follows.  Expectations are written from the contract
// and the guideline's words (../shared/guideline), not from the output.
#include <cmath>
#include <set>
#include <tuple>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace lmt;
using S = std::set<std::string>;

namespace {

std::string criterion_reason(const json& r, const std::string& code) {
  for (const auto& k : r["candidacy"]["criteria"]) {
    if (k.value("code", "") == code) return k.value("reason", "");
  }
  return "<absent>";
}

json warning(const json& r, const std::string& code) {
  for (const auto& w : r["warnings"]) {
    if (w.value("code", "") == code) return w;
  }
  return json();
}

std::vector<std::string> strings(const json& a) {
  std::vector<std::string> v;
  for (const auto& x : a) v.push_back(x.get<std::string>());
  return v;
}

json net_active() {
  return json{{"primary", "neuroendocrine"},
              {"neuroendocrine", {{"symptomatic", false}, {"progressive", true}, {"sstr_positive", false}}}};
}

}  // namespace

// ---- CHECK_ANSWERS: each contradiction, evaluated as entered, both fields named ----
struct Contradiction {
  const char* name;
  json (*make)();
  std::vector<std::string> fields;
  std::vector<std::string> statements;  // those of the rule it touches
};

TEST(CheckAnswers, G72_G09_G08_G07_G74_G22_G37_G35_EachContradictionNamesBothFields) {
  const std::vector<Contradiction> table = {
      {"response without chemotherapy (G72)",
       [] { json c = crc_resectable(); c["complete_radiological_response"] = true; c["chemotherapy_status"] = "planned"; return c; },
       {"complete_radiological_response", "chemotherapy_status"}, {"G13", "G72"}},
      {"ECOG 3 with risk acceptable (G09)",
       [] { json c = crc_resectable(); c["ecog"] = 3; return c; }, {"ecog", "operative_risk_acceptable"}, {"G09"}},
      {"one segment with a 30% remnant (G08)",
       [] { json c = crc_resectable(); c["remnant_segments"] = 1; c["flr_percent"] = 30; return c; },
       {"remnant_segments", "flr_percent"}, {"G08"}},
      {"R0 with uncontrolled extrahepatic disease (G07, G74)",
       [] { json c = crc_resectable(); c["extrahepatic_disease"] = "uncontrolled"; return c; },
       {"r0_achievable", "extrahepatic_disease"}, {"G07", "G74"}},
      {"CEA above 200 with markers not elevated (G22)",
       [] { json c = crc_resectable(); c["colorectal"]["cea_ng_ml"] = 200.04; return c; },
       {"colorectal.cea_ng_ml", "colorectal.tumor_markers_elevated"}, {"G22"}},
      {"progressing on systemic therapy with none given (G37)",
       [] { json c = breast_candidate(); c["chemotherapy_status"] = "none"; c["breast"]["progressing_on_systemic_therapy"] = true; return c; },
       {"breast.progressing_on_systemic_therapy", "chemotherapy_status"}, {"G37"}},
      {"nothing outside the liver, yet not liver-limited (G35, G36)",
       [] { json c = breast_candidate(); c["breast"]["oligometastatic"] = false; return c; },
       {"extrahepatic_disease", "breast.oligometastatic"}, {"G35", "G36"}},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(row.name);
    const json r = eval(row.make());
    ASSERT_EQ(r.value("status", ""), "ok");  // evaluated as entered, not refused
    const json w = warning(r, "CHECK_ANSWERS");
    ASSERT_TRUE(w.is_object());
    EXPECT_EQ(strings(w["fields"]), row.fields);
    EXPECT_EQ(strings(w["statements"]), row.statements);
    EXPECT_NE(w.value("text", "").find("evaluated as entered"), std::string::npos);
    EXPECT_EQ(r["warnings"][0].value("code", ""), "CHECK_ANSWERS") << "contradictions are listed first";
  }
}

TEST(CheckAnswers, G08_G09_G22_ConsistentNeighboursDoNotFire) {
  json c = crc_resectable();
  c["ecog"] = 2;                          // fit, borderline: no contradiction with acceptable risk
  c["remnant_segments"] = 2;               // two segments with 45%
  c["colorectal"]["cea_ng_ml"] = 200.0;    // not above 200
  EXPECT_FALSE(has_warn(eval(c), "CHECK_ANSWERS"));
  c["remnant_segments"] = 1;
  c["flr_percent"] = 29.96;                // too few segments and too small: consistent
  EXPECT_FALSE(has_warn(eval(c), "CHECK_ANSWERS"));
}

TEST(CheckAnswers, G09_UnfitWhateverTheRiskIsWhatWasAssumed) {
  json c = crc_resectable();
  c["ecog"] = 4;
  const json r = eval(c);
  EXPECT_EQ(criterion(r, "FITNESS"), "not_met");
  EXPECT_NE(warning(r, "CHECK_ANSWERS").value("text", "").find("ECOG is 4"), std::string::npos);
}

// ---- every cut-point, both sides, within 0.05 of it (item 4) ----
TEST(CutPoints, G08_RemnantPercentComparedUnrounded) {
  const std::vector<std::pair<double, const char*>> rows = {
      {29.96, "not_met"}, {29.99, "not_met"}, {30.0, "met"}, {30.04, "met"}};
  for (const auto& [pct, status] : rows) {
    json c = crc_resectable();
    c["flr_percent"] = pct;
    const json r = eval(c);
    EXPECT_EQ(criterion(r, "REMNANT"), status) << pct;
    // Never shown so that a failing value reads as equal to the threshold.
    if (pct < 30.0) {
      const std::string reason = criterion_reason(r, "REMNANT");
      EXPECT_EQ(reason.find("30.0%"), std::string::npos) << reason;
      EXPECT_LT(r["derived"]["flr_percent"].get<double>(), 30.0) << pct;
    }
  }
}

TEST(CutPoints, G08_G73_CirrhosisThresholdComparedUnrounded) {
  for (const auto& [pct, status] : std::vector<std::pair<double, const char*>>{{39.96, "not_met"}, {40.0, "met"}}) {
    json c = crc_resectable();
    c["liver_quality"] = "cirrhosis";
    c["flr_percent"] = pct;
    EXPECT_EQ(criterion(eval(c), "REMNANT"), status) << pct;
  }
  json c = crc_resectable();
  c["liver_quality"] = nullptr;
  c["flr_percent"] = 39.96;
  EXPECT_EQ(criterion(eval(c), "REMNANT"), "unknown");
  c["flr_percent"] = 40.0;
  EXPECT_EQ(criterion(eval(c), "REMNANT"), "met");
}

// A remnant computed from CT volumetry is compared unrounded too (rev 2, D5).
TEST(CutPoints, G08_ComputedRemnantComparedUnrounded) {
  const double height = 175, weight = 75;
  const double bsa = std::sqrt(height * weight / 3600.0);   // Mosteller
  const double slv = -794.41 + 1267.28 * bsa;               // Vauthey
  for (const auto& [pct, status] : std::vector<std::pair<double, const char*>>{{29.96, "not_met"}, {30.04, "met"}}) {
    json c = crc_resectable();
    c.erase("flr_percent");
    c["height_cm"] = height;
    c["weight_kg"] = weight;
    c["flr_volume_ml"] = pct / 100.0 * slv;
    const json r = eval(c);
    EXPECT_EQ(criterion(r, "REMNANT"), status) << pct;
    EXPECT_NEAR(r["derived"]["flr_percent"].get<double>(), pct, 0.05) << pct;  // shown to 0.1, or 0.01 just below a threshold
    if (pct < 30.0) EXPECT_NE(criterion_reason(r, "REMNANT").find("29.96%"), std::string::npos);
  }
}

TEST(CutPoints, G22_G51_LesionCountAndSize) {
  json c = crc_resectable();
  c["lesion_count"] = 5;
  EXPECT_EQ(pathway(eval(c)), "CRC_RESECTION_FIRST");
  c["lesion_count"] = 6;
  EXPECT_EQ(pathway(eval(c)), "CRC_NEOADJUVANT_THEN_RESECTION");
  json a = crc_resectable();
  a["patient_declines_surgery"] = true;
  for (const auto& [count, cm, want] : std::vector<std::tuple<int, double, const char*>>{
           {9, 4.0, "ABLATION_PRIMARY"}, {10, 4.0, "NON_SURGICAL_MDT"}, {9, 4.04, "NON_SURGICAL_MDT"}}) {
    a["lesion_count"] = count;
    a["largest_lesion_cm"] = cm;
    EXPECT_EQ(pathway(eval(a)), want) << count << " " << cm;
  }
}

TEST(CutPoints, G09_Ecog2And3) {
  json c = crc_resectable();
  c["ecog"] = 2;
  EXPECT_EQ(criterion(eval(c), "FITNESS"), "met");
  c["ecog"] = 3;
  EXPECT_EQ(criterion(eval(c), "FITNESS"), "not_met");
}

TEST(CutPoints, G08_RemnantSegments1And2) {
  json c = crc_resectable();
  c["remnant_segments"] = 1;
  EXPECT_EQ(criterion(eval(c), "REMNANT"), "not_met");
  c["remnant_segments"] = 2;
  EXPECT_EQ(criterion(eval(c), "REMNANT"), "met");
}

// ---- triplet regimens "consider" until fitness for them is known (beyond the guideline) ----
TEST(Revision2, G26_G27_TripletIsConsiderUnlessEcog0Or1WithAcceptableRisk) {
  json c = crc_unresectable();
  c["colorectal"]["ras"] = "mutated";
  EXPECT_EQ(strength(eval(c), "TRIPLET_PLUS_BEVACIZUMAB"), "do");  // ECOG 0, risk acceptable
  c["ecog"] = 2;
  json r = eval(c);
  EXPECT_EQ(strength(r, "TRIPLET_PLUS_BEVACIZUMAB"), "consider");
  EXPECT_NE(rec_text(r, "TRIPLET_PLUS_BEVACIZUMAB").find("beyond the guideline"), std::string::npos);
  c["ecog"] = nullptr;
  EXPECT_EQ(strength(eval(c), "TRIPLET_PLUS_BEVACIZUMAB"), "consider");
  json left = crc_unresectable();
  left["colorectal"]["ras"] = "wild_type";
  left["colorectal"]["braf"] = "wild_type";
  left["colorectal"]["sidedness"] = "left";
  left["ecog"] = 2;
  EXPECT_EQ(strength(eval(left), "DOUBLET_PLUS_ANTI_EGFR"), "do");  // no fitness condition added to G25
}

// ---- portal vein embolization only for a remnant % below its threshold (G29) ----
TEST(Revision2, G29_EmbolizationGrowsVolumeNotSegments) {
  json c = crc_resectable();
  c["remnant_segments"] = 1;  // too few segments, % adequate
  json r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_CONVERSION_THERAPY");
  EXPECT_FALSE(has_rec(r, "PORTAL_VEIN_EMBOLIZATION"));
  c["flr_percent"] = 20;      // and too small: embolization to consider, not do
  r = eval(c);
  EXPECT_EQ(strength(r, "PORTAL_VEIN_EMBOLIZATION"), "consider");
  c["remnant_segments"] = 3;  // the % alone is in the way: do
  EXPECT_EQ(strength(eval(c), "PORTAL_VEIN_EMBOLIZATION"), "do");
}

// ---- neuroendocrine: assess for resection, and never without an action ----
TEST(Revision2, G43_AssessForResectionWhileASolitaryTumourCouldBeResected) {
  json c = net_active();
  json r = eval(c);
  EXPECT_EQ(pathway(r), "NET_MEDICAL_AND_LIVER_DIRECTED");
  EXPECT_EQ(strength(r, "ASSESS_FOR_RESECTION"), "do");
  c["neuroendocrine"]["solitary_or_isolated"] = false;
  EXPECT_FALSE(has_rec(eval(c), "ASSESS_FOR_RESECTION"));
  c["neuroendocrine"]["solitary_or_isolated"] = true;
  c["ecog"] = 3;  // not operable: resection excluded
  EXPECT_FALSE(has_rec(eval(c), "ASSESS_FOR_RESECTION"));
}

TEST(Revision2, G57_NeuroendocrineResultNeverEndsWithoutAnAction) {
  json c = net_active();
  c["neuroendocrine"]["solitary_or_isolated"] = false;
  json r = eval(c);
  EXPECT_EQ(recs(r), (S{"REFER_HPB_MDT", "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "NON_SURGICAL_CARE_MDT"}));
  EXPECT_EQ(r["pathway"].value("title", "").find("liver-directed"), std::string::npos);  // no liver-directed item
  c["neuroendocrine"]["sstr_positive"] = nullptr;  // PRRT could still come: no fallback yet
  EXPECT_FALSE(has_rec(eval(c), "NON_SURGICAL_CARE_MDT"));
  c["neuroendocrine"]["sstr_positive"] = true;
  EXPECT_FALSE(has_rec(eval(c), "NON_SURGICAL_CARE_MDT"));
}

TEST(Revision2, G41_NeuroendocrineSummariesSayHighGradeCarcinomaIsOutside) {
  for (json c : {net_active(), net_candidate()}) {
    const std::string summary = eval(c)["pathway"].value("summary", "");
    EXPECT_NE(summary.find("high-grade neuroendocrine carcinoma is outside"), std::string::npos) << summary;
  }
}

// ---- breast ----
TEST(Revision2, G33_G67_G68_BreastRecurrenceFollowsTheBreastRowsAndSaysSo) {
  json c = breast_candidate();
  c["setting"] = "recurrence_after_hepatectomy";
  const json r = eval(c);
  EXPECT_EQ(pathway(r), "BREAST_SYSTEMIC_FIRST");
  EXPECT_NE(r["pathway"].value("summary", "").find("recurrence after liver resection"), std::string::npos);
}

TEST(Revision2, G38_ReceptorGuidedTherapyNamesTheStatusEntered) {
  json c = breast_candidate();
  c["breast"]["hormone_receptor"] = "negative";
  c["breast"]["her2"] = "positive";
  const std::string t = rec_text(eval(c), "RECEPTOR_GUIDED_THERAPY");
  EXPECT_NE(t.find("hormone-receptor negative, HER2-positive"), std::string::npos) << t;
}

TEST(Revision2, G33_AdjunctResectionReachableOnEndocrineTherapy) {
  json c = breast_candidate();  // systemic therapy started: endocrine therapy counts (rev 2)
  c["breast"]["hormone_receptor"] = "positive";
  EXPECT_TRUE(has_rec(eval(c), "ADJUNCT_RESECTION"));
}

// ---- MOLECULAR_PROFILING names only what is still unknown ----
TEST(Revision2, G25_G26_G27_ProfilingNamesOnlyUnknownMarkers) {
  json c = crc_unresectable();
  c["colorectal"].erase("mmr");
  c["colorectal"]["ras"] = "mutated";
  json r = eval(c);
  std::string t = rec_text(r, "MOLECULAR_PROFILING");
  EXPECT_NE(t.find("MMR/MSI status"), std::string::npos) << t;
  EXPECT_EQ(t.find("RAS status"), std::string::npos) << t;
  // Only MMR unknown, the rest decides: the pMMR/MSS regimen is shown, conditional.
  EXPECT_NE(t.find("if the tumour proves pMMR/MSS: RAS mutated: triplet chemotherapy plus bevacizumab"),
            std::string::npos) << t;
  EXPECT_NE(t.find("conditional"), std::string::npos) << t;
}

// ---- biopsy with the primary unknown ----
TEST(Revision2, G71_BiopsyWarningWhenThePrimaryIsUnknown) {
  const json r = eval(json{{"biopsy_planned", true}});
  const json w = warning(r, "BIOPSY_OF_SUSPECTED_CRLM");
  ASSERT_TRUE(w.is_object());
  EXPECT_NE(w.value("text", "").find("Exclude a colorectal primary"), std::string::npos);
  EXPECT_FALSE(has_warn(eval(json{{"primary", "breast"}, {"biopsy_planned", true}}), "BIOPSY_OF_SUSPECTED_CRLM"));
}

// ---- the one default is marked as assumed ----
TEST(Revision2, SettingIsMarkedAsAssumedUnlessGiven) {
  EXPECT_EQ(eval(json{{"primary", "colorectal"}})["assumed"], json::array({"setting"}));
  EXPECT_EQ(eval(json{{"primary", "colorectal"}, {"setting", "initial"}})["assumed"], json::array());
}

// ---- OUT_OF_SCOPE: met criteria are not a recommendation to operate ----
TEST(Revision2, G16_OutOfScopeSaysCriteriaMetAreNotARecommendation) {
  json c = crc_resectable();
  c["primary"] = "other";
  c.erase("colorectal");
  const std::string s = eval(c)["pathway"].value("summary", "");
  EXPECT_NE(s.find("not a recommendation to operate"), std::string::npos) << s;
}

// ---- REMNANT_QUALITY after chemotherapy with a liver entered as normal ----
TEST(Revision2, G14_G73_NormalLiverAfterChemotherapyIsToBeConfirmed) {
  json c = crc_resectable();
  c["chemotherapy_status"] = "completed";
  const std::string t = warn_text(eval(c), "REMNANT_QUALITY");
  EXPECT_NE(t.find("confirm that assessment"), std::string::npos) << t;
  EXPECT_EQ(t.find("in question"), std::string::npos) << t;
}

// ---- one source for the route (item 7): the decision's own path, and the
// diagram it names has every node and every edge of it ----
TEST(Route, G02_G16_EveryPathwaysFullRouteIsAPathOfItsDiagram) {
  json breast = breast_candidate();
  json net_resect = net_candidate();
  json net_observe = net_active();
  net_observe["neuroendocrine"]["progressive"] = false;
  net_observe["neuroendocrine"]["solitary_or_isolated"] = false;
  json net_open = net_active();
  net_open["neuroendocrine"].erase("progressive");
  json repeat = crc_resectable();
  repeat["setting"] = "recurrence_after_hepatectomy";
  json ablate = crc_resectable();
  ablate["patient_declines_surgery"] = true;
  json mdt = ablate;
  mdt["lesion_count"] = 10;
  json undecided = crc_resectable();
  undecided.erase("r0_achievable");
  json neo = crc_resectable();
  neo["lesion_count"] = 6;  // more than 5 metastases (G22)
  const std::vector<std::tuple<const char*, json, const char*, std::vector<std::string>>> rows = {
      {"primary unknown", json::object(), "overview", {"primary", "ASSESSMENT_INCOMPLETE"}},
      {"other primary", json{{"primary", "other"}}, "overview", {"primary", "OUT_OF_SCOPE"}},
      {"breast", breast, "breast", {"primary", "BREAST_SYSTEMIC_FIRST"}},
      {"repeat", repeat, "colorectal", {"primary", "crc_repeat", "REPEAT_RESECTION"}},
      {"ablation", ablate, "colorectal", {"primary", "crc_repeat", "crc_operable", "crc_ablation", "ABLATION_PRIMARY"}},
      {"non-surgical", mdt, "colorectal", {"primary", "crc_repeat", "crc_operable", "crc_ablation", "NON_SURGICAL_MDT"}},
      {"conversion", crc_unresectable(), "colorectal",
       {"primary", "crc_repeat", "crc_operable", "crc_candidacy", "CRC_CONVERSION_THERAPY"}},
      {"candidacy undetermined", undecided, "colorectal",
       {"primary", "crc_repeat", "crc_operable", "crc_candidacy", "ASSESSMENT_INCOMPLETE"}},
      {"neoadjuvant", neo, "colorectal",
       {"primary", "crc_repeat", "crc_operable", "crc_candidacy", "crc_prognosis", "CRC_NEOADJUVANT_THEN_RESECTION"}},
      {"resection first", crc_resectable(), "colorectal",
       {"primary", "crc_repeat", "crc_operable", "crc_candidacy", "crc_prognosis", "CRC_RESECTION_FIRST"}},
      {"net resection", net_resect, "neuroendocrine", {"primary", "net_resect", "NET_RESECTION"}},
      {"net medical", net_active(), "neuroendocrine", {"primary", "net_resect", "net_active", "NET_MEDICAL_AND_LIVER_DIRECTED"}},
      {"net activity unknown", net_open, "neuroendocrine", {"primary", "net_resect", "net_active", "ASSESSMENT_INCOMPLETE"}},
      {"net observation", net_observe, "neuroendocrine",
       {"primary", "net_resect", "net_active", "net_excluded", "NET_OBSERVATION"}},
  };
  const json q = json::parse(livermets::questionnaire_json());
  std::set<std::string> pathways_seen;
  for (const auto& [name, c, algorithm, route] : rows) {
    SCOPED_TRACE(name);
    const json r = eval(c);
    EXPECT_EQ(r.value("algorithm", ""), algorithm);
    ASSERT_EQ(strings(r["route"]), route);
    EXPECT_EQ(route.back(), pathway(r));
    pathways_seen.insert(pathway(r));
    // The named diagram has each node and each consecutive pair as an edge.
    const json* diagram = nullptr;
    for (const auto& a : q["algorithms"]) {
      if (a.value("id", "") == algorithm) diagram = &a;
    }
    ASSERT_NE(diagram, nullptr);
    std::set<std::string> nodes;
    std::set<std::pair<std::string, std::string>> edges;
    for (const auto& n : (*diagram)["nodes"]) nodes.insert(n.value("id", ""));
    for (const auto& e : (*diagram)["edges"]) edges.insert({e.value("from", ""), e.value("to", "")});
    for (std::size_t i = 0; i < route.size(); ++i) {
      EXPECT_TRUE(nodes.count(route[i])) << route[i];
      if (i > 0) EXPECT_TRUE(edges.count({route[i - 1], route[i]})) << route[i - 1] << " -> " << route[i];
    }
  }
  EXPECT_EQ(pathways_seen.size(), 12u) << "every pathway code has a route row";
}

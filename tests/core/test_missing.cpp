// `missing` across combinations of unknowns (CONTRACT.md section 3, rev 2):
// hand-made cases whose answer needs two or more unknowns together, fields
// that cannot matter, and the fields never listed by design.  The sweep
// (test_missing_sweep.cpp) compares the same function with brute force.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "livermets/parse.hpp"
#include "missing.hpp"
#include "missing_search.hpp"

using namespace lmt;

namespace {

bool listed(const json& r, const std::string& field) {
  const auto m = missing(r);
  return std::find(m.begin(), m.end(), field) != m.end();
}

std::string why(const json& r, const std::string& field) {
  for (const auto& x : r["missing"]) {
    if (x.value("field", "") == field) return x.value("why", "");
  }
  return "";
}

// A colorectal patient who is not operable (ECOG 3), everything else known.
json crc_inoperable() {
  json c = crc_resectable();
  c["ecog"] = 3;
  return c;
}

}  // namespace

// G50, G51: lesion count and size together decide ablation; neither alone does.
TEST(MissingCombinations, G50_G51_LesionCountAndSizeTogetherDecideAblation) {
  json c = crc_inoperable();
  c.erase("lesion_count");
  c.erase("largest_lesion_cm");
  const json r = eval(c);
  EXPECT_EQ(pathway(r), "NON_SURGICAL_MDT");
  EXPECT_TRUE(listed(r, "lesion_count")) << r["missing"].dump();
  EXPECT_TRUE(listed(r, "largest_lesion_cm")) << r["missing"].dump();
  // Known within the limits, the pathway is ablation: nothing left to ask about them.
  c["lesion_count"] = 3;
  c["largest_lesion_cm"] = 2.5;
  EXPECT_EQ(pathway(eval(c)), "ABLATION_PRIMARY");
  EXPECT_TRUE(missing(eval(c)).empty()) << eval(c)["missing"].dump();
}

// G25-G27: with MMR, RAS and BRAF unknown, the side alone changes nothing
// (profiling either way); with them pMMR and wild-type it picks the regimen.
TEST(MissingCombinations, G25_G26_SidednessMattersTogetherWithTheMarkers) {
  json c = crc_unresectable();
  for (const char* k : {"mmr", "ras", "braf", "sidedness"}) c["colorectal"].erase(k);
  const json r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_CONVERSION_THERAPY");
  EXPECT_TRUE(has_rec(r, "MOLECULAR_PROFILING"));
  for (const char* f : {"colorectal.mmr", "colorectal.ras", "colorectal.braf", "colorectal.sidedness"}) {
    EXPECT_TRUE(listed(r, f)) << f << " " << r["missing"].dump();
  }
}

// G25: a mutated RAS gives the triplet with bevacizumab whatever the side.
TEST(MissingCombinations, G25_SidednessCannotMatterOnceRasIsMutated) {
  json c = crc_unresectable();
  c["colorectal"]["ras"] = "mutated";
  c["colorectal"].erase("sidedness");
  c["colorectal"].erase("braf");
  const json r = eval(c);
  EXPECT_TRUE(has_rec(r, "TRIPLET_PLUS_BEVACIZUMAB"));
  EXPECT_FALSE(listed(r, "colorectal.sidedness")) << r["missing"].dump();
  EXPECT_FALSE(listed(r, "colorectal.braf")) << r["missing"].dump();
}

// G38: receptor-guided therapy needs both receptors; with both unknown, each
// matters only together with the other, and knowing HER2 when HR is known turns
// RECEPTOR_TESTING into RECEPTOR_GUIDED_THERAPY.
TEST(MissingCombinations, G38_ReceptorsTogether) {
  json c = breast_candidate();
  c["breast"].erase("her2");
  json r = eval(c);
  EXPECT_TRUE(has_rec(r, "RECEPTOR_TESTING"));
  EXPECT_TRUE(listed(r, "breast.her2")) << r["missing"].dump();
  c["breast"].erase("hormone_receptor");
  r = eval(c);
  EXPECT_TRUE(listed(r, "breast.her2")) << r["missing"].dump();
  EXPECT_TRUE(listed(r, "breast.hormone_receptor")) << r["missing"].dump();
}

// Rev 2 (G21): PERIOPERATIVE_FOLFOX carries no MMR restriction, so on the
// resection-first pathway MMR cannot change the outcome and is not asked for.
TEST(MissingCombinations, G21_MmrIsNotAskedOnResectionFirst) {
  json c = crc_resectable();
  c["colorectal"].erase("mmr");
  const json r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_RESECTION_FIRST");
  EXPECT_FALSE(listed(r, "colorectal.mmr")) << r["missing"].dump();
}

// Only codes count, not strengths: with the remnant too small, R0 changes
// PORTAL_VEIN_EMBOLIZATION from "consider" to "do" but no code (G29).
TEST(MissingCombinations, G29_AStrengthAloneIsNotAChange) {
  json c = crc_resectable();
  c["flr_percent"] = 20;
  c.erase("r0_achievable");
  const json r = eval(c);
  EXPECT_EQ(pathway(r), "CRC_CONVERSION_THERAPY");
  EXPECT_TRUE(has_rec(r, "PORTAL_VEIN_EMBOLIZATION"));
  EXPECT_FALSE(listed(r, "r0_achievable")) << r["missing"].dump();
}

// Breast cases never read the colorectal pathway's fields.
TEST(MissingCombinations, G33_BreastDoesNotAskForColorectalFactors) {
  json c = breast_candidate();
  for (const char* k : {"lesion_count", "largest_lesion_cm", "presentation", "bilobar"}) c.erase(k);
  const json r = eval(c);
  for (const char* f : {"lesion_count", "largest_lesion_cm", "presentation", "bilobar"}) {
    EXPECT_FALSE(listed(r, f)) << f << " " << r["missing"].dump();
  }
}

// Never listed by design: the review (its items are safe when unknown), the
// warning-only and score-only fields.
TEST(MissingCombinations, G12_G22_FieldsNeverListedByDesign) {
  json c = crc_resectable();
  for (const char* k : {"surgical_review_done", "biopsy_planned", "perivascular_lesion",
                        "complete_radiological_response"}) {
    c.erase(k);
  }
  c["colorectal"].erase("cea_ng_ml");
  c["colorectal"].erase("disease_free_interval_months");
  EXPECT_TRUE(missing(eval(c)).empty()) << eval(c)["missing"].dump();
}

// With the primary unknown, the top-level answers are listed when some
// primary makes them matter, and no primary-specific field is.
TEST(MissingCombinations, G16_PrimaryUnknownListsTopLevelFieldsThatMatterForSomePrimary) {
  json c = crc_resectable();
  c.erase("primary");
  c.erase("colorectal");
  c.erase("r0_achievable");
  const json r = eval(c);
  EXPECT_EQ(pathway(r), "ASSESSMENT_INCOMPLETE");
  const auto m = missing(r);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m.front(), "primary");
  EXPECT_TRUE(listed(r, "r0_achievable")) << r["missing"].dump();
  for (const auto& f : m) EXPECT_EQ(f.find('.'), std::string::npos) << f;
}

// A presentation that the interval already implies (the parser refuses the
// other) cannot change anything: 24 months is metachronous, 0 is synchronous.
TEST(MissingCombinations, G22_PresentationImpliedByTheInterval) {
  json c = crc_resectable();
  c.erase("presentation");
  c["colorectal"]["disease_free_interval_months"] = 24;
  EXPECT_FALSE(listed(eval(c), "presentation")) << eval(c)["missing"].dump();
  c["colorectal"]["disease_free_interval_months"] = 0;
  EXPECT_TRUE(listed(eval(c), "presentation")) << eval(c)["missing"].dump();
}

// The remnant: flr_percent when nothing is known, else the absent volumetry.
TEST(MissingCombinations, G08_RemnantOrTheAbsentVolumetry) {
  json c = crc_resectable();
  c.erase("flr_percent");
  EXPECT_TRUE(listed(eval(c), "flr_percent"));
  c["height_cm"] = 170;
  const json r = eval(c);
  EXPECT_FALSE(listed(r, "flr_percent"));
  EXPECT_TRUE(listed(r, "flr_volume_ml"));
  EXPECT_TRUE(listed(r, "weight_kg"));
  EXPECT_FALSE(listed(r, "height_cm"));
}

// Rev 2 (G10, G36, G74): a solitary lung metastasis outside breast cancer
// counts only if removed within the R0 resection, so the answer stays open.
TEST(MissingCombinations, G74_LungMetastasisOutsideBreastIsAskedAbout) {
  json c = crc_resectable();
  c["extrahepatic_disease"] = "lung_solitary";
  const json r = eval(c);
  EXPECT_TRUE(listed(r, "extrahepatic_disease")) << r["missing"].dump();
  const std::string w = why(r, "extrahepatic_disease");
  EXPECT_NE(w.find("R0 resection"), std::string::npos) << w;
  EXPECT_NE(w.find("resectable"), std::string::npos) << w;
  EXPECT_NE(w.find("uncontrolled"), std::string::npos) << w;
  json b = breast_candidate();
  b["extrahepatic_disease"] = "lung_solitary";
  EXPECT_FALSE(listed(eval(b), "extrahepatic_disease")) << eval(b)["missing"].dump();
}

// Past its budget a search lists the field (the safe side), and says so in
// the statistics; a breast case with nearly everything unknown needs it.
TEST(MissingCombinations, BudgetListsTheFieldsItCouldNotProve) {
  const auto parsed = livermets::parse_case(R"({"primary": "breast"})");
  ASSERT_TRUE(parsed.ok());
  livermets::MissingStats stats;
  const auto items = livermets::find_missing(parsed.value, livermets::decide(parsed.value), &stats);
  std::vector<std::string> fields;
  for (const auto& m : items) fields.push_back(m.field);
  for (const auto& f : stats.over_budget_fields) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
  EXPECT_LE(stats.evaluations, livermets::MissingSearch::kTotalBudget + 30u);  // plus one run per answer
}

// The colorectal-only answers (lesion count, size, presentation, bilobar) are
// never open for a breast or neuroendocrine case (audit, stop 18: a long
// search listed them there with colorectal reasons).  This proves they cannot
// matter there: over every combination of the answers that decide those
// algorithms, no value of any of them changes the pathway or a code.
TEST(MissingCombinations, G22_G30_G31_G51_ColorectalOnlyAnswersNeverMatterForBreastOrNeuroendocrine) {
  const std::vector<std::pair<const char*, std::vector<json>>> colorectal_only = {
      {"lesion_count", {nullptr, 1, 5, 6, 9, 10, 40}},
      {"largest_lesion_cm", {nullptr, 1.5, 2.5, 4.0, 4.5}},
      {"presentation", {nullptr, "synchronous", "metachronous"}},
      {"bilobar", {nullptr, true, false}},
  };
  const std::vector<json> tri = {nullptr, true, false};
  int cases = 0;
  for (const bool breast : {true, false}) {
    for (const json& r0 : tri) {
      for (const json& ecog : {json(nullptr), json(1), json(3)}) {
        for (const json& a : tri) {
          for (const json& b : tri) {
            json c = breast ? breast_candidate() : net_candidate();
            c["r0_achievable"] = r0;
            c["ecog"] = ecog;
            c["patient_declines_surgery"] = nullptr;
            if (breast) {
              c["breast"]["oligometastatic"] = a;
              c["breast"]["progressing_on_systemic_therapy"] = b;
            } else {
              c["neuroendocrine"]["solitary_or_isolated"] = a;
              c["neuroendocrine"]["progressive"] = b;
            }
            for (const auto& [field, values] : colorectal_only) {
              json base = c;
              base[field] = nullptr;
              const json r = eval(base);
              ASSERT_EQ(r.value("status", ""), "ok") << base.dump();
              for (const auto& f : missing(r)) EXPECT_NE(f, field) << base.dump();
              for (const json& v : values) {
                json k = base;
                k[field] = v;
                const json rv = eval(k);
                ASSERT_EQ(rv.value("status", ""), "ok") << k.dump();
                EXPECT_EQ(pathway(rv), pathway(r)) << k.dump();
                EXPECT_EQ(recs(rv), recs(r)) << k.dump();
                ++cases;
              }
            }
          }
        }
      }
    }
  }
  EXPECT_GT(cases, 1000);
  // nearly everything unknown (a search past its budget lists what it cannot prove)
  for (const char* primary : {"breast", "neuroendocrine"}) {
    const json r = eval(json{{"primary", primary}});
    for (const auto& [field, values] : colorectal_only) EXPECT_FALSE(listed(r, field)) << primary << " " << field;
  }
}

// An indolent neuroendocrine tumour (not solitary, neither symptomatic nor
// progressive) is for observation whatever the candidacy answers (G41, G43):
// with all of them unknown nothing is listed, where a search past its budget
// once listed eleven answers (audit 2, stop 18; the blind rest of
// missing_search.cpp).  Once the tumour might be solitary, the candidacy
// answers matter again (G43) and are listed.
TEST(MissingCombinations, G41_G43_G44_G45_NetNotSolitaryListsNothingTheCandidacyCannotChange) {
  const json c = {{"primary", "neuroendocrine"},
                  {"neuroendocrine", {{"solitary_or_isolated", false}, {"symptomatic", false}, {"progressive", false}}}};
  const json r = eval(c);
  EXPECT_EQ(pathway(r), "NET_OBSERVATION");
  EXPECT_TRUE(missing(r).empty()) << r["missing"].dump();
  json open = c;
  open["neuroendocrine"]["solitary_or_isolated"] = nullptr;
  const json ro = eval(open);
  EXPECT_TRUE(listed(ro, "neuroendocrine.solitary_or_isolated")) << ro["missing"].dump();
  EXPECT_TRUE(listed(ro, "r0_achievable")) << ro["missing"].dump();
  EXPECT_TRUE(listed(ro, "ecog")) << ro["missing"].dump();
  // symptomatic and progressive, not solitary: only what chooses the treatment can
  // change it, vascularity (embolization, G44) and the receptor (PRRT, G45)
  json active = c;
  active["neuroendocrine"]["symptomatic"] = true;
  active["neuroendocrine"]["progressive"] = true;
  const json ra = eval(active);
  EXPECT_EQ(pathway(ra), "NET_MEDICAL_AND_LIVER_DIRECTED");
  EXPECT_EQ(missing(ra), (std::vector<std::string>{"neuroendocrine.hypervascular", "neuroendocrine.sstr_positive"}))
      << ra["missing"].dump();
}

// A criterion the answers already fix (ECOG 4: not fit whatever the risk,
// G09; progressing on therapy, G37) decides the route whatever the other
// candidacy answers are, so only what that route reads is listed: for an
// unfit colorectal patient the ablation limits (G50, G51), for a breast
// tumour progressing on therapy the receptors (G38).  A search past its
// budget once listed 16 answers, RAS and BRAF among them (stop 18).
TEST(MissingCombinations, G09_G37_G50_G51_AFixedCriterionListsOnlyWhatItsRouteReads) {
  const json unfit = {{"primary", "colorectal"}, {"ecog", 4}};
  const json r = eval(unfit);
  EXPECT_EQ(pathway(r), "NON_SURGICAL_MDT");
  EXPECT_EQ(missing(r), (std::vector<std::string>{"extrahepatic_disease", "lesion_count", "largest_lesion_cm"}))
      << r["missing"].dump();
  const json progressing = {{"primary", "breast"}, {"breast", {{"progressing_on_systemic_therapy", true}}}};
  const json rb = eval(progressing);
  EXPECT_EQ(pathway(rb), "BREAST_SYSTEMIC_FIRST");
  EXPECT_EQ(missing(rb), (std::vector<std::string>{"breast.hormone_receptor", "breast.her2"})) << rb["missing"].dump();
}

// The catalogue: every code has a displayed text and a basis, and every basis
// is true to the guideline file: each statement Gnn is a line of the guideline
// (G02-G74), and the code's citations are exactly the union of
// its statements' citation numbers (G02 = line 2; numbers at the line end).
#include <fstream>
#include <map>
#include <cctype>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "livermets/catalogue.hpp"
#include "livermets/livermets.hpp"

namespace {

// The citation numbers at the end of a guideline line ("... outcomes. 1, 2, 3"),
// empty for a heading.  On G12 they are followed by "This is essential because:".
std::set<int> trailing_citations(std::string line) {
  const std::string g12_tail = " This is essential because:";
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
  if (line.size() > g12_tail.size() && line.compare(line.size() - g12_tail.size(), g12_tail.size(), g12_tail) == 0) {
    line.erase(line.size() - g12_tail.size());
  }
  std::set<int> out;
  std::size_t i = line.size();  // one past the digit under examination
  while (i >= 2 && std::isdigit(static_cast<unsigned char>(line[i - 1])) && line[i - 2] == ' ') {
    out.insert(line[i - 1] - '0');
    if (i >= 3 && line[i - 3] == ',') {
      i -= 3;  // ", d": another number precedes
    } else {
      break;  // " d": the first number of the list
    }
  }
  return out;
}

// Line number -> its trailing citation numbers (empty for headings).
std::map<int, std::set<int>> guideline_citations() {
  std::ifstream in(LIVERMETS_GUIDELINE_FILE);
  std::map<int, std::set<int>> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) out[++n] = trailing_citations(line);
  return out;
}

template <class Info>
void check_basis(const std::string& what, const Info& i, const std::map<int, std::set<int>>& g) {
  SCOPED_TRACE(what + " " + std::string(i.code));
  EXPECT_FALSE(i.code.empty());
  ASSERT_FALSE(i.basis.statements.empty());
  ASSERT_FALSE(i.basis.citations.empty());
  std::set<int> expected;
  for (auto s : i.basis.statements) {
    ASSERT_EQ(s.size(), 3u) << s;
    ASSERT_EQ(s[0], 'G') << s;
    const int line = std::stoi(std::string(s.substr(1)));
    ASSERT_TRUE(g.count(line)) << s << " is not a line of the guideline";
    EXPECT_TRUE(line >= 2 && line <= 74) << s;
    // A line without citations (a heading such as G58 "The team should include:") may be named
    // as context, as the contract itself does (REFER_HPB_MDT: G57-G63); it adds no citation.
    expected.insert(g.at(line).begin(), g.at(line).end());
  }
  EXPECT_EQ(std::set<int>(i.basis.citations.begin(), i.basis.citations.end()), expected);
}

}  // namespace

TEST(Catalogue, GuidelineFileIsReadable) {
  const auto g = guideline_citations();
  ASSERT_EQ(g.size(), 74u);
  EXPECT_EQ(g.at(2), (std::set<int>{1, 2, 3}));
  EXPECT_EQ(g.at(8), (std::set<int>{1, 3}));
  EXPECT_TRUE(g.at(3).empty());
  EXPECT_EQ(g.at(74), (std::set<int>{7}));
  EXPECT_EQ(g.at(12), (std::set<int>{1, 2, 5}));
  EXPECT_EQ(g.at(70), (std::set<int>{1, 2, 3, 5}));
}
TEST(Catalogue, G02_G74_EveryRecommendationHasTextAndATrueBasis) {
  const auto g = guideline_citations();
  for (int k = 0; k < livermets::kRecCount; ++k) {
    const auto code = static_cast<livermets::RecCode>(k);
    EXPECT_FALSE(livermets::info(code).text.empty());
    check_basis("recommendation", livermets::info(code), g);
    for (int p = 0; p < livermets::kPathwayCount; ++p) {
      const auto& i = livermets::info(code, static_cast<livermets::PathwayCode>(p));
      EXPECT_EQ(i.code, livermets::info(code).code);
      EXPECT_FALSE(i.text.empty());
      check_basis("recommendation on pathway " + std::to_string(p), i, g);
    }
  }
}
TEST(Catalogue, G02_G74_EveryWarningHasTextAndATrueBasis) {
  const auto g = guideline_citations();
  for (int k = 0; k < livermets::kWarningCount; ++k) {
    const auto& i = livermets::info(static_cast<livermets::WarningCode>(k));
    EXPECT_FALSE(i.text.empty());
    check_basis("warning", i, g);
  }
}
TEST(Catalogue, G06_G10_EveryCriterionHasTextAndATrueBasis) {
  const auto g = guideline_citations();
  for (int k = 0; k < livermets::kCriterionCount; ++k) {
    const auto& i = livermets::info(static_cast<livermets::CriterionCode>(k));
    EXPECT_FALSE(i.text.empty());
    check_basis("criterion", i, g);
  }
}
TEST(Catalogue, EveryPathwayHasTitleSummaryAndABasis) {
  const auto g = guideline_citations();
  for (int k = 0; k < livermets::kPathwayCount; ++k) {
    const auto& i = livermets::info(static_cast<livermets::PathwayCode>(k));
    EXPECT_FALSE(i.title.empty()) << i.code;
    EXPECT_FALSE(i.summary.empty()) << i.code;
    check_basis("pathway", i, g);
  }
}
TEST(Catalogue, CodesAreTheContractNames) {
  const char* recs[] = {"REFER_HPB_MDT", "SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY", "URGENT_SURGICAL_REVIEW",
                        "DO_NOT_BIOPSY", "RESECTION", "SURVEILLANCE", "PERIOPERATIVE_FOLFOX",
                        "NEOADJUVANT_CHEMOTHERAPY", "RESTAGE_FOR_RESECTION", "RESTAGE_DURING_CHEMOTHERAPY",
                        "SYSTEMIC_THEN_REASSESS",
                        "DOUBLET_PLUS_ANTI_EGFR", "TRIPLET_CHEMOTHERAPY", "TRIPLET_PLUS_BEVACIZUMAB",
                        "MOLECULAR_PROFILING", "PORTAL_VEIN_EMBOLIZATION", "TWO_STAGE_HEPATECTOMY",
                        "RESECTION_PLUS_ABLATION", "ABLATION", "NON_SURGICAL_CARE_MDT", "SYSTEMIC_THERAPY",
                        "RECEPTOR_GUIDED_THERAPY", "RECEPTOR_TESTING", "ADJUNCT_RESECTION", "ASSESS_FOR_RESECTION",
                        "SOMATOSTATIN_ANALOG",
                        "EMBOLIZATION", "PRRT", "OBSERVATION"};
  for (int k = 0; k < livermets::kRecCount; ++k) {
    EXPECT_EQ(livermets::info(static_cast<livermets::RecCode>(k)).code, recs[k]);
  }
  static_assert(sizeof recs / sizeof recs[0] == livermets::kRecCount);
  const char* warnings[] = {"CHECK_ANSWERS", "CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW", "BIOPSY_OF_SUSPECTED_CRLM",
                            "RADIOLOGICAL_RESPONSE_IS_NOT_CURE", "REMNANT_QUALITY",
                            "EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE", "ABLATION_LESION_SIZE", "ABLATION_PERIVASCULAR",
                            "OUTSIDE_GUIDELINE_SCOPE"};
  static_assert(sizeof warnings / sizeof warnings[0] == livermets::kWarningCount);
  for (int k = 0; k < livermets::kWarningCount; ++k) {
    EXPECT_EQ(livermets::info(static_cast<livermets::WarningCode>(k)).code, warnings[k]);
  }
  EXPECT_EQ(livermets::name(livermets::Strength::do_), "do");
  EXPECT_EQ(livermets::name(livermets::Overall::undetermined), "undetermined");
}
TEST(Catalogue, G73_CirrhosisThresholdSaysItIsBeyondTheGuideline) {
  // The 40 % cirrhosis figure is a published consensus figure beyond the guideline; the contract says "say so".
  const auto r = nlohmann::json::parse(livermets::evaluate_json(
      R"({"primary":"colorectal","liver_quality":"cirrhosis","flr_percent":35,"remnant_segments":3})"));
  std::string reason;
  for (const auto& k : r["candidacy"]["criteria"]) {
    if (k.value("code", "") == "REMNANT") reason = k.value("reason", "");
  }
  EXPECT_NE(reason.find("40"), std::string::npos) << reason;
  EXPECT_NE(reason.find("guideline"), std::string::npos) << reason;
}
TEST(Catalogue, QuestionnaireIsValidJson) {
  const auto q = nlohmann::json::parse(livermets::questionnaire_json(), nullptr, false);
  ASSERT_FALSE(q.is_discarded());
  EXPECT_TRUE(q.is_object() || q.is_array());
  EXPECT_FALSE(std::string(livermets::rulebase_version()).empty());
  EXPECT_FALSE(std::string(livermets::guideline_name()).empty());
}

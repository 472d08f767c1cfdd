// The statement catalogue against the guideline file itself, and the displayed
// texts that implement statements with no rule of their own.
#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "livermets/catalogue.hpp"
#include "statements.hpp"
#include "texts.hpp"
#include "trace_cases.hpp"

using namespace livermets;

namespace {

std::vector<std::string> guideline_lines() {
  std::ifstream in(LIVERMETS_GUIDELINE_FILE);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The citation numbers a guideline line ends with ("... resectable 3, 4" ->
// {3, 4}).  G12 is the one line whose citations sit mid-line, before
// "This is essential because:".
std::set<int> citations_of(const std::string& line) {
  static const std::regex trailing(R"((?:^|\s)([1-8](?:,\s*[1-8])*)\s*(?:This is essential because:)?\s*$)");
  std::smatch m;
  std::set<int> out;
  if (!std::regex_search(line, m, trailing)) return out;
  const std::string list = m[1].str();
  static const std::regex digit(R"(\d)");
  for (std::sregex_iterator it(list.begin(), list.end(), digit), end; it != end; ++it) {
    out.insert(std::stoi(it->str()));
  }
  return out;
}

std::vector<const CodeInfo*> every_code_info() {
  std::vector<const CodeInfo*> out;
  for (int p = 0; p < kPathwayCount; ++p) {
    for (int r = 0; r < kRecCount; ++r) out.push_back(&info(static_cast<RecCode>(r), static_cast<PathwayCode>(p)));
  }
  for (int w = 0; w < kWarningCount; ++w) out.push_back(&info(static_cast<WarningCode>(w)));
  for (int k = 0; k < kCriterionCount; ++k) out.push_back(&info(static_cast<CriterionCode>(k)));
  return out;
}

}  // namespace

TEST(Guideline, CatalogueHasOneStatementPerLine) {
  const auto lines = guideline_lines();
  ASSERT_EQ(lines.size(), 74U) << "the guideline file changed: review the rule base";
  ASSERT_EQ(statements().size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string id = (i < 9 ? "G0" : "G") + std::to_string(i + 1);
    EXPECT_EQ(statements()[i].id, id);
  }
}

TEST(Guideline, CitationsMatchTheGuidelineLineEnds) {
  const auto lines = guideline_lines();
  ASSERT_EQ(statements().size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Statement& s = statements()[i];
    const std::set<int> expected = citations_of(lines[i]);
    const std::set<int> actual(s.citations.begin(), s.citations.end());
    EXPECT_EQ(actual, expected) << s.id << ": " << lines[i];
  }
}

TEST(Guideline, G12CitationsAreReadFromMidLine) {
  EXPECT_EQ(citations_of("Surgeons must evaluate ... begins. 1, 2, 5 This is essential because:"),
            (std::set<int>{1, 2, 5}));
  EXPECT_TRUE(citations_of("Section heading without numbers").empty());
}

TEST(Guideline, EveryBasisNamesExistingNonHeadingStatementsAndTheirCitations) {
  for (const CodeInfo* ci : every_code_info()) {
    ASSERT_FALSE(ci->basis.statements.empty()) << ci->code;
    std::set<int> union_of_citations;
    for (auto id : ci->basis.statements) {
      const Statement* s = find_statement(id);
      ASSERT_NE(s, nullptr) << ci->code << " cites unknown " << id;
      // Only a scope statement may name a heading: G16 is the heading whose
      // scope (three primaries) excludes other primaries.
      if (ci->code != "OUTSIDE_GUIDELINE_SCOPE") {
        EXPECT_NE(s->kind, StatementKind::heading) << ci->code << " rests on heading " << id;
      }
      union_of_citations.insert(s->citations.begin(), s->citations.end());
    }
    EXPECT_EQ(std::set<int>(ci->basis.citations.begin(), ci->basis.citations.end()), union_of_citations) << ci->code;
    EXPECT_FALSE(ci->basis.citations.empty()) << ci->code;
    EXPECT_FALSE(ci->text.empty()) << ci->code;
  }
}

// The displayed texts are written for a case (texts.hpp); these tests read
// them for a representative case of each statement.
std::string rec(RecCode code, const Case& c) { return recommendation_text(code, c, decide(c)).str(); }

// G57-G63: the referral names the team and its five disciplines.
TEST(DisplayedText, G58_G59_G60_G61_G62_G63_ReferralNamesTheFiveDisciplines) {
  const std::string text = rec(RecCode::REFER_HPB_MDT, resectable_colorectal());
  for (const char* discipline : {"hepatobiliary surgery", "medical oncology", "interventional radiology",
                                 "radiation oncology", "pathology"}) {
    EXPECT_NE(text.find(discipline), std::string::npos) << discipline;
  }
  const auto& st = info(RecCode::REFER_HPB_MDT).basis.statements;
  for (const char* id : {"G02", "G57", "G58", "G59", "G60", "G61", "G62", "G63"}) {
    EXPECT_NE(std::find(st.begin(), st.end(), id), st.end()) << id;
  }
}

// G18 and G39 are informational: they are shown in the pathway summaries.
TEST(DisplayedText, G18_ColorectalResectionSurvivalIsShown) {
  const Case c = resectable_colorectal();
  const Decision d = decide(c);
  ASSERT_EQ(d.pathway, PathwayCode::CRC_RESECTION_FIRST);
  EXPECT_NE(pathway_summary(c, d).str().find("30-50% five-year survival"), std::string::npos);
}

TEST(DisplayedText, G39_BreastMedianSurvivalIsShown) {
  Case c;
  c.primary = Primary::breast;
  EXPECT_NE(pathway_summary(c, decide(c)).str().find("3-15 months"), std::string::npos);
}

// G47: ablation is presented as an adjunct, not a replacement for resection.
TEST(DisplayedText, G47_AblationIsAnAdjunct) {
  Case c = resectable_colorectal();
  c.patient_declines_surgery = true;
  c.largest_lesion_cm = 2.0;
  ASSERT_EQ(decide(c).pathway, PathwayCode::ABLATION_PRIMARY);
  EXPECT_NE(rec(RecCode::ABLATION, c).find("adjunct"), std::string::npos);
}

// G65, G66, G67, G68: surveillance states the recurrence figures.
TEST(DisplayedText, G65_G66_G67_G68_SurveillanceStatesRecurrenceFigures) {
  const std::string text = rec(RecCode::SURVEILLANCE, resectable_colorectal());
  EXPECT_NE(text.find("up to 60%"), std::string::npos) << text;
  EXPECT_NE(text.find("90%"), std::string::npos) << text;
  EXPECT_NE(text.find("2 years"), std::string::npos) << text;
  EXPECT_NE(text.find("About 20%"), std::string::npos) << text;
  EXPECT_NE(text.find("feasible and safe"), std::string::npos) << text;
}

// G13, G14, G15: the reasons for surgical review first are given with the item.
TEST(DisplayedText, G13_G14_G15_ReviewBeforeChemotherapyGivesTheReasons) {
  Case c = resectable_colorectal();
  c.surgical_review_done = false;
  const std::string text = rec(RecCode::SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY, c);
  EXPECT_NE(text.find("invisible on imaging"), std::string::npos) << text;
  EXPECT_NE(text.find("hepatocyte injury"), std::string::npos) << text;
  EXPECT_NE(text.find("20%"), std::string::npos) << text;
}

// Pathway texts are complete for every code, and rest on existing statements
// (headings only for the scope statement G16 of OUT_OF_SCOPE).
TEST(DisplayedText, EveryPathwayHasTitleSummaryAndBasis) {
  for (int p = 0; p < kPathwayCount; ++p) {
    const PathwayInfo& pi = info(static_cast<PathwayCode>(p));
    EXPECT_FALSE(pi.title.empty()) << pi.code;
    EXPECT_FALSE(pi.summary.empty()) << pi.code;
    ASSERT_FALSE(pi.basis.statements.empty()) << pi.code;
    for (auto id : pi.basis.statements) {
      const Statement* s = find_statement(id);
      ASSERT_NE(s, nullptr) << pi.code << " cites unknown " << id;
      if (pi.code != "OUT_OF_SCOPE") {
        EXPECT_NE(s->kind, StatementKind::heading) << pi.code << " " << id;
      }
    }
  }
}

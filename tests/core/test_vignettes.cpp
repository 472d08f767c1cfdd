// Clinical vignettes (tests/vignettes/*.json), written by hand from the
// contract's tables and the guideline, never from the program's output.
// Each file: {"name", "rationale" (citing Gnn), "case", "expect": {"pathway",
// "recommendations" (the exact set of codes), "warnings" (exact set),
// "candidacy"}}.  One gtest case per file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace lmt;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> vignette_files() {
  std::vector<std::string> v;
  for (const auto& e : fs::directory_iterator(LIVERMETS_VIGNETTE_DIR)) {
    if (e.path().extension() == ".json") v.push_back(e.path().filename().string());
  }
  std::sort(v.begin(), v.end());
  return v;
}

std::set<std::string> as_set(const json& a) {
  std::set<std::string> s;
  for (const auto& x : a) s.insert(x.get<std::string>());
  return s;
}

class Vignette : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST(Vignettes, AtLeastTwelve) { EXPECT_GE(vignette_files().size(), 12u); }

TEST_P(Vignette, MatchesTheHandDerivedExpectation) {
  std::ifstream in(std::string(LIVERMETS_VIGNETTE_DIR) + "/" + GetParam());
  std::stringstream ss;
  ss << in.rdbuf();
  const json v = json::parse(ss.str(), nullptr, false);
  ASSERT_FALSE(v.is_discarded()) << GetParam() << " is not valid JSON";
  ASSERT_TRUE(v.contains("case") && v.contains("expect")) << GetParam();
  EXPECT_FALSE(v.value("name", "").empty());
  EXPECT_NE(v.value("rationale", "").find('G'), std::string::npos) << "rationale must cite Gnn";
  const json& e = v["expect"];
  const json r = eval(v["case"]);
  SCOPED_TRACE(v.value("name", GetParam()));
  ASSERT_EQ(r.value("status", ""), "ok") << r.dump(2).substr(0, 600);
  EXPECT_EQ(pathway(r), e.value("pathway", "?"));
  if (e.contains("recommendations")) {
    EXPECT_EQ(recs(r), as_set(e["recommendations"]));
  }
  if (e.contains("warnings")) {
    EXPECT_EQ(warns(r), as_set(e["warnings"]));
  }
  if (e.contains("candidacy")) {
    EXPECT_EQ(overall(r), e["candidacy"].get<std::string>());
  }
  if (e.contains("strengths")) {
    for (const auto& [code, s] : e["strengths"].items()) EXPECT_EQ(strength(r, code), s.get<std::string>()) << code;
  }
}

INSTANTIATE_TEST_SUITE_P(All, Vignette, ::testing::ValuesIn(vignette_files()),
                         [](const ::testing::TestParamInfo<std::string>& p) {
                           std::string n = p.param.substr(0, p.param.size() - 5);
                           for (auto& ch : n) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n;
                         });

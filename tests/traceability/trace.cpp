// livermets_trace: maps every guideline statement to the rules and displayed
// texts that implement it and to the tests that assert it.
//
//   livermets_trace markdown SRC_DIR        print docs/traceability.md
//   livermets_trace check SRC_DIR           exit 1 if a non-heading statement has
//                                           no implementation or no test
//   livermets_trace verify-doc SRC_DIR      exit 1 if docs/traceability.md is stale
//
// A test counts for a statement only when the test itself names it: a
// GoogleTest name (TEST(Suite, G22_G15_...)), a node:test name
// (test('G22: ...')), or a vignette's file name (tests/vignettes/crc_02_G22_...).
// A mention in a comment, a helper or a fixture's text never counts, so
// removing the test removes the coverage.
//
// Implementations come from two places: the rule units in core/src (a
// function whose comment names the statement, one id at a time) and the
// catalogue's bases (the codes whose texts rest on the statement).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "livermets/catalogue.hpp"
#include "statements.hpp"

namespace fs = std::filesystem;
using namespace livermets;

namespace {

using Index = std::map<std::string, std::set<std::string>>;  // statement id -> names

void add_basis(Index& index, const Basis& basis, const std::string& what) {
  for (auto id : basis.statements) index[std::string(id)].insert(what);
}

// The rule units: each comment block that names statements, attached to the
// function defined right after it ("rule colorectal_pathway (decide.cpp)").
void rule_units(const fs::path& src, Index& index) {
  const std::regex id(R"(\bG([0-7][0-9])\b)");
  const std::regex function(R"(^[A-Za-z][\w:<>,&* ]*?\b([a-z_][a-z0-9_]*)\s*\([^;]*$)");
  for (const auto& entry : fs::directory_iterator(src / "core" / "src")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp") continue;
    std::ifstream in(entry.path());
    std::set<std::string> pending;
    for (std::string line; std::getline(in, line);) {
      const auto first = line.find_first_not_of(" \t");
      if (first == std::string::npos) continue;
      if (line.compare(first, 2, "//") == 0) {
        for (std::sregex_iterator m(line.begin(), line.end(), id), end; m != end; ++m) pending.insert("G" + (*m)[1].str());
        continue;
      }
      std::smatch f;
      if (!pending.empty() && std::regex_search(line, f, function)) {
        for (const auto& g : pending) index[g].insert("rule " + f[1].str() + " (" + entry.path().filename().string() + ")");
      }
      pending.clear();
    }
  }
}

Index implementations(const fs::path& src) {
  Index index;
  rule_units(src, index);
  for (int p = 0; p < kPathwayCount; ++p) {
    const auto pathway = static_cast<PathwayCode>(p);
    add_basis(index, info(pathway).basis, "pathway " + std::string(info(pathway).code));
    for (int r = 0; r < kRecCount; ++r) {
      const CodeInfo& ci = info(static_cast<RecCode>(r), pathway);
      add_basis(index, ci.basis, "recommendation " + std::string(ci.code));
    }
  }
  for (int w = 0; w < kWarningCount; ++w) {
    const CodeInfo& ci = info(static_cast<WarningCode>(w));
    add_basis(index, ci.basis, "warning " + std::string(ci.code));
  }
  for (int k = 0; k < kCriterionCount; ++k) {
    const CodeInfo& ci = info(static_cast<CriterionCode>(k));
    add_basis(index, ci.basis, "criterion " + std::string(ci.code));
  }
  return index;
}

// The names of the tests a source file defines.
std::vector<std::string> test_names(const fs::path& p, const std::string& text) {
  static const std::regex gtest(R"(\bTEST(?:_P|_F)?\(\s*\w+\s*,\s*(\w+)\s*\))");
  static const std::regex node_test(R"(\b(?:test|it)\(\s*(['"`])((?:(?!\1).)*)\1)");
  std::vector<std::string> names;
  const std::string ext = p.extension().string();
  if (ext == ".json") {
    // A vignette is one parameterised test case, named by its file.
    if (p.parent_path().filename() == "vignettes") names.push_back(p.stem().string());
    return names;
  }
  const std::regex& pattern = ext == ".cpp" ? gtest : node_test;
  const int group = ext == ".cpp" ? 1 : 2;
  for (std::sregex_iterator m(text.begin(), text.end(), pattern), end; m != end; ++m) names.push_back((*m)[group].str());
  if (ext == ".cpp") {
    // A row of a table-driven test (tests/core/table.hpp) is one test case,
    // named by its first member: {"G<nn>_What", ...}.
    static const std::regex row(R"re(\{\s*"(G[0-7][0-9]_\w+)"\s*,)re");
    for (std::sregex_iterator m(text.begin(), text.end(), row), end; m != end; ++m) names.push_back((*m)[1].str());
  }
  return names;
}

bool is_test_source(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".cpp" || ext == ".mjs" || ext == ".json";
}

Index test_mentions(const fs::path& src) {
  Index index;
  // An id inside a test name: delimited by anything but a letter or digit
  // (names join ids with "_": G20_G21_ResectionFirst).
  const std::regex token(R"((?:^|[^A-Za-z0-9])G([0-7][0-9])(?=$|[^0-9]))");
  const fs::path tests = src / "tests";
  for (auto it = fs::recursive_directory_iterator(tests); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_directory() && it->path().filename() == "node_modules") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || !is_test_source(it->path())) continue;
    std::ifstream in(it->path());
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    const std::string rel = fs::relative(it->path(), src).generic_string();
    for (const std::string& name : test_names(it->path(), text)) {
      for (std::sregex_iterator m(name.begin(), name.end(), token), end; m != end; ++m) {
        index["G" + (*m)[1].str()].insert(rel);
      }
    }
  }
  return index;
}

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
  return out.empty() ? "-" : out;
}

std::string markdown(const fs::path& src) {
  const Index impl = implementations(src);
  const Index tests = test_mentions(src);
  std::ostringstream out;
  out << "# Traceability: guideline statement -> rules and texts -> tests\n\n"
         "Generated by `scripts/update-traceability` (tests/traceability/trace.cpp) from the rule\n"
         "units of `core/src` (a function whose comment names the statement), the core's catalogue\n"
         "(the codes whose basis cites it) and the tests that assert it. A test counts only when its\n"
         "own name names the statement (a GoogleTest or node:test name, or a vignette's file name);\n"
         "a mention in a comment never counts. A ctest test fails when this file is stale or when a\n"
         "non-heading statement loses its implementation or its tests. Statement `Gnn` is line `nn`\n"
         "of `guideline/liver-metastases-guideline.txt`. Informational statements are implemented by\n"
         "the displayed text (pathway summaries and the basis panel) that states them.\n\n"
         "| statement | kind | gist | implemented by | tests |\n|---|---|---|---|---|\n";
  for (const Statement& s : statements()) {
    const std::string id(s.id);
    const bool heading = s.kind == StatementKind::heading;
    auto impl_it = impl.find(id);
    auto test_it = tests.find(id);
    out << "| " << id << " | " << name(s.kind) << " | " << s.gist << " | "
        << (heading ? "(heading)" : join(impl_it == impl.end() ? std::set<std::string>{} : impl_it->second))
        << " | " << (heading ? "-" : join(test_it == tests.end() ? std::set<std::string>{} : test_it->second))
        << " |\n";
  }
  return out.str();
}

int check(const fs::path& src) {
  const Index impl = implementations(src);
  const Index tests = test_mentions(src);
  int failures = 0;
  for (const Statement& s : statements()) {
    if (s.kind == StatementKind::heading) continue;
    const std::string id(s.id);
    if (!impl.count(id)) {
      std::cerr << id << ": no rule or displayed text implements it\n";
      ++failures;
    }
    if (!tests.count(id)) {
      std::cerr << id << ": no test names it\n";
      ++failures;
    }
  }
  std::cout << statements().size() << " statements checked, " << failures << " coverage gaps\n";
  return failures == 0 ? 0 : 1;
}

int verify_doc(const fs::path& src) {
  std::ifstream in(src / "docs" / "traceability.md");
  std::stringstream buf;
  buf << in.rdbuf();
  if (buf.str() == markdown(src)) return 0;
  std::cerr << "docs/traceability.md is stale: run scripts/update-traceability\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: livermets_trace markdown|check|verify-doc SRC_DIR\n";
    return 2;
  }
  const std::string command = argv[1];
  const fs::path src = argv[2];
  if (command == "markdown") {
    std::cout << markdown(src);
    return 0;
  }
  if (command == "check") return check(src);
  if (command == "verify-doc") return verify_doc(src);
  std::cerr << "unknown command " << command << "\n";
  return 2;
}

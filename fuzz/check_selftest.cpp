// The fuzz harness's JSON checker must catch what it claims to catch.
// tests/fuzz/checker-cases.jsonl holds real results from the module and
// copies of them broken in one way each (no referral, anti-EGFR on a
// right-sided tumour, resection for a patient who declined, a recommendation
// without its basis...), each with the problem the checker must report.
// The JavaScript twin (tests/replay/result-check.mjs) reads the same file in
// tests/replay/result-check.test.mjs, so the two checkers stay in step.
//   livermets_fuzz_checker_selftest tests/fuzz/checker-cases.jsonl
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "result_check.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s checker-cases.jsonl\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1]);
  std::string line;
  int cases = 0, failures = 0, good = 0, bad = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto c = nlohmann::json::parse(line);
    const std::string name = c.at("name").get<std::string>();
    const std::string expect = c.at("expect").get<std::string>();
    const auto problems = livermets::fuzzcheck::check_result(c.at("result").get<std::string>());
    ++cases;
    bool ok;
    std::string got;
    for (const auto& p : problems) got += (got.empty() ? "" : "; ") + p;
    if (expect.empty()) {
      ++good;
      ok = problems.empty();
    } else {
      ++bad;
      ok = got.find(expect) != std::string::npos;
    }
    if (!ok) {
      ++failures;
      std::printf("FAIL %s: expected %s, got [%s]\n", name.c_str(),
                  expect.empty() ? "no problem" : ("'" + expect + "'").c_str(), got.c_str());
    }
  }
  std::printf("checker self-test: %d cases (%d valid results, %d broken ones), %d failure(s)\n", cases, good, bad,
              failures);
  return cases >= 40 && failures == 0 ? 0 : 1;
}

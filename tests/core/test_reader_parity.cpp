// The case is read by a fast reader for plain JSON and by nlohmann's parser
// for everything else (core/src/plain_json_reader.hpp).  Two readers must
// never disagree: on every stored input (vignettes, crashers, the fuzz seeds
// and corpus) and on hand-picked edge texts, both give the same errors and,
// when valid, the same result.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "livermets/decision.hpp"
#include "parse_readers.hpp"
#include "result_json.hpp"

using namespace livermets;
namespace fs = std::filesystem;

namespace {

std::string outcome(const ParsedCase& p) {
  if (!p.ok()) return error_result_json(p.errors);
  return ok_result_json(p.value, decide(p.value));
}

void expect_same(const std::string& text, const std::string& where) {
  const std::string fast = outcome(parse_case(text));
  const std::string reference = outcome(parse_case_nlohmann_only(text));
  EXPECT_EQ(fast, reference) << where;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

TEST(ReaderParity, StoredInputsReadTheSameByBothReaders) {
  int files = 0;
  for (const char* dir : {"tests/vignettes", "tests/regressions", "fuzz/seeds", "fuzz/corpus"}) {
    const fs::path root = fs::path(LIVERMETS_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
      expect_same(read(entry.path()), entry.path().string());
      ++files;
    }
  }
  EXPECT_GT(files, 100) << "the stored inputs were not found";
  std::printf("reader parity: %d stored inputs\n", files);
}

TEST(ReaderParity, EdgeTextsReadTheSameByBothReaders) {
  const std::vector<std::string> texts = {
      R"({"primary":"colorectal","ecog":2,"lesion_count":3.0,"flr_percent":30})",
      R"({"primary":"colorectal","ecog":-0,"flr_percent":1e1,"largest_lesion_cm":4E-0})",
      R"({"primary":"colorectal","lesion_count":012})",
      R"({"primary":"colorectal","lesion_count":1.})",
      R"({"primary":"colorectal","lesion_count":123456789012345678901})",
      R"({"primary":"colorectal","flr_percent":1e400})",
      R"({"primary":"colorectal","flr_percent":-1e400})",
      R"({"primary":"col\u006frectal"})",
      "{\"primary\":\"colorectal\",\"x_note\":\"caf\xc3\xa9\"}",
      "\xef\xbb\xbf{\"primary\":\"breast\"}",
      R"({"primary":"breast",})",
      R"({"primary":"breast"} x)",
      R"({"a":1,"a":2})",
      R"({"x_a":[[[[[[[[1]]]]]]]]})",
      R"({"colorectal":{"ras":"mutated"},"primary":"colorectal"})",
      R"({"colorectal":{"ras":"mutated"},"primary":"breast"})",
      " \n\t{ \"primary\" : \"other\" } \n",
      "{}",
      "[]",
      "",
  };
  for (const auto& t : texts) expect_same(t, t);
}

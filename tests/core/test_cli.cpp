// The native CLI (CONTRACT.md section 1): `livermets evaluate [FILE|-]`,
// `livermets evaluate --jsonl [FILE|-]`, `livermets questionnaire`,
// `livermets --version`, and the exit codes (0 all ok, 2 any invalid input,
// 1 internal fault).  Runs the binary built in
// this build tree (LIVERMETS_CLI, the same target as build/native/bin/livermets).
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace lmt;

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

// `env`: variable assignments to run the CLI with ("NAME=value ...").
Run run(const std::string& args, const std::string& env = "") {
  Run r;
  const std::string cmd = env + " '" + LIVERMETS_CLI + "' " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string temp_file(const std::string& content) {
  char name[] = "/tmp/livermets-cli-XXXXXX";
  const int fd = mkstemp(name);
  if (fd >= 0) {
    const ssize_t w = write(fd, content.data(), content.size());
    (void)w;
    close(fd);
  }
  return name;
}

}  // namespace

TEST(Cli, EvaluateValidCaseFromFileExits0) {
  const auto f = temp_file(crc_resectable().dump());
  const auto r = run("evaluate " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 0);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j.value("status", ""), "ok");
  EXPECT_EQ(pathway(j), "CRC_RESECTION_FIRST");
}
TEST(Cli, EvaluateFromStdin) {
  const auto f = temp_file(net_candidate().dump());
  const auto r = run("evaluate - < " + f);
  const auto r2 = run("evaluate < " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(pathway(json::parse(r.out, nullptr, false)), "NET_RESECTION");
  EXPECT_EQ(r2.exit_code, 0);
  EXPECT_EQ(pathway(json::parse(r2.out, nullptr, false)), "NET_RESECTION");
}
TEST(Cli, InvalidCaseExits2AndStillPrintsTheError) {
  const auto f = temp_file(R"({"ecog": 9})");
  const auto r = run("evaluate " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 2);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_TRUE(is_error_naming(j, {"ecog"}));
}
TEST(Cli, MalformedJsonExits2) {
  const auto f = temp_file("{\"primary\": ");
  const auto r = run("evaluate " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 2);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j.value("status", ""), "error");
}
TEST(Cli, ArrayInArrayOutInOrder) {
  const json arr = json::array({net_candidate(), crc_resectable(), breast_candidate(), json{{"primary", "other"}}});
  const auto f = temp_file(arr.dump());
  const auto r = run("evaluate " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 0);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << r.out.substr(0, 300);
  ASSERT_EQ(j.size(), 4u);
  EXPECT_EQ(pathway(j[0]), "NET_RESECTION");
  EXPECT_EQ(pathway(j[1]), "CRC_RESECTION_FIRST");
  EXPECT_EQ(pathway(j[2]), "BREAST_SYSTEMIC_FIRST");
  EXPECT_EQ(pathway(j[3]), "OUT_OF_SCOPE");
}
TEST(Cli, ArrayWithOneInvalidCaseExits2AndKeepsTheOthers) {
  const json arr = json::array({crc_resectable(), json{{"primary", "lung"}}, net_candidate()});
  const auto f = temp_file(arr.dump());
  const auto r = run("evaluate " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 2);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << r.out.substr(0, 300);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(pathway(j[0]), "CRC_RESECTION_FIRST");
  EXPECT_TRUE(is_error_naming(j[1], {"primary"}));
  EXPECT_EQ(pathway(j[2]), "NET_RESECTION");
}
TEST(Cli, MissingFileIsNotExit0) {
  const auto r = run("evaluate /nonexistent/livermets-case.json");
  EXPECT_NE(r.exit_code, 0);
}
TEST(Cli, QuestionnairePrintsValidJson) {
  const auto r = run("questionnaire");
  EXPECT_EQ(r.exit_code, 0);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out.substr(0, 300);
  EXPECT_EQ(j, json::parse(livermets::questionnaire_json()));
}
TEST(Cli, VersionPrintsTheRulebaseVersion) {
  const auto r = run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find(std::string(livermets::rulebase_version())), std::string::npos) << r.out;
}

// ------------------------------------------------------------ array limits

TEST(Cli, MalformedArrayIsOneErrorNamingTheCaseExit2) {
  const auto f = temp_file(R"([{"primary":"other"}}{"primary":"breast"}])");
  const auto r = run("evaluate " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 2);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out.substr(0, 300);
  EXPECT_TRUE(is_error_naming(j, {"case"}));
  EXPECT_EQ(j["errors"].size(), 1u);
}
TEST(Cli, ArrayOfMoreThanTheCaseLimitIsRefused) {
  std::string text = "[{}";
  for (std::size_t i = 1; i <= livermets::kMaxDocumentCases; ++i) text += ",{}";
  text += "]";
  const auto f = temp_file(text);
  const auto r = run("evaluate " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 2);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out.substr(0, 300);
  EXPECT_TRUE(is_error_naming(j, {"case"}));
  EXPECT_NE(j["errors"][0].value("message", "").find("more than 10000 cases"), std::string::npos) << r.out;
}
TEST(Cli, InputBeyondTheDocumentLimitIsRefusedWithoutReadingItAll) {
  const std::string pad(livermets::kMaxDocumentBytes, ' ');
  const auto f = temp_file("[" + pad + "{}]");
  const auto r = run("evaluate " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 2);
  const json j = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out.substr(0, 300);
  EXPECT_TRUE(is_error_naming(j, {"case"}));
  EXPECT_NE(j["errors"][0].value("message", "").find("--jsonl"), std::string::npos) << r.out;
}

// ------------------------------------------------------------ JSON Lines

namespace {

std::vector<json> lines_of(const std::string& out) {
  std::vector<json> results;
  std::size_t at = 0;
  while (at < out.size()) {
    const std::size_t end = out.find('\n', at);
    EXPECT_NE(end, std::string::npos) << "the last result has no newline";
    if (end == std::string::npos) break;
    results.push_back(json::parse(out.substr(at, end - at), nullptr, false));
    EXPECT_FALSE(results.back().is_discarded()) << out.substr(at, 200);
    at = end + 1;
  }
  return results;
}

Run run_lines(const std::string& text) {
  const auto f = temp_file(text);
  Run r = run("evaluate --jsonl " + f);
  std::remove(f.c_str());
  return r;
}

}  // namespace

TEST(Cli, JsonlWritesOneResultPerLineInOrderExit0) {
  const auto r = run_lines(net_candidate().dump() + "\n" + crc_resectable().dump() + "\n" +
                           json{{"primary", "other"}}.dump() + "\n");
  EXPECT_EQ(r.exit_code, 0);
  const auto results = lines_of(r.out);
  ASSERT_EQ(results.size(), 3u) << r.out.substr(0, 300);
  EXPECT_EQ(pathway(results[0]), "NET_RESECTION");
  EXPECT_EQ(pathway(results[1]), "CRC_RESECTION_FIRST");
  EXPECT_EQ(pathway(results[2]), "OUT_OF_SCOPE");
  EXPECT_EQ(results[1].dump(), json::parse(livermets::evaluate_json(crc_resectable().dump())).dump());
}
TEST(Cli, JsonlFromStandardInputWithoutAFinalNewline) {
  const auto f = temp_file(crc_resectable().dump() + "\n" + net_candidate().dump());
  const auto r = run("evaluate --jsonl - < " + f);
  std::remove(f.c_str());
  EXPECT_EQ(r.exit_code, 0);
  const auto results = lines_of(r.out);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(pathway(results[1]), "NET_RESECTION");
}
TEST(Cli, JsonlInvalidLinesExit2AndKeepTheOthers) {
  const auto r = run_lines(crc_resectable().dump() + "\n{\"ecog\": 9}\n{\"primary\":\n[{}]\n" +
                           net_candidate().dump() + "\n");
  EXPECT_EQ(r.exit_code, 2);
  const auto results = lines_of(r.out);
  ASSERT_EQ(results.size(), 5u) << r.out.substr(0, 300);
  EXPECT_EQ(pathway(results[0]), "CRC_RESECTION_FIRST");
  EXPECT_TRUE(is_error_naming(results[1], {"ecog"}));
  EXPECT_TRUE(is_error_naming(results[2], {"case"}));  // malformed JSON
  EXPECT_TRUE(is_error_naming(results[3], {"case"}));  // an array is not a case
  EXPECT_EQ(pathway(results[4]), "NET_RESECTION");
}
TEST(Cli, JsonlSkipsBlankLinesAndReadsWindowsLineEnds) {
  const auto r = run_lines("\n" + crc_resectable().dump() + "\r\n\r\n  \t \n" + net_candidate().dump() + "\r\n\n");
  EXPECT_EQ(r.exit_code, 0);
  const auto results = lines_of(r.out);
  ASSERT_EQ(results.size(), 2u) << r.out.substr(0, 300);
  EXPECT_EQ(pathway(results[0]), "CRC_RESECTION_FIRST");
  EXPECT_EQ(pathway(results[1]), "NET_RESECTION");
}
TEST(Cli, JsonlOverlongLineIsRefusedWithItsOwnSizeAndTheNextLineIsRead) {
  json big = crc_resectable();
  big["x_padding"] = std::string(200 * 1024, 'a');
  const std::string line = big.dump();
  const auto r = run_lines(line + "\r\n" + net_candidate().dump() + "\n");
  EXPECT_EQ(r.exit_code, 2);
  const auto results = lines_of(r.out);
  ASSERT_EQ(results.size(), 2u);
  ASSERT_TRUE(is_error_naming(results[0], {"case"}));
  EXPECT_EQ(results[0]["errors"][0].value("message", ""),
            json::parse(livermets::evaluate_json(line))["errors"][0].value("message", ""));
  EXPECT_EQ(pathway(results[1]), "NET_RESECTION");
}
TEST(Cli, JsonlEmptyInputGivesNothingAndExits0) {
  const auto r = run_lines("");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

// Each result is written before the next case arrives (a pipe that waits for
// answers, as a registry audit script would).  The only wait is for the
// child's output; a generous bound keeps a regression from hanging the suite.
TEST(Cli, JsonlAnswersEachLineBeforeTheNextArrives) {
  int to_child[2], from_child[2];
  ASSERT_EQ(pipe(to_child), 0);
  ASSERT_EQ(pipe(from_child), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(to_child[0], STDIN_FILENO);
    dup2(from_child[1], STDOUT_FILENO);
    close(to_child[1]);
    close(from_child[0]);
    execl(LIVERMETS_CLI, LIVERMETS_CLI, "evaluate", "--jsonl", "-", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  auto read_line = [&](std::string& line) {
    line.clear();
    char ch = 0;
    for (;;) {
      pollfd p{from_child[0], POLLIN, 0};
      if (poll(&p, 1, 60000) <= 0) return false;
      if (read(from_child[0], &ch, 1) != 1) return false;
      if (ch == '\n') return true;
      line += ch;
    }
  };
  std::string line;
  for (const json& c : {crc_resectable(), net_candidate()}) {
    const std::string text = c.dump() + "\n";
    ASSERT_EQ(write(to_child[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
    ASSERT_TRUE(read_line(line)) << "no result while the input stays open";
    EXPECT_EQ(json::parse(line, nullptr, false).value("status", ""), "ok") << line.substr(0, 200);
  }
  close(to_child[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  close(from_child[0]);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

// ------------------------------------------------------------ internal faults

#ifdef LIVERMETS_FAIL_ALLOC_LIB
// Each run fails one allocation of the CLI (the N-th after it starts reading
// its input) through a preload library that replaces operator new
// (tests/fault); N goes up until a run no longer reaches it.  Whenever the
// failure strikes, the exit status is 1 (never 0 or 2), and what was written
// is whole results, the faulted one flagged internal_fault.  `clean_exit`:
// the status when nothing fails (a fault outranks an invalid case).
void expect_faults_exit_1(const std::string& args, const std::string& input, int clean_exit) {
  const auto f = temp_file(input);
  const std::string report = f + ".struck";
  int core_faults = 0;
  for (long n = 1;; ++n) {
    std::remove(report.c_str());
    const Run r = run("evaluate " + args + " " + f, "LD_PRELOAD='" + std::string(LIVERMETS_FAIL_ALLOC_LIB) +
                                                        "' LIVERMETS_FAIL_ALLOCATION=" + std::to_string(n) +
                                                        " LIVERMETS_FAIL_REPORT='" + report + "'");
    const bool struck = std::ifstream(report).good();
    if (!struck) {  // the run ended before its N-th allocation
      EXPECT_EQ(r.exit_code, clean_exit) << "allocation " << n << ": " << r.out.substr(0, 300);
      EXPECT_GT(n, 10) << "the CLI should allocate";
      break;
    }
    EXPECT_EQ(r.exit_code, 1) << "allocation " << n << ": " << r.out.substr(0, 300);
    std::size_t at = 0;
    while (at < r.out.size()) {  // every line written is a whole result
      const std::size_t end = std::min(r.out.find('\n', at), r.out.size());
      const json line = json::parse(r.out.substr(at, end - at), nullptr, false);
      EXPECT_FALSE(line.is_discarded()) << "allocation " << n << ": " << r.out.substr(at, 200);
      core_faults += line.is_object() && line.value("internal_fault", false) ? 1 : 0;
      at = end + 1;
    }
    ASSERT_LT(n, 20000);
  }
  std::remove(report.c_str());
  std::remove(f.c_str());
  EXPECT_GT(core_faults, 10) << "no failure reached the core";
}

TEST(Cli, InternalFaultExits1) { expect_faults_exit_1("", crc_resectable().dump(), 0); }
TEST(Cli, JsonlInternalFaultExits1) {
  expect_faults_exit_1("--jsonl", crc_resectable().dump() + "\n{\"ecog\":9}\n" + net_candidate().dump() + "\n", 2);
}
#endif

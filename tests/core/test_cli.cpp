// The native CLI (CONTRACT.md section 1): `livermets evaluate [FILE|-]`,
// `livermets questionnaire`, `livermets --version`, and the exit codes
// (0 all ok, 2 any invalid input, 1 internal fault).  Runs the binary built in
// this build tree (LIVERMETS_CLI, the same target as build/native/bin/livermets).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "helpers.hpp"

using namespace lmt;

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

Run run(const std::string& args) {
  Run r;
  const std::string cmd = std::string("'") + LIVERMETS_CLI + "' " + args + " 2>/dev/null";
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

// livermets: the native command line.  All knowledge is in the core; this
// file only reads input, prints output and maps results to exit codes
// (CONTRACT.md section 1): 0 all ok, 2 any invalid input, 1 internal fault.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <iostream>
#include <string>

#include "line_reader.hpp"
#include "livermets/livermets.hpp"
#include "livermets/parse.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFault = 1;
constexpr int kExitInvalid = 2;

void usage(std::ostream& out) {
  out << "usage:\n"
         "  livermets evaluate [FILE|-]          evaluate a case object, or an array of at most 10000 cases\n"
         "                                       (16 MiB), read from FILE or standard input; prints the result\n"
         "                                       JSON (an array of results for an array)\n"
         "  livermets evaluate --jsonl [FILE|-]  JSON Lines: one case object per line in, one result per line\n"
         "                                       out, as each is read (blank lines are skipped)\n"
         "  livermets questionnaire              print the questionnaire definition (JSON)\n"
         "  livermets --version                  print the rule-base version and guideline\n"
         "exit status: 0 every result ok, 2 some input invalid, 1 internal fault\n";
}

// Standard input for "-", else the file; -1 (with a message) when it cannot be opened.
int open_input(const std::string& path) {
  if (path == "-") return STDIN_FILENO;
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) std::cerr << "livermets: cannot read " << path << "\n";
  return fd;
}

// Reads at most `limit` bytes; the core refuses a text longer than its
// document limit, so one byte beyond it is enough to know.
bool read_up_to(int fd, std::size_t limit, std::string& text) {
  char buffer[1 << 16];
  while (text.size() < limit) {
    const ssize_t got = ::read(fd, buffer, std::min(sizeof buffer, limit - text.size()));
    if (got == 0) return true;
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return false;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return true;
}

int exit_status(bool all_ok, bool fault) { return fault ? kExitFault : all_ok ? kExitOk : kExitInvalid; }

int evaluate_document(const std::string& path) {
  const int fd = open_input(path);
  if (fd < 0) return kExitFault;
  std::string text;
  const bool read = read_up_to(fd, livermets::kMaxDocumentBytes + 1, text);
  if (fd != STDIN_FILENO) ::close(fd);
  if (!read) {
    std::cerr << "livermets: cannot read " << path << "\n";
    return kExitFault;
  }
  const livermets::DocumentResult r = livermets::evaluate_document(text);
  std::cout << r.json << "\n";
  if (!std::cout.flush()) {  // iostreams report a failed write (a full disk, memory) only here
    std::cerr << "livermets: cannot write the result\n";
    return kExitFault;
  }
  return exit_status(r.all_ok, r.internal_fault);
}

bool blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

// JSON Lines: one result per case line, written as it is computed.  Memory
// stays bounded whatever the input's length: a line is kept up to one byte
// beyond the single-case limit, and output is flushed whenever the next read
// could wait.
int evaluate_lines(const std::string& path) {
  const int fd = open_input(path);
  if (fd < 0) return kExitFault;
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  livermets_cli::LineReader lines(fd, livermets::kMaxCaseBytes + 1, [] { std::fflush(stdout); });
  bool all_ok = true;
  bool fault = false;
  std::string line;
  std::size_t length = 0;
  while (lines.next(line, length)) {
    if (length == line.size() && blank(line)) continue;
    const livermets::DocumentResult r = length > livermets::kMaxCaseBytes
                                            ? livermets::evaluate_oversized_case(length)
                                            : livermets::evaluate_case(line);
    std::fwrite(r.json.data(), 1, r.json.size(), stdout);
    std::fputc('\n', stdout);
    all_ok = all_ok && r.all_ok;
    fault = fault || r.internal_fault;
  }
  if (fd != STDIN_FILENO) ::close(fd);
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || lines.failed()) {
    std::cerr << "livermets: " << (lines.failed() ? "cannot read " + path : std::string("cannot write the results"))
              << "\n";
    return kExitFault;
  }
  return exit_status(all_ok, fault);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string command = argc > 1 ? argv[1] : "";
    const bool jsonl = argc > 2 && std::string(argv[2]) == "--jsonl";
    if (command == "evaluate" && jsonl && argc <= 4) return evaluate_lines(argc == 4 ? argv[3] : "-");
    if (command == "evaluate" && !jsonl && argc <= 3) return evaluate_document(argc == 3 ? argv[2] : "-");
    if (command == "questionnaire" && argc == 2) {
      std::cout << livermets::questionnaire_json() << "\n";
      return kExitOk;
    }
    if (command == "--version" && argc == 2) {
      std::cout << "livermets " << livermets::rulebase_version() << " (rule base for \""
                << livermets::guideline_name() << "\")\n";
      return kExitOk;
    }
    if (command == "--help" || command == "-h") {
      usage(std::cout);
      return kExitOk;
    }
    usage(std::cerr);
    return kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << "livermets: internal fault: " << e.what() << "\n";
    return kExitFault;
  }
}

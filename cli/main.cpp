// livermets: the native command line.  All knowledge is in the core; this
// file only reads input, prints output and maps results to exit codes
// (CONTRACT.md section 1): 0 all ok, 2 any invalid input, 1 internal fault.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "livermets/livermets.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFault = 1;
constexpr int kExitInvalid = 2;

void usage(std::ostream& out) {
  out << "usage:\n"
         "  livermets evaluate [FILE|-]   evaluate a case object (or an array of cases) read from FILE or\n"
         "                                standard input; prints the result JSON\n"
         "  livermets questionnaire       print the questionnaire definition (JSON)\n"
         "  livermets --version           print the rule-base version and guideline\n"
         "exit status: 0 every result ok, 2 some input invalid, 1 internal fault\n";
}

bool read_all(const std::string& path, std::string& text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

int evaluate(const std::string& path) {
  std::string text;
  if (!read_all(path, text)) {
    std::cerr << "livermets: cannot read " << path << "\n";
    return kExitFault;
  }
  const livermets::DocumentResult r = livermets::evaluate_document(text);
  std::cout << r.json << "\n";
  if (r.internal_fault) return kExitFault;
  return r.all_ok ? kExitOk : kExitInvalid;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "evaluate" && argc <= 3) return evaluate(argc == 3 ? argv[2] : "-");
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

// Build tool: writes the questionnaire definition into a C++ source file that
// defines questionnaire_json() as a constant, so the CLI and the WebAssembly
// module carry the text instead of building it at run time.
//   make_questionnaire OUT.cpp
// Under Emscripten this runs in Node (core/CMakeLists.txt).
#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "questionnaire_builder.hpp"

namespace {

constexpr std::string_view kDelimiter = "lmq";
constexpr std::size_t kPiece = 8192;  // raw-literal pieces, split only between ASCII bytes

std::string source_for(const std::string& text) {
  const std::string close = ")" + std::string(kDelimiter) + "\"";
  if (text.find(close) != std::string::npos) throw std::runtime_error("the text contains the literal's delimiter");
  std::string out =
      "// Generated when the core is built, by make_questionnaire from core/src/questionnaire.cpp: do not edit.\n"
      "#include <string>\n\n#include \"livermets/livermets.hpp\"\n\nnamespace livermets {\n\nnamespace {\n\n"
      "constexpr char kQuestionnaire[] =\n    \"\"\n";
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = std::min(at + kPiece, text.size());
    while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) ++end;  // not inside a UTF-8 character
    out += "    R\"" + std::string(kDelimiter) + "(" + text.substr(at, end - at) + close + "\n";
    at = end;
  }
  out += "    ;\n\n}  // namespace\n\n"
         "std::string questionnaire_json() { return std::string(kQuestionnaire, sizeof kQuestionnaire - 1); }\n\n"
         "}  // namespace livermets\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_questionnaire OUT.cpp\n");
    return 2;
  }
  try {
    const std::string source = source_for(livermets::build_questionnaire());
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << source;
    out.close();
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[1]);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_questionnaire: %s\n", e.what());
    return 1;
  }
}

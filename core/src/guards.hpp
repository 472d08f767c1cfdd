// The limits on hostile input (CONTRACT.md section 2): size, nesting depth,
// duplicate keys, numbers outside a double, and anything nlohmann's parser
// refuses (syntax, invalid UTF-8).  They run before, and beside, the field
// checks: the first violation stops the read and is the only error reported,
// so nothing is built from a refused document.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "livermets/parse.hpp"

namespace livermets {

// The size limit, checked before the text is read at all.
std::optional<FieldError> check_case_size(std::string_view text);
FieldError case_size_error(std::size_t bytes);

// nlohmann's description of a syntax or UTF-8 error, without its echo of the
// offending bytes (they may be invalid UTF-8): "(at byte 7): syntax error ...".
std::string syntax_error_text(std::size_t position, const nlohmann::json::exception& ex);

// Sees every SAX event of the document (x_ values included); each call
// returns false, keeping the error, when the event breaks a limit.
class Guards {
 public:
  bool enter_object() { return enter(false); }
  bool enter_array() { return enter(true); }
  void leave();
  // Refuses a key already seen in the same object.
  bool key(const std::string& k);
  bool number_float(double v, const std::string& text);
  // nlohmann's syntax and UTF-8 errors, reworded; its number overflow (1e400)
  // is named like a non-finite number.
  bool parse_error(std::size_t position, const nlohmann::json::exception& ex);

  const std::optional<FieldError>& error() const { return error_; }

 private:
  // The keys seen in one open object live in one shared arena string, so a
  // key costs no allocation of its own; an object's keys are dropped when it
  // closes (objects nest, so the arena is a stack).
  struct SeenKey {
    std::uint32_t hash;
    std::uint32_t offset;
    std::uint32_t length;
  };
  struct Level {
    std::vector<SeenKey> keys;  // the last one is the current key
    std::size_t arena_start = 0;
    bool is_array = false;
  };

  std::string_view arena_text(const SeenKey& k) const {
    return std::string_view(key_arena_).substr(k.offset, k.length);
  }
  bool enter(bool is_array);
  bool fail(std::string field, std::string message);
  std::string current_path() const;

  int depth_ = 0;                              // open objects and arrays
  std::array<Level, kMaxDepth + 1> levels_{};  // [1..depth_] are open
  std::string key_arena_;
  std::optional<FieldError> error_;
};

}  // namespace livermets

#include "guards.hpp"

#include <cmath>

namespace livermets {

namespace {

std::uint32_t hash_of(const std::string& k) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (const char ch : k) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  return h;
}

}  // namespace

std::optional<FieldError> check_case_size(std::string_view text) {
  if (text.size() <= kMaxCaseBytes) return std::nullopt;
  return case_size_error(text.size());
}

FieldError case_size_error(std::size_t bytes) {
  return {"case", "the case is " + std::to_string(bytes) + " bytes; at most " + std::to_string(kMaxCaseBytes) +
                      " bytes (64 KiB) of JSON are accepted"};
}

std::string syntax_error_text(std::size_t position, const nlohmann::json::exception& ex) {
  std::string what = ex.what();
  // nlohmann's text starts with "[json.exception.parse_error.101] parse error at ...: "
  const auto colon = what.find(": ");
  if (colon != std::string::npos) what = what.substr(colon + 2);
  const auto echo = what.find("; last read");
  if (echo != std::string::npos) what = what.substr(0, echo);
  return "(at byte " + std::to_string(position) + "): " + what;
}

void Guards::leave() {
  key_arena_.resize(levels_[depth_].arena_start);
  levels_[depth_].keys.clear();
  --depth_;
}

// The key is recorded first, so that it is the current key in a duplicate's
// error path.
bool Guards::key(const std::string& k) {
  Level& level = levels_[depth_];
  const std::uint32_t hash = hash_of(k);
  level.keys.push_back({hash, static_cast<std::uint32_t>(key_arena_.size()), static_cast<std::uint32_t>(k.size())});
  key_arena_ += k;
  for (std::size_t n = 0; n + 1 < level.keys.size(); ++n) {
    const SeenKey& seen = level.keys[n];
    if (seen.hash == hash && arena_text(seen) == k) {
      return fail(current_path(), "the key \"" + k + "\" appears twice in the same object; give it once");
    }
  }
  return true;
}

bool Guards::number_float(double v, const std::string& text) {
  if (!std::isfinite(v)) return fail(current_path(), "the number " + text + " is outside the range of a double");
  return true;
}

bool Guards::parse_error(std::size_t position, const nlohmann::json::exception& ex) {
  if (ex.id == 406) {  // nlohmann: a number overflowed a double (1e400)
    return fail(current_path(), "the number is outside the range of a double; give a finite number");
  }
  return fail("case", "not valid JSON " + syntax_error_text(position, ex));
}

bool Guards::enter(bool is_array) {
  if (depth_ + 1 > kMaxDepth) {
    return fail("case", "nesting deeper than " + std::to_string(kMaxDepth) + " levels is refused");
  }
  ++depth_;
  Level& level = levels_[depth_];
  level.arena_start = key_arena_.size();
  level.is_array = is_array;
  return true;
}

bool Guards::fail(std::string field, std::string message) {
  if (!error_) error_ = FieldError{std::move(field), std::move(message)};
  return false;
}

// The dotted path of the value being read, for a guard's error; array
// levels, not-yet-named levels and empty names are left out.
std::string Guards::current_path() const {
  std::string p;
  for (int d = 1; d <= depth_; ++d) {
    const Level& level = levels_[d];
    if (level.is_array || level.keys.empty()) continue;
    const std::string_view part = arena_text(level.keys.back());
    if (part.empty() || part == "[]") continue;  // "[]" as a key: skipped, as the first parser did
    if (!p.empty()) p += '.';
    p += part;
  }
  return p.empty() ? "case" : p;
}

}  // namespace livermets

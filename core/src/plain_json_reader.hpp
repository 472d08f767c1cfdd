// A fast reader for the plain subset of JSON that cases are normally written
// in, emitting the same SAX events as nlohmann's parser for the same text.
//
// Why: nlohmann's lexer handles every corner of JSON and keeps a copy of each
// token for its error messages; on a typical case it was over a third of the
// whole evaluation.  This reader handles only what is plain, and gives up
// (returns false) on anything else: an escape or a non-ASCII byte in a string,
// a number it cannot convert exactly as nlohmann does, a byte-order mark, any
// syntax error, or a handler that refuses an event (a guard).  The caller then
// reads the text again with nlohmann, which accepts the rest of JSON and
// words every error, so results never depend on which reader ran.
//
// The events and values match nlohmann's for every text this reader accepts:
//   - strings are ASCII without escapes, so the bytes are the decoded value;
//   - integers of up to 18 digits are exact in an int64, and go to
//     number_integer (negative) or number_unsigned, as nlohmann's do;
//   - other numbers are converted with strtod, as nlohmann's are, and a
//     result that is not finite (nlohmann's error 406) gives up.
#pragma once

#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace livermets {

template <class Handler>
class PlainJsonReader {
 public:
  PlainJsonReader(std::string_view text, Handler& handler) : text_(text), handler_(handler) {}

  // True when the whole text was read and every event was accepted.
  bool read() {
    if (!decimal_point_is_dot()) return false;  // strtod would read "3.4" differently from nlohmann
    skip_space();
    if (!value()) return false;
    skip_space();
    return at_ == text_.size();
  }

 private:
  static bool decimal_point_is_dot() {
    const std::lconv* lc = std::localeconv();
    return lc != nullptr && lc->decimal_point != nullptr && std::strcmp(lc->decimal_point, ".") == 0;
  }

  bool more() const { return at_ < text_.size(); }
  char peek() const { return text_[at_]; }

  void skip_space() {
    while (more() && (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t')) ++at_;
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  bool value() {
    if (!more()) return false;
    switch (peek()) {
      case '{': return object();
      case '[': return array();
      case '"':
        if (!string_token()) return false;
        return handler_.string(scratch_);
      case 't': return literal("true") && handler_.boolean(true);
      case 'f': return literal("false") && handler_.boolean(false);
      case 'n': return literal("null") && handler_.null();
      default: return number();
    }
  }

  // Nesting is bounded by the handler: it refuses start_object/start_array
  // beyond the depth limit, so the recursion stays shallow.
  bool object() {
    ++at_;  // '{'
    if (!handler_.start_object(static_cast<std::size_t>(-1))) return false;
    skip_space();
    if (more() && peek() == '}') {
      ++at_;
      return handler_.end_object();
    }
    while (true) {
      if (!more() || peek() != '"' || !string_token() || !handler_.key(scratch_)) return false;
      skip_space();
      if (!more() || peek() != ':') return false;
      ++at_;
      skip_space();
      if (!value()) return false;
      skip_space();
      if (!more()) return false;
      const char next = text_[at_++];
      if (next == '}') return handler_.end_object();
      if (next != ',') return false;
      skip_space();
    }
  }

  bool array() {
    ++at_;  // '['
    if (!handler_.start_array(static_cast<std::size_t>(-1))) return false;
    skip_space();
    if (more() && peek() == ']') {
      ++at_;
      return handler_.end_array();
    }
    while (true) {
      if (!value()) return false;
      skip_space();
      if (!more()) return false;
      const char next = text_[at_++];
      if (next == ']') return handler_.end_array();
      if (next != ',') return false;
      skip_space();
    }
  }

  // A string of printable ASCII without escapes, into scratch_.
  bool string_token() {
    const std::size_t start = ++at_;  // after the opening quote
    while (more()) {
      const auto ch = static_cast<unsigned char>(peek());
      if (ch == '"') {
        scratch_.assign(text_.data() + start, at_ - start);
        ++at_;
        return true;
      }
      if (ch == '\\' || ch < 0x20 || ch >= 0x80) return false;
      ++at_;
    }
    return false;
  }

  std::size_t digits() {
    const std::size_t start = at_;
    while (more() && peek() >= '0' && peek() <= '9') ++at_;
    return at_ - start;
  }

  // JSON's number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  bool number() {
    const std::size_t start = at_;
    const bool negative = more() && peek() == '-';
    if (negative) ++at_;
    const std::size_t int_start = at_;
    const std::size_t int_digits = digits();
    if (int_digits == 0 || (int_digits > 1 && text_[int_start] == '0')) return false;
    bool integral = true;
    if (more() && peek() == '.') {
      ++at_;
      if (digits() == 0) return false;
      integral = false;
    }
    if (more() && (peek() == 'e' || peek() == 'E')) {
      ++at_;
      if (more() && (peek() == '+' || peek() == '-')) ++at_;
      if (digits() == 0) return false;
      integral = false;
    }
    const std::string_view token = text_.substr(start, at_ - start);
    if (integral && int_digits <= 18) {
      std::int64_t v = 0;
      for (std::size_t k = int_start; k < at_; ++k) v = v * 10 + (text_[k] - '0');
      if (negative) return handler_.number_integer(-v);
      return handler_.number_unsigned(static_cast<std::uint64_t>(v));
    }
    if (integral) return false;  // long integers: nlohmann's unsigned/float rules decide
    return float_number(token);
  }

  bool float_number(std::string_view token) {
    char buf[64];
    if (token.size() >= sizeof buf) return false;
    std::memcpy(buf, token.data(), token.size());
    buf[token.size()] = '\0';
    char* end = nullptr;
    const double v = std::strtod(buf, &end);
    if (end != buf + token.size() || !std::isfinite(v)) return false;
    scratch_.assign(token.data(), token.size());
    return handler_.number_float(v, scratch_);
  }

  std::string_view text_;
  std::size_t at_ = 0;
  Handler& handler_;
  std::string scratch_;  // the last string, key or number text
};

}  // namespace livermets

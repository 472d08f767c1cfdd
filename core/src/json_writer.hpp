// A small streaming JSON writer for the result object.  The result has a
// fixed shape, so writing it directly is several times faster than building
// an nlohmann DOM (a map per object) and dumping it.  Numbers are formatted by
// nlohmann's own shortest round-trip routine, so output matches json::dump.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace livermets {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(8192); }

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // Writes `"name":`; the next value call writes the value.
  JsonWriter& key(std::string_view name) {
    separate();
    quoted(name);
    out_ += ':';
    after_key_ = true;
    return *this;
  }

  JsonWriter& value(std::string_view s) {
    separate();
    quoted(s);
    return *this;
  }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
  }
  JsonWriter& value(int i) {
    separate();
    out_ += std::to_string(i);
    return *this;
  }
  JsonWriter& value(double d) {
    separate();
    std::array<char, 64> buf{};
    char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), d);
    out_.append(buf.data(), end);
    return *this;
  }

  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  // An array of strings or of ints.
  template <class Range>
  JsonWriter& array(std::string_view name, const Range& items) {
    key(name);
    begin_array();
    for (const auto& item : items) value(item);
    return end_array();
  }

  std::string take() { return std::move(out_); }

 private:
  JsonWriter& open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
    return *this;
  }
  JsonWriter& close(char c) {
    out_ += c;
    first_.pop_back();
    return *this;
  }
  // A comma before every element but the first; none right after a key.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  void quoted(std::string_view s) {
    out_ += '"';
    std::size_t run = 0;  // start of the current run of characters that need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto ch = static_cast<unsigned char>(s[i]);
      if (!kNeedsEscape[ch]) continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (ch) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[ch >> 4];
          out_ += kHex[ch & 0xF];
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  // Control characters, the quote and the backslash; UTF-8 passes through
  // (the parser has already refused invalid UTF-8).
  static constexpr std::array<bool, 256> kNeedsEscape = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
    t['"'] = true;
    t['\\'] = true;
    return t;
  }();

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace livermets

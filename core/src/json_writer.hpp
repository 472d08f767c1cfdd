// A small streaming JSON writer for results.  A result has a fixed shape, so
// it is written straight into a string, in order, rather than built as a tree
// and dumped.  Numbers are formatted by nlohmann's own serializer (its public
// dump()), so a double reads exactly as nlohmann writes it: the shortest
// digits that read back as the same double, and "45.0" for a whole number.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace livermets {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(4096); }  // a typical result is just under 4 KB

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // Writes `"name":`; the next value call writes the value.  Names are the
  // contract's own (ASCII letters, digits, underscores): nothing to escape.
  JsonWriter& key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += "\":";
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
    out_ += nlohmann::json(d).dump();
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

  // Escapes the quote, the backslash and control characters, as nlohmann
  // does; UTF-8 passes through (the parser has already refused invalid UTF-8).
  // Text between escapes is copied a run at a time.
  void quoted(std::string_view s) {
    out_ += '"';
    const char* run = s.data();  // the characters not yet copied start here
    const char* const end = s.data() + s.size();
    for (const char* p = run; p != end; ++p) {
      if (!kNeedsEscape[static_cast<unsigned char>(*p)]) continue;
      out_.append(run, static_cast<std::size_t>(p - run));
      run = p + 1;
      escape(static_cast<unsigned char>(*p));
    }
    out_.append(run, static_cast<std::size_t>(end - run));
    out_ += '"';
  }
  void escape(unsigned char ch) {
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

  static constexpr std::array<bool, 256> kNeedsEscape = [] {
    std::array<bool, 256> t{};
    for (std::size_t c = 0; c < 0x20; ++c) t[c] = true;
    t['"'] = true;
    t['\\'] = true;
    return t;
  }();

  std::string out_;
  std::vector<bool> first_;  // per open object or array: no element written yet
  bool after_key_ = false;
};

}  // namespace livermets

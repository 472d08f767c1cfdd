// A small streaming JSON writer for the result object.  The result has a
// fixed shape, so writing it directly is several times faster than building
// an nlohmann DOM (a map per object) and dumping it.  Numbers are formatted by
// nlohmann's own shortest round-trip routine, so output matches json::dump.
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace livermets {

class JsonWriter {
 public:
  JsonWriter() { out_.resize(4096); }  // a typical result is just under 4 KB

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // Writes `"name":`; the next value call writes the value.  Names are the
  // contract's own (plain ASCII letters, digits and underscores), so they are
  // copied without the escape scan.
  JsonWriter& key(std::string_view name) {
    assert(std::none_of(name.begin(), name.end(), [](char c) { return kNeedsEscape[static_cast<unsigned char>(c)]; }));
    separate();
    put('"');
    put(name);
    put(std::string_view("\":"));
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
    put(b ? std::string_view("true") : std::string_view("false"));
    return *this;
  }
  JsonWriter& value(int i) {
    separate();
    std::array<char, 16> buf{};
    const auto end = std::to_chars(buf.data(), buf.data() + buf.size(), i).ptr;
    put(std::string_view(buf.data(), static_cast<std::size_t>(end - buf.data())));
    return *this;
  }
  JsonWriter& value(double d) {
    separate();
    std::array<char, 64> buf{};
    char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), d);
    put(std::string_view(buf.data(), static_cast<std::size_t>(end - buf.data())));
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

  std::string take() {
    out_.resize(length_);
    return std::move(out_);
  }

 private:
  JsonWriter& open(char c) {
    separate();
    put(c);
    first_.push_back(true);
    return *this;
  }
  JsonWriter& close(char c) {
    put(c);
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
    if (!first_.back()) put(',');
    first_.back() = false;
  }
  // The output is written into a buffer that grows by doubling and is cut to
  // length by take(): std::string's own push_back and append are not inlined
  // (libstdc++ instantiates them out of line), and they were a tenth of the
  // time of a result.
  char* grow(std::size_t n) {
    if (length_ + n > out_.size()) out_.resize(std::max(out_.size() * 2, length_ + n));
    char* at = &out_[length_];
    length_ += n;
    return at;
  }
  void put(char c) { *grow(1) = c; }
  void put(std::string_view s) {
    if (!s.empty()) std::memcpy(grow(s.size()), s.data(), s.size());
  }

  // Whether any of 8 bytes is a control character, '"' or '\\' (the classic
  // "has a byte less than n" and "has a zero byte" bit tricks; bytes of
  // UTF-8 sequences are >= 0x80 and never match).
  static bool any_escape(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    const std::uint64_t control = (w - kOnes * 0x20) & ~w & kHighs;
    const std::uint64_t quote = ((w ^ (kOnes * '"')) - kOnes) & ~(w ^ (kOnes * '"')) & kHighs;
    const std::uint64_t backslash = ((w ^ (kOnes * '\\')) - kOnes) & ~(w ^ (kOnes * '\\')) & kHighs;
    return (control | quote | backslash) != 0;
  }

  void quoted(std::string_view s) {
    put('"');
    std::size_t run = 0;  // start of the current run of characters that need no escape
    std::size_t i = 0;
    while (i < s.size()) {
      // Most text needs no escape at all: skip it 8 bytes at a time, and the
      // last few bytes as the string's final 8 (overlapping what was seen).
      if (i + 8 <= s.size()) {
        if (!any_escape(s.data() + i)) {
          i += 8;
          continue;
        }
      } else if (s.size() >= 8 && !any_escape(s.data() + s.size() - 8)) {
        break;
      }
      const auto ch = static_cast<unsigned char>(s[i]);
      if (!kNeedsEscape[ch]) {
        ++i;
        continue;
      }
      put(s.substr(run, i - run));
      run = ++i;
      switch (ch) {
        case '"': put("\\\""); break;
        case '\\': put("\\\\"); break;
        case '\n': put("\\n"); break;
        case '\r': put("\\r"); break;
        case '\t': put("\\t"); break;
        case '\b': put("\\b"); break;
        case '\f': put("\\f"); break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char escape[] = {'\\', 'u', '0', '0', kHex[ch >> 4], kHex[ch & 0xF]};
          put(std::string_view(escape, sizeof escape));
        }
      }
    }
    put(s.substr(run));
    put('"');
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

  std::string out_;         // out_[0, length_) is written; the rest is room to grow
  std::size_t length_ = 0;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace livermets

// A displayed text, kept as the fragments it was chosen from.  Wording that
// depends on the answers ("has started", "is completed", "HER2-positive") is
// picked fragment by fragment from the state it describes, so a test can
// check every fragment of every text against the case it was written for
// (tests/support/livermets_test/text_truth.hpp).
#pragma once

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace livermets {

struct TextPart {
  std::string_view words;  // fixed wording; empty for a number
  double number = 0;
  int decimals = -1;       // >= 0: this part is `number`, shown with that many decimals
};

class Text {
 public:
  static constexpr std::size_t kMaxParts = 24;

  Text& operator<<(std::string_view words) { return push({words, 0, -1}); }
  Text& number(double value, int decimals) { return push({{}, value, decimals}); }

  std::size_t size() const { return count_; }
  const TextPart& operator[](std::size_t i) const { return parts_[i]; }
  bool empty() const { return count_ == 0; }

  std::string str() const {
    std::string out;
    for (std::size_t i = 0; i < count_; ++i) {
      const TextPart& p = parts_[i];
      if (p.decimals < 0) {
        out += p.words;
      } else {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.*f", p.decimals, p.number);
        out += buf;
      }
    }
    return out;
  }

 private:
  Text& push(TextPart p) {
    // A text longer than its parts is a bug in texts.cpp; the evaluation
    // turns the exception into an internal fault, never a truncated text.
    if (count_ == kMaxParts) throw std::logic_error("text has too many parts");
    parts_[count_++] = p;
    return *this;
  }
  std::array<TextPart, kMaxParts> parts_{};
  std::size_t count_ = 0;
};

}  // namespace livermets

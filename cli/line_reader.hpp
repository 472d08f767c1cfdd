// Reads lines from a file descriptor with bounded memory, for the CLI's JSON
// Lines mode: a line is kept up to `max_kept` bytes; beyond that only its
// length is counted.  Before each read that may wait for input, `before_wait`
// runs (the CLI flushes its output there, so a result is not held back while
// the next case has not arrived, yet a file is written in large blocks).
#pragma once

#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace livermets_cli {

class LineReader {
 public:
  LineReader(int fd, std::size_t max_kept, std::function<void()> before_wait)
      : fd_(fd), max_kept_(max_kept), before_wait_(std::move(before_wait)), buffer_(1 << 20) {}

  // The next line, without its '\n' (and without a '\r' before it): its first
  // bytes in `kept` and its full length in `length`.  False at the end of the
  // input, or on a read error (failed()).
  bool next(std::string& kept, std::size_t& length) {
    kept.clear();
    length = 0;
    bool any = false;
    char last = 0;
    for (;;) {
      if (at_ == end_ && !refill()) {
        if (any) drop_cr(last, kept, length);
        return any;
      }
      any = true;
      const char* from = buffer_.data() + at_;
      const auto* newline = static_cast<const char*>(std::memchr(from, '\n', end_ - at_));
      const std::size_t n = newline ? static_cast<std::size_t>(newline - from) : end_ - at_;
      if (kept.size() < max_kept_) kept.append(from, std::min(n, max_kept_ - kept.size()));
      if (n > 0) last = from[n - 1];
      length += n;
      at_ += n;
      if (newline) {
        ++at_;
        drop_cr(last, kept, length);
        return true;
      }
    }
  }

  bool failed() const { return failed_; }

 private:
  bool refill() {
    if (before_wait_) before_wait_();
    for (;;) {
      const ssize_t got = ::read(fd_, buffer_.data(), buffer_.size());
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) failed_ = true;
      at_ = 0;
      end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
      return got > 0;
    }
  }
  // A Windows line end: the '\r' is not part of the case.
  static void drop_cr(char last, std::string& kept, std::size_t& length) {
    if (last != '\r') return;
    --length;
    if (kept.size() > length) kept.pop_back();
  }

  int fd_;
  std::size_t max_kept_;
  std::function<void()> before_wait_;
  std::vector<char> buffer_;
  std::size_t at_ = 0;
  std::size_t end_ = 0;
  bool failed_ = false;
};

}  // namespace livermets_cli

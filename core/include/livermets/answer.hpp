// One answer of the case: a std::optional that can tell who read it.
//
// `missing` must know which answers a decision depended on, so that it can
// search only the unknowns that matter (core/src/missing_search.cpp).  Every
// read of an answer (`if (c.ecog)`, `*c.ecog`, `c.bilobar == true`, `!c.x`,
// conversion to std::optional) marks its field in the thread's read trace
// while one is active; when none is (every ordinary call), a read costs one
// thread-local load and a branch.  Writes never mark: they go through `=`,
// `reset()` or `raw()` (the parser and the field table use `raw()`).
#pragma once

#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>

namespace livermets {

// Every answer that may be unknown, one id each (`setting` has a default).
enum class FieldId : std::uint8_t {
  primary,
  presentation,
  surgical_review_done,
  chemotherapy_status,
  r0_achievable,
  flr_percent,
  flr_volume_ml,
  height_cm,
  weight_kg,
  remnant_segments,
  liver_quality,
  ecog,
  operative_risk_acceptable,
  extrahepatic_disease,
  patient_declines_surgery,
  lesion_count,
  largest_lesion_cm,
  bilobar,
  perivascular_lesion,
  complete_radiological_response,
  biopsy_planned,
  colorectal_node_positive_primary,
  colorectal_tumor_markers_elevated,
  colorectal_cea_ng_ml,
  colorectal_disease_free_interval_months,
  colorectal_mmr,
  colorectal_ras,
  colorectal_braf,
  colorectal_sidedness,
  breast_hormone_receptor,
  breast_her2,
  breast_oligometastatic,
  breast_progressing_on_systemic_therapy,
  neuroendocrine_symptomatic,
  neuroendocrine_progressive,
  neuroendocrine_hypervascular,
  neuroendocrine_sstr_positive,
  neuroendocrine_solitary_or_isolated,
};
inline constexpr int kFieldIdCount = 38;

using FieldMask = std::uint64_t;
constexpr FieldMask bit(FieldId id) { return FieldMask{1} << static_cast<int>(id); }

// The read trace: the fields read since it was started, one bit each, and
// the order in which they were first read; and the summaries read (bit i:
// candidacy criterion i; bit kDerivedSummary: a derived figure, the remnant %;
// bit kOverallSummary: the overall candidacy).
struct ReadTrace {
  FieldMask read = 0;
  std::uint8_t count = 0;
  FieldId order[kFieldIdCount]{};
  std::uint8_t summaries = 0;

  void note(FieldId id) {
    const FieldMask b = bit(id);
    if (read & b) return;
    read |= b;
    order[count++] = id;
  }
};
inline constexpr int kDerivedSummary = 6;
inline constexpr int kOverallSummary = 7;

namespace detail {
inline thread_local ReadTrace* active_trace = nullptr;
}

// Records the reads made during its lifetime into `trace` (nests: the outer
// trace is restored at the end).
class TraceReads {
 public:
  explicit TraceReads(ReadTrace& trace) : saved_(detail::active_trace) { detail::active_trace = &trace; }
  ~TraceReads() { detail::active_trace = saved_; }
  TraceReads(const TraceReads&) = delete;
  TraceReads& operator=(const TraceReads&) = delete;

 private:
  ReadTrace* saved_;
};

// Stops recording for its lifetime: put around work whose reads can change
// only warnings, texts or the derived scores, never the pathway or a
// recommendation code.  A pause around anything else would hide a dependency
// from `missing` (tests/core/test_missing*.cpp compare it with brute force).
class PauseReads {
 public:
  PauseReads() : saved_(detail::active_trace) { detail::active_trace = nullptr; }
  ~PauseReads() { detail::active_trace = saved_; }
  PauseReads(const PauseReads&) = delete;
  PauseReads& operator=(const PauseReads&) = delete;

 private:
  ReadTrace* saved_;
};

// Records that the summary with this bit was read (see ReadTrace).
inline void note_summary(int summary_bit) {
  if (ReadTrace* t = detail::active_trace) t->summaries = static_cast<std::uint8_t>(t->summaries | (1U << summary_bit));
}

// A figure that decide() works out from the answers once (the candidacy) and
// reads again later: each later read is recorded as a summary read, so that
// `missing` can tell which part of the candidacy a result depended on.
template <class T, int SummaryBit>
class Summary {
 public:
  constexpr Summary() = default;
  constexpr Summary(T v) : v_(v) {}  // NOLINT: implicit, reads as a T
  Summary& operator=(T v) {
    v_ = v;
    return *this;
  }
  operator T() const {  // NOLINT: implicit, reads as a T
    note_summary(SummaryBit);
    return v_;
  }
  T raw() const { return v_; }
  friend bool operator==(const Summary& a, T b) { return static_cast<T>(a) == b; }
  friend bool operator!=(const Summary& a, T b) { return static_cast<T>(a) != b; }
  friend bool operator==(T b, const Summary& a) { return static_cast<T>(a) == b; }
  friend bool operator!=(T b, const Summary& a) { return static_cast<T>(a) != b; }

 private:
  T v_{};
};

template <class T, FieldId Id>
class Answer {
  template <class U>
  using EnableIfValue =
      std::enable_if_t<std::is_convertible_v<U&&, T> && !std::is_same_v<std::decay_t<U>, Answer> &&
                       !std::is_same_v<std::decay_t<U>, std::nullopt_t> &&
                       !std::is_same_v<std::decay_t<U>, std::optional<T>>>;

 public:
  using value_type = T;
  static constexpr FieldId id = Id;

  constexpr Answer() = default;
  constexpr Answer(std::nullopt_t) {}  // NOLINT: implicit, as std::optional
  template <class U, class = EnableIfValue<U>>
  constexpr Answer(U&& v) : v_(T(std::forward<U>(v))) {}  // NOLINT
  constexpr Answer(const std::optional<T>& v) : v_(v) {}  // NOLINT

  Answer& operator=(std::nullopt_t) {
    v_.reset();
    return *this;
  }
  // A template, as in std::optional, so that `x = {}` empties the answer
  // instead of storing false or 0.
  template <class U, class = EnableIfValue<U>>
  Answer& operator=(U&& v) {
    v_ = T(std::forward<U>(v));
    return *this;
  }
  Answer& operator=(const std::optional<T>& v) {
    v_ = v;
    return *this;
  }
  void reset() { v_.reset(); }

  // Reads, each recorded.
  explicit operator bool() const { return get().has_value(); }
  bool has_value() const { return get().has_value(); }
  const T& operator*() const { return *get(); }
  const T& value() const { return get().value(); }
  T value_or(const T& fallback) const { return get().value_or(fallback); }
  operator const std::optional<T>&() const { return get(); }  // NOLINT: implicit, reads as std::optional

  friend bool operator==(const Answer& a, const T& b) { return a.get() == b; }
  friend bool operator!=(const Answer& a, const T& b) { return a.get() != b; }
  friend bool operator==(const T& b, const Answer& a) { return a.get() == b; }
  friend bool operator!=(const T& b, const Answer& a) { return a.get() != b; }
  friend bool operator==(const Answer& a, std::nullopt_t) { return !a.get(); }
  friend bool operator!=(const Answer& a, std::nullopt_t) { return a.get().has_value(); }
  friend bool operator==(const Answer& a, const Answer& b) { return a.get() == b.get(); }
  friend bool operator!=(const Answer& a, const Answer& b) { return a.get() != b.get(); }

  // Unrecorded access, for the parser, the field table and `missing` itself.
  std::optional<T>& raw() { return v_; }
  const std::optional<T>& raw() const { return v_; }

 private:
  const std::optional<T>& get() const {
    if (ReadTrace* t = detail::active_trace) t->note(Id);
    return v_;
  }

  std::optional<T> v_;
};

}  // namespace livermets

// The sweep enumerator: a slice is a base Case and a list of axes; its cases
// are the full Cartesian product of the axes' values (the last axis turns
// fastest), each applied on top of the base.  An odometer re-applies only the
// axes whose digit changed, so enumeration costs a few nanoseconds per case.
// Any index range of a slice can be enumerated on its own, so a slice can be
// split into shards that run in parallel.  Free of GoogleTest.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "livermets/case.hpp"

namespace livermets::testing {

struct Axis {
  std::string name;
  std::vector<std::function<void(Case&)>> values;  // each sets one value of the axis
  std::size_t size() const { return values.size(); }
};

// An axis over one field: `get` returns a reference to the field inside a Case.
template <class T, class Get>
Axis axis(std::string name, Get get, std::vector<std::optional<T>> values) {
  Axis a{std::move(name), {}};
  for (const auto& v : values) {
    a.values.emplace_back([get, v](Case& c) { get(c) = v; });
  }
  return a;
}

// An axis whose values are arbitrary edits (e.g. a joint setting of several fields).
inline Axis joint_axis(std::string name, std::vector<std::function<void(Case&)>> edits) {
  return Axis{std::move(name), std::move(edits)};
}

struct Slice {
  std::string name;
  std::string purpose;  // what this slice is there to exercise
  Case base;
  std::vector<Axis> axes;

  std::uint64_t size() const {
    std::uint64_t n = 1;
    for (const auto& a : axes) n *= a.size();
    return n;
  }

  // Calls f(const Case&) for the cases with index in [begin, end).
  template <class F>
  void for_each(std::uint64_t begin, std::uint64_t end, F&& f) const {
    const std::size_t n = axes.size();
    if (begin >= end) return;
    std::vector<std::size_t> digit(n, 0);
    std::uint64_t rest = begin;
    for (std::size_t i = n; i-- > 0;) {
      digit[i] = static_cast<std::size_t>(rest % axes[i].size());
      rest /= axes[i].size();
    }
    Case c = base;
    for (std::size_t i = 0; i < n; ++i) axes[i].values[digit[i]](c);
    for (std::uint64_t idx = begin;;) {
      f(static_cast<const Case&>(c));
      if (++idx >= end) break;
      // Odometer step: the last axis turns fastest.
      std::size_t i = n;
      while (i-- > 0) {
        if (++digit[i] < axes[i].size()) break;
        digit[i] = 0;
      }
      // Axes i..n-1 changed; re-apply them (axes earlier than i kept their value).
      for (std::size_t j = i; j < n; ++j) axes[j].values[digit[j]](c);
    }
  }

  template <class F>
  void for_each(F&& f) const {
    for_each(0, size(), std::forward<F>(f));
  }

  // Shard k of m: a contiguous index range.
  std::pair<std::uint64_t, std::uint64_t> shard(std::uint64_t k, std::uint64_t m) const {
    const std::uint64_t n = size();
    return {n * k / m, n * (k + 1) / m};
  }
};

// Cross-field rules of the contract that a structured Case can break (the
// parser refuses these; decide() is only defined for valid cases).
inline bool valid_combination(const Case& c) {
  const auto& dfi = c.colorectal.disease_free_interval_months;
  if (dfi && c.presentation == Presentation::synchronous && *dfi > 0) return false;
  if (dfi && c.presentation == Presentation::metachronous && *dfi == 0) return false;
  if (c.flr_percent && c.flr_volume_ml) return false;
  return true;
}

}  // namespace livermets::testing

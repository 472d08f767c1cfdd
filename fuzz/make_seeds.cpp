// Writes seed inputs for the fuzzer: an evenly spaced sample of every slice
// of the exhaustive sweep (tests/support/livermets_test/slices.hpp), as case
// JSON, one file per case.  Usage: livermets_fuzz_seeds OUT_DIR [PER_SLICE]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "livermets_test/case_json.hpp"
#include "livermets_test/slices.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR [PER_SLICE]\n", argv[0]);
    return 1;
  }
  const std::string out = argv[1];
  const std::uint64_t per_slice = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 40;
  std::size_t written = 0;
  for (const auto& slice : livermets::testing::sweep_slices()) {
    const std::uint64_t n = slice.size();
    if (n == 0 || per_slice == 0) continue;
    // A prime-ish stride so that every axis, not just the fastest, changes.
    const std::uint64_t step = n / per_slice == 0 ? 1 : n / per_slice;
    for (std::uint64_t k = 0, idx = 0; k < per_slice && idx < n; ++k, idx += step + (k % 7)) {
      slice.for_each(idx, idx + 1, [&](const livermets::Case& c) {
        if (!livermets::testing::valid_combination(c)) return;
        std::ofstream f(out + "/sweep-" + slice.name + "-" + std::to_string(idx) + ".json");
        f << livermets::testing::to_json(c).dump() << "\n";
        ++written;
      });
    }
  }
  std::printf("livermets_fuzz_seeds: wrote %zu sweep cases to %s\n", written, out.c_str());
  return 0;
}

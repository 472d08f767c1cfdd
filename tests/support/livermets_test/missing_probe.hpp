// Which unknown fields could change the decision once known (CONTRACT.md
// section 3, `missing`): each field of the contract's `missing` list is probed
// one at a time over its values (cut-points on both sides), the others kept as
// they stand, and the decision compared with the case's own.  Free of GoogleTest.
#pragma once

#include <string>
#include <vector>

#include "livermets/decision.hpp"
#include "livermets_test/slices.hpp"
#include "livermets_test/sweep.hpp"

namespace livermets::testing {

struct Probe {
  std::string field;                       // the contract's name
  bool (*unknown)(const Case&);            // the field is unknown (and may be set on this primary)
  Axis values;                             // values to try
};

inline std::vector<Probe> missing_probes() {
  using namespace ax;
  std::vector<Probe> p;
  p.push_back({"primary", [](const Case& c) { return !c.primary; },
               primary({Primary::colorectal, Primary::breast, Primary::neuroendocrine, Primary::other})});
  p.push_back({"r0_achievable", [](const Case& c) { return !c.r0_achievable; }, r0()});
  p.push_back({"extrahepatic_disease", [](const Case& c) { return !c.extrahepatic_disease; }, extrahepatic()});
  p.push_back({"ecog", [](const Case& c) { return !c.ecog; }, ecog({0, 1, 2, 3, 4})});
  p.push_back({"operative_risk_acceptable", [](const Case& c) { return !c.operative_risk_acceptable; }, risk()});
  p.push_back({"flr_percent", [](const Case& c) { return !c.flr_percent && !c.flr_volume_ml && !c.height_cm && !c.weight_kg; },
               flr({0.0, 29.9, 30.0, 39.9, 40.0, 100.0})});
  p.push_back({"liver_quality", [](const Case& c) { return !c.liver_quality; }, quality()});
  p.push_back({"remnant_segments", [](const Case& c) { return !c.remnant_segments; }, segments({0, 1, 2, 8})});
  p.push_back({"patient_declines_surgery", [](const Case& c) { return !c.patient_declines_surgery; }, declines()});
  p.push_back({"chemotherapy_status", [](const Case& c) { return !c.chemotherapy_status; }, chemo()});
  p.push_back({"lesion_count", [](const Case& c) { return !c.lesion_count; }, lesions({1, 2, 5, 6, 9, 10, 200})});
  p.push_back({"presentation", [](const Case& c) { return !c.presentation; },
               presentation()});
  p.push_back({"colorectal.node_positive_primary",
               [](const Case& c) { return c.primary == Primary::colorectal && !c.colorectal.node_positive_primary; }, node()});
  p.push_back({"colorectal.tumor_markers_elevated",
               [](const Case& c) { return c.primary == Primary::colorectal && !c.colorectal.tumor_markers_elevated; }, markers()});
  p.push_back({"largest_lesion_cm", [](const Case& c) { return !c.largest_lesion_cm; },
               largest({0.5, 3.0, 3.1, 4.0, 4.1, 5.0, 5.1, 40.0})});
  p.push_back({"bilobar", [](const Case& c) { return !c.bilobar; }, bilobar()});
  p.push_back({"colorectal.mmr", [](const Case& c) { return c.primary == Primary::colorectal && !c.colorectal.mmr; }, mmr()});
  p.push_back({"colorectal.ras", [](const Case& c) { return c.primary == Primary::colorectal && !c.colorectal.ras; }, ras()});
  p.push_back({"colorectal.braf", [](const Case& c) { return c.primary == Primary::colorectal && !c.colorectal.braf; }, braf()});
  p.push_back({"colorectal.sidedness",
               [](const Case& c) { return c.primary == Primary::colorectal && !c.colorectal.sidedness; }, side()});
  p.push_back({"breast.hormone_receptor",
               [](const Case& c) { return c.primary == Primary::breast && !c.breast.hormone_receptor; }, receptor(false)});
  p.push_back({"breast.her2", [](const Case& c) { return c.primary == Primary::breast && !c.breast.her2; }, receptor(true)});
  p.push_back({"breast.oligometastatic",
               [](const Case& c) { return c.primary == Primary::breast && !c.breast.oligometastatic; }, oligo()});
  p.push_back({"breast.progressing_on_systemic_therapy",
               [](const Case& c) { return c.primary == Primary::breast && !c.breast.progressing_on_systemic_therapy; },
               progressing()});
  using N = NeuroendocrineFacts;
  p.push_back({"neuroendocrine.symptomatic",
               [](const Case& c) { return c.primary == Primary::neuroendocrine && !c.neuroendocrine.symptomatic; },
               net_flag("symptomatic", &N::symptomatic)});
  p.push_back({"neuroendocrine.progressive",
               [](const Case& c) { return c.primary == Primary::neuroendocrine && !c.neuroendocrine.progressive; },
               net_flag("progressive", &N::progressive)});
  p.push_back({"neuroendocrine.hypervascular",
               [](const Case& c) { return c.primary == Primary::neuroendocrine && !c.neuroendocrine.hypervascular; },
               net_flag("hypervascular", &N::hypervascular)});
  p.push_back({"neuroendocrine.sstr_positive",
               [](const Case& c) { return c.primary == Primary::neuroendocrine && !c.neuroendocrine.sstr_positive; },
               net_flag("sstr_positive", &N::sstr_positive)});
  p.push_back({"neuroendocrine.solitary_or_isolated",
               [](const Case& c) { return c.primary == Primary::neuroendocrine && !c.neuroendocrine.solitary_or_isolated; },
               net_flag("solitary_or_isolated", &N::solitary_or_isolated)});
  return p;
}

// Bit set of recommendation codes; and codes with their strengths.
inline std::uint64_t rec_codes(const Decision& d) {
  std::uint64_t s = 0;
  for (int i = 0; i < d.recommendation_count; ++i) s |= 1ULL << static_cast<int>(d.recommendations[static_cast<std::size_t>(i)].code);
  return s;
}
inline std::uint64_t rec_strengths(const Decision& d) {
  std::uint64_t s = 0;
  for (int i = 0; i < d.recommendation_count; ++i) {
    const auto& r = d.recommendations[static_cast<std::size_t>(i)];
    s |= static_cast<std::uint64_t>(static_cast<int>(r.strength) == 0) << static_cast<int>(r.code);
  }
  return s;
}

struct ProbeResult {
  bool changes_code = false;      // pathway or a recommendation code (the contract's test)
  bool changes_strength = false;  // ... or only a recommendation's strength
};

// Tries every value of the probe on the case; `decide_fn` is decide().
template <class Decide>
ProbeResult probe(const Case& c, const Decision& d, const Probe& p, Decide&& decide_fn) {
  ProbeResult r;
  for (const auto& set : p.values.values) {
    Case t = c;
    set(t);
    if (!valid_combination(t)) continue;
    const Decision x = decide_fn(t);
    if (x.pathway != d.pathway || rec_codes(x) != rec_codes(d)) r.changes_code = true;
    if (rec_strengths(x) != rec_strengths(d)) r.changes_strength = true;
  }
  return r;
}

}  // namespace livermets::testing

// A brute-force reference for `missing` (CONTRACT.md section 3, rev 2), written
// from the definition and independent of core/src/missing*.cpp:
//
//   an open field f is listed iff some assignment sigma of the OTHER open
//   fields (each left as entered or set to any value) and two values of f
//   ("as entered" counts as one) give different OUTCOMES, where the outcome is
//   the pathway and the set of recommendation codes without
//   SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY and URGENT_SURGICAL_REVIEW.
//
// It enumerates the FULL product of the open fields' values, "as entered"
// included, so it is only practical for a few open fields (the sweep uses up
// to 3).  Its values are the sweep's boundary values (slices.hpp), on both
// sides of every cut-point, not the core's region probes, so a region the core
// forgot shows up as a difference.  surgical_review_done, when unknown, is
// varied in sigma as well (it is never listed: the contract says why), so the
// check also proves that it cannot change the outcome.  Free of GoogleTest.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "livermets/decision.hpp"
#include "livermets/parse.hpp"
#include "livermets_test/sweep.hpp"

namespace livermets::testing {

struct RefField {
  std::string name;   // the contract's name
  std::string block;  // "colorectal", "breast", "neuroendocrine", or "" (top level)
  bool (*open)(const Case&);
  std::vector<std::function<void(Case&)>> values;  // besides "as entered"
};

namespace ref {

template <class Get, class T>
std::vector<std::function<void(Case&)>> values(Get get, std::vector<T> v) {
  std::vector<std::function<void(Case&)>> out;
  for (T x : v) out.emplace_back([get, x](Case& c) { get(c) = x; });
  return out;
}
template <class Get>
std::vector<std::function<void(Case&)>> flags(Get get) {
  return values(get, std::vector<bool>{false, true});
}

inline bool remnant_unknown(const Case& c) {
  return !c.flr_percent.raw() && !(c.flr_volume_ml.raw() && c.height_cm.raw() && c.weight_kg.raw());
}
// G10, G36, G74 (rev 2): outside breast cancer, lung_solitary and
// bone_isolated_radiation_controllable leave the criterion open.
inline bool extrahepatic_open(const Case& c) {
  const auto& e = c.extrahepatic_disease.raw();
  if (!e) return true;
  return c.primary.raw() != Primary::breast &&
         (*e == Extrahepatic::lung_solitary || *e == Extrahepatic::bone_isolated_radiation_controllable);
}

}  // namespace ref

// The contract's `missing` list, in its order, with the reference values.
inline std::vector<RefField> reference_fields() {
  using namespace ref;
  using E = Extrahepatic;
  std::vector<RefField> f;
  auto top = [&f](std::string name, bool (*open)(const Case&), std::vector<std::function<void(Case&)>> v) {
    f.push_back({std::move(name), "", open, std::move(v)});
  };
  auto in = [&f](std::string block, std::string name, bool (*open)(const Case&),
                 std::vector<std::function<void(Case&)>> v) {
    f.push_back({block + "." + name, block, open, std::move(v)});
  };
  top("primary", [](const Case& c) { return !c.primary.raw(); },
      values([](Case& c) -> auto& { return c.primary; },
             std::vector<Primary>{Primary::colorectal, Primary::breast, Primary::neuroendocrine, Primary::other}));
  top("r0_achievable", [](const Case& c) { return !c.r0_achievable.raw(); },
      flags([](Case& c) -> auto& { return c.r0_achievable; }));
  {
    // Unknown: every value; known but open: the two that decide it.
    std::vector<std::function<void(Case&)>> v;
    for (E e : {E::none, E::resectable, E::bone_isolated_radiation_controllable, E::lung_solitary, E::uncontrolled}) {
      v.emplace_back([e](Case& c) {
        if (c.extrahepatic_disease.raw() && e != E::resectable && e != E::uncontrolled) return;  // as entered
        c.extrahepatic_disease = e;
      });
    }
    top("extrahepatic_disease", extrahepatic_open, std::move(v));
  }
  top("ecog", [](const Case& c) { return !c.ecog.raw(); },
      values([](Case& c) -> auto& { return c.ecog; }, std::vector<int>{0, 1, 2, 3, 4}));
  top("operative_risk_acceptable", [](const Case& c) { return !c.operative_risk_acceptable.raw(); },
      flags([](Case& c) -> auto& { return c.operative_risk_acceptable; }));
  {
    std::vector<std::function<void(Case&)>> v;
    for (double pct : {0.0, 29.9, 30.0, 39.9, 40.0, 100.0}) {
      v.emplace_back([pct](Case& c) {
        c.flr_percent = pct;
        c.flr_volume_ml.reset();
        c.height_cm.reset();
        c.weight_kg.reset();
      });
    }
    top("flr_percent", remnant_unknown, std::move(v));
  }
  top("liver_quality", [](const Case& c) { return !c.liver_quality.raw(); },
      values([](Case& c) -> auto& { return c.liver_quality; },
             std::vector<LiverQuality>{LiverQuality::normal, LiverQuality::steatosis_or_chemotherapy_injury,
                                       LiverQuality::cirrhosis}));
  top("remnant_segments", [](const Case& c) { return !c.remnant_segments.raw(); },
      values([](Case& c) -> auto& { return c.remnant_segments; }, std::vector<int>{0, 1, 2, 8}));
  top("patient_declines_surgery", [](const Case& c) { return !c.patient_declines_surgery.raw(); },
      flags([](Case& c) -> auto& { return c.patient_declines_surgery; }));
  top("chemotherapy_status", [](const Case& c) { return !c.chemotherapy_status.raw(); },
      values([](Case& c) -> auto& { return c.chemotherapy_status; },
             std::vector<Chemotherapy>{Chemotherapy::none, Chemotherapy::planned, Chemotherapy::started,
                                       Chemotherapy::completed}));
  top("lesion_count", [](const Case& c) { return !c.lesion_count.raw(); },
      values([](Case& c) -> auto& { return c.lesion_count; }, std::vector<int>{1, 2, 5, 6, 9, 10, 200}));
  top("presentation", [](const Case& c) { return !c.presentation.raw(); },
      values([](Case& c) -> auto& { return c.presentation; },
             std::vector<Presentation>{Presentation::synchronous, Presentation::metachronous}));
  in("colorectal", "node_positive_primary", [](const Case& c) { return !c.colorectal.node_positive_primary.raw(); },
     flags([](Case& c) -> auto& { return c.colorectal.node_positive_primary; }));
  in("colorectal", "tumor_markers_elevated", [](const Case& c) { return !c.colorectal.tumor_markers_elevated.raw(); },
     flags([](Case& c) -> auto& { return c.colorectal.tumor_markers_elevated; }));
  top("largest_lesion_cm", [](const Case& c) { return !c.largest_lesion_cm.raw(); },
      values([](Case& c) -> auto& { return c.largest_lesion_cm; },
             std::vector<double>{0.5, 2.0, 2.1, 3.0, 3.1, 4.0, 4.1, 5.0, 5.1, 40.0}));
  top("bilobar", [](const Case& c) { return !c.bilobar.raw(); }, flags([](Case& c) -> auto& { return c.bilobar; }));
  using M = Mutation;
  in("colorectal", "mmr", [](const Case& c) { return !c.colorectal.mmr.raw(); },
     values([](Case& c) -> auto& { return c.colorectal.mmr; }, std::vector<Mmr>{Mmr::pmmr_mss, Mmr::dmmr_msi_h}));
  in("colorectal", "ras", [](const Case& c) { return !c.colorectal.ras.raw(); },
     values([](Case& c) -> auto& { return c.colorectal.ras; }, std::vector<M>{M::wild_type, M::mutated}));
  in("colorectal", "braf", [](const Case& c) { return !c.colorectal.braf.raw(); },
     values([](Case& c) -> auto& { return c.colorectal.braf; }, std::vector<M>{M::wild_type, M::mutated}));
  in("colorectal", "sidedness", [](const Case& c) { return !c.colorectal.sidedness.raw(); },
     values([](Case& c) -> auto& { return c.colorectal.sidedness; }, std::vector<Side>{Side::left, Side::right}));
  in("breast", "oligometastatic", [](const Case& c) { return !c.breast.oligometastatic.raw(); },
     flags([](Case& c) -> auto& { return c.breast.oligometastatic; }));
  in("breast", "progressing_on_systemic_therapy",
     [](const Case& c) { return !c.breast.progressing_on_systemic_therapy.raw(); },
     flags([](Case& c) -> auto& { return c.breast.progressing_on_systemic_therapy; }));
  using R = Receptor;
  in("breast", "hormone_receptor", [](const Case& c) { return !c.breast.hormone_receptor.raw(); },
     values([](Case& c) -> auto& { return c.breast.hormone_receptor; }, std::vector<R>{R::positive, R::negative}));
  in("breast", "her2", [](const Case& c) { return !c.breast.her2.raw(); },
     values([](Case& c) -> auto& { return c.breast.her2; }, std::vector<R>{R::positive, R::negative}));
  in("neuroendocrine", "solitary_or_isolated", [](const Case& c) { return !c.neuroendocrine.solitary_or_isolated.raw(); },
     flags([](Case& c) -> auto& { return c.neuroendocrine.solitary_or_isolated; }));
  in("neuroendocrine", "symptomatic", [](const Case& c) { return !c.neuroendocrine.symptomatic.raw(); },
     flags([](Case& c) -> auto& { return c.neuroendocrine.symptomatic; }));
  in("neuroendocrine", "progressive", [](const Case& c) { return !c.neuroendocrine.progressive.raw(); },
     flags([](Case& c) -> auto& { return c.neuroendocrine.progressive; }));
  in("neuroendocrine", "hypervascular", [](const Case& c) { return !c.neuroendocrine.hypervascular.raw(); },
     flags([](Case& c) -> auto& { return c.neuroendocrine.hypervascular; }));
  in("neuroendocrine", "sstr_positive", [](const Case& c) { return !c.neuroendocrine.sstr_positive.raw(); },
     flags([](Case& c) -> auto& { return c.neuroendocrine.sstr_positive; }));
  return f;
}

inline const char* block_of(Primary p) {
  switch (p) {
    case Primary::colorectal: return "colorectal";
    case Primary::breast: return "breast";
    case Primary::neuroendocrine: return "neuroendocrine";
    case Primary::other: return "other";
  }
  return "";
}

// The fields of the list that are open in `c` and may be set on its primary
// (none of a block while the primary is unknown: see reference_missing).
inline std::vector<const RefField*> open_reference_fields(const Case& c) {
  static const std::vector<RefField> kFields = reference_fields();
  std::vector<const RefField*> out;
  const auto& primary = c.primary.raw();
  for (const RefField& f : kFields) {
    if (!f.block.empty() && (!primary || f.block != block_of(*primary))) continue;
    if (f.open(c)) out.push_back(&f);
  }
  return out;
}

// The outcome `missing` compares.
struct RefOutcome {
  PathwayCode pathway;
  std::uint64_t codes;
  bool operator==(const RefOutcome& o) const { return pathway == o.pathway && codes == o.codes; }
};
inline RefOutcome reference_outcome(const Decision& d) {
  std::uint64_t codes = 0;
  for (int i = 0; i < d.recommendation_count; ++i) {
    const RecCode code = d.recommendations[static_cast<std::size_t>(i)].code;
    if (code == RecCode::SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY || code == RecCode::URGENT_SURGICAL_REVIEW) continue;
    codes |= std::uint64_t{1} << static_cast<int>(code);
  }
  return {d.pathway, codes};
}

struct ReferenceMissing {
  bool checked = false;                 // false: the primary is unknown, or too many open fields
  std::vector<std::string> listed;      // in the contract's order, volumetry named as the core names it
  std::uint64_t evaluations = 0;
};

// The reference list for `c`, when it has at most `max_open` open fields and
// a known primary (with the primary unknown every block would be open).
inline ReferenceMissing reference_missing(const Case& c, std::size_t max_open = 3) {
  ReferenceMissing out;
  if (!c.primary.raw()) return out;
  std::vector<const RefField*> open = open_reference_fields(c);
  if (open.size() > max_open) return out;
  out.checked = true;
  // Dimensions: the open fields, then surgical_review_done (sigma only).
  std::vector<const std::vector<std::function<void(Case&)>>*> dims;
  for (const RefField* f : open) dims.push_back(&f->values);
  static const auto kReview = ref::flags([](Case& x) -> auto& { return x.surgical_review_done; });
  if (!c.surgical_review_done.raw()) dims.push_back(&kReview);
  std::vector<std::size_t> radix;
  std::size_t total = 1;
  for (const auto* d : dims) {
    radix.push_back(d->size() + 1);  // digit 0 = as entered
    total *= d->size() + 1;
  }
  std::vector<RefOutcome> outcome(total);
  std::vector<bool> valid(total, false);
  for (std::size_t idx = 0; idx < total; ++idx) {
    Case x = c;
    std::size_t rest = idx;
    for (std::size_t k = 0; k < dims.size(); ++k) {
      const std::size_t digit = rest % radix[k];
      rest /= radix[k];
      if (digit > 0) (*dims[k])[digit - 1](x);
    }
    if (!consistent(x)) continue;
    valid[idx] = true;
    outcome[idx] = reference_outcome(decide(x));
    ++out.evaluations;
  }
  for (std::size_t i = 0; i < open.size(); ++i) {
    std::size_t stride = 1;
    for (std::size_t k = 0; k < i; ++k) stride *= radix[k];
    bool relevant = false;
    for (std::size_t idx = 0; idx < total && !relevant; ++idx) {
      if ((idx / stride) % radix[i] != 0) continue;  // each sigma once, at digit 0 of field i
      const RefOutcome* first = nullptr;
      for (std::size_t v = 0; v < radix[i] && !relevant; ++v) {
        const std::size_t at = idx + v * stride;
        if (!valid[at]) continue;
        if (first == nullptr) {
          first = &outcome[at];
        } else if (!(*first == outcome[at])) {
          relevant = true;
        }
      }
    }
    if (!relevant) continue;
    const std::string& name = open[i]->name;
    const bool any_volumetry = c.flr_volume_ml.raw() || c.height_cm.raw() || c.weight_kg.raw();
    if (name == "flr_percent" && any_volumetry) {
      if (!c.flr_volume_ml.raw()) out.listed.push_back("flr_volume_ml");
      if (!c.height_cm.raw()) out.listed.push_back("height_cm");
      if (!c.weight_kg.raw()) out.listed.push_back("weight_kg");
    } else {
      out.listed.push_back(name);
    }
  }
  return out;
}

// Sweep states are mostly open outside the slice's own axes.  A state
// completed here keeps its values on the slice's axes (unknown included) and
// gets a known value, chosen from `seed`, for every other open field of the
// list, so that a few open fields remain and the reference can enumerate them.
inline Case complete_outside_axes(const Case& c, const Slice& s, std::uint64_t seed) {
  Case x = c;
  auto is_axis = [&s](const std::string& name) {
    for (const Axis& a : s.axes) {
      if (a.name == name || (name == "flr_percent" && a.name == "remnant source")) return true;
    }
    return false;
  };
  std::uint64_t h = seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
  for (const RefField* f : open_reference_fields(c)) {
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    if (is_axis(f->name)) continue;
    f->values[h % f->values.size()](x);
  }
  return x;
}

}  // namespace livermets::testing

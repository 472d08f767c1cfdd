// The invariant checker: what must hold for every valid case, whatever the
// rest of the rules say (issue 2 item 6; ENGINEERING.md "Invariants over the
// whole input space").  check_invariants() looks at one decision;
// check_monotonic() compares a case with its worsened twins; compare_with_model()
// compares the decision with the reference model of the contract's tables.
// Each appends readable problems to a Report and allocates only on failure.
// Free of GoogleTest (a libFuzzer harness can call these and abort on a problem).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "livermets/catalogue.hpp"
#include "livermets/case.hpp"
#include "livermets/decision.hpp"
#include "livermets_test/case_json.hpp"
#include "livermets_test/model.hpp"

namespace livermets::testing {

// Problems found, grouped by kind, each kind with its count and the first
// case that showed it (set `current` before checking a case).
struct Report {
  struct Kind {
    std::uint64_t count = 0;
    std::string example;  // the first case, as contract JSON
  };
  std::map<std::string, Kind> kinds;
  std::uint64_t count = 0;
  const Case* current = nullptr;

  void add(const std::string& what) {
    ++count;
    Kind& k = kinds[what];
    if (k.count++ == 0 && current != nullptr) k.example = describe(*current);
  }
  bool ok() const { return count == 0; }
  std::string summary(std::size_t max_kinds = 30) const {
    std::string s;
    std::size_t i = 0;
    for (const auto& [what, k] : kinds) {
      if (i++ == max_kinds) {
        s += "  ... and " + std::to_string(kinds.size() - max_kinds) + " more kinds\n";
        break;
      }
      s += "  [" + std::to_string(k.count) + "x] " + what + "\n      e.g. " + k.example + "\n";
    }
    return s;
  }
};

inline std::string_view code_name(RecCode c) { return info(c).code; }
inline std::string_view code_name(WarningCode c) { return info(c).code; }
inline std::string_view code_name(PathwayCode c) { return info(c).code; }
inline std::string_view code_name(CriterionCode c) { return info(c).code; }

inline std::string str(std::string_view v) { return std::string(v); }

inline int strength_of(const Decision& d, RecCode code) {
  for (int i = 0; i < d.recommendation_count; ++i) {
    if (d.recommendations[static_cast<std::size_t>(i)].code == code) {
      return static_cast<int>(d.recommendations[static_cast<std::size_t>(i)].strength);
    }
  }
  return kAbsent;
}

inline constexpr std::array<RecCode, 5> kSurgical = {RecCode::RESECTION, RecCode::ADJUNCT_RESECTION,
                                                     RecCode::PORTAL_VEIN_EMBOLIZATION,
                                                     RecCode::TWO_STAGE_HEPATECTOMY,
                                                     RecCode::RESECTION_PLUS_ABLATION};
// The conversion regimens of G25, G26, G27, stated for pMMR/MSS.  Perioperative
// FOLFOX (G21) carries no MMR restriction (rev 2) and is not among them.
inline constexpr std::array<RecCode, 3> kRegimens = {RecCode::DOUBLET_PLUS_ANTI_EGFR, RecCode::TRIPLET_CHEMOTHERAPY,
                                                     RecCode::TRIPLET_PLUS_BEVACIZUMAB};

inline std::uint32_t surgical_set(const Decision& d) {
  std::uint32_t s = 0;
  for (std::size_t i = 0; i < kSurgical.size(); ++i) {
    if (d.has(kSurgical[i])) s |= 1U << i;
  }
  return s;
}

inline int rank(Overall o) { return o == Overall::met ? 2 : o == Overall::undetermined ? 1 : 0; }

inline bool basis_complete(std::string_view text, const Basis& b) {
  return !text.empty() && !b.statements.empty() && !b.citations.empty();
}

// Which primary may carry which pathway.
inline bool pathway_fits_primary(PathwayCode p, const std::optional<Primary>& primary) {
  switch (p) {
    case PathwayCode::ASSESSMENT_INCOMPLETE:
      return primary != Primary::other && primary != Primary::breast;
    case PathwayCode::OUT_OF_SCOPE: return primary == Primary::other;
    case PathwayCode::BREAST_SYSTEMIC_FIRST: return primary == Primary::breast;
    case PathwayCode::REPEAT_RESECTION:
    case PathwayCode::ABLATION_PRIMARY:
    case PathwayCode::NON_SURGICAL_MDT:
    case PathwayCode::CRC_CONVERSION_THERAPY:
    case PathwayCode::CRC_NEOADJUVANT_THEN_RESECTION:
    case PathwayCode::CRC_RESECTION_FIRST: return primary == Primary::colorectal;
    case PathwayCode::NET_RESECTION:
    case PathwayCode::NET_MEDICAL_AND_LIVER_DIRECTED:
    case PathwayCode::NET_OBSERVATION: return primary == Primary::neuroendocrine;
  }
  return false;
}

// The invariants of issue 2 item 6, for one case and its decision.  The
// candidacy and operability used here are recomputed from the case by the
// model (contract table), not taken from the decision, so a core that
// mislabels its own candidacy cannot satisfy them by construction.
inline void check_invariants(const Case& c, const Decision& d, Report& r) {
  const Expected e = model(c);
  const auto p = static_cast<int>(d.pathway);
  // Exactly one pathway, a real code, fitting the primary.
  if (p < 0 || p >= kPathwayCount) {
    r.add("pathway is not a valid code: " + std::to_string(p));
    return;
  }
  if (!pathway_fits_primary(d.pathway, c.primary)) r.add("pathway " + str(code_name(d.pathway)) + " does not fit the primary");
  // No code twice, every code valid.
  std::array<int, kRecCount> seen{};
  if (d.recommendation_count < 0 || d.recommendation_count > kRecCount) {
    r.add("recommendation_count out of range");
    return;
  }
  for (int i = 0; i < d.recommendation_count; ++i) {
    const auto& rec = d.recommendations[static_cast<std::size_t>(i)];
    const int k = static_cast<int>(rec.code);
    if (k < 0 || k >= kRecCount) {
      r.add("invalid recommendation code");
      continue;
    }
    if (seen[static_cast<std::size_t>(k)]++) r.add("recommendation twice: " + str(code_name(rec.code)));
    // G02/G57-G63: every result carries its basis (statements, citations, text).
    if (!basis_complete(info(rec.code).text, info(rec.code).basis) ||
        !basis_complete(info(rec.code, d.pathway).text, info(rec.code, d.pathway).basis)) {
      r.add("recommendation without statements, citations or text: " + str(code_name(rec.code)));
    }
  }
  for (int w = 0; w < kWarningCount; ++w) {
    if (d.has(static_cast<WarningCode>(w)) &&
        !basis_complete(info(static_cast<WarningCode>(w)).text, info(static_cast<WarningCode>(w)).basis)) {
      r.add("warning without statements, citations or text: " + str(code_name(static_cast<WarningCode>(w))));
    }
  }
  if (d.warnings >> kWarningCount) r.add("warning bits beyond the last warning code");
  const int expected_criteria = c.primary == Primary::breast ? 6 : 4;
  if (d.candidacy.count != expected_criteria) {
    r.add("criterion count " + std::to_string(d.candidacy.count) + ", expected " + std::to_string(expected_criteria));
  }
  for (int i = 0; i < d.candidacy.count && i < kCriterionCount; ++i) {
    const auto code = d.candidacy.criteria[static_cast<std::size_t>(i)].code;
    if (!basis_complete(info(code).text, info(code).basis)) {
      r.add("criterion without statements, citations or text: " + str(code_name(code)));
    }
  }
  // G02: referral, always, as a "do".
  if (strength_of(d, RecCode::REFER_HPB_MDT) != static_cast<int>(Strength::do_)) r.add("REFER_HPB_MDT missing (G02)");
  // G71: never biopsy a suspected colorectal metastasis; the item is colorectal-only.
  const bool crc = c.primary == Primary::colorectal;
  if (crc != d.has(RecCode::DO_NOT_BIOPSY)) {
    r.add(crc ? "DO_NOT_BIOPSY missing on a colorectal case (G71)" : "DO_NOT_BIOPSY on a non-colorectal case");
  }
  // G06: resection only for a candidate.
  if (d.has(RecCode::RESECTION) && (e.overall != Overall::met || d.candidacy.overall != Overall::met)) {
    r.add("RESECTION without candidacy met (G06)");
  }
  // Nothing surgical for a patient who is not operable or has declined (G09, G50).
  if (surgical_set(d) != 0 && !e.operable) {
    r.add("surgical item for a patient who is not operable or declined surgery (G09, G50)");
  }
  // G25: anti-EGFR only for pMMR/MSS, RAS and BRAF wild-type, left-sided; never on a resection pathway.
  if (d.has(RecCode::DOUBLET_PLUS_ANTI_EGFR)) {
    const auto& k = c.colorectal;
    if (!(crc && k.mmr == Mmr::pmmr_mss && k.ras == Mutation::wild_type && k.braf == Mutation::wild_type &&
          k.sidedness == Side::left)) {
      r.add("DOUBLET_PLUS_ANTI_EGFR outside pMMR/MSS, RAS and BRAF wild-type, left-sided (G25)");
    }
    if (is_resection_pathway(d.pathway)) r.add("DOUBLET_PLUS_ANTI_EGFR on a resection pathway");
  }
  // G25, G26, G27 are for pMMR/MSS: no conversion regimen for dMMR/MSI-H.
  if (crc && c.colorectal.mmr == Mmr::dmmr_msi_h) {
    for (auto code : kRegimens) {
      if (d.has(code)) r.add("regimen " + str(code_name(code)) + " for dMMR/MSI-H (G25-G27)");
    }
  }
}

// Adding uncontrolled extrahepatic disease, or poor fitness (ECOG 3), never makes
// resection more available: the worsened twin's candidacy is no better, its
// surgical items are a subset, and it is on no resection pathway the original
// is not on.  `decide` is passed in so harnesses can count calls.
template <class Decide>
void check_monotonic(const Case& c, const Decision& d, Decide&& decide_fn, Report& r) {
  auto compare = [&](const Case& twin, const char* what) {
    const Decision t = decide_fn(twin);
    if (rank(t.candidacy.overall) > rank(d.candidacy.overall)) {
      r.add(std::string("candidacy improves with ") + what);
    }
    if ((surgical_set(t) & ~surgical_set(d)) != 0) r.add(std::string("a surgical item appears with ") + what);
    if (is_resection_pathway(t.pathway) && !is_resection_pathway(d.pathway)) {
      r.add(std::string("a resection pathway appears with ") + what);
    }
  };
  if (c.extrahepatic_disease != Extrahepatic::uncontrolled) {
    Case twin = c;
    twin.extrahepatic_disease = Extrahepatic::uncontrolled;
    compare(twin, "uncontrolled extrahepatic disease");
  }
  if (c.ecog != 3) {
    Case twin = c;
    twin.ecog = 3;
    compare(twin, "ECOG 3");
  }
}

// The decision against the reference model of the contract's tables: every
// criterion status, operability, the pathway, the exact set of
// recommendations with their strengths, and the exact set of warnings.
inline void compare_with_model(const Case& c, const Decision& d, Report& r) {
  const Expected e = model(c);
  for (int i = 0; i < e.criterion_count && i < d.candidacy.count; ++i) {
    const auto& got = d.candidacy.criteria[static_cast<std::size_t>(i)];
    const auto want = e.criteria[static_cast<std::size_t>(got.code)];
    if (got.status != want) {
      r.add(str(code_name(got.code)) + " is " + str(name(got.status)) + ", contract says " + str(name(want)));
    }
  }
  if (d.candidacy.overall != e.overall) {
    r.add("candidacy " + str(name(d.candidacy.overall)) + ", contract says " + str(name(e.overall)));
  }
  if (d.operable != e.operable) r.add(std::string("operable ") + (d.operable ? "true" : "false") + ", contract says otherwise");
  if (d.pathway != e.pathway) {
    r.add("pathway " + str(code_name(d.pathway)) + ", contract says " + str(code_name(e.pathway)));
  }
  for (int k = 0; k < kRecCount; ++k) {
    const auto code = static_cast<RecCode>(k);
    const int got = strength_of(d, code);
    const int want = e.rec[static_cast<std::size_t>(k)];
    if (got == want) continue;
    if (want == kAbsent) {
      r.add("unexpected " + str(code_name(code)));
    } else if (got == kAbsent) {
      r.add("missing " + str(code_name(code)));
    } else {
      r.add(str(code_name(code)) + " strength " + str(name(static_cast<Strength>(got))) + ", contract says " +
            str(name(static_cast<Strength>(want))));
    }
  }
  for (int w = 0; w < kWarningCount; ++w) {
    const auto code = static_cast<WarningCode>(w);
    if (d.has(code) != e.has(code)) {
      r.add(std::string(d.has(code) ? "unexpected warning " : "missing warning ") + str(code_name(code)));
    }
  }
}

}  // namespace livermets::testing

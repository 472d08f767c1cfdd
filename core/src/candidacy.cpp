// Candidacy for liver resection: every criterion must hold (G06).  Each
// criterion is met, not met, or unknown; unknown never counts as met.
#include "rules.hpp"
#include "thresholds.hpp"

namespace livermets {

namespace {

Status from_bool(std::optional<bool> v) {
  if (!v) return Status::unknown;
  return *v ? Status::met : Status::not_met;
}

// G07: complete resection with negative margins of all visible disease.
Status r0(const Case& c) { return from_bool(c.r0_achievable); }

// G08, G73: at least 30% of standard liver volume and about two segments.
// The 40% threshold for cirrhosis is a published consensus figure beyond the
// guideline.  A remnant between 30% and 40% with unknown liver quality is
// left unknown rather than met (docs/clinical-decisions.md, D2).  The
// percentage is compared unrounded (rev 2, D5): 29.96 is below 30.
Status remnant(const Case& c, const Derived& d) {
  if (c.remnant_segments && *c.remnant_segments < kRemnantMinSegments) return Status::not_met;
  if (!d.flr_percent) return Status::unknown;
  const double pct = *d.flr_percent;
  if (pct < kRemnantMinPercent) return Status::not_met;
  if (pct >= kRemnantMinPercentCirrhosis) return Status::met;
  if (!c.liver_quality) return Status::unknown;
  return c.liver_quality == LiverQuality::cirrhosis ? Status::not_met : Status::met;
}

// G09: good performance status (ECOG 0-2) and acceptable operative risk.
Status fitness(const Case& c) {
  if ((c.ecog && *c.ecog > kEcogMaxFit) || c.operative_risk_acceptable == false) return Status::not_met;
  if (c.ecog && c.operative_risk_acceptable == true) return Status::met;
  return Status::unknown;
}

// G10, G36, G74: extrahepatic disease absent or controlled.  The two accepted
// exceptions (isolated bone disease controllable by radiation, a solitary lung
// metastasis) are breast cancer's (G10, G36; rev 2, D8): for any other primary
// they leave the criterion unknown until it is known whether the disease will
// be removed within the R0 resection (resectable) or not (uncontrolled), G74.
Status extrahepatic(const Case& c) {
  if (!c.extrahepatic_disease || extrahepatic_exception_outside_breast(c)) return Status::unknown;
  return *c.extrahepatic_disease == Extrahepatic::uncontrolled ? Status::not_met : Status::met;
}

// G35: liver-limited or oligometastatic breast disease.
Status breast_oligometastatic(const Case& c) { return from_bool(c.breast.oligometastatic); }

// G37: not progressing on systemic therapy.
Status breast_not_progressing(const Case& c) {
  if (!c.breast.progressing_on_systemic_therapy) return Status::unknown;
  return *c.breast.progressing_on_systemic_therapy ? Status::not_met : Status::met;
}

}  // namespace

Status Candidacy::status(CriterionCode code) const {
  note_summary(static_cast<int>(code));  // for `missing` (livermets/answer.hpp)
  for (int i = 0; i < count; ++i) {
    if (criteria[static_cast<std::size_t>(i)].code == code) return criteria[static_cast<std::size_t>(i)].status;
  }
  return Status::unknown;
}

Candidacy assess_candidacy(const Case& c, const Derived& derived, CriterionReads* reads) {
  Candidacy k;
  // Each criterion computed, with its own reads kept apart when asked (and
  // still recorded in the trace that is running, if any).
  auto add = [&k, reads](CriterionCode code, auto compute) {
    Status s;
    if (reads) {
      ReadTrace own;
      {
        TraceReads tracing(own);
        s = compute();
      }
      (*reads)[static_cast<std::size_t>(code)] = own.read;
      if (ReadTrace* outer = detail::active_trace) {
        for (int i = 0; i < own.count; ++i) outer->note(own.order[i]);
      }
    } else {
      s = compute();
    }
    k.criteria[static_cast<std::size_t>(k.count++)] = {code, s};
  };
  add(CriterionCode::R0, [&] { return r0(c); });
  add(CriterionCode::REMNANT, [&] { return remnant(c, derived); });
  add(CriterionCode::FITNESS, [&] { return fitness(c); });
  add(CriterionCode::EXTRAHEPATIC, [&] { return extrahepatic(c); });
  if (c.primary == Primary::breast) {
    add(CriterionCode::BREAST_OLIGOMETASTATIC, [&] { return breast_oligometastatic(c); });
    add(CriterionCode::BREAST_NOT_PROGRESSING, [&] { return breast_not_progressing(c); });
  }
  bool all_met = true;
  bool any_not_met = false;
  for (int i = 0; i < k.count; ++i) {
    const Status s = k.criteria[static_cast<std::size_t>(i)].status;
    all_met = all_met && s == Status::met;
    any_not_met = any_not_met || s == Status::not_met;
  }
  k.overall = any_not_met ? Overall::not_met : (all_met ? Overall::met : Overall::undetermined);
  return k;
}

}  // namespace livermets

// The pathway table, the recommendations of each pathway and the warnings
// (CONTRACT.md section 3).  Each unit names the statements it implements.
#include "rules.hpp"

namespace livermets {

namespace {

using P = PathwayCode;
using R = RecCode;
using S = Strength;
using W = WarningCode;

// ---------------------------------------------------------------- pathway

// Colorectal: G20, G21, G22, G24, G50, G51, G67, G68.  Rows in the contract's order.
P colorectal_pathway(const Case& c, const Decision& d, Route& route) {
  const Overall overall = d.candidacy.overall;
  route.algorithm = "colorectal";
  route.push("crc_repeat");
  if (c.setting == Setting::recurrence_after_hepatectomy && c.extrahepatic_disease == Extrahepatic::none &&
      overall == Overall::met && operable(c, d)) {
    return P::REPEAT_RESECTION;
  }
  route.push("crc_operable");
  if (!operable(c, d)) {
    route.push("crc_ablation");
    return within_ablation_limits(c) ? P::ABLATION_PRIMARY : P::NON_SURGICAL_MDT;
  }
  route.push("crc_candidacy");
  if (overall == Overall::not_met) return P::CRC_CONVERSION_THERAPY;
  if (overall == Overall::undetermined) return P::ASSESSMENT_INCOMPLETE;
  route.push("crc_prognosis");
  return poor_prognostic_factor_present(c) ? P::CRC_NEOADJUVANT_THEN_RESECTION : P::CRC_RESECTION_FIRST;
}

// Neuroendocrine: G41, G42, G43, G44, G45.
P neuroendocrine_pathway(const Case& c, const Decision& d, Route& route) {
  const NeuroendocrineFacts& n = c.neuroendocrine;
  route.algorithm = "neuroendocrine";
  route.push("net_resect");
  if (n.solitary_or_isolated == true && d.candidacy.overall == Overall::met && operable(c, d)) return P::NET_RESECTION;
  route.push("net_active");
  if (n.symptomatic == true || n.progressive == true) return P::NET_MEDICAL_AND_LIVER_DIRECTED;
  if (n.symptomatic != false || n.progressive != false) return P::ASSESSMENT_INCOMPLETE;
  route.push("net_excluded");
  return net_resection_excluded(c, d) ? P::NET_OBSERVATION : P::ASSESSMENT_INCOMPLETE;
}

P choose_pathway(const Case& c, const Decision& d, Route& route) {
  route.push("primary");
  if (!c.primary) return P::ASSESSMENT_INCOMPLETE;
  switch (*c.primary) {
    case Primary::other: return P::OUT_OF_SCOPE;  // G16: no algorithm for other primaries
    case Primary::breast: route.algorithm = "breast"; return P::BREAST_SYSTEMIC_FIRST;  // G33, G38
    case Primary::colorectal: return colorectal_pathway(c, d, route);
    case Primary::neuroendocrine: return neuroendocrine_pathway(c, d, route);
  }
  return P::ASSESSMENT_INCOMPLETE;
}

// -------------------------------------------------------- recommendations

// G02, G12, G57, G58, G59, G60, G61, G62, G63, G70, G71: what every case gets.
void general_recommendations(const Case& c, Decision& d) {
  d.add(R::REFER_HPB_MDT, S::do_);
  {
    // The review items follow the review and the chemotherapy status alone and
    // are not compared by `missing` (an unknown review already gets the safe
    // item; missing_search.cpp, kNotCompared), so their reads are not recorded.
    PauseReads not_compared;
    if (c.surgical_review_done != true) {
      d.add(chemotherapy_begun(c) ? R::URGENT_SURGICAL_REVIEW : R::SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY, S::do_);
    }
  }
  if (c.primary == Primary::colorectal) d.add(R::DO_NOT_BIOPSY, S::avoid);
}

// G65, G66, G67, G68: follow-up goes with every resection, adjunct included.
void resection_with_surveillance(Decision& d, R resection, S strength) {
  d.add(resection, strength);
  d.add(R::SURVEILLANCE, S::do_);
}

// G20, G21, G22, G13, G15, G70.  The chemotherapy item while it has not begun;
// once started, restage during the course (and bring surgery forward on
// progression or fading lesions); once completed, restage for resection.
// G21 carries no MMR restriction (rev 2, D4).
void resection_path(const Case& c, Decision& d, R chemotherapy_item, S chemotherapy_strength) {
  resection_with_surveillance(d, R::RESECTION, S::do_);
  if (c.chemotherapy_status == Chemotherapy::started) {
    d.add(R::RESTAGE_DURING_CHEMOTHERAPY, S::do_);
  } else if (c.chemotherapy_status == Chemotherapy::completed) {
    d.add(R::RESTAGE_FOR_RESECTION, S::do_);
  } else {
    d.add(chemotherapy_item, chemotherapy_strength);
  }
}

// G26, G27 name no fitness condition for triplet chemotherapy; this tool asks
// for ECOG 0-1 with acceptable risk before "do" (beyond the guideline, D16).
S triplet_strength(const Case& c, const Decision& d) {
  const bool fit_for_triplet = d.candidacy.status(CriterionCode::FITNESS) == Status::met && c.ecog &&
                               *c.ecog <= kEcogMaxForTriplet;
  return fit_for_triplet ? S::do_ : S::consider;
}

// G25, G26, G27: one regimen for pMMR/MSS, chosen by RAS, BRAF and side.
void conversion_regimen(const Case& c, Decision& d) {
  const ColorectalFacts& f = c.colorectal;
  const std::optional<R> regimen = pmmr_regimen(c);
  if (f.mmr == Mmr::dmmr_msi_h) return;  // outside the guideline: OUTSIDE_GUIDELINE_SCOPE says so
  if (!f.mmr || !regimen) {
    d.add(R::MOLECULAR_PROFILING, S::do_);
    return;
  }
  d.add(*regimen, *regimen == R::DOUBLET_PLUS_ANTI_EGFR ? S::do_ : triplet_strength(c, d));
}

// G24, G25, G26, G27, G29, G30, G31, G49, G52.
void conversion_path(const Case& c, Decision& d) {
  d.add(R::SYSTEMIC_THEN_REASSESS, S::do_);
  conversion_regimen(c, d);
  const Candidacy& k = d.candidacy;
  if (k.status(CriterionCode::EXTRAHEPATIC) == Status::met) {
    if (remnant_percent_below_threshold(c, d.derived)) {
      // "do" only when the remnant % is the one thing in the way (D3).
      const bool only_remnant = k.status(CriterionCode::R0) == Status::met &&
                                k.status(CriterionCode::FITNESS) == Status::met &&
                                !(c.remnant_segments && *c.remnant_segments < kRemnantMinSegments);
      d.add(R::PORTAL_VEIN_EMBOLIZATION, only_remnant ? S::do_ : S::consider);
    }
    if (c.bilobar == true) d.add(R::TWO_STAGE_HEPATECTOMY, S::consider);
    if (c.bilobar == true || (c.lesion_count && *c.lesion_count > kMultifocalMoreThan)) {
      d.add(R::RESECTION_PLUS_ABLATION, S::consider);
    }
  }
  if (chemotherapy_begun(c) && within_ablation_limits(c)) d.add(R::ABLATION, S::consider);
}

// G33, G35, G36, G37, G38; surveillance with an adjunct resection (G65, G66).
void breast_path(const Case& c, Decision& d) {
  d.add(R::SYSTEMIC_THERAPY, S::do_);
  d.add(c.breast.hormone_receptor && c.breast.her2 ? R::RECEPTOR_GUIDED_THERAPY : R::RECEPTOR_TESTING, S::do_);
  if (d.candidacy.overall == Overall::met && operable(c, d) && chemotherapy_begun(c)) {
    resection_with_surveillance(d, R::ADJUNCT_RESECTION, S::consider);
  }
}

// G42, G44, G45: the medical and liver-directed items that the answers call for.
void neuroendocrine_medical_items(const NeuroendocrineFacts& n, Decision& d) {
  if (n.symptomatic == true) d.add(R::SOMATOSTATIN_ANALOG, S::do_);
  if (n.progressive == true && n.symptomatic == true && n.hypervascular == true) d.add(R::EMBOLIZATION, S::consider);
  if (n.sstr_positive == true) d.add(R::PRRT, S::consider);
}

// G41, G42, G43, G44, G45, G57.
void neuroendocrine_items(const Case& c, Decision& d) {
  const NeuroendocrineFacts& n = c.neuroendocrine;
  switch (d.pathway) {
    case P::NET_RESECTION:
      resection_with_surveillance(d, R::RESECTION, S::do_);
      if (n.symptomatic == true) d.add(R::SOMATOSTATIN_ANALOG, S::do_);
      break;
    case P::NET_MEDICAL_AND_LIVER_DIRECTED:
      // G43: while resection could still apply, find out first (rev 2).
      if (n.solitary_or_isolated != false && !net_resection_excluded(c, d)) d.add(R::ASSESS_FOR_RESECTION, S::do_);
      neuroendocrine_medical_items(n, d);
      // G57: no pathway ends without an action.  None of G42, G44, G45 applies,
      // and no unknown answer could bring one (SSTR status, or symptoms, which
      // both somatostatin analogues and embolization need).
      if (n.symptomatic == false && n.sstr_positive == false) d.add(R::NON_SURGICAL_CARE_MDT, S::do_);
      break;
    case P::NET_OBSERVATION: d.add(R::OBSERVATION, S::consider); break;
    default: break;
  }
}

void pathway_recommendations(const Case& c, Decision& d) {
  switch (d.pathway) {
    case P::CRC_RESECTION_FIRST: resection_path(c, d, R::PERIOPERATIVE_FOLFOX, S::consider); break;
    case P::CRC_NEOADJUVANT_THEN_RESECTION: resection_path(c, d, R::NEOADJUVANT_CHEMOTHERAPY, S::do_); break;
    case P::CRC_CONVERSION_THERAPY: conversion_path(c, d); break;
    case P::ABLATION_PRIMARY: d.add(R::ABLATION, S::consider); break;
    case P::NON_SURGICAL_MDT: d.add(R::NON_SURGICAL_CARE_MDT, S::do_); break;
    case P::REPEAT_RESECTION: resection_with_surveillance(d, R::RESECTION, S::do_); break;
    case P::BREAST_SYSTEMIC_FIRST: breast_path(c, d); break;
    case P::NET_RESECTION:
    case P::NET_MEDICAL_AND_LIVER_DIRECTED:
    case P::NET_OBSERVATION: neuroendocrine_items(c, d); break;
    case P::ASSESSMENT_INCOMPLETE:
    case P::OUT_OF_SCOPE: break;
  }
}

// ---------------------------------------------------------------- warnings

// CHECK_ANSWERS (rev 2): answers that contradict each other.  G72, G09, G08,
// G07, G74, G22, G37.
void contradictions(const Case& c, Decision& d) {
  using C = Contradiction;
  const bool no_chemotherapy =
      c.chemotherapy_status == Chemotherapy::none || c.chemotherapy_status == Chemotherapy::planned;
  if (c.complete_radiological_response == true && no_chemotherapy) d.add(C::RESPONSE_WITHOUT_CHEMOTHERAPY);
  if (c.ecog && *c.ecog > kEcogMaxFit && c.operative_risk_acceptable == true) {
    d.add(C::UNFIT_ECOG_WITH_RISK_ACCEPTABLE);
  }
  if (c.remnant_segments && *c.remnant_segments < kRemnantMinSegments && d.derived.flr_percent &&
      *d.derived.flr_percent >= kRemnantMinPercent) {
    d.add(C::FEW_SEGMENTS_WITH_ADEQUATE_PERCENT);
  }
  if (c.r0_achievable == true && c.extrahepatic_disease == Extrahepatic::uncontrolled) {
    d.add(C::R0_WITH_UNCONTROLLED_DISEASE);
  }
  if (c.colorectal.cea_ng_ml && *c.colorectal.cea_ng_ml > kCeaHighNgMl &&
      c.colorectal.tumor_markers_elevated == false) {
    d.add(C::HIGH_CEA_MARKERS_NOT_ELEVATED);
  }
  if (c.breast.progressing_on_systemic_therapy == true && no_chemotherapy) d.add(C::PROGRESSING_WITHOUT_THERAPY);
  // G35: disease with no site outside the liver is liver-limited (audit, stop 18)
  if (c.extrahepatic_disease == Extrahepatic::none && c.breast.oligometastatic == false) {
    d.add(C::LIVER_ONLY_NOT_LIVER_LIMITED);
  }
}

void warnings(const Case& c, Decision& d) {
  contradictions(c, d);
  if (d.contradictions != 0) d.add(W::CHECK_ANSWERS);
  if (chemotherapy_begun(c) && c.surgical_review_done != true) d.add(W::CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW);
  // G71; rev 2: with the primary unknown, a colorectal primary is not yet excluded.
  if ((c.primary == Primary::colorectal || !c.primary) && c.biopsy_planned == true) {
    d.add(W::BIOPSY_OF_SUSPECTED_CRLM);
  }
  if (c.complete_radiological_response == true) d.add(W::RADIOLOGICAL_RESPONSE_IS_NOT_CURE);
  if (c.liver_quality == LiverQuality::steatosis_or_chemotherapy_injury ||
      c.liver_quality == LiverQuality::cirrhosis || chemotherapy_begun(c)) {
    d.add(W::REMNANT_QUALITY);
  }
  // G74, G10: only for a patient surgery is still open to (rev 2).
  if (operable(c, d) && c.extrahepatic_disease && *c.extrahepatic_disease != Extrahepatic::none &&
      *c.extrahepatic_disease != Extrahepatic::uncontrolled) {
    d.add(W::EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE);
  }
  if (d.has(R::ABLATION) || d.has(R::RESECTION_PLUS_ABLATION)) {
    // G54: "2-3 cm"; from the lower end, and while the size is unknown (rev 2, D9).
    if (!c.largest_lesion_cm || *c.largest_lesion_cm > kAblationSizeLowerCm) d.add(W::ABLATION_LESION_SIZE);
    if (c.perivascular_lesion == true) d.add(W::ABLATION_PERIVASCULAR);
  }
  if (c.primary == Primary::other || (c.primary == Primary::colorectal && c.colorectal.mmr == Mmr::dmmr_msi_h)) {
    d.add(W::OUTSIDE_GUIDELINE_SCOPE);
  }
}

}  // namespace

bool Decision::has(RecCode code) const {
  for (int i = 0; i < recommendation_count; ++i) {
    if (recommendations[static_cast<std::size_t>(i)].code == code) return true;
  }
  return false;
}

void Decision::add(RecCode code, Strength strength) {
  recommendations[static_cast<std::size_t>(recommendation_count++)] = {code, strength};
}

Decision decide(const Case& c) {
  Decision d;
  {
    PauseReads summarised;  // `missing` traces this step itself (rules.hpp, assess)
    assess(c, d);
  }
  {
    PauseReads shown_only;  // the result's "operable"; the rules ask operable() where they need it
    d.operable = operable(c, d);
  }
  d.pathway = choose_pathway(c, d, d.route);
  d.route.push(pathway_node(d.pathway));
  general_recommendations(c, d);
  pathway_recommendations(c, d);
  PauseReads warnings_only;  // warnings are not part of what `missing` compares
  warnings(c, d);
  return d;
}

}  // namespace livermets

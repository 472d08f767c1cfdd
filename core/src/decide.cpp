// The pathway table, the recommendations of each pathway and the warnings
// (CONTRACT.md section 3).  Each unit names the statements it implements.
#include "livermets/catalogue.hpp"
#include "rules.hpp"

namespace livermets {

namespace {

using P = PathwayCode;
using R = RecCode;
using S = Strength;
using W = WarningCode;

// ---------------------------------------------------------------- pathway

// G22: the poor prognostic factors that call for neoadjuvant chemotherapy.
// CEA and the disease-free interval feed only the Fong score.
bool poor_prognostic_factor_present(const Case& c) {
  return (c.lesion_count && *c.lesion_count > 5) || c.presentation == Presentation::synchronous ||
         c.colorectal.node_positive_primary == true || c.colorectal.tumor_markers_elevated == true;
}

// Colorectal: G20-G31, G50-G51, G67-G68.  Rows in the contract's order.
P colorectal_pathway(const Case& c, const Decision& d, Route& route) {
  const Overall overall = d.candidacy.overall;
  route.algorithm = "colorectal";
  route.push("crc_repeat");
  if (c.setting == Setting::recurrence_after_hepatectomy && c.extrahepatic_disease == Extrahepatic::none &&
      overall == Overall::met && d.operable) {
    return P::REPEAT_RESECTION;
  }
  route.push("crc_operable");
  if (!d.operable) {
    route.push("crc_ablation");
    return within_ablation_limits(c) ? P::ABLATION_PRIMARY : P::NON_SURGICAL_MDT;
  }
  route.push("crc_candidacy");
  if (overall == Overall::not_met) return P::CRC_CONVERSION_THERAPY;
  if (overall == Overall::undetermined) return P::ASSESSMENT_INCOMPLETE;
  route.push("crc_prognosis");
  return poor_prognostic_factor_present(c) ? P::CRC_NEOADJUVANT_THEN_RESECTION : P::CRC_RESECTION_FIRST;
}

// Neuroendocrine: G41-G45.
P neuroendocrine_pathway(const Case& c, const Decision& d, Route& route) {
  const NeuroendocrineFacts& n = c.neuroendocrine;
  route.algorithm = "neuroendocrine";
  route.push("net_resect");
  if (n.solitary_or_isolated == true && d.candidacy.overall == Overall::met && d.operable) return P::NET_RESECTION;
  route.push("net_active");
  if (n.symptomatic == true || n.progressive == true) return P::NET_MEDICAL_AND_LIVER_DIRECTED;
  if (n.symptomatic != false || n.progressive != false) return P::ASSESSMENT_INCOMPLETE;
  route.push("net_excluded");
  const bool resection_excluded =
      n.solitary_or_isolated == false || d.candidacy.overall == Overall::not_met || !d.operable;
  return resection_excluded ? P::NET_OBSERVATION : P::ASSESSMENT_INCOMPLETE;
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

// G02, G12, G57-G63, G70, G71: what every case gets.
void general_recommendations(const Case& c, Decision& d) {
  d.add(R::REFER_HPB_MDT, S::do_);
  if (c.surgical_review_done != true) {
    d.add(chemotherapy_begun(c) ? R::URGENT_SURGICAL_REVIEW : R::SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY, S::do_);
  }
  if (c.primary == Primary::colorectal) d.add(R::DO_NOT_BIOPSY, S::avoid);
}

bool dmmr(const Case& c) { return c.colorectal.mmr == Mmr::dmmr_msi_h; }

// G20-G22, G65-G66, G13, G15, G70.  Chemotherapy items only while it has not
// begun; once it has, restage instead.  dMMR/MSI-H gets no named regimen
// (docs/clinical-decisions.md, D4).
void resection_path(const Case& c, Decision& d, R chemotherapy_item, S chemotherapy_strength) {
  d.add(R::RESECTION, S::do_);
  d.add(R::SURVEILLANCE, S::do_);
  if (chemotherapy_begun(c)) {
    d.add(R::RESTAGE_FOR_RESECTION, S::do_);
  } else if (!(chemotherapy_item == R::PERIOPERATIVE_FOLFOX && dmmr(c))) {
    d.add(chemotherapy_item, chemotherapy_strength);
  }
}

// G25-G27: one regimen for pMMR/MSS, chosen by RAS, BRAF and side.
void conversion_regimen(const Case& c, Decision& d) {
  const ColorectalFacts& f = c.colorectal;
  if (!f.mmr) {
    d.add(R::MOLECULAR_PROFILING, S::do_);
    return;
  }
  if (*f.mmr == Mmr::dmmr_msi_h) return;  // outside the guideline: OUTSIDE_GUIDELINE_SCOPE says so
  if (f.ras == Mutation::mutated || f.braf == Mutation::mutated) {
    d.add(R::TRIPLET_PLUS_BEVACIZUMAB, S::do_);
  } else if (f.ras == Mutation::wild_type && f.braf == Mutation::wild_type && f.sidedness) {
    d.add(*f.sidedness == Side::left ? R::DOUBLET_PLUS_ANTI_EGFR : R::TRIPLET_CHEMOTHERAPY, S::do_);
  } else {
    d.add(R::MOLECULAR_PROFILING, S::do_);
  }
}

// G24-G31, G49, G52.
void conversion_path(const Case& c, Decision& d) {
  d.add(R::SYSTEMIC_THEN_REASSESS, S::do_);
  conversion_regimen(c, d);
  const Candidacy& k = d.candidacy;
  if (k.status(CriterionCode::EXTRAHEPATIC) == Status::met) {
    if (k.status(CriterionCode::REMNANT) == Status::not_met) {
      // "do" only when the remnant is the one thing in the way (D3).
      const bool only_remnant = k.status(CriterionCode::R0) == Status::met &&
                                k.status(CriterionCode::FITNESS) == Status::met;
      d.add(R::PORTAL_VEIN_EMBOLIZATION, only_remnant ? S::do_ : S::consider);
    }
    if (c.bilobar == true) d.add(R::TWO_STAGE_HEPATECTOMY, S::consider);
    if (c.bilobar == true || (c.lesion_count && *c.lesion_count > 1)) {
      d.add(R::RESECTION_PLUS_ABLATION, S::consider);
    }
  }
  if (chemotherapy_begun(c) && within_ablation_limits(c)) d.add(R::ABLATION, S::consider);
}

// G33-G38.
void breast_path(const Case& c, Decision& d) {
  d.add(R::SYSTEMIC_THERAPY, S::do_);
  d.add(c.breast.hormone_receptor && c.breast.her2 ? R::RECEPTOR_GUIDED_THERAPY : R::RECEPTOR_TESTING, S::do_);
  if (d.candidacy.overall == Overall::met && d.operable && chemotherapy_begun(c)) {
    d.add(R::ADJUNCT_RESECTION, S::consider);
  }
}

// G41-G45.
void neuroendocrine_items(const Case& c, Decision& d) {
  const NeuroendocrineFacts& n = c.neuroendocrine;
  switch (d.pathway) {
    case P::NET_RESECTION:
      d.add(R::RESECTION, S::do_);
      d.add(R::SURVEILLANCE, S::do_);
      if (n.symptomatic == true) d.add(R::SOMATOSTATIN_ANALOG, S::do_);
      break;
    case P::NET_MEDICAL_AND_LIVER_DIRECTED:
      if (n.symptomatic == true) d.add(R::SOMATOSTATIN_ANALOG, S::do_);
      if (n.progressive == true && n.symptomatic == true && n.hypervascular == true) {
        d.add(R::EMBOLIZATION, S::consider);
      }
      if (n.sstr_positive == true) d.add(R::PRRT, S::consider);
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
    case P::REPEAT_RESECTION:
      d.add(R::RESECTION, S::do_);
      d.add(R::SURVEILLANCE, S::do_);
      break;
    case P::BREAST_SYSTEMIC_FIRST: breast_path(c, d); break;
    case P::NET_RESECTION:
    case P::NET_MEDICAL_AND_LIVER_DIRECTED:
    case P::NET_OBSERVATION: neuroendocrine_items(c, d); break;
    case P::ASSESSMENT_INCOMPLETE:
    case P::OUT_OF_SCOPE: break;
  }
}

// ---------------------------------------------------------------- warnings

void warnings(const Case& c, Decision& d) {
  if (chemotherapy_begun(c) && c.surgical_review_done != true) d.add(W::CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW);
  if (c.primary == Primary::colorectal && c.biopsy_planned == true) d.add(W::BIOPSY_OF_SUSPECTED_CRLM);
  if (c.complete_radiological_response == true) d.add(W::RADIOLOGICAL_RESPONSE_IS_NOT_CURE);
  if (c.liver_quality == LiverQuality::steatosis_or_chemotherapy_injury ||
      c.liver_quality == LiverQuality::cirrhosis || chemotherapy_begun(c)) {
    d.add(W::REMNANT_QUALITY);
  }
  if (c.extrahepatic_disease && *c.extrahepatic_disease != Extrahepatic::none &&
      *c.extrahepatic_disease != Extrahepatic::uncontrolled) {
    d.add(W::EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE);
  }
  if (d.has(R::ABLATION) || d.has(R::RESECTION_PLUS_ABLATION)) {
    if (c.largest_lesion_cm && *c.largest_lesion_cm > 3.0) d.add(W::ABLATION_LESION_SIZE);
    if (c.perivascular_lesion == true) d.add(W::ABLATION_PERIVASCULAR);
  }
  if (c.primary == Primary::other || (c.primary == Primary::colorectal && dmmr(c))) {
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
  d.derived = derive(c);
  d.candidacy = assess_candidacy(c, d.derived);
  // Operable unless unfit or declining surgery; unknown fitness does not make
  // a patient inoperable (CONTRACT.md, candidacy).
  d.operable = d.candidacy.status(CriterionCode::FITNESS) != Status::not_met && c.patient_declines_surgery != true;
  d.pathway = choose_pathway(c, d, d.route);
  d.route.push(info(d.pathway).code);
  general_recommendations(c, d);
  pathway_recommendations(c, d);
  warnings(c, d);
  return d;
}

}  // namespace livermets

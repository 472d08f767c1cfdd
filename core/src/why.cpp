// The facts that decided a result, in a few words each (issue 10).  They are
// read off the decision itself: its route through the algorithm, its
// candidacy criteria and the answers those rules read, so that the page shows
// "why" without holding a rule of its own.  Every phrase states an answer or
// a threshold of the rule that used it; none adds advice.
#include "why.hpp"

#include <array>
#include <cstdio>

#include "display.hpp"
#include "rules.hpp"

namespace livermets {

namespace {

using P = PathwayCode;
using K = CriterionCode;

std::string num(double v, int decimals) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {  // 45.0 -> 45, 3.50 -> 3.5
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string remnant_text(double pct) {
  const ShownNumber shown = shown_remnant_percent(pct);
  return "remnant " + num(shown.value, shown.decimals) + "%";
}

// The fields the remnant came from: the % typed, or the CT volumetry.
std::vector<std::string_view> remnant_fields(const Case& c) {
  if (c.flr_percent) return {"flr_percent"};
  if (c.flr_volume_ml) return {"flr_volume_ml", "height_cm", "weight_kg"};
  return {"flr_percent"};
}

WhyFact remnant_fact(const Case& c, const Decision& d, Status s) {
  if (c.remnant_segments && *c.remnant_segments < kRemnantMinSegments) {
    return {*c.remnant_segments == 0 ? "no segment would remain (about 2 needed)"
                                     : "1 segment would remain (about 2 needed)",
            {"remnant_segments"}};
  }
  if (!d.derived.flr_percent) return {"remnant not known", remnant_fields(c)};
  const double pct = *d.derived.flr_percent;
  std::vector<std::string_view> fields = remnant_fields(c);
  const bool cirrhosis = c.liver_quality == LiverQuality::cirrhosis;
  if (cirrhosis) fields.push_back("liver_quality");
  switch (s) {
    case Status::met:
      return {remnant_text(pct) + (cirrhosis ? " (≥ 40% for cirrhosis)" : " (≥ 30%)"), fields};
    case Status::not_met:
      return {remnant_text(pct) + (cirrhosis ? " (< 40% for cirrhosis)" : " (< 30%)"), fields};
    case Status::unknown:
      fields.push_back("liver_quality");
      return {remnant_text(pct) + ", liver quality not known (30% or 40%)", fields};
  }
  return {remnant_text(pct), fields};
}

WhyFact fitness_fact(const Case& c, Status s) {
  const std::string ecog = c.ecog ? "ECOG " + std::to_string(*c.ecog) : "ECOG not known";
  switch (s) {
    case Status::met:
      return {ecog + (*c.ecog == kEcogMaxFit ? " (borderline) with acceptable risk" : " with acceptable risk"),
              {"ecog", "operative_risk_acceptable"}};
    case Status::not_met:
      if (c.ecog && *c.ecog > kEcogMaxFit) return {ecog + ": not fit for liver surgery", {"ecog"}};
      return {"operative risk not acceptable", {"operative_risk_acceptable"}};
    case Status::unknown:
      return {ecog + (c.operative_risk_acceptable == true ? ", risk acceptable" : ", operative risk not judged"),
              {"ecog", "operative_risk_acceptable"}};
  }
  return {ecog, {"ecog"}};
}

WhyFact extrahepatic_fact(const Case& c) {
  const std::vector<std::string_view> f = {"extrahepatic_disease"};
  if (!c.extrahepatic_disease) return {"disease outside the liver not known", f};
  const bool breast = c.primary == Primary::breast;
  switch (*c.extrahepatic_disease) {
    case Extrahepatic::none: return {"no disease outside the liver", f};
    case Extrahepatic::resectable: return {"disease outside the liver removed within R0", f};
    case Extrahepatic::bone_isolated_radiation_controllable:
      return {breast ? "isolated bone disease (breast exception)"
                     : "bone disease: removed within R0 or uncontrolled? (breast-only exception)",
              f};
    case Extrahepatic::lung_solitary:
      return {breast ? "solitary lung metastasis (breast exception)"
                     : "lung metastasis: removed within R0 or uncontrolled? (breast-only exception)",
              f};
    case Extrahepatic::uncontrolled: return {"uncontrolled disease outside the liver", f};
  }
  return {"disease outside the liver", f};
}

void add(std::vector<WhyFact>& out, WhyFact f) { out.push_back(std::move(f)); }

// Criteria with the given status (or every criterion when `all`).
void criteria_facts(std::vector<WhyFact>& out, const Case& c, const Decision& d, Status wanted, bool all) {
  for (int i = 0; i < d.candidacy.count; ++i) {
    const Criterion& k = d.candidacy.criteria[static_cast<std::size_t>(i)];
    if (all || k.status == wanted) add(out, criterion_fact(k.code, c, d));
  }
}

// Why the patient is not operable (the table's rule: fitness not met, or declines).
void not_operable_facts(std::vector<WhyFact>& out, const Case& c, const Decision& d) {
  if (d.candidacy.status(K::FITNESS) == Status::not_met) add(out, criterion_fact(K::FITNESS, c, d));
  if (c.patient_declines_surgery == true) add(out, {"patient declines liver surgery", {"patient_declines_surgery"}});
}

// G51: the ablation limits, each as this case has it.
void ablation_facts(std::vector<WhyFact>& out, const Case& c) {
  if (!c.lesion_count) {
    add(out, {"number of lesions not known", {"lesion_count"}});
  } else {
    const int n = *c.lesion_count;
    add(out, {std::to_string(n) + (n == 1 ? " lesion" : " lesions") + (n <= kAblationMaxLesions ? " (≤ 9)" : " (> 9)"),
              {"lesion_count"}});
  }
  if (!c.largest_lesion_cm) {
    add(out, {"largest lesion size not known", {"largest_lesion_cm"}});
  } else {
    const double cm = *c.largest_lesion_cm;
    const ShownNumber shown = shown_beside(cm, 2, {kAblationMaxLesionCm});
    add(out, {"largest " + num(shown.value, shown.decimals) + " cm" + (cm <= kAblationMaxLesionCm ? " (≤ 4 cm)" : " (> 4 cm)"),
              {"largest_lesion_cm"}});
  }
  add(out, extrahepatic_fact(c));
}

// G22: the poor prognostic factors present, or that none is known.
void prognosis_facts(std::vector<WhyFact>& out, const Case& c) {
  if (!poor_prognostic_factor_present(c)) {
    std::vector<std::string_view> known;
    if (c.presentation) known.push_back("presentation");
    if (c.lesion_count) known.push_back("lesion_count");
    if (c.colorectal.node_positive_primary) known.push_back("colorectal.node_positive_primary");
    if (c.colorectal.tumor_markers_elevated) known.push_back("colorectal.tumor_markers_elevated");
    add(out, {"no poor prognostic factor known", known});
    return;
  }
  if (c.presentation == Presentation::synchronous) add(out, {"synchronous presentation", {"presentation"}});
  if (many_lesions(c)) add(out, {std::to_string(*c.lesion_count) + " lesions (> 5)", {"lesion_count"}});
  if (c.colorectal.node_positive_primary == true) {
    add(out, {"node-positive primary", {"colorectal.node_positive_primary"}});
  }
  if (c.colorectal.tumor_markers_elevated == true) {
    add(out, {"tumour markers elevated", {"colorectal.tumor_markers_elevated"}});
  }
}

void colorectal_facts(std::vector<WhyFact>& out, const Case& c, const Decision& d) {
  switch (d.pathway) {
    case P::REPEAT_RESECTION:
      add(out, {"recurrence after hepatectomy", {"setting"}});
      criteria_facts(out, c, d, Status::met, true);
      return;
    case P::ABLATION_PRIMARY:
    case P::NON_SURGICAL_MDT:
      not_operable_facts(out, c, d);
      ablation_facts(out, c);
      return;
    case P::CRC_CONVERSION_THERAPY: criteria_facts(out, c, d, Status::not_met, false); return;
    case P::ASSESSMENT_INCOMPLETE: criteria_facts(out, c, d, Status::unknown, false); return;
    case P::CRC_NEOADJUVANT_THEN_RESECTION:
    case P::CRC_RESECTION_FIRST:
      criteria_facts(out, c, d, Status::met, true);
      prognosis_facts(out, c);
      return;
    default: return;
  }
}

// G43: why resection of neuroendocrine metastases is not (or not yet) the pathway.
void net_not_resected_facts(std::vector<WhyFact>& out, const Case& c, const Decision& d) {
  const NeuroendocrineFacts& n = c.neuroendocrine;
  if (n.solitary_or_isolated == false) {
    add(out, {"not solitary or isolated", {"neuroendocrine.solitary_or_isolated"}});
  } else if (d.candidacy.overall.raw() == Overall::not_met) {
    criteria_facts(out, c, d, Status::not_met, false);
  } else if (!d.operable) {
    not_operable_facts(out, c, d);
  } else if (!n.solitary_or_isolated) {
    add(out, {"solitary or isolated not known", {"neuroendocrine.solitary_or_isolated"}});
  } else {
    criteria_facts(out, c, d, Status::unknown, false);
  }
}

void net_activity_facts(std::vector<WhyFact>& out, const Case& c) {
  const NeuroendocrineFacts& n = c.neuroendocrine;
  if (n.symptomatic == true) add(out, {"symptomatic", {"neuroendocrine.symptomatic"}});
  if (n.progressive == true) add(out, {"progressive", {"neuroendocrine.progressive"}});
  if (n.symptomatic == true || n.progressive == true) return;
  if (n.symptomatic == false && n.progressive == false) {
    add(out, {"neither symptomatic nor progressive", {"neuroendocrine.symptomatic", "neuroendocrine.progressive"}});
    return;
  }
  if (!n.symptomatic) add(out, {"symptoms not known", {"neuroendocrine.symptomatic"}});
  if (!n.progressive) add(out, {"progression not known", {"neuroendocrine.progressive"}});
}

void neuroendocrine_facts(std::vector<WhyFact>& out, const Case& c, const Decision& d) {
  if (d.pathway == P::NET_RESECTION) {
    add(out, {"solitary or isolated", {"neuroendocrine.solitary_or_isolated"}});
    criteria_facts(out, c, d, Status::met, true);
    return;
  }
  net_not_resected_facts(out, c, d);
  net_activity_facts(out, c);
}

void breast_facts(std::vector<WhyFact>& out, const Case& c, const Decision& d) {
  add(out, {"breast primary: systemic therapy first", {"primary"}});
  const BreastFacts& b = c.breast;
  if (b.hormone_receptor && b.her2) {
    std::string t = std::string("HR ") + (*b.hormone_receptor == Receptor::positive ? "positive" : "negative") +
                    ", HER2 " + (*b.her2 == Receptor::positive ? "positive" : "negative");
    add(out, {t, {"breast.hormone_receptor", "breast.her2"}});
  } else {
    std::vector<std::string_view> open;
    if (!b.hormone_receptor) open.push_back("breast.hormone_receptor");
    if (!b.her2) open.push_back("breast.her2");
    add(out, {"receptor status not complete", open});
  }
  if (d.has(RecCode::ADJUNCT_RESECTION)) {
    criteria_facts(out, c, d, Status::met, true);
    add(out, {"systemic therapy begun", {"chemotherapy_status"}});
  }
}

}  // namespace

WhyFact criterion_fact(CriterionCode code, const Case& c, const Decision& d) {
  const Status s = d.candidacy.status(code);
  switch (code) {
    case K::R0:
      return {s == Status::met ? "R0 yes" : (s == Status::not_met ? "R0 not achievable" : "R0 not known"),
              {"r0_achievable"}};
    case K::REMNANT: return remnant_fact(c, d, s);
    case K::FITNESS: return fitness_fact(c, s);
    case K::EXTRAHEPATIC: return extrahepatic_fact(c);
    case K::BREAST_OLIGOMETASTATIC:
      return {s == Status::met ? "oligometastatic"
                               : (s == Status::not_met ? "not oligometastatic" : "oligometastatic not known"),
              {"breast.oligometastatic"}};
    case K::BREAST_NOT_PROGRESSING:
      return {s == Status::met ? "not progressing on therapy"
                               : (s == Status::not_met ? "progressing on therapy" : "response to therapy not known"),
              {"breast.progressing_on_systemic_therapy"}};
  }
  return {"", {}};
}

std::vector<WhyFact> why_facts(const Case& c, const Decision& d) {
  std::vector<WhyFact> out;
  if (!c.primary) {
    add(out, {"primary tumour not known", {"primary"}});
    return out;
  }
  switch (*c.primary) {
    case Primary::other: add(out, {"other primary: no algorithm in this guideline", {"primary"}}); break;
    case Primary::breast: breast_facts(out, c, d); break;
    case Primary::colorectal: colorectal_facts(out, c, d); break;
    case Primary::neuroendocrine: neuroendocrine_facts(out, c, d); break;
  }
  return out;
}

bool is_general(RecCode code) {
  switch (code) {
    case RecCode::REFER_HPB_MDT:                        // G02: every case
    case RecCode::SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY:  // G12, G70: every case not yet reviewed
    case RecCode::DO_NOT_BIOPSY:                        // G71: every colorectal case
    case RecCode::SURVEILLANCE:                         // G65, G66: with every resection
      return true;
    default: return false;
  }
}

}  // namespace livermets

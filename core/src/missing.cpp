// "What would change this": the unknown answers that, once known, could change
// the pathway or a recommendation.  Each unknown field is probed with one value
// per region between the rules' cut-points; if any probe changes the decision,
// the field is listed, in the contract's order of how decisive it is.
#include "missing.hpp"

#include <algorithm>
#include <array>

#include "fields.hpp"

namespace livermets {

namespace {

struct MissingRule {
  std::string_view field;
  std::string_view why;
  std::vector<std::string_view> statements;
  const FieldSpec* spec = nullptr;  // the field's entry, looked up once
};

// The contract's order (CONTRACT.md section 3, `missing`).
std::vector<MissingRule> missing_rules() {
  return {
      {"primary", "The primary tumour decides which algorithm applies.", {"G16"}},
      {"r0_achievable", "Complete (R0) resection of all disease is a candidacy criterion.", {"G07"}},
      {"extrahepatic_disease",
       "Uncontrolled disease outside the liver rules out resection; none at all is needed for ablation.",
       {"G10", "G51", "G74"}},
      {"ecog", "Performance status decides fitness for surgery (ECOG 3-4 is not fit).", {"G09"}},
      {"operative_risk_acceptable", "Acceptable operative risk is part of the fitness criterion.", {"G09"}},
      {"flr_percent", "The remnant must be at least 30% of standard liver volume (40% in cirrhosis).", {"G08", "G73"}},
      {"liver_quality", "Cirrhosis raises the remnant needed to 40%, a figure beyond the guideline.", {"G73"}},
      {"remnant_segments", "About two contiguous, well-perfused segments must remain.", {"G08"}},
      {"patient_declines_surgery", "A patient who declines surgery is offered non-surgical options.", {"G50"}},
      {"chemotherapy_status",
       "Whether chemotherapy has begun changes the urgency of surgical review and what comes next.",
       {"G12", "G70"}},
      {"lesion_count", "More than 5 metastases is a poor prognostic factor; ablation allows up to 9.", {"G22", "G51"}},
      {"presentation", "A synchronous presentation is a poor prognostic factor.", {"G22"}},
      {"colorectal.node_positive_primary", "A node-positive primary is a poor prognostic factor.", {"G22"}},
      {"colorectal.tumor_markers_elevated", "Raised tumour markers are a poor prognostic factor.", {"G22"}},
      {"largest_lesion_cm", "Ablation is limited to lesions of 4 cm or less.", {"G51", "G54"}},
      {"bilobar", "Bilobar disease opens two-stage hepatectomy and combined resection with ablation.", {"G30", "G31"}},
      {"colorectal.mmr", "The guideline's regimens (conversion regimens, perioperative FOLFOX) are given here for pMMR/MSS tumours only.", {"G25", "G26", "G27"}},
      {"colorectal.ras", "RAS status chooses the conversion regimen.", {"G25", "G26", "G27"}},
      {"colorectal.braf", "BRAF status chooses the conversion regimen.", {"G25", "G26", "G27"}},
      {"colorectal.sidedness", "The side of the primary chooses between anti-EGFR and triplet chemotherapy.",
       {"G25", "G26"}},
      {"breast.oligometastatic", "Liver-limited or oligometastatic disease is a breast candidacy criterion.", {"G35"}},
      {"breast.progressing_on_systemic_therapy", "Progression on therapy rules out adjunct resection.", {"G37"}},
      {"breast.hormone_receptor", "Hormone-receptor status must guide systemic therapy.", {"G38"}},
      {"breast.her2", "HER2 status must guide systemic therapy.", {"G38"}},
      {"neuroendocrine.solitary_or_isolated", "Solitary or isolated metastases are resected.", {"G43"}},
      {"neuroendocrine.symptomatic", "Symptoms call for somatostatin analogues rather than observation.", {"G41", "G42"}},
      {"neuroendocrine.progressive", "Progressive disease calls for treatment rather than observation.", {"G41", "G44"}},
      {"neuroendocrine.hypervascular", "Vascular tumours are the ones suited to embolization.", {"G44"}},
      {"neuroendocrine.sstr_positive", "Somatostatin-receptor-positive tumours can have PRRT.", {"G45"}},
  };
}

// The rules with their field entries resolved, once per process.
const std::vector<MissingRule>& resolved_rules() {
  static const std::vector<MissingRule> kResolved = [] {
    std::vector<MissingRule> rules = missing_rules();
    for (MissingRule& r : rules) r.spec = find_field(r.field);
    return rules;
  }();
  return kResolved;
}

// What a decision recommends, for comparison.
bool same_outcome(const Decision& a, const Decision& b) {
  if (a.pathway != b.pathway || a.recommendation_count != b.recommendation_count) return false;
  return std::equal(a.recommendations.begin(), a.recommendations.begin() + a.recommendation_count,
                    b.recommendations.begin(), [](const Recommendation& x, const Recommendation& y) {
                      return x.code == y.code && x.strength == y.strength;
                    });
}

bool any_probe_changes(const FieldSpec& f, const Case& c, const Decision& now) {
  Case probe = c;
  auto differs = [&] { return !same_outcome(decide(probe), now); };
  switch (f.type) {
    case FieldType::boolean:
      for (bool v : {true, false}) {
        f.boolean_ref(probe) = v;
        if (differs()) return true;
      }
      return false;
    case FieldType::enumeration:
      for (int i = 0; i < static_cast<int>(f.options.size()); ++i) {
        f.enum_set(probe, i);
        if (differs()) return true;
      }
      return false;
    case FieldType::integer:
      for (double v : f.probes) {
        f.integer_ref(probe) = static_cast<int>(v);
        if (differs()) return true;
      }
      return false;
    case FieldType::number:
      for (double v : f.probes) {
        f.number_ref(probe) = v;
        if (differs()) return true;
      }
      return false;
  }
  return false;
}

// The remnant is known when given as a % or computable from volumetry; when it
// is not, name what the clinician can still supply.
void add_remnant_entries(const Case& c, const MissingRule& rule, std::vector<MissingItem>& out) {
  const bool any_volumetry = c.flr_volume_ml || c.height_cm || c.weight_kg;
  if (!any_volumetry) {
    out.push_back({std::string(rule.field), std::string(rule.why), rule.statements});
    return;
  }
  const std::string why = std::string(rule.why) + " It is computed from the remnant volume, height and weight.";
  if (!c.flr_volume_ml) out.push_back({"flr_volume_ml", why, rule.statements});
  if (!c.height_cm) out.push_back({"height_cm", why, rule.statements});
  if (!c.weight_kg) out.push_back({"weight_kg", why, rule.statements});
}

}  // namespace

std::vector<MissingItem> find_missing(const Case& c, const Decision& now) {
  std::vector<MissingItem> out;
  for (const MissingRule& rule : resolved_rules()) {
    const FieldSpec* f = rule.spec;
    if (rule.field == "flr_percent") {
      if (now.derived.flr_percent || !any_probe_changes(*f, c, now)) continue;
      add_remnant_entries(c, rule, out);
      continue;
    }
    if (f->known(c) || !any_probe_changes(*f, c, now)) continue;
    out.push_back({std::string(rule.field), std::string(rule.why), rule.statements});
  }
  return out;
}

}  // namespace livermets

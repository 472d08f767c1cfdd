// "What would change this": the open answers that, once known, could change
// the pathway or a recommendation code, together with any values of the other
// open answers (CONTRACT.md section 3, rev 2).  The search is in
// missing_search.cpp; this file says which answers are open, in the
// contract's order of how decisive they are, and why each matters.
#include "missing.hpp"

#include "fields.hpp"
#include "missing_search.hpp"
#include "rules.hpp"

namespace livermets {

namespace {

struct MissingRule {
  std::string_view field;
  std::string_view why;
  std::vector<std::string_view> statements;
  const FieldSpec* spec = nullptr;  // the field's entry, looked up once
  // Read only by the colorectal algorithm (G22, G30, G31, G51): never open for
  // another known primary, so a long search cannot list it there with a
  // colorectal reason (audit, stop 18).  test_missing.cpp proves it cannot matter.
  bool colorectal_only = false;
};

// A known answer that still leaves a rule undecided, with the values that
// would decide it (the rule and this predicate must agree).
struct OpenKnownAnswer {
  std::string_view field;
  bool (*open)(const Case&);
  std::vector<std::string_view> values;  // option names
  std::string_view why;
  std::vector<std::string_view> statements;
};

const std::vector<OpenKnownAnswer>& open_known_answers() {
  static const std::vector<OpenKnownAnswer> kOpen = {
      {"extrahepatic_disease", extrahepatic_exception_outside_breast, {"resectable", "uncontrolled"},
       "Answer whether the disease outside the liver will be removed within the R0 resection (resectable) "
       "or not (uncontrolled): a solitary lung metastasis or bone disease controlled by radiation is an "
       "accepted exception only in breast cancer.",
       {"G10", "G36", "G74"}},
  };
  return kOpen;
}

// The contract's order (CONTRACT.md section 3, `missing`).
std::vector<MissingRule> missing_rules() {
  return {
      {"primary", "The primary tumour decides which algorithm applies.", {"G16"}},
      {"r0_achievable", "Complete (R0) resection of all disease is a candidacy criterion.", {"G07"}},
      {"extrahepatic_disease",
       "Uncontrolled disease outside the liver rules out resection; in colorectal cancer, ablation as primary "
       "treatment needs none at all.",
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
      {"lesion_count", "More than 5 metastases is a poor prognostic factor; ablation allows up to 9.", {"G22", "G51"}, nullptr, true},
      {"presentation", "A synchronous presentation is a poor prognostic factor.", {"G22"}, nullptr, true},
      {"colorectal.node_positive_primary", "A node-positive primary is a poor prognostic factor.", {"G22"}},
      {"colorectal.tumor_markers_elevated", "Raised tumour markers are a poor prognostic factor.", {"G22"}},
      {"largest_lesion_cm", "Ablation is limited to lesions of 4 cm or less.", {"G51", "G54"}, nullptr, true},
      {"bilobar", "Bilobar disease opens two-stage hepatectomy and combined resection with ablation.", {"G30", "G31"}, nullptr, true},
      {"colorectal.mmr", "The guideline's conversion regimens are given for pMMR/MSS tumours only.", {"G25", "G26", "G27"}},
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

// The primary-specific block a field belongs to ("" for a top-level field).
std::string_view block_of(std::string_view field) {
  const auto dot = field.find('.');
  return dot == std::string_view::npos ? std::string_view() : field.substr(0, dot);
}

std::string_view block_name(Primary p) {
  switch (p) {
    case Primary::colorectal: return "colorectal";
    case Primary::breast: return "breast";
    case Primary::neuroendocrine: return "neuroendocrine";
    case Primary::other: return "other";
  }
  return {};
}

// One open answer of the case, and whether it may be listed.
struct Candidate {
  const MissingRule* rule;
  const OpenKnownAnswer* known_open;  // set when the answer is known but open
  bool listable;
};

// The open answers, in the contract's order.  A block field is open while the
// primary is unknown (sigma may choose that primary) but is listed only once
// the primary is known: the primary comes first.
void collect_open(const Case& c, const Decision& now, std::vector<Candidate>& out,
                  std::vector<OpenAnswer>& open) {
  const auto& primary = c.primary.raw();
  for (const MissingRule& rule : resolved_rules()) {
    if (rule.field == "flr_percent") {
      if (now.derived.flr_percent) continue;
      out.push_back({&rule, nullptr, true});
      open.push_back(open_remnant());
      continue;
    }
    const std::string_view block = block_of(rule.field);
    if (!block.empty() && primary && block != block_name(*primary)) continue;
    if (rule.colorectal_only && primary && *primary != Primary::colorectal) continue;
    const bool listable = block.empty() || primary.has_value();
    if (!rule.spec->known(c)) {
      out.push_back({&rule, nullptr, listable});
      open.push_back(open_field(*rule.spec));
      continue;
    }
    for (const OpenKnownAnswer& k : open_known_answers()) {
      if (k.field != rule.field || !k.open(c)) continue;
      OpenAnswer a = open_field(*rule.spec);
      a.values.clear();
      for (std::string_view v : k.values) {
        for (std::size_t i = 0; i < rule.spec->options.size(); ++i) {
          if (rule.spec->options[i] == v) a.values.push_back(static_cast<double>(i));
        }
      }
      out.push_back({&rule, &k, listable});
      open.push_back(std::move(a));
    }
  }
}

// The remnant is known when given as a % or computable from volumetry; when it
// is not, name what the clinician can still supply.
void add_remnant_entries(const Case& c, const MissingRule& rule, std::vector<MissingItem>& out) {
  const bool any_volumetry = c.flr_volume_ml.raw() || c.height_cm.raw() || c.weight_kg.raw();
  if (!any_volumetry) {
    out.push_back({std::string(rule.field), std::string(rule.why), rule.statements});
    return;
  }
  const std::string why = std::string(rule.why) + " It is computed from the remnant volume, height and weight.";
  if (!c.flr_volume_ml.raw()) out.push_back({"flr_volume_ml", why, rule.statements});
  if (!c.height_cm.raw()) out.push_back({"height_cm", why, rule.statements});
  if (!c.weight_kg.raw()) out.push_back({"weight_kg", why, rule.statements});
}

}  // namespace

std::vector<MissingItem> find_missing(const Case& c, const Decision& now, MissingStats* stats) {
  std::vector<Candidate> candidates;
  std::vector<OpenAnswer> open;
  collect_open(c, now, candidates, open);
  MissingSearch search(c, std::move(open));
  std::vector<MissingItem> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& k = candidates[i];
    if (!k.listable) continue;
    const Relevance r = search.relevant(i);
    if (stats) {
      ++stats->searches;
      stats->evaluations += search.evaluations();
      if (search.evaluations() > stats->max_evaluations) stats->max_evaluations = search.evaluations();
      if (r == Relevance::budget_exceeded) {
        ++stats->over_budget;
        stats->over_budget_fields.emplace_back(k.rule->field);
      }
      if (stats->keep_costs) stats->costs.emplace_back(std::string(k.rule->field), search.evaluations());
    }
    if (r == Relevance::irrelevant) continue;  // over budget: listed, the safe side
    const MissingRule& rule = *k.rule;
    if (rule.field == "flr_percent") {
      add_remnant_entries(c, rule, out);
    } else if (k.known_open) {
      out.push_back({std::string(rule.field), std::string(k.known_open->why), k.known_open->statements});
    } else {
      out.push_back({std::string(rule.field), std::string(rule.why), rule.statements});
    }
  }
  return out;
}

std::vector<MissingItem> find_missing(const Case& c, const Decision& now) { return find_missing(c, now, nullptr); }

}  // namespace livermets

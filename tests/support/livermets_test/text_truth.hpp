// Texts true to the answers (issue 8 item 3), checked by generation: every
// text a decision would show (recommendations, warnings, criterion reasons,
// pathway title and summary) is assembled from fragments (core/src/text.hpp).
// A small table pairs each state-dependent phrase with the condition under
// which it is true; for every swept case, any fragment containing a phrase
// must have its condition hold.  A second table names phrases a text must
// contain when it is shown in a given state (the receptor status entered, the
// markers still unknown).  Phrases are written from the guideline and the
// contract, not copied from the program's output.  Free of GoogleTest.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "livermets/decision.hpp"
#include "livermets_test/invariants.hpp"
#include "rules.hpp"
#include "texts.hpp"

namespace livermets::testing {

using Holds = bool (*)(const Case&, const Decision&);

struct PhraseRule {
  std::string_view phrase;
  std::string_view means;  // the condition, in words, for the report
  Holds holds;
};

inline bool chemo_not_begun(const Case& c) { return !chemo_started(c); }
inline bool chemo_is(const Case& c, Chemotherapy s) { return c.chemotherapy_status == s; }
// G22's factors: one still unknown (written from the four the guideline lists)
inline bool poor_factor_open(const Case& c) {
  const auto& interval = c.colorectal.disease_free_interval_months;  // above 0: metachronous only
  return !c.lesion_count || (!c.presentation && !(interval && *interval > 0)) ||
         !c.colorectal.node_positive_primary || !c.colorectal.tumor_markers_elevated;
}

// Each phrase may appear only when its condition holds.
inline const std::vector<PhraseRule>& phrase_rules() {
  using C = const Case&;
  using D = const Decision&;
  static const std::vector<PhraseRule> kRules = {
      // Chemotherapy status: started is not completed; "start" never to the treated.
      {"has started", "chemotherapy started", [](C c, D) { return chemo_is(c, Chemotherapy::started); }},
      {"already started", "chemotherapy started", [](C c, D) { return chemo_is(c, Chemotherapy::started); }},
      {"under way", "chemotherapy started", [](C c, D) { return chemo_is(c, Chemotherapy::started); }},
      {"do not wait for the course to end", "chemotherapy started", [](C c, D) { return chemo_is(c, Chemotherapy::started); }},
      {"after the planned chemotherapy course", "chemotherapy started", [](C c, D) { return chemo_is(c, Chemotherapy::started); }},
      {"continue systemic chemotherapy", "chemotherapy started", [](C c, D) { return chemo_is(c, Chemotherapy::started); }},
      {"if chemotherapy reduces", "chemotherapy started", [](C c, D) { return chemo_is(c, Chemotherapy::started); }},
      {"has been completed", "chemotherapy completed", [](C c, D) { return chemo_is(c, Chemotherapy::completed); }},
      {"if chemotherapy has reduced", "chemotherapy completed", [](C c, D) { return chemo_is(c, Chemotherapy::completed); }},
      {"once restaging after chemotherapy", "chemotherapy completed", [](C c, D) { return chemo_is(c, Chemotherapy::completed); }},
      {"systemic therapy given", "systemic therapy completed", [](C c, D) { return chemo_is(c, Chemotherapy::completed); }},
      {"start systemic chemotherapy", "chemotherapy none or planned", [](C c, D) { return chemo_is(c, Chemotherapy::none) || chemo_is(c, Chemotherapy::planned); }},
      {"before any chemotherapy begins", "chemotherapy not begun, not breast", [](C c, D) { return chemo_not_begun(c) && c.primary != Primary::breast; }},
      {"before any systemic therapy begins", "systemic therapy not begun, breast", [](C c, D) { return chemo_not_begun(c) && c.primary == Primary::breast; }},
      {"Systemic therapy has", "breast primary", [](C c, D) { return c.primary == Primary::breast; }},
      {"systemic therapy has already", "breast primary", [](C c, D) { return c.primary == Primary::breast; }},
      {"Chemotherapy has", "not a breast primary", [](C c, D) { return c.primary != Primary::breast; }},
      {"operative risk not acceptable", "risk not acceptable", [](C c, D) { return c.operative_risk_acceptable == false; }},
      {"before chemotherapy begins", "chemotherapy not begun", [](C c, D) { return chemo_not_begun(c); }},
      {"Before it starts", "chemotherapy not begun", [](C c, D) { return chemo_not_begun(c); }},
      {"Before chemotherapy starts", "chemotherapy not begun", [](C c, D) { return chemo_not_begun(c); }},
      {"proceeding directly to surgery", "chemotherapy not begun", [](C c, D) { return chemo_not_begun(c); }},
      {"proceed directly to resection", "chemotherapy not begun", [](C c, D) { return chemo_not_begun(c); }},
      {"after the neoadjuvant chemotherapy", "chemotherapy not begun", [](C c, D) { return chemo_not_begun(c); }},
      // A lesion map: only made (or to be made) before chemotherapy.
      {"map every lesion", "chemotherapy not begun", [](C c, D) { return chemo_not_begun(c); }},
      {"maps every lesion", "chemotherapy not begun", [](C c, D) { return chemo_not_begun(c); }},
      {"is mapped", "chemotherapy not begun and review done", [](C c, D) { return chemo_not_begun(c) && c.surgical_review_done == true; }},
      {"surgeon's assessment of every lesion", "review done", [](C c, D) { return c.surgical_review_done == true; }},
      {"No surgical assessment before chemotherapy is recorded", "review not done", [](C c, D) { return c.surgical_review_done != true; }},
      {"without a liver surgeon's assessment", "review answered no", [](C c, D) { return c.surgical_review_done == false; }},
      {"before a liver surgeon assessed", "review answered no", [](C c, D) { return c.surgical_review_done == false; }},
      {"assessment of the metastases is recorded", "review unknown", [](C c, D) { return !c.surgical_review_done; }},
      {"assessment of the metastases before it is recorded", "review unknown", [](C c, D) { return !c.surgical_review_done; }},
      {"Unless it has been done", "review unknown", [](C c, D) { return !c.surgical_review_done; }},
      // Nobody is called operable (contract: a rule of the table, not a finding).
      {"operable", "never", [](C, D) { return false; }},
      // Hedges kept: G72 says "often", G15 and G70 say "20%" without "about".
      {"usually", "never (the guideline says often)", [](C, D) { return false; }},
      {"about 20% of initially", "never (G15 says 20%)", [](C, D) { return false; }},
      {"about 3 months", "never (G21 says 3 months)", [](C, D) { return false; }},
      // Fitness and the patient's decision.
      {"declines surgery", "patient declines", [](C c, D) { return c.patient_declines_surgery == true; }},
      {"declines it", "patient declines", [](C c, D) { return c.patient_declines_surgery == true; }},
      {"not fit for surgery", "fitness not met",
       [](C, D d) { return d.candidacy.status(CriterionCode::FITNESS) == Status::not_met; }},
      {"ECOG 0", "ECOG 0", [](C c, D) { return c.ecog == 0; }},
      {"ECOG 1", "ECOG 1", [](C c, D) { return c.ecog == 1; }},
      {"ECOG 2", "ECOG 2", [](C c, D) { return c.ecog == 2; }},
      {"ECOG 3", "ECOG 3", [](C c, D) { return c.ecog == 3; }},
      {"ECOG 4", "ECOG 4", [](C c, D) { return c.ecog == 4; }},
      {"ECOG is 3", "ECOG 3", [](C c, D) { return c.ecog == 3; }},
      {"ECOG is 4", "ECOG 4", [](C c, D) { return c.ecog == 4; }},
      {"ECOG not known", "ECOG unknown", [](C c, D) { return !c.ecog; }},
      {"; operative risk acceptable", "risk acceptable", [](C c, D) { return c.operative_risk_acceptable == true; }},
      {"whatever the operative risk", "risk acceptable", [](C c, D) { return c.operative_risk_acceptable == true; }},
      {"operative risk not yet judged", "risk unknown", [](C c, D) { return !c.operative_risk_acceptable; }},
      {"Operative risk judged not acceptable", "risk not acceptable", [](C c, D) { return c.operative_risk_acceptable == false; }},
      {"fitness is not yet established", "fitness unknown",
       [](C, D d) { return d.candidacy.status(CriterionCode::FITNESS) == Status::unknown; }},
      {"ECOG 2 is borderline", "ECOG 2", [](C c, D) { return c.ecog == 2; }},
      // Receptors and markers: named only as entered.
      {"hormone-receptor positive", "HR positive", [](C c, D) { return c.breast.hormone_receptor == Receptor::positive; }},
      {"hormone-receptor negative", "HR negative", [](C c, D) { return c.breast.hormone_receptor == Receptor::negative; }},
      {"HER2-positive", "HER2 positive", [](C c, D) { return c.breast.her2 == Receptor::positive; }},
      {"HER2-negative", "HER2 negative", [](C c, D) { return c.breast.her2 == Receptor::negative; }},
      {"HER2 is entered as positive", "HER2 positive", [](C c, D) { return c.breast.her2 == Receptor::positive; }},
      {"HER2 is entered as negative", "HER2 negative", [](C c, D) { return c.breast.her2 == Receptor::negative; }},
      {"hormone receptor is entered as positive", "HR positive", [](C c, D) { return c.breast.hormone_receptor == Receptor::positive; }},
      {"hormone receptor is entered as negative", "HR negative", [](C c, D) { return c.breast.hormone_receptor == Receptor::negative; }},
      {"Establish hormone-receptor and HER2 status", "HR and HER2 unknown", [](C c, D) { return !c.breast.hormone_receptor && !c.breast.her2; }},
      {"Establish hormone-receptor status", "HR unknown", [](C c, D) { return !c.breast.hormone_receptor; }},
      {"Establish HER2 status", "HER2 unknown", [](C c, D) { return !c.breast.her2; }},
      {"RAS and BRAF wild-type", "RAS and BRAF wild-type",
       [](C c, D) { return c.colorectal.ras == Mutation::wild_type && c.colorectal.braf == Mutation::wild_type; }},
      {"RAS and BRAF mutated", "RAS and BRAF mutated",
       [](C c, D) { return c.colorectal.ras == Mutation::mutated && c.colorectal.braf == Mutation::mutated; }},
      {"RAS mutated", "RAS mutated", [](C c, D) { return c.colorectal.ras == Mutation::mutated; }},
      {"BRAF mutated", "BRAF mutated", [](C c, D) { return c.colorectal.braf == Mutation::mutated; }},
      {"left-sided", "left side", [](C c, D) { return c.colorectal.sidedness == Side::left; }},
      {"right-sided", "right side", [](C c, D) { return c.colorectal.sidedness == Side::right; }},
      {"pMMR/MSS, ", "pMMR/MSS", [](C c, D) { return c.colorectal.mmr == Mmr::pmmr_mss; }},
      {"proves pMMR/MSS", "MMR unknown", [](C c, D) { return !c.colorectal.mmr; }},
      {"dMMR/MSI-H tumour", "dMMR/MSI-H", [](C c, D) { return c.colorectal.mmr == Mmr::dmmr_msi_h; }},
      {"MMR/MSI status", "MMR unknown", [](C c, D) { return !c.colorectal.mmr; }},
      {"RAS status", "RAS unknown", [](C c, D) { return !c.colorectal.ras; }},
      {"BRAF status", "BRAF unknown", [](C c, D) { return !c.colorectal.braf; }},
      {"the side of the primary", "side unknown", [](C c, D) { return !c.colorectal.sidedness; }},
      {"Consider it if the patient is fit for triplet", "triplet is consider",
       [](C c, D d) { return !(d.candidacy.status(CriterionCode::FITNESS) == Status::met && c.ecog && *c.ecog <= 1); }},
      // The liver that would remain.
      {"is cirrhotic", "cirrhosis", [](C c, D) { return c.liver_quality == LiverQuality::cirrhosis; }},
      {"asked for a cirrhotic liver", "cirrhosis", [](C c, D) { return c.liver_quality == LiverQuality::cirrhosis; }},
      {"asks for in cirrhosis", "cirrhosis", [](C c, D) { return c.liver_quality == LiverQuality::cirrhosis; }},
      {"has steatosis or chemotherapy injury", "steatosis", [](C c, D) { return c.liver_quality == LiverQuality::steatosis_or_chemotherapy_injury; }},
      {"the liver is entered as normal", "quality normal", [](C c, D) { return c.liver_quality == LiverQuality::normal; }},
      {"assess the quality", "quality unknown", [](C c, D) { return !c.liver_quality; }},
      {"liver quality is not known", "quality unknown", [](C c, D) { return !c.liver_quality; }},
      {"No segment would remain", "0 segments", [](C c, D) { return c.remnant_segments == 0; }},
      {"Only 1 segment would remain", "1 segment", [](C c, D) { return c.remnant_segments == 1; }},
      {"Only 0 segments", "0 segments", [](C c, D) { return c.remnant_segments == 0; }},
      {"Only 1 segment", "1 segment", [](C c, D) { return c.remnant_segments == 1; }},
      {"does not add the two segments", "fewer than 2 segments", [](C c, D) { return c.remnant_segments && *c.remnant_segments < 2; }},
      {"The future liver remnant is not known", "remnant unknown", [](C, D d) { return !d.derived.flr_percent; }},
      // Ablation size (G54).
      {"larger than 2-3 cm:", "largest above 3 cm", [](C c, D) { return c.largest_lesion_cm && *c.largest_lesion_cm > 3.0; }},
      {"within the 2-3 cm range", "largest above 2 and at most 3 cm",
       [](C c, D) { return c.largest_lesion_cm && *c.largest_lesion_cm > 2.0 && *c.largest_lesion_cm <= 3.0; }},
      {"size of the largest lesion is not known", "size unknown", [](C c, D) { return !c.largest_lesion_cm; }},
      {"outside the ablation limits", "ablation limits known not to hold", [](C c, D) { return outside_ablation_limits(c); }},
      {"not all known to hold", "ablation limits open", [](C c, D) { return !outside_ablation_limits(c) && !within_ablation_limits(c); }},
      {"If the disease proves to be within ablation limits", "ablation limits not excluded", [](C c, D) { return !outside_ablation_limits(c); }},
      {"the disease is within its limits", "within ablation limits", [](C c, D) { return within_ablation_limits(c); }},
      {"the disease is within ablation limits", "within ablation limits", [](C c, D) { return within_ablation_limits(c); }},
      // Extrahepatic disease and the breast-only exceptions.
      {"In breast cancer,", "breast primary", [](C c, D) { return c.primary == Primary::breast; }},
      {"accepted exception in breast cancer.", "breast primary", [](C c, D) { return c.primary == Primary::breast; }},
      {"breast cancer only", "not a breast primary", [](C c, D) { return c.primary != Primary::breast; }},
      {"solitary lung metastasis", "lung solitary", [](C c, D) { return c.extrahepatic_disease == Extrahepatic::lung_solitary; }},
      {"bone disease controll", "bone", [](C c, D) { return c.extrahepatic_disease == Extrahepatic::bone_isolated_radiation_controllable; }},
      {"bone metastases controllable", "bone", [](C c, D) { return c.extrahepatic_disease == Extrahepatic::bone_isolated_radiation_controllable; }},
      {"No disease outside the liver", "none", [](C c, D) { return c.extrahepatic_disease == Extrahepatic::none; }},
      {"ncontrolled disease outside the liver", "uncontrolled", [](C c, D) { return c.extrahepatic_disease == Extrahepatic::uncontrolled; }},
      {"Disease outside the liver not yet assessed", "extrahepatic unknown", [](C c, D) { return !c.extrahepatic_disease; }},
      {"will be removed within the R0 resection: not", "resectable", [](C c, D) { return c.extrahepatic_disease == Extrahepatic::resectable; }},
      // Colorectal prognosis (G22) and unmet criteria.
      {"more than 5 metastases", "more than 5 lesions", [](C c, D) { return many_lesions(c); }},
      {"synchronous presentation", "synchronous", [](C c, D) { return c.presentation == Presentation::synchronous; }},
      {"node-positive primary", "node positive", [](C c, D) { return c.colorectal.node_positive_primary == true; }},
      {"raised tumour markers", "markers elevated", [](C c, D) { return c.colorectal.tumor_markers_elevated == true; }},
      {" Not yet known: ", "a poor prognostic factor unknown, resection first",
       [](C c, D d) { return d.pathway == PathwayCode::CRC_RESECTION_FIRST && poor_factor_open(c); }},
      {"the number of metastases", "lesion count unknown", [](C c, D) { return !c.lesion_count; }},
      {"synchronous or metachronous presentation", "presentation unknown, no interval above 0",
       [](C c, D) { return !c.presentation && !(c.colorectal.disease_free_interval_months && *c.colorectal.disease_free_interval_months > 0); }},
      {"the nodal status of the primary", "nodal status unknown", [](C c, D) { return !c.colorectal.node_positive_primary; }},
      {"the tumour markers", "markers unknown", [](C c, D) { return !c.colorectal.tumor_markers_elevated; }},
      {"R0 resection not achievable", "R0 not met", [](C, D d) { return d.candidacy.status(CriterionCode::R0) == Status::not_met; }},
      {"remnant inadequate", "remnant not met", [](C, D d) { return d.candidacy.status(CriterionCode::REMNANT) == Status::not_met; }},
      // Contradictions (CHECK_ANSWERS).
      {"complete response on imaging is entered", "response with no chemotherapy given",
       [](C c, D) { return c.complete_radiological_response == true && chemo_not_begun(c) && c.chemotherapy_status; }},
      {"entered as none", "chemotherapy none", [](C c, D) { return chemo_is(c, Chemotherapy::none); }},
      {"entered as planned only", "chemotherapy planned", [](C c, D) { return chemo_is(c, Chemotherapy::planned); }},
      {"ECOG 3-4", "never (names one value as entered)", [](C, D) { return false; }},
      {"CEA is above 200", "CEA above 200", [](C c, D) { return c.colorectal.cea_ng_ml && *c.colorectal.cea_ng_ml > 200.0; }},
      {"entered as progressing", "progressing", [](C c, D) { return c.breast.progressing_on_systemic_therapy == true; }},
      {"yet the disease is entered as neither liver-limited", "no extrahepatic disease, not liver-limited",
       [](C c, D) { return c.extrahepatic_disease == Extrahepatic::none && c.breast.oligometastatic == false; }},
      // What resection alone cannot do (G31, G49), as R0 is entered.
      {"still leave enough liver", "R0 by resection alone achievable", [](C c, D) { return c.r0_achievable == true; }},
      {"that resection alone cannot clear", "R0 by resection alone not achievable", [](C c, D) { return c.r0_achievable == false; }},
      {"where resection alone cannot clear every", "R0 unknown", [](C c, D) { return !c.r0_achievable; }},
      {"entered as no longer visible on imaging", "complete response", [](C c, D) { return c.complete_radiological_response == true; }},
      {"lesions begin to disappear", "no complete response yet", [](C c, D) { return c.complete_radiological_response != true; }},
      // Setting, biopsy, primary.
      {"This is a recurrence after liver resection", "recurrence", [](C c, D) { return c.setting == Setting::recurrence_after_hepatectomy; }},
      {"planned in colorectal cancer", "colorectal and biopsy", [](C c, D) { return c.primary == Primary::colorectal && c.biopsy_planned == true; }},
      {"while the primary tumour is not known", "primary unknown", [](C c, D) { return !c.primary; }},
      // Neuroendocrine activity and resectability.
      {"Symptomatic and progressive disease", "symptomatic and progressive",
       [](C c, D) { return c.neuroendocrine.symptomatic == true && c.neuroendocrine.progressive == true; }},
      {"Symptomatic disease", "symptomatic, not progressive",
       [](C c, D) { return c.neuroendocrine.symptomatic == true && c.neuroendocrine.progressive != true; }},
      {"Progressive disease", "progressive, not symptomatic",
       [](C c, D) { return c.neuroendocrine.progressive == true && c.neuroendocrine.symptomatic != true; }},
      {", not for resection.", "resection excluded", [](C c, D d) { return net_resection_excluded(c, d); }},
      {"whether it can be resected is still open", "resection not excluded", [](C c, D d) { return !net_resection_excluded(c, d); }},
      {"They are entered as solitary or isolated", "solitary", [](C c, D) { return c.neuroendocrine.solitary_or_isolated == true; }},
      {"Find out whether they are solitary or isolated", "solitary unknown", [](C c, D) { return !c.neuroendocrine.solitary_or_isolated; }},
      {"not symptomatic, not somatostatin-receptor positive", "not symptomatic and SSTR negative",
       [](C c, D) { return c.neuroendocrine.symptomatic == false && c.neuroendocrine.sstr_positive == false; }},
      {"neither symptomatic nor progressive", "neither",
       [](C c, D) { return c.neuroendocrine.symptomatic == false && c.neuroendocrine.progressive == false; }},
      {"the tumour is somatostatin-receptor positive", "SSTR positive", [](C c, D) { return c.neuroendocrine.sstr_positive == true; }},
      {"as listed below.", "an option is listed", [](C, D d) {
         return d.has(RecCode::SOMATOSTATIN_ANALOG) || d.has(RecCode::EMBOLIZATION) || d.has(RecCode::PRRT) ||
                d.pathway == PathwayCode::CRC_CONVERSION_THERAPY; }},
      {"depends on answers not yet known", "no option listed yet", [](C, D d) {
         return !d.has(RecCode::SOMATOSTATIN_ANALOG) && !d.has(RecCode::EMBOLIZATION) && !d.has(RecCode::PRRT); }},
      {"the tumour is progressive, symptomatic and vascular", "all three",
       [](C c, D) { return c.neuroendocrine.progressive == true && c.neuroendocrine.symptomatic == true && c.neuroendocrine.hypervascular == true; }},
  };
  return kRules;
}

// Phrases a shown text must contain in a given state.
struct RequiredPhrase {
  bool is_recommendation;  // else a warning
  int code;
  std::string_view phrase;
  Holds when;
};

inline const std::vector<RequiredPhrase>& required_phrases() {
  using C = const Case&;
  using D = const Decision&;
  const int guided = static_cast<int>(RecCode::RECEPTOR_GUIDED_THERAPY);
  const int profiling = static_cast<int>(RecCode::MOLECULAR_PROFILING);
  static const std::vector<RequiredPhrase> kRequired = {
      {true, guided, "hormone-receptor positive", [](C c, D) { return c.breast.hormone_receptor == Receptor::positive; }},
      {true, guided, "hormone-receptor negative", [](C c, D) { return c.breast.hormone_receptor == Receptor::negative; }},
      {true, guided, "HER2-positive", [](C c, D) { return c.breast.her2 == Receptor::positive; }},
      {true, guided, "HER2-negative", [](C c, D) { return c.breast.her2 == Receptor::negative; }},
      {true, profiling, "MMR/MSI status", [](C c, D) { return !c.colorectal.mmr; }},
      {true, profiling, "RAS status",
       [](C c, D) { return !c.colorectal.ras && c.colorectal.braf != Mutation::mutated; }},
      {true, profiling, "BRAF status",
       [](C c, D) { return !c.colorectal.braf && c.colorectal.ras != Mutation::mutated; }},
      {true, profiling, "the side of the primary",
       [](C c, D) { return !c.colorectal.sidedness && c.colorectal.ras != Mutation::mutated && c.colorectal.braf != Mutation::mutated; }},
      // Only MMR unknown and the markers decide a regimen: show it, as conditional.
      {true, profiling, "proves pMMR/MSS", [](C c, D) { return !c.colorectal.mmr && pmmr_regimen(c).has_value(); }},
      {true, static_cast<int>(RecCode::NON_SURGICAL_CARE_MDT), "declines",
       [](C c, D) { return c.primary == Primary::colorectal && c.patient_declines_surgery == true; }},
      {false, static_cast<int>(WarningCode::ABLATION_LESION_SIZE), "not known", [](C c, D) { return !c.largest_lesion_cm; }},
      {false, static_cast<int>(WarningCode::REMNANT_QUALITY), "confirm that assessment",
       [](C c, D) { return c.liver_quality == LiverQuality::normal && chemo_started(c); }},
  };
  return kRequired;
}

// Checks every fragment of every text of a decision.  Which phrases a
// fragment contains is worked out once per fragment (fragments are constants
// of texts.cpp, so their addresses are stable).
class TextTruth {
 public:
  void check(const Case& c, const Decision& d, Report& r) {
    for (int i = 0; i < d.recommendation_count; ++i) {
      const RecCode code = d.recommendations[static_cast<std::size_t>(i)].code;
      const Text t = recommendation_text(code, c, d);
      check_text(t, code_name(code), c, d, r);
      check_required(true, static_cast<int>(code), t, c, d, r);
    }
    for (int w = 0; w < kWarningCount; ++w) {
      const auto code = static_cast<WarningCode>(w);
      if (!d.has(code)) continue;
      const Text t = warning_text(code, c, d);
      check_text(t, code_name(code), c, d, r);
      check_required(false, w, t, c, d, r);
    }
    for (int k = 0; k < d.candidacy.count; ++k) {
      const CriterionCode code = d.candidacy.criteria[static_cast<std::size_t>(k)].code;
      check_text(criterion_reason(code, c, d), code_name(code), c, d, r);
    }
    check_text(pathway_title(c, d), "pathway title", c, d, r);
    check_text(pathway_summary(c, d), "pathway summary", c, d, r);
    ++texts_checked_;
  }
  std::uint64_t states_checked() const { return texts_checked_; }

 private:
  const std::vector<int>& phrases_in(std::string_view fragment) {
    auto it = cache_.find(fragment.data());
    if (it != cache_.end()) return it->second;
    std::vector<int> found;
    const auto& rules = phrase_rules();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (fragment.find(rules[i].phrase) != std::string_view::npos) found.push_back(static_cast<int>(i));
    }
    return cache_.emplace(fragment.data(), std::move(found)).first->second;
  }

  void check_text(const Text& t, std::string_view where, const Case& c, const Decision& d, Report& r) {
    if (t.empty()) r.add(std::string(where) + ": empty text");
    const auto& rules = phrase_rules();
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i].decimals >= 0) continue;
      for (int k : phrases_in(t[i].words)) {
        if (!rules[static_cast<std::size_t>(k)].holds(c, d)) {
          r.add(std::string(where) + " says \"" + std::string(rules[static_cast<std::size_t>(k)].phrase) +
                "\" but not: " + std::string(rules[static_cast<std::size_t>(k)].means));
        }
      }
    }
  }

  void check_required(bool rec, int code, const Text& t, const Case& c, const Decision& d, Report& r) {
    for (const RequiredPhrase& q : required_phrases()) {
      if (q.is_recommendation != rec || q.code != code || !q.when(c, d)) continue;
      if (t.str().find(q.phrase) == std::string::npos) {
        r.add((rec ? std::string(code_name(static_cast<RecCode>(code))) : std::string(code_name(static_cast<WarningCode>(code)))) +
              " lacks \"" + std::string(q.phrase) + "\"");
      }
    }
  }

  std::unordered_map<const char*, std::vector<int>> cache_;
  std::uint64_t texts_checked_ = 0;
};

}  // namespace livermets::testing

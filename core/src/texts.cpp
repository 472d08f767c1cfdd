// The sentences of a result, fragment by fragment (texts.hpp).  Each function
// picks the wording that is true for the answers; a fragment never states a
// fact the answers do not support.  Statement ids are named one by one.
#include "texts.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "display.hpp"
#include "rules.hpp"
#include "thresholds.hpp"

namespace livermets {

namespace {

using R = RecCode;
using W = WarningCode;
using P = PathwayCode;

bool started(const Case& c) { return c.chemotherapy_status == Chemotherapy::started; }
bool completed(const Case& c) { return c.chemotherapy_status == Chemotherapy::completed; }
bool reviewed(const Case& c) { return c.surgical_review_done == true; }
// For a breast primary the chemotherapy answer means any systemic therapy,
// endocrine and anti-HER2 therapy included (rev 2): say so in its words.
bool breast(const Case& c) { return c.primary == Primary::breast; }

// ------------------------------------------------------ shared fragments

constexpr std::array<std::string_view, 5> kEcog = {"ECOG 0", "ECOG 1", "ECOG 2", "ECOG 3", "ECOG 4"};

// G13, G14, G15: why the surgeon must see the lesions before chemotherapy.
constexpr std::string_view kWhyReviewFirst =
    "responding lesions can become invisible on imaging and hard to locate at operation, prolonged "
    "chemotherapy causes steatosis and hepatocyte injury, and 20% of initially resectable tumours progress "
    "during neoadjuvant chemotherapy, losing the chance of cure.";

// G51: the ablation limits.
constexpr std::string_view kAblationLimits = "up to 9 metastases, each 4 cm or less, with no disease outside the liver";

// G41: the guideline's neuroendocrine statements and their scope (rev 2).
constexpr std::string_view kNetScope =
    " The guideline's neuroendocrine statements describe tumours with an indolent course; high-grade "
    "neuroendocrine carcinoma is outside them.";

// Writes the items that apply, separated, the first without a separator.
class ListOf {
 public:
  ListOf(Text& t, std::string_view separator) : t_(t), separator_(separator) {}
  void operator()(bool applies, std::string_view words) {
    if (!applies) return;
    if (!empty_) t_ << separator_;
    t_ << words;
    empty_ = false;
  }
  bool empty() const { return empty_; }

 private:
  Text& t_;
  std::string_view separator_;
  bool empty_ = true;
};

// Why surgery is not planned (not operable): unfit, declining, or both.
void not_for_surgery_reason(Text& t, const Case& c, const Decision& d) {
  const bool unfit = d.candidacy.status(CriterionCode::FITNESS) == Status::not_met;
  const bool declines = c.patient_declines_surgery == true;
  if (!unfit) {
    t << "the patient declines surgery";
    return;
  }
  t << (declines ? "the patient is not fit for surgery and declines it" : "the patient is not fit for surgery");
  // Name what made the patient unfit (G09): performance status, risk, or both.
  const bool poor_status = c.ecog && *c.ecog > kEcogMaxFit;
  if (poor_status) t << ", with " << kEcog[static_cast<std::size_t>(*c.ecog)];
  if (c.operative_risk_acceptable == false) t << (poor_status ? " and operative risk not acceptable" : ", with operative risk not acceptable");
}

// G22: the poor prognostic factors present, named.
void poor_factors(Text& t, const Case& c) {
  ListOf item(t, ", ");
  item(many_lesions(c), "more than 5 metastases");
  item(c.presentation == Presentation::synchronous, "synchronous presentation");
  item(c.colorectal.node_positive_primary == true, "node-positive primary");
  item(c.colorectal.tumor_markers_elevated == true, "raised tumour markers");
}

// The presentation could still prove synchronous: unknown, and no interval
// above 0 months (which only a metachronous presentation allows) entered.
bool presentation_open(const Case& c) {
  const auto& interval = c.colorectal.disease_free_interval_months;
  return !c.presentation && !(interval && *interval > 0);
}

// Resection first while some of G22's factors are unknown: a resection cannot be
// undone, so the order is stated as depending on them (audit, stop 18; D24).
void resection_first_condition(Text& t, const Case& c) {
  const std::array<std::pair<bool, std::string_view>, 4> open = {{
      {!c.lesion_count, "the number of metastases"},
      {presentation_open(c), "synchronous or metachronous presentation"},
      {!c.colorectal.node_positive_primary, "the nodal status of the primary"},
      {!c.colorectal.tumor_markers_elevated, "the tumour markers"},
  }};
  if (std::none_of(open.begin(), open.end(), [](const auto& f) { return f.first; })) return;
  t << " Not yet known: ";
  ListOf item(t, ", ");
  for (const auto& [unknown, words] : open) item(unknown, words);
  t << ". If any of them turns out to be one of the guideline's poor prognostic factors, neoadjuvant "
       "chemotherapy comes first.";
}

constexpr std::string_view kAnyOneFactor =
    " Any one listed factor is taken as enough: the guideline lists the factors without saying how many are "
    "needed, and this is the reading this tool takes.";

// G26, G27: the fitness condition this tool adds for triplet regimens.
void triplet_condition(Text& t, const Case& c, const Decision& d, Strength s) {
  if (s != Strength::consider) return;
  t << " Consider it if the patient is fit for triplet chemotherapy: ";
  if (d.candidacy.status(CriterionCode::FITNESS) == Status::met && c.ecog) {
    t << "ECOG 2 is borderline";
  } else {
    t << "fitness is not yet established";
  }
  t << ". This condition is added beyond the guideline, which names none.";
}

Strength strength_of(RecCode code, const Decision& d) {
  for (int i = 0; i < d.recommendation_count; ++i) {
    if (d.recommendations[static_cast<std::size_t>(i)].code == code) return d.recommendations[static_cast<std::size_t>(i)].strength;
  }
  return Strength::do_;
}

// The regimen words of G25, G26, G27 for the markers as entered.
void regimen_words(Text& t, const Case& c, RecCode regimen) {
  const ColorectalFacts& f = c.colorectal;
  switch (regimen) {
    case R::DOUBLET_PLUS_ANTI_EGFR:
      t << "RAS and BRAF wild-type, left-sided primary: chemotherapy plus an anti-EGFR monoclonal antibody";
      break;
    case R::TRIPLET_CHEMOTHERAPY:
      t << "RAS and BRAF wild-type, right-sided primary: triplet chemotherapy (FOLFOXIRI or FOLFIRINOX)";
      break;
    default:
      if (f.ras == Mutation::mutated && f.braf == Mutation::mutated) {
        t << "RAS and BRAF mutated";
      } else if (f.ras == Mutation::mutated) {
        t << "RAS mutated";
      } else {
        t << "BRAF mutated";
      }
      t << ": triplet chemotherapy plus bevacizumab";
      break;
  }
}

// ------------------------------------------------------ recommendations

void refer(Text& t, const Case& c) {
  t << "Refer now to a tertiary hepatobiliary centre for discussion at its multidisciplinary meeting";
  if (started(c)) {
    t << (breast(c) ? "; systemic therapy has already started, so do not wait for the course to end"
                    : "; chemotherapy has already started, so do not wait for the course to end");
  } else if (!completed(c)) {
    t << (breast(c) ? ", before any systemic therapy begins" : ", before any chemotherapy begins");
  }
  t << ". The team should include hepatobiliary surgery, medical oncology, interventional radiology, radiation "
       "oncology and pathology.";
}

void review_before(Text& t, const Case& c) {
  if (c.surgical_review_done == false) {
    t << "Have a liver surgeon assess every metastasis before chemotherapy begins: ";
  } else {
    t << "Unless it has been done, have a liver surgeon assess every metastasis before chemotherapy begins: ";
  }
  t << kWhyReviewFirst;
}

// The opening words for therapy begun: "Chemotherapy has started", or for a
// breast primary "Systemic therapy has been completed".
void therapy_begun(Text& t, const Case& c) {
  if (breast(c)) {
    t << (started(c) ? "Systemic therapy has started" : "Systemic therapy has been completed");
  } else {
    t << (started(c) ? "Chemotherapy has started" : "Chemotherapy has been completed");
  }
}

void urgent_review(Text& t, const Case& c) {
  therapy_begun(t, c);
  t << (c.surgical_review_done == false ? " without a liver surgeon's assessment of the metastases"
                                        : " and no liver surgeon's assessment of the metastases is recorded");
  if (started(c)) {
    t << ": arrange the surgical consultation now, without waiting for the course to end. Delaying it until "
         "chemotherapy is complete costs 20% of patients their chance of cure and makes lesions hard to locate "
         "at operation.";
  } else {
    t << ": arrange the surgical consultation now. 20% of initially resectable tumours progress during "
         "chemotherapy, and lesions that responded can be hard to locate at operation.";
  }
}

// G04, G20, G22 and the timing the chemotherapy status allows.
void colorectal_resection(Text& t, const Case& c, const Decision& d) {
  const bool neoadjuvant = d.pathway == P::CRC_NEOADJUVANT_THEN_RESECTION;
  t << "Liver resection with curative intent";
  if (started(c)) {
    t << ", after the planned chemotherapy course, or sooner if restaging shows progression or fading lesions";
  } else if (completed(c)) {
    t << ", once restaging after chemotherapy shows the disease is still resectable";
  } else if (neoadjuvant) {
    t << ", after the neoadjuvant chemotherapy";
  } else {
    t << ", proceeding directly to surgery";
  }
  t << ": resection is the cornerstone of cure and should be pursued whenever technically feasible.";
  if (d.pathway == P::CRC_RESECTION_FIRST && !chemotherapy_begun(c)) resection_first_condition(t, c);
  if (chemotherapy_begun(c)) {
    if (reviewed(c)) {
      t << " Use the surgeon's assessment of every lesion to find each site, including any that have faded on "
           "imaging.";
    } else {
      t << " No surgical assessment before chemotherapy is recorded: every original site, including any that "
           "have faded on imaging, must still be found.";
    }
  } else if (neoadjuvant) {
    t << " Before chemotherapy starts, the surgeon maps every lesion, so that each site can be found after it.";
  }
}

void surveillance(Text& t, const Case& c) {
  if (c.primary == Primary::neuroendocrine) {
    t << "Plan follow-up after resection: after liver resection up to 60% of patients have a recurrence, most "
         "often in the liver, and about 20% have a liver-only recurrence that can be resected again. The guideline "
         "gives these figures for liver metastases in general, not for neuroendocrine tumours: do not shorten "
         "follow-up after 2 years on their strength.";
    return;
  }
  t << "Plan close follow-up after resection: up to 60% of patients have a recurrence, most often in the liver, and "
       "90% of recurrences appear within the first 2 years, so follow-up is closest then. About 20% have a "
       "liver-only recurrence, and repeat resection of a recurrence confined to the liver is feasible and safe.";
}

void neoadjuvant(Text& t, const Case& c) {
  t << "Give neoadjuvant chemotherapy before resection, because of a poor prognostic factor (";
  poor_factors(t, c);
  t << ")." << kAnyOneFactor;
  t << (reviewed(c) ? " Before it starts, make sure every lesion the surgeon assessed is mapped"
                    : " Before it starts, have a liver surgeon map every lesion");
  t << " (and marked where it may vanish), and restage early: lesions can vanish on imaging, and 20% of initially resectable tumours progress "
       "during neoadjuvant chemotherapy.";
}

void restage_during(Text& t, const Case& c) {
  if (c.complete_radiological_response == true) {
    // the lesions have already faded: "begin to disappear" is past (audit, stop 18)
    t << "Chemotherapy has started and the lesions are entered as no longer visible on imaging: take the case back "
         "to the multidisciplinary meeting now to bring surgery forward, since lesions that have faded are hard to "
         "locate at operation. Restage at intervals while the course continues: 20% of initially resectable "
         "tumours progress during it.";
    return;
  }
  t << "Chemotherapy has started: restage early and at intervals during the course, since 20% of initially "
       "resectable tumours progress during it and responding lesions can fade from imaging. If the disease "
       "progresses or lesions begin to disappear, take the case back to the multidisciplinary meeting at once to "
       "bring surgery forward. Otherwise complete the planned course (3 months before surgery in the "
       "perioperative FOLFOX schedule) and proceed to resection.";
}

void restage_for_resection(Text& t) {
  t << "Chemotherapy has been completed: restage now and proceed to resection while the disease is resectable, "
       "since 20% of initially resectable tumours progress during chemotherapy. After resection, consider the "
       "post-operative half of perioperative chemotherapy (3 months, as in the perioperative FOLFOX schedule).";
}

void systemic_then_reassess(Text& t, const Case& c) {
  t << "Not resectable at present: ";
  if (started(c)) {
    t << "continue systemic chemotherapy and reassess for conversion to resection at each restaging, at the "
         "multidisciplinary meeting.";
  } else if (completed(c)) {
    t << "chemotherapy has been completed; restage and reassess now, at the multidisciplinary meeting, for "
         "conversion to resection.";
  } else if (c.chemotherapy_status) {
    t << "start systemic chemotherapy and reassess at the multidisciplinary meeting for conversion to resection.";
  } else {
    t << "systemic chemotherapy, with reassessment at the multidisciplinary meeting for conversion to resection.";
  }
}

// G25, G26, G27, G71: name only the markers still unknown; when only MMR is
// unknown, show the regimen that a pMMR/MSS result would give (rev 2).
void molecular_profiling(Text& t, const Case& c) {
  const ColorectalFacts& f = c.colorectal;
  const bool mutated = f.ras == Mutation::mutated || f.braf == Mutation::mutated;
  t << "Find out ";
  ListOf item(t, ", ");
  item(!f.mmr, "MMR/MSI status");
  item(!mutated && !f.ras, "RAS status");
  item(!mutated && !f.braf, "BRAF status");
  const bool tissue = !f.mmr || (!mutated && (!f.ras || !f.braf));
  const bool side = !mutated && !f.sidedness;
  item(side, "the side of the primary (where in the colon or rectum it arose)");
  if (tissue) t << (side ? "; test the markers" : ",") << " on tissue from the primary tumour (never a liver biopsy)";
  t << ": the conversion regimen depends on these results.";
  const std::optional<RecCode> regimen = pmmr_regimen(c);
  if (!f.mmr && regimen) {
    t << " The guideline's regimen if the tumour proves pMMR/MSS: ";
    regimen_words(t, c, *regimen);
    t << ". This is conditional on the MMR/MSI result; for dMMR/MSI-H the guideline names no conversion regimen.";
  }
}

void portal_vein_embolization(Text& t, const Case& c) {
  t << "Portal vein embolization to enlarge the liver that will remain, so that the remnant reaches ";
  t << (c.liver_quality == LiverQuality::cirrhosis
            ? "the 40% of standard liver volume this tool asks for in cirrhosis (a consensus figure beyond the guideline)."
            : "at least 30% of standard liver volume.");
  if (c.remnant_segments && *c.remnant_segments < kRemnantMinSegments) {
    t << " Embolization grows volume; it does not add the two segments that must remain.";
  }
}

// G31, G49: the text follows the R0 answer: with R0 by resection alone entered
// as achievable, what resection alone cannot do is leave enough liver (audit, stop 18).
void resection_plus_ablation(Text& t, const Case& c) {
  t << "Consider resection combined with radiofrequency ablation for multifocal or bilobar disease ";
  if (c.r0_achievable == true) {
    t << "where resection alone could not clear every metastasis and still leave enough liver";
  } else if (c.r0_achievable == false) {
    t << "that resection alone cannot clear";
  } else {
    t << "where resection alone cannot clear every metastasis";
  }
  t << ": at one operation when together they clear all disease, or after conversion therapy.";
}

void ablation(Text& t, const Case& c, const Decision& d) {
  if (d.pathway == P::ABLATION_PRIMARY) {
    t << "Consider radiofrequency ablation as the primary treatment: ";
    not_for_surgery_reason(t, c, d);
    t << ", and the disease is within its limits (" << kAblationLimits << ").";
  } else {
    t << (completed(c) ? "Consider radiofrequency ablation if chemotherapy has reduced the tumours but they remain "
                         "unresectable ("
                       : "Consider radiofrequency ablation if chemotherapy reduces the tumours but they remain "
                         "unresectable (");
    t << kAblationLimits << ").";
  }
  t << " Ablation is an adjunct to resection and cannot replace it as primary treatment where resection is possible.";
}

void non_surgical_care(Text& t, const Case& c, const Decision& d) {
  if (c.primary == Primary::neuroendocrine) {
    t << "None of the guideline's medical or liver-directed options fits the tumour as described (not symptomatic, "
         "not somatostatin-receptor positive): the multidisciplinary team decides on further care.";
    return;
  }
  t << "Surgery is not planned (";
  not_for_surgery_reason(t, c, d);
  t << "): the multidisciplinary team decides on systemic or supportive care. The guideline names no regimen for "
       "this group.";
  if (!outside_ablation_limits(c)) {
    t << " If the disease proves to be within ablation limits (" << kAblationLimits
      << "), ablation becomes an option.";
  }
}

void receptor_words(Text& t, Receptor hr, Receptor her2) {
  t << (hr == Receptor::positive ? "hormone-receptor positive" : "hormone-receptor negative");
  t << (her2 == Receptor::positive ? ", HER2-positive" : ", HER2-negative");
}

void receptor_guided(Text& t, const Case& c) {
  t << "Choose the systemic therapy according to the receptor status entered (";
  receptor_words(t, *c.breast.hormone_receptor, *c.breast.her2);
  t << "): hormone-receptor and HER2 status must guide it.";
}

void receptor_testing(Text& t, const Case& c) {
  const BreastFacts& b = c.breast;
  if (!b.hormone_receptor && !b.her2) {
    t << "Establish hormone-receptor and HER2 status";
  } else if (!b.hormone_receptor) {
    t << "Establish hormone-receptor status (HER2 is entered as "
      << (*b.her2 == Receptor::positive ? "positive)" : "negative)");
  } else {
    t << "Establish HER2 status (hormone receptor is entered as "
      << (*b.hormone_receptor == Receptor::positive ? "positive)" : "negative)");
  }
  t << ": hormone-receptor and HER2 status must guide the choice of systemic therapy.";
}

void adjunct_resection(Text& t, const Case& c) {
  t << "Consider adding liver resection to systemic therapy: the disease is liver-limited or oligometastatic, not "
       "progressing on ";
  t << (started(c) ? "the systemic therapy under way" : "the systemic therapy given");
  t << ", and the candidacy criteria are met.";
}

void assess_for_resection(Text& t, const Case& c) {
  t << "Establish whether the metastases can be resected: resection is the treatment for solitary or isolated "
       "neuroendocrine metastases. ";
  t << (c.neuroendocrine.solitary_or_isolated == true ? "They are entered as solitary or isolated; complete"
                                                      : "Find out whether they are solitary or isolated, and complete");
  t << " the candidacy assessment (see what would change this).";
}

}  // namespace

Text recommendation_text(RecCode code, const Case& c, const Decision& d) {
  Text t;
  switch (code) {
    case R::REFER_HPB_MDT: refer(t, c); break;
    case R::SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY: review_before(t, c); break;
    case R::URGENT_SURGICAL_REVIEW: urgent_review(t, c); break;
    case R::DO_NOT_BIOPSY:
      t << "Do not biopsy a suspected colorectal liver metastasis: it carries a significant risk of spreading "
           "tumour locally and may compromise resectability and long-term survival.";
      break;
    case R::RESECTION:
      if (d.pathway == P::REPEAT_RESECTION) {
        t << "Repeat liver resection: about 20% of patients have a liver-only recurrence, and re-resection of a "
             "recurrence confined to the liver is feasible and safe.";
      } else if (d.pathway == P::NET_RESECTION) {
        t << "Liver resection of the solitary or isolated neuroendocrine metastases.";
      } else {
        colorectal_resection(t, c, d);
      }
      break;
    case R::SURVEILLANCE: surveillance(t, c); break;
    case R::PERIOPERATIVE_FOLFOX:
      t << "Consider perioperative FOLFOX chemotherapy, 3 months before and 3 months after resection: it improves "
           "progression-free survival at 3 years by 7-8%.";
      break;
    case R::NEOADJUVANT_CHEMOTHERAPY: neoadjuvant(t, c); break;
    case R::RESTAGE_FOR_RESECTION: restage_for_resection(t); break;
    case R::RESTAGE_DURING_CHEMOTHERAPY: restage_during(t, c); break;
    case R::SYSTEMIC_THEN_REASSESS: systemic_then_reassess(t, c); break;
    case R::DOUBLET_PLUS_ANTI_EGFR:
    case R::TRIPLET_CHEMOTHERAPY:
    case R::TRIPLET_PLUS_BEVACIZUMAB:
      t << "pMMR/MSS, ";
      regimen_words(t, c, code);
      t << ".";
      triplet_condition(t, c, d, strength_of(code, d));
      break;
    case R::MOLECULAR_PROFILING: molecular_profiling(t, c); break;
    case R::PORTAL_VEIN_EMBOLIZATION: portal_vein_embolization(t, c); break;
    case R::TWO_STAGE_HEPATECTOMY:
      t << "Consider two-stage hepatectomy if the disease in both lobes is extensive: the guideline names it for "
           "extensive bilobar disease.";
      break;
    case R::RESECTION_PLUS_ABLATION: resection_plus_ablation(t, c); break;
    case R::ABLATION: ablation(t, c, d); break;
    case R::NON_SURGICAL_CARE_MDT: non_surgical_care(t, c, d); break;
    case R::SYSTEMIC_THERAPY:
      t << "Systemic therapy is the primary treatment for breast cancer liver metastases; surgery is considered "
           "only as an adjunct to it.";
      break;
    case R::RECEPTOR_GUIDED_THERAPY: receptor_guided(t, c); break;
    case R::RECEPTOR_TESTING: receptor_testing(t, c); break;
    case R::ADJUNCT_RESECTION: adjunct_resection(t, c); break;
    case R::ASSESS_FOR_RESECTION: assess_for_resection(t, c); break;
    case R::SOMATOSTATIN_ANALOG: t << "Somatostatin analogue (such as octreotide) for symptom control."; break;
    case R::EMBOLIZATION:
      t << "Consider embolization or chemoembolization: the tumour is progressive, symptomatic and vascular, with a "
           "good response expected.";
      break;
    case R::PRRT:
      t << "Consider peptide receptor radionuclide therapy (PRRT): the tumour is somatostatin-receptor positive.";
      break;
    case R::OBSERVATION:
      t << "Consider initial observation: it is often appropriate, as neuroendocrine liver metastases often follow "
           "an indolent course, and this disease is neither symptomatic nor progressive.";
      break;
  }
  return t;
}

// ---------------------------------------------------------------- warnings

namespace {

// One sentence per contradiction: both answers, and how the case was read.
void check_answers(Text& t, const Case& c, const Decision& d) {
  using C = Contradiction;
  t << "Some answers contradict each other; the case was evaluated as entered. Check:";
  if (d.has(C::RESPONSE_WITHOUT_CHEMOTHERAPY)) {
    t << " A complete response on imaging is entered"
      << (c.chemotherapy_status == Chemotherapy::none ? ", but chemotherapy is entered as none"
                                                      : ", but chemotherapy is entered as planned only")
      << " (a complete radiological response follows chemotherapy).";
  }
  if (d.has(C::UNFIT_ECOG_WITH_RISK_ACCEPTABLE)) {
    t << (*c.ecog == 3 ? " ECOG is 3" : " ECOG is 4")
      << " but operative risk is entered as acceptable; this performance status was taken as not fit for surgery, "
         "whatever the risk.";
  }
  if (d.has(C::FEW_SEGMENTS_WITH_ADEQUATE_PERCENT)) {
    t << (*c.remnant_segments == 0 ? " Only 0 segments" : " Only 1 segment")
      << " would remain, yet the remnant is 30% or more of standard liver volume (the guideline ties 30% to "
         "about two segments); the remnant was taken as too small.";
  }
  if (d.has(C::R0_WITH_UNCONTROLLED_DISEASE)) {
    t << " Complete (R0) resection is entered as achievable, but disease outside the liver as uncontrolled; R0 "
         "must include every site to be resected, and the uncontrolled disease was taken as ruling out resection.";
  }
  if (d.has(C::HIGH_CEA_MARKERS_NOT_ELEVATED)) {
    t << " CEA is above 200 ng/ml (the Fong score's cut-off, beyond the guideline, which gives no figure), but "
         "tumour markers are entered as not elevated; raised markers were not counted as a poor prognostic factor.";
  }
  if (d.has(C::PROGRESSING_WITHOUT_THERAPY)) {
    t << " The disease is entered as progressing on systemic therapy"
      << (c.chemotherapy_status == Chemotherapy::none ? ", but systemic therapy is entered as none"
                                                      : ", but systemic therapy is entered as planned only")
      << "; it was taken as progressing.";
  }
  if (d.has(C::LIVER_ONLY_NOT_LIVER_LIMITED)) {
    t << " No disease outside the liver is entered, yet the disease is entered as neither liver-limited nor "
         "oligometastatic (disease confined to the liver is liver-limited); it was taken as not liver-limited or "
         "oligometastatic, so resection is not offered on these answers.";
  }
}

void chemotherapy_before_review(Text& t, const Case& c) {
  therapy_begun(t, c);
  t << (c.surgical_review_done == false ? " before a liver surgeon assessed the metastases."
                                        : " and no liver surgeon's assessment of the metastases before it is recorded.");
  t << " " << "Responding lesions can become invisible on imaging and hard to locate at operation, prolonged "
               "chemotherapy causes steatosis and hepatocyte injury, and 20% of initially resectable tumours "
               "progress during neoadjuvant chemotherapy.";
}

void remnant_quality(Text& t, const Case& c) {
  if (c.liver_quality == LiverQuality::cirrhosis) {
    t << "The liver that would remain is cirrhotic (this tool then asks for a 40% remnant, a consensus figure beyond "
         "the guideline).";
  } else if (c.liver_quality == LiverQuality::steatosis_or_chemotherapy_injury) {
    t << "The liver that would remain has steatosis or chemotherapy injury.";
  } else if (c.liver_quality == LiverQuality::normal) {
    therapy_begun(t, c);
    t << (started(c) ? " and the liver is entered as normal: confirm that assessment during and after it"
                     : " and the liver is entered as normal: confirm that assessment after it");
    t << ", since prolonged chemotherapy causes steatosis and hepatocyte injury.";
  } else {
    therapy_begun(t, c);
    t << ": assess the quality of the liver that would remain, since prolonged chemotherapy causes steatosis and "
         "hepatocyte injury.";
  }
  t << " Judge what will remain, in quantity and quality, not only what must be removed.";
}

void extrahepatic_not_absolute(Text& t, const Case& c) {
  const Extrahepatic e = *c.extrahepatic_disease;
  if (e == Extrahepatic::resectable) {
    t << "Disease outside the liver is not an absolute contraindication: provided R0 resection of every site is "
         "achievable, surgery can still offer a survival benefit.";
    return;
  }
  const bool bone = e == Extrahepatic::bone_isolated_radiation_controllable;
  if (c.primary == Primary::breast) {
    t << (bone ? "In breast cancer, isolated bone metastases controllable with radiation are"
               : "In breast cancer, a solitary lung metastasis is");
    t << " an accepted exception to controlled disease outside the liver; disease outside the liver is not an "
         "absolute contraindication.";
    return;
  }
  t << "Disease outside the liver is not an absolute contraindication when R0 resection of every site is "
       "achievable. ";
  t << (bone ? "Isolated bone disease controlled by radiation is an accepted exception in breast cancer only; for "
               "this primary, radiation is not resection, so whether the disease counts as controlled is the "
               "multidisciplinary team's judgement."
             : "A solitary lung metastasis is an accepted exception in breast cancer only; for this primary it "
               "counts only if it is removed within the R0 resection.");
}

void ablation_lesion_size(Text& t, const Case& c) {
  if (!c.largest_lesion_cm) {
    t << "The size of the largest lesion is not known: ablation is less effective for lesions larger than 2-3 cm. "
         "Measure it before planning ablation.";
    return;
  }
  t << "The largest lesion is ";
  const ShownNumber size = shown_beside(*c.largest_lesion_cm, 1, {kAblationSizeLowerCm, kAblationSizeUpperCm});
  t.number(size.value, size.decimals);
  t << (*c.largest_lesion_cm > kAblationSizeUpperCm
            ? " cm, larger than 2-3 cm: ablation is less effective at this size."
            : " cm, within the 2-3 cm range above which ablation becomes less effective: its efficacy may already "
              "be reduced.");
}

}  // namespace

Text warning_text(WarningCode code, const Case& c, const Decision& d) {
  Text t;
  switch (code) {
    case W::CHECK_ANSWERS: check_answers(t, c, d); break;
    case W::CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW: chemotherapy_before_review(t, c); break;
    case W::BIOPSY_OF_SUSPECTED_CRLM:
      if (c.primary) {
        t << "A biopsy of a liver lesion is planned in colorectal cancer. The guideline says never biopsy a "
             "suspected colorectal liver metastasis: it carries a significant risk of spreading tumour locally and "
             "may compromise resectability and long-term survival.";
      } else {
        t << "A liver biopsy is planned while the primary tumour is not known. Exclude a colorectal primary and "
             "discuss the case at the multidisciplinary meeting before any liver biopsy: biopsy of a colorectal "
             "liver metastasis carries a significant risk of spreading tumour locally and may compromise "
             "resectability and long-term survival.";
      }
      break;
    case W::RADIOLOGICAL_RESPONSE_IS_NOT_CURE:
      t << "A complete response on imaging does not mean the disease is gone: viable microscopic tumour cells often "
           "remain, and lesions that vanished are hard to locate at operation. Plan with every original site in "
           "mind.";
      break;
    case W::REMNANT_QUALITY: remnant_quality(t, c); break;
    case W::EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE: extrahepatic_not_absolute(t, c); break;
    case W::ABLATION_LESION_SIZE: ablation_lesion_size(t, c); break;
    case W::ABLATION_PERIVASCULAR:
      t << "A lesion lies next to a major vessel: this limits complete ablation and increases the risk of local "
           "recurrence.";
      break;
    case W::OUTSIDE_GUIDELINE_SCOPE:
      if (c.primary == Primary::other) {
        t << "The guideline has algorithms only for colorectal, breast and neuroendocrine primaries. Its general "
             "rules (referral, the candidacy criteria, the pitfalls) still apply; the treatment plan rests with "
             "the multidisciplinary team.";
      } else {
        t << "dMMR/MSI-H tumour: the guideline's conversion regimens are stated for pMMR/MSS tumours, and it names "
             "no regimen for unresectable dMMR/MSI-H disease. The choice of systemic therapy for it rests with the "
             "multidisciplinary team.";
      }
      break;
  }
  (void)d;
  return t;
}

std::vector<std::string_view> contradiction_fields(const Decision& d) {
  using C = Contradiction;
  static constexpr std::array<std::array<std::string_view, 2>, kContradictionCount> kFields = {{
      {"complete_radiological_response", "chemotherapy_status"},
      {"ecog", "operative_risk_acceptable"},
      {"remnant_segments", "flr_percent"},
      {"r0_achievable", "extrahepatic_disease"},
      {"colorectal.cea_ng_ml", "colorectal.tumor_markers_elevated"},
      {"breast.progressing_on_systemic_therapy", "chemotherapy_status"},
      {"extrahepatic_disease", "breast.oligometastatic"},
  }};
  std::vector<std::string_view> out;
  for (int i = 0; i < kContradictionCount; ++i) {
    if (!d.has(static_cast<C>(i))) continue;
    for (std::string_view f : kFields[static_cast<std::size_t>(i)]) {
      bool seen = false;
      for (std::string_view g : out) seen = seen || g == f;
      if (!seen) out.push_back(f);
    }
  }
  return out;
}

// ---------------------------------------------------------- criterion reasons

namespace {

void remnant_reason(Text& t, const Case& c, const Decision& d, Status s) {
  const auto& pct = d.derived.flr_percent;
  if (c.remnant_segments && *c.remnant_segments < kRemnantMinSegments) {
    t << (*c.remnant_segments == 0 ? "No segment would remain" : "Only 1 segment would remain");
    t << "; about two segments are the minimum.";
    return;
  }
  if (!pct) {
    t << "The future liver remnant is not known yet (enter it as a % or by CT volumetry).";
    return;
  }
  const ShownNumber shown = shown_remnant_percent(*pct);
  const bool cirrhosis = c.liver_quality == LiverQuality::cirrhosis;
  t << "Remnant ";
  t.number(shown.value, shown.decimals);
  t << "% of standard liver volume";
  switch (s) {
    case Status::met:
      t << (cirrhosis ? ": at least the 40% asked for a cirrhotic liver (a consensus figure beyond the guideline)."
                      : ": at least the 30% required.");
      break;
    case Status::not_met:
      t << (cirrhosis ? " is below the 40% asked for a cirrhotic liver (a consensus figure beyond the guideline)."
                      : " is below the 30% required.");
      break;
    case Status::unknown:
      t << " is enough for a normal liver (30%) but not for a cirrhotic one (40%, a consensus figure beyond the "
           "guideline); liver quality is not known.";
      break;
  }
}

void fitness_reason(Text& t, const Case& c, Status s) {
  const std::string_view ecog = c.ecog ? kEcog[static_cast<std::size_t>(*c.ecog)] : "ECOG not known";
  switch (s) {
    case Status::met:
      if (*c.ecog == kEcogMaxFit) {
        t << "ECOG 2: borderline: accepted on the judgement that operative risk is acceptable.";
      } else {
        t << ecog << " with acceptable operative risk.";
      }
      return;
    case Status::not_met:
      if (c.ecog && *c.ecog > kEcogMaxFit) {
        t << ecog << ": performance status too poor for liver surgery";
        t << (c.operative_risk_acceptable == true ? " (whatever the operative risk)." : ".");
      } else {
        t << "Operative risk judged not acceptable";
        if (c.ecog) t << " (" << ecog << ")";
        t << ".";
      }
      return;
    case Status::unknown:
      t << ecog << (c.operative_risk_acceptable == true ? "; operative risk acceptable." : "; operative risk not yet judged.");
      return;
  }
}

void extrahepatic_reason(Text& t, const Case& c) {
  if (!c.extrahepatic_disease) {
    t << "Disease outside the liver not yet assessed.";
    return;
  }
  const bool breast = c.primary == Primary::breast;
  switch (*c.extrahepatic_disease) {
    case Extrahepatic::none: t << "No disease outside the liver."; return;
    case Extrahepatic::resectable:
      t << "Disease outside the liver that will be removed within the R0 resection: not an absolute "
           "contraindication.";
      return;
    case Extrahepatic::bone_isolated_radiation_controllable:
      if (breast) {
        t << "Isolated bone disease controllable by radiation: an accepted exception in breast cancer.";
      } else {
        t << "Isolated bone disease controllable by radiation: the guideline accepts it as an exception in breast "
             "cancer only. For this primary, radiation is not resection, so whether it counts as controlled is the "
             "multidisciplinary team's judgement: answer resectable if it will be removed within the R0 resection, "
             "or uncontrolled if not.";
      }
      return;
    case Extrahepatic::lung_solitary:
      if (breast) {
        t << "A solitary lung metastasis: an accepted exception in breast cancer.";
      } else {
        t << "A solitary lung metastasis: the guideline accepts it as an exception in breast cancer only. For this "
             "primary it counts only if it is removed within the R0 resection: answer resectable if it will be, or "
             "uncontrolled if not.";
      }
      return;
    case Extrahepatic::uncontrolled: t << "Uncontrolled disease outside the liver."; return;
  }
}

void yes_no(Text& t, Status s, std::string_view met, std::string_view not_met, std::string_view unknown) {
  t << (s == Status::met ? met : (s == Status::not_met ? not_met : unknown));
}

}  // namespace

Text criterion_reason(CriterionCode code, const Case& c, const Decision& d) {
  Text t;
  const Status s = d.candidacy.status(code);
  switch (code) {
    case CriterionCode::R0:
      yes_no(t, s, "Complete resection with negative margins of all visible disease is achievable.",
             "Complete (R0) resection of all disease is not achievable now.",
             "Not yet known whether all visible disease can be removed with negative margins.");
      break;
    case CriterionCode::REMNANT: remnant_reason(t, c, d, s); break;
    case CriterionCode::FITNESS: fitness_reason(t, c, s); break;
    case CriterionCode::EXTRAHEPATIC: extrahepatic_reason(t, c); break;
    case CriterionCode::BREAST_OLIGOMETASTATIC:
      yes_no(t, s, "Liver-limited or oligometastatic disease.", "Disease is neither liver-limited nor oligometastatic.",
             "Not yet known whether disease is liver-limited or oligometastatic.");
      break;
    case CriterionCode::BREAST_NOT_PROGRESSING:
      yes_no(t, s, "Not progressing on systemic therapy.", "Progressing on systemic therapy.",
             "Response to systemic therapy not yet known.");
      break;
  }
  return t;
}

// ---------------------------------------------------------------- pathway

namespace {

bool any_technique(const Decision& d) {
  return d.has(R::PORTAL_VEIN_EMBOLIZATION) || d.has(R::TWO_STAGE_HEPATECTOMY) || d.has(R::RESECTION_PLUS_ABLATION) ||
         d.has(R::ABLATION);
}

void unmet_criteria(Text& t, const Decision& d) {
  ListOf item(t, "; ");
  auto unmet = [&d](CriterionCode k) { return d.candidacy.status(k) == Status::not_met; };
  item(unmet(CriterionCode::R0), "R0 resection not achievable");
  item(unmet(CriterionCode::REMNANT), "remnant inadequate");
  item(unmet(CriterionCode::EXTRAHEPATIC), "uncontrolled disease outside the liver");
}

void net_activity(Text& t, const Case& c) {
  const NeuroendocrineFacts& n = c.neuroendocrine;
  if (n.symptomatic == true && n.progressive == true) {
    t << "Symptomatic and progressive disease";
  } else if (n.symptomatic == true) {
    t << "Symptomatic disease";
  } else {
    t << "Progressive disease";
  }
}

void chemotherapy_then_resection(Text& t, const Case& c, std::string_view not_begun) {
  if (started(c)) {
    t << "chemotherapy has started: restage during it, then resection";
  } else if (completed(c)) {
    t << "chemotherapy has been completed: restage, then resection";
  } else {
    t << not_begun;
  }
}

}  // namespace

Text pathway_title(const Case& c, const Decision& d) {
  Text t;
  if (d.pathway == P::NET_MEDICAL_AND_LIVER_DIRECTED) {
    // A title must not promise what the result does not give (rev 2).
    if (d.has(R::EMBOLIZATION)) {
      t << "Neuroendocrine: medical and liver-directed therapy";
    } else if (d.has(R::SOMATOSTATIN_ANALOG) || d.has(R::PRRT)) {
      t << "Neuroendocrine: medical therapy for active disease";
    } else {
      t << "Neuroendocrine: active disease, treatment for the team to decide";
    }
    return t;
  }
  (void)c;
  switch (d.pathway) {
    case P::ASSESSMENT_INCOMPLETE: t << "Assessment incomplete"; break;
    case P::OUT_OF_SCOPE: t << "Outside this guideline's algorithms"; break;
    case P::BREAST_SYSTEMIC_FIRST: t << "Breast: systemic therapy first"; break;
    case P::REPEAT_RESECTION: t << "Colorectal recurrence: repeat resection"; break;
    case P::ABLATION_PRIMARY: t << "Colorectal, not for surgery: ablation as primary treatment"; break;
    case P::NON_SURGICAL_MDT: t << "Colorectal, not for surgery: multidisciplinary non-surgical care"; break;
    case P::CRC_CONVERSION_THERAPY: t << "Colorectal, unresectable now: conversion therapy"; break;
    case P::CRC_NEOADJUVANT_THEN_RESECTION:
      t << "Colorectal, resectable with poor prognostic factors: neoadjuvant chemotherapy, then resection";
      break;
    case P::CRC_RESECTION_FIRST: t << "Colorectal, resectable: resection first"; break;
    case P::NET_RESECTION: t << "Neuroendocrine: resection"; break;
    case P::NET_MEDICAL_AND_LIVER_DIRECTED: break;
    case P::NET_OBSERVATION: t << "Neuroendocrine: observation"; break;
  }
  return t;
}

Text pathway_summary(const Case& c, const Decision& d) {
  Text t;
  switch (d.pathway) {
    case P::ASSESSMENT_INCOMPLETE:
      t << "The answers so far do not decide a pathway. Find out the items listed under what would change this; "
           "meanwhile refer to the hepatobiliary multidisciplinary team.";
      break;
    case P::OUT_OF_SCOPE:
      t << "The guideline gives algorithms only for colorectal, breast and neuroendocrine primaries. Referral, the "
           "candidacy criteria and the pitfalls still apply. The candidacy shown is the guideline's general "
           "criteria: criteria met are not a recommendation to operate, and whether to resect is the "
           "multidisciplinary team's decision.";
      break;
    case P::BREAST_SYSTEMIC_FIRST:
      t << "Systemic therapy guided by receptor status is the primary treatment; liver resection is considered "
           "only as an adjunct for selected patients. For context: without surgery, median survival in stage IV "
           "breast cancer with liver metastases is 3-15 months.";
      if (c.setting == Setting::recurrence_after_hepatectomy) {
        t << " This is a recurrence after liver resection: the guideline's repeat-resection statements concern "
             "liver metastases in general, but its breast algorithm puts systemic therapy first, so this case "
             "follows the breast criteria.";
      }
      break;
    case P::REPEAT_RESECTION:
      t << "A liver-only recurrence after hepatectomy in a patient who meets the candidacy criteria: repeat "
           "resection is feasible and safe.";
      break;
    case P::ABLATION_PRIMARY:
      t << "Surgery is not planned (";
      not_for_surgery_reason(t, c, d);
      t << ") and the disease is within ablation limits (" << kAblationLimits << "): ablation as primary treatment.";
      break;
    case P::NON_SURGICAL_MDT:
      t << "Surgery is not planned (";
      not_for_surgery_reason(t, c, d);
      t << (outside_ablation_limits(c) ? ") and the disease is outside the ablation limits"
                                       : ") and the ablation limits are not all known to hold");
      t << ": the team decides on systemic or supportive care.";
      break;
    case P::CRC_CONVERSION_THERAPY:
      t << "Not resectable at present (";
      unmet_criteria(t, d);
      t << "): systemic therapy matched to the tumour's biology, then reassessment for conversion to resection";
      t << (any_technique(d) ? ", with the techniques that widen resectability listed below." : ".");
      break;
    case P::CRC_NEOADJUVANT_THEN_RESECTION:
      t << "Resectable, with a poor prognostic factor (";
      poor_factors(t, c);
      t << "): ";
      chemotherapy_then_resection(t, c, "neoadjuvant chemotherapy, then resection");
      t << ". Resection is the gold standard, with 30-50% five-year survival." << kAnyOneFactor;
      break;
    case P::CRC_RESECTION_FIRST:
      t << "Resectable without a known poor prognostic factor: ";
      chemotherapy_then_resection(t, c, "proceed directly to resection");
      t << ". Resection is the gold standard, with 30-50% five-year survival.";
      if (!chemotherapy_begun(c)) resection_first_condition(t, c);
      break;
    case P::NET_RESECTION:
      t << "Solitary or isolated neuroendocrine liver metastases in a patient who meets the candidacy criteria: "
           "resection."
        << kNetScope;
      break;
    case P::NET_MEDICAL_AND_LIVER_DIRECTED:
      net_activity(t, c);
      t << (net_resection_excluded(c, d) ? ", not for resection." : "; whether it can be resected is still open.");
      if (d.has(R::NON_SURGICAL_CARE_MDT)) {
        t << " None of the guideline's medical or liver-directed options fits as described.";
      } else if (d.has(R::SOMATOSTATIN_ANALOG) || d.has(R::EMBOLIZATION) || d.has(R::PRRT)) {
        t << " Treatment from the guideline's medical and liver-directed options, as listed below.";
      } else {  // audit, stop 18: nothing to list yet
        t << " Which of the guideline's medical and liver-directed options fits depends on answers not yet known.";
      }
      t << kNetScope;
      break;
    case P::NET_OBSERVATION:
      t << "Not for resection, neither symptomatic nor progressive: initial observation is often appropriate, as "
           "neuroendocrine liver metastases often follow an indolent course."
        << kNetScope;
      break;
  }
  return t;
}

}  // namespace livermets

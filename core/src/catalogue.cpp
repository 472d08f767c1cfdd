// Displayed texts and the guideline basis of every code.  The texts are this
// project's own words; facts, numbers and citation numbers come from the
// guideline.  Citations are never typed here: they are the union of the
// cited statements' own citation numbers.
#include <algorithm>
#include <array>
#include <initializer_list>

#include "livermets/catalogue.hpp"
#include "statements.hpp"

namespace livermets {

namespace {

Basis basis(std::initializer_list<std::string_view> ids) {
  Basis b{std::vector<std::string_view>(ids), {}};
  std::sort(b.statements.begin(), b.statements.end());  // "Gnn" sorts in guideline order
  for (auto id : ids) {
    const Statement* s = find_statement(id);
    if (s == nullptr) continue;  // the traceability test proves every id exists
    b.citations.insert(b.citations.end(), s->citations.begin(), s->citations.end());
  }
  std::sort(b.citations.begin(), b.citations.end());
  b.citations.erase(std::unique(b.citations.begin(), b.citations.end()), b.citations.end());
  return b;
}

const std::array<CodeInfo, kRecCount> kRecs = {{
    {"REFER_HPB_MDT",
     "Refer now to a tertiary hepatobiliary centre for discussion at its multidisciplinary meeting, before "
     "any chemotherapy. The team should bring together hepatobiliary surgery, medical oncology, "
     "interventional radiology, radiation oncology and pathology.",
     basis({"G02", "G57", "G58", "G59", "G60", "G61", "G62", "G63"})},
    {"SURGICAL_REVIEW_BEFORE_CHEMOTHERAPY",
     "Have a liver surgeon assess every metastasis before chemotherapy begins: responding lesions can "
     "disappear from imaging, chemotherapy injures the liver, and about 20% of resectable tumours progress "
     "during it.",
     basis({"G12", "G13", "G14", "G15"})},
    {"URGENT_SURGICAL_REVIEW",
     "Chemotherapy has begun without a liver surgeon's assessment: arrange it now, without waiting for "
     "chemotherapy to finish, so that the chance of cure and the lesions' locations are not lost.",
     basis({"G12", "G70"})},
    {"DO_NOT_BIOPSY",
     "Do not biopsy a suspected colorectal liver metastasis: it can seed tumour along the needle track and "
     "compromise resection and survival.",
     basis({"G71"})},
    {"RESECTION",
     "Liver resection with curative intent: surgery is the cornerstone of cure whenever it is technically "
     "feasible.",
     basis({"G04", "G20"})},
    {"SURVEILLANCE",
     "Plan close follow-up after resection: up to 60% recur, most often in the liver, and 90% of recurrences "
     "appear within 2 years, so follow-up is closest in those years; a liver-only recurrence may be "
     "resected again.",
     basis({"G65", "G66", "G67"})},
    {"PERIOPERATIVE_FOLFOX",
     "Consider perioperative FOLFOX, about 3 months before and 3 months after resection; it improves "
     "progression-free survival at 3 years by 7-8%.",
     basis({"G21"})},
    {"NEOADJUVANT_CHEMOTHERAPY",
     "Give neoadjuvant chemotherapy before resection because of poor prognostic factors. Before it starts, "
     "make sure the surgeon has mapped (and, where needed, marked) every lesion, and restage early: "
     "lesions may vanish on imaging and about 20% progress during chemotherapy.",
     basis({"G22", "G13", "G15"})},
    {"RESTAGE_FOR_RESECTION",
     "Chemotherapy has already begun: restage now and take the case back for resection without waiting for "
     "the course to end, since about 20% progress during chemotherapy and lose the chance of cure.",
     basis({"G15", "G70"})},
    {"SYSTEMIC_THEN_REASSESS",
     "Not resectable now: start systemic chemotherapy and reassess at the multidisciplinary meeting for "
     "conversion to resection.",
     basis({"G24"})},
    {"DOUBLET_PLUS_ANTI_EGFR",
     "pMMR/MSS, RAS and BRAF wild-type, left-sided primary: chemotherapy plus an anti-EGFR monoclonal "
     "antibody.",
     basis({"G25"})},
    {"TRIPLET_CHEMOTHERAPY",
     "pMMR/MSS, RAS and BRAF wild-type, right-sided primary: triplet chemotherapy (FOLFOXIRI or "
     "FOLFIRINOX).",
     basis({"G26"})},
    {"TRIPLET_PLUS_BEVACIZUMAB", "pMMR/MSS with a RAS or BRAF mutation: triplet chemotherapy plus bevacizumab.",
     basis({"G27"})},
    {"MOLECULAR_PROFILING",
     "Find out MMR/MSI status, RAS and BRAF mutation status and the side of the primary, on tissue from the "
     "primary tumour (never a liver biopsy): the conversion regimen depends on them.",
     basis({"G25", "G26", "G27", "G71"})},
    {"PORTAL_VEIN_EMBOLIZATION",
     "Portal vein embolization to enlarge the liver that will remain, so that the remnant becomes "
     "adequate.",
     basis({"G29", "G08"})},
    {"TWO_STAGE_HEPATECTOMY", "Two-stage hepatectomy for extensive disease in both lobes.", basis({"G30"})},
    {"RESECTION_PLUS_ABLATION",
     "Resection combined with radiofrequency ablation, to clear multifocal or bilobar disease that "
     "resection alone cannot.",
     basis({"G31", "G49"})},
    {"ABLATION",
     "Radiofrequency ablation: suited to up to 9 metastases of 4 cm or less with no disease outside the "
     "liver, in a patient who cannot have or declines surgery, or for tumours shrunk by chemotherapy that "
     "remain unresectable. It is an adjunct, not a replacement for resection when resection is possible.",
     basis({"G47", "G50", "G51", "G52"})},
    {"NON_SURGICAL_CARE_MDT",
     "Surgery is not an option now: the multidisciplinary team decides on systemic or supportive care. The "
     "guideline names no regimen for this group.",
     basis({"G57"})},
    {"SYSTEMIC_THERAPY",
     "Systemic therapy is the primary treatment for breast cancer liver metastases; surgery is only an "
     "adjunct.",
     basis({"G33"})},
    {"RECEPTOR_GUIDED_THERAPY",
     "Choose the systemic therapy according to the hormone-receptor and HER2 status.", basis({"G38"})},
    {"RECEPTOR_TESTING",
     "Establish hormone-receptor and HER2 status: they must steer the choice of systemic therapy.",
     basis({"G38"})},
    {"ADJUNCT_RESECTION",
     "Liver resection may be added to systemic therapy: the disease is liver-limited or oligometastatic, "
     "not progressing, and the candidacy criteria are met.",
     basis({"G33", "G35", "G36", "G37"})},
    {"SOMATOSTATIN_ANALOG", "Somatostatin analogue (such as octreotide) to control symptoms.", basis({"G42"})},
    {"EMBOLIZATION",
     "Embolization or chemoembolization: the tumour is progressive, symptomatic and vascular, so a good "
     "response is expected.",
     basis({"G44"})},
    {"PRRT", "Peptide receptor radionuclide therapy, as the tumour is somatostatin-receptor positive.",
     basis({"G45"})},
    {"OBSERVATION",
     "Observation: neuroendocrine liver metastases often follow an indolent course, and the disease is "
     "neither symptomatic nor progressive.",
     basis({"G41"})},
}};

const std::array<CodeInfo, kWarningCount> kWarnings = {{
    {"CHEMOTHERAPY_BEFORE_SURGICAL_REVIEW",
     "Chemotherapy has begun before a liver surgeon assessed the metastases. Responding lesions may no "
     "longer be visible to locate, the liver may be injured, and about 20% of resectable tumours progress "
     "during chemotherapy.",
     basis({"G12", "G13", "G14", "G15", "G70"})},
    {"BIOPSY_OF_SUSPECTED_CRLM",
     "A biopsy of a suspected colorectal liver metastasis is planned. The guideline says never: it risks "
     "seeding tumour and can compromise resection and survival.",
     basis({"G71"})},
    {"RADIOLOGICAL_RESPONSE_IS_NOT_CURE",
     "A complete response on imaging does not mean the disease is gone: viable microscopic tumour usually "
     "remains, and the original sites still need treatment.",
     basis({"G72", "G13"})},
    {"REMNANT_QUALITY",
     "The quality of the liver that would remain is in question (steatosis, chemotherapy injury or "
     "cirrhosis, or chemotherapy given): judge what will remain, in quantity and quality, not only what "
     "must be removed.",
     basis({"G14", "G73"})},
    {"EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE",
     "Disease outside the liver is not an absolute bar to surgery when every site can be removed with clear "
     "margins (or, for an isolated bone site, controlled by radiation).",
     basis({"G74", "G10"})},
    {"ABLATION_LESION_SIZE",
     "The largest lesion is over 3 cm: ablation is less effective for lesions larger than 2-3 cm.",
     basis({"G54"})},
    {"ABLATION_PERIVASCULAR",
     "A lesion lies next to a major vessel: complete ablation is harder there and local recurrence more "
     "likely.",
     basis({"G55"})},
    {"OUTSIDE_GUIDELINE_SCOPE",
     "This guideline does not cover this situation (it has algorithms only for colorectal, breast and "
     "neuroendocrine primaries, and its colorectal regimens are for pMMR/MSS tumours). The general rules "
     "still apply; the treatment choice rests with the multidisciplinary team.",
     basis({"G16", "G25", "G26", "G27"})},
}};

const std::array<CodeInfo, kCriterionCount> kCriteria = {{
    {"R0", "All visible disease can be removed completely with negative margins.", basis({"G07", "G06"})},
    {"REMNANT", "An adequate liver remnant (at least 30% of standard liver volume, about two segments) remains.",
     basis({"G08", "G73"})},
    {"FITNESS", "Good performance status with acceptable operative risk.", basis({"G09"})},
    {"EXTRAHEPATIC", "Disease outside the liver is absent or controlled.", basis({"G10", "G36", "G74"})},
    {"BREAST_OLIGOMETASTATIC", "Breast: liver-limited or oligometastatic disease.", basis({"G35"})},
    {"BREAST_NOT_PROGRESSING", "Breast: disease not progressing on systemic therapy.", basis({"G37"})},
}};

const std::array<PathwayInfo, kPathwayCount> kPathways = {{
    {"ASSESSMENT_INCOMPLETE", "Assessment incomplete",
     "The answers so far do not decide a pathway. Find out the items listed under what would change this; "
     "meanwhile refer to the hepatobiliary multidisciplinary team.",
     basis({"G02", "G06"})},
    {"OUT_OF_SCOPE", "Outside this guideline's algorithms",
     "The guideline gives algorithms only for colorectal, breast and neuroendocrine primaries. Referral, the "
     "candidacy criteria and the pitfalls still apply; the treatment plan rests with the multidisciplinary "
     "team.",
     basis({"G16", "G02", "G06"})},
    {"BREAST_SYSTEMIC_FIRST", "Breast: systemic therapy first",
     "Systemic therapy guided by receptor status is the primary treatment; liver resection is at most an "
     "adjunct for selected patients. For context: without surgery, median survival in stage IV breast cancer "
     "with liver metastases is 3-15 months.",
     basis({"G33", "G38", "G39"})},
    {"REPEAT_RESECTION", "Colorectal recurrence: repeat resection",
     "A liver-only recurrence after hepatectomy in a patient who meets the candidacy criteria: repeat "
     "resection is feasible and safe.",
     basis({"G67", "G68"})},
    {"ABLATION_PRIMARY", "Colorectal, not for surgery: ablation as primary treatment",
     "The patient cannot have or declines surgery, and the disease is within ablation limits (up to 9 "
     "lesions, 4 cm or less, nothing outside the liver).",
     basis({"G50", "G51"})},
    {"NON_SURGICAL_MDT", "Colorectal, not for surgery: multidisciplinary non-surgical care",
     "The patient cannot have or declines surgery and ablation criteria are not all known to hold; the team "
     "decides on systemic or supportive care.",
     basis({"G57", "G50", "G51"})},
    {"CRC_CONVERSION_THERAPY", "Colorectal, unresectable now: conversion therapy",
     "Not resectable at present: systemic therapy matched to the tumour's biology, then reassessment for "
     "conversion to resection, with techniques that widen resectability.",
     basis({"G24", "G25", "G26", "G27", "G29", "G30", "G31"})},
    {"CRC_NEOADJUVANT_THEN_RESECTION", "Colorectal, resectable with poor prognostic factors: "
     "neoadjuvant chemotherapy, then resection",
     "Technically resectable, but with poor prognostic factors: neoadjuvant chemotherapy before resection, "
     "which remains the gold standard (30-50% five-year survival).",
     basis({"G18", "G22"})},
    {"CRC_RESECTION_FIRST", "Colorectal, resectable: resection first",
     "Resectable without a known poor prognostic factor: proceed directly to resection, the gold standard, "
     "with 30-50% five-year survival.",
     basis({"G18", "G20", "G21"})},
    {"NET_RESECTION", "Neuroendocrine: resection",
     "Solitary or isolated neuroendocrine liver metastases in a candidate for surgery: resection.",
     basis({"G43"})},
    {"NET_MEDICAL_AND_LIVER_DIRECTED", "Neuroendocrine: medical and liver-directed therapy",
     "Symptomatic or progressive disease not for resection: symptom control and liver-directed or "
     "receptor-targeted therapy.",
     basis({"G42", "G44", "G45"})},
    {"NET_OBSERVATION", "Neuroendocrine: observation",
     "Not for resection, neither symptomatic nor progressive: initial observation is appropriate.",
     basis({"G41"})},
}};

// RESECTION rests on different statements depending on the pathway it serves.
const CodeInfo kRepeatResection = {
    "RESECTION",
    "Repeat liver resection: for a recurrence confined to the liver, re-resection is feasible and safe.",
    basis({"G67", "G68"})};
const CodeInfo kNetResection = {
    "RESECTION", "Liver resection of the solitary or isolated neuroendocrine metastases.", basis({"G43", "G04"})};
const CodeInfo kNeoadjuvantResection = {
    "RESECTION",
    "Liver resection with curative intent once neoadjuvant chemotherapy is done, guided by the lesion map "
    "made before it.",
    basis({"G04", "G22"})};

}  // namespace

const CodeInfo& info(RecCode code) { return kRecs[static_cast<std::size_t>(code)]; }

const CodeInfo& info(RecCode code, PathwayCode pathway) {
  if (code == RecCode::RESECTION) {
    switch (pathway) {
      case PathwayCode::REPEAT_RESECTION: return kRepeatResection;
      case PathwayCode::NET_RESECTION: return kNetResection;
      case PathwayCode::CRC_NEOADJUVANT_THEN_RESECTION: return kNeoadjuvantResection;
      default: break;
    }
  }
  return info(code);
}
const CodeInfo& info(WarningCode code) { return kWarnings[static_cast<std::size_t>(code)]; }
const CodeInfo& info(CriterionCode code) { return kCriteria[static_cast<std::size_t>(code)]; }
const PathwayInfo& info(PathwayCode code) { return kPathways[static_cast<std::size_t>(code)]; }

std::string_view name(Strength s) {
  switch (s) {
    case Strength::do_: return "do";
    case Strength::consider: return "consider";
    case Strength::avoid: return "avoid";
  }
  return "do";
}

std::string_view name(Status s) {
  switch (s) {
    case Status::met: return "met";
    case Status::not_met: return "not_met";
    case Status::unknown: return "unknown";
  }
  return "unknown";
}

std::string_view name(Overall o) {
  switch (o) {
    case Overall::met: return "met";
    case Overall::not_met: return "not_met";
    case Overall::undetermined: return "undetermined";
  }
  return "undetermined";
}

}  // namespace livermets

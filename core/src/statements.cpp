#include "statements.hpp"

namespace livermets {

namespace {

using K = StatementKind;

// Gists are written in this project's words; the facts, numbers and citation
// numbers are the guideline's.  Headings carry no recommendation of their own.
// A function-local static: other files' static data (the catalogue) reads it
// during their own initialisation.
const std::vector<Statement>& all_statements() {
  static const std::vector<Statement> kStatements = {
    {"G01", K::heading, "Title: management of liver metastases.", {}},
    {"G02", K::rule,
     "Refer every patient with liver metastases straight away to a tertiary hepatobiliary centre for "
     "multidisciplinary review, before any chemotherapy: resection combined with systemic therapy is the "
     "only curative option.",
     {1, 2, 3}},
    {"G03", K::heading, "Section: surgery first.", {}},
    {"G04", K::rule,
     "Resection is the foundation of curative treatment and should be pursued whenever it is technically "
     "possible.",
     {1, 3, 4}},
    {"G05", K::heading, "Section: criteria for surgical candidacy.", {}},
    {"G06", K::rule, "A patient is a candidate for liver resection when all of the criteria below are met.", {}},
    {"G07", K::rule, "Criterion: all visible disease can be removed completely, with negative margins (R0).",
     {3, 4}},
    {"G08", K::rule,
     "Criterion: at least 30% of the standard liver volume, roughly two segments at minimum, can be left "
     "behind.",
     {1, 3}},
    {"G09", K::rule, "Criterion: good performance status and acceptable operative risk.", {1, 2}},
    {"G10", K::rule,
     "Criterion: disease outside the liver is controlled; isolated bone metastases controllable by "
     "radiation, or a solitary lung metastasis in breast cancer, are accepted exceptions.",
     {1, 2}},
    {"G11", K::heading, "Section: timing.", {}},
    {"G12", K::rule, "A liver surgeon must assess every liver metastasis before chemotherapy starts.",
     {1, 2, 5}},
    {"G13", K::rule,
     "Reason: lesions that respond to chemotherapy become invisible on imaging and hard to find at "
     "operation.",
     {1, 2}},
    {"G14", K::rule,
     "Reason: long chemotherapy causes fatty change and hepatocyte injury that weaken the liver left after "
     "resection.",
     {1, 2}},
    {"G15", K::rule,
     "Reason: 20% of initially resectable tumours will progress during neoadjuvant chemotherapy and lose "
     "the chance of cure.",
     {3}},
    {"G16", K::heading,
     "Section: management algorithms by primary tumour. The sections that follow cover colorectal, breast "
     "and neuroendocrine primaries only; this tool reads that as no algorithm for other primaries.",
     {}},
    {"G17", K::heading, "Section: colorectal liver metastases, the most common.", {}},
    {"G18", K::informational,
     "Resection of colorectal liver metastases gives 30-50% five-year survival and is the gold standard.",
     {3, 4, 6}},
    {"G19", K::heading, "Section: initially resectable colorectal disease.", {}},
    {"G20", K::rule, "Initially resectable: go straight to resection.", {3}},
    {"G21", K::rule,
     "Initially resectable: consider perioperative FOLFOX (3 months before and 3 after surgery), which "
     "improves 3-year progression-free survival by 7-8%.",
     {3}},
    {"G22", K::rule,
     "Poor prognostic factors (more than 5 metastases, synchronous presentation, node-positive primary, "
     "raised tumour markers): these patients should receive neoadjuvant chemotherapy even when technically "
     "resectable.",
     {3}},
    {"G23", K::heading, "Section: initially unresectable colorectal disease.", {}},
    {"G24", K::rule, "Initially unresectable: systemic chemotherapy, then reassess for conversion to resection.",
     {3, 7}},
    {"G25", K::rule,
     "pMMR/MSS, RAS and BRAF wild-type, left-sided: chemotherapy with an anti-EGFR monoclonal antibody.",
     {3}},
    {"G26", K::rule,
     "pMMR/MSS, RAS and BRAF wild-type, right-sided: triplet chemotherapy (FOLFOXIRI or FOLFIRINOX).", {3}},
    {"G27", K::rule, "pMMR/MSS, RAS or BRAF mutated: triplet chemotherapy with bevacizumab.", {3}},
    {"G28", K::heading, "Section: techniques that widen resectability.", {}},
    {"G29", K::rule, "Portal vein embolization to grow the liver that will remain.", {3, 7}},
    {"G30", K::rule, "Two-stage hepatectomy for extensive disease in both lobes.", {3, 7}},
    {"G31", K::rule, "Resection combined with radiofrequency ablation for multifocal disease.", {3, 7}},
    {"G32", K::heading, "Section: breast cancer liver metastases.", {}},
    {"G33", K::rule,
     "Breast: systemic therapy comes first and surgery is an adjunct, the reverse of colorectal disease.",
     {1, 2}},
    {"G34", K::heading, "Section: breast surgical candidacy, stricter than colorectal.", {}},
    {"G35", K::rule, "Breast criterion: disease limited to the liver or oligometastatic.", {1, 2}},
    {"G36", K::rule,
     "Breast criterion: no uncontrolled disease outside the liver (isolated bone or a solitary lung "
     "metastasis excepted).",
     {1, 2}},
    {"G37", K::rule, "Breast criterion: disease not progressing on chemotherapy.", {1}},
    {"G38", K::rule, "Breast: hormone-receptor and HER2 status must steer the choice of systemic therapy.", {2}},
    {"G39", K::informational,
     "Stage IV breast cancer with liver metastases: median survival 3-15 months without surgery. About half "
     "of patients with breast cancer develop liver metastases during the course of the disease.",
     {2, 5}},
    {"G40", K::heading, "Section: neuroendocrine tumour liver metastases.", {}},
    {"G41", K::rule, "Neuroendocrine: initial observation is often appropriate, because of the indolent disease course.",
     {1, 6, 8}},
    {"G42", K::rule, "Neuroendocrine: somatostatin analogues (such as octreotide) control symptoms.", {1, 8}},
    {"G43", K::rule, "Neuroendocrine: resection for solitary or isolated metastases.", {1, 6}},
    {"G44", K::rule,
     "Neuroendocrine: embolization or chemoembolization for progressive, symptomatic, vascular tumours "
     "expected to respond well.",
     {1, 8}},
    {"G45", K::rule,
     "Neuroendocrine: peptide receptor radionuclide therapy for somatostatin-receptor-positive tumours.", {1}},
    {"G46", K::heading, "Section: radiofrequency ablation.", {}},
    {"G47", K::rule, "Ablation is an adjunct to resection; it does not replace resection as primary treatment.",
     {3}},
    {"G48", K::heading, "Section: indications for ablation.", {}},
    {"G49", K::rule,
     "Ablation with resection when resection alone cannot clear all metastases, especially bilobar or "
     "multifocal disease.",
     {3}},
    {"G50", K::rule,
     "Ablation as the primary treatment only when comorbidity prevents surgery or the patient declines it.",
     {3}},
    {"G51", K::rule, "Ablation: up to 9 metastases, each 4 cm or less, with no disease outside the liver.", {3}},
    {"G52", K::rule, "Ablation: tumours shrunk by chemotherapy that remain unresectable.", {3}},
    {"G53", K::heading, "Section: technical limits of ablation.", {}},
    {"G54", K::rule, "Ablation works less well for lesions larger than 2-3 cm.", {3}},
    {"G55", K::rule,
     "A lesion next to a major vessel is hard to ablate completely and recurs locally more often.", {3}},
    {"G56", K::heading, "Section: the multidisciplinary team.", {}},
    {"G57", K::rule,
     "Discuss every case at a multidisciplinary meeting of a tertiary centre with high-volume liver "
     "surgery.",
     {1}},
    {"G58", K::rule, "The team should include the five disciplines that follow.", {}},
    {"G59", K::rule, "Team member: hepatobiliary surgeon.", {1}},
    {"G60", K::rule, "Team member: medical oncologist.", {1}},
    {"G61", K::rule, "Team member: interventional radiologist.", {1}},
    {"G62", K::rule, "Team member: radiation oncologist.", {1}},
    {"G63", K::rule, "Team member: pathologist.", {1}},
    {"G64", K::heading, "Section: follow-up and recurrence.", {}},
    {"G65", K::rule, "Up to 60% recur after liver resection, most often in the liver.", {3}},
    {"G66", K::rule, "90% of recurrences appear within the first 2 years.", {3}},
    {"G67", K::rule, "About 20% recur in the liver only and can have a repeat resection.", {3}},
    {"G68", K::rule, "Repeat resection is feasible and safe for recurrence confined to the liver.", {7}},
    {"G69", K::heading, "Section: pitfalls.", {}},
    {"G70", K::rule,
     "Pitfall: never delay surgical consultation until chemotherapy is over; it costs 20% of patients their "
     "chance of curative resection and makes lesions hard to find at operation.",
     {1, 2, 3, 5}},
    {"G71", K::rule,
     "Pitfall: never biopsy a suspected colorectal liver metastasis; it carries a significant risk of seeding "
     "the tumour locally and may compromise resectability and long-term survival.",
     {3}},
    {"G72", K::rule,
     "Pitfall: a complete response on imaging is not the absence of disease; viable microscopic tumour "
     "often remains.",
     {3}},
    {"G73", K::rule,
     "Pitfall: judge first what will remain, the quantity and the quality of the liver left behind, not only "
     "what must be removed.",
     {7}},
    {"G74", K::rule,
     "Pitfall: disease outside the liver is not an absolute contraindication; if R0 resection of every site "
     "is achievable, surgery can still offer a survival benefit.",
     {7}},
  };
  return kStatements;
}

}  // namespace

const std::vector<Statement>& statements() { return all_statements(); }

const Statement* find_statement(std::string_view id) {
  for (const auto& s : all_statements()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string_view name(StatementKind kind) {
  switch (kind) {
    case StatementKind::heading: return "heading";
    case StatementKind::rule: return "rule";
    case StatementKind::informational: return "informational";
  }
  return "rule";
}

}  // namespace livermets

// The label and the guideline basis of every code.  The sentence shown for a
// case is chosen from the answers in texts.cpp.  Citations are never typed
// here: they are the union of the cited statements' own citation numbers.
#include <algorithm>
#include <array>
#include <initializer_list>

#include "livermets/catalogue.hpp"
#include "codes.hpp"
#include "statements.hpp"

namespace livermets {

namespace {

Basis basis(std::vector<std::string_view> ids) {
  std::sort(ids.begin(), ids.end());  // "Gnn" sorts in guideline order
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  Basis b{ids, {}};
  for (auto id : ids) {
    const Statement* s = find_statement(id);
    if (s == nullptr) continue;  // the traceability test proves every id exists
    b.citations.insert(b.citations.end(), s->citations.begin(), s->citations.end());
  }
  std::sort(b.citations.begin(), b.citations.end());
  b.citations.erase(std::unique(b.citations.begin(), b.citations.end()), b.citations.end());
  return b;
}

// Each code: a short label (what it is, whatever the case) and its basis.
// The sentence shown for a case is chosen from the answers in texts.cpp.
struct Entry {
  std::string_view label;
  Basis basis;
};

CodeInfo make(std::string_view code, const Entry& e) { return {code, e.label, e.basis}; }

template <class Code, std::size_t N>
std::array<CodeInfo, N> table(const std::array<Entry, N>& entries) {
  std::array<CodeInfo, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = make(code_name(static_cast<Code>(i)), entries[i]);
  return out;
}

const std::array<CodeInfo, kRecCount> kRecs = table<RecCode>(std::array<Entry, kRecCount>{{
    {"Refer to a tertiary hepatobiliary multidisciplinary team", basis({"G02", "G57", "G58", "G59", "G60", "G61", "G62", "G63"})},
    {"Surgical review of every metastasis before chemotherapy", basis({"G12", "G13", "G14", "G15"})},
    {"Urgent surgical review: chemotherapy has begun", basis({"G12", "G70"})},
    {"Do not biopsy a suspected colorectal liver metastasis", basis({"G71"})},
    {"Liver resection", basis({"G04", "G20"})},
    {"Follow-up after resection", basis({"G65", "G66", "G67", "G68"})},
    {"Perioperative FOLFOX", basis({"G21"})},
    {"Neoadjuvant chemotherapy before resection", basis({"G22", "G13", "G15"})},
    {"Restage for resection: chemotherapy completed", basis({"G15", "G21", "G70"})},
    {"Restage during chemotherapy", basis({"G13", "G15", "G21"})},
    {"Systemic chemotherapy, then reassessment for conversion", basis({"G24"})},
    {"Chemotherapy plus an anti-EGFR antibody", basis({"G25"})},
    {"Triplet chemotherapy (FOLFOXIRI or FOLFIRINOX)", basis({"G26"})},
    {"Triplet chemotherapy plus bevacizumab", basis({"G27"})},
    {"Molecular profiling of the primary tumour", basis({"G25", "G26", "G27", "G71"})},
    {"Portal vein embolization", basis({"G29", "G08"})},
    {"Two-stage hepatectomy", basis({"G30"})},
    {"Resection combined with ablation", basis({"G31", "G49"})},
    {"Radiofrequency ablation", basis({"G47", "G50", "G51", "G52"})},
    {"Non-surgical care decided by the multidisciplinary team", basis({"G57"})},
    {"Systemic therapy first", basis({"G33"})},
    {"Systemic therapy guided by receptor status", basis({"G38"})},
    {"Hormone-receptor and HER2 testing", basis({"G38"})},
    {"Liver resection as an adjunct to systemic therapy", basis({"G33", "G35", "G36", "G37"})},
    {"Assess for resection", basis({"G43"})},
    {"Somatostatin analogue for symptoms", basis({"G42"})},
    {"Embolization or chemoembolization", basis({"G44"})},
    {"Peptide receptor radionuclide therapy", basis({"G45"})},
    {"Initial observation", basis({"G41"})},
}});

const std::array<CodeInfo, kWarningCount> kWarnings = table<WarningCode>(std::array<Entry, kWarningCount>{{
    {"Answers that contradict each other", basis({"G07", "G08", "G09", "G22", "G35", "G36", "G37", "G72", "G74"})},
    {"Chemotherapy before surgical review", basis({"G12", "G13", "G14", "G15", "G70"})},
    {"Biopsy of a suspected colorectal liver metastasis", basis({"G71"})},
    {"A complete radiological response is not cure", basis({"G72", "G13"})},
    {"Quality of the liver that would remain", basis({"G14", "G73"})},
    {"Extrahepatic disease is not an absolute contraindication", basis({"G74", "G10"})},
    {"Lesion size limits ablation", basis({"G54"})},
    {"A perivascular lesion limits ablation", basis({"G55"})},
    {"Outside this guideline", basis({"G16", "G25", "G26", "G27"})},
}});

const std::array<CodeInfo, kCriterionCount> kCriteria = table<CriterionCode>(std::array<Entry, kCriterionCount>{{
    {"All visible disease can be removed completely with negative margins.", basis({"G07", "G06"})},
    {"An adequate liver remnant (at least 30% of standard liver volume, about two segments) remains.",
     basis({"G08", "G73"})},
    {"Good performance status with acceptable operative risk.", basis({"G09"})},
    {"Disease outside the liver is absent or controlled.", basis({"G10", "G36", "G74"})},
    {"Breast: liver-limited or oligometastatic disease.", basis({"G35"})},
    {"Breast: disease not progressing on systemic therapy.", basis({"G37"})},
}});

// The pathway's title names it wherever it is shown (diagram, result); the
// summary here is the general one of the questionnaire's pathway list, and
// the result's summary is written for the case (texts.cpp).
struct PathwayEntry {
  std::string_view title;
  std::string_view summary;
  Basis basis;
};

const std::array<PathwayInfo, kPathwayCount> kPathways = [] {
  const std::array<PathwayEntry, kPathwayCount> entries{{
      {"Assessment incomplete", "The answers so far do not decide a pathway.", basis({"G02", "G06"})},
      {"Outside this guideline's algorithms",
       "Other primaries: the guideline gives no algorithm; its general rules still apply.",
       basis({"G16", "G02", "G06"})},
      {"Breast: systemic therapy first",
       "Systemic therapy guided by receptor status first; resection at most an adjunct.",
       basis({"G33", "G38", "G39"})},
      {"Colorectal recurrence: repeat resection", "A liver-only recurrence after hepatectomy in a candidate.",
       basis({"G67", "G68"})},
      {"Colorectal, not for surgery: ablation as primary treatment",
       "Not for surgery, disease within ablation limits.", basis({"G50", "G51"})},
      {"Colorectal, not for surgery: multidisciplinary non-surgical care",
       "Not for surgery, ablation limits not all known to hold.", basis({"G57", "G50", "G51"})},
      {"Colorectal, unresectable now: conversion therapy",
       "Not resectable at present: systemic therapy, then reassessment for conversion.",
       basis({"G24", "G25", "G26", "G27", "G29", "G30", "G31"})},
      {"Colorectal, resectable with poor prognostic factors: neoadjuvant chemotherapy, then resection",
       "Resectable with a poor prognostic factor: chemotherapy before resection.", basis({"G18", "G22"})},
      {"Colorectal, resectable: resection first", "Resectable without a known poor prognostic factor.",
       basis({"G18", "G20", "G21", "G22"})},
      {"Neuroendocrine: resection", "Solitary or isolated metastases in a candidate: resection.",
       basis({"G43", "G41"})},
      {"Neuroendocrine: medical and liver-directed therapy",
       "Symptomatic or progressive disease: symptom control, liver-directed or receptor-targeted therapy.",
       basis({"G42", "G44", "G45", "G41"})},
      {"Neuroendocrine: observation", "Not for resection, neither symptomatic nor progressive.", basis({"G41"})},
  }};
  std::array<PathwayInfo, kPathwayCount> out{};
  for (std::size_t i = 0; i < kPathwayCount; ++i) {
    out[i] = {code_name(static_cast<PathwayCode>(i)), entries[i].title, entries[i].summary, entries[i].basis};
  }
  return out;
}();

// RESECTION rests on different statements depending on the pathway it serves.
const CodeInfo kRepeatResection = {"RESECTION", "Repeat liver resection", basis({"G67", "G68"})};
const CodeInfo kNetResection = {"RESECTION", "Liver resection", basis({"G43", "G04"})};
const CodeInfo kNeoadjuvantResection = {"RESECTION", "Liver resection", basis({"G04", "G22"})};
// Resection first rests on the absence of G22's factors too, and its text names
// any still unknown (audit, stop 18; D24).
const CodeInfo kResectionFirst = {"RESECTION", "Liver resection", basis({"G04", "G20", "G22"})};
// ABLATION after chemotherapy on the conversion pathway: the operable patient's
// route (G52), not G50's primary ablation for those who cannot or will not have surgery.
const CodeInfo kConversionAblation = {"ABLATION", "Radiofrequency ablation", basis({"G47", "G51", "G52"})};

// Warnings whose basis follows the case (rev 2).
// G16 (a heading: algorithms for three primaries only) cites nothing; the
// general rules that still apply (G02) carry the citations.
const CodeInfo kScopeOtherPrimary = {"OUTSIDE_GUIDELINE_SCOPE", "Outside this guideline", basis({"G16", "G02"})};
const CodeInfo kScopeDmmr = {"OUTSIDE_GUIDELINE_SCOPE", "Outside this guideline", basis({"G25", "G26", "G27"})};
const CodeInfo kBiopsyPrimaryUnknown = {"BIOPSY_OF_SUSPECTED_CRLM", "Biopsy before a colorectal primary is excluded",
                                        basis({"G71", "G57"})};
const CodeInfo kExtrahepaticBreast = {"EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE",
                                      "Extrahepatic disease is not an absolute contraindication",
                                      basis({"G74", "G10", "G36"})};

// CHECK_ANSWERS names the statements of the rules each contradiction touches.
constexpr std::array<std::array<std::string_view, 2>, kContradictionCount> kContradictionStatements = {{
    {"G72", "G13"},
    {"G09", ""},
    {"G08", ""},
    {"G07", "G74"},
    {"G22", ""},
    {"G37", ""},
    {"G35", "G36"},
}};

}  // namespace

const CodeInfo& info(RecCode code) { return kRecs[static_cast<std::size_t>(code)]; }

const CodeInfo& info(RecCode code, PathwayCode pathway) {
  if (code == RecCode::RESECTION) {
    switch (pathway) {
      case PathwayCode::REPEAT_RESECTION: return kRepeatResection;
      case PathwayCode::NET_RESECTION: return kNetResection;
      case PathwayCode::CRC_NEOADJUVANT_THEN_RESECTION: return kNeoadjuvantResection;
      case PathwayCode::CRC_RESECTION_FIRST: return kResectionFirst;
      default: break;
    }
  }
  if (code == RecCode::ABLATION && pathway == PathwayCode::CRC_CONVERSION_THERAPY) return kConversionAblation;
  return info(code);
}
const CodeInfo& info(WarningCode code) { return kWarnings[static_cast<std::size_t>(code)]; }

CodeInfo info(WarningCode code, const Case& c, const Decision& d) {
  switch (code) {
    case WarningCode::OUTSIDE_GUIDELINE_SCOPE: return c.primary == Primary::other ? kScopeOtherPrimary : kScopeDmmr;
    case WarningCode::BIOPSY_OF_SUSPECTED_CRLM: return c.primary ? info(code) : kBiopsyPrimaryUnknown;
    case WarningCode::EXTRAHEPATIC_DISEASE_NOT_ABSOLUTE:
      return c.primary == Primary::breast ? kExtrahepaticBreast : info(code);
    case WarningCode::CHECK_ANSWERS: {
      std::vector<std::string_view> ids;
      for (int i = 0; i < kContradictionCount; ++i) {
        if (!d.has(static_cast<Contradiction>(i))) continue;
        for (std::string_view id : kContradictionStatements[static_cast<std::size_t>(i)]) {
          if (!id.empty()) ids.push_back(id);
        }
      }
      return {info(code).code, info(code).text, basis(ids)};
    }
    default: return info(code);
  }
}
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

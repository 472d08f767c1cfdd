// The exhaustive sweep's slices: what is enumerated, and (as honestly) what is not.
//
// WHY SLICES.  The full Cartesian product of every field at its boundary
// values is ~1e10-1e11 cases per primary.  The contract's rules, however,
// read the fields in a few groups that do not interact with each other except
// through the candidacy criteria and the pathway.  Each slice below is a FULL
// Cartesian product (every value of every listed axis, "unknown" included)
// over one such group of interacting fields, crossed with the full candidacy
// block (the nine fields that decide the criteria, operability and hence the
// pathway); every field not listed keeps the slice's base value.
//
// THE CANDIDACY BLOCK (77,760 combinations, in every slice unless stated):
//   setting                    initial, recurrence_after_hepatectomy        (2)
//   r0_achievable              unknown, false, true                          (3)
//   flr_percent                unknown, 29.96, 30, 39.96, 40                 (5)  G08 30 %; 40 % cirrhosis
//   remnant_segments           unknown, 1, 2                                 (3)  G08 two segments
//   liver_quality              unknown, normal, steatosis, cirrhosis         (4)  G73
//   ecog                       unknown, 0, 2, 3                              (4)  G09 cut 2/3
//   operative_risk_acceptable  unknown, false, true                          (3)  G09
//   extrahepatic_disease       unknown, none, resectable, bone, lung, uncontrolled (6)  G10, G36, G74
//   patient_declines_surgery   unknown, false, true                          (3)  G50
//
// SLICES (primary fixed per slice unless an axis says otherwise):
//   criteria        primary x 5 (unknown + 4); wider numeric boundaries for the
//                   criteria alone: flr 0/29.96/30/39.96/40/100, segments 0/1/2/8,
//                   ecog 0-4; no other fields.
//   crc_surgical    block x lesion_count {unk,1,5,6,9,10} x largest {unk,4.0,4.04}
//                   x bilobar x chemotherapy_status (5).     G20-G31, G49-G52
//   crc_prognostic  block x presentation x node_positive x markers_elevated
//                   x lesion_count {unk,5,6} x chemotherapy_status (5).  G20-G22
//   crc_molecular   block x mmr x ras x braf x sidedness (3^4).  G25-G27
//   crc_annotations review x chemo x biopsy x complete_response x perivascular
//                   x largest {unk,2.0,2.04,3.0,3.04,4.0,4.04} x lesions {unk,1,9,10} x bilobar
//                   x extrahepatic (6) x r0 x ecog {unk,2,3} x declines x quality;
//                   flr 35 %, segments unknown, operative risk acceptable.
//                   G12-G15, G50-G55, G70-G74
//   crc_fong        presentation x interval {unk,0,11.96,12,12.04} x node x lesions
//                   {unk,1,2,6} x cea {unk,200,200.04} x largest {unk,5.0,5.04}
//                   x remnant source {flr %, volumetry below/above 30 %, incomplete
//                   volumetry}; otherwise a resectable case.  Contradictory
//                   presentation/interval pairs are skipped (the parser refuses them).
//   breast          block x oligometastatic x progressing x chemotherapy_status.  G33-G37
//   breast_receptors hormone_receptor x her2 x chemo x review x biopsy x response
//                   x extrahepatic x quality; candidacy otherwise met.  G38
//   net             block x symptomatic x progressive x hypervascular x sstr x solitary.  G41-G45
//   other_unknown   primary {unknown, other} x block x chemo x review.  G02, G12, G16
//   general_flags   primary x 5 x biopsy x complete_response x perivascular x review x chemo.  G70-G72
//
// NOT ENUMERATED (honestly): fields outside a slice's groups are held at the
// base value, so e.g. molecular markers are never crossed with lesion counts,
// and surgical_review_done is crossed with the candidacy block only in
// other_unknown; numeric fields take only the listed boundary values (no
// values between cut-points other than 35 % remnant and the base values);
// (every numeric value sits on a cut-point or within 0.04 of it: named in
// core/src/thresholds.hpp); ecog 1 and 4 and remnant segments 0 and 3-8 appear only in the criteria
// slice; volumetry (height, weight, volume) only in crc_fong; primary-specific
// fields of one primary are never set on another (the parser refuses that).
#pragma once

#include <vector>

#include "livermets/case.hpp"
#include "livermets_test/sweep.hpp"
#include "thresholds.hpp"

namespace livermets::testing {

namespace ax {
using std::optional;
inline const auto U = std::nullopt;

// Boundary values within 0.05 of a cut-point, on either side (rev 2: the
// thresholds compare unrounded values, so 29.96 must fail a 30% threshold).
inline constexpr double kJust = 0.04;
inline constexpr double below(double cut) { return cut - kJust; }
inline constexpr double above(double cut) { return cut + kJust; }

inline std::vector<optional<bool>> tri() { return {U, false, true}; }

inline Axis primary(std::vector<optional<Primary>> v) {
  return axis<Primary>("primary", [](Case& c) -> auto& { return c.primary; }, std::move(v));
}
inline Axis all_primaries() {
  return primary({U, Primary::colorectal, Primary::breast, Primary::neuroendocrine, Primary::other});
}
inline Axis setting() {
  return joint_axis("setting", {[](Case& c) { c.setting = Setting::initial; },
                                [](Case& c) { c.setting = Setting::recurrence_after_hepatectomy; }});
}
inline Axis r0() { return axis<bool>("r0_achievable", [](Case& c) -> auto& { return c.r0_achievable; }, tri()); }
inline Axis flr(std::vector<optional<double>> v = {U, below(kRemnantMinPercent), kRemnantMinPercent,
                                                   below(kRemnantMinPercentCirrhosis), kRemnantMinPercentCirrhosis}) {
  return axis<double>("flr_percent", [](Case& c) -> auto& { return c.flr_percent; }, std::move(v));
}
inline Axis segments(std::vector<optional<int>> v = {U, kRemnantMinSegments - 1, kRemnantMinSegments}) {
  return axis<int>("remnant_segments", [](Case& c) -> auto& { return c.remnant_segments; }, std::move(v));
}
inline Axis quality() {
  return axis<LiverQuality>("liver_quality", [](Case& c) -> auto& { return c.liver_quality; },
                            {U, LiverQuality::normal, LiverQuality::steatosis_or_chemotherapy_injury,
                             LiverQuality::cirrhosis});
}
inline Axis ecog(std::vector<optional<int>> v = {U, 0, kEcogMaxFit, kEcogMaxFit + 1}) {
  return axis<int>("ecog", [](Case& c) -> auto& { return c.ecog; }, std::move(v));
}
inline Axis risk() {
  return axis<bool>("operative_risk_acceptable", [](Case& c) -> auto& { return c.operative_risk_acceptable; }, tri());
}
inline Axis extrahepatic() {
  return axis<Extrahepatic>("extrahepatic_disease", [](Case& c) -> auto& { return c.extrahepatic_disease; },
                            {U, Extrahepatic::none, Extrahepatic::resectable,
                             Extrahepatic::bone_isolated_radiation_controllable, Extrahepatic::lung_solitary,
                             Extrahepatic::uncontrolled});
}
inline Axis declines() {
  return axis<bool>("patient_declines_surgery", [](Case& c) -> auto& { return c.patient_declines_surgery; }, tri());
}
inline Axis chemo() {
  return axis<Chemotherapy>("chemotherapy_status", [](Case& c) -> auto& { return c.chemotherapy_status; },
                            {U, Chemotherapy::none, Chemotherapy::planned, Chemotherapy::started,
                             Chemotherapy::completed});
}
inline Axis review() {
  return axis<bool>("surgical_review_done", [](Case& c) -> auto& { return c.surgical_review_done; }, tri());
}
inline Axis lesions(std::vector<optional<int>> v) {
  return axis<int>("lesion_count", [](Case& c) -> auto& { return c.lesion_count; }, std::move(v));
}
inline Axis largest(std::vector<optional<double>> v) {
  return axis<double>("largest_lesion_cm", [](Case& c) -> auto& { return c.largest_lesion_cm; }, std::move(v));
}
inline Axis bilobar() { return axis<bool>("bilobar", [](Case& c) -> auto& { return c.bilobar; }, tri()); }
inline Axis perivascular() {
  return axis<bool>("perivascular_lesion", [](Case& c) -> auto& { return c.perivascular_lesion; }, tri());
}
inline Axis response() {
  return axis<bool>("complete_radiological_response",
                    [](Case& c) -> auto& { return c.complete_radiological_response; }, tri());
}
inline Axis biopsy() {
  return axis<bool>("biopsy_planned", [](Case& c) -> auto& { return c.biopsy_planned; }, tri());
}
inline Axis presentation() {
  return axis<Presentation>("presentation", [](Case& c) -> auto& { return c.presentation; },
                            {U, Presentation::synchronous, Presentation::metachronous});
}
inline Axis node() {
  return axis<bool>("colorectal.node_positive_primary",
                    [](Case& c) -> auto& { return c.colorectal.node_positive_primary; }, tri());
}
inline Axis markers() {
  return axis<bool>("colorectal.tumor_markers_elevated",
                    [](Case& c) -> auto& { return c.colorectal.tumor_markers_elevated; }, tri());
}
inline Axis mmr() {
  return axis<Mmr>("colorectal.mmr", [](Case& c) -> auto& { return c.colorectal.mmr; },
                   {U, Mmr::pmmr_mss, Mmr::dmmr_msi_h});
}
inline Axis ras() {
  return axis<Mutation>("colorectal.ras", [](Case& c) -> auto& { return c.colorectal.ras; },
                        {U, Mutation::wild_type, Mutation::mutated});
}
inline Axis braf() {
  return axis<Mutation>("colorectal.braf", [](Case& c) -> auto& { return c.colorectal.braf; },
                        {U, Mutation::wild_type, Mutation::mutated});
}
inline Axis side() {
  return axis<Side>("colorectal.sidedness", [](Case& c) -> auto& { return c.colorectal.sidedness; },
                    {U, Side::left, Side::right});
}
inline Axis cea() {
  return axis<double>("colorectal.cea_ng_ml", [](Case& c) -> auto& { return c.colorectal.cea_ng_ml; },
                      {U, kCeaHighNgMl, above(kCeaHighNgMl)});
}
inline Axis interval() {
  return axis<double>("colorectal.disease_free_interval_months",
                      [](Case& c) -> auto& { return c.colorectal.disease_free_interval_months; },
                      {U, 0.0, below(kFongIntervalMonths), kFongIntervalMonths, above(kFongIntervalMonths)});
}
inline Axis receptor(bool her2) {
  if (her2) {
    return axis<Receptor>("breast.her2", [](Case& c) -> auto& { return c.breast.her2; },
                          {U, Receptor::positive, Receptor::negative});
  }
  return axis<Receptor>("breast.hormone_receptor", [](Case& c) -> auto& { return c.breast.hormone_receptor; },
                        {U, Receptor::positive, Receptor::negative});
}
inline Axis oligo() {
  return axis<bool>("breast.oligometastatic", [](Case& c) -> auto& { return c.breast.oligometastatic; }, tri());
}
inline Axis progressing() {
  return axis<bool>("breast.progressing_on_systemic_therapy",
                    [](Case& c) -> auto& { return c.breast.progressing_on_systemic_therapy; }, tri());
}
// `Flag` is the member's answer type (each answer has its own, livermets/answer.hpp).
template <class Flag>
Axis net_flag(const char* name, Flag NeuroendocrineFacts::*m) {
  return axis<bool>(std::string("neuroendocrine.") + name,
                    [m](Case& c) -> auto& { return c.neuroendocrine.*m; }, tri());
}
}  // namespace ax

// The nine fields that decide candidacy and operability (see the header comment).
inline std::vector<Axis> candidacy_block() {
  return {ax::setting(), ax::r0(),   ax::flr(),          ax::segments(), ax::quality(),
          ax::ecog(),    ax::risk(), ax::extrahepatic(), ax::declines()};
}

inline std::vector<Axis> concat(std::vector<Axis> a, std::vector<Axis> b) {
  for (auto& x : b) a.push_back(std::move(x));
  return a;
}

inline Case with_primary(Primary p) {
  Case c;
  c.primary = p;
  return c;
}

inline std::vector<Slice> sweep_slices() {
  using namespace ax;
  std::vector<Slice> s;

  s.push_back({"criteria", "candidacy criteria and operability for every primary (G06-G10, G34-G37, G73, G74)",
               Case{},
               {all_primaries(), setting(), r0(), flr({U, 0.0, below(kRemnantMinPercent), kRemnantMinPercent, below(kRemnantMinPercentCirrhosis),
                                               kRemnantMinPercentCirrhosis, 100.0}),
                segments({U, 0, 1, 2, 8}), quality(), ecog({U, 0, 1, 2, 3, 4}), risk(), extrahepatic(),
                declines()}});

  s.push_back({"crc_surgical", "colorectal pathway, resection techniques and ablation (G20-G31, G49-G52)",
               with_primary(Primary::colorectal),
               concat(candidacy_block(),
                      {lesions({U, 1, kPoorPrognosisLesionCount, kPoorPrognosisLesionCount + 1, kAblationMaxLesions,
                                kAblationMaxLesions + 1}),
                       largest({U, kAblationMaxLesionCm, above(kAblationMaxLesionCm)}), bilobar(), chemo()})});

  s.push_back({"crc_prognostic", "poor prognostic factors and chemotherapy timing (G20-G22, G15, G70)",
               with_primary(Primary::colorectal),
               concat(candidacy_block(), {presentation(), node(), markers(), lesions({U, kPoorPrognosisLesionCount, kPoorPrognosisLesionCount + 1}), chemo()})});

  s.push_back({"crc_molecular", "conversion regimens by MMR, RAS, BRAF and side (G24-G27)",
               with_primary(Primary::colorectal), concat(candidacy_block(), {mmr(), ras(), braf(), side()})});

  {
    Case b = with_primary(Primary::colorectal);
    b.flr_percent = 35.0;
    b.operative_risk_acceptable = true;
    s.push_back({"crc_annotations",
                 "surgical review, biopsy, response, ablation limits, remnant quality (G12-G15, G50-G55, G70-G74)",
                 b,
                 {review(), chemo(), biopsy(), response(), perivascular(), largest({U, kAblationSizeLowerCm, above(kAblationSizeLowerCm), kAblationSizeUpperCm,
                           above(kAblationSizeUpperCm), kAblationMaxLesionCm, above(kAblationMaxLesionCm)}),
                  lesions({U, 1, kAblationMaxLesions, kAblationMaxLesions + 1}), bilobar(), extrahepatic(), r0(), ecog({U, kEcogMaxFit, kEcogMaxFit + 1}), declines(),
                  quality()}});
  }

  {
    Case b = with_primary(Primary::colorectal);
    b.r0_achievable = true;
    b.remnant_segments = 4;
    b.liver_quality = LiverQuality::normal;
    b.ecog = 0;
    b.operative_risk_acceptable = true;
    b.extrahepatic_disease = Extrahepatic::none;
    b.patient_declines_surgery = false;
    Axis remnant = joint_axis(
        "remnant source",
        {[](Case& c) { c.flr_percent = 45.0; c.flr_volume_ml = c.height_cm = c.weight_kg = std::nullopt; },
         // 170 cm, 70 kg: BSA 1.8181, SLV 1509.7 ml; 400 ml = 26.5 %, 600 ml = 39.7 %.
         [](Case& c) { c.flr_percent = std::nullopt; c.height_cm = 170; c.weight_kg = 70; c.flr_volume_ml = 400; },
         [](Case& c) { c.flr_percent = std::nullopt; c.height_cm = 170; c.weight_kg = 70; c.flr_volume_ml = 600; },
         [](Case& c) { c.flr_percent = std::nullopt; c.height_cm = 170; c.weight_kg = std::nullopt; c.flr_volume_ml = 600; }});
    s.push_back({"crc_fong", "Fong score and tumour burden never change the pathway; volumetry (G08, G22)", b,
                 {presentation(), interval(), node(), lesions({U, 1, 2, kPoorPrognosisLesionCount + 1}), cea(),
                  largest({U, kFongLargestCm, above(kFongLargestCm)}),
                  remnant}});
  }

  s.push_back({"breast", "breast candidacy and adjunct resection (G33-G37)", with_primary(Primary::breast),
               concat(candidacy_block(), {oligo(), progressing(), chemo()})});

  {
    Case b = with_primary(Primary::breast);
    b.r0_achievable = true;
    b.flr_percent = 45.0;
    b.ecog = 1;
    b.operative_risk_acceptable = true;
    b.patient_declines_surgery = false;
    b.breast.oligometastatic = true;
    b.breast.progressing_on_systemic_therapy = false;
    s.push_back({"breast_receptors", "receptor-guided therapy and general warnings on breast (G38, G12, G71-G74)", b,
                 {receptor(false), receptor(true), chemo(), review(), biopsy(), response(), extrahepatic(),
                  quality()}});
  }

  s.push_back({"net", "neuroendocrine rows (G41-G45)", with_primary(Primary::neuroendocrine),
               concat(candidacy_block(),
                      {net_flag("symptomatic", &NeuroendocrineFacts::symptomatic),
                       net_flag("progressive", &NeuroendocrineFacts::progressive),
                       net_flag("hypervascular", &NeuroendocrineFacts::hypervascular),
                       net_flag("sstr_positive", &NeuroendocrineFacts::sstr_positive),
                       net_flag("solitary_or_isolated", &NeuroendocrineFacts::solitary_or_isolated)})});

  s.push_back({"other_unknown", "unknown and other primaries (G02, G12, G16)", Case{},
               concat({primary({U, Primary::other})}, concat(candidacy_block(), {chemo(), review()}))});

  s.push_back({"general_flags", "pitfall warnings on every primary (G12, G70-G72)", Case{},
               {all_primaries(), biopsy(), response(), perivascular(), review(), chemo(), lesions({U, 1, kAblationMaxLesions + 1}),
                largest({U, kAblationSizeLowerCm, above(kAblationSizeLowerCm)}), extrahepatic()}});
  return s;
}

}  // namespace livermets::testing

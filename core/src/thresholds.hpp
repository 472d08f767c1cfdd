// Every cut-point the rules use, once, beside the statement it comes from.
// Rules, reasons, the sweep's region values and the tests use these names; a
// threshold written as a bare number anywhere else in core/src is a bug.
// Comparisons are made on unrounded values (rev 2): 29.96 is below 30.
#pragma once

namespace livermets {

// G08: at least 30% of standard liver volume must remain ...
inline constexpr double kRemnantMinPercent = 30.0;  // G08
// ... 40% for a cirrhotic liver: a published consensus figure BEYOND the
// guideline (AHPBA/SSAT/SSO consensus 2006; Clavien et al., N Engl J Med 2007).
inline constexpr double kRemnantMinPercentCirrhosis = 40.0;  // beyond the guideline; G73 asks for quality
// G08: "approximately two segments minimum".
inline constexpr int kRemnantMinSegments = 2;  // G08

// G09: good performance status.  ECOG 0-2 counts as fit when the operative
// risk is acceptable; ECOG 2 is borderline (contract).  ECOG 3-4 is not fit.
inline constexpr int kEcogMaxFit = 2;  // G09
// Triplet chemotherapy "do" only for ECOG 0-1 with acceptable risk: a fitness
// condition BEYOND the guideline, which names none for G26, G27.
inline constexpr int kEcogMaxForTriplet = 1;  // beyond the guideline

// G22: more than 5 metastases is a poor prognostic factor.
inline constexpr int kPoorPrognosisLesionCount = 5;  // G22

// G31, G49: more than one metastasis is multifocal disease.
inline constexpr int kMultifocalMoreThan = 1;  // G31, G49

// G51: ablation for up to 9 metastases, each 4 cm or less.
inline constexpr int kAblationMaxLesions = 9;          // G51
inline constexpr double kAblationMaxLesionCm = 4.0;    // G51
// G54: efficacy falls for lesions larger than 2-3 cm; the warning fires from
// the lower end (rev 2).
inline constexpr double kAblationSizeLowerCm = 2.0;    // G54
inline constexpr double kAblationSizeUpperCm = 3.0;    // G54

// G22 (CHECK_ANSWERS): a CEA above 200 ng/ml is an elevated tumour marker by
// any reading; the figure is the Fong score's (beyond the guideline).
inline constexpr double kCeaHighNgMl = 200.0;  // Fong 1999, beyond the guideline

// The Fong clinical risk score (Fong et al., Ann Surg 1999), beyond the
// guideline: one point each.
inline constexpr double kFongIntervalMonths = 12.0;  // disease-free interval < 12 months
inline constexpr double kFongCeaNgMl = kCeaHighNgMl;  // CEA > 200 ng/ml
inline constexpr double kFongLargestCm = 5.0;        // largest > 5 cm
inline constexpr int kFongLesionCount = 1;           // more than one lesion

}  // namespace livermets

// The representative case the statement tests start from: a fit colorectal
// patient with resectable, liver-only disease and no poor prognostic factor.
#pragma once

#include "livermets/case.hpp"

namespace livermets {

inline Case resectable_colorectal() {
  Case c;
  c.primary = Primary::colorectal;
  c.r0_achievable = true;
  c.flr_percent = 45.0;
  c.liver_quality = LiverQuality::normal;
  c.ecog = 0;
  c.operative_risk_acceptable = true;
  c.extrahepatic_disease = Extrahepatic::none;
  c.patient_declines_surgery = false;
  c.presentation = Presentation::metachronous;
  c.lesion_count = 2;
  c.colorectal.node_positive_primary = false;
  c.colorectal.tumor_markers_elevated = false;
  return c;
}

}  // namespace livermets

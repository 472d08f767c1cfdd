// One case per pathway code of the contract (section 3, "Pathway codes"),
// written from the contract's table, with the algorithm and the full route
// (every node, intermediate ones included) that the diagrams give that row.
// ASSESSMENT_INCOMPLETE ends a route in three algorithms; each is here.
// Shared by tests/wasm/route.test.mjs (the module) and tests/web (the page).

// Candidacy met (G06-G10): R0, remnant 40% of a normal liver, fit, nothing outside the liver.
const fitResectable = {
  r0_achievable: true, flr_percent: 40, remnant_segments: 4, liver_quality: 'normal',
  ecog: 0, operative_risk_acceptable: true, extrahepatic_disease: 'none', patient_declines_surgery: false,
};
const noPoorFactor = {
  presentation: 'metachronous', lesion_count: 2,
  colorectal: { node_positive_primary: false, tumor_markers_elevated: false },
};
const crc = ['primary', 'crc_repeat'];
const crcOperable = [...crc, 'crc_operable', 'crc_candidacy'];
const crcNotOperable = [...crc, 'crc_operable', 'crc_ablation'];

export const PATHWAY_CASES = [
  { pathway: 'ASSESSMENT_INCOMPLETE', why: 'primary unknown', case: {},
    algorithm: 'overview', route: ['primary', 'ASSESSMENT_INCOMPLETE'] },
  { pathway: 'OUT_OF_SCOPE', why: 'primary other', case: { primary: 'other' },
    algorithm: 'overview', route: ['primary', 'OUT_OF_SCOPE'] },
  { pathway: 'BREAST_SYSTEMIC_FIRST', why: 'breast, always', case: { primary: 'breast' },
    algorithm: 'breast', route: ['primary', 'BREAST_SYSTEMIC_FIRST'] },
  { pathway: 'REPEAT_RESECTION', why: 'colorectal recurrence, nothing outside the liver, candidacy met, operable',
    case: { primary: 'colorectal', setting: 'recurrence_after_hepatectomy', ...fitResectable },
    algorithm: 'colorectal', route: [...crc, 'REPEAT_RESECTION'] },
  { pathway: 'ABLATION_PRIMARY', why: 'not operable (ECOG 3), 3 lesions of at most 2 cm, nothing outside the liver',
    case: { primary: 'colorectal', ecog: 3, lesion_count: 3, largest_lesion_cm: 2, extrahepatic_disease: 'none' },
    algorithm: 'colorectal', route: [...crcNotOperable, 'ABLATION_PRIMARY'] },
  { pathway: 'NON_SURGICAL_MDT', why: 'declines surgery, 12 lesions (beyond the ablation limit of 9)',
    case: { primary: 'colorectal', patient_declines_surgery: true, lesion_count: 12 },
    algorithm: 'colorectal', route: [...crcNotOperable, 'NON_SURGICAL_MDT'] },
  { pathway: 'CRC_CONVERSION_THERAPY', why: 'R0 not achievable',
    case: { primary: 'colorectal', r0_achievable: false },
    algorithm: 'colorectal', route: [...crcOperable, 'CRC_CONVERSION_THERAPY'] },
  { pathway: 'CRC_NEOADJUVANT_THEN_RESECTION', why: 'candidacy met, synchronous presentation',
    case: { primary: 'colorectal', ...fitResectable, ...noPoorFactor, presentation: 'synchronous' },
    algorithm: 'colorectal', route: [...crcOperable, 'crc_prognosis', 'CRC_NEOADJUVANT_THEN_RESECTION'] },
  { pathway: 'CRC_RESECTION_FIRST', why: 'candidacy met, no poor prognostic factor',
    case: { primary: 'colorectal', ...fitResectable, ...noPoorFactor },
    algorithm: 'colorectal', route: [...crcOperable, 'crc_prognosis', 'CRC_RESECTION_FIRST'] },
  { pathway: 'ASSESSMENT_INCOMPLETE', why: 'colorectal, candidacy undetermined',
    case: { primary: 'colorectal' },
    algorithm: 'colorectal', route: [...crcOperable, 'ASSESSMENT_INCOMPLETE'] },
  { pathway: 'NET_RESECTION', why: 'solitary, candidacy met, operable',
    case: { primary: 'neuroendocrine', ...fitResectable, neuroendocrine: { solitary_or_isolated: true } },
    algorithm: 'neuroendocrine', route: ['primary', 'net_resect', 'NET_RESECTION'] },
  { pathway: 'NET_MEDICAL_AND_LIVER_DIRECTED', why: 'not solitary, symptomatic',
    case: { primary: 'neuroendocrine', neuroendocrine: { solitary_or_isolated: false, symptomatic: true } },
    algorithm: 'neuroendocrine', route: ['primary', 'net_resect', 'net_active', 'NET_MEDICAL_AND_LIVER_DIRECTED'] },
  { pathway: 'NET_OBSERVATION', why: 'not solitary, neither symptomatic nor progressive',
    case: { primary: 'neuroendocrine', neuroendocrine: { solitary_or_isolated: false, symptomatic: false, progressive: false } },
    algorithm: 'neuroendocrine', route: ['primary', 'net_resect', 'net_active', 'net_excluded', 'NET_OBSERVATION'] },
  { pathway: 'ASSESSMENT_INCOMPLETE', why: 'neuroendocrine, not solitary, activity unknown',
    case: { primary: 'neuroendocrine', neuroendocrine: { solitary_or_isolated: false } },
    algorithm: 'neuroendocrine', route: ['primary', 'net_resect', 'net_active', 'ASSESSMENT_INCOMPLETE'] },
  { pathway: 'ASSESSMENT_INCOMPLETE', why: 'neuroendocrine, quiet, resectability unknown',
    case: { primary: 'neuroendocrine', neuroendocrine: { symptomatic: false, progressive: false } },
    algorithm: 'neuroendocrine', route: ['primary', 'net_resect', 'net_active', 'net_excluded', 'ASSESSMENT_INCOMPLETE'] },
];

/** The contract's twelve pathway codes. */
export const PATHWAY_CODES = [
  'ASSESSMENT_INCOMPLETE', 'OUT_OF_SCOPE', 'BREAST_SYSTEMIC_FIRST', 'REPEAT_RESECTION', 'ABLATION_PRIMARY',
  'NON_SURGICAL_MDT', 'CRC_CONVERSION_THERAPY', 'CRC_NEOADJUVANT_THEN_RESECTION', 'CRC_RESECTION_FIRST',
  'NET_RESECTION', 'NET_MEDICAL_AND_LIVER_DIRECTED', 'NET_OBSERVATION',
];

// The JSON-level result checker, in JavaScript: the same checks as
// fuzz/result_check.hpp (keep the two in step), applied to what the wasm
// module returns.  checkResult(text) returns a list of problems; empty means
// the result is well formed and, if "ok", obeys the sweep's invariants.
const PATHWAYS = new Set(['ASSESSMENT_INCOMPLETE', 'OUT_OF_SCOPE', 'BREAST_SYSTEMIC_FIRST', 'REPEAT_RESECTION',
  'ABLATION_PRIMARY', 'NON_SURGICAL_MDT', 'CRC_CONVERSION_THERAPY', 'CRC_NEOADJUVANT_THEN_RESECTION',
  'CRC_RESECTION_FIRST', 'NET_RESECTION', 'NET_MEDICAL_AND_LIVER_DIRECTED', 'NET_OBSERVATION']);
const RESECTION_PATHWAYS = new Set(['CRC_RESECTION_FIRST', 'CRC_NEOADJUVANT_THEN_RESECTION', 'REPEAT_RESECTION', 'NET_RESECTION']);
const SURGICAL = ['RESECTION', 'ADJUNCT_RESECTION', 'PORTAL_VEIN_EMBOLIZATION', 'TWO_STAGE_HEPATECTOMY', 'RESECTION_PLUS_ABLATION'];
// G25, G26, G27 (pMMR/MSS only); G21's FOLFOX carries no MMR restriction (rev 2).
const REGIMENS = ['DOUBLET_PLUS_ANTI_EGFR', 'TRIPLET_CHEMOTHERAPY', 'TRIPLET_PLUS_BEVACIZUMAB'];

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (o, k) => isObj(o) && typeof o[k] === 'string' && o[k].length > 0;

function basisOk(item) {
  return Array.isArray(item.statements) && item.statements.length > 0 &&
    item.statements.every((s) => typeof s === 'string' && /^G\d\d$/.test(s)) &&
    Array.isArray(item.citations) && item.citations.length > 0 &&
    item.citations.every((c) => Number.isInteger(c) && c >= 1 && c <= 8);
}

function checkError(r, p) {
  if (!Array.isArray(r.errors) || r.errors.length === 0) p.push('error result without a non-empty errors list');
  else {
    for (const e of r.errors) {
      if (!nonEmpty(e, 'field')) p.push('error without a field name');
      if (!nonEmpty(e, 'message')) p.push('error without a message');
    }
  }
  if ('pathway' in r) p.push('error result carries a pathway');
  if ('recommendations' in r) p.push('error result carries recommendations');
  if ('internal_fault' in r) p.push('internal fault: the core failed on this input');
}

function checkOk(r, p) {
  if ('errors' in r && !(Array.isArray(r.errors) && r.errors.length === 0)) p.push('ok result with errors');
  if (!isObj(r.case)) p.push('ok result without the case echo');
  const kase = isObj(r.case) ? r.case : {};
  if (!isObj(r.pathway)) { p.push('ok result without a pathway'); return; }
  const pathway = r.pathway.code;
  if (!PATHWAYS.has(pathway)) p.push(`unknown pathway code '${pathway}'`);
  if (!nonEmpty(r.pathway, 'title') || !nonEmpty(r.pathway, 'summary')) p.push('pathway without title or summary');
  if (!basisOk(r.pathway)) p.push('pathway without statements or citations');

  const cand = r.candidacy;
  if (!isObj(cand)) { p.push('ok result without candidacy'); return; }
  if (!['met', 'not_met', 'undetermined'].includes(cand.overall)) p.push('bad candidacy.overall');
  let anyNotMet = false; let allMet = true; let fitness = '';
  if (!Array.isArray(cand.criteria) || cand.criteria.length === 0) p.push('candidacy without criteria');
  else {
    for (const k of cand.criteria) {
      if (!['met', 'not_met', 'unknown'].includes(k.status)) p.push(`criterion ${k.code} has a bad status`);
      if (!nonEmpty(k, 'text') || !nonEmpty(k, 'reason')) p.push(`criterion ${k.code} without text or reason`);
      if (!basisOk(k)) p.push(`criterion ${k.code} without statements or citations`);
      anyNotMet ||= k.status === 'not_met';
      allMet &&= k.status === 'met';
      if (k.code === 'FITNESS') fitness = k.status;
    }
  }
  const wantOverall = anyNotMet ? 'not_met' : allMet ? 'met' : 'undetermined';
  if (cand.overall !== wantOverall) p.push(`candidacy.overall ${cand.overall} disagrees with its criteria (${wantOverall})`);
  const declines = kase.patient_declines_surgery === true;
  const operableByRule = fitness !== 'not_met' && !declines;
  if (typeof cand.operable !== 'boolean') p.push('candidacy.operable missing');
  else if (cand.operable !== operableByRule) p.push('candidacy.operable disagrees with FITNESS and patient_declines_surgery');
  const operable = operableByRule && cand.operable !== false;

  const recs = new Set();
  let referStrength = '';
  if (!Array.isArray(r.recommendations)) p.push('ok result without a recommendations list');
  else {
    for (const rec of r.recommendations) {
      if (recs.has(rec.code)) p.push(`recommendation twice: ${rec.code}`);
      recs.add(rec.code);
      if (!['do', 'consider', 'avoid'].includes(rec.strength)) p.push(`${rec.code} has a bad strength`);
      if (!nonEmpty(rec, 'text')) p.push(`${rec.code} without text`);
      if (!basisOk(rec)) p.push(`${rec.code} without statements or citations`);
      if (rec.code === 'REFER_HPB_MDT') referStrength = rec.strength;
    }
  }
  if (referStrength !== 'do') p.push("REFER_HPB_MDT missing or not a 'do' (G02)");
  const crc = kase.primary === 'colorectal';
  if (crc !== recs.has('DO_NOT_BIOPSY')) p.push(crc ? 'DO_NOT_BIOPSY missing on a colorectal case (G71)' : 'DO_NOT_BIOPSY on a non-colorectal case');
  if (recs.has('RESECTION') && cand.overall !== 'met') p.push('RESECTION without candidacy met (G06)');
  if (!operable || declines) for (const s of SURGICAL) if (recs.has(s)) p.push(`${s} for a patient who is not operable or declined surgery`);
  const k = isObj(kase.colorectal) ? kase.colorectal : {};
  if (recs.has('DOUBLET_PLUS_ANTI_EGFR')) {
    if (!(crc && k.mmr === 'pmmr_mss' && k.ras === 'wild_type' && k.braf === 'wild_type' && k.sidedness === 'left')) {
      p.push('DOUBLET_PLUS_ANTI_EGFR outside pMMR/MSS, RAS and BRAF wild-type, left-sided (G25)');
    }
    if (RESECTION_PATHWAYS.has(pathway)) p.push(`DOUBLET_PLUS_ANTI_EGFR on resection pathway ${pathway}`);
  }
  if (crc && k.mmr === 'dmmr_msi_h') for (const s of REGIMENS) if (recs.has(s)) p.push(`regimen ${s} for dMMR/MSI-H (G25-G27)`);

  const warns = new Set();
  if (!Array.isArray(r.warnings)) p.push('ok result without a warnings list');
  else {
    for (const w of r.warnings) {
      if (warns.has(w.code)) p.push(`warning twice: ${w.code}`);
      warns.add(w.code);
      if (!nonEmpty(w, 'text')) p.push(`warning ${w.code} without text`);
      if (!basisOk(w)) p.push(`warning ${w.code} without statements or citations`);
    }
  }
  if ((kase.primary === 'other' || (crc && k.mmr === 'dmmr_msi_h')) && !warns.has('OUTSIDE_GUIDELINE_SCOPE')) {
    p.push('out-of-scope case without OUTSIDE_GUIDELINE_SCOPE');
  }
  if ('missing' in r) {
    if (!Array.isArray(r.missing)) p.push('missing is not a list');
    else for (const m of r.missing) if (!nonEmpty(m, 'field') || !nonEmpty(m, 'why')) p.push('missing entry without field or why');
  }
  if ('derived' in r && !isObj(r.derived)) p.push('derived is not an object');
  if (!isObj(r.rulebase) || !nonEmpty(r.rulebase, 'version')) p.push('no rule-base version');
}

/** Problems with one result object. */
export function checkResultObject(r) {
  const p = [];
  if (!isObj(r)) return ['result is not a JSON object'];
  if (r.status === 'error') checkError(r, p);
  else if (r.status === 'ok') checkOk(r, p);
  else p.push('status is neither "ok" nor "error"');
  return p;
}

/** Problems with one result string (what evaluate() returned). */
export function checkResult(text) {
  if (typeof text !== 'string') return ['result is not a string'];
  let r;
  try { r = JSON.parse(text); } catch (e) { return ['result does not parse as JSON']; }
  return checkResultObject(r);
}

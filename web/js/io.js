// @ts-check
// Local files only: the teaching examples shipped beside the page, export of
// the case and its result as a JSON file, and import of such a file (or of a
// bare case object).  Nothing is sent anywhere and nothing is stored.

import { isoDate } from './record.js';

export const EXPORT_FORMAT = 'livermets-export/1';
// the case schema the core reads (core/src/parse.cpp, kAcceptedSchema); a case
// may leave it out
export const CASE_SCHEMA = 'livermets-case/1';

/** The teaching vignettes (examples.json next to index.html). */
export async function loadExamples() {
  // A build that inlines everything (one HTML file) can carry the examples in
  // <script type="application/json" id="livermets-examples"> (a data block,
  // never executed, so the CSP allows it) instead of a separate file.
  const inline = document.getElementById('livermets-examples');
  if (inline) return JSON.parse(inline.textContent).examples || [];
  const res = await fetch(new URL('../examples.json', import.meta.url), { credentials: 'omit', cache: 'no-cache' });
  if (!res.ok) throw new Error('examples.json: HTTP ' + res.status);
  const data = await res.json();
  return Array.isArray(data.examples) ? data.examples : [];
}

/** The export document: the case as entered, the full result, when and with which rule base. */
export function exportDocument(caseObj, result, rulebase, now = new Date()) {
  return {
    format: EXPORT_FORMAT,
    exported_at: now.toISOString(),
    rulebase: rulebase || (result && result.rulebase) || null,
    case: caseObj,
    result,
  };
}

/** Saves the export as a local file (a download; no network). */
export function downloadJson(doc, now = new Date()) {
  const blob = new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `livermets-case-${isoDate(now)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return a.download;
}

/**
 * The teaching example a link names: `#example=<id>` (index.html#example=crc-repeat)
 * gives its id; any other fragment gives null and is ignored.  Only the id of
 * a shipped vignette ever travels in a URL, never a case: URLs end up in
 * browser histories and server logs.
 */
export function exampleIdFromHash(hash) {
  const m = /^#example=([a-z0-9][a-z0-9-]{0,63})$/.exec(String(hash || ''));
  return m ? m[1] : null;
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The case in a parsed file: an export of this format, or a bare case object.
 * Throws an error that names what is wrong: another export or case version
 * (never read as this one), or a "case" that is not an object.
 */
export function caseFromDocument(doc) {
  if (!isPlainObject(doc)) throw new Error('the file holds neither a case object nor a livermets export');
  let caseObj = doc;
  if ('format' in doc) {
    if (typeof doc.format === 'string' && doc.format.startsWith('livermets-export/') && doc.format !== EXPORT_FORMAT) {
      throw new Error(`it is a "${doc.format.slice(0, 40)}" export, which this version cannot read (it reads ${EXPORT_FORMAT})`);
    }
    if (doc.format !== EXPORT_FORMAT) throw new Error('the file holds neither a case object nor a livermets export');
    if (!isPlainObject(doc.case)) throw new Error('its "case" is not a case object');
    caseObj = doc.case;
  }
  if ('schema' in caseObj && caseObj.schema !== CASE_SCHEMA) {
    throw new Error(`its case is written in schema ${JSON.stringify(caseObj.schema).slice(0, 40)}, which this version cannot read (it reads "${CASE_SCHEMA}")`);
  }
  return caseObj;
}

/** Reads an export (or a bare case object) from a local file; returns the case object. */
export async function readCaseFile(file) {
  if (file.size > 1024 * 1024) throw new Error('the file is larger than 1 MiB; it is not a case export');
  let doc;
  try {
    doc = JSON.parse(await file.text());
  } catch (e) {
    throw new Error('the file is not valid JSON');
  }
  return caseFromDocument(doc);
}

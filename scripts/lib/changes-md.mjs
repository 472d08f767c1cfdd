// Converts the clinical change log (docs/CHANGES.md) into the data the page
// shows under "What changed in this rule base" (dist/web/changes.json; the
// single file inlines it).  The page puts every text in with textContent, so
// this is data, never markup.
//
// The Markdown it reads is deliberately small; anything else is an error
// naming the line, so the build fails rather than showing a garbled log:
//   # Title                      (once, first)
//   paragraph lines              (before the first version: the introduction;
//                                 under a version or a heading: its notes)
//   ## 1.1.0 (2026-12-02)        a rule base version, newest first; date optional
//   ### Pathway or area          a group of changes within a version
//   - item                       a change (continued on lines indented by 2+ spaces)
// Inline `code` and **bold** are kept as written; the page renders them.
//
//   node scripts/lib/changes-md.mjs [docs/CHANGES.md] [dist/web/changes.json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHANGES_FORMAT = 'livermets-changes/1';
const VERSION_RE = /^##\s+(\d+\.\d+\.\d+)(?:\s+\((\d{4}-\d{2}-\d{2})\))?\s*$/;

/** Parses the change log's text; returns {format, title, intro, versions}. Throws on a line it does not know. */
export function parseChanges(text) {
  const doc = { format: CHANGES_FORMAT, title: '', intro: [], versions: [] };
  let version = null;
  let group = null;
  let item = null;       // the list item that an indented line continues
  let para = null;       // the notes array that a paragraph line continues
  let paraOpen = false;  // a paragraph is running (no blank line since)
  const fail = (n, why) => { throw new Error(`CHANGES.md line ${n}: ${why}`); };
  const addPara = (notes, line) => {
    if (paraOpen && para === notes) notes[notes.length - 1] += ' ' + line;
    else notes.push(line);
    para = notes;
    paraOpen = true;
  };
  String(text).replace(/\r\n?/g, '\n').split('\n').forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trimEnd();
    if (!line.trim()) { paraOpen = false; item = null; return; }
    if (/^#\s/.test(line)) {
      if (doc.title || doc.intro.length || doc.versions.length) fail(n, 'only one "# Title", at the top');
      doc.title = line.slice(2).trim();
      return;
    }
    if (/^##\s/.test(line) && !/^###/.test(line)) {
      const m = line.match(VERSION_RE);
      if (!m) fail(n, 'a version heading reads "## 1.2.3" or "## 1.2.3 (YYYY-MM-DD)"');
      if (doc.versions.some((v) => v.version === m[1])) fail(n, `version ${m[1]} is listed twice`);
      version = { version: m[1], date: m[2] || null, notes: [], groups: [] };
      doc.versions.push(version);
      group = null; item = null; paraOpen = false;
      return;
    }
    if (/^###\s/.test(line) && !/^####/.test(line)) {
      if (!version) fail(n, 'a "### heading" belongs under a "## version"');
      group = { title: line.slice(4).trim(), notes: [], items: [] };
      version.groups.push(group);
      item = null; paraOpen = false;
      return;
    }
    if (/^#/.test(line)) fail(n, 'only "#", "##" and "###" headings are used');
    if (/^[-*]\s+/.test(line)) {
      if (!version) fail(n, 'a change ("- item") belongs under a "## version"');
      if (!group) { group = { title: '', notes: [], items: [] }; version.groups.push(group); }
      group.items.push(line.replace(/^[-*]\s+/, ''));
      item = group.items.length - 1;
      paraOpen = false;
      return;
    }
    if (/^\s{2,}\S/.test(line) && item !== null) {
      if (/^\s*[-*]\s/.test(line)) fail(n, 'nested lists are not used: write one "- item" per change');
      group.items[item] += ' ' + line.trim();
      return;
    }
    if (/^\s/.test(line)) fail(n, 'an indented line continues a "- item" only');
    if (/^(<|\||>|```)/.test(line)) fail(n, 'HTML, tables, quotes and code blocks are not used');
    addPara(group ? group.notes : version ? version.notes : doc.intro, line.trim());
  });
  if (!doc.versions.length) throw new Error('CHANGES.md: no "## version" heading');
  return doc;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const src = path.resolve(process.argv[2] || path.join(repoRoot, 'docs/CHANGES.md'));
  const out = path.resolve(process.argv[3] || path.join(repoRoot, 'dist/web/changes.json'));
  const doc = parseChanges(fs.readFileSync(src, 'utf8'));
  fs.writeFileSync(out, JSON.stringify(doc, null, 1) + '\n');
  console.log(`changes-md: ${path.relative(process.cwd(), out)} (${doc.versions.map((v) => v.version).join(', ')})`);
}

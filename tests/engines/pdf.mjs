// Just enough of a PDF reader to count pages and read their sizes: page
// dictionaries may sit in the file as text (Chromium's Skia, WebKit's cairo)
// or inside compressed object streams (Firefox), which are inflated here.
import zlib from 'node:zlib';

/** Returns {pages, sizes: [[width, height] in points]} of a PDF. */
export function pdfPages(pdf) {
  const texts = [pdf.toString('latin1')];
  const streams = /<<((?:(?!>>\s*stream)[\s\S])*?\/Type\s*\/ObjStm[\s\S]*?)>>\s*stream\r?\n/g;
  for (let m; (m = streams.exec(texts[0]));) {
    const start = m.index + m[0].length;
    const end = texts[0].indexOf('endstream', start);
    try { texts.push(zlib.inflateSync(pdf.subarray(start, end)).toString('latin1')); } catch { /* not Flate: left as is */ }
  }
  const text = texts.join('\n');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/g)]
    .map((b) => [Number(b[3]) - Number(b[1]), Number(b[4]) - Number(b[2])]);
  return { pages, sizes };
}

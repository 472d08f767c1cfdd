// Draws the app icons (web/icons/): one SVG and the PNG sizes that install
// prompts and home screens ask for.  The shapes are defined once below and
// written both as SVG elements and rasterised (4x4 supersampling) into PNGs
// with Node's zlib, so no image tool is needed.  The PNGs are committed;
// rerun after changing a shape:   node scripts/lib/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/icons');

// A 100 x 100 canvas.  Background: the page's accent blue.  A stylised liver
// (a polygon with rounded corners: a stroke of ROUND width in the same colour)
// in white, wide on the image's left (the patient's right lobe) and tapering
// to the left lobe; three metastases as orange dots.
const BG = [0x0b, 0x5c, 0xad];
const FG = [0xff, 0xff, 0xff];
const DOT = [0xd9, 0x6a, 0x1e];
const ROUND = 6;
const liver = [[15, 44], [22, 31], [36, 25], [55, 25], [72, 27], [88, 30], [80, 40], [66, 48],
  [56, 57], [47, 67], [37, 74], [27, 74], [18, 67], [14, 56]];
const dots = [[32, 51, 7], [58, 36, 4], [45, 44, 3.2]];

function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i, i += 1) {
    const [xi, yi] = pts[i], [xj, yj] = pts[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function nearEdge(x, y, pts, d) {
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i, i += 1) {
    const [ax, ay] = pts[j], [bx, by] = pts[i];
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    if ((x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= d * d) return true;
  }
  return false;
}

function colourAt(x, y, maskable) {
  // maskable icons keep the drawing inside the central 80% safe zone
  const s = maskable ? 0.78 : 1;
  const X = 50 + (x - 50) / s, Y = 50 + (y - 50) / s;
  if (dots.some(([cx, cy, r]) => (X - cx) ** 2 + (Y - cy) ** 2 <= r * r)) return DOT;
  if (inPolygon(X, Y, liver) || nearEdge(X, Y, liver, ROUND / 2)) return FG;
  return BG;
}

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 100 - r), cy = Math.min(Math.max(y, r), 100 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) { let c = n; for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c >>> 0; }
  return (buf) => { let c = 0xffffffff; for (const b of buf) c = t[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
})();

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(CRC(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, { maskable = false, radius = 18 } = {}) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const N = 4;
  for (let py = 0; py < size; py += 1) {
    raw[py * (size * 4 + 1)] = 0;  // filter: none
    for (let px = 0; px < size; px += 1) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < N; sy += 1) for (let sx = 0; sx < N; sx += 1) {
        const x = ((px + (sx + 0.5) / N) / size) * 100, y = ((py + (sy + 0.5) / N) / size) * 100;
        if (!maskable && !inRoundedSquare(x, y, radius)) continue;
        const c = colourAt(x, y, maskable);
        r += c[0]; g += c[1]; b += c[2]; a += 255;
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const n = N * N, cov = a / 255;
      raw[o] = cov ? Math.round(r / cov) : 0; raw[o + 1] = cov ? Math.round(g / cov) : 0;
      raw[o + 2] = cov ? Math.round(b / cov) : 0; raw[o + 3] = Math.round(a / n);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;  // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-label="livermets">
  <rect width="100" height="100" rx="18" fill="${hex(BG)}"/>
  <polygon points="${liver.map((p) => p.join(',')).join(' ')}" fill="${hex(FG)}" stroke="${hex(FG)}" stroke-width="${ROUND}" stroke-linejoin="round"/>
${dots.map(([cx, cy, r]) => `  <circle cx="${cx}" cy="${cy}" r="${r}" fill="${hex(DOT)}"/>`).join('\n')}
</svg>
`;

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.svg'), svg);
for (const size of [192, 512]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size));
fs.writeFileSync(path.join(out, 'maskable-512.png'), png(512, { maskable: true }));
fs.writeFileSync(path.join(out, 'apple-touch-icon.png'), png(180, { maskable: true }));
console.log('make-icons: ' + fs.readdirSync(out).map((f) => `${f} ${fs.statSync(path.join(out, f)).size}`).join(', '));

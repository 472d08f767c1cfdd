// @ts-check
// Draws the algorithm the decision names (`result.algorithm`, one of the
// questionnaire's `algorithms`) as an SVG flow chart, top to bottom, and
// highlights this patient's `result.route` (the node ids the case passed
// through, ending at the pathway) exactly as the core gives it.

import { h, s } from './dom.js';

const BOX_W = 152;
const GAP_X = 16;
const GAP_Y = 50;
const LINE_H = 17;
const PAD = 10;
const CHARS = 17;

function wrap(text, width = CHARS) {
  const words = String(text).split(/\s+/).filter(Boolean);
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) { lines.push(line); line = w; } else line = line ? line + ' ' + w : w;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The algorithm the decision named (`result.algorithm`), or null. */
export function findAlgorithm(algorithms, id) {
  return (algorithms || []).find((a) => a.id === id) || null;
}

const edgeKey = (from, to) => from + '\u0000' + to;

/**
 * What to highlight for a route: exactly its nodes, and the edges joining
 * consecutive route nodes.  The route comes from the decision itself (the
 * core), so the page never works out a path of its own.
 */
export function routeHighlight(route) {
  const ids = route || [];
  const nodes = new Set(ids);
  const edges = new Set();
  for (let i = 1; i < ids.length; i += 1) edges.add(edgeKey(ids[i - 1], ids[i]));
  return { nodes, edges, last: ids.length ? ids[ids.length - 1] : null };
}

/** Layered layout: longest path from the roots, barycentre ordering. */
function layout(algo) {
  const nodes = algo.nodes || [];
  const ids = new Set(nodes.map((n) => n.id));
  const edges = (algo.edges || []).filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const incoming = new Map(nodes.map((n) => [n.id, []]));
  const outgoing = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) { incoming.get(e.to).push(e.from); outgoing.get(e.from).push(e.to); }
  const layer = new Map();
  const visiting = new Set();
  const depth = (id) => {
    if (layer.has(id)) return layer.get(id);
    if (visiting.has(id)) return 0;  // a cycle: break it
    visiting.add(id);
    const d = incoming.get(id).reduce((m, p) => Math.max(m, depth(p) + 1), 0);
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  nodes.forEach((n) => depth(n.id));
  const layers = [];
  for (const n of nodes) (layers[layer.get(n.id)] ||= []).push(n);
  for (let pass = 0; pass < 2; pass += 1) {
    for (let i = 1; i < layers.length; i += 1) {
      if (!layers[i]) continue;
      const pos = new Map((layers[i - 1] || []).map((n, k) => [n.id, k]));
      const bary = (n) => {
        const ps = incoming.get(n.id).filter((p) => pos.has(p)).map((p) => pos.get(p));
        return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Infinity;
      };
      layers[i] = layers[i].map((n, k) => ({ n, k, b: bary(n) }))
        .sort((a, b) => (a.b === b.b ? a.k - b.k : a.b - b.b)).map((x) => x.n);
    }
  }
  const boxes = new Map();
  const widest = Math.max(...layers.map((l) => (l ? l.length : 0)), 1);
  const width = widest * BOX_W + (widest - 1) * GAP_X + 2 * PAD;
  let y = PAD;
  for (const l of layers) {
    if (!l) continue;
    const lines = l.map((n) => wrap(n.label || n.id));
    const hgt = Math.max(...lines.map((x) => x.length)) * LINE_H + 16;
    const rowW = l.length * BOX_W + (l.length - 1) * GAP_X;
    let x = (width - rowW) / 2;
    l.forEach((n, k) => {
      boxes.set(n.id, { x, y, w: BOX_W, h: hgt, lines: lines[k], node: n });
      x += BOX_W + GAP_X;
    });
    y += hgt + GAP_Y;
  }
  return { boxes, edges, width, height: y - GAP_Y + PAD };
}

/**
 * renderDiagram(container, algorithms, result): draws the algorithm the result
 * names (`result.algorithm`) into container (replacing its content) with the
 * result's `route` highlighted; returns the algorithm, or null when the
 * result names none that the questionnaire has.
 */
export function renderDiagram(container, algorithms, result) {
  container.textContent = '';
  const algo = findAlgorithm(algorithms, result && result.algorithm);
  if (!algo) return null;
  const route = (result && result.route) || [];
  const { boxes, edges, width, height } = layout(algo);
  const { nodes: onRoute, edges: routeEdges, last } = routeHighlight(route);

  const titleId = 'diagram-title-svg';
  const descId = 'diagram-desc-svg';
  const routeIds = route.filter((id) => boxes.has(id));
  const edgeLabel = (a, b) => (edges.find((e) => e.from === a && e.to === b) || {}).label;
  const routeLabels = routeIds.map((id, i) => {
    const label = boxes.get(id).node.label || id;
    const answer = i + 1 < routeIds.length ? edgeLabel(id, routeIds[i + 1]) : null;
    return answer ? `${label} ${answer}` : label;
  });
  const svg = s('svg', {
    class: 'diagram',
    viewBox: `0 0 ${width} ${height}`,
    width: String(width),
    height: String(height),
    role: 'img',
    'aria-labelledby': titleId + ' ' + descId,
    dataset: { algorithm: algo.id },
  },
  s('title', { id: titleId }, algo.title || algo.id),
  s('desc', { id: descId }, routeLabels.length ? 'This case: ' + routeLabels.join(', then ') : 'No route for this case yet.'),
  s('defs', {},
    s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '9', markerHeight: '9', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' })),
    s('marker', { id: 'arrow-on', viewBox: '0 0 10 10', refX: '9', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '11', markerHeight: '11', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow on-route' }))));

  // never scaled up, nor shrunk below 80% (at most 520 px wide): a wide chart scrolls sideways
  svg.style.maxWidth = width + 'px';
  svg.style.minWidth = Math.min(Math.round(width * 0.8), 520) + 'px';

  const edgeLayer = s('g', { class: 'edges' });
  const labelLayer = s('g', { class: 'edge-labels' });
  for (const e of edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    const x1 = a.x + a.w / 2;
    const y1 = a.y + a.h;
    const x2 = b.x + b.w / 2;
    const y2 = b.y;
    const my = (y1 + y2) / 2;
    const on = routeEdges.has(edgeKey(e.from, e.to));
    edgeLayer.append(s('path', {
      dataset: { from: e.from, to: e.to },
      d: `M${x1},${y1} C${x1},${my} ${x2},${my} ${x2},${y2 - 2}`,
      class: 'edge' + (on ? ' on-route' : ''),
      'marker-end': on ? 'url(#arrow-on)' : 'url(#arrow)',
    }));
    if (e.label) {
      const lx = (x1 + x2) / 2;
      const ly = my;
      const tw = e.label.length * 6.6 + 8;
      labelLayer.append(s('g', { class: 'edge-label' + (on ? ' on-route' : '') },
        s('rect', { x: String(lx - tw / 2), y: String(ly - 9), width: String(tw), height: '18', rx: '4' }),
        s('text', { x: String(lx), y: String(ly + 4), 'text-anchor': 'middle' }, e.label)));
    }
  }
  const nodeLayer = s('g', { class: 'nodes' });
  for (const [id, b] of boxes) {
    const kind = b.node.kind === 'pathway' ? 'pathway' : 'decision';
    const cls = ['node', 'node-' + kind, onRoute.has(id) ? 'on-route' : '', id === last ? 'current' : ''].join(' ').trim();
    const text = s('text', { x: String(b.x + b.w / 2), y: String(b.y + 8 + LINE_H - 3), 'text-anchor': 'middle' },
      b.lines.map((ln, i) => s('tspan', { x: String(b.x + b.w / 2), dy: i ? String(LINE_H) : '0' }, ln)));
    nodeLayer.append(s('g', { class: cls, dataset: { node: id } },
      s('rect', { x: String(b.x), y: String(b.y), width: String(b.w), height: String(b.h), rx: kind === 'pathway' ? '4' : '14' }),
      text));
  }
  svg.append(edgeLayer, nodeLayer, labelLayer);
  container.append(
    h('h3', { id: 'diagram-title' }, 'Algorithm: ', algo.title || algo.id),
    h('p', { class: 'muted' }, 'The highlighted boxes and arrows are this case\u2019s route.'),
    h('div', { class: 'diagram-scroll', tabindex: '0', role: 'group', 'aria-labelledby': 'diagram-title' }, svg),
    routeLabels.length ? h('ol', { class: 'route-list', 'aria-label': 'Route of this case' }, routeIds.map((id, i) => {
      const answer = i + 1 < routeIds.length ? edgeLabel(id, routeIds[i + 1]) : null;
      return h('li', {}, boxes.get(id).node.label || id, answer ? h('span', { class: 'route-answer' }, ' → ' + answer) : null);
    })) : null);
  return algo;
}

// @ts-check
// Draws the algorithm the decision names (`result.algorithm`, one of the
// questionnaire's `algorithms`) as an SVG flow chart, top to bottom, and
// highlights this patient's `result.route` (the node ids the case passed
// through, ending at the pathway) exactly as the core gives it.

import { h, s } from './dom.js';

const BOX_W = 176;
const GAP_X = 16;
const GAP_Y = 54;
const LINE_H = 19;
const PAD = 10;
const CHARS = 17;
const LANE_W = 22;   // the slot an edge takes in a row it passes through (so it never crosses a box)

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

/**
 * Layered layout: longest path from the roots; an edge that spans several
 * rows gets a lane (a dummy slot) in each row it passes through, so it runs
 * between the boxes, never across one; barycentre ordering of boxes and lanes.
 */
function layout(algo) {
  const nodes = algo.nodes || [];
  const ids = new Set(nodes.map((n) => n.id));
  const edges = (algo.edges || []).filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const incoming = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) incoming.get(e.to).push(e.from);
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
  // rows of items: real nodes and the lanes of long edges
  const rows = [];
  const preds = new Map();  // item id -> ids of the items above it that connect to it
  const put = (item, row) => { (rows[row] ||= []).push(item); };
  for (const n of nodes) { put({ id: n.id, node: n }, layer.get(n.id)); preds.set(n.id, []); }
  const chains = new Map();  // edge key -> the lane ids it passes through, top to bottom
  for (const e of edges) {
    const a = layer.get(e.from);
    const b = layer.get(e.to);
    let prev = e.from;
    const lanes = [];
    for (let r = a + 1; r < b; r += 1) {
      const id = `lane:${e.from}>${e.to}:${r}`;
      put({ id, lane: true }, r);
      preds.set(id, [prev]);
      lanes.push(id);
      prev = id;
    }
    preds.get(e.to).push(prev);
    chains.set(edgeKey(e.from, e.to), lanes);
  }
  for (let pass = 0; pass < 3; pass += 1) {
    for (let i = 1; i < rows.length; i += 1) {
      if (!rows[i]) continue;
      const pos = new Map((rows[i - 1] || []).map((it, k) => [it.id, k]));
      const bary = (it) => {
        const ps = (preds.get(it.id) || []).filter((p) => pos.has(p)).map((p) => pos.get(p));
        return ps.length ? ps.reduce((x, y) => x + y, 0) / ps.length : Infinity;
      };
      rows[i] = rows[i].map((it, k) => ({ it, k, b: bary(it) }))
        .sort((x, y) => (x.b === y.b ? x.k - y.k : x.b - y.b)).map((x) => x.it);
    }
  }
  const itemW = (it) => (it.lane ? LANE_W : BOX_W);
  const rowW = (row) => row.reduce((w, it) => w + itemW(it), 0) + (row.length - 1) * GAP_X;
  const width = Math.max(...rows.map((r) => (r ? rowW(r) : 0)), BOX_W) + 2 * PAD;
  const boxes = new Map();
  const lanes = new Map();
  let y = PAD;
  for (const row of rows) {
    if (!row) continue;
    const real = row.filter((it) => !it.lane);
    const lines = new Map(real.map((it) => [it.id, wrap(it.node.label || it.id)]));
    const hgt = Math.max(1, ...[...lines.values()].map((x) => x.length)) * LINE_H + 18;
    let x = (width - rowW(row)) / 2;
    for (const it of row) {
      if (it.lane) lanes.set(it.id, { x: x + LANE_W / 2, y, h: hgt });
      else boxes.set(it.id, { x, y, w: BOX_W, h: hgt, lines: lines.get(it.id), node: it.node });
      x += itemW(it) + GAP_X;
    }
    y += hgt + GAP_Y;
  }
  return { boxes, edges, lanes, chains, width, height: y - GAP_Y + PAD };
}

/**
 * The points an edge passes through: the bottom of its box, the top and
 * bottom of each lane, the top of the box it points to.
 */
export function edgePoints(geo, e) {
  const a = geo.boxes.get(e.from);
  const b = geo.boxes.get(e.to);
  const pts = [[a.x + a.w / 2, a.y + a.h]];
  for (const id of geo.chains.get(edgeKey(e.from, e.to)) || []) {
    const l = geo.lanes.get(id);
    pts.push([l.x, l.y], [l.x, l.y + l.h]);
  }
  pts.push([b.x + b.w / 2, b.y]);
  return pts;
}

/** An SVG path through the points: a curve between rows, straight down through a lane. */
function pathOf(pts) {
  let d = `M${pts[0][0]},${pts[0][1]}`;
  for (let i = 1; i < pts.length; i += 1) {
    const [x1, y1] = pts[i - 1];
    const [x2, y2] = pts[i];
    const last = i === pts.length - 1;
    if (x1 === x2) d += ` L${x2},${last ? y2 - 2 : y2}`;
    else {
      const my = (y1 + y2) / 2;
      d += ` C${x1},${my} ${x2},${my} ${x2},${last ? y2 - 2 : y2}`;
    }
  }
  return d;
}

/** The SVG of an algorithm with the route highlighted; `suffix` keeps its ids unique. */
function buildSvg(algo, geo, route, suffix) {
  const { boxes, edges, width, height } = geo;
  const { nodes: onRoute, edges: routeEdges, last } = routeHighlight(route);
  const titleId = 'diagram-title-svg' + suffix;
  const descId = 'diagram-desc-svg' + suffix;
  const routeIds = route.filter((id) => boxes.has(id));
  const edgeLabel = (a, b) => (edges.find((e) => e.from === a && e.to === b) || {}).label;
  const routeLabels = routeIds.map((id, i) => {
    const label = boxes.get(id).node.label || id;
    const answer = i + 1 < routeIds.length ? edgeLabel(id, routeIds[i + 1]) : null;
    return answer ? `${label} ${answer}` : label;
  });
  const arrow = 'arrow' + suffix;
  const arrowOn = 'arrow-on' + suffix;
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
    s('marker', { id: arrow, viewBox: '0 0 10 10', refX: '9', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '9', markerHeight: '9', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' })),
    s('marker', { id: arrowOn, viewBox: '0 0 10 10', refX: '9', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '11', markerHeight: '11', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow on-route' }))));

  const edgeLayer = s('g', { class: 'edges' });
  const labelLayer = s('g', { class: 'edge-labels' });
  for (const e of edges) {
    const pts = edgePoints(geo, e);
    const on = routeEdges.has(edgeKey(e.from, e.to));
    edgeLayer.append(s('path', {
      dataset: { from: e.from, to: e.to },
      d: pathOf(pts),
      class: 'edge' + (on ? ' on-route' : ''),
      'marker-end': on ? `url(#${arrowOn})` : `url(#${arrow})`,
    }));
    if (e.label) {
      // in the gap below the box it leaves, half way along the first stretch
      const [x1, y1] = pts[0];
      const [x2, y2] = pts[1];
      const lx = (x1 + x2) / 2;
      const ly = (y1 + y2) / 2;
      const tw = e.label.length * 7.6 + 10;
      labelLayer.append(s('g', { class: 'edge-label' + (on ? ' on-route' : ''), dataset: { from: e.from, to: e.to } },
        s('rect', { x: String(lx - tw / 2), y: String(ly - 10), width: String(tw), height: '20', rx: '4' }),
        s('text', { x: String(lx), y: String(ly + 5), 'text-anchor': 'middle' }, e.label)));
    }
  }
  const nodeLayer = s('g', { class: 'nodes' });
  for (const [id, b] of boxes) {
    const kind = b.node.kind === 'pathway' ? 'pathway' : 'decision';
    const cls = ['node', 'node-' + kind, onRoute.has(id) ? 'on-route' : '', id === last ? 'current' : ''].join(' ').trim();
    const text = s('text', { x: String(b.x + b.w / 2), y: String(b.y + 9 + LINE_H - 4), 'text-anchor': 'middle' },
      b.lines.map((ln, i) => s('tspan', { x: String(b.x + b.w / 2), dy: i ? String(LINE_H) : '0' }, ln)));
    nodeLayer.append(s('g', { class: cls, dataset: { node: id } },
      s('rect', { x: String(b.x), y: String(b.y), width: String(b.w), height: String(b.h), rx: kind === 'pathway' ? '4' : '14' }),
      text));
  }
  svg.append(edgeLayer, nodeLayer, labelLayer);
  return { svg, routeIds, edgeLabel };
}

/** Shows the diagram full screen at its natural size (text at 14 px or more), scrolling both ways. */
function openFullScreen(algo, geo, route, opener) {
  const { svg } = buildSvg(algo, geo, route, '-full');
  svg.style.width = geo.width + 'px';
  const close = h('button', { type: 'button', class: 'diagram-close' }, 'Close');
  const dialog = h('dialog', { class: 'diagram-full', 'aria-labelledby': 'diagram-full-title' },
    h('div', { class: 'diagram-full-head' }, h('h3', { id: 'diagram-full-title' }, 'Algorithm: ', algo.title || algo.id), close),
    h('div', { class: 'diagram-full-body', tabindex: '0', role: 'group', 'aria-labelledby': 'diagram-full-title' }, svg));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { dialog.remove(); opener.focus(); });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  // open on this case's place in the chart
  const current = dialog.querySelector('.node.current') || dialog.querySelector('.node.on-route');
  if (current) current.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
}

// The layout depends on the algorithm alone (the questionnaire's, fixed for
// the page's life): computed once per algorithm, not on every change of answer.
const layouts = new WeakMap();

/** The layout of one algorithm, computed on first use and kept. */
export function layoutOf(algo) {
  let geo = layouts.get(algo);
  if (!geo) {
    geo = layout(algo);
    layouts.set(algo, geo);
  }
  return geo;
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
  const geo = layoutOf(algo);
  const { svg, routeIds, edgeLabel } = buildSvg(algo, geo, route, '');
  const { boxes, width } = geo;
  // never scaled up, nor shrunk below 80% (at most 520 px wide): a wide chart scrolls sideways;
  // "Enlarge" shows it full screen at its natural size
  svg.style.maxWidth = width + 'px';
  svg.style.minWidth = Math.min(Math.round(width * 0.8), 520) + 'px';
  const enlarge = h('button', { type: 'button', class: 'diagram-enlarge', 'aria-haspopup': 'dialog' }, 'Enlarge the diagram');
  enlarge.addEventListener('click', () => openFullScreen(algo, geo, route, enlarge));
  container.append(
    h('h3', { id: 'diagram-title' }, 'Algorithm: ', algo.title || algo.id),
    h('p', { class: 'muted' }, 'The highlighted boxes and arrows are this case\u2019s route.'),
    h('div', { class: 'diagram-tools' }, enlarge),
    h('div', { class: 'diagram-scroll', tabindex: '0', role: 'group', 'aria-labelledby': 'diagram-title' }, svg),
    routeIds.length ? h('ol', { class: 'route-list', 'aria-label': 'Route of this case' }, routeIds.map((id, i) => {
      const answer = i + 1 < routeIds.length ? edgeLabel(id, routeIds[i + 1]) : null;
      return h('li', {}, boxes.get(id).node.label || id, answer ? h('span', { class: 'route-answer' }, ' → ' + answer) : null);
    })) : null);
  return algo;
}

// One source for the route (issue 8, item 7): for one case per pathway code,
// the module's `algorithm` names a diagram of the questionnaire, its `route`
// is a path through that diagram from "primary" to the pathway code, and the
// page's highlight (web/js/diagram.js) is exactly the route's nodes and the
// edges between consecutive route nodes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm } from './harness.mjs';
import { findAlgorithm, routeHighlight } from '../../web/js/diagram.js';
import { PATHWAY_CASES, PATHWAY_CODES } from './pathway-cases.mjs';

const edgeKey = (from, to) => from + '\u0000' + to;

test('the cases cover every pathway code of the contract and of the questionnaire', async () => {
  const q = JSON.parse((await wasm()).questionnaire());
  assert.deepEqual(new Set(PATHWAY_CASES.map((c) => c.pathway)), new Set(PATHWAY_CODES));
  assert.deepEqual(new Set(q.pathways.map((p) => p.code)), new Set(PATHWAY_CODES));
});

for (const c of PATHWAY_CASES) {
  test(`${c.pathway} (${c.why}): the route runs through the named algorithm`, async () => {
    const m = await wasm();
    const q = JSON.parse(m.questionnaire());
    const r = JSON.parse(m.evaluate(JSON.stringify(c.case)));
    assert.equal(r.status, 'ok', JSON.stringify(r.errors));
    assert.equal(r.pathway.code, c.pathway);
    assert.ok(!r.warnings.some((w) => w.code === 'CHECK_ANSWERS'), 'the case does not contradict itself');
    assert.equal(r.algorithm, c.algorithm);
    assert.deepEqual(r.route, c.route, 'the full route, intermediate nodes included');

    const algo = findAlgorithm(q.algorithms, r.algorithm);
    assert.ok(algo, `the questionnaire has the algorithm "${r.algorithm}"`);
    const nodes = new Set(algo.nodes.map((n) => n.id));
    const edges = new Set(algo.edges.map((e) => edgeKey(e.from, e.to)));
    assert.equal(r.route[0], 'primary');
    assert.equal(r.route[r.route.length - 1], r.pathway.code);
    assert.equal(algo.nodes.find((n) => n.id === r.pathway.code).kind, 'pathway');
    for (const id of r.route) assert.ok(nodes.has(id), `${id} is a node of ${algo.id}`);
    for (let i = 1; i < r.route.length; i += 1) {
      assert.ok(edges.has(edgeKey(r.route[i - 1], r.route[i])), `${r.route[i - 1]} -> ${r.route[i]} is an edge of ${algo.id}`);
    }

    // the page highlights exactly these nodes and edges, and ends at the pathway
    const hl = routeHighlight(r.route);
    assert.deepEqual([...hl.nodes].sort(), [...new Set(c.route)].sort());
    assert.deepEqual([...hl.edges].sort(), c.route.slice(1).map((to, i) => edgeKey(c.route[i], to)).sort());
    assert.equal(hl.last, c.pathway);
  });
}

test('together the cases pass along every edge of every algorithm (no edge the decision never takes)', async () => {
  const q = JSON.parse((await wasm()).questionnaire());
  const taken = new Map(q.algorithms.map((a) => [a.id, new Set()]));
  for (const c of PATHWAY_CASES) {
    for (let i = 1; i < c.route.length; i += 1) taken.get(c.algorithm).add(edgeKey(c.route[i - 1], c.route[i]));
  }
  for (const a of q.algorithms) {
    for (const e of a.edges) assert.ok(taken.get(a.id).has(edgeKey(e.from, e.to)), `${a.id}: ${e.from} -> ${e.to} is taken by a case`);
  }
});

test('a result naming no known algorithm draws nothing, rather than a guessed one', () => {
  assert.equal(findAlgorithm([{ id: 'colorectal', nodes: [], edges: [] }], 'breast'), null);
  assert.equal(findAlgorithm(undefined, 'breast'), null);
  assert.deepEqual([...routeHighlight(undefined).nodes], []);
});

test('the diagram\'s layout is computed once per algorithm, not on every change of answer', async () => {
  const { layoutOf } = await import('../../web/js/diagram.js');
  const q = JSON.parse((await wasm()).questionnaire());
  for (const algo of q.algorithms) {
    const first = layoutOf(algo);
    assert.ok(first.boxes.size > 0, algo.id);
    assert.equal(layoutOf(algo), first, `${algo.id}: the same layout object the second time`);
  }
});

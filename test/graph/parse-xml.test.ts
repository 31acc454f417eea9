import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { edgeArrays, parseGexf, parseGml, parseGraphml } from '../../src/graph/index.ts';
import { writeGexf, writeGraphml, type ExportEdge, type ExportNode } from '../../src/map/export.ts';
import { FIXTURES } from './support.ts';

const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes>
      <node id="a" label="Ann &amp; co"/>
      <node id="b"/>
      <node id="b"/>
      <node label="no id"/>
    </nodes>
    <edges>
      <edge source="a" target="b" weight="2.5"/>
      <edge source="a" target="zz"/>
      <edge source="a" target="b" weight="heavy"/>
      <edge source="a" target="a"/>
      <edge source="a" target="b"/>
    </edges>
  </graph>
</gexf>`;

test('GEXF: nodes, labels, weights, direction; each bad element reported with its line, the rest loads', () => {
  const r = parseGexf(GEXF);
  assert.equal(r.directed, true);
  assert.deepEqual(r.ids, ['a', 'b']);
  assert.deepEqual(r.labels, ['Ann & co', 'b']);
  assert.equal(r.graph.m, 2);
  assert.deepEqual(r.errors, [
    { line: 7, message: 'node id "b" declared twice' },
    { line: 8, message: 'node without an id' },
    { line: 12, message: 'edge target "zz" is not a declared node id' },
    { line: 13, message: 'edge weight "heavy" is not a number' },
  ]);
  assert.deepEqual(r.warnings, [{ line: 14, message: 'self-loop on a' }, { line: 15, message: 'duplicate of the edge on line 11 (merged)' }]);
});

test('GraphML: labels and weights from keys, edgedefault, unknown ids', () => {
  const text = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
    <node id="n0"><data key="d0">Zoé</data></node>
    <node id="n1"/>
    <edge source="n0" target="n1"><data key="d1">1.5</data></edge>
    <edge source="n0" target="n9"/>
    <edge source="n1" target="n0"><data key="d1">x</data></edge>
  </graph>
</graphml>`;
  const r = parseGraphml(text);
  assert.equal(r.directed, false);
  assert.deepEqual(r.labels, ['Zoé', 'n1']);
  assert.equal(r.graph.m, 1);
  assert.deepEqual([...r.graph.weights!], [1.5, 1.5]);
  assert.deepEqual(r.errors, [{ line: 9, message: 'edge target "n9" is not a declared node id' }, { line: 10, message: 'edge weight "x" is not a number' }]);
});

test('a file that is not the format it claims is refused at line 1', () => {
  assert.deepEqual(parseGexf('source,target\na,b\n').errors, [{ line: 1, message: 'not a GEXF file: no XML element found' }]);
  assert.deepEqual(parseGraphml(GEXF).errors, [{ line: 1, message: 'not a GraphML file: the root element is <gexf>, not <graphml>' }]);
  assert.equal(parseGexf('<gexf></gexf>').errors[0]!.message, 'no <graph> element');
});

test("Les Misérables round-trips through relais's GEXF and GraphML writers", () => {
  const gml = parseGml(fs.readFileSync(path.join(FIXTURES, 'lesmis.gml'), 'utf8'));
  const nodes: ExportNode[] = gml.ids.map((id, i) => ({ id, label: gml.labels[i]!, network: 'import', community: i % 3, influence: i, followers: 0, affiliation: i === 0 ? 'brand' : null }));
  const arrays = edgeArrays(gml.graph);
  const edges: ExportEdge[] = Array.from(arrays.sources, (u, e) => ({ source: gml.ids[u]!, target: gml.ids[arrays.targets[e]!]!, strength: arrays.weights![e]!, strong: e % 2 === 0, kinds: ['follows', 'reply'] }));
  for (const [format, text] of [['gexf', writeGexf(nodes, edges, '2026-11-22', 'Les Misérables & co')], ['graphml', writeGraphml(nodes, edges, 'Les Misérables')]] as const) {
    const back = format === 'gexf' ? parseGexf(text) : parseGraphml(text);
    assert.deepEqual(back.errors, [], format);
    assert.equal(back.directed, false);
    assert.equal(back.graph.n, gml.graph.n, format);
    assert.equal(back.graph.m, gml.graph.m, format);
    assert.deepEqual(back.labels, gml.labels, format);
    const total = (w: Float64Array) => w.reduce((s, x) => s + x, 0);
    assert.ok(Math.abs(total(back.graph.weights!) - total(gml.graph.weights!)) < 1e-9, format);
  }
});

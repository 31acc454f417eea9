import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../src/graph/parse-csv.ts';
import { forEachLine, parseSnap } from '../../src/graph/parse.ts';
import { parseGml } from '../../src/graph/parse-gml.ts';
import { karate, lesmis, reference } from './support.ts';

test('karate.txt (SNAP-style, 1-based ids) loads 34 nodes and 78 edges', () => {
  const k = karate();
  assert.deepEqual([k.graph.n, k.graph.m, k.errors.length, k.warnings.length], [34, 78, 0, 0]);
  assert.deepEqual(k.ids.slice(0, 3), [1, 2, 3]);
  assert.equal(k.indexOf.get(34), k.ids.indexOf(34));
});

test('lesmis.gml (CRLF, weighted) loads 77 nodes, 254 edges, labels and values', () => {
  const l = lesmis();
  assert.deepEqual([l.graph.n, l.graph.m, l.errors.length], [77, 254, 0]);
  assert.deepEqual(l.labels, reference.lesmis.labels);
  assert.equal(l.labels[0], 'Myriel');
  let total = 0;
  for (const w of l.graph.weights!) total += w;
  assert.equal(total / 2, 820); // sum of `value` over the 254 edges
});

test('every line end counts once: LF, CRLF, CR, and CR CR LF', () => {
  const lines = (text: string): Array<[string, number]> => {
    const out: Array<[string, number]> = [];
    forEachLine(text, (s, e, line) => out.push([text.slice(s, e), line]));
    return out;
  };
  assert.deepEqual(lines('a\nb\r\nc\rd\r\r\ne'), [['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5]]);
  assert.deepEqual(lines('a\r\rb'), [['a', 1], ['', 2], ['b', 3]]);
  for (const eol of ['\n', '\r\n', '\r', '\r\r\n']) {
    const r = parseSnap(['# header', '1\t2', '2 3', 'oops'].join(eol) + eol);
    assert.equal(r.graph.m, 2, JSON.stringify(eol));
    assert.deepEqual(r.errors, [{ line: 4, message: 'expected "source target [weight]", found 1 field' }]);
  }
});

test('SNAP: bad lines are reported with their number and skipped; the rest loads', () => {
  const text = ['# comment', '% also a comment', '1 2', 'x 3', '3 y', '4 5 heavy', '1 2 3 4', '', '5 6 2.5', '-', '7 7', '2 1'].join('\n');
  const r = parseSnap(text);
  assert.deepEqual(r.errors, [
    { line: 4, message: 'source "x" is not an integer id' },
    { line: 5, message: 'target "y" is not an integer id' },
    { line: 6, message: 'weight "heavy" is not a number' },
    { line: 7, message: 'expected "source target [weight]", found 4 fields' },
    { line: 10, message: 'expected "source target [weight]", found 1 field' },
  ]);
  assert.deepEqual(r.warnings, [
    { line: 11, message: 'self-loop on 7' },
    { line: 12, message: 'duplicate of the edge on line 3 (merged)' },
  ]);
  assert.deepEqual(r.ids, [1, 2, 5, 6, 7]);
  assert.equal(r.graph.m, 3);
  assert.ok(r.graph.weights);
});

test('SNAP: duplicates kept when dedupe is off, loops dropped on request, directed', () => {
  const r = parseSnap('1 2\n2 1\n1 2\n3 3\n', { dedupe: false, dropSelfLoops: true, directed: true });
  assert.equal(r.graph.m, 3);
  assert.deepEqual(r.warnings.map((w) => w.message), ['duplicate of the edge on line 1', 'self-loop on 3 (dropped)']);
});

test('SNAP: error lists are capped with a count of the rest', () => {
  const r = parseSnap('a b\n'.repeat(30), { maxErrors: 5 });
  assert.equal(r.errors.length, 6);
  assert.equal(r.errors.at(-1)!.message, '25 more errors not listed');
});

test('CSV: header detected, named columns, quotes, weights; errors by line', () => {
  const text = 'Source,Target,Weight\nann,bob,2\n"smith, jo",ann,1.5\nbob,cy,much\nbob,\n"open,ann\n\ncy,ann,1e1\n';
  const r = parseCsv(text);
  assert.deepEqual(r.ids, ['ann', 'bob', 'smith, jo', 'cy']);
  assert.deepEqual(r.errors, [
    { line: 4, message: 'weight "much" is not a number' },
    { line: 5, message: 'missing target (column 2)' },
    { line: 6, message: 'unterminated quoted field' },
  ]);
  assert.equal(r.graph.m, 3);
});

test('TSV without header; chosen columns by index or name', () => {
  const r = parseCsv('a\tb\nb\tc\n');
  assert.deepEqual([r.ids, r.graph.m, r.graph.weights], [['a', 'b', 'c'], 2, undefined]);
  const byName = parseCsv('when;to;from;n\n1;x;y;3\n', { delimiter: ';', source: 'from', target: 'to', weight: 'n' });
  assert.deepEqual([byName.ids, [...byName.graph.weights!]], [['y', 'x'], [3, 3]]);
  const missing = parseCsv('a,b\n1,2\n', { header: true, source: 'from' });
  assert.deepEqual(missing.errors, [{ line: 1, message: 'no source column "from"' }]);
});

test('GML: unknown node ids, missing ids and bad values are reported; the rest loads', () => {
  const text = [
    'Creator "test"',
    'graph [',
    '  directed 1',
    '  node [ id 1 label "a" ]',
    '  node [ id 2 ]',
    '  node [ label "no id" ]',
    '  node [ id 2 ]',
    '  edge [ source 1 target 2 value 3 ]',
    '  edge [ source 1 target 9 ]',
    '  edge [ source 2 target 1 weight "x" ]',
    ']',
  ].join('\r\n');
  const r = parseGml(text);
  assert.equal(r.graph.directed, true);
  assert.deepEqual(r.ids, [1, 2]);
  assert.deepEqual(r.labels, ['a', '2']);
  assert.equal(r.graph.m, 1);
  assert.deepEqual(r.errors, [
    { line: 6, message: 'node without an integer id' },
    { line: 7, message: 'node id 2 declared twice' },
    { line: 9, message: 'edge target 9 is not a declared node id' },
    { line: 10, message: 'edge weight is not a number' },
  ]);
});

test('GML: a file that is not GML is reported, not thrown', () => {
  assert.deepEqual(parseGml('1 2\n2 3\n').errors, [{ line: 1, message: 'expected a key, found "1 2"' }]);
  assert.deepEqual(parseGml('').errors, [{ line: 1, message: 'no "graph [ … ]" block' }]);
  const cut = parseGml('graph [\n node [ id 0 ]\n node [ id 1 ]\n edge [ source 0 target 1 ]\n edge [ source');
  assert.deepEqual([cut.graph.m, cut.errors], [1, [{ line: 5, message: '"source" has no value' }]]);
});

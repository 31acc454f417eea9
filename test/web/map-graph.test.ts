// Map's web pieces that are plain functions: the addresses, the palette (readable on the
// canvas), node sizes, the graph handed to sigma (bad ties left out, communities in their own
// discs), the account search, skills as typed, and the format a file's name suggests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatOfFile } from '../../web/src/map/import-formats.ts';
import { isMapPath, mapPath, parseMapPath } from '../../web/src/map/map-routes.ts';
import { buildNetworkGraph, communityDiscs } from '../../web/src/map/network-graph.ts';
import { searchNodes } from '../../web/src/map/network-search.ts';
import { CANVAS_BACKGROUND, COMMUNITY_COLOURS, communityColours, contrast, GOLDEN_TIE_COLOUR, MAX_NODE_SIZE, MIN_NODE_SIZE, nodeScale, nodeSize, OTHER_COLOUR, STRONG_TIE_COLOUR } from '../../web/src/map/palette.ts';
import { parseSkills } from '../../web/src/map/skills.ts';
import type { Network, NetworkNode } from '../../web/src/map/types.ts';
import { parseRoute } from '../../web/src/shell/router.ts';

test('Map addresses', () => {
  assert.deepEqual(parseMapPath([]), { tab: 'network', focus: null, depth: 1, account: null });
  assert.deepEqual(parseMapPath([], '?focus=12&depth=2&account=7'), { tab: 'network', focus: 12, depth: 2, account: 7 });
  assert.deepEqual(parseMapPath([], '?focus=0&depth=3'), { tab: 'network', focus: null, depth: 1, account: null });
  assert.deepEqual(parseMapPath(['influencers'], '?account=5'), { tab: 'influencers', account: 5 });
  assert.deepEqual(parseMapPath(['help']), { tab: 'help' });
  assert.deepEqual(parseMapPath(['data']), { tab: 'data' });
  assert.equal(parseMapPath(['nope']), null);
  assert.equal(isMapPath(['help', 'x']), false);
  assert.equal(mapPath('a b', { tab: 'network', focus: 3, depth: 2, account: 3 }), '/w/a%20b/map?focus=3&depth=2&account=3');
  assert.equal(mapPath('cimes', { tab: 'network', focus: null, depth: 2, account: null }), '/w/cimes/map');
  assert.equal(mapPath('cimes', { tab: 'influencers', account: 9 }), '/w/cimes/map/influencers?account=9');
  for (const view of [{ tab: 'help' } as const, { tab: 'data' } as const, { tab: 'influencers', account: null } as const]) {
    const path = mapPath('cimes', view);
    assert.deepEqual(parseMapPath(path.split('?')[0]!.split('/').slice(4)), view);
  }
  assert.deepEqual(parseRoute('/w/cimes/map/influencers', ''), { name: 'workspace', workspace: 'cimes', page: 'map' });
  assert.deepEqual(parseRoute('/w/cimes/map/extra/more', ''), { name: 'not-found' });
});

test('community colours are told apart and stand out on the white canvas (3:1, WCAG 1.4.11)', () => {
  assert.equal(new Set(COMMUNITY_COLOURS).size, COMMUNITY_COLOURS.length);
  for (const colour of [...COMMUNITY_COLOURS, OTHER_COLOUR, STRONG_TIE_COLOUR, GOLDEN_TIE_COLOUR]) {
    assert.ok(contrast(colour, CANVAS_BACKGROUND) >= 3, `${colour} on ${CANVAS_BACKGROUND}: ${contrast(colour, CANVAS_BACKGROUND).toFixed(2)}`);
  }
  const colours = communityColours([
    { id: 4, size: 10 },
    { id: 1, size: 300 },
    ...Array.from({ length: 14 }, (_, i) => ({ id: 100 + i, size: 5 })),
  ]);
  assert.equal(colours.get(1), COMMUNITY_COLOURS[0], 'the largest community gets the first colour');
  assert.equal(colours.get(4), COMMUNITY_COLOURS[1]);
  assert.equal(colours.get(113), OTHER_COLOUR, 'past twelve, the rest share the grey');
});

test('a node’s size grows with its influence, within bounds', () => {
  assert.equal(nodeSize(0), MIN_NODE_SIZE);
  assert.equal(nodeSize(100), MAX_NODE_SIZE);
  assert.equal(nodeSize(-5), MIN_NODE_SIZE);
  assert.equal(nodeSize(500), MAX_NODE_SIZE);
  assert.ok(nodeSize(10) < nodeSize(40) && nodeSize(40) < nodeSize(90));
  assert.equal(nodeScale(500), 1);
  assert.equal(nodeScale(2_000), 1);
  assert.ok(nodeScale(8_000) < 1 && nodeScale(8_000) > nodeScale(20_000));
  assert.equal(nodeScale(1_000_000), 0.45);
  assert.equal(nodeSize(100, 0.5), MAX_NODE_SIZE / 2);
});

function node(id: number, community: number, extra: Partial<NetworkNode> = {}): NetworkNode {
  return { id, handle: `user${id}`, displayName: `User ${id}`, network: 'mastodon', community, influence: id, followers: 10 * id, affiliation: null, ...extra };
}

test('the graph for sigma keeps the accounts and the valid ties only', () => {
  const network: Network = {
    nodes: [node(1, 0), node(2, 0), node(3, 1), node(3, 1), node(4, -1)],
    edges: [
      { source: 1, target: 2, strength: 0.9, strong: true, kinds: ['reply'] },
      { source: 1, target: 2, strength: 0.9, strong: true, kinds: ['reply'] }, // repeated
      { source: 2, target: 3, strength: 0.1, strong: false, kinds: ['mention'] },
      { source: 3, target: 3, strength: 0.5, strong: false, kinds: [] }, // self-loop
      { source: 3, target: 99, strength: 0.5, strong: false, kinds: [] }, // unknown end
    ],
    communities: [
      { id: 0, size: 2, label: 'A' },
      { id: 1, size: 1, label: 'B' },
    ],
    sampled: false,
    totalNodes: 4,
    totalEdges: 2,
  };
  const graph = buildNetworkGraph(network);
  assert.equal(graph.order, 4);
  assert.equal(graph.size, 2);
  assert.equal(graph.getNodeAttribute('1', 'color'), COMMUNITY_COLOURS[0]);
  assert.equal(graph.getNodeAttribute('3', 'color'), COMMUNITY_COLOURS[1]);
  assert.equal(graph.getNodeAttribute('4', 'color'), OTHER_COLOUR);
  assert.equal(graph.getNodeAttribute('2', 'label'), 'User 2');
  assert.equal(graph.getEdgeAttribute(graph.edge('1', '2')!, 'strong'), true);
  assert.equal(graph.getEdgeAttribute(graph.edge('2', '3')!, 'type'), 'fine');
  graph.forEachNode((_, a) => assert.ok(Number.isFinite(a.x) && Number.isFinite(a.y) && a.size >= MIN_NODE_SIZE));
  assert.equal(buildNetworkGraph({ ...network, nodes: [], edges: [] }).order, 0, 'an empty network is an empty graph');
});

test('the first layout puts each community in its own disc, the same way every time', () => {
  const nodes = [...Array.from({ length: 400 }, (_, i) => node(i + 1, 0)), ...Array.from({ length: 100 }, (_, i) => node(1000 + i, 1)), ...Array.from({ length: 30 }, (_, i) => node(2000 + i, 2))];
  const discs = communityDiscs(nodes);
  const list = [...discs.values()];
  for (let a = 0; a < list.length; a += 1) {
    for (let b = a + 1; b < list.length; b += 1) {
      const [p, q] = [list[a]!, list[b]!];
      assert.ok(Math.hypot(p.x - q.x, p.y - q.y) >= p.radius + q.radius, 'discs do not overlap');
    }
  }
  const network: Network = { nodes, edges: [], communities: [], sampled: false, totalNodes: nodes.length, totalEdges: 0 };
  const one = buildNetworkGraph(network);
  const two = buildNetworkGraph(network);
  one.forEachNode((key, a) => {
    assert.deepEqual([a.x, a.y], [two.getNodeAttribute(key, 'x'), two.getNodeAttribute(key, 'y')]);
    const disc = discs.get(a.community)!;
    assert.ok(Math.hypot(a.x - disc.x, a.y - disc.y) <= disc.radius + 1e-9, `node ${key} lies in its community's disc`);
  });
});

test('the account search finds by handle or name, accents and case aside, most influential first', () => {
  const nodes = [node(1, 0, { handle: 'helene_c', displayName: 'Hélène Castel', influence: 20 }), node(2, 0, { handle: 'castelmaure', displayName: 'Domaine', influence: 80 }), node(3, 0, { handle: 'zed', displayName: 'Marc Castel', influence: 50 }), node(4, 0, { handle: 'other', displayName: 'Bob' })];
  assert.deepEqual(searchNodes(nodes, 'castel').map((n) => n.id), [2, 3, 1]);
  assert.deepEqual(searchNodes(nodes, '@HELENE').map((n) => n.id), [1]);
  assert.deepEqual(searchNodes(nodes, 'ene').map((n) => n.id), [1], 'inside a word, after the prefixes');
  assert.deepEqual(searchNodes(nodes, '  '), []);
  assert.equal(searchNodes(nodes, 'castel', 2).length, 2);
});

test('skills as typed: trimmed, lower-cased, no repeats', () => {
  assert.deepEqual(parseSkills(' Wine, hiking ;  Ski touring\n wine ,, '), ['wine', 'hiking', 'ski touring']);
  assert.deepEqual(parseSkills(''), []);
});

test('the format a file’s name suggests', () => {
  assert.equal(formatOfFile('ties.CSV'), 'csv');
  assert.equal(formatOfFile('facebook_combined.txt'), 'snap');
  assert.equal(formatOfFile('les-miserables.gexf'), 'gexf');
  assert.equal(formatOfFile('karate.graphml'), 'graphml');
  assert.equal(formatOfFile('karate.gml'), 'gml');
  assert.equal(formatOfFile('graph'), null);
});

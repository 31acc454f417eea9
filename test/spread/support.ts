// A small hand-made SpreadWorld whose answers can be worked out by hand.
import { buildGraph } from '../../src/graph/index.ts';
import { reciprocalTies, type SpreadAccount, type SpreadWorld } from '../../src/spread/world.ts';

/**
 * 0 brand (48,200 followers, most off the graph), 1–3 employees, 4–5 bloggers, 6–11 people.
 * Follows (u → v: u follows v): 0↔1 and 0↔2 (strong), 3 → 0 (weak); 6, 7, 8 → 1;
 * 7, 8, 9 → 2; 10 → 3; 9, 10, 11 → 4; 11 → 5.
 */
export function smallWorld(options: { arcs?: boolean } = {}): SpreadWorld {
  const names: Array<[string, string | null, boolean, number, string]> = [
    ['cimes', 'brand', false, 48_200, 'organisation'], ['e1', 'employee', false, 4, 'person'], ['e2', 'employee', false, 4, 'person'],
    ['e3', 'employee', false, 1, 'person'], ['b1', null, true, 3, 'person'], ['b2', null, true, 1, 'person'],
    ['f6', null, false, 0, 'person'], ['f7', null, false, 0, 'person'], ['f8', null, false, 0, 'person'], ['f9', null, false, 0, 'person'],
    ['f10', null, false, 0, 'person'], ['f11', null, false, 0, 'person'],
  ];
  const accounts: SpreadAccount[] = names.map(([handle, affiliation, blogger, followers, kind], i) => ({
    id: 100 + i, handle, network: 'mastodon', name: handle.toUpperCase(), followers, kind, affiliation, blogger,
  }));
  const arcs: Array<[number, number]> = options.arcs === false ? [] : [
    [0, 1], [1, 0], [0, 2], [2, 0], [3, 0], [6, 1], [7, 1], [8, 1], [7, 2], [8, 2], [9, 2], [10, 3], [9, 4], [10, 4], [11, 4], [11, 5],
  ];
  const graph = buildGraph({ n: accounts.length, sources: arcs.map((a) => a[0]), targets: arcs.map((a) => a[1]), directed: true }, { dedupe: true, dropSelfLoops: true });
  const ties = reciprocalTies(graph);
  return { graph, accounts, strength: ties.strength, strong: ties.strong, ties: 'reciprocal-follows' };
}

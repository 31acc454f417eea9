// The network answer (nodes, ties, communities) as a graphology graph ready for sigma: colours,
// sizes, labels, and a first layout in which each community already sits in its own disc, so
// that the first frame means something before ForceAtlas2 refines it.
import { DirectedGraph } from 'graphology';
import { communityColours, nodeScale, nodeSize, OTHER_COLOUR, STRONG_TIE_COLOUR, WEAK_TIE_COLOUR } from './palette.ts';
import { NO_COMMUNITY, type Network, type NetworkNode } from './types.ts';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** The account's id in the API. */
  id: number;
  handle: string;
  /** NO_COMMUNITY (-1) when in none. */
  community: number;
  influence: number;
  followers: number;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  type: 'fine' | 'thick';
  strong: boolean;
  /** Tie strength 0–1: ForceAtlas2's edge weight. */
  weight: number;
}

export type NetworkGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/** Golden angle: successive communities spiral out without lining up (Vogel 1979, "A better way to construct the sunflower head"). */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Two numbers in [0, 1) from an id: the same node always starts at the same place. */
function hashPair(id: number): [number, number] {
  // splitmix32-style integer mixing
  let h = (id * 0x9e3779b1) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  const a = (h >>> 0) / 4294967296;
  let k = Math.imul(h ^ 0x5bd1e995, 0x27d4eb2d);
  k ^= k >>> 15;
  return [a, (k >>> 0) / 4294967296];
}

/** The label shown beside a node: its display name, else its handle. */
export function nodeLabel(node: Pick<NetworkNode, 'handle' | 'displayName'>): string {
  return node.displayName?.trim() || node.handle;
}

/** Community id → the centre and radius of its disc in the first layout. */
export function communityDiscs(nodes: readonly NetworkNode[]): Map<number, { x: number; y: number; radius: number }> {
  const sizes = new Map<number, number>();
  for (const node of nodes) sizes.set(node.community, (sizes.get(node.community) ?? 0) + 1);
  const ranked = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const discs = new Map<number, { x: number; y: number; radius: number }>();
  let placed = 0;
  ranked.forEach(([community, size], rank) => {
    const radius = Math.sqrt(size);
    // The disc's distance from the centre grows with the area already placed.
    const distance = rank === 0 ? 0 : 1.6 * Math.sqrt(placed) + radius;
    discs.set(community, { x: distance * Math.cos(rank * GOLDEN_ANGLE), y: distance * Math.sin(rank * GOLDEN_ANGLE), radius });
    placed += size;
  });
  return discs;
}

/**
 * The graph for sigma, coloured by `colours` (community id → colour: pass the workspace's, so
 * that an ego network keeps the colours of the whole). Ties whose ends are not both in the answer, self-loops and repeated ties
 * are left out (the API should not send them; the picture must not break if it does).
 */
export function buildNetworkGraph(network: Network, colours: ReadonlyMap<number, string> = communityColours(network.communities)): NetworkGraph {
  const graph: NetworkGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>({ multi: false, allowSelfLoops: false });
  const discs = communityDiscs(network.nodes);
  const scale = nodeScale(network.nodes.length);
  for (const node of network.nodes) {
    const key = String(node.id);
    if (graph.hasNode(key)) continue;
    const disc = discs.get(node.community) ?? { x: 0, y: 0, radius: 1 };
    const [u, v] = hashPair(node.id);
    const r = disc.radius * Math.sqrt(u);
    graph.addNode(key, {
      x: disc.x + r * Math.cos(2 * Math.PI * v),
      y: disc.y + r * Math.sin(2 * Math.PI * v),
      size: nodeSize(node.influence, scale),
      color: node.community === NO_COMMUNITY ? OTHER_COLOUR : (colours.get(node.community) ?? OTHER_COLOUR),
      label: nodeLabel(node),
      id: node.id,
      handle: node.handle,
      community: node.community,
      influence: node.influence,
      followers: node.followers,
    });
  }
  for (const edge of network.edges) {
    const source = String(edge.source);
    const target = String(edge.target);
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target) || graph.hasEdge(source, target)) continue;
    graph.addEdge(source, target, {
      size: edge.strong ? 1.5 : 0.5,
      color: edge.strong ? STRONG_TIE_COLOUR : WEAK_TIE_COLOUR,
      type: edge.strong ? 'thick' : 'fine',
      strong: edge.strong,
      weight: Math.max(edge.strength, 0.01),
    });
  }
  return graph;
}

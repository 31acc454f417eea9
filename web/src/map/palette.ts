// How the network is drawn: one colour per community, a size per influence, a colour per tie.
// Plain functions over plain data (tested in test/web/map-graph.test.ts).
//
// The community colours are a qualitative palette in the spirit of Tableau 10 and Okabe & Ito
// (2008, "Color Universal Design"), darkened where needed so that each reaches 3:1 against the
// canvas's white (WCAG 2.1, 1.4.11 non-text contrast) and can be told apart by hue.

/** Colours of communities, by rank of size (the largest community first). */
export const COMMUNITY_COLOURS = [
  '#1f6fb4', // blue
  '#c2410c', // orange
  '#237a3b', // green
  '#b3195a', // raspberry
  '#6a35c9', // violet
  '#0e7c86', // teal
  '#8a5a00', // ochre
  '#b42318', // red
  '#4f6b12', // olive
  '#9c3fa8', // orchid
  '#3b5a8f', // slate blue
  '#7a4b3a', // brown
] as const;

/** Nodes outside any community (or beyond the palette's twelve): a neutral grey. */
export const OTHER_COLOUR = '#6b7788';
export const CANVAS_BACKGROUND = '#ffffff';
export const STRONG_TIE_COLOUR = '#44546a';
export const WEAK_TIE_COLOUR = '#c3cad5';
export const GOLDEN_TIE_COLOUR = '#b07800';
export const FADED_COLOUR = '#e6e9ee';

/** Community id → colour: the largest communities get the palette, the rest share the grey. */
export function communityColours(communities: ReadonlyArray<{ id: number; size: number }>): Map<number, string> {
  const ranked = [...communities].sort((a, b) => b.size - a.size || a.id - b.id);
  const colours = new Map<number, string>();
  ranked.forEach((community, rank) => colours.set(community.id, COMMUNITY_COLOURS[rank] ?? OTHER_COLOUR));
  return colours;
}

export const MIN_NODE_SIZE = 1.5;
export const MAX_NODE_SIZE = 11;

/**
 * A node's radius in pixels for an influence of 0–100: its area grows with the influence.
 * `scale` (nodeScale) shrinks the nodes of large graphs, which would otherwise cover each other
 * and cost the renderer millions of pixels per frame.
 */
export function nodeSize(influence: number, scale = 1): number {
  const share = Math.min(Math.max(influence, 0), 100) / 100;
  return (MIN_NODE_SIZE + Math.sqrt(share) * (MAX_NODE_SIZE - MIN_NODE_SIZE)) * scale;
}

/** 1 up to 2,000 nodes, then shrinking with √n, never below 0.45 (20,000 nodes). */
export function nodeScale(order: number): number {
  return Math.max(0.45, Math.min(1, Math.sqrt(2_000 / Math.max(order, 1))));
}

/** WCAG 2 relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// Finding an account among those drawn: by handle or name, accents and case aside.
import type { NetworkNode } from './types.ts';

/** How many accounts the search offers as you type. */
export const SUGGESTIONS = 8;

/** Accounts whose name or handle starts with (then contains) the text, most influential first. */
export function searchNodes(nodes: readonly NetworkNode[], text: string, limit = SUGGESTIONS): NetworkNode[] {
  const needle = fold(text.trim().replace(/^@/, ''));
  if (!needle) return [];
  const starts: NetworkNode[] = [];
  const contains: NetworkNode[] = [];
  for (const node of nodes) {
    const handle = fold(node.handle);
    const name = fold(node.displayName ?? '');
    if (handle.startsWith(needle) || name.startsWith(needle) || name.split(/\s+/).some((word) => word.startsWith(needle))) starts.push(node);
    else if (handle.includes(needle) || name.includes(needle)) contains.push(node);
  }
  const byInfluence = (a: NetworkNode, b: NetworkNode) => b.influence - a.influence || a.id - b.id;
  return [...starts.sort(byInfluence), ...contains.sort(byInfluence)].slice(0, limit);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

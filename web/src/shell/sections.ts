// The six capabilities, in the order the product presents them, and the overview counts each
// one already has data for.
import type { CapabilityStatus } from '../api/client.ts';

export const SECTION_IDS = ['listen', 'map', 'spread', 'publish', 'engage', 'reward'] as const satisfies readonly CapabilityStatus['name'][];
export type SectionId = (typeof SECTION_IDS)[number];

/** The overview counts the web app knows how to name (the API may add others). */
export const COUNT_KEYS = ['accounts', 'mentions', 'edges', 'articles', 'challenges'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** The counts shown on a section's page, and on the overview the section each count opens. */
export const SECTION_COUNTS: Record<SectionId, readonly CountKey[]> = {
  listen: ['mentions'],
  map: ['accounts', 'edges'],
  spread: ['accounts', 'edges'],
  publish: ['articles'],
  engage: ['mentions'],
  reward: ['challenges'],
};

export const COUNT_SECTION: Record<CountKey, SectionId> = {
  accounts: 'map',
  mentions: 'listen',
  edges: 'map',
  articles: 'publish',
  challenges: 'reward',
};

// Which Jetstream posts a source keeps: Jetstream sends every post of the network (hundreds a
// second), a source wants those that say one of its keywords or carry one of its hashtags.
// Keywords match whole words, case- and accent-insensitively; "#tag" matches the post's tags
// (facets or written). Pure.
import type { MentionInput } from '../../model.ts';

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

export interface KeywordFilter {
  (mention: Pick<MentionInput, 'text' | 'hashtags'>): boolean;
}

/** E.g. keywordFilter(['relais', '#DSK', 'social listening']). An empty list keeps everything. */
export function keywordFilter(keywords: readonly string[]): KeywordFilter {
  const tags = new Set(keywords.filter((k) => k.startsWith('#')).map((k) => fold(k.slice(1))).filter(Boolean));
  const words = keywords.filter((k) => !k.startsWith('#')).map((k) => fold(k.trim())).filter(Boolean);
  if (tags.size === 0 && words.length === 0) return () => true;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const pattern = escaped.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'u') : null;
  return (m) => m.hashtags.some((h) => tags.has(fold(h))) || (pattern !== null && pattern.test(fold(m.text)));
}

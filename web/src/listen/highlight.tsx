// Marks the searched words in a mention's text, the way the full-text search matched them:
// whole words, ignoring case and accents, the last word also as a prefix (search as you type).
import type { ReactNode } from 'react';

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a search, as the API splits them (platform/db/full-text.ts). */
export function searchWords(text: string): string[] {
  return (text.normalize('NFKC').match(WORD) ?? []).slice(0, 32);
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function highlight(text: string, search: string): ReactNode {
  const words = searchWords(search).map(fold);
  if (words.length === 0) return text;
  const last = words[words.length - 1]!;
  const whole = new Set(words);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    if (!whole.has(word) && !word.startsWith(last)) continue;
    parts.push(text.slice(at, match.index), <mark key={match.index}>{match[0]}</mark>);
    at = match.index + match[0].length;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(at));
  return parts;
}

// Which mentions need a human, and why (pure). A mention is filed when it asks a question
// ('?' or an interrogative word in French or English at the start of a sentence), complains
// (Listen's negative sentiment), names one of the brand's handles, or replies to the brand.

export type Reason = 'question' | 'complaint' | 'brand-mention' | 'reply-to-brand';

// Interrogatives that open a question without a '?' ("how do I reset my password").
// Lists from the Grevisse (§ 390–391, French) and the Cambridge Grammar of English (§ 4.2).
const INTERROGATIVES = [
  'how', 'why', 'what', 'when', 'where', 'who', 'which', 'can', 'could', 'does', 'do', 'is', 'are', 'will', 'would', 'should', 'anyone',
  'comment', 'pourquoi', 'quand', 'où', 'qui', 'quel', 'quelle', 'quels', 'quelles', 'combien', 'est-ce', 'peut-on', 'pouvez-vous', 'savez-vous', 'quelqu\'un',
];
const OPENER = new RegExp(`(?:^|[.!\\n]\\s*)(?:@\\S+\\s+)*(?:${INTERROGATIVES.join('|')})(?=[\\s,]|$)`, 'iu');

export function isQuestion(text: string): boolean {
  // A '?' outside a link (URLs carry query strings).
  if (/\?/.test(text.replace(/https?:\/\/\S+/g, ''))) return true;
  return OPENER.test(text.trim());
}

export interface TriageInput {
  text: string;
  sentiment: string | null;
  /** Handles the mention names (Listen's `mentioned`), without or with '@'. */
  mentioned: readonly string[];
  /** True when it replies to a mention of the brand's own accounts or to a post Publish sent. */
  repliesToBrand: boolean;
}

const bare = (handle: string) => handle.replace(/^@/, '').toLowerCase();

/** The reasons a mention needs a human; empty when it does not. */
export function triage(mention: TriageInput, brandHandles: readonly string[]): Reason[] {
  const reasons: Reason[] = [];
  if (isQuestion(mention.text)) reasons.push('question');
  if (mention.sentiment === 'negative') reasons.push('complaint');
  const brand = new Set(brandHandles.flatMap((h) => [bare(h), bare(h).split('@')[0]!]));
  if (mention.mentioned.some((h) => brand.has(bare(h)) || brand.has(bare(h).split('@')[0]!))) reasons.push('brand-mention');
  if (mention.repliesToBrand) reasons.push('reply-to-brand');
  return reasons;
}

export type Priority = 'urgent' | 'high' | 'normal' | 'low';
export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

/** A complaint from a large audience is urgent; a complaint high; the rest normal. */
export function priorityOf(reasons: readonly Reason[], followers: number): Priority {
  const complaint = reasons.includes('complaint');
  if (complaint && followers >= 10_000) return 'urgent';
  if (complaint) return 'high';
  return 'normal';
}

/** Default first-response targets in minutes, per priority (Sprout Social's benchmark: 24 h is the norm, an hour is what customers expect of a complaint). */
export const DEFAULT_SLA_MINUTES: Record<Priority, number> = { urgent: 30, high: 60, normal: 240, low: 1440 };

/** Fills {firstName}, {name}, {handle} from the author; an unknown variable is left as written. */
export function fillVariables(text: string, author: { displayName: string | null; handle: string | null }): string {
  const name = author.displayName?.trim() || '';
  const values: Record<string, string> = {
    firstName: name.split(/\s+/)[0] || (author.handle ? bare(author.handle).split('@')[0]! : ''),
    name: name || (author.handle ?? ''),
    handle: author.handle ? `@${bare(author.handle)}` : '',
  };
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? values[key]! : whole));
}

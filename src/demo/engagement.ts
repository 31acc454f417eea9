// Engagement counts as the networks report them (they include people outside the demo world):
// likes grow sublinearly with the author's audience, shares and replies are fractions of likes,
// views a multiple. Heavy-tailed noise makes a few items go far. A later pass (world.ts) raises
// shares and replies to at least what the world itself contains.
import type { DemoAccount, Engagement, SourceType } from './model.ts';
import type { Random } from './random.ts';

const ZERO: Engagement = { likes: 0, shares: 0, replies: 0, views: 0 };

export function engagementOf(random: Random, author: DemoAccount, sourceType: SourceType, kind: 'post' | 'reply' | 'reshare' | 'quote', boost = 1): Engagement {
  if (kind === 'reshare') return { ...ZERO };
  const audience = Math.max(1, author.followers);
  const luck = random.logNormal(0, 1.1) * boost;
  if (sourceType === 'news' || sourceType === 'blog') {
    const views = Math.round(audience * 0.04 * luck + random.int(20, 400));
    return { likes: Math.round(views * 0.01 * random.next()), shares: Math.round(views * 0.006 * random.next()), replies: Math.round(views * 0.002 * random.next()), views };
  }
  if (sourceType === 'forum' || sourceType === 'review') {
    return { likes: random.poisson(1.5 * luck), shares: 0, replies: random.poisson(0.8 * luck), views: Math.round(random.int(30, 900) * luck) };
  }
  const base = (kind === 'reply' ? 0.2 : 1) * 0.35 * Math.pow(audience, 0.8) * luck * 0.1;
  const likes = random.poisson(Math.min(base + 0.6, 200_000));
  const shares = random.poisson(likes * 0.18);
  const replies = random.poisson(likes * 0.09 + 0.1);
  const views = Math.round((likes + 1) * random.float(40, 120) * (sourceType === 'video' ? 6 : 1));
  return { likes, shares, replies, views };
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composePost, hashtagsFor, toHashtag } from '../../src/publish/recycle/compose.ts';
import { eligibility } from '../../src/publish/recycle/eligible.ts';
import { recycledPerDay, usualPostsPerDay } from '../../src/publish/recycle/pace.ts';
import { planRecycling } from '../../src/publish/recycle/plan.ts';
import { DEFAULT_RULES, type RecycleArticle, type RecycleRules } from '../../src/publish/recycle/rules.ts';
import { measurePost } from '../../src/publish/post-length.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 9);

function article(id: number, ageDays: number, over: Partial<RecycleArticle> = {}): RecycleArticle {
  return { id, url: `https://cimes.example/blog/${id}`, title: `Article ${id}`, summary: null, publishedAt: NOW - ageDays * DAY, categories: ['Conseils'], tags: ['randonnée'], eventAt: null, ...over };
}
const rules = (over: Partial<RecycleRules> = {}): RecycleRules => ({ ...DEFAULT_RULES, ...over });

/** A deterministic generator (mulberry32) for plans. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('each article out of the pool says why', () => {
  const pool = [
    article(1, 10),
    article(2, 200),
    article(3, 45, { eventAt: NOW - DAY, categories: ['Événements'] }),
    article(4, 45, { categories: ['Annonces'] }),
    article(5, 45, { tags: ['emploi'] }),
    article(6, 45),
    article(7, 45),
    article(8, 60),
  ];
  const r = rules({ excludeCategories: ['annonces'], excludeTags: ['Emploi'], excludedArticles: [7] });
  const why = Object.fromEntries(eligibility(pool, r, [{ articleId: 8, at: NOW - 3 * DAY }], NOW).map(({ article: a, exclusion }) => [a.id, exclusion]));
  assert.deepEqual(why, { 1: 'too-recent', 2: 'too-old', 3: 'event-passed', 4: 'excluded-category', 5: 'excluded-tag', 6: null, 7: 'excluded-article', 8: 'shared-recently' });
  const only = eligibility(pool, rules({ includeTags: ['randonnée'], maxAgeDays: null }), [], NOW).filter((e) => !e.exclusion).map((e) => e.article.id);
  assert.deepEqual(only, [2, 3, 4, 6, 7, 8].filter((id) => id !== 3), 'no upper age bound; the past event still out');
});

test('hashtags come from categories, tags or a custom map, deduplicated and within the maximum length', () => {
  assert.equal(toHashtag('ski de rando'), '#SkiDeRando');
  assert.equal(toHashtag('R&D'), '#RD');
  const a = article(1, 40, { title: 'Réparer plutôt que jeter', categories: ['Entretien', 'Conseils pratiques pour la montagne en hiver'], tags: ['réparation', 'durabilité'] });
  assert.deepEqual(hashtagsFor(a, rules()), ['#Entretien'], 'the long category is over maxLength 20');
  assert.deepEqual(hashtagsFor(a, rules({ hashtags: { from: 'tags', custom: { réparer: '#Réparation' }, max: 3, maxLength: 20 } })), ['#Réparation', '#durabilité']);
  assert.deepEqual(hashtagsFor(a, rules({ hashtags: { from: 'none', custom: {}, max: 3, maxLength: 20 } })), []);
});

test('a composed post fits the network: hashtags go first, then the title shortens; the link and the prefix stay', () => {
  const long = article(1, 40, { title: `Les ${'très '.repeat(70)}longues randonnées`, categories: ['Conseils', 'Récits', 'Entretien'] });
  const link = 'https://relais.example/s/abc123';
  const post = composePost(long, rules({ prefix: 'À relire :', hashtags: { from: 'categories', custom: {}, max: 3, maxLength: 20 } }), undefined, link, 'bluesky');
  assert.equal(post.over, false);
  assert.ok(measurePost('bluesky', post.text).length <= 300);
  assert.ok(post.text.startsWith('À relire :'));
  assert.ok(post.text.endsWith(link));
  assert.ok(post.shortened);
  assert.ok(post.text.includes('…'));
  const short = composePost(article(2, 40), rules({ suffix: '(archives)' }), '{title} — {link} {hashtags}', link, 'mastodon');
  assert.equal(short.text, `Article 2 — ${link} #Conseils (archives)`);
  assert.equal(short.shortened, false);
});

test('the pace follows the account: at most 1 a day for a quiet account, 2–3 for a busy one', () => {
  assert.deepEqual([0.2, 1, 5, 6, 9, 40].map(recycledPerDay), [1, 1, 1, 2, 3, 3]);
  const posts = Array.from({ length: 60 }, (_, i) => NOW - i * 12 * 3_600_000);
  assert.equal(usualPostsPerDay(posts, NOW), 2);
});

test('the plan: oldest first, the interval stretched to the pace, a new cycle when the pool is exhausted', () => {
  const pool = [article(1, 40), article(2, 50), article(3, 60)];
  const plan = planRecycling({ rules: rules({ intervalHours: 6, spreadMinutes: 0, repeatAfterDays: 0 }), articles: pool, history: [], now: NOW, usualPerDay: 0.5, lastRunAt: null, random: seeded(1), count: 10 });
  assert.equal(plan.intervalHours, 24, 'a quiet account gets one recycled post a day at most');
  assert.deepEqual(plan.shares.slice(0, 3).map((s) => s.article.id), [3, 2, 1]);
  assert.equal(plan.shares.length, 10);
  assert.deepEqual(plan.shares.map((s) => s.at - NOW), plan.shares.map((_, i) => i * 24 * 3_600_000));
  assert.ok(plan.shares.every((s) => s.at - s.article.publishedAt >= 30 * DAY && s.at - s.article.publishedAt <= 90 * DAY));
  const waiting = planRecycling({ rules: rules({ spreadMinutes: 0 }), articles: pool, history: [], now: NOW, usualPerDay: 0.5, lastRunAt: null, random: seeded(1), count: 4 });
  assert.equal(waiting.shares[3]!.at - NOW, 30 * DAY, 'with repeatAfterDays 30, the fourth share waits until the first article may go again');
  const aging = planRecycling({ rules: rules({ spreadMinutes: 0, repeatAfterDays: 0 }), articles: [article(1, 85)], history: [], now: NOW, usualPerDay: 0.5, lastRunAt: null, random: seeded(1), count: 10 });
  assert.equal(aging.shares.length, 6, 'an article leaves the pool once older than maxAgeDays');
  assert.deepEqual(plan.shares.map((s) => s.cycle).slice(0, 4), [0, 0, 0, 1]);
});

test('repeatAfterDays, stop when exhausted, an event that passes mid-plan, variants in order, same seed same plan', () => {
  const pool = [article(1, 40), article(2, 50, { eventAt: NOW + 1.5 * DAY })];
  const stop = planRecycling({ rules: rules({ whenExhausted: 'stop', spreadMinutes: 0, repeatAfterDays: 0 }), articles: pool, history: [], now: NOW, usualPerDay: 1, lastRunAt: null, random: seeded(2), count: 10 });
  assert.deepEqual(stop.shares.map((s) => s.article.id), [2, 1]);
  assert.equal(stop.stopped, 'exhausted');
  const repeat = planRecycling({ rules: rules({ spreadMinutes: 0, repeatAfterDays: 0, variants: ['{title} {link}', 'Relisez {title} {link}'] }), articles: pool, history: [], now: NOW, usualPerDay: 1, lastRunAt: null, random: seeded(3), count: 5 });
  assert.deepEqual(repeat.shares.map((s) => s.article.id), [2, 1, 1, 1, 1], 'the event article is never shared once its date has passed');
  assert.deepEqual(repeat.shares.map((s) => s.variant), [0, 0, 1, 0, 1]);
  const spread = () => planRecycling({ rules: rules({ spreadMinutes: 30, order: 'random', repeatAfterDays: 0 }), articles: [article(1, 40), article(2, 45), article(3, 50)], history: [], now: NOW, usualPerDay: 10, lastRunAt: NOW - 3_600_000, random: seeded(9), count: 6 });
  assert.deepEqual(spread(), spread());
  assert.ok(spread().shares.every((s, i) => Math.abs(s.at - (NOW - 3_600_000 + (i + 1) * 24 * 3_600_000)) <= 30 * 60_000));
  const young = planRecycling({ rules: rules({ spreadMinutes: 0 }), articles: [article(1, 5)], history: [], now: NOW, usualPerDay: 1, lastRunAt: null, random: seeded(4), count: 1 });
  assert.equal(young.shares[0]!.at - NOW, 25 * DAY, 'a young article is shared once it reaches the minimum age');
  const empty = planRecycling({ rules: rules({ excludeCategories: ['Annonces'] }), articles: [article(1, 45, { categories: ['Annonces'] })], history: [], now: NOW, usualPerDay: 1, lastRunAt: null, random: seeded(4), count: 3 });
  assert.equal(empty.stopped, 'empty-pool');
  assert.equal(empty.shares.length, 0);
});

// The demo world: deterministic for a seed, shaped as the product's seeds describe (a brand,
// 250 employees, 40 ambassadors, a scandal burst ×50–×250, a launch, a bad buzz, an old blog,
// a contest), internally consistent (authors and reply/reshare targets exist), and loadable
// into both dialects.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { generateWorld } from '../../src/demo/world.ts';
import { insertDemoWorld } from '../../src/demo/load.ts';
import { createRandom } from '../../src/demo/random.ts';
import { DAY, type DemoWorld } from '../../src/demo/model.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { RelaisError } from '../../src/platform/errors.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const world = generateWorld({ seed: 7, size: 'small' });

function digest(w: DemoWorld): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([w.workspace, w.users, w.accounts, w.topics, w.articles, w.challenges, w.events]));
  hash.update(new Uint8Array(w.graph.source.buffer));
  hash.update(new Uint8Array(w.graph.target.buffer));
  hash.update(new Uint8Array(w.graph.at.buffer));
  for (const m of w.mentions) hash.update(JSON.stringify(m));
  return hash.digest('hex');
}

/** Mentions per day (UTC days from the first of the 60) whose title or text matches. */
function daily(w: DemoWorld, match: RegExp): number[] {
  const start = w.now - 60 * DAY;
  const days = new Array<number>(60).fill(0);
  for (const m of w.mentions) if (match.test(`${m.title ?? ''} ${m.text}`)) days[Math.floor((m.published_at - start) / DAY)]! += 1;
  return days;
}

describe('demo world: generator', () => {
  test('the random generator is seeded and reproducible', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
    const first = draws(a);
    assert.deepEqual(first, draws(b));
    assert.notDeepEqual(first, draws(c));
    assert.ok(first.every((x) => x >= 0 && x < 1));
  });

  test('same seed, same world; another seed, another world', () => {
    const again = generateWorld({ seed: 7, size: 'small' });
    assert.equal(digest(again), digest(world));
    const other = generateWorld({ seed: 8, size: 'small' });
    assert.notEqual(digest(other), digest(world));
  });

  test('sizes and the brand’s circle', () => {
    assert.equal(world.accounts.length, 2_000);
    assert.ok(world.graph.size >= 17_000 && world.graph.size <= 24_000, `ties ${world.graph.size}`);
    assert.ok(world.mentions.length >= 26_000 && world.mentions.length <= 34_000, `mentions ${world.mentions.length}`);
    const by = (affiliation: string) => world.accounts.filter((a) => a.affiliation === affiliation);
    assert.equal(by('employee').length, 250);
    assert.ok(by('employee').every((a) => a.team), 'every employee has a team');
    assert.equal(by('ambassador').length, 40);
    assert.equal(by('brand').length, 4);
    assert.equal(by('competitor').length, 3);
    assert.equal(world.articles.length, 120);
    assert.ok(world.challenges.length >= 3);
    assert.equal(world.topics.length, 6);
    assert.deepEqual(world.users.map((u) => u.role).sort(), ['manager', 'member', 'reviewer', 'strategist', 'viewer']);
    assert.equal(world.users.find((u) => u.role === 'strategist')?.email, 'strategist@demo.relais');
  });

  test('accounts: countries, languages, gender with an honest unknown, skills in bios', () => {
    const people = world.accounts.filter((a) => a.kind === 'person');
    const countries = new Set(world.accounts.map((a) => a.country).filter(Boolean));
    assert.ok(countries.size >= 6, `countries ${[...countries]}`);
    assert.ok(people.filter((a) => a.country === 'FR').length > people.length / 2, 'mostly France');
    assert.ok(world.accounts.some((a) => a.lang === 'en'));
    const unknown = people.filter((a) => a.gender === null).length / people.length;
    assert.ok(unknown > 0.03 && unknown < 0.4, `unknown gender share ${unknown}`);
    assert.ok(people.some((a) => a.firstName !== null && a.gender === null), 'a first name given to both sexes');
    assert.ok(world.accounts.filter((a) => a.bio && /alpinisme|mountaineering/.test(a.bio)).length > 20);
    assert.ok(new Set(world.accounts.map((a) => a.network)).size === 4);
    assert.ok(world.accounts.some((a) => a.kind === 'media') && world.accounts.some((a) => a.kind === 'organisation'));
  });

  test('the graph: no self-loop, no duplicate, followers and following agree with it', () => {
    const n = world.accounts.length;
    const inDegree = new Int32Array(n);
    const outDegree = new Int32Array(n);
    const seen = new Set<number>();
    for (let e = 0; e < world.graph.size; e += 1) {
      const s = world.graph.source[e]!;
      const t = world.graph.target[e]!;
      assert.notEqual(s, t);
      assert.ok(!seen.has(s * n + t));
      seen.add(s * n + t);
      inDegree[t]! += 1;
      outDegree[s]! += 1;
      assert.ok(world.graph.at[e]! < world.now);
    }
    for (const a of world.accounts) {
      assert.equal(a.following, outDegree[a.index]);
      assert.ok(a.followers >= inDegree[a.index]!, `followers of ${a.handle}`);
    }
    let reciprocal = 0;
    for (const key of seen) if (seen.has((key % n) * n + Math.floor(key / n))) reciprocal += 1;
    assert.ok(reciprocal / seen.size > 0.1, 'people follow back');
    const brand = world.accounts.find((a) => a.affiliation === 'brand' && a.network === 'x')!;
    const top = [...inDegree].sort((a, b) => b - a);
    assert.ok(inDegree[brand.index]! >= top[10]!, 'the brand is a hub');
    assert.ok(top[0]! > 20 * top[Math.floor(n / 2)]!, 'in-degrees are heavy-tailed');
  });

  test('mentions: authors and reply/quote/reshare targets exist, ids are unique, 60 days', () => {
    const ids = new Set<string>();
    const urls = new Set<string>();
    for (const m of world.mentions) {
      assert.ok(world.accounts[m.author], 'author exists');
      assert.ok(m.published_at >= world.now - 60 * DAY && m.published_at < world.now);
      const key = `${m.network} ${m.network_id}`;
      assert.ok(!ids.has(key), `duplicate id ${key}`);
      ids.add(key);
      if (m.canonical_url) {
        assert.ok(!urls.has(m.canonical_url), `duplicate url ${m.canonical_url}`);
        urls.add(m.canonical_url);
      }
      assert.ok(m.lang === 'fr' || m.lang === 'en');
    }
    const networkIds = new Set(world.mentions.map((m) => m.network_id));
    let interactions = 0;
    for (const m of world.mentions) {
      for (const target of [m.reply_to, m.quote_of, m.reshare_of]) {
        if (target === null) continue;
        interactions += 1;
        assert.ok(networkIds.has(target), `target ${target} exists`);
      }
    }
    assert.ok(interactions > world.mentions.length * 0.2, `interactions ${interactions}`);
    const sources = new Set(world.mentions.map((m) => m.source_type));
    for (const s of ['blog', 'news', 'forum', 'microblog', 'social', 'review', 'video']) assert.ok(sources.has(s as never), `source ${s}`);
    assert.ok(world.mentions.some((m) => m.hashtags.length > 0) && world.mentions.some((m) => m.mentioned.length > 0) && world.mentions.some((m) => m.links.length > 0));
    assert.ok(world.mentions.filter((m) => m.source_type === 'news').every((m) => m.title), 'news have titles');
    const texts = new Set(world.mentions.filter((m) => !m.reshare_of).map((m) => m.text));
    assert.ok(texts.size > world.mentions.length * 0.3, `varied texts: ${texts.size} distinct`);
  });

  test('the scandal bursts ×50 to ×250 over its baseline, mostly in news and blogs', () => {
    const days = daily(world, /delorme/i);
    const peak = days.indexOf(Math.max(...days));
    const before = days.slice(0, peak - 2);
    const baseline = before.reduce((a, b) => a + b, 0) / before.length;
    const factor = days[peak]! / baseline;
    assert.ok(baseline > 0 && factor >= 50 && factor <= 250, `peak ×${factor.toFixed(0)} over ${baseline.toFixed(1)}/day`);
    const burst = world.mentions.filter((m) => m.storyline === 'scandal' && Math.abs(m.published_at - world.events.scandal.peakDay) < 3 * DAY);
    const press = burst.filter((m) => m.source_type === 'news' || m.source_type === 'blog').length / burst.length;
    assert.ok(press > 0.4, `news and blogs ${press.toFixed(2)}`);
    const names = world.events.scandal.names.slice(1).filter((name) => burst.some((m) => m.text.includes(name)));
    assert.ok(names.length >= 3, 'co-mentioned names');
    assert.ok(world.mentions.filter((m) => m.storyline !== 'scandal').every((m) => !/delorme/i.test(m.text)), 'the scandal stays its own topic');
  });

  test('the launch spreads and the bad buzz turns negative through reshares', () => {
    const launchDay = Math.floor((world.events.launch.at - (world.now - 60 * DAY)) / DAY);
    const launch = daily(world, /#CimesAlpha/i);
    const week = launch.slice(launchDay - 7, launchDay).reduce((a, b) => a + b, 0) / 7;
    assert.ok(launch[launchDay]! > 5 * Math.max(1, week), 'the launch day stands out');
    assert.ok(world.mentions.some((m) => m.source_type === 'video' && m.network_id === world.events.launch.clip));
    const reshares = world.mentions.filter((m) => m.reshare_of === world.events.badBuzz.origin);
    assert.ok(reshares.length > 100, `bad buzz reshares ${reshares.length}`);
    assert.ok(reshares.every((m) => m.published_at - world.events.badBuzz.at <= 2 * DAY));
    const negative = world.mentions.filter((m) => m.storyline === 'badbuzz' && /honte|arnaque|boycott/i.test(m.text)).length;
    assert.ok(negative > 300, `negative words ${negative}`);
  });
});

eachDialect('demo world: loading', (dialect) => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
  });
  after(() => database.dispose());

  test('loads the small world, counts match, and a second load is refused', async () => {
    const progress: string[] = [];
    const summary = await insertDemoWorld(database, world, { hashPassword: async (p) => `hashed:${p}`, onProgress: (_d, _t, label) => progress.push(label) });
    assert.equal(summary.slug, 'demo');
    assert.ok(progress.includes('mentions') && progress.at(-1) === 'done');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = database.db as any;
    const count = async (table: string, where?: (q: any) => any) => {
      let q = db.selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).where('workspace_id', '=', summary.workspaceId);
      if (where) q = where(q);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    assert.equal(await count('accounts'), world.accounts.length);
    assert.equal(await count('accounts', (q) => q.where('affiliation', '=', 'employee')), 250);
    assert.equal(await count('accounts', (q) => q.where('affiliation', '=', 'ambassador')), 40);
    assert.equal(await count('edges'), world.graph.size);
    assert.equal(await count('mentions'), world.mentions.length);
    assert.equal(await count('mentions', (q) => q.where('author_id', 'is not', null)), world.mentions.length);
    assert.equal(await count('mentions', (q) => q.where('sentiment', 'is not', null)), 0);
    assert.equal(await count('topics'), world.topics.length);
    assert.equal(await count('articles'), 120);
    assert.equal(await count('challenges'), world.challenges.length);
    assert.equal(await count('memberships'), 5);
    const user = await db.selectFrom('users').select(['password_hash']).where('email', '=', 'manager@demo.relais').executeTakeFirstOrThrow();
    assert.equal(user.password_hash, 'hashed:demo-manager');
    const brand = await db.selectFrom('accounts').select(['id', 'followers']).where('handle', '=', 'cimes').where('network', '=', 'x').executeTakeFirstOrThrow();
    const followed = await db.selectFrom('edges').select((eb: any) => eb.fn.countAll().as('n')).where('target_id', '=', brand.id).executeTakeFirstOrThrow();
    assert.ok(Number(followed.n) > 100 && brand.followers >= Number(followed.n));
    await assert.rejects(insertDemoWorld(database, world, { hashPassword: async (p) => p }), (error: unknown) => error instanceof RelaisError && error.code === 'RELAIS_CONFLICT');
  });
});

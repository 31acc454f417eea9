import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createRandom } from '../../src/graph/random.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import { addChannel } from '../../src/publish/channels/store.ts';
import { listRuleSets, runRecycling, saveRuleSet } from '../../src/publish/recycle/run.ts';
import { DEFAULT_RULES } from '../../src/publish/recycle/rules.ts';
import { measurePost } from '../../src/publish/post-length.ts';
import type { PublishTables } from '../../src/publish/tables.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 9);

eachDialect('Publish recycling runs', (dialect) => {
  let database: TestDatabase;
  let workspaceId: number;
  let ruleId: number;
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    workspaceId = (await createWorkspace(database.db, { slug: 'acme', name: 'Acme', now: NOW })).id;
    const masto = await addChannel(database.db, workspaceId, { network: 'mastodon', name: 'Masto', config: { instanceUrl: 'https://mastodon.example' }, secrets: { accessToken: 't' } }, NOW);
    const sky = await addChannel(database.db, workspaceId, { network: 'bluesky', name: 'Sky', config: { identifier: 'acme.test' }, secrets: { appPassword: 'p' } }, NOW);
    await database.db.withTables<PublishTables>().insertInto('articles').values([
      { workspace_id: workspaceId, url: 'https://acme.example/blog/a', title: 'Bien choisir sa veste de pluie pour la montagne', summary: null, published_at: NOW - 40 * DAY, categories: '["Conseils"]', tags: '[]', event_at: null },
      { workspace_id: workspaceId, url: 'https://acme.example/blog/b', title: 'Réparer plutôt que jeter', summary: null, published_at: NOW - 60 * DAY, categories: '["Entretien"]', tags: '[]', event_at: null },
    ]).execute();
    ruleId = (await saveRuleSet(database.db, workspaceId, { name: 'Blog', channelIds: [masto.id, sky.id], rules: { ...DEFAULT_RULES, prefix: 'À relire :', spreadMinutes: 0, utm: { campaign: 'evergreen', medium: 'social' } } }, NOW)).id;
  });
  after(() => database.dispose());

  test('a due run schedules the next share on every channel, each with its own short link, and remembers the cycle', async () => {
    const random = createRandom(1);
    const run = await runRecycling(database.db, workspaceId, ruleId, { now: NOW, random: () => random.next(), publicUrl: 'https://relais.acme.example/' });
    assert.equal(run.ran, true);
    assert.equal(run.posts.length, 1);
    const post = run.posts[0]!;
    assert.equal(post.origin, 'recycle');
    assert.equal(post.dueAt, NOW);
    assert.equal(post.targets.length, 2);
    for (const target of post.targets) {
      assert.match(target.text, /^À relire : Réparer plutôt que jeter #Entretien https:\/\/relais\.acme\.example\/s\/[0-9A-Za-z]{8}$/);
      assert.equal(measurePost(target.network as 'mastodon' | 'bluesky', target.text).over, false);
    }
    const links = await database.db.withTables<PublishTables>().selectFrom('short_links').select(['url', 'post_id', 'channel_id']).orderBy('id').execute();
    assert.deepEqual(links.map((l) => [Number(l.post_id), l.url]), [
      [post.id, 'https://acme.example/blog/b?utm_source=mastodon&utm_medium=social&utm_campaign=evergreen'],
      [post.id, 'https://acme.example/blog/b?utm_source=bluesky&utm_medium=social&utm_campaign=evergreen'],
    ]);
    const [set] = await listRuleSets(database.db, workspaceId);
    assert.deepEqual(set!.cycle, [post.articleId]);
    assert.equal(set!.lastRunAt, NOW);

    const early = await runRecycling(database.db, workspaceId, ruleId, { now: NOW + 3_600_000, random: () => random.next(), publicUrl: 'https://relais.acme.example' });
    assert.deepEqual([early.ran, early.reason], [false, 'not-due']);
    const next = await runRecycling(database.db, workspaceId, ruleId, { now: NOW + DAY, random: () => random.next(), publicUrl: 'https://relais.acme.example' });
    assert.equal(next.posts[0]!.targets[0]!.text.includes('Bien choisir sa veste'), true, 'the other article, since the first was shared in this cycle');
  });

  test('a rule set for no channel or an unknown one is refused with the field', async () => {
    await assert.rejects(saveRuleSet(database.db, workspaceId, { name: 'x', channelIds: [], rules: DEFAULT_RULES }, NOW), /at least one channel/);
    await assert.rejects(saveRuleSet(database.db, workspaceId, { name: 'x', channelIds: [999_999], rules: DEFAULT_RULES }, NOW), /No channel 999999/);
  });
});

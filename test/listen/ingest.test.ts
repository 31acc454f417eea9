import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { canonicalUrl } from '../../src/listen/canonical-url.ts';
import { ingestMentions } from '../../src/listen/ingest.ts';
import type { MentionInput } from '../../src/listen/model.ts';
import type { ListenTables } from '../../src/listen/tables.ts';
import { backfillTopics, checkQuery, createTopic, TopicIndex, topicsToBackfill, updateTopic } from '../../src/listen/topics.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import { RelaisError } from '../../src/platform/errors.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = Date.UTC(2026, 10, 20, 12);

function mention(over: Partial<MentionInput> & { text: string }): MentionInput {
  return {
    network: 'mastodon',
    networkId: null,
    sourceType: 'microblog',
    url: null,
    author: { handle: 'ana@social.example', displayName: 'Ana Martin', followers: 120 },
    publishedAt: NOW - 3600_000,
    title: null,
    lang: 'fr',
    links: [],
    hashtags: [],
    mentioned: [],
    replyTo: null,
    quoteOf: null,
    reshareOf: null,
    engagement: {},
    raw: { source: 'test' },
    ...over,
  };
}

test('canonical URLs drop tracking, fragments, www, default ports and trailing slashes', () => {
  assert.equal(canonicalUrl('http://WWW.Example.com:80/a/b/?utm_source=x&b=2&a=1#top'), 'https://example.com/a/b?a=1&b=2');
  assert.equal(canonicalUrl('https://example.com/a/b?fbclid=zz'), 'https://example.com/a/b');
  assert.equal(canonicalUrl('mailto:someone@example.com'), null);
  assert.equal(canonicalUrl('not a url'), null);
});

test('a bad topic query is refused with its position and a hint', () => {
  assert.throws(
    () => checkQuery('cimes AND (sentiers OR'),
    (error: unknown) => error instanceof RelaisError && error.code === 'RELAIS_TOPIC_QUERY_INVALID' && typeof error.details.position === 'number' && Boolean(error.details.hint),
  );
  assert.throws(() => checkQuery('a AND b OR c'), (error: unknown) => error instanceof RelaisError && /parenthes/i.test(String(error.details.hint)));
});

eachDialect('Listen ingest', (dialect) => {
  let database: TestDatabase;
  let workspaceId: number;
  const topics = new TopicIndex();
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    workspaceId = (await createWorkspace(database.db, { slug: 'brand', name: 'Brand', now: NOW })).id;
  });
  after(() => database.dispose());
  const ldb = () => database.db.withTables<ListenTables>();

  test('stores mentions once, merging duplicates by network id and by canonical URL, and percolates them', async () => {
    const elysee = await createTopic(database.db, workspaceId, { name: 'Élysée', query: 'elysee OR "palais présidentiel"' }, NOW);
    const boycott = await createTopic(database.db, workspaceId, { name: 'Boycott', query: '#boycott OR (cimes AND boycott)' }, NOW);
    topics.invalidate(workspaceId);
    const batch = [
      mention({ networkId: '1', text: "Le palais de l'Élysée a réagi ce matin." }),
      mention({ networkId: '1', text: 'the same status fetched twice' }),
      mention({ networkId: '2', text: 'Cimes: boycott!', hashtags: ['boycott'], author: { handle: 'bo@social.example', displayName: 'Bo', followers: 5 } }),
      mention({ network: 'web', sourceType: 'blog', url: 'https://blog.example/post/1?utm_source=rss', title: 'Un billet', text: 'Rien sur le sujet.', author: null }),
      mention({ network: 'web', sourceType: 'blog', url: 'https://www.blog.example/post/1/#comments', title: 'Un billet', text: 'Rien sur le sujet.', author: null }),
      mention({ text: 'no id, no url: identified by a hash', author: { handle: 'cy@social.example', displayName: 'Cy' } }),
    ];
    const result = await ingestMentions({ db: database.db, topics, now: NOW }, workspaceId, batch);
    assert.deepEqual({ received: result.received, inserted: result.inserted, duplicates: result.duplicates }, { received: 6, inserted: 4, duplicates: 2 });
    assert.deepEqual(result.topicMatches, { [elysee.id]: 1, [boycott.id]: 1 });
    const again = await ingestMentions({ db: database.db, topics, now: NOW }, workspaceId, batch);
    assert.equal(again.inserted, 0, 'a second delivery stores nothing');
    const stored = await ldb().selectFrom('topic_mentions').select(['topic_id']).where('workspace_id', '=', workspaceId).execute();
    assert.equal(stored.length, 2, 'matches are recorded once');
  });

  test('authors are upserted: one account per handle, its follower count kept up to date', async () => {
    await ingestMentions({ db: database.db, topics, now: NOW }, workspaceId, [mention({ networkId: '3', text: 'encore', author: { handle: 'ana@social.example', displayName: 'Ana Martin', followers: 150 } })]);
    const accounts = await ldb().selectFrom('accounts').select(['handle', 'followers']).where('workspace_id', '=', workspaceId).where('handle', '=', 'ana@social.example').execute();
    assert.deepEqual(accounts.map((a) => [a.handle, a.followers]), [['ana@social.example', 150]]);
  });

  test('a topic created later is backfilled over the stored mentions, idempotently', async () => {
    const topic = await createTopic(database.db, workspaceId, { name: 'Billets', query: 'source:blog OR encore' }, NOW);
    const pending = await topicsToBackfill(database.db, workspaceId);
    assert.equal(pending.length, 3, 'every topic waits for its backfill, the new one too');
    const first = await backfillTopics(database.db, workspaceId, pending, { now: NOW });
    assert.equal(first.matched[topic.id], 2);
    await backfillTopics(database.db, workspaceId, [topic.id], { now: NOW });
    const rows = await ldb().selectFrom('topic_mentions').select('mention_id').where('topic_id', '=', topic.id).execute();
    assert.equal(rows.length, 2);
    assert.deepEqual(await topicsToBackfill(database.db, workspaceId), []);
    // A new query drops the old matches and waits for a new backfill.
    await updateTopic(database.db, workspaceId, topic.id, { query: 'encore' });
    assert.equal((await ldb().selectFrom('topic_mentions').select('mention_id').where('topic_id', '=', topic.id).execute()).length, 0);
    assert.equal((await backfillTopics(database.db, workspaceId, [topic.id], { now: NOW })).matched[topic.id], 1);
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadEnricher } from '../../src/listen/enricher.ts';
import { backfillSentiment } from '../../src/listen/sentiment-backfill.ts';
import type { ListenTables } from '../../src/listen/tables.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = Date.UTC(2026, 10, 22);

eachDialect('Listen sentiment backfill', (dialect) => {
  let database: TestDatabase;
  let workspaceId: number;
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    workspaceId = (await createWorkspace(database.db, { slug: 'acme', name: 'Acme', now: NOW })).id;
    const row = (i: number, text: string, lang: string) => ({
      workspace_id: workspaceId, network: 'web', network_id: `n${i}`, canonical_url: null, source_type: 'blog', url: null, author_id: null, published_at: NOW - i * 1000,
      title: null, text, lang, links: '[]', hashtags: '[]', mentioned: '[]', reply_to: null, quote_of: null, reshare_of: null, engagement: '{}', raw: '{}', ingested_at: NOW,
    });
    await database.db.withTables<ListenTables>().insertInto('mentions').values([
      row(1, 'Service client catastrophique, je suis furieux, plus jamais !', 'fr'),
      row(2, 'What a wonderful jacket, I love it, great quality!', 'en'),
      row(3, 'Le magasin ouvre à 9 heures.', 'fr'),
    ] as never).execute();
  });
  after(() => database.dispose());

  test('labels the mentions stored without a sentiment, once', async () => {
    const enrich = await loadEnricher();
    assert.equal(await backfillSentiment(database.db, workspaceId, enrich), 3);
    const rows = await database.db.withTables<ListenTables>().selectFrom('mentions').select(['network_id', 'sentiment', 'sentiment_score']).orderBy('network_id').execute();
    assert.deepEqual(rows.map((r) => [r.network_id, r.sentiment]), [['n1', 'negative'], ['n2', 'positive'], ['n3', 'neutral']]);
    assert.ok(rows.every((r) => typeof r.sentiment_score === 'number'));
    assert.equal(await backfillSentiment(database.db, workspaceId, enrich), 0, 'nothing left to label');
  });
});

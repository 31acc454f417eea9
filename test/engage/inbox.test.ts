import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FILE_JOB } from '../../src/engage/index.ts';
import { DUE_JOB } from '../../src/publish/scheduler/jobs.ts';
import { addChannel } from '../../src/publish/channels/store.ts';
import { fakeMastodon, type FakeMastodon } from '../publish/support/fake-networks.ts';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';
import { eachDialect } from '../support/databases.ts';

interface Conversation { id: number; status: string; priority: string; reasons: string[]; assigneeId: number | null; assignedBy: string | null; mentions: number; breached: boolean; firstResponseAt: number | null; firstResponseDueAt: number; text: string; lang: string | null }
interface Timeline { conversation: Conversation; timeline: Array<{ kind: string; text: string; delivery?: { status: string; lastError: string | null } | null }> }

const item = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  network: 'mastodon', networkId: id, sourceType: 'microblog', author: { handle: `user${id}@social.example`, displayName: 'Élodie Martin', followers: 10 }, publishedAt: '2026-11-22T11:00:00Z', text, ...extra,
});

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

eachDialect('Engage over HTTP', (dialect) => {
  let t: TestApp;
  let manager: Client;
  let strategist: Client;
  let viewer: Client;
  let mastodon: FakeMastodon;
  const ids: Record<string, number> = {};
  before(async () => {
    t = await openTestApp(dialect);
    [manager, strategist, viewer] = await Promise.all([t.login(ROLE_EMAIL('manager')), t.login(ROLE_EMAIL('strategist')), t.login(ROLE_EMAIL('viewer'))]);
    const users = await t.database.db.selectFrom('users').select(['id', 'email']).execute();
    for (const u of users) ids[u.email.split('@')[0]!] = Number(u.id);
    mastodon = await fakeMastodon();
    const ws = await t.database.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
    await addChannel(t.database.db, Number(ws.id), { network: 'mastodon', name: 'Mastodon', config: { instanceUrl: mastodon.url }, secrets: { accessToken: mastodon.token } }, t.clock.now);
  });
  after(async () => { await mastodon.close(); await t.dispose(); });

  const file = async () => {
    await t.jobs.enqueue(FILE_JOB, {});
    await new Promise((r) => setTimeout(r, 50));
  };
  const inbox = async (query = '') => ((await (await viewer.request('GET', `/api/v1/w/acme/inbox${query}`)).json()) as { conversations: Conversation[] }).conversations;

  test('the rota and rules are set; gaps are flagged; a bad shift is refused with its field', async () => {
    // The test clock is Sunday 22 November 2026, 12:00 UTC (13:00 in Paris).
    const shift = (userId: number, kind = 'duty') => strategist.request('POST', '/api/v1/w/acme/rota/shifts', { userId, kind, weekday: 7, startMinute: 12 * 60, endMinute: 18 * 60, timeZone: 'Europe/Paris' });
    assert.equal((await shift(ids.manager!)).status, 201);
    assert.equal((await shift(ids.reviewer!)).status, 201);
    const bad = await strategist.request('POST', '/api/v1/w/acme/rota/shifts', { userId: ids.manager, weekday: 7, startMinute: 600, endMinute: 500, timeZone: 'Europe/Paris' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'end');
    assert.equal((await manager.request('POST', '/api/v1/w/acme/rota/shifts', { userId: ids.manager, weekday: 1, startMinute: 0, endMinute: 60, timeZone: 'Europe/Paris' })).status, 403);
    const rota = (await (await viewer.request('GET', '/api/v1/w/acme/rota')).json()) as { shifts: unknown[]; gaps: Array<{ from: number; to: number }> };
    assert.equal(rota.shifts.length, 2);
    assert.equal(rota.gaps[0]!.from, Date.UTC(2026, 10, 22, 17)); // 18:00 Paris, when Sunday's shifts end
    const rule = await strategist.request('POST', '/api/v1/w/acme/assignment-rules', { conditions: { keywords: ['remboursement'] }, userId: ids.strategist, priority: 'urgent' });
    assert.equal(rule.status, 201);
  });

  test('mentions that need a human become conversations, threaded by reply chain, assigned by rule or round-robin', async () => {
    await t.database.db.withTables<{ accounts: { handle: string; affiliation: string | null; workspace_id: number } }>().insertInto('accounts' as never).values({ workspace_id: (await t.database.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()).id, network: 'mastodon', handle: 'acme@mastodon.social', followers: 0, following: 0, kind: 'organisation', affiliation: 'brand', created_at: t.clock.now } as never).execute();
    const pushed = await manager.request('POST', '/api/v1/w/acme/mentions', { mentions: [
      item('1', 'Vous livrez à Lyon ?', { lang: 'fr' }),
      item('2', 'Joli coucher de soleil ce soir'),
      item('3', 'Merci @acme@mastodon.social pour le colis', { mentioned: ['acme@mastodon.social'] }),
      item('4', 'Je veux un remboursement. Où écrire', { lang: 'fr' }),
      item('5', 'Et le samedi aussi ?', { replyTo: '1', publishedAt: '2026-11-22T11:30:00Z' }),
    ] });
    assert.equal(pushed.status, 200);
    await file();
    await until(async () => (await inbox()).length === 3);
    await file(); // a second run files nothing twice
    // Nor does a run that lost its cursor (a workspace imported without it).
    await t.database.db.deleteFrom('engage_cursor' as never).execute();
    await file();
    await until(async () => Number((await t.database.db.selectFrom('engage_cursor' as never).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as { n: number }).n) === 1);
    const list = await inbox();
    assert.equal(list.length, 3);
    const byText = (start: string) => list.find((c) => c.text.startsWith(start))!;
    assert.deepEqual(byText('Vous livrez').reasons, ['question']);
    assert.equal(byText('Vous livrez').mentions, 2, JSON.stringify(await t.database.db.selectFrom('conversation_mentions' as never).selectAll().execute()));
    assert.deepEqual(byText('Merci').reasons, ['brand-mention']);
    const refund = byText('Je veux');
    assert.deepEqual([refund.assigneeId, refund.priority, refund.assignedBy], [ids.strategist, 'urgent', 'rule:1']);
    // The others went round-robin to the two people on duty, one each.
    assert.deepEqual([byText('Vous livrez').assigneeId, byText('Merci').assigneeId].sort(), [ids.manager, ids.reviewer].sort());
    assert.equal(refund.firstResponseDueAt, t.clock.now + 30 * 60_000);
    // Filters and search.
    assert.equal((await inbox(`?assignee=${ids.strategist}`)).length, 1);
    assert.equal((await inbox('?lang=fr')).length, 3); // Listen's enrichment detected French in all three
    assert.equal((await inbox('?lang=en')).length, 0);
    assert.equal((await inbox('?network=bluesky')).length, 0);
    assert.deepEqual((await inbox('?q=samedi')).map((c) => c.text), ['Vous livrez à Lyon ?']);
  });

  test('bulk actions are all or none; resolve, snooze, reassign; a viewer may not', async () => {
    const list = await inbox();
    const [a, b] = [list[0]!.id, list[1]!.id];
    assert.equal((await viewer.request('POST', '/api/v1/w/acme/inbox/bulk', { ids: [a], status: 'resolved' })).status, 403);
    const missing = await manager.request('POST', '/api/v1/w/acme/inbox/bulk', { ids: [a, 999_999], status: 'resolved' });
    assert.equal(missing.status, 404);
    assert.equal((await inbox()).length, 3);
    const reassigned = await manager.request('POST', '/api/v1/w/acme/inbox/bulk', { ids: [a, b], assigneeId: ids.member });
    assert.equal(reassigned.status, 200);
    assert.equal((await inbox(`?assignee=${ids.member}`)).length, 2);
    const outsider = await manager.request('POST', '/api/v1/w/acme/inbox/bulk', { ids: [a], assigneeId: 999_999 });
    assert.equal(((await outsider.json()) as { error: { field: string } }).error.field, 'assigneeId');
    assert.equal((await manager.request('POST', '/api/v1/w/acme/inbox/bulk', { ids: [b], snoozedUntil: t.clock.now + 3_600_000 })).status, 200);
    assert.equal((await inbox()).length, 2);
    assert.equal((await manager.request('POST', '/api/v1/w/acme/inbox/bulk', { ids: [a], status: 'resolved' })).status, 200);
    assert.equal((await inbox()).length, 1);
    assert.equal((await inbox('?status=resolved')).length, 1);
    const team = (await (await viewer.request('GET', '/api/v1/w/acme/inbox-team')).json()) as { load: Array<{ userId: number; open: number }>; onDuty: number[] };
    assert.deepEqual(team.onDuty.sort(), [ids.manager, ids.reviewer].sort());
    assert.equal(team.load.find((l) => l.userId === ids.member)!.open, 1);
  });

  test('replies go out through Publish with the author\'s first name; a failed one stays with its reason; notes stay inside', async () => {
    const target = (await inbox('?includeSnoozed=true')).find((c) => c.text.startsWith('Je veux'))!;
    const saved = await manager.request('POST', '/api/v1/w/acme/saved-replies', { name: 'refund', text: 'Bonjour {firstName}, écrivez-nous en message privé.' });
    assert.equal(saved.status, 201);
    const savedId = ((await saved.json()) as { id: number }).id;
    mastodon.faults.push({ status: 422, body: { error: 'Validation failed: Text too odd' } });
    const first = await manager.request('POST', `/api/v1/w/acme/inbox/${target.id}/replies`, { savedReplyId: savedId });
    assert.equal(first.status, 201);
    assert.equal(((await first.json()) as { text: string }).text, 'Bonjour Élodie, écrivez-nous en message privé.');
    // Publish's every-minute sweep sends what is due (the test clock is ahead of the queue's real clock).
    const sweep = () => t.jobs.enqueue(DUE_JOB, {});
    await sweep();
    const view = async () => (await (await viewer.request('GET', `/api/v1/w/acme/inbox/${target.id}`)).json()) as Timeline;
    await until(async () => (await view()).timeline.some((i) => i.kind === 'reply' && i.delivery?.status === 'failed')).catch(async (e) => { console.log(JSON.stringify(await view()), JSON.stringify(await t.database.db.selectFrom('post_targets' as never).selectAll().execute())); throw e; });
    const failed = (await view()).timeline.find((i) => i.kind === 'reply')!;
    assert.match(failed.delivery!.lastError ?? '', /Text too odd|422/);
    assert.equal((await manager.request('POST', `/api/v1/w/acme/inbox/${target.id}/notes`, { text: 'Client fidèle depuis 2019' })).status, 201);
    assert.equal((await manager.request('POST', `/api/v1/w/acme/inbox/${target.id}/replies`, { text: 'Merci {firstName}, c\'est réglé.' })).status, 201);
    await sweep();
    await until(async () => (await view()).timeline.some((i) => i.kind === 'reply' && i.delivery?.status === 'published'));
    assert.equal(mastodon.statuses.length, 1);
    const after = await view();
    assert.equal(after.conversation.status, 'waiting');
    assert.equal(after.conversation.firstResponseAt, t.clock.now);
    assert.ok(after.timeline.some((i) => i.kind === 'note' && i.text === 'Client fidèle depuis 2019'));
    // The customer answers: the conversation comes back.
    await manager.request('POST', '/api/v1/w/acme/mentions', { mentions: [item('6', 'Parfait merci', { replyTo: '4', publishedAt: '2026-11-22T11:50:00Z' })] });
    await file();
    await until(async () => (await view()).conversation.status === 'assigned');
  });

  test('SLA: a conversation nobody answered in time is listed as breached', async () => {
    assert.deepEqual((await inbox('?breached=true')).map((c) => c.id), []);
    t.clock.now += 5 * 3_600_000;
    const late = await inbox('?breached=true&includeSnoozed=true');
    assert.ok(late.length >= 1);
    assert.ok(late.every((c) => c.breached && c.firstResponseAt === null));
    t.clock.now -= 5 * 3_600_000;
  });
});

// Listen's pages in a real Chromium against a real relais (small demo world, SQLite): the topics
// and their counts once the demo topics are matched; the topic editor's live validation, its
// fault marked in the query, then the topic created and matched; the mention stream filtered by
// topic and searched, "load more", new mentions offered in a bar; the ingest log; and a viewer,
// who reads the topics but cannot change them. Screenshots go to test-output/web/.
//
// The web app is built for this test into a folder of its own, so that it always runs the
// sources as they are (web/dist may be older) and never disturbs another test's server.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../support/browser.ts';
import { listenPath, parseListenPath } from '../../web/src/listen/listen-routes.ts';
import { parseRoute } from '../../web/src/shell/router.ts';

warnIfNoChromium('the Listen browser test');

interface ApiTopic {
  id: number;
  name: string;
  query: string;
  backfilledAt: number | null;
  mentions: number;
}

test('Listen addresses', () => {
  assert.deepEqual(parseRoute('/w/cimes/listen/topics', ''), { name: 'workspace', workspace: 'cimes', page: 'listen' });
  assert.deepEqual(parseRoute('/w/cimes/listen/topics/new', ''), { name: 'workspace', workspace: 'cimes', page: 'listen' });
  assert.deepEqual(parseRoute('/w/cimes/listen/topics/12', ''), { name: 'workspace', workspace: 'cimes', page: 'listen' });
  assert.deepEqual(parseRoute('/w/cimes/listen/ingest-log', ''), { name: 'workspace', workspace: 'cimes', page: 'listen' });
  for (const wrong of ['/w/cimes/listen/extra', '/w/cimes/listen/topics/0', '/w/cimes/listen/topics/x', '/w/cimes/listen/mentions/1', '/w/cimes/map/topics']) {
    assert.deepEqual(parseRoute(wrong, ''), { name: 'not-found' }, wrong);
  }
  assert.deepEqual(parseListenPath([]), { tab: 'mentions', topic: null });
  assert.deepEqual(parseListenPath(['mentions'], '?topic=5'), { tab: 'mentions', topic: 5 });
  assert.deepEqual(parseListenPath(['mentions'], '?topic=abc'), { tab: 'mentions', topic: null });
  assert.equal(listenPath('a b', { tab: 'mentions', topic: 3 }), '/w/a%20b/listen/mentions?topic=3');
  assert.equal(listenPath('cimes', { tab: 'topics', editor: 'new' }), '/w/cimes/listen/topics/new');
  assert.equal(listenPath('cimes', { tab: 'topics', editor: 7 }), '/w/cimes/listen/topics/7');
});

/** Waits until `check` returns a value other than undefined/false; fails with `what` after `timeout`. */
async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** A screenshot of the whole page, or (long lists) of the window scrolled to the top. */
async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (options.fullPage === false) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: options.fullPage ?? true });
}

describe('Listen in Chromium', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false, timeout: 90_000 }, () => {
  let session: BrowserSession;
  let page: Page;
  let workspace: string;
  const format = new Intl.NumberFormat('en-GB');

  /** The API's view, read with the page's own session. */
  async function apiGet<T>(pathname: string): Promise<T> {
    const response = await page.request.get(session.url + pathname);
    assert.equal(response.status(), 200, `GET ${pathname}`);
    return (await response.json()) as T;
  }

  async function logIn(role: RegExp): Promise<void> {
    await page.goto(session.url + '/login');
    await page.getByRole('region', { name: 'Demo users' }).getByRole('button', { name: role }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(/\/w\/[^/]+$/);
    workspace = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
  }

  before(async () => {
    session = await openBrowserSession({ tag: 'listen-web', ownWebBuild: true, viewport: { width: 1280, height: 860 } });
    page = session.page;
  });

  after(() => session?.close());

  it('shows the topics with their mention counts once the demo topics are matched', async () => {
    await logIn(/Community manager/);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Listen' }).click();
    await page.waitForURL(new RegExp(`/w/${workspace}/listen$`));
    await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Listen pages' });
    assert.deepEqual((await tabs.getByRole('link').allTextContents()).map((t) => t.replace(/\d+$/, '')), ['Dashboard', 'Mentions', 'Topics', 'Alerts', 'Sources', 'Ingest log']);

    await tabs.getByRole('link', { name: /Topics/ }).click();
    await page.waitForURL(new RegExp(`/listen/topics$`));
    await page.getByRole('heading', { level: 1, name: 'Topics' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-title', 'the focus moves to the new page');
    assert.equal(await tabs.getByRole('link', { name: /Topics/ }).getAttribute('aria-current'), 'page');

    // The demo topics are matched in the background as relais starts: "matching…", then counts.
    const topics = await until('the demo topics to be matched', async () => {
      const { topics } = await apiGet<{ topics: ApiTopic[] }>(`/api/v1/w/${workspace}/topics`);
      return topics.length > 0 && topics.every((t) => t.backfilledAt !== null) && topics;
    });
    await until('the page to show every count', async () => (await page.locator('.topics-table .pending').count()) === 0);
    assert.ok(topics.length >= 5, `the demo world has topics, got ${topics.length}`);
    for (const topic of topics) {
      const row = page.locator(`tr[data-topic="${topic.name}"]`);
      assert.equal(await text(row.locator('.query-code')), topic.query);
      assert.equal(await text(row.locator('.topic-count')), format.format(topic.mentions), `${topic.name}'s count`);
    }
    assert.ok(topics.some((t) => t.mentions > 0), 'some topic matches mentions');
    await shot(page, '10-listen-topics');
  });

  it('validates a query as it is typed, marks the fault, and creates the topic once fixed', async () => {
    await page.getByRole('link', { name: 'New topic' }).click();
    await page.waitForURL(/\/listen\/topics\/new$/);
    await page.getByRole('heading', { level: 1, name: 'New topic' }).waitFor();
    await page.getByLabel('Name').fill('Alpine gear');

    const query = page.getByLabel('Query', { exact: true });
    await query.click();
    await query.pressSequentially('cimes AND alpes OR neve', { delay: 10 });
    const error = page.getByTestId('query-error');
    await error.waitFor();
    // The API's message and hint, where it is (1-based for people) and the offending token…
    assert.match(await text(error), /At character 17, “OR”: AND and OR cannot be mixed/);
    assert.match(await text(error), /What to do: .*parentheses/i);
    // …marked exactly in a copy of the query beneath the box…
    assert.equal(await text(page.getByTestId('query-fault')), 'OR');
    const field = await query.boundingBox();
    const mark = await page.getByTestId('query-fault').boundingBox();
    assert.ok(field && mark && mark.x > field.x + 100 && mark.x + mark.width < field.x + field.width && mark.y > field.y && mark.y < field.y + field.height, 'the mark lies under the faulty word');
    // …and told to assistive technology.
    assert.equal(await query.getAttribute('aria-invalid'), 'true');
    const describedBy = (await query.getAttribute('aria-describedby'))!.split(' ');
    const description = (await Promise.all(describedBy.map((id) => text(page.locator(`#${id}`))))).join(' ');
    assert.match(description, /AND and OR cannot be mixed/);
    await shot(page, '11-topic-editor-invalid');

    await query.fill('');
    await query.pressSequentially('(cimes AND alpes) OR neve', { delay: 10 });
    await page.locator('.query-status-valid').waitFor();
    assert.equal(await text(page.locator('.query-canonical code')), '(cimes AND alpes) OR neve');
    assert.equal(await query.getAttribute('aria-invalid'), null);
    assert.equal(await page.getByTestId('query-fault').count(), 0);
    await shot(page, '12-topic-editor-valid');

    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/topics'));
    await page.getByRole('button', { name: 'Create the topic' }).click();
    assert.equal((await created).status(), 201);
    await page.waitForURL(/\/listen\/topics$/);
    await page.getByText('Topic “Alpine gear” created').waitFor();
    const row = page.locator('tr[data-topic="Alpine gear"]');
    await row.waitFor();
    // Matched in the background; the live event (or the 2 s poll) brings the count.
    await row.locator('.topic-count a').waitFor({ timeout: 15_000 });
    const { topics } = await apiGet<{ topics: ApiTopic[] }>(`/api/v1/w/${workspace}/topics`);
    const alpine = topics.find((t) => t.name === 'Alpine gear');
    assert.ok(alpine && alpine.backfilledAt !== null);
    assert.equal(await text(row.locator('.topic-count')), format.format(alpine.mentions));
  });

  it('filters the mention stream by topic, loads more, and searches a word', async () => {
    // The demo world's scandal: its mentions name the investigating judge (“la juge Castel”).
    const { topics } = await apiGet<{ topics: ApiTopic[] }>(`/api/v1/w/${workspace}/topics`);
    const topic = topics.find((t) => /delorme/i.test(t.query));
    assert.ok(topic, 'the demo world has the scandal’s topic');
    await page.getByRole('navigation', { name: 'Listen pages' }).getByRole('link', { name: 'Mentions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
    await page.locator('.mention').first().waitFor();

    const filtered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('topic') === String(topic.id) && !new URL(r.url()).searchParams.has('q'));
    await page.getByLabel('Topic').selectOption({ label: topic.name });
    const first = (await (await filtered).json()) as { mentions: Array<{ id: number }>; next: string | null };
    await until('the topic’s first page', async () => (await page.locator('.mention').first().getAttribute('id')) === `mention-${first.mentions[0]!.id}`);
    assert.equal(await page.locator('.mention').count(), 30);
    assert.ok(first.next, 'the topic has more than one page');

    await page.getByRole('button', { name: 'Load more mentions' }).click();
    await until('a second page', async () => (await page.locator('.mention').count()) === 60);
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, await page.locator('.mention').nth(30).getAttribute('id'), 'the focus goes to the first mention loaded');

    const word = 'juge';
    const searched = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === word);
    await page.getByRole('searchbox', { name: 'Search' }).fill(word);
    const result = (await (await searched).json()) as { mentions: Array<{ id: number; text: string; title: string | null }> };
    assert.ok(result.mentions.length > 0, `mentions of ${topic.name} say “${word}”`);
    await until('the search results', async () => (await page.locator('.mention').count()) === result.mentions.length && (await page.locator('.mention').first().getAttribute('id')) === `mention-${result.mentions[0]!.id}`);
    for (const mention of await page.locator('.mention').all()) {
      const marked = (await text(mention.locator('mark').first())).normalize('NFD').replace(/\p{M}/gu, '');
      assert.match(marked, /^juge/i, 'the searched word is marked in each mention (accents aside, as a prefix)');
    }
    const link = page.locator('.mention .original-link').first();
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    await shot(page, '13-mentions-filtered', { fullPage: false });
  });

  it('offers new mentions in a bar without moving the list, and logs what could not be ingested', async () => {
    const top = await page.locator('.mention').first().getAttribute('id');
    const csrf = await page.evaluate(async () => ((await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string }).csrfToken);
    const ingest = await page.request.post(`${session.url}/api/v1/w/${workspace}/mentions`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        mentions: [
          {
            network: 'mastodon',
            sourceType: 'microblog',
            url: 'https://mastodon.example/@lea/1',
            author: { handle: 'lea', displayName: 'Léa Martin', followers: 120, location: 'Lyon' },
            publishedAt: Date.now(),
            text: 'La juge a parlé ce matin : Delorme encore à la une.',
            lang: 'fr',
          },
          { network: 'x', sourceType: 'podcast', publishedAt: 'yesterday', text: 'not a source type' },
        ],
      },
    });
    assert.equal(ingest.status(), 200);
    const outcome = (await ingest.json()) as { inserted: number; rejected: unknown[] };
    assert.equal(outcome.inserted, 1);
    assert.equal(outcome.rejected.length, 1);

    const bar = page.getByRole('button', { name: /1 new mention/ });
    await bar.waitFor();
    assert.equal(await page.locator('.mention').first().getAttribute('id'), top, 'the list has not moved');
    await shot(page, '14-mentions-new', { fullPage: false });
    await bar.click();
    await until('the new mention on top', async () => (await text(page.locator('.mention').first().locator('.author-name'))) === 'Léa Martin');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.mention') !== null), true, 'the focus is on the new mention');

    await page.getByRole('navigation', { name: 'Listen pages' }).getByRole('link', { name: 'Ingest log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ingest log' }).waitFor();
    const entry = page.locator('.log-table tbody tr').first();
    await entry.waitFor();
    assert.match(await text(entry), /webhook.*item 1.*sourceType/);
    await shot(page, '15-ingest-log');
  });

  it('shows a viewer the topics, without create, edit or delete', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await logIn(/Viewer/);
    await page.goto(`${session.url}/w/${workspace}/listen/topics`);
    await page.getByRole('heading', { level: 1, name: 'Topics' }).waitFor();
    await page.locator('.topics-table tbody tr').first().waitFor();
    assert.ok((await page.locator('.topics-table tbody tr').count()) >= 5);
    assert.equal(await page.getByRole('link', { name: 'New topic' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: /^Edit/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Delete/ }).count(), 0);
    assert.equal(await page.getByRole('navigation', { name: 'Listen pages' }).getByRole('link', { name: 'Ingest log' }).count(), 0);
    await shot(page, '16-listen-topics-viewer');

    await page.goto(`${session.url}/w/${workspace}/listen/topics/new`);
    await page.getByText('Your role does not allow this page').waitFor();

    // In French, every word of it.
    await page.getByRole('button', { name: /^FR/ }).click();
    await page.getByRole('navigation', { name: 'Pages d’Écouter' }).getByRole('link', { name: 'Mentions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher' }).waitFor();
    await page.locator('.mention').first().waitFor();
    assert.match(await text(page.locator('.result-line')), /Les 30 mentions les plus récentes/);
    assert.match(await text(page.locator('.mention .original-link').first()), /Voir l’original/);
    await shot(page, '17-listen-mentions-fr', { fullPage: false });
    await page.getByRole('button', { name: /^EN/ }).click();
    assert.deepEqual(session.pageErrors, [], 'no uncaught error in the page');
  });
});

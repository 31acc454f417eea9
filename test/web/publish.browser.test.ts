// Publish in a real Chromium against a real relais (small demo world, SQLite) and local networks:
// a manager adds a Mastodon channel (credentials checked by the fake Mastodon), composes a post
// with the live per-network counter, schedules it, finds it on the calendar and drags it to the
// next day; the recycling preview lists the next ten posts and why articles are left out; a short
// link counts its click. Screenshots go to test-output/web/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../support/browser.ts';
import { fakeMastodon, type FakeMastodon } from '../publish/support/fake-networks.ts';

warnIfNoChromium('the Publish browser test');

describe('Publish in Chromium', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false, timeout: 120_000 }, () => {
  let session: BrowserSession;
  let page: Page;
  let mastodon: FakeMastodon;
  let workspace: string;

  before(async () => {
    mastodon = await fakeMastodon();
    session = await openBrowserSession({ tag: 'publish-web', ownWebBuild: true, viewport: { width: 1280, height: 900 } });
    page = session.page;
    await page.goto(session.url + '/login');
    await page.getByRole('region', { name: 'Demo users' }).getByRole('button', { name: /Community manager/ }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(/\/w\/[^/]+$/);
    workspace = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
  });
  after(async () => { await session?.close(); await mastodon?.close(); });

  it('adds a channel, composes within the network\'s limit, schedules, and moves the post on the calendar', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Publish' }).click();
    const tabs = page.getByRole('navigation', { name: 'Publish sections' });
    assert.deepEqual(await tabs.getByRole('link').allTextContents(), ['Calendar', 'Compose', 'Channels', 'Recycling', 'Short links']);
    await tabs.getByRole('link', { name: 'Channels' }).click();
    await page.getByLabel('Name').fill('Cimes Mastodon');
    await page.getByLabel('Instance address (https://…)').fill(mastodon.url);
    await page.getByLabel('Access token (write:statuses, write:media)').fill('wrong-token');
    await page.getByRole('button', { name: 'Check and add' }).click();
    await page.getByRole('alert').filter({ hasText: /refused the channel/ }).waitFor();
    await page.getByLabel('Access token (write:statuses, write:media)').fill(mastodon.token);
    await page.getByRole('button', { name: 'Check and add' }).click();
    await page.getByRole('status').filter({ hasText: /Channel “Cimes Mastodon” added \(@cimes@/ }).waitFor();
    await page.getByRole('cell', { name: 'Cimes Mastodon' }).waitFor();

    await tabs.getByRole('link', { name: 'Compose' }).click();
    await page.locator('textarea[name="text"]').fill('x'.repeat(520));
    await page.getByRole('checkbox', { name: /Cimes Mastodon/ }).check();
    await page.getByText('20 over the limit of 500').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Schedule' }).isDisabled(), true);
    await page.locator('textarea[name="text"]').fill('Nouvelle veste, nouvelle saison #montagne');
    await page.getByText('459 left of 500').waitFor();
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose a date, or save a draft.' }).waitFor();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Date').fill(tomorrow);
    await page.getByLabel('Time', { exact: true }).fill('09:30');
    await page.getByLabel('Time zone').selectOption('Europe/Paris');
    await page.screenshot({ path: path.join(SHOTS, 'publish-compose.png'), fullPage: true });
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.waitForURL(/tab=calendar/);

    await page.getByRole('button', { name: 'Month' }).click();
    const chip = page.locator(`[data-day="${tomorrow}"] .calendar-post`).filter({ hasText: 'Nouvelle veste' });
    await chip.waitFor();
    const dayAfter = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    if (dayAfter.slice(0, 7) !== tomorrow.slice(0, 7)) await page.getByRole('button', { name: 'Next' }).click(); // month boundary: the target is next month
    await chip.dragTo(page.locator(`[data-day="${dayAfter}"]`));
    await page.locator(`[data-day="${dayAfter}"] .calendar-post`).filter({ hasText: 'Nouvelle veste' }).waitFor();
    const posts = (await (await page.request.get(`${session.url}/api/v1/w/${workspace}/posts?status=scheduled`)).json()) as { posts: Array<{ text: string; dueAt: number }> };
    const moved = posts.posts.find((p) => p.text.startsWith('Nouvelle veste'))!;
    assert.equal(new Date(moved.dueAt).toISOString().slice(0, 10), dayAfter, 'moved to the next day, same time of day');
    await page.locator(`[data-day="${dayAfter}"] .calendar-post`).filter({ hasText: 'Nouvelle veste' }).click();
    await page.getByRole('complementary', { name: 'Post' }).getByText('Not tried yet.').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'publish-calendar.png'), fullPage: true });
  });

  it('previews recycling with the demo blog, and counts a short link\'s click', async () => {
    const tabs = page.getByRole('navigation', { name: 'Publish sections' });
    await tabs.getByRole('link', { name: 'Recycling' }).click();
    const rows = page.getByRole('table', { name: 'The next ten recycled posts' }).locator('tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('.recycle-preview tbody tr').length === 10);
    assert.match((await rows.first().textContent()) ?? '', /À relire :/);
    await page.getByText(/Left out now:.*too old/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'publish-recycling.png'), fullPage: true });

    await tabs.getByRole('link', { name: 'Short links' }).click();
    await page.getByLabel('Address to shorten').fill('https://cimes.example/blog/veste');
    await page.getByRole('button', { name: 'Make a short link' }).click();
    const notice = await page.getByRole('status').filter({ hasText: 'Short link ready' }).textContent();
    const link = /(http\S+\/s\/[0-9A-Za-z]{8})/.exec(notice ?? '')![1]!;
    const followed = await page.request.get(link, { maxRedirects: 0 });
    assert.equal(followed.status(), 302);
    assert.equal(followed.headers().location, 'https://cimes.example/blog/veste');
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'https://cimes.example/blog/veste' });
    await row.getByRole('cell').nth(2).filter({ hasText: '1' }).waitFor();
    assert.deepEqual(session.pageErrors, []);
  });
});

// The Listen dashboard in a real Chromium on the demo world (small, SQLite): every chart is
// drawn, the figures on the page are the API's (the scandal topic's total, its peak day, its
// top country and author), the tables behind the charts hold them, French works, the report
// downloads, and a mention pushed now shows in the live view through the event stream.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../../support/browser.ts';
import type { Dashboard } from '../../../src/listen/dashboard/dashboard.ts';

warnIfNoChromium('the Listen dashboard browser test');

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('the Listen dashboard in Chromium', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false, timeout: 120_000 }, () => {
  let session: BrowserSession;
  let page: Page;
  const format = new Intl.NumberFormat('en-GB');
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

  async function apiGet<T>(pathname: string): Promise<T> {
    const response = await page.request.get(session.url + pathname);
    assert.equal(response.status(), 200, `GET ${pathname}`);
    return (await response.json()) as T;
  }

  before(async () => {
    session = await openBrowserSession({ tag: 'listen-dashboard', ownWebBuild: true, viewport: { width: 1280, height: 900 } });
    page = session.page;
  });
  after(() => session?.close());

  it('draws the scandal topic with the demo figures, in English and French, live included', async () => {
    await page.goto(session.url + '/login');
    await page.getByRole('region', { name: 'Demo users' }).getByRole('button', { name: /Strategist/ }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(/\/w\/[^/]+$/);
    const workspace = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    const topics = await until('the demo topics to be matched', async () => {
      const { topics } = await apiGet<{ topics: Array<{ id: number; name: string; backfilledAt: number | null }> }>(`/api/v1/w/${workspace}/topics`);
      return topics.length > 0 && topics.every((t) => t.backfilledAt !== null) && topics;
    }, 60_000);
    const scandal = topics.find((t) => /Delorme/.test(t.name))!;
    const expected = await apiGet<Dashboard>(`/api/v1/w/${workspace}/analytics/dashboard?topic=${scandal.id}`);
    const peak = expected.daily.buzz.find((b) => b.sourceType === 'all')!.peak!;
    assert.ok(expected.total > 1000 && peak.factor! >= 50, 'the scandal is a buzz');

    // The tab, then the topic picked in its control.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Listen' }).click();
    await page.getByRole('navigation', { name: 'Listen pages' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL(/\/listen\/dashboard$/);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByLabel('Topic', { exact: true }).selectOption(String(scandal.id));
    await until('the scandal figures', async () => (await page.locator('[data-kpi="mentions"]').textContent()) === format.format(expected.total));
    assert.equal(await page.locator('[data-kpi="authors"]').textContent(), format.format(expected.authorsCount));
    assert.match((await page.locator('[data-kpi="peak"]').textContent()) ?? '', new RegExp(`${format.format(peak.count)} on ${day.format(peak.at)}`));
    assert.match((await page.locator('.dash-spikes').textContent()) ?? '', new RegExp(day.format(peak.at)));

    // Every chart drawn as SVG: volume, map, gender, sentiment, keywords, share of voice (the live
    // view has none yet: nothing was published in the last hour).
    await until('the charts to be drawn', async () => (await page.locator('.dash-canvas[data-rendered="true"]').count()) >= 6);
    const paths = await page.locator('#dash-countries ~ figure svg path').count();
    assert.ok(paths > 150, `the world map has its countries (${paths} paths)`);
    assert.ok((await page.locator('#dash-volume ~ figure svg path').count()) > 60, 'the volume bars are drawn');

    // The text alternatives hold the same figures.
    const volume = page.locator('#dash-volume').locator('..');
    await volume.getByText('Show the figures as a table').click();
    const peakRow = volume.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${day.format(peak.at)}$`) }) });
    assert.equal((await peakRow.locator('td').last().textContent())?.trim(), format.format(peak.count));
    const countries = page.locator('#dash-countries').locator('..');
    await countries.getByText('Show the figures as a table').click();
    const top = expected.countries[0]!;
    assert.equal(top.key, 'FR');
    assert.equal((await countries.locator('tbody tr').first().textContent())?.replace(/\s+/g, ''), `France${format.format(top.count)}${Math.round((top.count / expected.total) * 100)}%`);
    const authors = page.locator('#dash-authors').locator('..');
    assert.match((await authors.locator('tbody tr').first().textContent()) ?? '', new RegExp(`@${expected.authors.byVolume[0]!.handle.replace(/[.]/g, '\\.')}`));
    assert.match((await page.locator('#dash-keywords').locator('..').textContent()) ?? '', /Paul Verneuil/);
    await page.screenshot({ path: path.join(SHOTS, '30-listen-dashboard.png'), fullPage: true });

    // The report of what is shown, downloaded as HTML.
    const href = await page.getByRole('link', { name: 'Download the report (HTML)' }).getAttribute('href');
    const report = await page.request.get(session.url + href!);
    assert.equal(report.status(), 200);
    assert.match(report.headers()['content-type'] ?? '', /text\/html/);
    assert.match(await report.text(), /Affaire Delorme/);

    // 60 seconds: a mention pushed now appears in the live view, pushed over the event stream.
    const { csrfToken } = await apiGet<{ csrfToken: string }>('/api/v1/auth/session');
    const before = Number(((await page.locator('.dash-live-total').textContent()) ?? '').match(/^(\d+)/)?.[1] ?? 0);
    const pushed = await page.request.post(`${session.url}/api/v1/w/${workspace}/mentions`, {
      headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      data: { mentions: [{ network: 'mastodon', networkId: `live-${Date.now()}`, sourceType: 'microblog', url: null, author: { handle: 'live@example.social' }, publishedAt: Date.now(), title: null, text: 'Affaire Delorme : nouvelle audition', lang: 'fr', links: [], hashtags: [], mentioned: [], replyTo: null, quoteOf: null, reshareOf: null, engagement: {}, raw: {} }] },
    });
    assert.equal(pushed.status(), 200, await pushed.text());
    await until('the live view to count it', async () => /mastodon/.test((await page.locator('.dash-live-total').textContent()) ?? '') && Number(((await page.locator('.dash-live-total').textContent()) ?? '').match(/^(\d+)/)?.[1]) > before);

    // In French, every word of it.
    await page.getByRole('button', { name: /^FR/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.getByRole('heading', { name: 'Mentions par source' }).waitFor();
    await page.getByRole('heading', { name: 'Genre des auteurs' }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Télécharger le rapport (PDF)' }).isVisible());
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, '31-listen-dashboard-fr.png'), fullPage: false });
    await page.getByRole('button', { name: /^EN/ }).click();
    assert.deepEqual(session.pageErrors, [], 'no uncaught error in the page');
  });
});

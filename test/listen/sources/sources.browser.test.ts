// The Sources tab in a real Chromium against a real relais (small demo world, SQLite): a community
// manager adds a feed (on a loopback address, so the poll is refused and the table says why),
// pauses it, then uploads a CSV, checks the guessed column mapping, imports it, and finds the bad
// row in the ingest log with its line. Screenshots go to test-output/web/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../../support/browser.ts';

warnIfNoChromium('the Sources browser test');

const CSV = path.join(import.meta.dirname, 'fixtures', 'mentions-semicolon-latin1.csv');

describe('Listen sources in Chromium', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false, timeout: 180_000 }, () => {
  let session: BrowserSession;
  let page: Page;
  let workspace: string;

  before(async () => {
    session = await openBrowserSession({ tag: 'listen-sources', ownWebBuild: true, viewport: { width: 1280, height: 900 } });
    page = session.page;
    await page.goto(session.url + '/login');
    await page.getByRole('region', { name: 'Demo users' }).getByRole('button', { name: /Community manager/ }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(/\/w\/[^/]+$/);
    workspace = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
  });
  after(() => session?.close());

  it('adds a feed, shows why its poll was refused, and pauses it', async () => {
    await page.goto(`${session.url}/w/${workspace}/listen`);
    const tabs = page.getByRole('navigation', { name: 'Listen pages' });
    await tabs.getByRole('link', { name: 'Sources' }).click();
    await page.waitForURL(/\/listen\/sources$/);
    await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
    const add = page.getByRole('region', { name: 'Add a source' });
    await add.getByLabel('What to follow').selectOption('feed');
    await add.getByLabel('Feed address').fill('http://127.0.0.1:9/feed.xml');
    await add.getByLabel('Name (optional)').fill('Loopback feed');
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Added: Loopback feed. It is being polled now.').waitFor();
    const row = page.locator('tr[data-source="Loopback feed"]');
    await row.waitFor();
    // The background poll is refused (a loopback address, and this manager is no administrator): the table says why.
    for (let i = 0; i < 100 && !/loopback/i.test((await row.textContent()) ?? ''); i++) {
      await page.waitForTimeout(200);
      if (i % 10 === 9) await page.reload();
    }
    assert.match((await row.textContent()) ?? '', /loopback/i);
    await row.getByRole('button', { name: 'Pause Loopback feed' }).click();
    await row.getByRole('button', { name: 'Resume Loopback feed' }).waitFor();
    assert.match((await row.locator('.source-status').textContent()) ?? '', /Paused/);

    // The Mastodon form: a hashtag, streamed; the token is not shown back.
    await add.getByLabel('What to follow').selectOption('mastodon');
    await add.getByLabel('Instance', { exact: true }).fill('https://mastodon.example');
    await add.getByLabel('Hashtag', { exact: true }).fill('relais');
    await add.getByLabel('Also follow the live stream').check();
    await add.getByLabel('Access token (optional, kept on the server)').fill('secret-token');
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(/Added: #relais on mastodon\.example/).waitFor();
    assert.equal(await add.getByLabel('Hashtag', { exact: true }).inputValue(), '', 'the form is emptied');
    assert.ok(!(await page.content()).includes('secret-token'), 'the token is not shown back');
    const mastodon = page.locator('tr[data-source="#relais on mastodon.example"]');
    assert.match((await mastodon.textContent()) ?? '', /Mastodon · streamed/);
    await page.screenshot({ path: path.join(SHOTS, '30-listen-sources.png'), fullPage: true });
  });

  it('uploads a CSV with a column-mapping step; the bad row is in the ingest log with its line', async () => {
    const upload = page.getByRole('region', { name: 'Upload a file of mentions' });
    await upload.getByLabel('File').setInputFiles(CSV);
    await upload.getByRole('button', { name: 'Read the file' }).click();
    await upload.getByText(/csv · windows-1252 · delimiter “;” · 4 rows, 1 with problems/).waitFor();
    assert.equal(await upload.getByLabel('Text', { exact: true }).inputValue(), 'Texte');
    assert.equal(await upload.getByLabel('Date', { exact: true }).inputValue(), 'Date');
    assert.equal(await upload.getByLabel('Author handle').inputValue(), 'Auteur');
    // The user maps the unknown column to the author's name.
    await upload.getByLabel('Author name').selectOption('Colonne inconnue');
    await page.screenshot({ path: path.join(SHOTS, '31-listen-upload-mapping.png'), fullPage: true });
    await upload.getByRole('button', { name: 'Import 4 rows' }).click();
    await page.getByText('3 mentions stored, 0 already known, 1 rows left out (see the ingest log).').waitFor();
    await page.getByRole('navigation', { name: 'Listen pages' }).getByRole('link', { name: 'Ingest log' }).click();
    const entry = page.locator('tr', { hasText: 'export' }).or(page.locator('tr', { hasText: 'mentions-semicolon-latin1.csv' })).filter({ hasText: 'line 5' });
    await entry.first().waitFor();
    assert.match((await entry.first().textContent()) ?? '', /"pas une date" is not a date/);
    assert.deepEqual(session.pageErrors, []);
  });
});

// Engage in a real Chromium against a real relais (small demo world, SQLite): the demo's mentions
// that need a human are filed into the inbox at start; a community manager opens one with the
// keyboard (j), adds an internal note, resolves it with e, and sees the rota's coverage gaps.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../support/browser.ts';

warnIfNoChromium('the Engage browser test');

describe('Engage in Chromium', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false, timeout: 120_000 }, () => {
  let session: BrowserSession;
  let page: Page;

  before(async () => {
    session = await openBrowserSession({ tag: 'engage-web', ownWebBuild: true, viewport: { width: 1280, height: 900 } });
    page = session.page;
    await page.goto(session.url + '/login');
    await page.getByRole('region', { name: 'Demo users' }).getByRole('button', { name: /Community manager/ }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(/\/w\/[^/]+$/);
  });
  after(async () => { await session?.close(); });

  it('opens a conversation with j, notes it, resolves it with e; the rota shows its gaps', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Engage' }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const items = page.locator('.engage-conversations li');
    // The start-up filing runs in the background: reload the list until it shows.
    for (let i = 0; i < 30 && (await items.count()) === 0; i += 1) {
      await page.getByRole('checkbox', { name: 'Late only' }).click();
      await page.getByRole('checkbox', { name: 'Late only' }).click();
      await page.waitForTimeout(500);
    }
    const before = await items.count();
    assert.ok(before > 0, 'the demo world has mentions that need a human');
    await page.locator('body').press('j');
    const current = page.locator('.engage-conversations li.current');
    await current.waitFor();
    const id = await current.getAttribute('data-conversation');
    await page.getByRole('textbox', { name: 'Add an internal note' }).fill('Déjà vu hier, même client');
    await page.getByRole('button', { name: 'Add an internal note' }).click();
    await page.locator('.engage-timeline .engage-note').filter({ hasText: 'Déjà vu hier, même client' }).waitFor();
    await page.locator('.engage-timeline').click();
    await page.locator('body').press('e');
    await page.locator(`.engage-conversations li[data-conversation="${id}"]`).waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(SHOTS, 'engage-inbox.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Rota' }).click();
    await page.getByRole('heading', { name: 'Coverage gaps in the next 7 days' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'engage-rota.png'), fullPage: true });
    assert.deepEqual(session.pageErrors, []);
  });
});

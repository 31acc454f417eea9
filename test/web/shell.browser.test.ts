// The web app's shell in a real Chromium against a real relais (demo world, SQLite): the login
// page and its demo users, the six sections and the overview counts, FR ↔ EN, keyboard
// navigation, log-out, a deep link kept through the login, and a wrong password.
// Screenshots go to test-output/web/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../support/browser.ts';

const SECTIONS_EN = ['Listen', 'Map', 'Spread', 'Publish', 'Engage', 'Reward'];
const SECTIONS_FR = ['Écouter', 'Cartographier', 'Diffuser', 'Publier', 'Interagir', 'Récompenser'];
const COUNTS = ['accounts', 'mentions', 'edges', 'articles', 'challenges'];
warnIfNoChromium('the web shell browser test');

/** Waits until the locator's text (trimmed) satisfies `expected`. */
async function waitForText(locator: Locator, expected: string | RegExp, timeout = 5_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = ((await locator.textContent({ timeout }).catch(() => null)) ?? '').trim();
    if (typeof expected === 'string' ? last === expected : expected.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`expected text ${String(expected)}, last saw "${last}"`);
}

async function navLabels(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: /sections|rubriques/i }).getByRole('link').allTextContents();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('web shell in Chromium', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false, timeout: 60_000 }, () => {
  let session: BrowserSession;
  let page: Page;
  let workspace: string;

  before(async () => {
    session = await openBrowserSession({ tag: 'web' });
    page = session.page;
  });

  after(() => session?.close());

  it('shows the login page with the demo users', async () => {
    await page.goto(session.url + '/');
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const demo = page.getByRole('region', { name: 'Demo users' });
    await demo.getByRole('button').first().waitFor();
    const users = await demo.getByRole('button').allTextContents();
    assert.ok(users.length >= 2, `several demo users, got ${users.length}`);
    assert.ok(users.some((u) => u.includes('Strategist')), `a strategist among ${users.join(' | ')}`);
    await shot(page, '01-login');
  });

  it('logs in as the strategist and shows the six sections and the overview counts', async () => {
    await page.getByRole('region', { name: 'Demo users' }).getByRole('button', { name: /Strategist/ }).click();
    assert.match(await page.getByLabel('Email address').inputValue(), /@/);
    assert.notEqual(await page.getByLabel('Password').inputValue(), '');
    // The counts on screen must be those of the overview the page itself received.
    const overviewResponse = page.waitForResponse((r) => /\/api\/v1\/w\/[^/]+\/overview$/.test(new URL(r.url()).pathname));
    await page.getByRole('button', { name: 'Log in', exact: true }).click();

    await page.waitForURL(/\/w\/[^/]+$/);
    workspace = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    assert.deepEqual(await navLabels(page), ['Overview', ...SECTIONS_EN]);
    assert.equal(await page.getByRole('link', { name: 'Overview', exact: true }).getAttribute('aria-current'), 'page');
    assert.equal(await page.evaluate(() => localStorage.getItem('relais.workspace')), workspace);

    const response = await overviewResponse;
    assert.equal(response.status(), 200);
    const { counts } = (await response.json()) as { counts: Record<string, number> };
    const format = new Intl.NumberFormat('en-GB');
    for (const key of COUNTS) {
      assert.equal(typeof counts[key], 'number', `the API counts ${key}`);
      await waitForText(page.locator(`[data-count="${key}"] .count-value`), format.format(counts[key]!));
    }
    assert.ok(counts.mentions! > 0, 'the demo world has mentions');
    await page.locator('.live').waitFor(); // the event stream is connected
    await shot(page, '02-overview-en');
  });

  it('switches the language to French and back, and remembers it', async () => {
    await page.getByRole('button', { name: /^FR/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Vue d’ensemble' }).waitFor();
    assert.deepEqual(await navLabels(page), ['Vue d’ensemble', ...SECTIONS_FR]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await page.getByRole('button', { name: /^FR/ }).getAttribute('aria-pressed'), 'true');
    await shot(page, '03-overview-fr');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Vue d’ensemble' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('relais.locale')), 'fr');

    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    assert.deepEqual(await navLabels(page), ['Overview', ...SECTIONS_EN]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  });

  it('navigates to a section with the keyboard', async () => {
    // A fresh page, as a keyboard user meets it: the first Tab goes to the skip link.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(skip, 'Skip to main content', 'the first Tab reaches the skip link');

    let focused = '';
    // A section still to come (Map, Listen and Publish have their pages).
    for (let i = 0; i < 30 && focused !== 'Reward'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.closest('nav') ? document.activeElement.textContent ?? '' : ''));
    }
    assert.equal(focused, 'Reward', 'Tab reaches the Reward link of the navigation');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows a focus outline');
    await shot(page, '04-keyboard-focus');

    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/w/${workspace}/reward$`));
    await page.getByRole('heading', { level: 1, name: 'Reward' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Reward', exact: true }).getAttribute('aria-current'), 'page');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-title', 'the focus moves to the new page');
    await page.getByText('This section arrives with its issue', { exact: false }).waitFor();
    await shot(page, '05-section-coming');
  });

  it('logs out and lands on the login page', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByText('You have logged out.').waitFor();
    const afterLogout = await page.request.get(`${session.url}/api/v1/auth/session`);
    assert.equal(afterLogout.status(), 401);
  });

  it('shows the API error for a wrong password, then returns to the page asked for', async () => {
    await page.goto(`${session.url}/w/${workspace}/reward`);
    await page.waitForURL(/\/login\?next=/);
    const demo = page.getByRole('region', { name: 'Demo users' });
    await demo.getByRole('button', { name: /Strategist/ }).click();
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const alert = page.getByRole('alert');
    await waitForText(alert, /wrong email or password/i);
    assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
    await shot(page, '06-login-error');

    await demo.getByRole('button', { name: /Strategist/ }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(new RegExp(`/w/${workspace}/reward$`));
    await page.getByRole('heading', { level: 1, name: 'Reward' }).waitFor();
    assert.deepEqual(session.pageErrors, [], 'no uncaught error in the page');
  });
});

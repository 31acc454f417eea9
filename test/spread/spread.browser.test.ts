// Spread's pages in a real Chromium against a real relais (small demo world, SQLite): the
// planner finds IMM's seeds among the employees beside the heuristics, with the reach curve and
// the seeds on the network; the seeds are saved as a campaign and shown with predicted and
// actual reach; the strong-ties plan; an analysis cancelled while it runs; the true-reach
// calculator (the seed's 250,000 beside the real figure); French labels; and a viewer, who reads
// but cannot plan. Screenshots go to test-output/web/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../support/browser.ts';

warnIfNoChromium('the Spread browser test');

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeout = 60_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const number = (s: string): number => Number(s.replace(/[^\d.]/g, ''));

describe('Spread in Chromium', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false, timeout: 240_000 }, () => {
  let session: BrowserSession;
  let page: Page;
  let workspace: string;

  async function logIn(role: RegExp): Promise<void> {
    await page.goto(session.url + '/login');
    await page.getByRole('region', { name: 'Demo users' }).getByRole('button', { name: role }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(/\/w\/[^/]+$/);
    workspace = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
  }

  async function openSpread(): Promise<void> {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Spread' }).click();
    await page.waitForURL(new RegExp(`/w/${workspace}/spread$`));
  }

  before(async () => {
    session = await openBrowserSession({ tag: 'spread-web', ownWebBuild: true, viewport: { width: 1280, height: 900 } });
    page = session.page;
  });
  after(() => session?.close());

  it('finds the best employees to ask, beside the heuristics, with the curve and the network', async () => {
    await logIn(/Community manager/);
    await openSpread();
    await page.getByRole('heading', { level: 1, name: 'Campaign planner' }).waitFor();
    await page.getByLabel('Candidate pool').selectOption('employees');
    await page.getByLabel('Seeds (k)').fill('5');
    await page.getByLabel(/IMM ε/).fill('0.3');
    await page.getByLabel('Monte Carlo runs').fill('2000');
    await page.getByRole('button', { name: 'Find the best seeds' }).click();
    const table = page.locator('table.spread-strategies');
    await table.waitFor({ timeout: 90_000 });
    const rows = table.locator('tbody tr');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-strategy'))), ['imm', 'followers', 'degree', 'pagerank', 'random']);
    const reach = async (s: string) => number(await text(table.locator(`tr[data-strategy="${s}"] .spread-reach`)));
    for (const s of ['imm', 'followers', 'degree', 'pagerank', 'random']) assert.equal(number(await text(table.locator(`tr[data-strategy="${s}"] td`).first())), 5, `${s} has 5 seeds`);
    assert.ok((await reach('imm')) > (await reach('random')), 'IMM beats random seeds');
    assert.ok((await reach('imm')) >= (await reach('followers')) * 0.97, 'IMM is at least as good as most followers, up to Monte Carlo noise');
    assert.ok((await page.locator('.spread-chart canvas').count()) >= 1, 'the reach curve is drawn');
    assert.equal(await page.locator('.spread-seeds li').count(), 5);
    await until('the network view', async () => /^5 seeds among \d+ accounts/.test(await text(page.getByTestId('network-summary'))));
    assert.ok((await page.locator('.spread-network-canvas canvas').count()) >= 1, 'sigma drew the network');
    await page.screenshot({ path: path.join(SHOTS, '30-spread-planner.png'), fullPage: true });
  });

  it('saves the seeds as a campaign and shows predicted beside actual reach', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Collection 2027');
    // The demo world's launch of the Cimes Alpha jacket (day 36 of its 60): Listen has its hashtag.
    await page.getByLabel('Hashtag').fill('#CimesAlpha');
    await page.getByLabel('Starts (now if empty)').fill('2026-10-21T00:00');
    await page.getByLabel('Goal').fill('Faire connaître la collection');
    await page.getByRole('button', { name: 'Save the campaign' }).click();
    await page.getByText('Saved: see the Campaigns tab.').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Campaigns' }).click();
    const item = page.locator('li[data-campaign="Collection 2027"]');
    await item.waitFor();
    assert.match(await text(item), /#cimesalpha · 5 seeds · predicted reach [\d,]+/);
    await item.getByRole('button', { name: 'Collection 2027' }).click();
    const seen = await item.getByText(/Listen has seen [\d,]+ mentions carrying the hashtag or link\./);
    await seen.waitFor();
    assert.ok(number(await text(seen)) > 100, 'the launch was heard');
    assert.ok((await item.locator('.spread-chart canvas').count()) === 1);
    await page.screenshot({ path: path.join(SHOTS, '31-spread-campaign.png'), fullPage: true });
  });

  it('plans strong ties first, wave by wave, and cancels an analysis while it runs', async () => {
    await page.getByRole('tab', { name: 'Campaign planner' }).click();
    await page.getByLabel('Monte Carlo runs').fill('2000');
    await page.getByRole('button', { name: 'Plan: strong ties first' }).click();
    const waves = page.locator('tr[data-wave]');
    await until('the waves', async () => (await waves.count()) === 3, 90_000);
    const means = await Promise.all(['ego', 'strong-ties', 'weak-ties'].map(async (w) => number(await text(page.locator(`tr[data-wave="${w}"] .spread-reach`)))));
    assert.ok(means[0]! < means[1]! && means[1]! < means[2]!, `each wave reaches more: ${means.join(' < ')}`);
    assert.ok((await page.locator('.spread-asks li').count()) >= 1);
    await page.screenshot({ path: path.join(SHOTS, '32-spread-strong-ties.png'), fullPage: true });

    await page.getByLabel('Monte Carlo runs').fill('100000');
    await page.getByRole('button', { name: 'Plan: the book to 100 or 200 bloggers' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('The analysis was cancelled.').waitFor();
  });

  it('computes the true reach of the employees beside the naive sum', async () => {
    await page.getByRole('tab', { name: 'True reach' }).click();
    await page.getByRole('button', { name: 'Compute the true reach' }).click();
    const unique = page.locator('[data-figure="unique"]');
    await unique.waitFor();
    // The demo world's 250 employees: their follower counts add up to far more than the people they reach.
    const shown = { unique: number(await text(unique)), naive: number(await text(page.locator('[data-figure="naive"]'))) };
    assert.ok(shown.unique > 0 && shown.unique < shown.naive, `audiences overlap: ${shown.unique} < ${shown.naive}`);
    assert.match(await text(page.locator('.spread-reach-result')), new RegExp(`250 accounts: [\\d,]+ follows in the graph, ${shown.unique.toLocaleString('en-US')} distinct people`));
    assert.match(await text(page.getByTestId('seed-example')), /2,500 × 100 = 250,000 on paper; at the overlap measured here, about [\d,]+ people/);
    await page.screenshot({ path: path.join(SHOTS, '33-spread-true-reach.png'), fullPage: true });

    await page.getByRole('button', { name: /^FR/ }).click();
    await page.getByRole('tab', { name: 'Portée réelle' }).waitFor();
    await page.getByRole('button', { name: 'Calculer la portée réelle' }).waitFor();
    await page.getByRole('button', { name: /^EN/ }).click();
  });

  it('lets a viewer read but not plan', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(/Viewer/);
    await openSpread();
    await page.getByText('Your role reads plans; community managers and strategists make them.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Find the best seeds' }).isDisabled(), true);
    await page.getByRole('tab', { name: 'Campaigns' }).click();
    await page.locator('li[data-campaign="Collection 2027"]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete' }).count(), 0);
  });
});

// Listen's Alerts tab in a real Chromium against a real relais (small demo world, SQLite): a
// community manager writes a rule and tests it on the last 30 days (the demo's bad buzz shows),
// creates it, sees an alert arrive live when matching mentions come in, acknowledges and
// resolves it with its timeline; the page in French; a viewer reads alerts but changes nothing.
// Screenshots go to test-output/web/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../../support/browser.ts';
import { listenPath, parseListenPath } from '../../../web/src/listen/listen-routes.ts';
import { parseRoute } from '../../../web/src/shell/router.ts';

warnIfNoChromium('the Alerts browser test');

test('Alerts addresses', () => {
  assert.deepEqual(parseListenPath(['alerts']), { tab: 'alerts' });
  assert.deepEqual(parseListenPath(['alerts', 'rules', 'new']), { tab: 'alerts', rule: 'new' });
  assert.deepEqual(parseListenPath(['alerts', 'rules', '4']), { tab: 'alerts', rule: 4 });
  for (const wrong of [['alerts', 'rules'], ['alerts', 'rules', '0'], ['alerts', 'x'], ['alerts', 'rules', '4', 'x']]) assert.equal(parseListenPath(wrong), null, wrong.join('/'));
  assert.equal(listenPath('cimes', { tab: 'alerts', rule: 'new' }), '/w/cimes/listen/alerts/rules/new');
  assert.deepEqual(parseRoute('/w/cimes/listen/alerts/rules/3', ''), { name: 'workspace', workspace: 'cimes', page: 'listen' });
});

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeout = 20_000): Promise<T> {
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

describe('Alerts in Chromium', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false, timeout: 120_000 }, () => {
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

  before(async () => {
    session = await openBrowserSession({ tag: 'alerts-web', ownWebBuild: true, viewport: { width: 1280, height: 900 } });
    page = session.page;
  });
  after(() => session?.close());

  it('tests a rule on the last 30 days, creates it, and shows an alert arriving live', async () => {
    await logIn(/Community manager/);
    await page.goto(session.url + listenPath(workspace, { tab: 'alerts' }));
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Listen pages' }).getByRole('link', { name: 'Alerts' }).getAttribute('aria-current'), 'page');
    await page.getByText('No alert here.').waitFor();
    await page.getByText('No rule yet.').waitFor();

    await page.getByRole('link', { name: 'New rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'New alert rule' }).waitFor();
    await page.getByLabel('Name').fill('Boycott watch');
    await page.getByLabel('Kind').selectOption({ label: 'Words' });
    await page.getByLabel('Mentions watched').selectOption({ label: 'Cimes & Sentiers' });
    assert.equal(await page.getByLabel('Query (the topic language)').inputValue(), 'boycott OR boycotter OR arnaque OR scam');
    // A bad threshold is named by the API and marked on its field.
    await page.getByLabel('Mentions, at least').fill('0');
    await page.getByRole('button', { name: 'Test on the last 30 days' }).click();
    await page.getByRole('alert').filter({ hasText: 'minCount' }).waitFor();
    assert.equal(await page.getByLabel('Mentions, at least').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Mentions, at least').fill('3');
    await page.getByRole('button', { name: 'Test on the last 30 days' }).click();
    const summary = page.getByTestId('dry-run-summary');
    await summary.waitFor();
    assert.match(await text(summary), /Over the last 30 days this rule would have fired (once|\d+ times)/);
    // The demo's bad buzz: the words of a boycott in the hour it starts.
    assert.match(await text(page.locator('.dry-run-list')), /\d+ mentions match boycott OR boycotter OR arnaque OR scam\./);
    await page.screenshot({ path: path.join(SHOTS, '30-alerts-rule-dry-run.png'), fullPage: true });

    await page.getByRole('button', { name: 'Create the rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await page.getByText('Rule “Boycott watch” created.').waitFor();
    const row = page.getByRole('row', { name: /Boycott watch/ });
    assert.match(await text(row), /Words\s*Cimes & Sentiers\s*query boycott OR boycotter OR arnaque OR scam.*minCount 3/);

    // Edited: a wider window; the kind stays.
    await row.getByRole('link', { name: 'Edit the rule Boycott watch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit alert rule' }).waitFor();
    assert.equal(await page.getByLabel('Kind').isDisabled(), true);
    assert.match(await page.getByText(/^[0-9a-f]{64}$/).textContent() ?? '', /^[0-9a-f]{64}$/, 'the webhook secret is shown to a manager');
    await page.getByLabel('Window, in hours').fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Rule “Boycott watch” saved.').waitFor();
    assert.match(await text(page.getByRole('row', { name: /Boycott watch/ })), /windowHours 2/);

    // Mentions come in through the API; the alert arrives on the page without a reload.
    const csrf = await page.evaluate(async () => ((await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string }).csrfToken);
    const now = Date.now();
    const mentions = ['Boycott de Cimes & Sentiers !', 'Cimes : quelle arnaque', 'Il faut boycotter Cimes'].map((t, i) => ({ network: 'mastodon', networkId: `alert-${i}`, sourceType: 'microblog', author: { handle: `angry${i}@social.example` }, publishedAt: new Date(now - (i + 1) * 60_000).toISOString(), text: t }));
    const ingest = await page.request.post(`${session.url}/api/v1/w/${workspace}/mentions`, { headers: { 'x-csrf-token': csrf }, data: { mentions } });
    assert.equal(ingest.status(), 200);
    const card = page.getByTestId('alert-card').first();
    await card.waitFor({ timeout: 20_000 });
    assert.match(await text(card), /Warning\s*Boycott watch\s*Words · Cimes & Sentiers\s*Open/);
    assert.match(await text(card), /3 mentions match boycott OR boycotter OR arnaque OR scam\./);
    await page.screenshot({ path: path.join(SHOTS, '31-alerts-live.png'), fullPage: true });

    await card.getByRole('button', { name: /^Acknowledge the alert “Boycott watch”/ }).click();
    await until('the acknowledged filter to drop it', async () => (await page.getByTestId('alert-card').count()) === 0);
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'All' }).click();
    await until('the alert under All', async () => /Acknowledged by Hugo Bernard/.test(await text(page.getByTestId('alert-card').first())));
    const all = page.getByTestId('alert-card').first();
    await all.getByRole('button', { name: 'Timeline' }).click();
    const timeline = all.locator('.alert-timeline');
    await timeline.getByText(/Acknowledged · Hugo Bernard/).waitFor();
    assert.match(await text(timeline), /Fired · relais/);
    await all.getByRole('button', { name: /^Resolve the alert/ }).click();
    await until('the alert resolved', async () => /Resolved by Hugo Bernard/.test(await text(all)));
    await timeline.getByText(/Resolved · Hugo Bernard/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '32-alerts-resolved.png'), fullPage: true });

    // In French.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: /FR/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Alertes' }).waitFor();
    assert.match(await text(page.getByTestId('alert-card').first()), /3 mentions correspondent à boycott OR boycotter OR arnaque OR scam\./);
    assert.match(await text(page.getByTestId('alert-card').first()), /Résolue par Hugo Bernard/);
    await page.screenshot({ path: path.join(SHOTS, '33-alerts-fr.png'), fullPage: true });
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: /EN/ }).click();
    assert.deepEqual(session.pageErrors, []);
  });

  it('lets a viewer read the alerts and rules, and change nothing', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await logIn(/Viewer/);
    await page.goto(session.url + listenPath(workspace, { tab: 'alerts' }));
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'All' }).click();
    await page.getByTestId('alert-card').first().waitFor();
    await page.getByRole('row', { name: /Boycott watch/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'New rule' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^(Acknowledge|Resolve) the alert/ }).count(), 0);
    assert.equal(await page.getByRole('link', { name: /^Edit the rule/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Delete the rule/ }).count(), 0);
    await page.goto(session.url + listenPath(workspace, { tab: 'alerts', rule: 'new' }));
    await page.getByText(/Your role does not allow this page/).waitFor();
    assert.deepEqual(session.pageErrors, []);
  });
});

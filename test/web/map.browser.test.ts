// Map's pages in a real Chromium against a real relais (small demo world, SQLite), every figure
// compared with the API's own answer: the network explorer draws the graph on its WebGL canvas
// (non-blank, in the communities' colours, the counts shown), its strong/weak filter, the
// search that opens an account's card with its scores explained and golden weak ties, the ego
// network; the influencer table sorted both ways, filtered, exported as CSV, a row opening the
// card; "who can help me" with its introduction path; an import with its refused lines and a
// GEXF export; French; and a viewer who cannot import. Screenshots go to test-output/web/.
//
// A second part imports a 20,000-account, 100,000-tie graph through the API and measures the
// explorer: time to first render, and frames while panning and zooming (requestAnimationFrame
// timing). It records the figures (test-output/web/map-explorer-perf.json) and asserts only what
// was drawn: a benchmark's figures are not a test's pass mark on a shared machine.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { COMMUNITY_COLOURS } from '../../web/src/map/palette.ts';
import { CHROMIUM, hasChromium, inCi, openBrowserSession, SHOTS, warnIfNoChromium, type BrowserSession } from '../support/browser.ts';

warnIfNoChromium('the Map browser test');

interface ApiNetwork {
  nodes: Array<{ id: number; handle: string; displayName: string | null; community: number; influence: number }>;
  edges: Array<{ source: number; target: number; strength: number; strong: boolean }>;
  communities: Array<{ id: number; size: number; label: string }>;
  sampled: boolean;
  totalNodes: number;
  totalEdges: number;
}
interface ApiRow { id: number; handle: string; displayName: string | null; followers: number; influence: number; community: number }
interface ApiCard { influence: { score: number; explanation: string[] }; ties: Array<{ account: { id: number }; golden: boolean }>; totalTies: number }
interface ApiHelp { from: { handle: string; displayName: string | null } | null; candidates: Array<{ account: { id: number; handle: string; displayName: string | null }; path: Array<{ account: { displayName: string | null; handle: string } }>; why: string[] }> }

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

const name = (a: { displayName: string | null; handle: string }) => a.displayName?.trim() || a.handle;
const format = new Intl.NumberFormat('en-GB');

/** The ties the explorer draws: each (source, target) once, no self-loop, both ends present. */
function drawnEdges(network: ApiNetwork): ApiNetwork['edges'] {
  const ids = new Set(network.nodes.map((n) => n.id));
  const seen = new Set<string>();
  return network.edges.filter((e) => {
    const key = `${e.source}>${e.target}`;
    if (e.source === e.target || !ids.has(e.source) || !ids.has(e.target) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What the canvas shows, read from a screenshot of it decoded in the page: the share of pixels
 * that are not the white background, and which of the given colours appear exactly.
 */
async function canvasPixels(page: Page, canvas: Locator, colours: readonly string[]): Promise<{ painted: number; found: string[] }> {
  const png = await canvas.screenshot();
  return page.evaluate(
    async ({ base64, colours }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const board = document.createElement('canvas');
      board.width = image.width;
      board.height = image.height;
      const context = board.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, board.width, board.height).data;
      const wanted = new Map(colours.map((c) => [parseInt(c.slice(1), 16), c]));
      const found = new Set<string>();
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (r < 235 || g < 235 || b < 235) painted += 1;
        const hit = wanted.get((r << 16) | (g << 8) | b);
        if (hit) found.add(hit);
      }
      return { painted: painted / (data.length / 4), found: [...found] };
    },
    { base64: png.toString('base64'), colours: [...colours] },
  );
}

async function logIn(page: Page, url: string, role: RegExp): Promise<string> {
  await page.goto(url + '/login');
  await page.getByRole('region', { name: 'Demo users' }).getByRole('button', { name: role }).click();
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

const skip = !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false;

describe('Map in Chromium', { skip, timeout: 1_200_000 }, () => {
  let session: BrowserSession;
  let page: Page;
  let workspace: string;
  let base: string;
  /** The network the page itself received (the analysis may be redone meanwhile by the start's backfill). */
  let shown: ApiNetwork;

  async function apiGet<T>(pathname: string): Promise<T> {
    const response = await page.request.get(session.url + pathname);
    assert.equal(response.status(), 200, `GET ${pathname}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  before(async () => {
    session = await openBrowserSession({ tag: 'map-web', ownWebBuild: true, viewport: { width: 1400, height: 900 } });
    page = session.page;
    page.setDefaultTimeout(60_000); // the first read of the map runs the analysis
  });

  after(() => session?.close());

  it('draws the network on its WebGL canvas, in the communities’ colours, with the counts the API gives', async () => {
    workspace = await logIn(page, session.url, /Community manager/);
    base = `/api/v1/w/${encodeURIComponent(workspace)}/map`;
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/map/network'), { timeout: 120_000 });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Map' }).click();
    await page.waitForURL(new RegExp(`/w/${workspace}/map$`));
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Map pages' });
    assert.deepEqual(await tabs.getByRole('link').allTextContents(), ['Network', 'Influencers', 'Who can help me?', 'Import and export']);

    const canvas = page.getByTestId('network-canvas');
    await page.locator('[data-testid="network-canvas"][data-state="rendered"]').waitFor();
    const network = (shown = (await (await answered).json()) as ApiNetwork);
    const edges = drawnEdges(network);
    assert.ok(network.nodes.length > 500 && edges.length > 1000, `the demo world has a network (${network.nodes.length} nodes, ${edges.length} ties)`);
    const count = page.getByTestId('network-count');
    assert.equal(await count.getAttribute('data-nodes'), String(network.nodes.length));
    assert.equal(await count.getAttribute('data-edges'), String(edges.length));
    assert.match(await text(count), new RegExp(`^${format.format(network.nodes.length)} accounts and ${format.format(edges.length)} ties shown`));
    assert.equal(await canvas.getAttribute('aria-label'), 'Network of the accounts: each dot is an account, each line a tie. Click a dot to open its card.');

    // The layout runs in its worker, bounded: wait for it to stop, then read the picture.
    await page.locator('[data-testid="layout-status"][data-running="false"]').waitFor({ timeout: 90_000 });
    const pixels = await canvasPixels(page, canvas, COMMUNITY_COLOURS);
    assert.ok(pixels.painted > 0.02, `the canvas is drawn on (${(pixels.painted * 100).toFixed(1)} % of its pixels)`);
    const communities = Math.min(network.communities.length, 3);
    assert.ok(pixels.found.length >= communities, `the largest communities' colours are on the canvas (found ${pixels.found.join(' ')})`);
    // The legend names the communities, largest first, and is the canvas's description.
    const legend = page.locator('.legend-item');
    const largest = [...network.communities].sort((a, b) => b.size - a.size)[0]!;
    assert.equal(await text(legend.first()), `${largest.label}, ${format.format(largest.size)} accounts`);
    await shot(page, '30-map-network');
  });

  it('filters strong and weak ties', async () => {
    const network = shown;
    const edges = drawnEdges(network);
    const strong = edges.filter((e) => e.strong).length;
    assert.ok(strong > 0 && strong < edges.length, 'the demo world has strong and weak ties');
    const count = page.getByTestId('network-count');
    await page.getByRole('radio', { name: 'Strong' }).check();
    assert.match(await text(count), new RegExp(`and ${format.format(strong)} ties shown`));
    await page.getByRole('radio', { name: 'Weak' }).check();
    assert.match(await text(count), new RegExp(`and ${format.format(edges.length - strong)} ties shown`));
    await page.getByRole('radio', { name: 'All' }).check();
    assert.match(await text(count), new RegExp(`and ${format.format(edges.length)} ties shown`));
  });

  it('finds an account, opens its card with its scores explained and its golden weak ties, then its ego network', async () => {
    // An influential account with a golden weak tie (a weak tie that is its only bridge into a community).
    const { rows } = await apiGet<{ rows: ApiRow[] }>(`${base}/influencers?limit=40`);
    let chosen: { row: ApiRow; card: ApiCard } | undefined;
    for (const row of rows) {
      const card = await apiGet<ApiCard>(`${base}/accounts/${row.id}`);
      if (card.ties.some((t) => t.golden)) {
        chosen = { row, card };
        break;
      }
    }
    assert.ok(chosen, 'one of the 40 most influential demo accounts has a golden weak tie');
    const { row, card } = chosen;

    const search = page.getByRole('searchbox', { name: 'Find an account' });
    await search.fill(`@${row.handle}`);
    await page.getByRole('list', { name: 'Matching accounts' }).getByRole('button', { name: new RegExp(`@${row.handle}$`) }).first().click();
    await page.waitForURL(new RegExp(`[?&]account=${row.id}(&|$)`));
    const cardBox = page.getByTestId('account-card');
    await cardBox.getByRole('heading', { level: 2, name: name(row) }).waitFor();
    assert.equal(await text(page.getByTestId('influence-score')), `${Math.round(card.influence.score)} / 100`);
    assert.deepEqual(await page.getByTestId('influence-explanation').locator('li').allTextContents(), card.influence.explanation);
    assert.ok(card.influence.explanation.length > 0, 'the score is explained');
    const golden = card.ties.filter((t) => t.golden).length;
    assert.equal(await cardBox.locator('.tie[data-golden]').count(), golden, 'the golden weak ties are listed and marked');
    assert.match(await text(cardBox.getByRole('heading', { level: 3, name: /^Ties:/ })), new RegExp(`Ties: ${format.format(card.totalTies)}`));
    await page.waitForTimeout(500); // the selection's redraw
    await shot(page, '31-map-card');

    await cardBox.getByRole('link', { name: 'Its ego network' }).click();
    await page.waitForURL(new RegExp(`[?&]focus=${row.id}(&|$)`));
    await page.locator('[data-testid="network-canvas"][data-state="rendered"]').waitFor();
    const ego = await apiGet<ApiNetwork>(`${base}/network?focus=${row.id}&depth=1&limit=20000&edgeLimit=100000`);
    assert.equal(await page.getByTestId('network-count').getAttribute('data-nodes'), String(ego.nodes.length));
    assert.ok(ego.nodes.some((n) => n.id === row.id) && ego.nodes.length > 1);
    assert.match(await text(page.locator('.ego-bar p')), new RegExp(`The ego network of ${name(row)}`));
    await shot(page, '32-map-ego');
  });

  it('sorts the influencer table both ways, filters it, exports it as CSV, and opens a row’s card', async () => {
    await page.getByRole('navigation', { name: 'Map pages' }).getByRole('link', { name: 'Influencers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Influencers' }).waitFor();
    const table = page.getByTestId('influencer-table');
    await table.waitFor();
    const all = await apiGet<{ total: number; rows: ApiRow[] }>(`${base}/influencers?limit=50`);
    assert.equal(await table.locator('tbody tr').count(), all.rows.length);
    assert.equal(await text(page.getByTestId('influencer-total')), `Accounts 1 to ${all.rows.length} of ${format.format(all.total)}.`);
    const values = async (column: string) => (await table.locator(`td[data-column="${column}"]`).evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value')))));
    const influence = await values('influence');
    assert.deepEqual(influence, [...influence].sort((a, b) => b - a), 'influence, highest first');

    const sorted = page.waitForResponse((r) => new URL(r.url()).searchParams.get('sort') === 'followers' && new URL(r.url()).searchParams.get('order') === 'desc');
    await table.getByRole('button', { name: /^Followers/ }).click();
    await sorted;
    await table.locator('th[aria-sort="descending"]', { hasText: 'Followers' }).waitFor();
    const down = await values('followers');
    assert.deepEqual(down, [...down].sort((a, b) => b - a));
    const ascending = page.waitForResponse((r) => new URL(r.url()).searchParams.get('sort') === 'followers' && new URL(r.url()).searchParams.get('order') === 'asc');
    await table.getByRole('button', { name: /^Followers/ }).click();
    await ascending;
    await table.locator('th[aria-sort="ascending"]', { hasText: 'Followers' }).waitFor();
    const up = await values('followers');
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    assert.ok(up[0]! < down[0]!, 'the order changed');

    // Filter by the largest community and by text.
    const { communities } = await apiGet<{ communities: Array<{ id: number; label: string; size: number }> }>(`${base}/communities`);
    const community = communities[0]!;
    const filtered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('community') === String(community.id));
    await page.getByLabel('Community').selectOption(String(community.id));
    await filtered;
    const inCommunity = await apiGet<{ total: number }>(`${base}/influencers?community=${community.id}&sort=followers&order=asc&limit=1`);
    await page.getByTestId('influencer-total').filter({ hasText: `of ${format.format(inCommunity.total)}.` }).waitFor();
    assert.ok(inCommunity.total > 0 && inCommunity.total < all.total, 'the community filter keeps part of the accounts');

    // The CSV: the same filters and order, every row.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export as CSV' }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    assert.equal(csv.length, inCommunity.total + 1, 'a header and one line per account');
    assert.match(csv[0]!, /handle/i);
    const first = await apiGet<{ rows: ApiRow[] }>(`${base}/influencers?community=${community.id}&sort=followers&order=asc&limit=1`);
    assert.ok(csv[1]!.includes(first.rows[0]!.handle), 'in the table’s order');

    await page.getByLabel('Community').selectOption('');
    const someone = all.rows[3]!;
    const searched = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === someone.handle);
    await page.getByRole('searchbox', { name: 'Search' }).fill(someone.handle);
    await searched;
    const row = table.locator(`tr[data-account="${someone.id}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: name(someone) }).click();
    await page.waitForURL(new RegExp(`/map/influencers\\?account=${someone.id}$`));
    const card = await apiGet<ApiCard>(`${base}/accounts/${someone.id}`);
    await page.getByTestId('account-card').getByRole('heading', { level: 2, name: name(someone) }).waitFor();
    assert.equal(await text(page.getByTestId('influence-score')), `${Math.round(card.influence.score)} / 100`);

    // Skills a teammate knows: saved through the API, read back by the card.
    await page.getByRole('button', { name: 'Edit the skills' }).click();
    await page.getByLabel('Skills, separated by commas').fill('Canyoning, via ferrata, canyoning');
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith(`/accounts/${someone.id}/skills`));
    await page.getByRole('button', { name: 'Save the skills' }).click();
    assert.equal((await saved).status(), 200);
    await page.getByRole('list', { name: 'Skills' }).waitFor();
    assert.deepEqual(await page.getByRole('list', { name: 'Skills' }).locator('li').allTextContents(), ['canyoning', 'via ferrata']);
    const after = await apiGet<{ skills: { tags: string[] } }>(`${base}/accounts/${someone.id}`);
    assert.deepEqual(after.skills.tags.map((t) => t.toLowerCase()), ['canyoning', 'via ferrata']);
    await shot(page, '33-map-influencers');
  });

  it('answers “who can help me” with the introduction path and why', async () => {
    await page.getByRole('navigation', { name: 'Map pages' }).getByRole('link', { name: 'Who can help me?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who can help me?' }).waitFor();
    await page.getByRole('button', { name: 'Find people' }).click();
    await page.getByText('Write a skill or a subject.').waitFor();

    const skill = 'photo';
    await page.getByLabel('Skill or subject').fill(skill);
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/map/help'));
    await page.getByRole('button', { name: 'Find people' }).click();
    const help = (await (await answered).json()) as ApiHelp;
    assert.ok(help.from && help.candidates.length > 0, 'the demo world has people for “photo”');
    await page.getByTestId('help-count').filter({ hasText: `${format.format(help.candidates.length)} people can help` }).waitFor();
    const cards = page.getByTestId('candidate');
    assert.equal(await cards.count(), help.candidates.length);
    // The first candidate reached through a friend: me → the friend who vouches → them.
    const index = help.candidates.findIndex((c) => c.path.length >= 3);
    assert.ok(index >= 0, 'some candidate is reached through a friend');
    const candidate = help.candidates[index]!;
    const chain = cards.nth(index).getByTestId('intro-path');
    const steps = await chain.locator('.path-node').allTextContents();
    assert.equal(steps.length, candidate.path.length);
    assert.equal(steps[0], `From${name(help.from!)}`);
    assert.equal(steps[1], `vouches${name(candidate.path[1]!.account)}`);
    assert.equal(steps.at(-1), name(candidate.account));
    assert.deepEqual(await cards.nth(index).locator('.why li').allTextContents(), candidate.why);
    await shot(page, '34-map-help');
  });

  it('imports an edge list, listing the refused lines, and exports GEXF', async () => {
    await page.getByRole('navigation', { name: 'Map pages' }).getByRole('link', { name: 'Import and export' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import and export' }).waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Choose a file to import.').waitFor();

    const csv = ['source,target,weight', 'ann,bob,2', 'bob,bob,1', 'carl,dina,heavy', 'dina,ann,3', 'ann,bob,4', ''].join('\n');
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'ties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    assert.equal(await page.getByLabel('File format').inputValue(), 'csv', 'the format follows the file’s name');
    await page.getByLabel('Network of the handles').fill('web-test');
    const imported = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/map/import'));
    await page.getByRole('button', { name: 'Import' }).click();
    const response = await imported;
    assert.equal(response.status(), 200);
    const report = (await response.json()) as { nodes: number; edges: number; errors: Array<{ line: number; message: string }>; warnings: Array<{ line: number; message: string }> };
    assert.ok(report.errors.length + report.warnings.length >= 2, 'the self-loop and the weight that is not a number are reported');
    const box = page.getByTestId('import-report');
    await box.waitFor();
    assert.match(await text(box.locator('.notice')), new RegExp(`Loaded: ${report.nodes} accounts \\(\\d+ new\\) and ${report.edges} ties\\.`));
    const lines = [...report.errors, ...report.warnings].sort((a, b) => a.line - b.line);
    const shown = await page.getByTestId('import-problems').locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.children[0]!.textContent, r.children[2]!.textContent]));
    assert.deepEqual(shown, lines.map((l) => [String(l.line), l.message]));
    assert.ok(lines.some((l) => l.line === 3) && lines.some((l) => l.line === 4), 'lines 3 (self-loop) and 4 (weight) are named');
    await shot(page, '35-map-import');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download GEXF' }).click();
    const gexf = fs.readFileSync(await (await download).path(), 'utf8');
    assert.match(gexf, /^<\?xml[^>]*>\s*<gexf /);
    assert.match(gexf, /web-test|ann/, 'the imported accounts are in the export');
  });

  it('speaks French', async () => {
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: /^FR/ }).click();
    const tabs = page.getByRole('navigation', { name: 'Pages de Cartographier' });
    await tabs.waitFor();
    assert.deepEqual(await tabs.getByRole('link').allTextContents(), ['Réseau', 'Influenceurs', 'Qui peut m’aider\u202f?', 'Importer et exporter']);
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('navigation', { name: 'Map pages' }).waitFor();
  });

  it('lets a viewer read the map but not import', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, session.url, /Viewer/);
    await page.goto(`${session.url}/w/${encodeURIComponent(workspace)}/map/data`);
    await page.getByText('Your role does not allow imports').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Import' }).count(), 0);
    await page.goto(`${session.url}/w/${encodeURIComponent(workspace)}/map/influencers`);
    await page.getByTestId('influencer-table').locator('tbody tr').first().getByRole('button').click();
    await page.getByTestId('influence-score').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Edit the skills' }).count(), 0, 'a viewer does not edit skills');
    assert.deepEqual(session.pageErrors, []);
  });
  it('draws 20,000 accounts and 100,000 ties imported through the page, and pans and zooms them (figures recorded)', { timeout: 600_000 }, async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, session.url, /Community manager/);

    // A planted-partition graph: 20 communities of 1,000 accounts, 100,000 directed ties, 85 % of
    // them inside a community (seeded: the same file every run).
    let seed = 1;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    const lines = ['source,target,weight'];
    const seen = new Set<number>();
    while (lines.length <= 100_000) {
      const u = Math.floor(random() * 20_000);
      const v = random() < 0.85 ? Math.floor(u / 1000) * 1000 + Math.floor(random() * 1000) : Math.floor(random() * 20_000);
      if (u === v || seen.has(u * 20_000 + v)) continue;
      seen.add(u * 20_000 + v);
      lines.push(`p${u},p${v},${1 + Math.floor(random() * 5)}`);
    }
    await page.goto(`${session.url}/w/${encodeURIComponent(workspace)}/map/data`);
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'planted.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByLabel('Network of the handles').fill('planted');
    const imported = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/map/import'), { timeout: 300_000 });
    await page.getByRole('button', { name: 'Import' }).click();
    const report = (await (await imported).json()) as { edges: number; errors: unknown[] };
    assert.equal(report.edges, 100_000);
    assert.deepEqual(report.errors, []);

    await page.getByRole('navigation', { name: 'Map pages' }).getByRole('link', { name: 'Network' }).click();
    const canvas = page.getByTestId('network-canvas');
    await page.locator('[data-testid="network-canvas"][data-state="rendered"]').waitFor({ timeout: 300_000 });
    const firstRender = await page.evaluate(() => {
      const requested = performance.getEntriesByName('relais:map:network-requested').at(-1)!.startTime;
      const rendered = performance.getEntriesByName('relais:map:first-render').at(-1)!.startTime;
      const answer = performance.getEntriesByType('resource').filter((e) => e.name.includes('/map/network')).at(-1) as PerformanceResourceTiming | undefined;
      return { ms: rendered - requested, answerMs: answer?.duration ?? null, answerBytes: answer?.encodedBodySize ?? null };
    });
    const network = await apiGet<ApiNetwork>(`${base}/network?limit=20000&edgeLimit=100000`);
    const edges = drawnEdges(network);
    assert.equal(network.nodes.length, 20_000);
    assert.ok(network.sampled && network.totalNodes > 20_000, 'beyond 20,000 accounts the API samples, and says so');
    const count = page.getByTestId('network-count');
    assert.equal(await count.getAttribute('data-nodes'), '20000');
    assert.equal(await count.getAttribute('data-edges'), String(edges.length));
    assert.ok(edges.length >= 99_000, `about 100,000 ties drawn (${edges.length})`);

    const layoutStart = Date.now();
    await page.locator('[data-testid="layout-status"][data-running="false"]').waitFor({ timeout: 300_000 });
    const layoutMs = Date.now() - layoutStart;
    const pixels = await canvasPixels(page, canvas, COMMUNITY_COLOURS);
    assert.ok(pixels.painted > 0.02 && pixels.found.length >= 3, `the large graph is drawn (${(pixels.painted * 100).toFixed(1)} %, colours ${pixels.found.length})`);
    await shot(page, '36-map-network-20k');

    /** Frames while `act` runs: requestAnimationFrame timestamps in the page. */
    async function frames(act: () => Promise<void>): Promise<{ frames: number; fps: number; medianMs: number; p95Ms: number; maxMs: number }> {
      await page.evaluate(() => {
        const w = window as unknown as { frames_: number[]; recording: boolean };
        w.frames_ = [];
        w.recording = true;
        const loop = (t: number) => {
          w.frames_.push(t);
          if (w.recording) requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
      });
      await act();
      const times = await page.evaluate(() => {
        const w = window as unknown as { frames_: number[]; recording: boolean };
        w.recording = false;
        return w.frames_;
      });
      const gaps = times.slice(1).map((t, i) => t - times[i]!).sort((a, b) => a - b);
      const span = times.at(-1)! - times[0]!;
      const at = (q: number) => Math.round((gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? 0) * 10) / 10;
      return { frames: times.length, fps: Math.round((10_000 * gaps.length) / Math.max(span, 1)) / 10, medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
    }
    const box = (await canvas.boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const idle = await frames(() => page.waitForTimeout(2_000));
    const pan = await frames(async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; i < 40; i += 1) await page.mouse.move(cx + 220 * Math.sin(i / 6), cy + 120 * Math.cos(i / 6), { steps: 1 });
      await page.mouse.up();
      await page.waitForTimeout(300);
    });
    const zoom = await frames(async () => {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 8; i += 1) {
        await page.mouse.wheel(0, i < 4 ? -240 : 240);
        await page.waitForTimeout(150);
      }
      await page.waitForTimeout(500);
    });
    const figures = {
      at: new Date().toISOString(),
      graph: { nodes: network.nodes.length, edges: edges.length, totalNodes: network.totalNodes, totalEdges: network.totalEdges },
      renderer: await page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        const info = gl?.getExtension('WEBGL_debug_renderer_info');
        return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'none';
      }),
      loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
      cores: os.cpus().length,
      firstRender,
      layoutMs,
      idle,
      pan,
      zoom,
    };
    fs.writeFileSync(path.join(SHOTS, 'map-explorer-perf.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`map explorer, 20,000 nodes / ${edges.length} ties: ${JSON.stringify(figures)}`);
    assert.ok(pan.frames > 1 && zoom.frames > 1, 'the page kept drawing frames while the camera moved');
    assert.deepEqual(session.pageErrors, []);
  });
});

// The buzz report as a user gets it: `relais report` writes a self-contained HTML file and a
// PDF printed by Chromium (its text checked with pdftotext when installed, else its header and
// page count), `relais buzz` summarises, bad input is refused clearly; over HTTP, the report and
// the dashboard answer with their roles checked.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { main } from '../../../src/cli.ts';
import type { DemoEvents } from '../../../src/demo/model.ts';
import { backfillTopics, createTopic } from '../../../src/listen/topics.ts';
import { anonymous, openTestApp, type TestApp } from '../../support/app.ts';
import { CHROMIUM, hasChromium, inCi } from '../../support/browser.ts';
import { eachDialect } from '../../support/databases.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftotext) console.warn('!!! pdftotext (poppler-utils) is missing: the PDF is checked by its header and page count only.');

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('relais report and relais buzz on the demo world', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-report-'));
  const url = `sqlite:${path.join(dir, 'relais.db')}`;
  const common = ['--workspace', 'demo', '--database', url];
  let events: DemoEvents;
  const peakDate = () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(events.scandal.peakDay);
  before(async () => {
    const loaded = await cli(['demo', '--size', 'small', '--seed', '1', '--database', url, '--json']);
    assert.equal(loaded.code, 0, loaded.err);
    events = (JSON.parse(loaded.out) as { summary: { events: DemoEvents } }).summary.events;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('relais buzz: the scandal’s peak, factors and co-mentioned names (its topics matched first)', async () => {
    const json = await cli(['buzz', '--topic', 'affaire delorme', ...common, '--json']);
    assert.equal(json.code, 0, json.err);
    const result = JSON.parse(json.out) as { total: number; story: { peak: { at: number; factor: number } }; names: Array<{ term: string }> };
    assert.equal(result.story.peak.at, events.scandal.peakDay);
    assert.ok(result.story.peak.factor >= 50);
    assert.ok(result.names.some((n) => n.term === 'Paul Verneuil'));
    const text = await cli(['buzz', '--topic', 'Affaire Delorme', ...common]);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, new RegExp(`Peak: ${peakDate()}`));
    assert.match(text.out, /news articles .* peak \d/);
  });

  test('relais report --format html: one file, charts as inline SVG, nothing fetched, the figures in it', async () => {
    const out = path.join(dir, 'delorme.html');
    const run = await cli(['report', '--topic', 'Affaire Delorme', ...common, '--from', '2026-09-16', '--to', '2026-11-14', '--out', out]);
    assert.equal(run.code, 0, run.err);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /<h1>Affaire Delorme<\/h1>/);
    assert.match(html, new RegExp(`The peak came on ${peakDate()}: [\\d,]+ mentions in the day, \\d+ times a usual day`));
    assert.match(html, /from an average of [\d.]+ news articles a day to [\d,]+ on/);
    assert.equal((html.match(/<svg/g) ?? []).length, 5, 'the five charts are inline SVG');
    assert.doesNotMatch(html, /<script|<link |src="http|url\(http/, 'self-contained');
    assert.match(html, /Paul Verneuil/);
    const fr = path.join(dir, 'delorme-fr.html');
    assert.equal((await cli(['report', '--topic', 'Affaire Delorme', ...common, '--out', fr, '--lang', 'fr'])).code, 0);
    assert.match(fs.readFileSync(fr, 'utf8'), /Le pic a eu lieu le/);
  });

  test('relais report --out FILE.pdf: a PDF printed by Chromium, with the report’s text', { skip: !hasChromium && !inCi ? `no Chromium at ${CHROMIUM}` : false }, async () => {
    const out = path.join(dir, 'delorme.pdf');
    const run = await cli(['report', '--topic', 'Affaire Delorme', ...common, '--out', out, '--json']);
    assert.equal(run.code, 0, run.err);
    assert.equal((JSON.parse(run.out) as { format: string }).format, 'pdf');
    const pdf = fs.readFileSync(out);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 3, `${pages} pages`);
    if (hasPdftotext) {
      const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
      assert.match(text, /Affaire Delorme/);
      assert.match(text, new RegExp(peakDate()));
      assert.match(text, /Who started it/);
    }
  });

  test('bad input: an unknown topic lists the topics, a bad date and format say which flag', async () => {
    const unknown = await cli(['buzz', '--topic', 'Nope', ...common]);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.err, /No topic "Nope"/);
    assert.match(unknown.err, /Affaire Delorme/);
    const date = await cli(['report', '--topic', 'Affaire Delorme', ...common, '--from', '16/09/2026', '--out', path.join(dir, 'x.html')]);
    assert.notEqual(date.code, 0);
    assert.match(date.err, /--from takes a date such as 2026-10-01/);
    const format = await cli(['report', ...common, '--format', 'docx', '--out', path.join(dir, 'x.docx')]);
    assert.match(format.err, /--format takes one of html, pdf/);
    assert.ok(!fs.existsSync(path.join(dir, 'x.html')), 'nothing written');
  });
});

eachDialect('the dashboard and report routes', (dialect) => {
  let t: TestApp;
  let topicId: number;
  const base = Date.UTC(2026, 9, 1);
  before(async () => {
    t = await openTestApp(dialect);
    const manager = await t.login('manager@acme.test');
    const mentions = Array.from({ length: 40 }, (_, i) => ({
      network: 'mastodon', networkId: `m${i}`, sourceType: i % 4 === 0 ? 'news' : 'microblog', url: `https://www.example.org/p/${i}`,
      author: { handle: `user${i % 7}@example.social`, displayName: `Marie Dupont ${i % 7}`, followers: 100 * (i % 7), location: 'Lyon, France' },
      publishedAt: base + (i < 30 ? 5 * 86_400_000 + i * 60_000 : (i - 30) * 86_400_000), title: null, text: `Rappel massif : Jean Martin parle du rappel des vestes ${i}`, lang: 'fr',
      links: [], hashtags: ['rappel'], mentioned: [], replyTo: null, quoteOf: null, reshareOf: null, engagement: { likes: i }, raw: {},
    }));
    const pushed = await manager.request('POST', '/api/v1/w/acme/mentions', { mentions }, { 'x-csrf-token': manager.csrfToken });
    assert.equal(pushed.status, 200, await pushed.text());
    const workspaceId = (await t.database.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()).id;
    topicId = (await createTopic(t.database.db, workspaceId, { name: 'Rappel', query: 'rappel' }, t.clock.now)).id;
    await backfillTopics(t.database.db, workspaceId, [topicId], { now: t.clock.now });
  });
  after(() => t.dispose());

  test('GET the dashboard: the figures of the pushed mentions; bad periods and topics refused', async () => {
    const viewer = await t.login('viewer@acme.test');
    const response = await viewer.request('GET', `/api/v1/w/acme/analytics/dashboard?topic=${topicId}&from=${base}&to=${base + 20 * 86_400_000}`);
    assert.equal(response.status, 200, await response.clone().text());
    const d = (await response.json()) as { total: number; bySource: Record<string, number>; hashtags: Array<{ term: string; count: number }>; sites: Array<{ term: string }>; countries: Array<{ key: string }> };
    assert.equal(d.total, 40);
    assert.deepEqual(d.bySource, { microblog: 30, news: 10 });
    assert.deepEqual(d.hashtags[0], { term: 'rappel', count: 40 });
    assert.equal(d.sites[0]!.term, 'example.org');
    assert.equal(d.countries[0]!.key, 'FR');
    const defaulted = (await (await viewer.request('GET', `/api/v1/w/acme/analytics/dashboard?topic=${topicId}`)).json()) as { to: number; total: number };
    assert.equal(defaulted.to, base + 10 * 86_400_000, 'the period ends with the day of the last mention');
    assert.equal(defaulted.total, 40);
    const bad = await viewer.request('GET', `/api/v1/w/acme/analytics/dashboard?from=10&to=5`);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'RELAIS_REQUEST_INVALID');
    assert.equal((await viewer.request('GET', '/api/v1/w/acme/analytics/dashboard?topic=999999')).status, 404);
    const outsider = await t.login('outsider@other.test');
    assert.equal((await outsider.request('GET', `/api/v1/w/acme/analytics/dashboard?topic=${topicId}`)).status, 404, 'another workspace is not revealed');
    assert.equal((await anonymous(t.app).request('GET', '/api/v1/w/acme/analytics/live')).status, 401);
    const live = await viewer.request('GET', `/api/v1/w/acme/analytics/live?topic=${topicId}`);
    assert.equal(live.status, 200);
  });

  test('GET the report as HTML and PDF, as attachments', async () => {
    const viewer = await t.login('viewer@acme.test');
    const html = await viewer.request('GET', `/api/v1/w/acme/reports/buzz?topic=${topicId}&lang=fr`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.match(html.headers.get('content-disposition') ?? '', /attachment; filename="buzz-rappel-\d{4}-\d{2}-\d{2}\.html"/);
    const body = await html.text();
    assert.match(body, /Rapport de buzz/);
    assert.match(body, /Jean Martin/);
    if (!hasChromium && !inCi) return;
    const pdf = await viewer.request('GET', `/api/v1/w/acme/reports/buzz?topic=${topicId}&format=pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  });
});

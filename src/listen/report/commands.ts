// `relais report` (the buzz report as an HTML or PDF file) and `relais buzz` (its summary in
// the terminal).
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { findWorkspace } from '../../platform/auth/store.ts';
import { choiceFlag, requiredFlag, type Command, type FlagValues } from '../../platform/command.ts';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import { backfillTopics, topicsToBackfill } from '../topics.ts';
import { buildReport, type ReportData } from './build.ts';
import { renderReportHtml, reportFormat } from './html.ts';
import { REPORT_MESSAGES } from './messages.ts';
import { printPdf } from './pdf.ts';
import { resolvePeriod, resolveTopic } from './period.ts';

async function gather(db: Kysely<PlatformTables>, dialect: 'sqlite' | 'postgres', values: FlagValues): Promise<ReportData> {
  const slug = requiredFlag(values.workspace, '--workspace', 'the workspace slug, e.g. --workspace demo');
  const workspace = await findWorkspace(db, slug);
  if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
  // Topics still waiting for their match against stored mentions (a fresh demo world, a serve
  // stopped mid-way) are matched first: a report on half its mentions would mislead.
  const pending = await topicsToBackfill(db, workspace.id);
  if (pending.length > 0) await backfillTopics(db, workspace.id, pending, { now: Date.now() });
  const topic = values.topic === undefined ? undefined : await resolveTopic(db, workspace.id, requiredFlag(values.topic, '--topic'));
  const period = await resolvePeriod(db, workspace.id, { from: values.from as string | undefined, to: values.to as string | undefined }, Date.now());
  return buildReport(db, dialect, { workspaceId: workspace.id, topicId: topic?.id, ...period }, Date.now());
}

const PERIOD_HELP = `--topic NAME|ID   the topic (default: the whole workspace)
--from DATE       first day, YYYY-MM-DD (UTC); default: 60 days before --to
--to DATE         last day, included; default: the day of the workspace's last mention`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the buzz report of a topic as HTML or PDF',
  help: `Usage: relais report --workspace SLUG [--topic NAME] [--from DATE] [--to DATE] --out FILE [--format html|pdf] [--lang en|fr]

Writes the buzz report: totals per source type, how many times a usual day at the peak, when
the buzz started and who started it, how it spread across source types, the daily chart, a
world map by country, author gender, sentiment, keywords, co-mentioned names, key authors and
the most engaging quotes. The HTML file stands alone (charts as inline SVG); the PDF is that
HTML printed by Chromium (/usr/bin/chromium).

${PERIOD_HELP}
--out FILE        where to write it
--format          html or pdf (default: from the extension of --out, else html)
--lang            en or fr (default: en)
Common options: --database URL, --json, -h/--help.`,
  options: { workspace: { type: 'string' }, topic: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' } },
  async run({ values }, io) {
    const out = requiredFlag(values.out, '--out', 'relais report --topic "Affaire Delorme" --workspace demo --out delorme.pdf');
    const format = choiceFlag(values.format, '--format', ['html', 'pdf'] as const, path.extname(out).toLowerCase() === '.pdf' ? 'pdf' : 'html');
    const lang = choiceFlag(values.lang, '--lang', ['en', 'fr'] as const, 'en');
    const data = await io.withDatabase(values, (database) => gather(database.db, database.dialect, values));
    const html = await renderReportHtml(data, lang);
    const bytes = format === 'pdf' ? await printPdf(html) : Buffer.from(html);
    fs.writeFileSync(out, bytes);
    const summary = { out: path.resolve(out), format, bytes: bytes.length, topic: data.dashboard.topic?.name ?? null, mentions: data.dashboard.total, peak: data.story.peak };
    io.out(values.json ? JSON.stringify(summary) : `Wrote ${summary.out} (${format.toUpperCase()}, ${bytes.length} bytes): ${data.dashboard.total} mentions${data.story.peak ? `, peak ${new Date(data.story.peak.at).toISOString().slice(0, 10)}` : ''}.`);
  },
};

export const buzzCommand: Command = {
  name: 'buzz',
  summary: 'Summarise a topic’s buzz in the terminal: totals, peak, factors, spread, keywords',
  help: `Usage: relais buzz --workspace SLUG --topic NAME [--from DATE] [--to DATE] [--lang en|fr] [--json]

Prints what the buzz report says, in brief: mentions per source type with their usual day and
peak factor, when the buzz started, who started it, how it spread, countries, gender, keywords
and co-mentioned names.

${PERIOD_HELP}
Common options: --database URL, --json, -h/--help.`,
  options: { workspace: { type: 'string' }, topic: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, lang: { type: 'string' } },
  async run({ values }, io) {
    requiredFlag(values.topic, '--topic', 'relais buzz --topic "Affaire Delorme" --workspace demo');
    const lang = choiceFlag(values.lang, '--lang', ['en', 'fr'] as const, 'en');
    const data = await io.withDatabase(values, (database) => gather(database.db, database.dialect, values));
    const { dashboard: d, story } = data;
    if (values.json) {
      io.out(JSON.stringify({ topic: d.topic, from: d.from, to: d.to, total: d.total, authors: d.authorsCount, story, starters: data.starters, countries: d.countries.slice(0, 10), gender: d.gender, keywords: d.terms.keywords.slice(0, 20), names: d.terms.names.slice(0, 10) }));
      return;
    }
    const m = REPORT_MESSAGES[lang];
    const f = reportFormat(lang);
    const source = (t: string) => (m as Record<string, string>)[`source.${t}`] ?? t;
    const lines = [`${d.topic?.name ?? m.workspace} — ${f.day(d.from)} → ${f.day(d.to - 1)}`, `${f.number(d.total)} mentions, ${f.number(d.authorsCount)} authors`, ''];
    for (const s of story.sources) {
      lines.push(`  ${source(s.sourceType).padEnd(26)} ${f.number(s.total).padStart(8)}   usual ${f.factor(s.usualPerDay ?? 0).padStart(6)}/day   peak ${s.peak ? `${f.number(s.peak.count)} on ${f.short(s.peak.at)} (×${f.factor(s.peak.factor)})` : '—'}`);
    }
    lines.push('');
    if (story.peak) lines.push(`Peak: ${f.day(story.peak.at)}, ${f.number(story.peak.count)} mentions, ×${f.factor(story.peak.factor)} a usual day`);
    if (story.burst) lines.push(`Burst: ${story.burst.days} days, ${f.day(story.burst.from)} → ${f.day(story.burst.to)}; started ${story.onsetAt === null ? '?' : `${f.hour(story.onsetAt)} UTC`}`);
    else lines.push('No burst: no day stood out from the usual volume.');
    if (story.burst) {
      for (const s of data.starters) lines.push(`  started by @${s.author?.handle ?? '?'} (${f.number(s.author?.followers ?? 0)} followers, ${source(s.sourceType)}, ${f.hour(s.publishedAt)}): ${s.text.replace(/\s+/g, ' ').slice(0, 100)}`);
      if (story.spread.length) lines.push(`Spread: ${story.spread.map((s) => `${source(s.sourceType)} (${f.hour(s.caughtAt)})`).join(' → ')}`);
    }
    const share = (n: number) => f.percent(d.total ? n / d.total : 0);
    lines.push(`Countries: ${d.countries.slice(0, 6).map((c) => `${c.key} ${share(c.count)}`).join(', ')}`);
    lines.push(`Gender: men ${share(d.gender.m)}, women ${share(d.gender.f)}, unknown ${share(d.gender.unknown)}, organisations ${share(d.gender.organisation)}`);
    lines.push(`Keywords: ${d.terms.keywords.slice(0, 12).map((k) => k.term).join(', ')}`);
    lines.push(`Co-mentioned: ${d.terms.names.slice(0, 8).map((k) => `${k.term} (${k.count})`).join(', ')}`);
    io.out(lines.join('\n'));
  },
};

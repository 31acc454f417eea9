// The buzz report as one self-contained HTML file: text, tables and charts drawn to inline SVG
// on the server, styles inline, no script and no external resource — it opens offline, mails
// as an attachment and prints to PDF as it is (pdf.ts).
import { barsOption, GENDER_COLORS, linesOption, mapOption, pieOption, SENTIMENT_COLORS, volumeOption } from '../dashboard/charts.ts';
import type { MentionSample } from '../dashboard/queries.ts';
import type { ReportData } from './build.ts';
import { REPORT_MESSAGES, type ReportLang, type ReportMessages } from './messages.ts';
import { renderSvg } from './svg.ts';

const esc = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

export function reportFormat(lang: ReportLang) {
  const tag = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const hour = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([tag], { type: 'region' });
  return {
    number: (n: number) => number.format(n),
    factor: (n: number | null) => (n === null ? '—' : n >= 10 ? number.format(Math.round(n)) : new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(n)),
    percent: (share: number) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share),
    day: (at: number) => day.format(at),
    short: (at: number) => short.format(at),
    hour: (at: number) => hour.format(at),
    country: (code: string) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

export async function renderReportHtml(data: ReportData, lang: ReportLang = 'en'): Promise<string> {
  const m: ReportMessages = REPORT_MESSAGES[lang];
  const f = reportFormat(lang);
  const { dashboard: d, story } = data;
  const source = (type: string) => (m as Record<string, string>)[`source.${type}`] ?? type;
  const name = d.topic?.name ?? m.workspace;

  const all = d.daily.buzz.find((b) => b.sourceType === 'all');
  const spikes = (all?.days ?? []).flatMap((day, index) => (day.burst ? [{ index, text: `×${f.factor(day.factor)}` }] : []));
  const [timeline, map, gender, sentiment] = await Promise.all([
    renderSvg(volumeOption({ labels: d.daily.at.map(f.short), bySource: d.daily.bySource, spikes, sourceName: source, spikeName: m.spikeName }), { width: 760, height: 320 }),
    renderSvg(mapOption({ countries: d.countries, countryName: f.country, seriesName: m.count }), { width: 760, height: 380 }),
    renderSvg(
      pieOption({ seriesName: m.gender, slices: (['m', 'f', 'unknown', 'organisation'] as const).map((k) => ({ name: m[`gender.${k}`], value: d.gender[k], color: GENDER_COLORS[k] })) }),
      { width: 370, height: 280 },
    ),
    renderSvg(
      linesOption({ labels: d.daily.at.map(f.short), stack: true, lines: (['negative', 'neutral', 'positive', 'unscored'] as const).map((k) => ({ name: m[`sentiment.${k}`], data: d.sentiment.daily[k], color: SENTIMENT_COLORS[k] })) }),
      { width: 370, height: 280 },
    ),
  ]);
  const keywordChart = await renderSvg(barsOption({ seriesName: m.count, items: d.terms.keywords.slice(0, 15).map((k) => ({ name: k.term, value: k.count })) }), { width: 370, height: 360 });

  const sources = story.sources.filter((s) => s.total > 0);
  const multiplied = sources.filter((s) => s.peak && s.peak.count > 0);
  const maxFactor = Math.max(0, ...multiplied.map((s) => s.peak!.factor ?? 0));
  const unknownCountry = d.countries.find((c) => c.key === 'unknown')?.count ?? 0;
  const table = (head: string[], rows: string[][], caption: string) =>
    `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
  const quote = (q: MentionSample) =>
    `<blockquote><p>${esc(q.title ? `${q.title} — ` : '')}${esc(q.text.length > 320 ? `${q.text.slice(0, 317)}…` : q.text)}</p><footer>${esc(q.author ? (q.author.displayName ?? q.author.handle) : '?')}${q.author ? ` (@${esc(q.author.handle)}, ${esc(f.number(q.author.followers))} ${esc(m.followers.toLowerCase())})` : ''} · ${esc(source(q.sourceType))} · ${esc(f.hour(q.publishedAt))} UTC · ${esc(m.engagement.toLowerCase())} ${esc(f.number(q.engagement))}${q.url ? ` · <a href="${esc(q.url)}">${esc(q.url.replace(/^https?:\/\//, '').slice(0, 60))}</a>` : ''}</footer></blockquote>`;

  const cloudMax = Math.max(1, ...d.terms.keywords.map((k) => k.count));
  const cloud = d.terms.keywords.map((k) => `<span style="font-size:${(0.85 + 1.6 * Math.sqrt(k.count / cloudMax)).toFixed(2)}em">${esc(k.term)}</span>`).join(' ');

  const body = `
<header><p class="eyebrow">${esc(m.title)}</p><h1>${esc(name)}</h1>
<p>${esc(fill(m.period, { from: f.day(d.from), to: f.day(d.to - 1) }))}${d.topic ? ` · <code>${esc(d.topic.query)}</code>` : ''}</p></header>
<section><h2>${esc(m.summary)}</h2>
<p>${esc(fill(m.totals, { total: f.number(d.total), authors: f.number(d.authorsCount), reach: f.number(d.reach) }))}</p>
<ul class="totals">${sources.map((s) => `<li><strong>${esc(f.number(s.total))}</strong> ${esc(source(s.sourceType))}</li>`).join('')}</ul>
<p>${story.peak ? esc(fill(m.peakLine, { date: f.day(story.peak.at), count: f.number(story.peak.count), factor: f.factor(story.peak.factor) })) : esc(m.noPeak)}</p>
${story.burst ? `<p>${esc(fill(m.burstLine, { days: story.burst.days, from: f.day(story.burst.from), to: f.day(story.burst.to) }))}</p>` : ''}
${story.onsetAt !== null && story.burst ? `<p>${esc(fill(m.onsetLine, { date: f.hour(story.onsetAt) }))}</p>` : ''}
${multiplied.length && story.burst ? `<p>${esc(fill(m.multiplied, { factor: f.factor(maxFactor) }))}</p><ul>${multiplied.map((s) => `<li>${esc(fill(m.fromTo, { usual: f.factor(s.usualPerDay ?? 0), source: source(s.sourceType), peak: f.number(s.peak!.count), date: f.day(s.peak!.at), factor: f.factor(s.peak!.factor) }))}</li>`).join('')}</ul>` : ''}
</section>
<section><h2>${esc(m.timeline)}</h2><figure role="img" aria-label="${esc(m.timelineAlt)}">${timeline}<figcaption>${esc(m.timelineAlt)}</figcaption></figure>
${table([m.date, ...Object.keys(d.daily.bySource).map(source), m.count], d.daily.at.map((at, i) => [esc(f.short(at)), ...Object.values(d.daily.bySource).map((v) => esc(f.number(v[i] ?? 0))), esc(f.number(Object.values(d.daily.bySource).reduce((s, v) => s + (v[i] ?? 0), 0))) + (all?.days[i]?.burst ? ` <strong>(${esc(m.spikeName)} ×${esc(f.factor(all.days[i]!.factor))})</strong>` : '')]), m.timeline)}</section>
<section><h2>${esc(m.starters)}</h2>${data.starters.length && story.burst ? data.starters.map(quote).join('') : `<p>${esc(m.startersNone)}</p>`}</section>
<section><h2>${esc(m.spread)}</h2>${story.spread.length ? `<p>${esc(m.spreadLine)}</p><ol class="spread">${story.spread.map((s) => `<li><strong>${esc(source(s.sourceType))}</strong> — ${esc(f.hour(s.caughtAt))} UTC (${esc(f.number(s.count))})</li>`).join('')}</ol>` : ''}</section>
<section class="pair"><div><h2>${esc(m.gender)}</h2><figure role="img" aria-label="${esc(m.gender)}">${gender}</figure>
${table([m.author, m.count, m.share], (['m', 'f', 'unknown', 'organisation'] as const).map((k) => [esc(m[`gender.${k}`]), esc(f.number(d.gender[k])), esc(f.percent(d.total ? d.gender[k] / d.total : 0))]), m.gender)}<p class="note">${esc(m.genderNote)}</p></div>
<div><h2>${esc(m.sentiment)}</h2><figure role="img" aria-label="${esc(m.sentiment)}">${sentiment}</figure>
${table([m.sentiment, m.count, m.share], (['positive', 'neutral', 'negative', 'unscored'] as const).map((k) => [esc(m[`sentiment.${k}`]), esc(f.number(d.sentiment.split[k])), esc(f.percent(d.total ? d.sentiment.split[k] / d.total : 0))]), m.sentiment)}
${d.sentiment.split.unscored ? `<p class="note">${esc(fill(m.sentimentUnscored, { share: f.percent(d.total ? d.sentiment.split.unscored / d.total : 0) }))}</p>` : ''}</div></section>
<section><h2>${esc(m.countries)}</h2><figure role="img" aria-label="${esc(m.countriesAlt)}">${map}<figcaption>${esc(m.countriesAlt)}</figcaption></figure>
${table([m.country, m.count, m.share], d.countries.filter((c) => c.key !== 'unknown').slice(0, 12).map((c) => [esc(f.country(c.key)), esc(f.number(c.count)), esc(f.percent(c.count / Math.max(1, d.total)))]), m.countries)}
<p class="note">${esc(fill(m.countryUnknown, { count: f.number(unknownCountry) }))}</p></section>
<section class="pair"><div><h2>${esc(m.keywords)}</h2><p class="cloud">${cloud}</p><figure role="img" aria-label="${esc(m.keywords)}">${keywordChart}</figure><p class="note">${esc(fill(m.keywordsNote, { sampled: f.number(d.terms.sampled) }))}</p></div>
<div><h2>${esc(m.names)}</h2>${table([m.names, m.count], d.terms.names.slice(0, 12).map((n) => [esc(n.term), esc(f.number(n.count))]), m.names)}
<h2>${esc(m.hashtags)}</h2>${table([m.hashtags, m.count], d.hashtags.slice(0, 10).map((h) => [`#${esc(h.term)}`, esc(f.number(h.count))]), m.hashtags)}</div></section>
<section><h2>${esc(m.authors)}</h2>${table([m.author, m.followers, m.mentions, m.engagement, m.country], d.authors.byReach.map((a) => [`${esc(a.displayName ?? a.handle)} <small>@${esc(a.handle)}</small>`, esc(f.number(a.followers)), esc(f.number(a.mentions)), esc(f.number(a.engagement)), esc(a.country ? f.country(a.country) : '—')]), m.authors)}</section>
<section><h2>${esc(m.quotes)}</h2>${data.quotes.map(quote).join('')}</section>
<footer><p>${esc(fill(m.made, { date: f.hour(data.madeAt) }))}</p></footer>`;

  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.title)} — ${esc(name)}</title>
<style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

const STYLE = `
body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1d2127;background:#fff}
main{max-width:800px;margin:0 auto;padding:24px}
h1{font-size:1.9em;margin:.1em 0}h2{font-size:1.2em;margin:1.4em 0 .5em;border-bottom:1px solid #dee2e6;padding-bottom:.2em}
.eyebrow{text-transform:uppercase;letter-spacing:.08em;color:#1f5fa8;font-weight:600;margin:0}
.totals{display:flex;flex-wrap:wrap;gap:.4em 1.4em;list-style:none;padding:0}.totals strong{font-size:1.3em}
figure{margin:.5em 0}figure svg{max-width:100%;height:auto}figcaption,.note{color:#555d66;font-size:.88em}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.9em}table.daily{font-size:.78em}caption{text-align:left;font-weight:600;position:absolute;left:-9999px}
th,td{text-align:left;padding:.2em .5em;border-bottom:1px solid #e9ecef}td{text-align:right}thead th{background:#f1f3f5}
section>table{max-height:none}.pair{display:grid;grid-template-columns:1fr 1fr;gap:24px}.pair h2{margin-top:1em}
blockquote{margin:.6em 0;padding:.4em .9em;border-left:4px solid #1f5fa8;background:#f8f9fa}blockquote p{margin:0 0 .3em}blockquote footer{font-size:.85em;color:#555d66}
.cloud{line-height:1.9}.cloud span{margin-right:.45em;color:#1f5fa8}
.spread li{margin:.2em 0}code{background:#f1f3f5;padding:0 .3em;border-radius:3px}
section:has(>table:nth-of-type(1)) table{page-break-inside:auto}tr{page-break-inside:avoid}
@media print{main{padding:0}section{break-inside:auto}figure,blockquote{break-inside:avoid}a{color:inherit}}
`;

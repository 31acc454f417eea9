// The dashboard's panels: volume by source with spikes, map, gender, sentiment, keywords and
// co-mentions, top authors, sites and languages, share of voice. Each chart comes with its
// figures as a table. The chart options are the ones the buzz report draws
// (src/listen/dashboard/charts.ts).
import { useMemo, useState } from 'react';
import type { components } from '../api/schema.d.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { barsOption, GENDER_COLORS, linesOption, mapOption, pieOption, SENTIMENT_COLORS, volumeOption } from '../../../src/listen/dashboard/charts.ts';
import { Chart, DataTable } from './dashboard-chart.tsx';
import { countryName } from './format.ts';
import { isSourceType } from './types.ts';

export type DashboardData = components['schemas']['Dashboard'];
type AuthorRanking = keyof DashboardData['authors'];

const GENDERS = ['m', 'f', 'unknown', 'organisation'] as const;
const SENTIMENTS = ['negative', 'neutral', 'positive', 'unscored'] as const;

function useFormats() {
  const { t, locale, formatNumber } = useI18n();
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const hour = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', hour: '2-digit', timeZone: 'UTC' });
    const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    const factor = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    return {
      t,
      locale,
      number: formatNumber,
      day: (at: number) => day.format(at),
      hour: (at: number) => hour.format(at),
      percent: (share: number) => percent.format(share),
      factor: (n: number | null | undefined) => (n == null ? '—' : factor.format(n >= 10 ? Math.round(n) : n)),
      source: (type: string) => (isSourceType(type) ? t(`source.${type}`) : type),
      sentiment: (k: (typeof SENTIMENTS)[number]) => (k === 'unscored' ? t('dashboard.sentiment.unscored') : t(`sentiment.${k}`)),
      country: (code: string) => (code === 'unknown' ? t('dashboard.unknown') : countryName(code, locale)),
    };
  }, [t, locale, formatNumber, tag]);
}

export function VolumePanel({ data }: { data: DashboardData }) {
  const f = useFormats();
  const all = data.daily.buzz.find((b) => b.sourceType === 'all');
  const hourly = data.volume.bucket === 'hour';
  const labels = data.volume.at.map(hourly ? f.hour : f.day);
  const spikes = hourly ? [] : (all?.days ?? []).flatMap((d, index) => (d.burst ? [{ index, text: `×${f.factor(d.factor)}` }] : []));
  const option = useMemo(() => volumeOption({ labels, bySource: data.volume.bySource, spikes, sourceName: f.source, spikeName: f.t('dashboard.spike'), animation: true }), [data, f]); // eslint-disable-line react-hooks/exhaustive-deps
  const sources = Object.keys(data.volume.bySource);
  const spikeDays = (all?.days ?? []).flatMap((d, i) => (d.burst ? [f.t('dashboard.spikeItem', { date: f.day(data.daily.at[i]!), count: f.number(d.count), factor: f.factor(d.factor) })] : []));
  return (
    <section className="dash-panel dash-wide" aria-labelledby="dash-volume">
      <h2 id="dash-volume">{f.t('dashboard.volume')}</h2>
      <p className="dash-spikes">{spikeDays.length ? f.t('dashboard.spikes', { list: spikeDays.join(', ') }) : f.t('dashboard.noSpikes')}</p>
      <Chart
        option={option}
        height={320}
        label={f.t('dashboard.volumeAlt', { bucket: f.t(hourly ? 'dashboard.bucket.hour' : 'dashboard.bucket.day') })}
        table={
          <DataTable
            caption={f.t('dashboard.volume')}
            head={[f.t('dashboard.date'), ...sources.map(f.source), f.t('dashboard.total')]}
            rows={data.volume.at.map((_, i) => [labels[i]!, ...sources.map((s) => f.number(data.volume.bySource[s]![i] ?? 0)), f.number(sources.reduce((n, s) => n + (data.volume.bySource[s]![i] ?? 0), 0))])}
          />
        }
      />
    </section>
  );
}

export function MapPanel({ data }: { data: DashboardData }) {
  const f = useFormats();
  const option = useMemo(() => mapOption({ countries: data.countries, countryName: f.country, seriesName: f.t('dashboard.count'), animation: true }), [data, f]);
  return (
    <section className="dash-panel dash-wide" aria-labelledby="dash-countries">
      <h2 id="dash-countries">{f.t('dashboard.countries')}</h2>
      <Chart
        option={option}
        height={360}
        label={f.t('dashboard.countriesAlt')}
        table={<DataTable caption={f.t('dashboard.countries')} head={[f.t('dashboard.country'), f.t('dashboard.count'), f.t('dashboard.share')]} rows={data.countries.map((c) => [f.country(c.key), f.number(c.count), f.percent(c.count / Math.max(1, data.total))])} />}
      />
    </section>
  );
}

export function GenderPanel({ data }: { data: DashboardData }) {
  const f = useFormats();
  const name = (k: (typeof GENDERS)[number]) => f.t(`dashboard.gender.${k}`);
  const option = useMemo(() => pieOption({ seriesName: f.t('dashboard.gender'), slices: GENDERS.map((k) => ({ name: name(k), value: data.gender[k], color: GENDER_COLORS[k] })), animation: true }), [data, f]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section className="dash-panel" aria-labelledby="dash-gender">
      <h2 id="dash-gender">{f.t('dashboard.gender')}</h2>
      <Chart option={option} height={260} label={f.t('dashboard.genderAlt')} table={<DataTable caption={f.t('dashboard.gender')} head={[f.t('dashboard.author'), f.t('dashboard.count'), f.t('dashboard.share')]} rows={GENDERS.map((k) => [name(k), f.number(data.gender[k]), f.percent(data.gender[k] / Math.max(1, data.total))])} />} />
    </section>
  );
}

export function SentimentPanel({ data }: { data: DashboardData }) {
  const f = useFormats();
  const option = useMemo(
    () => linesOption({ labels: data.daily.at.map(f.day), stack: true, lines: SENTIMENTS.map((k) => ({ name: f.sentiment(k), data: data.sentiment.daily[k], color: SENTIMENT_COLORS[k] })), animation: true }),
    [data, f],
  );
  return (
    <section className="dash-panel" aria-labelledby="dash-sentiment">
      <h2 id="dash-sentiment">{f.t('dashboard.sentiment')}</h2>
      <ul className="dash-split">
        {SENTIMENTS.map((k) => (
          <li key={k} className={`sentiment-${k}`}>
            {f.sentiment(k)} <strong>{f.percent(data.sentiment.split[k] / Math.max(1, data.total))}</strong>
          </li>
        ))}
      </ul>
      <Chart option={option} height={230} label={f.t('dashboard.sentimentAlt')} table={<DataTable caption={f.t('dashboard.sentiment')} head={[f.t('dashboard.date'), ...SENTIMENTS.map(f.sentiment)]} rows={data.daily.at.map((at, i) => [f.day(at), ...SENTIMENTS.map((k) => f.number(data.sentiment.daily[k][i] ?? 0))])} />} />
    </section>
  );
}

function TermList({ title, items, prefix = '' }: { title: string; items: Array<{ term: string; count: number }>; prefix?: string }) {
  const f = useFormats();
  return (
    <div className="dash-terms">
      <h3>{title}</h3>
      {items.length ? (
        <ol>
          {items.map((i) => (
            <li key={i.term}>
              <span>{prefix + i.term}</span> <span className="dash-count">{f.number(i.count)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="dash-none">—</p>
      )}
    </div>
  );
}

export function KeywordsPanel({ data }: { data: DashboardData }) {
  const f = useFormats();
  const option = useMemo(() => barsOption({ seriesName: f.t('dashboard.count'), items: data.terms.keywords.slice(0, 15).map((k) => ({ name: k.term, value: k.count })), animation: true }), [data, f]);
  return (
    <section className="dash-panel dash-wide" aria-labelledby="dash-keywords">
      <h2 id="dash-keywords">{f.t('dashboard.keywords')}</h2>
      <p className="dash-note">{f.t('dashboard.keywordsNote', { count: f.number(data.terms.sampled) })}</p>
      <div className="dash-columns">
        <Chart option={option} height={360} label={f.t('dashboard.keywordsAlt')} table={<DataTable caption={f.t('dashboard.keywords')} head={[f.t('dashboard.term'), f.t('dashboard.count')]} rows={data.terms.keywords.map((k) => [k.term, f.number(k.count)])} />} />
        <TermList title={f.t('dashboard.names')} items={data.terms.names.slice(0, 10)} />
        <TermList title={f.t('dashboard.hashtags')} items={data.hashtags.slice(0, 10)} prefix="#" />
        <TermList title={f.t('dashboard.handles')} items={data.handles.slice(0, 10)} prefix="@" />
        <TermList title={f.t('dashboard.phrases')} items={data.terms.phrases.slice(0, 10)} />
      </div>
    </section>
  );
}

export function AuthorsPanel({ data }: { data: DashboardData }) {
  const f = useFormats();
  const [by, setBy] = useState<AuthorRanking>('byVolume');
  const authors = data.authors[by];
  return (
    <section className="dash-panel dash-wide" aria-labelledby="dash-authors">
      <h2 id="dash-authors">{f.t('dashboard.authors')}</h2>
      <div className="dash-inline">
        <label htmlFor="dash-authors-by">{f.t('dashboard.authorsBy')}</label>
        <select id="dash-authors-by" value={by} onChange={(e) => setBy(e.target.value as AuthorRanking)}>
          {(['byVolume', 'byReach', 'byEngagement'] as const).map((k) => (
            <option key={k} value={k}>
              {f.t(`dashboard.authorsBy.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <DataTable
        caption={`${f.t('dashboard.authors')} — ${f.t(`dashboard.authorsBy.${by}`)}`}
        head={[f.t('dashboard.author'), f.t('dashboard.count'), f.t('dashboard.followers'), f.t('dashboard.engagement'), f.t('dashboard.country')]}
        rows={authors.map((a) => [`${a.displayName ?? a.handle} (@${a.handle})`, f.number(a.mentions), f.number(a.followers), f.number(a.engagement), a.country ? f.country(a.country) : '—'])}
      />
    </section>
  );
}

export function SitesPanel({ data }: { data: DashboardData }) {
  const f = useFormats();
  const languages = new Intl.DisplayNames([f.locale === 'fr' ? 'fr-FR' : 'en-GB'], { type: 'language' });
  const language = (code: string) => {
    try {
      return code === 'unknown' ? f.t('dashboard.unknown') : (languages.of(code) ?? code);
    } catch {
      return code;
    }
  };
  return (
    <section className="dash-panel" aria-labelledby="dash-sites">
      <h2 id="dash-sites">{f.t('dashboard.sites')}</h2>
      <DataTable caption={f.t('dashboard.sites')} head={[f.t('dashboard.site'), f.t('dashboard.count')]} rows={data.sites.slice(0, 10).map((s) => [s.term, f.number(s.count)])} />
      <h2>{f.t('dashboard.languages')}</h2>
      <DataTable caption={f.t('dashboard.languages')} head={[f.t('dashboard.language'), f.t('dashboard.count'), f.t('dashboard.share')]} rows={data.languages.map((l) => [language(l.key), f.number(l.count), f.percent(l.count / Math.max(1, data.total))])} />
    </section>
  );
}

export function ShareOfVoicePanel({ data }: { data: DashboardData }) {
  const f = useFormats();
  const sov = data.shareOfVoice;
  const option = useMemo(() => linesOption({ labels: sov.at.map(f.day), lines: sov.topics.map((t) => ({ name: t.name, data: t.daily })), animation: true }), [sov, f]);
  if (sov.topics.length === 0) return null;
  return (
    <section className="dash-panel dash-wide" aria-labelledby="dash-sov">
      <h2 id="dash-sov">{f.t('dashboard.shareOfVoice')}</h2>
      <ul className="dash-split">
        {sov.topics.map((t) => (
          <li key={t.id} aria-current={data.topic?.id === t.id ? 'true' : undefined}>
            {t.name} <strong>{f.percent(t.share)}</strong>
          </li>
        ))}
      </ul>
      <Chart option={option} height={260} label={f.t('dashboard.shareOfVoiceAlt')} table={<DataTable caption={f.t('dashboard.shareOfVoice')} head={[f.t('dashboard.topic'), f.t('dashboard.count'), f.t('dashboard.share')]} rows={sov.topics.map((t) => [t.name, f.number(t.total), f.percent(t.share)])} />} />
    </section>
  );
}

export { useFormats };

// Listen's dashboard: pick a topic (or the whole workspace) and a period; every figure comes
// from one call (GET …/analytics/dashboard), the live view from its own; the buzz report of the
// same topic and period downloads as HTML or PDF.
import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { AuthorsPanel, GenderPanel, KeywordsPanel, MapPanel, SentimentPanel, ShareOfVoicePanel, SitesPanel, useFormats, VolumePanel, type DashboardData } from './dashboard-sections.tsx';
import { LivePanel } from './dashboard-live.tsx';
import type { Topics } from './use-topics.ts';
import './dashboard-styles.css';

const DAY_MS = 86_400_000;
const PRESETS = ['7', '30', '60', '90'] as const;
type Preset = (typeof PRESETS)[number] | 'custom';

type State = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: DashboardData };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parseDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN);

export function DashboardPage({ workspace, topics, initialTopic }: { workspace: Workspace; topics: Topics; initialTopic: number | null }) {
  const { t, locale } = useI18n();
  const f = useFormats();
  const [topic, setTopic] = useState<number | null>(initialTopic);
  const [preset, setPreset] = useState<Preset>('60');
  const [custom, setCustom] = useState({ from: '', to: '' });
  // The end of the period the presets count back from: the server's default (the day of the
  // last mention), learnt from the first answer.
  const [end, setEnd] = useState<number | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const request = useRef(0);

  let period: { from?: number; to?: number } = {};
  if (preset === 'custom') {
    const from = parseDay(custom.from);
    const to = parseDay(custom.to);
    if (Number.isFinite(from) && Number.isFinite(to) && to >= from) period = { from, to: to + DAY_MS };
  } else if (end !== null) period = { from: end - Number(preset) * DAY_MS, to: end };
  const query = { ...(topic !== null ? { topic } : {}), ...period };
  const key = JSON.stringify(query);

  useEffect(() => {
    const n = ++request.current;
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    unwrap(api.GET('/api/v1/w/{workspace}/analytics/dashboard', { params: { path: { workspace: workspace.slug }, query } })).then(
      (data) => {
        if (n !== request.current) return;
        setState({ status: 'ready', data });
        if (end === null) setEnd(data.to);
      },
      (error: unknown) => {
        if (n === request.current) setState({ status: 'failed', error });
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.slug, key, attempt]);

  const topicList = topics.state.status === 'ready' ? topics.state.topics : [];
  const data = state.status === 'ready' ? state.data : null;
  const reportUrl = (format: 'html' | 'pdf') =>
    data
      ? `/api/v1/w/${encodeURIComponent(workspace.slug)}/reports/buzz?${new URLSearchParams({ ...(data.topic ? { topic: String(data.topic.id) } : {}), from: String(data.from), to: String(data.to), format, lang: locale })}`
      : undefined;
  const all = data?.daily.buzz.find((b) => b.sourceType === 'all');

  return (
    <section className="dashboard" aria-labelledby="main-title" aria-busy={state.status === 'loading'}>
      <form className="filters dash-controls" aria-label={t('dashboard.controls')} onSubmit={(e) => e.preventDefault()}>
        <div className="filter">
          <label htmlFor="dash-topic">{t('dashboard.topic')}</label>
          <select id="dash-topic" value={topic ?? ''} onChange={(e) => setTopic(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('dashboard.allTopics')}</option>
            {topicList.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="dash-period">{t('dashboard.period')}</label>
          <select
            id="dash-period"
            value={preset}
            onChange={(e) => {
              const next = e.target.value as Preset;
              if (next === 'custom' && data) setCustom({ from: isoDay(data.from), to: isoDay(data.to - 1) });
              setPreset(next);
            }}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`dashboard.period.${p}`)}
              </option>
            ))}
            <option value="custom">{t('dashboard.period.custom')}</option>
          </select>
        </div>
        {preset === 'custom' ? (
          <>
            <div className="filter filter-date">
              <label htmlFor="dash-from">{t('dashboard.from')}</label>
              <input id="dash-from" type="date" value={custom.from} max={custom.to || undefined} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} />
            </div>
            <div className="filter filter-date">
              <label htmlFor="dash-to">{t('dashboard.to')}</label>
              <input id="dash-to" type="date" value={custom.to} min={custom.from || undefined} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} />
            </div>
          </>
        ) : null}
        {data ? (
          <div className="dash-report">
            <span>{t('dashboard.report')}</span>
            <a className="button button-secondary" href={reportUrl('html')} download>
              {t('dashboard.reportHtml')}
            </a>
            <a className="button button-secondary" href={reportUrl('pdf')} download>
              {t('dashboard.reportPdf')}
            </a>
          </div>
        ) : null}
      </form>

      {state.status === 'failed' ? <LoadFailed error={state.error} onRetry={() => setAttempt((a) => a + 1)} /> : null}
      {state.status === 'loading' ? <p className="dash-note" role="status">{t('dashboard.loading')}</p> : null}
      {data ? (
        <>
          <p className="dash-range">{t('dashboard.range', { from: f.day(data.from), to: f.day(data.to - 1) })}</p>
          <dl className="dash-kpis" aria-label={t('dashboard.kpi')}>
            <div>
              <dt>{t('dashboard.kpi.mentions')}</dt>
              <dd data-kpi="mentions">{f.number(data.total)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.kpi.authors')}</dt>
              <dd data-kpi="authors">{f.number(data.authorsCount)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.kpi.reach')}</dt>
              <dd data-kpi="reach">{f.number(data.reach)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.spike')}</dt>
              <dd data-kpi="peak">{all?.peak && all.burstDays.length ? t('dashboard.kpi.peak', { count: f.number(all.peak.count), date: f.day(all.peak.at), factor: f.factor(all.peak.factor) }) : t('dashboard.kpi.noPeak')}</dd>
            </div>
          </dl>
          {data.total === 0 ? <p className="callout">{t('dashboard.empty')}</p> : null}
          <div className="dash-grid">
            <VolumePanel data={data} />
            <LivePanel workspace={workspace} topic={data.topic?.id ?? null} />
            <MapPanel data={data} />
            <GenderPanel data={data} />
            <SentimentPanel data={data} />
            <KeywordsPanel data={data} />
            <AuthorsPanel data={data} />
            <SitesPanel data={data} />
            <ShareOfVoicePanel data={data} />
          </div>
        </>
      ) : null}
    </section>
  );
}

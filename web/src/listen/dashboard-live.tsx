// "60 seconds" (seed 002): mentions published in the last minute per network, and per minute
// over the last hour. Refreshed when the workspace's live stream (SSE) says mentions came in,
// at most every two seconds, and every 15 seconds so that the window moves on.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { useLiveEvent } from '../shell/use-live-events.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { volumeOption } from '../../../src/listen/dashboard/charts.ts';
import { Chart, DataTable } from './dashboard-chart.tsx';

type Live = components['schemas']['LiveView'];
const THROTTLE_MS = 2000;
const TICK_MS = 15_000;

export function LivePanel({ workspace, topic }: { workspace: Workspace; topic: number | null }) {
  const { t, formatNumber, locale } = useI18n();
  const [live, setLive] = useState<Live | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const load = () =>
    unwrap(api.GET('/api/v1/w/{workspace}/analytics/live', { params: { path: { workspace: workspace.slug }, query: topic === null ? {} : { topic } } })).then(setLive, () => {
      // the next event or tick tries again
    });

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), TICK_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.slug, topic]);
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveEvent((event) => {
    if (event.type !== 'mentions.ingested' || pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      void load();
    }, THROTTLE_MS);
  });

  const minute = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const option = useMemo(
    () => (live ? volumeOption({ labels: live.perMinute.at.map((at) => minute.format(at)), bySource: live.perMinute.byNetwork, spikes: [], sourceName: (n) => n, spikeName: t('dashboard.spike'), animation: true }) : null),
    [live, t], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const networks = live ? Object.keys(live.perMinute.byNetwork) : [];
  return (
    <section className="dash-panel dash-wide dash-live" aria-labelledby="dash-live">
      <h2 id="dash-live">{t('dashboard.live')}</h2>
      <p className="dash-note">{t('dashboard.liveIntro')}</p>
      {live ? (
        <>
          <p className="dash-live-total" aria-live="polite">
            {t('dashboard.liveTotal', { count: formatNumber(live.lastMinute.total) })}
            {Object.entries(live.lastMinute.byNetwork).map(([network, n]) => (
              <span key={network} className="dash-live-network">
                {network} <strong>{formatNumber(n)}</strong>
              </span>
            ))}
          </p>
          {networks.length && option ? (
            <Chart
              option={option}
              height={180}
              label={t('dashboard.liveAlt')}
              table={<DataTable caption={t('dashboard.live')} head={[t('dashboard.minute'), ...networks]} rows={live.perMinute.at.flatMap((at, i) => (networks.some((n) => live.perMinute.byNetwork[n]![i]) ? [[minute.format(at), ...networks.map((n) => formatNumber(live.perMinute.byNetwork[n]![i] ?? 0))]] : []))} />}
            />
          ) : (
            <p className="dash-none">{t('dashboard.liveNone')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}

// The ingest log (managers and strategists): every item that could not be ingested, newest
// first, with its source, where it was in that source (a line, an item), why, and when.
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLiveEvent } from '../shell/use-live-events.ts';
import { formatDateTime, formatFullDateTime, plural } from './format.ts';
import type { IngestLogEntry } from './types.ts';
import { LoadFailed } from '../shell/load-failed.tsx';

const LIMIT = 200;

type LogState = { status: 'loading' } | { status: 'ready'; entries: IngestLogEntry[] } | { status: 'failed'; error: unknown };

export function IngestLogPage({ workspace }: { workspace: Workspace }) {
  const { t, locale, formatNumber } = useI18n();
  const [state, setState] = useState<LogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });

  useEffect(() => {
    let current = true;
    if (!attempt.quiet) setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/w/{workspace}/ingest-log', { params: { path: { workspace: workspace.slug }, query: { limit: LIMIT } } })).then(
      ({ entries }) => current && setState({ status: 'ready', entries }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [workspace.slug, attempt]);

  const refresh = useCallback(() => setAttempt(({ n }) => ({ n: n + 1, quiet: true })), []);
  useLiveEvent((event) => {
    if (event.type === 'mentions.ingested') refresh();
  });

  return (
    <section className="ingest-log" aria-labelledby="main-title">
      <div className="toolbar">
        <p className="toolbar-text muted">{t('ingestLog.intro')}</p>
        <button type="button" className="button button-secondary" onClick={refresh}>
          {t('ingestLog.refresh')}
        </button>
      </div>
      {state.status === 'failed' ? (
        <LoadFailed error={state.error} onRetry={() => setAttempt(({ n }) => ({ n: n + 1, quiet: false }))} />
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : state.entries.length === 0 ? (
        <div className="empty" role="status">
          <p>{t('ingestLog.empty')}</p>
        </div>
      ) : (
        <>
          <p className="result-line muted" role="status">
            {state.entries.length >= LIMIT ? t('ingestLog.latest', { count: formatNumber(LIMIT) }) : t(plural(locale, state.entries.length) === 'one' ? 'ingestLog.countOne' : 'ingestLog.count', { count: formatNumber(state.entries.length) })}
          </p>
          <div className="table-wrap">
            <table className="data-table log-table">
              <caption className="visually-hidden">{t('ingestLog.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ingestLog.time')}</th>
                  <th scope="col">{t('ingestLog.source')}</th>
                  <th scope="col">{t('ingestLog.position')}</th>
                  <th scope="col">{t('ingestLog.message')}</th>
                </tr>
              </thead>
              <tbody>
                {state.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap">
                      <time dateTime={new Date(entry.at).toISOString()} title={formatFullDateTime(entry.at, locale)}>
                        {formatDateTime(entry.at, locale)}
                      </time>
                    </td>
                    <td>
                      <code translate="no">{entry.source}</code>
                    </td>
                    <td className="nowrap" lang="en">{entry.position ?? <span className="muted">—</span>}</td>
                    <td lang="en">{entry.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

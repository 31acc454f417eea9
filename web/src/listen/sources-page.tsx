// The Sources tab: what Listen follows — feeds, Mastodon, Bluesky — with each one's state (active
// or paused and why, last poll, the failure that keeps it from working), pause/resume/poll for
// managers and strategists, the forms that add sources (sources-add.tsx) and the file upload with
// its column-mapping step (sources-upload.tsx).
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { useLiveEvent } from '../shell/use-live-events.ts';
import { canManage, formatDateTime, formatFullDateTime } from './format.ts';
import { AddSource } from './sources-add.tsx';
import { UploadFile } from './sources-upload.tsx';
import './sources.css';

export type Source = components['schemas']['Source'];
type ListState = { status: 'loading' } | { status: 'ready'; sources: Source[] } | { status: 'failed'; error: unknown };

export function SourcesPage({ workspace }: { workspace: Workspace }) {
  const { t, locale } = useI18n();
  const manager = canManage(workspace.role);
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    unwrap(api.GET('/api/v1/w/{workspace}/sources', { params: { path: { workspace: workspace.slug } } })).then(
      ({ sources }) => current && setState({ status: 'ready', sources }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [workspace.slug, attempt]);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  useLiveEvent((event) => {
    if (event.type === 'mentions.ingested') refresh();
  });

  const act = async (source: Source, action: 'pause' | 'resume' | 'poll') => {
    setBusy(source.id);
    try {
      const params = { params: { path: { workspace: workspace.slug, id: source.id } } };
      if (action === 'poll') {
        const r = await unwrap(api.POST('/api/v1/w/{workspace}/sources/{id}/poll', params));
        setNotice(r.failure ? t('sources.pollFailed', { name: source.name, error: r.failure }) : t('sources.polled', { name: source.name, inserted: r.inserted, duplicates: r.duplicates, problems: r.problems }));
      } else if (action === 'pause') await unwrap(api.POST('/api/v1/w/{workspace}/sources/{id}/pause', params));
      else await unwrap(api.POST('/api/v1/w/{workspace}/sources/{id}/resume', params));
    } catch (error) {
      setNotice(errorText(error, t, locale));
    } finally {
      setBusy(null);
      refresh();
    }
  };

  return (
    <section className="sources" aria-labelledby="main-title">
      <div className="toolbar">
        <p className="toolbar-text muted">{t('sources.intro')}</p>
      </div>
      <div className="notice-slot" role="status">
        {notice ? <p className="notice">{notice}</p> : null}
      </div>
      {state.status === 'failed' ? (
        <LoadFailed error={state.error} onRetry={refresh} />
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : state.sources.length === 0 ? (
        <div className="empty">
          <p>{manager ? t('sources.empty') : t('sources.readerNote')}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table sources-table">
            <caption className="visually-hidden">{t('sources.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sources.name')}</th>
                <th scope="col">{t('sources.kind')}</th>
                <th scope="col">{t('sources.status')}</th>
                <th scope="col">{t('sources.lastPoll')}</th>
                <th scope="col">{t('sources.problem')}</th>
                {manager ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('sources.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {state.sources.map((source) => (
                <tr key={source.id} data-source={source.name}>
                  <th scope="row">
                    {source.name}
                    <br />
                    <code className="muted" translate="no">
                      {source.url}
                    </code>
                  </th>
                  <td>
                    {t(source.kind === 'mastodon' ? 'sources.kind.mastodon' : source.kind === 'bluesky' ? 'sources.kind.bluesky' : 'sources.kind.feed')}
                    {source.options.stream || source.options.mode === 'jetstream' ? <span className="muted"> · {t('sources.streamed')}</span> : null}
                  </td>
                  <td className="source-status">{source.status === 'active' ? t('sources.active') : t('sources.paused')}</td>
                  <td className="nowrap">
                    {source.lastPolledAt ? (
                      <time dateTime={new Date(source.lastPolledAt).toISOString()} title={formatFullDateTime(source.lastPolledAt, locale)}>
                        {formatDateTime(source.lastPolledAt, locale)}
                      </time>
                    ) : (
                      <span className="muted">{t('sources.never')}</span>
                    )}
                  </td>
                  <td lang="en">
                    {source.pausedReason ?? (source.lastError ? t('sources.failures', { count: source.consecutiveFailures, error: source.lastError }) : <span className="muted">—</span>)}
                  </td>
                  {manager ? (
                    <td className="row-actions">
                      {source.status === 'active' ? (
                        <button type="button" className="button button-small button-secondary" disabled={busy === source.id} onClick={() => void act(source, 'pause')} aria-label={t('sources.pauseLabel', { name: source.name })}>
                          {t('sources.pause')}
                        </button>
                      ) : (
                        <button type="button" className="button button-small button-secondary" disabled={busy === source.id} onClick={() => void act(source, 'resume')} aria-label={t('sources.resumeLabel', { name: source.name })}>
                          {t('sources.resume')}
                        </button>
                      )}
                      <button type="button" className="button button-small" disabled={busy === source.id} onClick={() => void act(source, 'poll')} aria-label={t('sources.pollLabel', { name: source.name })}>
                        {t('sources.poll')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manager ? (
        <>
          <AddSource
            workspace={workspace}
            onDone={(text) => {
              setNotice(text);
              refresh();
            }}
          />
          <UploadFile workspace={workspace} onDone={(text) => setNotice(text)} />
        </>
      ) : null}
    </section>
  );
}

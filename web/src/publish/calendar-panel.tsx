// The calendar: posts by day in the user's time zone, as a day, a week or a month. A manager
// drags a scheduled post to another day (same time of day) or moves it from its detail, where
// every channel's status, last error and every attempt are shown, with cancel and retry.
import { useState, type DragEvent } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { canManage, formatDateTime } from '../listen/format.ts';
import { LoadFailed } from '../shell/load-failed.tsx';
import { addDays, dayKey, rangeOf, timeOf, visibleDays, zonedInstant, type CalendarView } from './calendar-math.ts';
import type { Post, PostDetail } from './types.ts';
import { useLoad } from './use-load.ts';

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const MOVABLE = new Set(['scheduled', 'draft']);

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const key = `publish.status.${status}` as const;
  return <span className={`badge badge-${status}`}>{t(key as 'publish.status.scheduled')}</span>;
}

export function CalendarPanel({ workspace }: { workspace: Workspace }) {
  const { t, locale } = useI18n();
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState(() => dayKey(Date.now(), TIME_ZONE));
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const days = visibleDays(view, anchor);
  const range = rangeOf(days, TIME_ZONE);
  const { state, reload } = useLoad(
    () => unwrap(api.GET('/api/v1/w/{workspace}/posts', { params: { path: { workspace: workspace.slug }, query: { from: range.from, to: range.to, limit: 2000 } } })),
    [workspace.slug, range.from, range.to],
  );
  const manager = canManage(workspace.role);
  const step = view === 'day' ? 1 : view === 'week' ? 7 : 0;
  const move = (direction: number) => {
    if (step) return setAnchor(addDays(anchor, direction * step));
    const [y, m] = anchor.split('-').map(Number) as [number, number];
    const date = new Date(Date.UTC(y, m - 1 + direction, 1));
    setAnchor(date.toISOString().slice(0, 10));
  };
  const byDay = new Map<string, Post[]>();
  if (state.status === 'ready') for (const post of state.data.posts) if (post.dueAt !== null) {
    const key = dayKey(post.dueAt, TIME_ZONE);
    byDay.set(key, [...(byDay.get(key) ?? []), post]);
  }
  const today = dayKey(Date.now(), TIME_ZONE);
  const monthOf = anchor.slice(0, 7);
  const heading = new Intl.DateTimeFormat(locale, view === 'month' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${view === 'week' ? days[0] : anchor}T00:00:00Z`));

  async function dropOn(day: string, event: DragEvent) {
    event.preventDefault();
    const id = Number(event.dataTransfer.getData('text/x-relais-post'));
    const post = state.status === 'ready' ? state.data.posts.find((p) => p.id === id) : undefined;
    if (!post || post.dueAt === null) return;
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/w/{workspace}/posts/{id}/reschedule', { params: { path: { workspace: workspace.slug, id } }, body: { dueAt: zonedInstant(day, timeOf(post.dueAt, TIME_ZONE), TIME_ZONE) } }));
      reload();
    } catch (failure) {
      setError(errorText(failure, t, locale));
    }
  }

  return (
    <section className="calendar" aria-labelledby="main-title">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('publish.calendar.view')}>
          {(['day', 'week', 'month'] as const).map((v) => (
            <button key={v} type="button" className="button button-secondary" aria-pressed={view === v} onClick={() => setView(v)}>{t(`publish.calendar.${v}`)}</button>
          ))}
        </div>
        <button type="button" className="button button-secondary" onClick={() => move(-1)} aria-label={t('publish.calendar.previous')}>‹</button>
        <button type="button" className="button button-secondary" onClick={() => setAnchor(today)}>{t('publish.calendar.today')}</button>
        <button type="button" className="button button-secondary" onClick={() => move(1)} aria-label={t('publish.calendar.next')}>›</button>
        <h2 className="calendar-heading" aria-live="polite">{heading}</h2>
        <span className="muted">{TIME_ZONE}</span>
      </div>
      {error ? <p className="callout callout-error" role="alert">{error}</p> : null}
      {state.status === 'failed' ? <LoadFailed error={state.error} onRetry={reload} /> : null}
      <ol className={`calendar-grid calendar-${view}`} aria-busy={state.status === 'loading'}>
        {days.map((day) => {
          const posts = byDay.get(day) ?? [];
          return (
            <li
              key={day}
              className={`calendar-day${day === today ? ' is-today' : ''}${view === 'month' && day.slice(0, 7) !== monthOf ? ' is-other-month' : ''}`}
              data-day={day}
              onDragOver={manager ? (e) => e.preventDefault() : undefined}
              onDrop={manager ? (e) => void dropOn(day, e) : undefined}
            >
              <h3 className="calendar-date">
                {new Intl.DateTimeFormat(locale, { weekday: view === 'month' ? undefined : 'short', day: 'numeric', month: view === 'month' ? undefined : 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))}
              </h3>
              <ul className="calendar-posts">
                {posts.map((post) => (
                  <li key={post.id}>
                    <button
                      type="button"
                      className={`calendar-post status-${post.status}`}
                      draggable={manager && MOVABLE.has(post.status)}
                      onDragStart={(e) => e.dataTransfer.setData('text/x-relais-post', String(post.id))}
                      onClick={() => setSelected(post.id)}
                      data-post={post.id}
                    >
                      <span className="calendar-time">{timeOf(post.dueAt!, TIME_ZONE)}</span> {post.text.slice(0, 80)}
                      <StatusBadge status={post.status} />
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      <DraftsList workspace={workspace} onOpen={setSelected} generation={state.status} />
      {selected !== null ? <PostDetailPanel workspace={workspace} id={selected} onClose={() => setSelected(null)} onChanged={reload} /> : null}
      <p className="muted">{t('publish.calendar.dragHint')} {formatDateTime(Date.now(), locale)}</p>
    </section>
  );
}

function DraftsList({ workspace, onOpen, generation }: { workspace: Workspace; onOpen: (id: number) => void; generation: string }) {
  const { t } = useI18n();
  const { state } = useLoad(() => unwrap(api.GET('/api/v1/w/{workspace}/posts', { params: { path: { workspace: workspace.slug }, query: { status: 'draft' } } })), [workspace.slug, generation]);
  if (state.status !== 'ready' || state.data.posts.length === 0) return null;
  return (
    <section className="drafts">
      <h2>{t('publish.drafts')}</h2>
      <ul>
        {state.data.posts.map((post) => (
          <li key={post.id}><button type="button" className="link-button" onClick={() => onOpen(post.id)}>{post.text.slice(0, 100)}</button></li>
        ))}
      </ul>
    </section>
  );
}

export function PostDetailPanel({ workspace, id, onClose, onChanged }: { workspace: Workspace; id: number; onClose: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { state, reload } = useLoad(() => unwrap(api.GET('/api/v1/w/{workspace}/posts/{id}', { params: { path: { workspace: workspace.slug, id } } })) as Promise<PostDetail>, [workspace.slug, id]);
  const [error, setError] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const manager = canManage(workspace.role);
  async function act(action: 'cancel' | 'retry' | 'reschedule') {
    setError(null);
    try {
      const params = { params: { path: { workspace: workspace.slug, id } } };
      if (action === 'cancel') await unwrap(api.POST('/api/v1/w/{workspace}/posts/{id}/cancel', params));
      else if (action === 'retry') await unwrap(api.POST('/api/v1/w/{workspace}/posts/{id}/retry', params));
      else await unwrap(api.POST('/api/v1/w/{workspace}/posts/{id}/reschedule', { ...params, body: { dueAt: new Date(moveTo).getTime() } }));
      reload();
      onChanged();
    } catch (failure) {
      setError(errorText(failure, t, locale));
    }
  }
  return (
    <aside className="post-detail" aria-label={t('publish.detail.title')}>
      <header className="post-detail-head">
        <h2>{t('publish.detail.title')}</h2>
        <button type="button" className="button button-secondary" onClick={onClose}>{t('publish.close')}</button>
      </header>
      {state.status === 'failed' ? <LoadFailed error={state.error} onRetry={reload} /> : state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : (
        <>
          <p className="post-text">{state.data.text}</p>
          <p><StatusBadge status={state.data.status} /> {state.data.dueAt !== null ? formatDateTime(state.data.dueAt, locale) : t('publish.status.draft')}</p>
          <table className="data-table">
            <caption>{t('publish.detail.channels')}</caption>
            <thead><tr><th scope="col">{t('publish.channel')}</th><th scope="col">{t('publish.detail.status')}</th><th scope="col">{t('publish.detail.reason')}</th></tr></thead>
            <tbody>
              {state.data.targets.map((target) => (
                <tr key={target.id}>
                  <td>{target.channelName} <span className="muted">({target.network})</span></td>
                  <td><StatusBadge status={target.status} /> {target.remoteUrl ? <a href={target.remoteUrl} target="_blank" rel="noreferrer">{t('publish.detail.open')}</a> : null}</td>
                  <td lang="en">{target.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table attempts">
            <caption>{t('publish.detail.attempts')}</caption>
            <thead><tr><th scope="col">{t('publish.detail.when')}</th><th scope="col">{t('publish.detail.outcome')}</th><th scope="col">{t('publish.detail.message')}</th></tr></thead>
            <tbody>
              {state.data.attempts.length === 0 ? <tr><td colSpan={3} className="muted">{t('publish.detail.noAttempt')}</td></tr> : state.data.attempts.map((a) => (
                <tr key={a.id}><td>{formatDateTime(a.at, locale)}</td><td>{a.outcome}{a.httpStatus ? ` (HTTP ${a.httpStatus})` : ''}</td><td lang="en">{a.message ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
          {manager ? (
            <div className="toolbar">
              {MOVABLE.has(state.data.status) ? (
                <>
                  <label>{t('publish.detail.moveTo')} <input type="datetime-local" value={moveTo} onChange={(e) => setMoveTo(e.target.value)} /></label>
                  <button type="button" className="button" disabled={!moveTo} onClick={() => void act('reschedule')}>{t('publish.detail.move')}</button>
                  <button type="button" className="button button-secondary" onClick={() => void act('cancel')}>{t('publish.detail.cancel')}</button>
                </>
              ) : null}
              {state.data.targets.some((x) => x.status === 'failed' || x.status === 'missed') ? <button type="button" className="button" onClick={() => void act('retry')}>{t('publish.detail.retry')}</button> : null}
            </div>
          ) : null}
          {error ? <p className="callout callout-error" role="alert">{error}</p> : null}
        </>
      )}
    </aside>
  );
}

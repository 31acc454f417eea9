// Listen's Alerts tab: the alerts, newest first, arriving live over the workspace's event
// stream (alert.fired, alert.updated), each with its reason in words, its window, its status
// (open → acknowledged → resolved, for managers and strategists to move) and its timeline;
// then the rules (alerts-rules.tsx).
import { useCallback, useEffect, useState } from 'react';
import '../styles/alerts.css';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { useLiveEvent } from '../shell/use-live-events.ts';
import { explainFiring, type Alert, type AlertDelivery, type AlertEvent, type AlertStatus } from './alerts-model.ts';
import { AlertRules } from './alerts-rules.tsx';
import { canManage, formatDateTime, formatFullDateTime } from './format.ts';
import type { Topics } from './use-topics.ts';

const PAGE = 50;
type Filter = AlertStatus | 'all';
const FILTERS: readonly Filter[] = ['open', 'acknowledged', 'resolved', 'all'];

type ListState = { status: 'loading' } | { status: 'ready'; alerts: Alert[]; next: number | null } | { status: 'failed'; error: unknown };

export function AlertsPage({ workspace, topics, notice, onNotice }: { workspace: Workspace; topics: Topics; notice: string | null; onNotice(text: string | null): void }) {
  const { t } = useI18n();
  const manager = canManage(workspace.role);
  return (
    <section className="alerts" aria-labelledby="main-title">
      <div className="toolbar">
        <p className="toolbar-text muted">{t('alerts.intro')}</p>
      </div>
      <div className="notice-slot" role="status">
        {notice ? <p className="notice">{notice}</p> : null}
      </div>
      <AlertList workspace={workspace} topics={topics} manager={manager} />
      <AlertRules workspace={workspace} topics={topics} manager={manager} onNotice={onNotice} />
    </section>
  );
}

function AlertList({ workspace, topics, manager }: { workspace: Workspace; topics: Topics; manager: boolean }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    unwrap(api.GET('/api/v1/w/{workspace}/alerts', { params: { path: { workspace: workspace.slug }, query: { limit: PAGE, ...(filter === 'all' ? {} : { status: filter }) } } })).then(
      ({ alerts, next }) => current && setState({ status: 'ready', alerts, next }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [workspace.slug, filter, attempt]);

  const shows = useCallback((alert: Alert) => filter === 'all' || alert.status === filter, [filter]);
  // An alert that fired or moved: in its place when the filter shows it, out of the list when not.
  const put = useCallback(
    (alert: Alert) =>
      setState((previous) => {
        if (previous.status !== 'ready') return previous;
        const others = previous.alerts.filter((a) => a.id !== alert.id);
        return { ...previous, alerts: shows(alert) ? [alert, ...others].sort((a, b) => b.id - a.id) : others };
      }),
    [shows],
  );

  useLiveEvent((event) => {
    if (event.type !== 'alert.fired' && event.type !== 'alert.updated') return;
    const alert = event.alert as Alert;
    put(alert);
    if (event.type === 'alert.fired') setAnnounce(t('alerts.new', { rule: alert.ruleName }));
  });

  async function more() {
    if (state.status !== 'ready' || state.next === null) return;
    const page = await unwrap(api.GET('/api/v1/w/{workspace}/alerts', { params: { path: { workspace: workspace.slug }, query: { limit: PAGE, before: state.next, ...(filter === 'all' ? {} : { status: filter }) } } }));
    setState((previous) => (previous.status === 'ready' ? { status: 'ready', alerts: [...previous.alerts, ...page.alerts], next: page.next } : previous));
  }

  return (
    <section className="alerts-list-section" aria-labelledby="alerts-list-title">
      <div className="alerts-head">
        <h2 id="alerts-list-title">{t('alerts.listTitle')}</h2>
        <div className="alerts-filter" role="group" aria-label={t('alerts.filter')}>
          {FILTERS.map((f) => (
            <button key={f} type="button" className={`button button-small${filter === f ? '' : ' button-secondary'}`} aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {t(`alerts.filter.${f}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {state.status === 'failed' ? (
        <LoadFailed error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : state.alerts.length === 0 ? (
        <div className="empty">
          <p>{t('alerts.none')}</p>
        </div>
      ) : (
        <>
          <ol className="alert-list" aria-labelledby="alerts-list-title">
            {state.alerts.map((alert) => (
              <AlertCard key={alert.id} workspace={workspace} topics={topics} alert={alert} manager={manager} onChange={put} />
            ))}
          </ol>
          {state.next !== null ? (
            <button type="button" className="button button-secondary load-more" onClick={() => void more()}>
              {t('alerts.loadMore')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function When({ at }: { at: number }) {
  const { locale } = useI18n();
  return (
    <time dateTime={new Date(at).toISOString()} title={formatFullDateTime(at, locale)}>
      {formatDateTime(at, locale)}
    </time>
  );
}

function AlertCard({ workspace, topics, alert, manager, onChange }: { workspace: Workspace; topics: Topics; alert: Alert; manager: boolean; onChange(alert: Alert): void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const topicName = alert.topicId === null ? t('alerts.topicAll') : topics.state.status === 'ready' ? (topics.state.topics.find((x) => x.id === alert.topicId)?.name ?? `#${alert.topicId}`) : '';
  const at = formatDateTime(alert.windowStart, locale);

  async function move(action: 'acknowledge' | 'resolve') {
    setBusy(true);
    setError(null);
    try {
      const path = action === 'acknowledge' ? '/api/v1/w/{workspace}/alerts/{id}/acknowledge' : '/api/v1/w/{workspace}/alerts/{id}/resolve';
      onChange(await unwrap(api.POST(path, { params: { path: { workspace: workspace.slug, id: alert.id } }, body: {} })));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const timelineId = `alert-${alert.id}-timeline`;
  return (
    <li className={`alert-card alert-${alert.severity} alert-status-${alert.status}`} data-testid="alert-card">
      <article aria-labelledby={`alert-${alert.id}-title`}>
        <header className="alert-card-head">
          <span className={`alert-severity severity-${alert.severity}`}>{t(`alerts.severity.${alert.severity}`)}</span>
          <h3 id={`alert-${alert.id}-title`} className="alert-title">
            {alert.ruleName}
          </h3>
          <span className="alert-kind muted">
            {t(`alerts.kind.${alert.kind}`)} · {topicName}
          </span>
          <span className={`alert-status status-${alert.status}`}>{t(`alerts.status.${alert.status}`)}</span>
        </header>
        <p className="alert-explanation">{explainFiring(alert.kind, alert.figures, i18n)}</p>
        <p className="alert-meta muted">
          {t('alerts.window', { from: formatDateTime(alert.windowStart, locale), to: formatDateTime(alert.windowEnd, locale) })}
          {' · '}
          {t('alerts.firedAt', { at: formatDateTime(alert.firedAt, locale) })}
          {alert.acknowledgedBy && alert.acknowledgedAt ? <> · {t('alerts.acknowledgedBy', { name: alert.acknowledgedBy.name, at: formatDateTime(alert.acknowledgedAt, locale) })}</> : null}
          {alert.resolvedBy && alert.resolvedAt ? <> · {t('alerts.resolvedBy', { name: alert.resolvedBy.name, at: formatDateTime(alert.resolvedAt, locale) })}</> : null}
        </p>
        {error ? (
          <div className="error-box" role="alert">
            <p>{errorText(error, t, locale)}</p>
          </div>
        ) : null}
        <div className="alert-actions">
          {manager && alert.status === 'open' ? (
            <button type="button" className="button button-small" disabled={busy} onClick={() => void move('acknowledge')} aria-label={t('alerts.acknowledgeLabel', { rule: alert.ruleName, at })}>
              {t('alerts.acknowledge')}
            </button>
          ) : null}
          {manager && alert.status !== 'resolved' ? (
            <button type="button" className="button button-small button-secondary" disabled={busy} onClick={() => void move('resolve')} aria-label={t('alerts.resolveLabel', { rule: alert.ruleName, at })}>
              {t('alerts.resolve')}
            </button>
          ) : null}
          <button type="button" className="button button-small button-secondary" aria-expanded={open} aria-controls={open ? timelineId : undefined} onClick={() => setOpen((o) => !o)}>
            {open ? t('alerts.hideTimeline') : t('alerts.showTimeline')}
          </button>
        </div>
        {open ? <AlertTimeline id={timelineId} workspace={workspace} alert={alert} /> : null}
      </article>
    </li>
  );
}

type DetailState = { status: 'loading' } | { status: 'ready'; timeline: AlertEvent[]; deliveries: AlertDelivery[] } | { status: 'failed'; error: unknown };

function AlertTimeline({ id, workspace, alert }: { id: string; workspace: Workspace; alert: Alert }) {
  const { t } = useI18n();
  const [state, setState] = useState<DetailState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    unwrap(api.GET('/api/v1/w/{workspace}/alerts/{id}', { params: { path: { workspace: workspace.slug, id: alert.id } } })).then(
      ({ timeline, deliveries }) => current && setState({ status: 'ready', timeline, deliveries }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // The alert's status is in the key: a move reloads its timeline.
  }, [workspace.slug, alert.id, alert.status, attempt]);

  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (state.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  const label = (type: string) => {
    const key = `alerts.event.${type}`;
    return ['fired', 'acknowledged', 'resolved', 'delivered', 'delivery_failed', 'delivery_held', 'note'].includes(type) ? t(key as 'alerts.event.fired') : type;
  };
  return (
    <div id={id} className="alert-timeline">
      <h4>{t('alerts.timelineTitle')}</h4>
      <ol>
        {state.timeline.map((event) => (
          <li key={event.id}>
            <When at={event.at} /> — {label(event.type)} · {event.actor?.name ?? t('alerts.byRelais')}
            {typeof event.detail.note === 'string' ? <q>{event.detail.note}</q> : null}
            {typeof event.detail.error === 'string' ? <span className="muted" lang="en"> ({event.detail.error})</span> : null}
          </li>
        ))}
      </ol>
      {state.deliveries.length > 0 ? (
        <>
          <h4>{t('alerts.deliveriesTitle')}</h4>
          <ol>
            {state.deliveries.map((d) => (
              <li key={d.id}>
                <When at={d.at} /> — {t('alerts.delivery', { attempt: d.attempt, outcome: t(`alerts.delivery.${d.outcome}`) })}
                {d.httpStatus !== null ? ` (HTTP ${d.httpStatus})` : ''}
                {d.error ? <span className="muted" lang="en"> {d.error}</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

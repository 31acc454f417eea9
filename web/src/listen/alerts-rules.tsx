// The alert rules of a workspace: what each watches, its thresholds, how it delivers; managers
// and strategists add them (one by one, or the recommended four for a topic), edit and delete.
import { useEffect, useState, type FormEvent } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../shell/link.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { KIND_PARAMS, type AlertRule } from './alerts-model.ts';
import { listenPath } from './listen-routes.ts';
import type { Topics } from './use-topics.ts';

type RulesState = { status: 'loading' } | { status: 'ready'; rules: AlertRule[] } | { status: 'failed'; error: unknown };

/** The workspace's rules, loaded once per workspace and reloadable. */
export function useAlertRules(workspace: string): { state: RulesState; reload(): void } {
  const [state, setState] = useState<RulesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    unwrap(api.GET('/api/v1/w/{workspace}/alert-rules', { params: { path: { workspace } } })).then(
      ({ rules }) => current && setState({ status: 'ready', rules }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [workspace, attempt]);
  return { state, reload: () => setAttempt((n) => n + 1) };
}

export function AlertRules({ workspace, topics, manager, onNotice }: { workspace: Workspace; topics: Topics; manager: boolean; onNotice(text: string | null): void }) {
  const { t, locale, formatNumber } = useI18n();
  const rules = useAlertRules(workspace.slug);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const topicName = (id: number | null) => (id === null ? t('alerts.topicAll') : topics.state.status === 'ready' ? (topics.state.topics.find((x) => x.id === id)?.name ?? `#${id}`) : `#${id}`);

  async function remove(rule: AlertRule) {
    setError(null);
    try {
      await unwrap(api.DELETE('/api/v1/w/{workspace}/alert-rules/{id}', { params: { path: { workspace: workspace.slug, id: rule.id } } }));
      setConfirming(null);
      onNotice(t('alerts.rules.deleted', { name: rule.name }));
      rules.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="alert-rules" aria-labelledby="alert-rules-title">
      <div className="alerts-head">
        <h2 id="alert-rules-title">{t('alerts.rulesTitle')}</h2>
        {manager ? (
          <Link className="button" href={listenPath(workspace.slug, { tab: 'alerts', rule: 'new' })}>
            {t('alerts.rules.new')}
          </Link>
        ) : null}
      </div>
      {error ? (
        <div className="error-box" role="alert">
          <p>{errorText(error, t, locale)}</p>
        </div>
      ) : null}
      {rules.state.status === 'failed' ? (
        <LoadFailed error={rules.state.error} onRetry={rules.reload} />
      ) : rules.state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : rules.state.rules.length === 0 ? (
        <div className="empty">
          <p>{manager ? t('alerts.rules.none') : t('alerts.rules.noneReader')}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table alert-rules-table">
            <caption className="visually-hidden">{t('alerts.rules.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('alerts.rules.name')}</th>
                <th scope="col">{t('alerts.rules.kind')}</th>
                <th scope="col">{t('alerts.rules.topic')}</th>
                <th scope="col">{t('alerts.rules.thresholds')}</th>
                <th scope="col">{t('alerts.rules.delivery')}</th>
                {manager ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('alerts.rules.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rules.state.rules.map((rule) => (
                <tr key={rule.id}>
                  <th scope="row">
                    {rule.name}
                    {rule.enabled ? null : <span className="badge badge-small">{t('alerts.rules.paused')}</span>}
                  </th>
                  <td>{t(`alerts.kind.${rule.kind}`)}</td>
                  <td>{topicName(rule.topicId)}</td>
                  <td className="alert-thresholds">
                    {(KIND_PARAMS[rule.kind] as readonly string[]).map((name) => {
                      const value = rule.params[name as keyof AlertRule['params']];
                      return (
                        <span key={name} className="threshold" title={t(`alertEditor.param.${name}` as 'alertEditor.param.minCount')}>
                          <span className="muted">{name}</span> {typeof value === 'number' ? formatNumber(value) : <code translate="no">{String(value)}</code>}
                        </span>
                      );
                    })}
                    <span className="threshold muted">{t('alerts.rules.cooldown', { hours: formatNumber(Math.round((rule.cooldownMinutes / 60) * 10) / 10) })}</span>
                  </td>
                  <td>{rule.webhookUrl ? t('alerts.rules.inAppWebhook') : t('alerts.rules.inApp')}</td>
                  {manager ? (
                    <td className="row-actions">
                      {confirming === rule.id ? (
                        <>
                          <span role="alert">{t('alerts.rules.deleteConfirm', { name: rule.name })}</span>{' '}
                          <button type="button" className="button button-small button-danger" onClick={() => void remove(rule)}>
                            {t('alerts.rules.delete')}
                          </button>
                          <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(null)}>
                            {t('alertEditor.cancel')}
                          </button>
                        </>
                      ) : (
                        <>
                          <Link className="button button-small button-secondary" href={listenPath(workspace.slug, { tab: 'alerts', rule: rule.id })} aria-label={t('alerts.rules.editLabel', { name: rule.name })}>
                            {t('alerts.rules.edit')}
                          </Link>
                          <button type="button" className="button button-small button-danger" onClick={() => setConfirming(rule.id)} aria-label={t('alerts.rules.deleteLabel', { name: rule.name })}>
                            {t('alerts.rules.delete')}
                          </button>
                        </>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manager ? <RecommendedRules workspace={workspace} topics={topics} onAdded={(n) => { onNotice(t('alerts.rules.recommendedAdded', { count: formatNumber(n) })); rules.reload(); }} /> : null}
    </section>
  );
}

function RecommendedRules({ workspace, topics, onAdded }: { workspace: Workspace; topics: Topics; onAdded(count: number): void }) {
  const { t, locale } = useI18n();
  const [topic, setTopic] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { rules } = await unwrap(api.POST('/api/v1/w/{workspace}/alert-rules/recommended', { params: { path: { workspace: workspace.slug } }, body: { topicId: topic === '' ? null : Number(topic) } }));
      onAdded(rules.length);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="recommended-rules" onSubmit={submit}>
      <p className="field-help">{t('alerts.rules.recommendedHelp')}</p>
      {error ? (
        <div className="error-box" role="alert">
          <p>{errorText(error, t, locale)}</p>
        </div>
      ) : null}
      <div className="recommended-row">
        <label htmlFor="recommended-topic">{t('alerts.rules.recommendedFor')}</label>
        <select id="recommended-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
          <option value="">{t('alerts.topicAll')}</option>
          {topics.state.status === 'ready' ? topics.state.topics.map((x) => <option key={x.id} value={String(x.id)}>{x.name}</option>) : null}
        </select>
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('alerts.rules.recommended')}
        </button>
      </div>
    </form>
  );
}

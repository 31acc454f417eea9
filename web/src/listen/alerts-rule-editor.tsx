// The alert rule editor: what to watch, the kind's thresholds, cooldown, quiet hours, webhook;
// and "Test on the last 30 days", which shows when the rule as written would have fired and
// why — before it is saved. A threshold the API refuses is marked on its field.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../shell/link.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { navigate } from '../shell/router.ts';
import { explainFiring, KIND_DEFAULTS, KIND_PARAMS, RULE_KINDS, type AlertFiring, type AlertRule, type AlertRuleInput, type ParamName, type RuleKind } from './alerts-model.ts';
import { useAlertRules } from './alerts-rules.tsx';
import { formatDateTime } from './format.ts';
import { listenPath } from './listen-routes.ts';
import type { Topics } from './use-topics.ts';

export function AlertRuleEditor({ workspace, topics, id, onSaved }: { workspace: Workspace; topics: Topics; id: 'new' | number; onSaved(notice: string): void }) {
  const { t } = useI18n();
  const rules = useAlertRules(workspace.slug);
  if (id === 'new') return <RuleForm workspace={workspace} topics={topics} initial={null} onSaved={onSaved} />;
  if (rules.state.status === 'loading') return <p className="muted" role="status">{t('app.loading')}</p>;
  if (rules.state.status === 'failed') return <LoadFailed error={rules.state.error} onRetry={rules.reload} />;
  const rule = rules.state.rules.find((r) => r.id === id);
  if (!rule) {
    return (
      <div className="callout">
        <p>{t('alertEditor.notFound')}</p>
        <p>
          <Link className="back-link" href={listenPath(workspace.slug, { tab: 'alerts' })}>
            <span aria-hidden="true">←</span> {t('alertEditor.back')}
          </Link>
        </p>
      </div>
    );
  }
  return <RuleForm key={rule.id} workspace={workspace} topics={topics} initial={rule} onSaved={onSaved} />;
}

type TestState = { status: 'idle' } | { status: 'running' } | { status: 'done'; firings: AlertFiring[]; heldBack: number; kind: RuleKind } | { status: 'failed'; error: unknown };

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function RuleForm({ workspace, topics, initial, onSaved }: { workspace: Workspace; topics: Topics; initial: AlertRule | null; onSaved(notice: string): void }) {
  const i18n = useI18n();
  const { t, locale, formatNumber } = i18n;
  const back = listenPath(workspace.slug, { tab: 'alerts' });
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<RuleKind>(initial?.kind ?? 'spike');
  const [topic, setTopic] = useState(initial?.topicId == null ? '' : String(initial.topicId));
  const [params, setParams] = useState<Record<string, string>>(() => paramStrings(initial?.params ?? KIND_DEFAULTS[initial?.kind ?? 'spike'].params));
  const [cooldown, setCooldown] = useState(String(initial?.cooldownMinutes ?? KIND_DEFAULTS.spike.cooldownMinutes));
  const [quiet, setQuiet] = useState(initial?.quietHours != null);
  const [quietFrom, setQuietFrom] = useState(String(initial?.quietHours?.from ?? 22));
  const [quietTo, setQuietTo] = useState(String(initial?.quietHours?.to ?? 7));
  const [timeZone, setTimeZone] = useState(initial?.quietHours?.timeZone ?? browserTimeZone());
  const [webhook, setWebhook] = useState(initial?.webhookUrl ?? '');
  const [rotate, setRotate] = useState(false);
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const nameRef = useRef<HTMLInputElement>(null);
  const faultField = error instanceof ApiError ? error.field : undefined;

  function changeKind(next: RuleKind) {
    setKind(next);
    setParams(paramStrings(KIND_DEFAULTS[next].params));
    setCooldown(String(KIND_DEFAULTS[next].cooldownMinutes));
    setTest({ status: 'idle' });
  }

  function body(): AlertRuleInput {
    const values: Record<string, number | string> = {};
    for (const p of KIND_PARAMS[kind] as readonly ParamName[]) {
      const raw = params[p] ?? '';
      values[p] = p === 'query' ? raw : raw.trim() === '' ? Number.NaN : Number(raw.replace(',', '.'));
    }
    return {
      name: name.trim() || t(`alerts.kind.${kind}`),
      kind,
      topicId: topic === '' ? null : Number(topic),
      params: values,
      cooldownMinutes: Number(cooldown),
      quietHours: quiet ? { from: Number(quietFrom), to: Number(quietTo), timeZone } : null,
      enabled,
      webhookUrl: webhook.trim() === '' ? null : webhook.trim(),
      webhookAllowPrivate: initial?.webhookAllowPrivate ?? false,
    };
  }

  async function runTest() {
    setTest({ status: 'running' });
    setError(null);
    try {
      const input = body();
      const result = await unwrap(api.POST('/api/v1/w/{workspace}/alert-rules/test', { params: { path: { workspace: workspace.slug }, query: { days: 30 } }, body: input }));
      setTest({ status: 'done', firings: result.firings, heldBack: result.heldBack, kind: input.kind });
    } catch (e) {
      setTest({ status: 'idle' });
      setError(e);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (name.trim() === '') {
      setNameError(t('alertEditor.nameMissing'));
      return nameRef.current?.focus();
    }
    setSaving(true);
    try {
      const input = body();
      const rule = initial
        ? await unwrap(
            api.PATCH('/api/v1/w/{workspace}/alert-rules/{id}', {
              params: { path: { workspace: workspace.slug, id: initial.id } },
              body: { name: input.name, topicId: input.topicId, params: input.params, cooldownMinutes: input.cooldownMinutes, quietHours: input.quietHours, enabled: input.enabled, webhookUrl: input.webhookUrl, ...(rotate ? { rotateSecret: true as const } : {}) },
            }),
          )
        : await unwrap(api.POST('/api/v1/w/{workspace}/alert-rules', { params: { path: { workspace: workspace.slug } }, body: input }));
      onSaved(initial ? t('alertEditor.saved', { name: rule.name }) : t('alertEditor.created', { name: rule.name }));
      navigate(back);
    } catch (e) {
      setSaving(false);
      setError(e);
    }
  }

  const invalid = (field: string) => (faultField === field ? true : undefined);
  return (
    <div className="alert-editor">
      <form className="alert-rule-form" onSubmit={submit} noValidate aria-labelledby="main-title">
        {error ? (
          <div className="error-box" role="alert">
            <p>{errorText(error, t, locale)}</p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="rule-name">{t('alertEditor.name')}</label>
          <input id="rule-name" ref={nameRef} value={name} maxLength={120} autoComplete="off" aria-invalid={nameError ? true : invalid('body.name')} aria-describedby={nameError ? 'rule-name-error' : undefined} onChange={(e) => { setName(e.target.value); setNameError(null); }} />
          {nameError ? <p id="rule-name-error" className="field-error">{nameError}</p> : null}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="rule-kind">{t('alertEditor.kind')}</label>
            <select id="rule-kind" value={kind} disabled={initial !== null} aria-describedby={initial ? 'rule-kind-help' : undefined} onChange={(e) => changeKind(e.target.value as RuleKind)}>
              {RULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`alerts.kind.${k}`)}
                </option>
              ))}
            </select>
            {initial ? <p id="rule-kind-help" className="field-help">{t('alertEditor.kindFixed')}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="rule-topic">{t('alertEditor.topic')}</label>
            <select id="rule-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
              <option value="">{t('alerts.topicAll')}</option>
              {topics.state.status === 'ready' ? topics.state.topics.map((x) => <option key={x.id} value={String(x.id)}>{x.name}</option>) : null}
            </select>
          </div>
        </div>
        <fieldset className="field-group">
          <legend>{t('alertEditor.thresholds')}</legend>
          {(KIND_PARAMS[kind] as readonly ParamName[]).map((p) => (
            <div className="field" key={p}>
              <label htmlFor={`rule-param-${p}`}>{t(`alertEditor.param.${p}`)}</label>
              <input
                id={`rule-param-${p}`}
                inputMode={p === 'query' ? 'text' : 'decimal'}
                className={p === 'query' ? 'query-input' : 'number-input'}
                value={params[p] ?? ''}
                aria-invalid={invalid(`body.params.${p}`)}
                onChange={(e) => setParams((current) => ({ ...current, [p]: e.target.value }))}
                translate={p === 'query' ? 'no' : undefined}
              />
            </div>
          ))}
          <div className="field">
            <label htmlFor="rule-cooldown">{t('alertEditor.cooldown')}</label>
            <input id="rule-cooldown" inputMode="numeric" className="number-input" value={cooldown} aria-describedby="rule-cooldown-help" aria-invalid={invalid('body.cooldownMinutes')} onChange={(e) => setCooldown(e.target.value)} />
            <p id="rule-cooldown-help" className="field-help">{t('alertEditor.cooldownHelp')}</p>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="rule-webhook">{t('alertEditor.webhook')}</label>
          <input id="rule-webhook" type="url" value={webhook} aria-describedby="rule-webhook-help" aria-invalid={invalid('body.webhookUrl')} onChange={(e) => setWebhook(e.target.value)} />
          <p id="rule-webhook-help" className="field-help">{t('alertEditor.webhookHelp')}</p>
          {initial?.webhookSecret ? (
            <p className="webhook-secret">
              <span>{t('alertEditor.secret')}</span> <code translate="no">{initial.webhookSecret}</code>{' '}
              <label className="inline-check">
                <input type="checkbox" checked={rotate} onChange={(e) => setRotate(e.target.checked)} /> {t('alertEditor.rotate')}
              </label>
            </p>
          ) : null}
        </div>
        <fieldset className="field-group">
          <legend>
            <label className="inline-check">
              <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} aria-describedby="rule-quiet-help" /> {t('alertEditor.quiet')}
            </label>
          </legend>
          <p id="rule-quiet-help" className="field-help">{t('alertEditor.quietHelp')}</p>
          {quiet ? (
            <div className="field-row">
              <div className="field">
                <label htmlFor="rule-quiet-from">{t('alertEditor.quietFrom')}</label>
                <input id="rule-quiet-from" inputMode="numeric" className="number-input" value={quietFrom} onChange={(e) => setQuietFrom(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="rule-quiet-to">{t('alertEditor.quietTo')}</label>
                <input id="rule-quiet-to" inputMode="numeric" className="number-input" value={quietTo} onChange={(e) => setQuietTo(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="rule-timezone">{t('alertEditor.timeZone')}</label>
                <input id="rule-timezone" value={timeZone} aria-invalid={invalid('body.quietHours.timeZone')} onChange={(e) => setTimeZone(e.target.value)} />
              </div>
            </div>
          ) : null}
        </fieldset>
        <label className="inline-check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('alertEditor.enabled')}
        </label>
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('alertEditor.saving') : initial ? t('alertEditor.save') : t('alertEditor.create')}
          </button>
          <button type="button" className="button button-secondary" disabled={test.status === 'running'} onClick={() => void runTest()}>
            {test.status === 'running' ? t('alertEditor.testing') : t('alertEditor.test')}
          </button>
          <Link className="button button-secondary" href={back}>
            {t('alertEditor.cancel')}
          </Link>
        </div>
      </form>
      <section className="dry-run" aria-live="polite" aria-label={t('alertEditor.test')}>
        {test.status === 'done' ? (
          test.firings.length === 0 ? (
            <p data-testid="dry-run-summary">{t('alertEditor.testNone')}</p>
          ) : (
            <>
              <p data-testid="dry-run-summary">{test.firings.length === 1 ? t('alertEditor.testResultOne') : t('alertEditor.testResult', { count: formatNumber(test.firings.length) })}</p>
              <ol className="dry-run-list">
                {test.firings.map((f) => (
                  <li key={`${f.subject}-${f.windowStart}`} className={`severity-${f.severity}`}>
                    <strong>{formatDateTime(f.windowEnd - 3_600_000, locale)}</strong> <span className={`alert-severity severity-${f.severity}`}>{t(`alerts.severity.${f.severity}`)}</span> {explainFiring(test.kind, f.figures, i18n)}
                  </li>
                ))}
              </ol>
              {test.heldBack > 0 ? <p className="muted">{t('alertEditor.testHeld', { count: formatNumber(test.heldBack) })}</p> : null}
            </>
          )
        ) : null}
      </section>
    </div>
  );
}

function paramStrings(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));
}

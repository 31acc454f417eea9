// The topic editor: a name and a query, the query checked by the API as it is typed. A fault is
// shown three ways at once: marked in the text, told in words (message and hint, which the
// query box points to with aria-describedby), and aria-invalid on the box. A valid query shows
// its canonical form, the way relais reads it.
import { useRef, useState, type FormEvent } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../shell/link.tsx';
import { navigate } from '../shell/router.ts';
import { listenPath } from './listen-routes.ts';
import { QueryField } from './query-field.tsx';
import { QueryHelp } from './query-help.tsx';
import type { Topics } from './use-topics.ts';
import { useQueryCheck, type QueryCheck } from './use-query-check.ts';
import { queryFault, type Topic } from './types.ts';
import { LoadFailed } from '../shell/load-failed.tsx';

const NAME_MAX = 200;
const QUERY_MAX = 10_000;

export function TopicEditor({ workspace, topics, id, onSaved }: { workspace: Workspace; topics: Topics; id: 'new' | number; onSaved(notice: string): void }) {
  const { t, locale } = useI18n();
  const back = listenPath(workspace.slug, { tab: 'topics' });
  if (id === 'new') return <TopicForm workspace={workspace} topics={topics} initial={null} onSaved={onSaved} />;
  if (topics.state.status === 'loading') {
    return (
      <p role="status" className="muted">
        {t('app.loading')}
      </p>
    );
  }
  if (topics.state.status === 'failed') {
    return (
      <LoadFailed error={topics.state.error} onRetry={topics.reload} />
    );
  }
  const topic = topics.state.topics.find((candidate) => candidate.id === id);
  if (!topic) {
    return (
      <div className="callout">
        <p>{t('topicEditor.notFound')}</p>
        <p>
          <Link className="back-link" href={back}>
            <span aria-hidden="true">←</span> {t('topicEditor.back')}
          </Link>
        </p>
      </div>
    );
  }
  return <TopicForm key={topic.id} workspace={workspace} topics={topics} initial={topic} onSaved={onSaved} />;
}

function TopicForm({ workspace, topics, initial, onSaved }: { workspace: Workspace; topics: Topics; initial: Topic | null; onSaved(notice: string): void }) {
  const { t, locale } = useI18n();
  const [name, setName] = useState(initial?.name ?? '');
  const [query, setQuery] = useState(initial?.query ?? '');
  const [touched, setTouched] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [queryError, setQueryError] = useState<string | null>(null);
  const [rejected, setRejected] = useState<QueryCheck | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const queryRef = useRef<HTMLTextAreaElement>(null);
  const { check, checking } = useQueryCheck(workspace.slug, query, touched || query !== '');
  const back = listenPath(workspace.slug, { tab: 'topics' });

  // What to show under the box: the live check for this very text, else the save's refusal.
  const shown = check.status !== 'idle' && check.query === query ? check : rejected?.status !== 'idle' && rejected?.query === query ? rejected : null;
  const fault = shown?.status === 'invalid' ? shown.fault : null;

  function changeQuery(value: string) {
    setQuery(value);
    setTouched(true);
    setQueryError(null);
  }

  function applyExample(example: string) {
    changeQuery(example);
    queryRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaveError(null);
    const trimmedName = name.trim();
    const missingName = trimmedName === '' ? t('topicEditor.nameMissing') : null;
    const missingQuery = query.trim() === '' ? t('topicEditor.queryMissing') : null;
    setNameError(missingName);
    setQueryError(missingQuery);
    if (missingName) return nameRef.current?.focus();
    if (missingQuery || fault) return queryRef.current?.focus();

    const body = { ...(trimmedName !== initial?.name ? { name: trimmedName } : {}), ...(query !== initial?.query ? { query } : {}) };
    if (initial && Object.keys(body).length === 0) return navigate(back);
    setSaving(true);
    try {
      const topic = initial
        ? await unwrap(api.PATCH('/api/v1/w/{workspace}/topics/{id}', { params: { path: { workspace: workspace.slug, id: initial.id } }, body }))
        : await unwrap(api.POST('/api/v1/w/{workspace}/topics', { params: { path: { workspace: workspace.slug } }, body: { name: trimmedName, query } }));
      topics.upsert(topic);
      topics.refresh();
      onSaved(
        initial
          ? topic.backfilledAt === null
            ? t('topicEditor.savedMatching', { name: topic.name })
            : t('topicEditor.saved', { name: topic.name })
          : t('topicEditor.created', { name: topic.name }),
      );
      navigate(back);
    } catch (error) {
      setSaving(false);
      const refused = queryFault(error);
      if (refused) {
        setRejected({ status: 'invalid', query, fault: refused });
        queryRef.current?.focus();
      } else {
        setSaveError(error);
      }
    }
  }

  const statusId = 'topic-query-status';
  return (
    <div className="topic-editor">
      <form className="topic-form" onSubmit={submit} noValidate aria-labelledby="main-title">
        {saveError ? (
          <div className="error-box" role="alert">
            <p>{errorText(saveError, t, locale)}</p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="topic-name">{t('topicEditor.name')}</label>
          <input
            id="topic-name"
            ref={nameRef}
            value={name}
            maxLength={NAME_MAX}
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'topic-name-error' : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
          />
          {nameError ? (
            <p id="topic-name-error" className="field-error">
              {nameError}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor="topic-query">{t('topicEditor.query')}</label>
          <p id="topic-query-help" className="field-help">
            {t('topicEditor.queryHelp')}
          </p>
          <QueryField
            id="topic-query"
            inputRef={queryRef}
            value={query}
            onChange={changeQuery}
            fault={fault ?? (queryError ? { position: 0, length: 0 } : null)}
            describedBy={`topic-query-help ${statusId}`}
            maxLength={QUERY_MAX}
          />
          <div id={statusId} className="query-status" aria-live="polite">
            {queryError ? (
              <p className="query-status-invalid">{queryError}</p>
            ) : shown?.status === 'invalid' ? (
              <FaultText query={query} fault={shown.fault} stale={checking && shown === check} />
            ) : shown?.status === 'valid' ? (
              <div className={`query-valid${checking ? ' is-stale' : ''}`}>
                <p className="query-status-valid">
                  <span aria-hidden="true">✓ </span>
                  {t('topicEditor.valid')}
                </p>
                <p className="query-canonical">
                  <span>{t('topicEditor.canonical')}</span> <code translate="no">{shown.canonical}</code>
                </p>
              </div>
            ) : shown?.status === 'failed' ? (
              <p className="query-status-invalid">{errorText(shown.error, t, locale)}</p>
            ) : checking ? (
              <p className="muted">{t('topicEditor.checking')}</p>
            ) : null}
          </div>
        </div>

        {initial ? <p className="field-help">{t('topicEditor.rematchNote')}</p> : null}

        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('topicEditor.saving') : initial ? t('topicEditor.save') : t('topicEditor.create')}
          </button>
          <Link className="button button-secondary" href={back}>
            {t('topicEditor.cancel')}
          </Link>
        </div>
      </form>
      <QueryHelp onUse={applyExample} />
    </div>
  );
}

/** The fault in words: where (1-based for people), the offending text, the API's message and hint. */
function FaultText({ query, fault, stale }: { query: string; fault: NonNullable<ReturnType<typeof queryFault>>; stale: boolean }) {
  const { t } = useI18n();
  const token = query.slice(fault.position, fault.position + fault.length);
  return (
    <div className={`query-invalid${stale ? ' is-stale' : ''}`} data-testid="query-error">
      <p className="query-status-invalid">
        <strong>
          {token
            ? t('topicEditor.faultAt', { n: fault.position + 1, token })
            : t('topicEditor.faultAtPoint', { n: fault.position + 1 })}
        </strong>{' '}
        <span lang="en">{fault.message}</span>
      </p>
      {fault.hint ? (
        <p className="query-hint">
          <span>{t('topicEditor.hint')}</span> <span lang="en">{fault.hint}</span>
        </p>
      ) : null}
    </div>
  );
}

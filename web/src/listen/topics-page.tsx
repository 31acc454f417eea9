// The workspace's topics: name, query, how many mentions each matches (or that it is still being
// matched against the stored mentions). Managers and strategists create, edit and delete them.
import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../shell/link.tsx';
import { canManage } from './format.ts';
import { listenPath } from './listen-routes.ts';
import { isPending, type Topics } from './use-topics.ts';
import type { Topic } from './types.ts';
import { LoadFailed } from '../shell/load-failed.tsx';

export function TopicsPage({ workspace, topics, notice, onNotice }: { workspace: Workspace; topics: Topics; notice: string | null; onNotice(notice: string | null): void }) {
  const { t, locale, formatNumber } = useI18n();
  const manager = canManage(workspace.role);
  const [deleting, setDeleting] = useState<Topic | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const announced = useBackfillAnnouncements(topics);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const state = topics.state;
  return (
    <section className="topics" aria-labelledby="main-title">
      <div className="toolbar">
        <p className="toolbar-text muted">{manager ? t('topics.introManager') : t('topics.introReader')}</p>
        {manager ? (
          <Link className="button" href={listenPath(workspace.slug, { tab: 'topics', editor: 'new' })}>
            <span aria-hidden="true">+</span> {t('topics.new')}
          </Link>
        ) : null}
      </div>

      <div className="notice-slot" role="status">
        {notice ? (
          <p className="notice" ref={noticeRef} tabIndex={-1}>
            {notice}
          </p>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {announced}
      </p>

      {state.status === 'failed' ? (
        <LoadFailed error={state.error} onRetry={topics.reload} />
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : state.topics.length === 0 ? (
        <div className="empty">
          <p>{manager ? t('topics.emptyManager') : t('topics.emptyReader')}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table topics-table">
            <caption className="visually-hidden">{t('topics.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('topics.name')}</th>
                <th scope="col">{t('topics.query')}</th>
                <th scope="col" className="numeric">
                  {t('topics.mentions')}
                </th>
                {manager ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('topics.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {state.topics.map((topic) => (
                <tr key={topic.id} data-topic={topic.name}>
                  <th scope="row" className="topic-name">
                    {topic.name}
                  </th>
                  <td>
                    <code className="query-code" translate="no">
                      {topic.query}
                    </code>
                  </td>
                  <td className="numeric topic-count">
                    {isPending(topic) ? (
                      <span className="pending">
                        <span className="spinner" aria-hidden="true" />
                        {t('topics.matching')}
                      </span>
                    ) : (
                      <Link
                        href={listenPath(workspace.slug, { tab: 'mentions', topic: topic.id })}
                        aria-label={t('topics.countLabel', { count: formatNumber(topic.mentions), name: topic.name })}
                      >
                        {formatNumber(topic.mentions)}
                      </Link>
                    )}
                  </td>
                  {manager ? (
                    <td className="row-actions">
                      <Link className="button button-small button-secondary" href={listenPath(workspace.slug, { tab: 'topics', editor: topic.id })} aria-label={t('topics.editLabel', { name: topic.name })}>
                        {t('topics.edit')}
                      </Link>
                      <button type="button" className="button button-small button-danger" onClick={() => setDeleting(topic)} aria-label={t('topics.deleteLabel', { name: topic.name })}>
                        {t('topics.delete')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleting ? (
        <DeleteDialog
          workspace={workspace}
          topic={deleting}
          onClose={(deleted) => {
            setDeleting(null);
            if (deleted) {
              topics.remove(deleting.id);
              topics.refresh();
              onNotice(t('topics.deleted', { name: deleting.name }));
            }
          }}
        />
      ) : null}
    </section>
  );
}

/** Announces, once, each topic whose matching ends while the page is open. */
function useBackfillAnnouncements(topics: Topics): string {
  const { t, formatNumber } = useI18n();
  const pending = useRef(new Set<number>());
  const [message, setMessage] = useState('');
  const state = topics.state;
  useEffect(() => {
    if (state.status !== 'ready') return;
    const done: string[] = [];
    for (const topic of state.topics) {
      if (isPending(topic)) pending.current.add(topic.id);
      else if (pending.current.delete(topic.id)) done.push(t('topics.matched', { name: topic.name, count: formatNumber(topic.mentions) }));
    }
    if (done.length > 0) setMessage(done.join(' '));
  }, [state, t, formatNumber]);
  return message;
}

/** A modal confirmation: the focus starts on Cancel, Escape cancels, and goes back where it was. */
function DeleteDialog({ workspace, topic, onClose }: { workspace: Workspace; topic: Topic; onClose(deleted: boolean): void }) {
  const { t, locale } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.DELETE('/api/v1/w/{workspace}/topics/{id}', { params: { path: { workspace: workspace.slug, id: topic.id } } }));
      onClose(true);
    } catch (cause) {
      setBusy(false);
      setError(cause);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-body"
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
    >
      <h2 id="delete-title">{t('topics.deleteTitle', { name: topic.name })}</h2>
      <p id="delete-body">{t('topics.deleteBody')}</p>
      {error ? (
        <div className="error-box" role="alert">
          <p>{errorText(error, t, locale)}</p>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-secondary" autoFocus onClick={() => onClose(false)}>
          {t('topicEditor.cancel')}
        </button>
        <button type="button" className="button button-danger-solid" disabled={busy} onClick={confirm}>
          {t('topics.deleteConfirm')}
        </button>
      </div>
    </dialog>
  );
}

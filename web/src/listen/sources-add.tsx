// The form that adds a source: a feed, a Mastodon hashtag/search/public timeline (optionally
// streamed), a Bluesky search or keywords on Jetstream, or every feed of an OPML file.
import { cloneElement, type FormEvent, type ReactElement, useId, useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A labelled control: the label names it by id (a label wrapping a select would fold the options into its name). */
export function Field({ label, children, className }: { label: string; children: ReactElement<{ id?: string }>; className?: string }) {
  const id = useId();
  return (
    <div className={className ?? 'field-row'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

type Kind = 'feed' | 'mastodon' | 'bluesky' | 'opml';

export function AddSource({ workspace, onDone }: { workspace: Workspace; onDone(text: string): void }) {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<Kind>('feed');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [mastodonMode, setMastodonMode] = useState<'tag' | 'search' | 'public'>('tag');
  const [blueskyMode, setBlueskyMode] = useState<'search' | 'jetstream'>('search');
  const path = { workspace: workspace.slug };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
    };
    setSending(true);
    setError(null);
    try {
      if (kind === 'feed') {
        const source = await unwrap(api.POST('/api/v1/w/{workspace}/sources', { params: { path }, body: { url: text('url') ?? '', name: text('name') } }));
        onDone(t('sources.added', { name: source.name }));
      } else if (kind === 'mastodon') {
        const source = await unwrap(
          api.POST('/api/v1/w/{workspace}/sources/mastodon', {
            params: { path },
            body: { instance: text('instance') ?? '', mode: mastodonMode, tag: mastodonMode === 'tag' ? text('tag') : undefined, query: mastodonMode === 'search' ? text('query') : undefined, token: text('token'), stream: mastodonMode !== 'search' && form.get('stream') === 'on', name: text('name') },
          }),
        );
        onDone(t('sources.added', { name: source.name }));
      } else if (kind === 'bluesky') {
        const keywords = text('keywords')?.split(',').map((k) => k.trim()).filter(Boolean);
        const source = await unwrap(api.POST('/api/v1/w/{workspace}/sources/bluesky', { params: { path }, body: { mode: blueskyMode, query: blueskyMode === 'search' ? text('query') : undefined, keywords: blueskyMode === 'jetstream' ? keywords : undefined, token: text('token'), name: text('name') } }));
        onDone(t('sources.added', { name: source.name }));
      } else {
        const file = form.get('opml');
        const opml = file instanceof File ? await file.text() : '';
        const result = await unwrap(api.POST('/api/v1/w/{workspace}/sources/opml', { params: { path }, body: { opml } }));
        onDone(t('sources.opmlDone', { added: result.added.length, skipped: result.skipped.length }));
      }
      element.reset();
    } catch (e) {
      setError(errorText(e, t, locale));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel source-add" aria-labelledby="source-add-title">
      <h2 id="source-add-title">{t('sources.add')}</h2>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        <Field label={t('sources.addKind')}>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="feed">{t('sources.addFeed')}</option>
            <option value="mastodon">{t('sources.addMastodon')}</option>
            <option value="bluesky">{t('sources.addBluesky')}</option>
            <option value="opml">{t('sources.addOpml')}</option>
          </select>
        </Field>
        {kind === 'feed' ? (
          <Field label={t('sources.feedUrl')}>
            <input name="url" type="url" required placeholder="https://example.org/feed.xml" />
          </Field>
        ) : null}
        {kind === 'mastodon' ? (
          <>
            <Field label={t('sources.instance')}>
              <input name="instance" required placeholder="https://mastodon.social" />
            </Field>
            <Field label={t('sources.mode')}>
              <select value={mastodonMode} onChange={(e) => setMastodonMode(e.target.value as typeof mastodonMode)}>
                <option value="tag">{t('sources.mode.tag')}</option>
                <option value="search">{t('sources.mode.search')}</option>
                <option value="public">{t('sources.mode.public')}</option>
              </select>
            </Field>
            {mastodonMode === 'tag' ? (
              <Field label={t('sources.tag')}>
                <input name="tag" required placeholder="#relais" />
              </Field>
            ) : mastodonMode === 'search' ? (
              <Field label={t('sources.query')}>
                <input name="query" required />
              </Field>
            ) : null}
            {mastodonMode !== 'search' ? (
              <label className="checkbox">
                <input name="stream" type="checkbox" /> {t('sources.stream')}
              </label>
            ) : null}
            <Field label={t('sources.token')}>
              <input name="token" type="password" autoComplete="off" />
            </Field>
          </>
        ) : null}
        {kind === 'bluesky' ? (
          <>
            <Field label={t('sources.mode')}>
              <select value={blueskyMode} onChange={(e) => setBlueskyMode(e.target.value as typeof blueskyMode)}>
                <option value="search">{t('sources.mode.search')}</option>
                <option value="jetstream">{t('sources.mode.jetstream')}</option>
              </select>
            </Field>
            {blueskyMode === 'search' ? (
              <Field label={t('sources.query')}>
                <input name="query" required />
              </Field>
            ) : (
              <Field label={t('sources.keywords')}>
                <input name="keywords" required placeholder="relais, #dsk" />
              </Field>
            )}
            <Field label={t('sources.token')}>
              <input name="token" type="password" autoComplete="off" />
            </Field>
          </>
        ) : null}
        {kind === 'opml' ? (
          <Field label={t('sources.opmlFile')}>
            <input name="opml" type="file" accept=".opml,.xml,text/xml,text/x-opml" required />
          </Field>
        ) : (
          <Field label={t('sources.displayName')}>
            <input name="name" maxLength={200} />
          </Field>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={sending}>
            {kind === 'opml' ? t('sources.submitOpml') : t('sources.submitAdd')}
          </button>
        </div>
      </form>
    </section>
  );
}

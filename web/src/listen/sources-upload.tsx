// Uploading a file of mentions in two steps: the server reads it without storing anything (format,
// encoding, delimiter, header, the guessed column mapping, first rows), the user checks or changes
// which column holds what, then the same file is imported with that mapping; bad rows go to the
// ingest log with their line.
import { useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import type { paths } from '../api/schema.d.ts';
import { errorText } from '../i18n/error-text.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './sources-add.tsx';

type Preview = paths['/api/v1/w/{workspace}/ingest/preview']['post']['responses'][200]['content']['application/json'];
type FileQuery = NonNullable<paths['/api/v1/w/{workspace}/ingest/file']['post']['parameters']['query']>;

/** The fields the mapping step offers (the CLI's --map takes them all). */
const FIELDS = ['text', 'publishedAt', 'title', 'url', 'author.handle', 'author.displayName', 'author.followers', 'lang', 'network', 'networkId'] as const;
const DELIMITER_NAMES: Record<string, string> = { ',': ',', ';': ';', '\t': 'tab', '|': '|' };

/** The file as the request body, untouched. */
const raw = { bodySerializer: (body: unknown) => body as BodyInit, headers: { 'content-type': 'application/octet-stream' } };

export function UploadFile({ workspace, onDone }: { workspace: Workspace; onDone(text: string): void }) {
  const { t, locale, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const path = { workspace: workspace.slug };

  const query = (withMapping: boolean): FileQuery => ({
    name: file?.name ?? 'upload',
    ...(withMapping && preview?.format === 'csv' ? { mapping: JSON.stringify(mapping) } : {}),
    ...(preview?.format === 'tweets-js' && owner.trim() ? { owner: owner.trim() } : {}),
  });

  const read = async () => {
    if (!file) return;
    setSending(true);
    setError(null);
    try {
      const result = await unwrap(api.POST('/api/v1/w/{workspace}/ingest/preview', { params: { path, query: query(false) }, body: file as never, ...raw }));
      setPreview(result);
      setMapping(Object.fromEntries(Object.entries(result.mapping ?? {}).filter(([field]) => (FIELDS as readonly string[]).includes(field))));
    } catch (e) {
      setError(errorText(e, t, locale));
    } finally {
      setSending(false);
    }
  };

  const importIt = async () => {
    if (!file || !preview) return;
    setSending(true);
    setError(null);
    try {
      const result = await unwrap(api.POST('/api/v1/w/{workspace}/ingest/file', { params: { path, query: query(true) }, body: file as never, ...raw }));
      onDone(t('sources.imported', { inserted: formatNumber(result.inserted), duplicates: formatNumber(result.duplicates), rejected: formatNumber(result.rejected.length) }));
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError(errorText(e, t, locale));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel source-upload" aria-labelledby="source-upload-title">
      <h2 id="source-upload-title">{t('sources.upload')}</h2>
      <p className="muted">{t('sources.uploadIntro')}</p>
      <div className="form-grid">
        <Field label={t('sources.file')}>
          <input
            type="file"
            accept=".csv,.tsv,.txt,.ndjson,.jsonl,.js"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </Field>
        <div className="form-actions">
          <button type="button" className="button button-secondary" disabled={!file || sending} onClick={() => void read()}>
            {t('sources.read')}
          </button>
        </div>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div className="upload-preview">
          <p role="status">
            {t('sources.preview', {
              format: preview.format,
              encoding: preview.encoding,
              delimiter: preview.delimiter ? t('sources.delimiterNote', { delimiter: DELIMITER_NAMES[preview.delimiter] ?? preview.delimiter }) : '',
              total: formatNumber(preview.total),
              errors: formatNumber(preview.errors),
            })}
          </p>
          {preview.notes.map((note) => (
            <p key={note.position + note.message} className="muted" lang="en">
              {note.position}: {note.message}
            </p>
          ))}
          {preview.format === 'csv' && preview.header ? (
            <fieldset className="form-grid mapping">
              <legend>{t('sources.mapping')}</legend>
              <p className="muted">{t('sources.mappingIntro')}</p>
              {FIELDS.map((field) => (
                <Field key={field} label={t(`sources.field.${field}` as MessageKey)}>
                  <select
                    value={mapping[field] ?? ''}
                    onChange={(e) =>
                      setMapping((m) => {
                        const next = { ...m };
                        if (e.target.value) next[field] = e.target.value;
                        else delete next[field];
                        return next;
                      })
                    }
                  >
                    <option value="">{t('sources.noColumn')}</option>
                    {preview.header!.map((column) => (
                      <option key={column} value={column}>
                        {column}
                      </option>
                    ))}
                  </select>
                </Field>
              ))}
            </fieldset>
          ) : null}
          {preview.format === 'tweets-js' ? (
            <Field label={t('sources.owner')}>
              <input value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="@handle" />
            </Field>
          ) : null}
          <h3>{t('sources.sample')}</h3>
          <ul className="upload-sample">
            {preview.sample.map((row) => (
              <li key={row.position}>
                <code>{row.position}</code>{' '}
                {row.error ? <span className="form-error">{t('sources.sampleError', { error: row.error })}</span> : <span>{String((row.item as { text?: unknown } | null)?.text ?? '').slice(0, 160)}</span>}
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" className="button" disabled={sending} onClick={() => void importIt()}>
              {t('sources.import', { total: formatNumber(preview.total) })}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setPreview(null)}>
              {t('sources.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

// Bring a graph in, take it out: upload an edge list (CSV, TSV, SNAP text), GEXF or GraphML —
// what loads, loads, and each refused line is listed with its reason — and download the
// workspace's graph as GEXF or GraphML for Gephi.
import { useId, useState, type FormEvent } from 'react';
import type { Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { IMPORT_FORMATS, formatOfFile, type ImportFormat } from './import-formats.ts';
import { canEditMap, exportUrl, importGraph, type ImportReport } from './map-api.ts';

/** Problems shown before "and N more". */
const PROBLEMS_SHOWN = 200;

export function DataPage({ workspace }: { workspace: Workspace }) {
  const { t, locale, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ report: ImportReport } | { error: unknown } | null>(null);
  const [missing, setMissing] = useState(false);
  const ids = useId();
  const editor = canEditMap(workspace.role);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      setResult({ report: await importGraph(workspace.slug, file, format === 'auto' ? formatOfFile(file.name) : format) });
    } catch (error) {
      setResult({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="map-data" aria-labelledby="main-title">
      <div className="data-grid">
        <section className="data-panel" aria-labelledby={`${ids}-import`}>
          <h2 id={`${ids}-import`}>{t('map.data.importTitle')}</h2>
          <p>{t('map.data.importIntro')}</p>
          {editor ? (
            <form onSubmit={upload} noValidate>
              <div className="field">
                <label htmlFor={`${ids}-file`}>{t('map.data.file')}</label>
                <input
                  id={`${ids}-file`}
                  type="file"
                  accept=".csv,.tsv,.txt,.edges,.gexf,.graphml,.xml,text/csv,text/plain,application/xml"
                  aria-invalid={missing || undefined}
                  aria-describedby={missing ? `${ids}-missing` : undefined}
                  onChange={(event) => {
                    const chosen = event.target.files?.[0] ?? null;
                    setFile(chosen);
                    setMissing(false);
                    if (chosen) setFormat(formatOfFile(chosen.name));
                  }}
                />
                {missing ? (
                  <p className="field-error" id={`${ids}-missing`} role="alert">
                    {t('map.data.fileMissing')}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={`${ids}-format`}>{t('map.data.format')}</label>
                <select id={`${ids}-format`} value={format} onChange={(event) => setFormat(event.target.value as ImportFormat)}>
                  {IMPORT_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {t(`map.format.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button-primary" disabled={busy}>
                {busy ? t('map.data.importing') : t('map.data.import')}
              </button>
            </form>
          ) : (
            <p className="callout">{t('map.data.forbidden')}</p>
          )}
          <div aria-live="polite">
            {result && 'error' in result ? (
              <div className="error-box" role="alert">
                <p>{errorText(result.error, t, locale)}</p>
              </div>
            ) : null}
            {result && 'report' in result ? (
              <div className="import-report" data-testid="import-report">
                <p className="notice">
                  {t('map.data.loaded', { nodes: formatNumber(result.report.nodes), edges: formatNumber(result.report.edges) })}
                  {result.report.problems.length > 0 ? ` ${t('map.data.refused', { count: formatNumber(result.report.problems.length) })}` : ''}
                </p>
                {result.report.problems.length > 0 ? (
                  <table className="map-table problems">
                    <caption>{t('map.data.problems')}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="numeric">
                          {t('map.data.line')}
                        </th>
                        <th scope="col">{t('map.data.why')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.report.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
                        <tr key={index}>
                          <td className="numeric">{problem.line === null ? '—' : formatNumber(problem.line)}</td>
                          <td>{problem.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {result.report.problems.length > PROBLEMS_SHOWN ? <p className="muted">{t('map.data.moreProblems', { count: formatNumber(result.report.problems.length - PROBLEMS_SHOWN) })}</p> : null}
              </div>
            ) : null}
          </div>
        </section>
        <section className="data-panel" aria-labelledby={`${ids}-export`}>
          <h2 id={`${ids}-export`}>{t('map.data.exportTitle')}</h2>
          <p>{t('map.data.exportIntro')}</p>
          <p className="card-actions">
            <a className="button button-secondary" href={exportUrl(workspace.slug, 'gexf')} download>
              {t('map.data.gexf')}
            </a>
            <a className="button button-secondary" href={exportUrl(workspace.slug, 'graphml')} download>
              {t('map.data.graphml')}
            </a>
          </p>
        </section>
      </div>
    </section>
  );
}

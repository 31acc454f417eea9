// Bring a graph in, take it out: upload an edge list (CSV, TSV, SNAP text), GML, GEXF, GraphML
// or a follower/following export — what is valid loads, and each refused line is listed with
// its reason — and download the workspace's graph as GEXF or GraphML for Gephi.
import { useId, useState, type FormEvent } from 'react';
import type { Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { EDGE_LISTS, EXPORTS_OF_ONE, formatOfFile, IMPORT_FORMATS, IMPORT_MAX_BYTES } from './import-formats.ts';
import { canImport, exportUrl, importGraph } from './map-api.ts';
import type { ImportFormat, ImportResult } from './types.ts';

/** Lines listed before "and N more". */
const PROBLEMS_SHOWN = 200;

type Problem = 'file' | 'tooLarge' | 'account' | null;

export function DataPage({ workspace }: { workspace: Workspace }) {
  const { t, locale, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [network, setNetwork] = useState('import');
  const [directed, setDirected] = useState(true);
  const [account, setAccount] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ report: ImportResult } | { error: unknown } | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const ids = useId();

  async function upload(event: FormEvent) {
    event.preventDefault();
    const found: Problem = !file ? 'file' : file.size > IMPORT_MAX_BYTES ? 'tooLarge' : EXPORTS_OF_ONE.includes(format) && !account.trim() ? 'account' : null;
    setProblem(found);
    if (found || !file) return;
    setBusy(true);
    setResult(null);
    try {
      const text = await file.text();
      const report = await importGraph(workspace.slug, {
        format,
        text,
        network: network.trim() || 'import',
        ...(EDGE_LISTS.includes(format) ? { directed } : {}),
        ...(EXPORTS_OF_ONE.includes(format) ? { account: account.trim() } : {}),
      });
      setResult({ report });
    } catch (error) {
      setResult({ error });
    } finally {
      setBusy(false);
    }
  }

  const report = result && 'report' in result ? result.report : null;
  const lines = report ? [...report.errors.map((p) => ({ ...p, level: 'error' as const })), ...report.warnings.map((p) => ({ ...p, level: 'warning' as const }))].sort((a, b) => a.line - b.line) : [];

  return (
    <section className="map-data" aria-labelledby="main-title">
      <div className="data-grid">
        <section className="data-panel" aria-labelledby={`${ids}-import`}>
          <h2 id={`${ids}-import`}>{t('map.data.importTitle')}</h2>
          <p>{t('map.data.importIntro')}</p>
          {canImport(workspace.role) ? (
            <form onSubmit={upload} noValidate>
              <div className="field">
                <label htmlFor={`${ids}-file`}>{t('map.data.file')}</label>
                <input
                  id={`${ids}-file`}
                  type="file"
                  accept=".csv,.tsv,.txt,.edges,.gml,.gexf,.graphml,.xml,text/csv,text/plain,application/xml"
                  aria-invalid={problem === 'file' || problem === 'tooLarge' || undefined}
                  aria-describedby={problem === 'file' || problem === 'tooLarge' ? `${ids}-file-error` : undefined}
                  onChange={(event) => {
                    const chosen = event.target.files?.[0] ?? null;
                    setFile(chosen);
                    setProblem(null);
                    const guessed = chosen ? formatOfFile(chosen.name) : null;
                    if (guessed) setFormat(guessed);
                  }}
                />
                {problem === 'file' || problem === 'tooLarge' ? (
                  <p className="field-error" id={`${ids}-file-error`} role="alert">
                    {problem === 'file' ? t('map.data.fileMissing') : t('map.data.tooLarge')}
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
              {EDGE_LISTS.includes(format) ? (
                <div className="field field-check">
                  <label>
                    <input type="checkbox" checked={directed} onChange={(event) => setDirected(event.target.checked)} /> {t('map.data.directed')}
                  </label>
                </div>
              ) : null}
              {EXPORTS_OF_ONE.includes(format) ? (
                <div className="field">
                  <label htmlFor={`${ids}-account`}>{format === 'followers' ? t('map.data.accountFollowers') : t('map.data.accountFollowing')}</label>
                  <input
                    id={`${ids}-account`}
                    type="text"
                    value={account}
                    onChange={(event) => setAccount(event.target.value)}
                    aria-invalid={problem === 'account' || undefined}
                    aria-describedby={problem === 'account' ? `${ids}-account-error` : undefined}
                  />
                  {problem === 'account' ? (
                    <p className="field-error" id={`${ids}-account-error`} role="alert">
                      {t('map.data.accountMissing')}
                    </p>
                  ) : null}
                </div>
              ) : null}
              <div className="field">
                <label htmlFor={`${ids}-network`}>{t('map.data.network')}</label>
                <input id={`${ids}-network`} type="text" value={network} maxLength={40} aria-describedby={`${ids}-network-hint`} onChange={(event) => setNetwork(event.target.value)} />
                <p className="muted field-hint" id={`${ids}-network-hint`}>
                  {t('map.data.networkHint')}
                </p>
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
            {report ? (
              <div className="import-report" data-testid="import-report">
                <p className="notice">
                  {t('map.data.loaded', { nodes: formatNumber(report.nodes), edges: formatNumber(report.edges), created: formatNumber(report.accountsCreated) })}
                  {report.errors.length === 1 ? ` ${t('map.data.refusedOne')}` : report.errors.length > 1 ? ` ${t('map.data.refused', { count: formatNumber(report.errors.length) })}` : ''}
                  {report.warnings.length === 1 ? ` ${t('map.data.warnedOne')}` : report.warnings.length > 1 ? ` ${t('map.data.warned', { count: formatNumber(report.warnings.length) })}` : ''}
                </p>
                {lines.length > 0 ? (
                  <div className="table-scroll">
                    <table className="map-table problems" data-testid="import-problems">
                      <caption>{t('map.data.problems')}</caption>
                      <thead>
                        <tr>
                          <th scope="col" className="numeric">
                            {t('map.data.line')}
                          </th>
                          <th scope="col">{t('map.data.level')}</th>
                          <th scope="col">{t('map.data.why')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {lines.slice(0, PROBLEMS_SHOWN).map((line, index) => (
                          <tr key={index} data-level={line.level}>
                            <td className="numeric">{line.line > 0 ? formatNumber(line.line) : '—'}</td>
                            <td>{line.level === 'error' ? t('map.data.refusedLine') : t('map.data.warning')}</td>
                            <td>{line.message}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {lines.length > PROBLEMS_SHOWN ? <p className="muted">{t('map.data.moreProblems', { count: formatNumber(lines.length - PROBLEMS_SHOWN) })}</p> : null}
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

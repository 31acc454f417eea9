// Short links: each /s/<code> with its target, what it was made for, its clicks and unique
// visitors (per day), and a form to make one.
import { useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../listen/format.ts';
import { LoadFailed } from '../shell/load-failed.tsx';
import { useLoad } from './use-load.ts';

export function LinksPanel({ workspace }: { workspace: Workspace }) {
  const { t, locale, formatNumber } = useI18n();
  const { state, reload } = useLoad(() => unwrap(api.GET('/api/v1/w/{workspace}/links', { params: { path: { workspace: workspace.slug } } })), [workspace.slug]);
  const [url, setUrl] = useState('');
  const [campaign, setCampaign] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const member = workspace.role !== 'viewer';

  async function create() {
    setMessage(null);
    try {
      const link = await unwrap(api.POST('/api/v1/w/{workspace}/links', { params: { path: { workspace: workspace.slug } }, body: { url, utm: campaign ? { campaign, medium: 'social' } : null } }));
      setMessage({ error: false, text: t('publish.links.created', { link: `${location.origin}${link.path}` }) });
      setUrl('');
      reload();
    } catch (failure) {
      setMessage({ error: true, text: errorText(failure, t, locale) });
    }
  }
  return (
    <section className="links" aria-labelledby="main-title">
      {member ? (
        <form className="toolbar" onSubmit={(e) => { e.preventDefault(); void create(); }}>
          <label className="field"><span>{t('publish.links.url')}</span><input name="url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} /></label>
          <label className="field"><span>{t('publish.links.campaign')}</span><input name="campaign" value={campaign} onChange={(e) => setCampaign(e.target.value)} /></label>
          <button type="submit" className="button">{t('publish.links.create')}</button>
        </form>
      ) : null}
      {message ? <p className={`callout${message.error ? ' callout-error' : ''}`} role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
      {state.status === 'failed' ? <LoadFailed error={state.error} onRetry={reload} /> : state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : state.data.links.length === 0 ? <p className="empty">{t('publish.links.none')}</p> : (
        <table className="data-table">
          <caption className="visually-hidden">{t('publish.tab.links')}</caption>
          <thead><tr><th scope="col">{t('publish.links.short')}</th><th scope="col">{t('publish.links.target')}</th><th scope="col">{t('publish.links.clicks')}</th><th scope="col">{t('publish.links.visitors')}</th><th scope="col">{t('publish.links.last')}</th></tr></thead>
          <tbody>
            {state.data.links.map((l) => (
              <tr key={l.id}>
                <td><code translate="no">{l.path}</code></td>
                <td className="wrap-anywhere"><a href={l.url} target="_blank" rel="noreferrer">{l.url}</a></td>
                <td className="number">{formatNumber(l.clicks)}</td>
                <td className="number">{formatNumber(l.visitors)}</td>
                <td>{l.lastClickAt ? formatDateTime(l.lastClickAt, locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// Channels: each with its network, account, status and why it stopped (expired credentials),
// a test that checks the credentials again, and (managers) a form to add one. Credentials are
// sent once and never shown again.
import { useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { canManage } from '../listen/format.ts';
import { LoadFailed } from '../shell/load-failed.tsx';
import { useLoad } from './use-load.ts';

type Network = 'mastodon' | 'bluesky' | 'webhook' | 'feed';
const FIELDS: Record<Network, { config: Array<[key: string, label: 'publish.channels.instance' | 'publish.channels.handle' | 'publish.channels.url' | 'publish.channels.service']>; secret: [key: string, label: 'publish.channels.token' | 'publish.channels.appPassword' | 'publish.channels.secret'] | null }> = {
  mastodon: { config: [['instanceUrl', 'publish.channels.instance']], secret: ['accessToken', 'publish.channels.token'] },
  bluesky: { config: [['identifier', 'publish.channels.handle'], ['serviceUrl', 'publish.channels.service']], secret: ['appPassword', 'publish.channels.appPassword'] },
  webhook: { config: [['url', 'publish.channels.url']], secret: ['signingSecret', 'publish.channels.secret'] },
  feed: { config: [], secret: null },
};

export function ChannelsPanel({ workspace }: { workspace: Workspace }) {
  const { t, locale } = useI18n();
  const { state, reload } = useLoad(() => unwrap(api.GET('/api/v1/w/{workspace}/channels', { params: { path: { workspace: workspace.slug } } })), [workspace.slug]);
  const [network, setNetwork] = useState<Network>('mastodon');
  const [name, setName] = useState('');
  const [config, setConfig] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const manager = canManage(workspace.role);

  async function add() {
    setMessage(null);
    const fields = FIELDS[network];
    try {
      const values = Object.fromEntries(fields.config.map(([key]) => [key, config[key] ?? '']).filter(([, v]) => v));
      const channel = await unwrap(api.POST('/api/v1/w/{workspace}/channels', { params: { path: { workspace: workspace.slug } }, body: { network, name, config: values, secrets: fields.secret ? { [fields.secret[0]]: secret } : {}, verify: true } }));
      setMessage({ error: false, text: t('publish.channels.added', { name: channel.name, handle: channel.handle ?? '' }) });
      setName(''); setSecret(''); setConfig({});
      reload();
    } catch (failure) {
      setMessage({ error: true, text: errorText(failure, t, locale) });
    }
  }
  async function test(id: number) {
    setMessage(null);
    try {
      const channel = await unwrap(api.POST('/api/v1/w/{workspace}/channels/{id}/test', { params: { path: { workspace: workspace.slug, id } } }));
      setMessage({ error: false, text: t('publish.channels.works', { name: channel.name }) });
    } catch (failure) {
      setMessage({ error: true, text: errorText(failure, t, locale) });
    }
    reload();
  }

  return (
    <section className="channels" aria-labelledby="main-title">
      {state.status === 'failed' ? <LoadFailed error={state.error} onRetry={reload} /> : state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : state.data.channels.length === 0 ? (
        <p className="empty">{t('publish.channels.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('publish.tab.channels')}</caption>
          <thead><tr><th scope="col">{t('publish.channel')}</th><th scope="col">{t('publish.channels.network')}</th><th scope="col">{t('publish.channels.account')}</th><th scope="col">{t('publish.detail.status')}</th><th scope="col">{t('publish.channels.rate')}</th><th scope="col"><span className="visually-hidden">{t('publish.channels.actions')}</span></th></tr></thead>
          <tbody>
            {state.data.channels.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td><td>{c.network}</td><td>{c.network === 'feed' ? <a href={`/feeds/${encodeURIComponent(workspace.slug)}/${c.id}.atom`}>{t('publish.channels.feedLink')}</a> : c.handle ?? '—'}</td>
                <td>{c.status}{c.statusReason ? <span className="muted" lang="en"> — {c.statusReason}</span> : null}</td>
                <td>{c.ratePerHour}</td>
                <td>{manager ? <button type="button" className="button button-secondary" onClick={() => void test(c.id)}>{t('publish.channels.test')}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message ? <p className={`callout${message.error ? ' callout-error' : ''}`} role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
      {manager ? (
        <form className="channel-form" onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <h2>{t('publish.channels.add')}</h2>
          <label className="field"><span>{t('publish.channels.network')}</span>
            <select value={network} onChange={(e) => { setNetwork(e.target.value as Network); setConfig({}); }}>
              <option value="mastodon">Mastodon</option><option value="bluesky">Bluesky</option><option value="webhook">Webhook</option><option value="feed">{t('publish.channels.feed')}</option>
            </select>
          </label>
          <label className="field"><span>{t('publish.channels.name')}</span><input name="name" required value={name} onChange={(e) => setName(e.target.value)} /></label>
          {FIELDS[network].config.map(([key, label]) => (
            <label key={key} className="field"><span>{t(label)}</span><input name={key} value={config[key] ?? ''} onChange={(e) => setConfig((all) => ({ ...all, [key]: e.target.value }))} required={key !== 'serviceUrl'} /></label>
          ))}
          {FIELDS[network].secret ? (
            <label className="field"><span>{t(FIELDS[network].secret![1])}</span><input name="secret" type="password" autoComplete="off" required value={secret} onChange={(e) => setSecret(e.target.value)} /></label>
          ) : null}
          <button type="submit" className="button">{t('publish.channels.addButton')}</button>
        </form>
      ) : null}
    </section>
  );
}

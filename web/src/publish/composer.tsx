// The composer: one text, the channels it goes to, an own text per channel when wanted, each
// counted live the way its network counts (the server's own post-length.ts), a preview per
// network, content warning and visibility, and a time in a chosen zone — or a draft.
import { useMemo, useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { measurePost, type PostNetwork } from '../../../src/publish/post-length.ts';
import { navigate } from '../shell/router.ts';
import { zonedInstant } from './calendar-math.ts';
import { useLoad } from './use-load.ts';
import type { Channel } from './types.ts';

const HERE = Intl.DateTimeFormat().resolvedOptions().timeZone;
// The browser's own zone first (it may be an alias such as UTC that the list leaves out).
const ZONES = [...new Set([HERE, 'Europe/Paris', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'])])];

function limitOf(channel: Channel): number | undefined {
  const max = channel.config.maxCharacters;
  return typeof max === 'number' ? max : undefined;
}

export function Composer({ workspace }: { workspace: Workspace }) {
  const { t, locale } = useI18n();
  const channels = useLoad(() => unwrap(api.GET('/api/v1/w/{workspace}/channels', { params: { path: { workspace: workspace.slug } } })), [workspace.slug]);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Record<number, { own: boolean; text: string }>>({});
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [zone, setZone] = useState(HERE);
  const [warning, setWarning] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'unlisted' | 'private'>('public');
  const [error, setError] = useState<{ text: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const list = channels.state.status === 'ready' ? channels.state.data.channels : [];
  const targets = list.filter((c) => chosen[c.id]);
  const counts = useMemo(() => targets.map((c) => {
    const own = chosen[c.id]!;
    const body = own.own ? own.text : text;
    return { channel: c, body, length: measurePost(c.network as PostNetwork, body, limitOf(c)) };
  }), [targets, chosen, text]);
  const over = counts.some((c) => c.length.over);

  async function submit(asDraft: boolean) {
    setError(null);
    if (!asDraft && !date) return setError({ text: t('publish.compose.needTime'), field: 'dueAt' });
    setBusy(true);
    try {
      const post = await unwrap(api.POST('/api/v1/w/{workspace}/posts', {
        params: { path: { workspace: workspace.slug } },
        body: {
          text, dueAt: asDraft ? null : zonedInstant(date, time, zone), timeZone: zone, contentWarning: warning || null, visibility,
          targets: targets.map((c) => ({ channelId: c.id, text: chosen[c.id]!.own ? chosen[c.id]!.text : null })),
        },
      }));
      navigate(`/w/${encodeURIComponent(workspace.slug)}/publish?tab=calendar&post=${post.id}`);
    } catch (failure) {
      const field = (failure as { field?: string }).field;
      setError({ text: errorText(failure, t, locale), ...(field ? { field } : {}) });
    } finally {
      setBusy(false);
    }
  }

  if (channels.state.status === 'failed') return <LoadFailed error={channels.state.error} onRetry={channels.reload} />;
  return (
    <form className="composer" onSubmit={(e) => { e.preventDefault(); void submit(false); }}>
      <label className="field">
        <span>{t('publish.compose.text')}</span>
        <textarea name="text" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error?.field === 'text'} />
      </label>
      <fieldset className="composer-channels">
        <legend>{t('publish.compose.channels')}</legend>
        {list.length === 0 && channels.state.status === 'ready' ? <p className="muted">{t('publish.compose.noChannel')}</p> : null}
        {list.map((c) => (
          <div key={c.id} className="composer-channel">
            <label>
              <input type="checkbox" checked={Boolean(chosen[c.id])} disabled={c.status !== 'active'} onChange={(e) => setChosen((all) => {
                const next = { ...all };
                if (e.target.checked) next[c.id] = { own: false, text };
                else delete next[c.id];
                return next;
              })} />
              {' '}{c.name} <span className="muted">({c.network}{c.status !== 'active' ? ` — ${c.status}` : ''})</span>
            </label>
            {chosen[c.id] ? (
              <label className="composer-own">
                <input type="checkbox" checked={chosen[c.id]!.own} onChange={(e) => setChosen((all) => ({ ...all, [c.id]: { own: e.target.checked, text: all[c.id]!.text || text } }))} />
                {' '}{t('publish.compose.ownText')}
              </label>
            ) : null}
            {chosen[c.id]?.own ? (
              <textarea aria-label={t('publish.compose.ownTextFor', { channel: c.name })} rows={3} value={chosen[c.id]!.text} onChange={(e) => setChosen((all) => ({ ...all, [c.id]: { own: true, text: e.target.value } }))} />
            ) : null}
          </div>
        ))}
      </fieldset>
      {counts.length ? (
        <ul className="composer-previews" aria-label={t('publish.compose.previews')}>
          {counts.map(({ channel, body, length }) => (
            <li key={channel.id} className={`composer-preview preview-${channel.network}${length.over ? ' is-over' : ''}`}>
              <p className="preview-head"><strong>{channel.name}</strong> <span className="muted">{channel.handle ?? channel.network}</span></p>
              {warning ? <p className="preview-cw">⚠ {warning}</p> : null}
              <p className="preview-body">{body || <span className="muted">{t('publish.compose.empty')}</span>}</p>
              <p className="preview-count" aria-live="polite">{length.over ? t('publish.compose.over', { count: -length.remaining, limit: length.limit }) : t('publish.compose.left', { count: length.remaining, limit: length.limit })}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="composer-when">
        <label className="field"><span>{t('publish.compose.date')}</span><input type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={error?.field === 'dueAt'} /></label>
        <label className="field"><span>{t('publish.compose.time')}</span><input type="time" name="time" value={time} onChange={(e) => setTime(e.target.value)} /></label>
        <label className="field"><span>{t('publish.compose.zone')}</span>
          <select value={zone} onChange={(e) => setZone(e.target.value)}>{ZONES.map((z) => <option key={z}>{z}</option>)}</select>
        </label>
      </div>
      <div className="composer-when">
        <label className="field"><span>{t('publish.compose.warning')}</span><input value={warning} onChange={(e) => setWarning(e.target.value)} maxLength={500} /></label>
        <label className="field"><span>{t('publish.compose.visibility')}</span>
          <select value={visibility} onChange={(e) => setVisibility(e.target.value as typeof visibility)}>
            {(['public', 'unlisted', 'private'] as const).map((v) => <option key={v} value={v}>{t(`publish.visibility.${v}`)}</option>)}
          </select>
        </label>
      </div>
      {error ? <p className="callout callout-error" role="alert">{error.text}</p> : null}
      <div className="toolbar">
        <button type="submit" className="button" disabled={busy || over || targets.length === 0}>{t('publish.compose.schedule')}</button>
        <button type="button" className="button button-secondary" disabled={busy || targets.length === 0} onClick={() => void submit(true)}>{t('publish.compose.draft')}</button>
      </div>
    </form>
  );
}

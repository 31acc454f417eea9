// Engage: the shared inbox (filters, search, bulk resolve/assign; j/k move, e resolves, r replies),
// one conversation's timeline with its reply box and notes, and the rota with its coverage gaps.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { SectionPageProps } from '../shell/coming-page.tsx';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import '../styles/engage.css';
import { RotaView } from './rota-view.tsx';
import type { Conversation, ConversationDetail, Member } from './types.ts';

const STATUSES = ['new', 'assigned', 'waiting', 'resolved'] as const;

export function duration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return minutes < 60 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}

export function EngagePage({ workspace }: SectionPageProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'inbox' | 'rota'>('inbox');
  return (
    <section className="engage" aria-labelledby="engage-title">
      <h1 id="engage-title">{t('engage.title')}</h1>
      <div role="tablist" className="engage-tabs">
        {(['inbox', 'rota'] as const).map((id) => (
          <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} onClick={() => setTab(id)}>
            {t(`engage.tab.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'inbox' ? <Inbox slug={workspace.slug} canAct={workspace.role === 'manager' || workspace.role === 'strategist'} /> : <RotaView slug={workspace.slug} canEdit={workspace.role === 'strategist'} />}
    </section>
  );
}

function Inbox({ slug, canAct }: { slug: string; canAct: boolean }) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<string>('');
  const [q, setQ] = useState('');
  const [breached, setBreached] = useState(false);
  const [items, setItems] = useState<Conversation[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [current, setCurrent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [bulkAssignee, setBulkAssignee] = useState('');
  const replyRef = useRef<HTMLTextAreaElement>(null);

  const load = useCallback(async () => {
    try {
      const query = { ...(status ? { status: status as (typeof STATUSES)[number] } : {}), ...(q ? { q } : {}), ...(breached ? { breached: 'true' as const } : {}) };
      const page = await unwrap(api.GET('/api/v1/w/{workspace}/inbox', { params: { path: { workspace: slug }, query } }));
      setItems(page.conversations);
      setError(null);
    } catch (e) {
      setError(errorText(e, t, locale));
    }
  }, [slug, status, q, breached, t, locale]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    unwrap(api.GET('/api/v1/w/{workspace}/members', { params: { path: { workspace: slug } } })).then((r) => setMembers(r.members), () => setMembers([]));
  }, [slug]);

  const change = async (ids: number[], body: { status?: 'resolved'; assigneeId?: number }) => {
    try {
      await unwrap(api.POST('/api/v1/w/{workspace}/inbox/bulk', { params: { path: { workspace: slug } }, body: { ids, ...body } }));
      setSelected(new Set());
      await load();
    } catch (e) {
      setError(errorText(e, t, locale));
    }
  };

  // Keyboard: j/k move through the list, e resolves, r goes to the reply box (not while typing).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      const index = items.findIndex((c) => c.id === current);
      if (event.key === 'j' && items.length) setCurrent(items[Math.min(items.length - 1, index + 1)]!.id);
      else if (event.key === 'k' && items.length) setCurrent(items[Math.max(0, index - 1)]!.id);
      else if (event.key === 'e' && current !== null && canAct) void change([current], { status: 'resolved' });
      else if (event.key === 'r' && current !== null) { event.preventDefault(); replyRef.current?.focus(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const now = Date.now();
  return (
    <div className="engage-inbox">
      <div className="engage-list">
        <form className="engage-filters" onSubmit={(e) => { e.preventDefault(); void load(); }}>
          <label>
            {t('engage.filter.status')}{' '}
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('engage.filter.open')}</option>
              {STATUSES.map((s) => <option key={s} value={s}>{t(`engage.status.${s}`)}</option>)}
            </select>
          </label>
          <label><input type="checkbox" checked={breached} onChange={(e) => setBreached(e.target.checked)} /> {t('engage.filter.breached')}</label>
          <input type="search" aria-label={t('engage.filter.search')} placeholder={t('engage.filter.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        </form>
        {canAct && selected.size > 0 ? (
          <div className="engage-bulk">
            <button onClick={() => void change([...selected], { status: 'resolved' })}>{t('engage.bulk.resolve')}</button>
            <label>
              {t('engage.bulk.assign')}{' '}
              <select value={bulkAssignee} onChange={(e) => { setBulkAssignee(e.target.value); if (e.target.value) void change([...selected], { assigneeId: Number(e.target.value) }); }}>
                <option value="">—</option>
                {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select>
            </label>
          </div>
        ) : null}
        {error ? <p className="error" role="alert">{error}</p> : null}
        {items.length === 0 ? <p className="muted">{t('engage.empty')}</p> : (
          <ul className="engage-conversations">
            {items.map((c) => (
              <li key={c.id} className={c.id === current ? 'current' : ''} data-conversation={c.id}>
                {canAct ? <input type="checkbox" aria-label={t('engage.select')} checked={selected.has(c.id)} onChange={(e) => { const next = new Set(selected); if (e.target.checked) next.add(c.id); else next.delete(c.id); setSelected(next); }} /> : null}
                <button className="engage-item" onClick={() => setCurrent(c.id)}>
                  <span className={`engage-priority p-${c.priority}`}>{c.priority}</span>{' '}
                  <strong>{c.author.displayName ?? c.author.handle}</strong> <span className="muted">{c.network}</span>
                  <span className="engage-text">{c.text}</span>
                  <span className="muted">
                    {c.reasons.map((r) => t(`engage.reason.${r}` as MessageKey)).join(' · ')} · {t(`engage.status.${c.status}` as MessageKey)} · {c.assigneeName ?? t('engage.unassigned')} ·{' '}
                    <span className={c.breached ? 'engage-late' : ''}>{c.firstResponseAt !== null ? t('engage.answered') : c.breached ? t('engage.late', { time: duration(now - c.firstResponseDueAt) }) : t('engage.due', { time: duration(c.firstResponseDueAt - now) })}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="engage-view">
        {current === null ? <p className="muted">{t('engage.pick')}</p> : <ConversationView key={current} slug={slug} id={current} canAct={canAct} members={members} replyRef={replyRef} onChanged={load} />}
      </div>
    </div>
  );
}

function ConversationView({ slug, id, canAct, members, replyRef, onChanged }: { slug: string; id: number; canAct: boolean; members: Member[]; replyRef: React.RefObject<HTMLTextAreaElement | null>; onChanged(): Promise<void> }) {
  const { t, locale } = useI18n();
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<Array<{ id: number; name: string; text: string }>>([]);
  const [savedId, setSavedId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const path = { workspace: slug, id };

  const load = useCallback(async () => {
    try {
      setDetail(await unwrap(api.GET('/api/v1/w/{workspace}/inbox/{id}', { params: { path } })));
    } catch (e) {
      setError(errorText(e, t, locale));
    }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, id, t, locale]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    unwrap(api.GET('/api/v1/w/{workspace}/saved-replies', { params: { path: { workspace: slug } } })).then((r) => setSaved(r.savedReplies), () => setSaved([]));
  }, [slug]);
  // Delivery is asynchronous (Publish's worker): look again shortly after sending.
  useEffect(() => {
    if (!detail?.timeline.some((i) => i.kind === 'reply' && (i.delivery?.status === 'pending' || i.delivery?.status === 'sending'))) return;
    const timer = setTimeout(() => void load(), 2000);
    return () => clearTimeout(timer);
  }, [detail, load]);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
      await load();
      await onChanged();
    } catch (e) {
      setError(errorText(e, t, locale));
    }
  };

  if (!detail) return error ? <p className="error" role="alert">{error}</p> : <p className="muted">{t('app.loading')}</p>;
  const c = detail.conversation;
  return (
    <article className="engage-conversation" aria-label={c.author.handle ?? String(c.id)}>
      <header>
        <h2>{c.author.displayName ?? c.author.handle} <span className="muted">{c.author.handle} · {c.author.followers}</span></h2>
        <p className="muted">{t(`engage.status.${c.status}` as MessageKey)} · {c.priority} · {c.assigneeName ?? t('engage.unassigned')}</p>
        {canAct ? (
          <div className="engage-actions">
            <button onClick={() => void act(() => unwrap(api.POST('/api/v1/w/{workspace}/inbox/bulk', { params: { path: { workspace: slug } }, body: { ids: [id], status: 'resolved' } })))}>{t('engage.resolve')}</button>
            <label>
              {t('engage.assignTo')}{' '}
              <select value={c.assigneeId ?? ''} onChange={(e) => e.target.value && void act(() => unwrap(api.POST('/api/v1/w/{workspace}/inbox/bulk', { params: { path: { workspace: slug } }, body: { ids: [id], assigneeId: Number(e.target.value) } })))}>
                <option value="">—</option>
                {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select>
            </label>
          </div>
        ) : null}
      </header>
      <ol className="engage-timeline">
        {detail.timeline.map((item) => (
          <li key={`${item.kind}-${item.id}`} className={`engage-${item.kind}`}>
            <span className="muted">{new Date(item.at).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB')} {item.userName ?? item.author?.handle ?? ''}</span>
            <p>{item.text}</p>
            {item.delivery ? (
              <p className={item.delivery.status === 'failed' ? 'error' : 'muted'}>
                {item.delivery.status === 'failed' ? t('engage.failedBecause', { reason: item.delivery.lastError ?? '' }) : t('engage.delivery', { channel: item.delivery.channelName, status: item.delivery.status })}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {canAct ? (
        <>
          <form className="engage-reply" onSubmit={(e) => { e.preventDefault(); void act(async () => { await unwrap(api.POST('/api/v1/w/{workspace}/inbox/{id}/replies', { params: { path }, body: { text, ...(savedId ? { savedReplyId: Number(savedId) } : {}) } })); setText(''); setSavedId(''); }); }}>
            <label>
              {t('engage.savedReply')}{' '}
              <select value={savedId} onChange={(e) => { setSavedId(e.target.value); const s = saved.find((r) => String(r.id) === e.target.value); if (s) setText(s.text); }}>
                <option value="">{t('engage.none')}</option>
                {saved.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <textarea ref={replyRef} aria-label={t('engage.reply')} placeholder={t('engage.replyPlaceholder', { firstName: '{firstName}' })} value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" disabled={!text.trim()}>{t('engage.send')}</button>
          </form>
          <form className="engage-note" onSubmit={(e) => { e.preventDefault(); void act(async () => { await unwrap(api.POST('/api/v1/w/{workspace}/inbox/{id}/notes', { params: { path }, body: { text: note } })); setNote(''); }); }}>
            <textarea aria-label={t('engage.note')} placeholder={t('engage.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />
            <button type="submit" disabled={!note.trim()}>{t('engage.note')}</button>
          </form>
        </>
      ) : null}
    </article>
  );
}

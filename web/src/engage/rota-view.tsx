// The rota: weekly shifts by day, the coverage gaps of the next 7 days, and (for the strategist)
// a form to add a shift.
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import type { Member, Rota } from './types.ts';

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutes = (text: string) => {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function RotaView({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const [rota, setRota] = useState<Rota | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ userId: '', weekday: '1', start: '09:00', end: '17:00', kind: 'duty' as 'duty' | 'on-call' });

  const load = useCallback(async () => {
    try {
      setRota(await unwrap(api.GET('/api/v1/w/{workspace}/rota', { params: { path: { workspace: slug } } })));
    } catch (e) {
      setError(errorText(e, t, locale));
    }
  }, [slug, t, locale]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    unwrap(api.GET('/api/v1/w/{workspace}/members', { params: { path: { workspace: slug } } })).then((r) => setMembers(r.members), () => setMembers([]));
  }, [slug]);

  const name = (id: number) => members.find((m) => m.id === id)?.name ?? `#${id}`;
  const when = (at: number) => new Date(at).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const add = async () => {
    try {
      await unwrap(api.POST('/api/v1/w/{workspace}/rota/shifts', { params: { path: { workspace: slug } }, body: { userId: Number(form.userId), weekday: Number(form.weekday), startMinute: minutes(form.start), endMinute: minutes(form.end), kind: form.kind, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone } }));
      setError(null);
      await load();
    } catch (e) {
      setError(errorText(e, t, locale));
    }
  };

  if (!rota) return error ? <p className="error" role="alert">{error}</p> : <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="engage-rota">
      <h2>{t('engage.rota.shifts')}</h2>
      {rota.shifts.length === 0 ? <p className="muted">{t('engage.rota.empty')}</p> : (
        <table className="data-table">
          <tbody>
            {rota.shifts.map((s) => (
              <tr key={s.id}>
                <td>{t(`engage.day.${s.weekday}` as MessageKey)}</td>
                <td>{clock(s.startMinute)}–{clock(s.endMinute)} <span className="muted">{s.timeZone}</span></td>
                <td>{name(s.userId)}</td>
                <td>{t(`engage.rota.${s.kind}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('engage.rota.gaps')}</h2>
      {rota.gaps.length === 0 ? <p>{t('engage.rota.noGap')}</p> : (
        <ul className="engage-gaps">
          {rota.gaps.map((g) => (
            <li key={g.from}>{when(g.from)} → {when(g.to)} — {g.onCall.length ? t('engage.rota.onCall', { names: g.onCall.map(name).join(', ') }) : t('engage.rota.nobodyOnCall')}</li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form className="engage-shift-form" onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <h2>{t('engage.rota.add')}</h2>
          <label>{t('engage.rota.member')} <select required value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })}><option value="">—</option>{members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</select></label>
          <label>{t('engage.rota.day')} <select value={form.weekday} onChange={(e) => setForm({ ...form, weekday: e.target.value })}>{[1, 2, 3, 4, 5, 6, 7].map((d) => <option key={d} value={d}>{t(`engage.day.${d}` as MessageKey)}</option>)}</select></label>
          <label>{t('engage.rota.start')} <input type="time" value={form.start} onChange={(e) => setForm({ ...form, start: e.target.value })} /></label>
          <label>{t('engage.rota.end')} <input type="time" value={form.end} onChange={(e) => setForm({ ...form, end: e.target.value })} /></label>
          <label>{t('engage.rota.kind')} <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'duty' | 'on-call' })}><option value="duty">{t('engage.rota.duty')}</option><option value="on-call">{t('engage.rota.on-call')}</option></select></label>
          <button type="submit">{t('engage.rota.add')}</button>
          {error ? <p className="error" role="alert">{error}</p> : null}
        </form>
      ) : null}
    </div>
  );
}

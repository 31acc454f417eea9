// Campaigns: saved from the planner's seeds (goal, content, hashtag or link), listed, and each
// shown with its predicted reach over time beside the actual once Listen sees the hashtag or
// link — the accounts that posted it and their unique audience.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, unwrap, type ApiError, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ReachChart } from './reach-chart.tsx';
import type { ModelSpec, PoolKind, ReachCurve } from './types.ts';

export function CampaignForm({ workspace, seeds, pool, model, seedNames }: { workspace: Workspace; seeds: string[]; pool: PoolKind; model: ModelSpec; seedNames: string[] }) {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [content, setContent] = useState('');
  const [hashtag, setHashtag] = useState('');
  const [link, setLink] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; error: unknown }>({ status: 'idle' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'saving' });
    try {
      await unwrap(api.POST('/api/v1/w/{workspace}/spread/campaigns', { params: { path: { workspace: workspace.slug } }, body: { name, goal, content, seeds, pool: { pool }, model, hashtag: hashtag || null, link: link || null, ...(startsAt ? { startsAt: new Date(startsAt).getTime() } : {}) } }));
      setState({ status: 'saved' });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <form className="spread-campaign-form" onSubmit={submit} aria-label={t('spread.campaign.save')}>
      <h4>{t('spread.campaign.save')}</h4>
      <p className="muted">{t('spread.campaign.seeds', { count: String(seeds.length), first: seedNames.slice(0, 3).join(', ') })}</p>
      <div className="spread-row">
        <div className="field"><label htmlFor="campaign-name">{t('spread.campaign.name')}</label><input id="campaign-name" required value={name} onChange={(e) => setName(e.target.value)} /></div>
        <div className="field"><label htmlFor="campaign-hashtag">{t('spread.campaign.hashtag')}</label><input id="campaign-hashtag" value={hashtag} placeholder="#" onChange={(e) => setHashtag(e.target.value)} /></div>
        <div className="field"><label htmlFor="campaign-link">{t('spread.campaign.link')}</label><input id="campaign-link" value={link} onChange={(e) => setLink(e.target.value)} /></div>
        <div className="field"><label htmlFor="campaign-start">{t('spread.campaign.start')}</label><input id="campaign-start" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} /></div>
      </div>
      <div className="field"><label htmlFor="campaign-goal">{t('spread.campaign.goal')}</label><input id="campaign-goal" value={goal} onChange={(e) => setGoal(e.target.value)} /></div>
      <div className="field"><label htmlFor="campaign-content">{t('spread.campaign.content')}</label><textarea id="campaign-content" rows={3} value={content} onChange={(e) => setContent(e.target.value)} /></div>
      <button className="button" type="submit" disabled={state.status === 'saving'}>{t('spread.campaign.create')}</button>
      <span role="status">{state.status === 'saved' ? ` ${t('spread.campaign.saved')}` : ''}</span>
      {state.status === 'failed' ? <p className="callout" role="alert">{errorText(state.error, t, locale)}</p> : null}
    </form>
  );
}

interface CampaignRow { id: number; name: string; goal: string; hashtag: string | null; link: string | null; startsAt: number; seeds: Array<{ handle: string }>; predicted: ReachCurve | null; stepHours: number }
interface CampaignReach { tracked: boolean; mentions: number; points: Array<{ at: number; predicted: number | null; low: number | null; high: number | null; posters: number | null; audience: number | null }> }

export function Campaigns({ workspace, planner }: { workspace: Workspace; planner: boolean }) {
  const { t, formatNumber, locale } = useI18n();
  const [campaigns, setCampaigns] = useState<CampaignRow[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const load = useCallback(() => {
    unwrap(api.GET('/api/v1/w/{workspace}/spread/campaigns', { params: { path: { workspace: workspace.slug } } })).then((r) => setCampaigns(r.campaigns as CampaignRow[]), (e: ApiError) => setError(e));
  }, [workspace.slug]);
  useEffect(load, [load]);
  const remove = async (id: number) => {
    await unwrap(api.DELETE('/api/v1/w/{workspace}/spread/campaigns/{id}', { params: { path: { workspace: workspace.slug, id } } })).catch(() => {});
    load();
  };
  if (error) return <p className="callout" role="alert">{errorText(error, t, locale)}</p>;
  if (!campaigns) return <p className="muted" role="status">{t('app.loading')}</p>;
  if (campaigns.length === 0) return <p className="muted">{t('spread.campaign.none')}</p>;
  return (
    <ul className="spread-campaigns">
      {campaigns.map((c) => (
        <li key={c.id} data-campaign={c.name}>
          <div className="spread-campaign-head">
            <button className="button-link" type="button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>{c.name}</button>
            <span className="muted">{[c.hashtag ? `#${c.hashtag}` : null, c.link, t('spread.campaign.seedCount', { count: formatNumber(c.seeds.length) }), c.predicted ? t('spread.campaign.predicted', { reach: formatNumber(Math.round(c.predicted.mean)) }) : null].filter(Boolean).join(' · ')}</span>
            {planner ? <button className="button button-secondary button-small" type="button" onClick={() => void remove(c.id)}>{t('spread.campaign.delete')}</button> : null}
          </div>
          {c.goal ? <p>{c.goal}</p> : null}
          {open === c.id ? <CampaignDetail workspace={workspace.slug} id={c.id} /> : null}
        </li>
      ))}
    </ul>
  );
}

function CampaignDetail({ workspace, id }: { workspace: string; id: number }) {
  const { t, formatNumber, locale } = useI18n();
  const [reach, setReach] = useState<CampaignReach | null>(null);
  useEffect(() => {
    void unwrap(api.GET('/api/v1/w/{workspace}/spread/campaigns/{id}', { params: { path: { workspace, id } } })).then((r) => setReach(r.reach), () => setReach(null));
  }, [workspace, id]);
  if (!reach) return <p className="muted" role="status">{t('app.loading')}</p>;
  const labels = reach.points.map((p) => new Date(p.at).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit' }));
  const steps = reach.points.map((p, i) => ({ step: i, added: 0, reached: p.predicted ?? 0, low: p.low ?? 0, high: p.high ?? 0 }));
  return (
    <div className="spread-campaign-detail">
      <p>{reach.tracked ? t('spread.campaign.seen', { count: formatNumber(reach.mentions) }) : t('spread.campaign.untracked')}</p>
      <ReachChart
        series={[
          { name: t('spread.campaign.predictedSeries'), steps, band: true },
          ...(reach.tracked ? [{ name: t('spread.campaign.posters'), steps: [], values: reach.points.map((p) => p.posters), dashed: true }, { name: t('spread.campaign.audience'), steps: [], values: reach.points.map((p) => p.audience), dashed: true }] : []),
        ]}
        xLabels={labels} label={t('spread.campaign.chart')} xName={t('spread.campaign.time')} yName={t('spread.chart.reached')}
      />
    </div>
  );
}

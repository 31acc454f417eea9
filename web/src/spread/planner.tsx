// The campaign planner: choose the pool, k or a budget, the model and ε; IMM's seeds come
// beside the heuristics, each with its reach curve, and the seeds are shown on the network.
// The two plans of the seeds (strong ties first; the book to 100 or 200 bloggers) start here
// too. Analyses run on the server as jobs: progress is shown and they can be cancelled.
import { useEffect, useState, type FormEvent } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CampaignForm } from './campaigns.tsx';
import { NetworkView } from './network-view.tsx';
import { BloggersResult, SeedList, StrategiesChart, StrategiesTable, StrongTiesResult, handleOf } from './results.tsx';
import type { BloggersPlan, ModelSpec, PoolKind, SeedsResult, StrongTiesPlan } from './types.ts';
import { useRun, type RunState } from './use-run.ts';

export const MODELS = ['ic-wc', 'ic-uniform', 'ic-trivalency', 'ic-ties', 'lt-wc', 'lt-ties'] as const;
export type ModelChoice = (typeof MODELS)[number];

export function modelSpec(choice: ModelChoice, p: number): ModelSpec {
  const [model, kind] = choice.split('-') as ['ic' | 'lt', string];
  const probabilities = kind === 'wc' ? 'weighted-cascade' : kind === 'ties' ? 'tie-strength' : kind === 'uniform' ? 'uniform' : 'trivalency';
  return probabilities === 'uniform' ? { model, probabilities, p } : { model, probabilities };
}

type Pools = { all: number; employees: number; ambassadors: number; bloggers: number };

export function Planner({ workspace, planner }: { workspace: Workspace; planner: boolean }) {
  const { t, formatNumber } = useI18n();
  const [pools, setPools] = useState<Pools | null>(null);
  const [pool, setPool] = useState<PoolKind>('employees');
  const [mode, setMode] = useState<'k' | 'budget'>('k');
  const [k, setK] = useState('10');
  const [budget, setBudget] = useState('1000');
  const [perSeed, setPerSeed] = useState('50');
  const [perThousand, setPerThousand] = useState('10');
  const [model, setModel] = useState<ModelChoice>('ic-wc');
  const [p, setP] = useState('0.05');
  const [epsilon, setEpsilon] = useState('0.1');
  const [runs, setRuns] = useState('5000');
  const [kind, setKind] = useState<'seeds' | 'strong-ties' | 'bloggers'>('seeds');
  const [exclude, setExclude] = useState('');
  const { state, start, cancel } = useRun(workspace.slug);

  useEffect(() => {
    void unwrap(api.GET('/api/v1/w/{workspace}/spread/pools', { params: { path: { workspace: workspace.slug } } })).then((r) => setPools(r.pools), () => setPools(null));
  }, [workspace.slug]);

  const spec = () => modelSpec(model, Number(p));
  const excluded = () => exclude.split(/[\s,]+/).filter(Boolean);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setKind('seeds');
    const common = { model: spec(), epsilon: Number(epsilon), runs: Number(runs) };
    void start(mode === 'k'
      ? { kind: 'seeds', ...common, pool: { pool, exclude: excluded() }, k: Number(k) }
      : { kind: 'seeds', ...common, pool: { pool, exclude: excluded() }, budget: Number(budget), cost: { perSeed: Number(perSeed), perThousandFollowers: Number(perThousand) } });
  };
  const plan = (which: 'strong-ties' | 'bloggers') => {
    setKind(which);
    const common = { model: spec(), epsilon: Number(epsilon), runs: Number(runs) };
    void start(which === 'strong-ties' ? { kind: which, ...common } : { kind: which, ...common, sizes: [100, 200] });
  };
  const busy = state.status === 'starting' || state.status === 'queued' || state.status === 'running';

  return (
    <div className="spread-planner">
      <form className="spread-form" onSubmit={submit} aria-label={t('spread.planner.form')}>
        <fieldset disabled={!planner || busy}>
          <legend>{t('spread.planner.legend')}</legend>
          <div className="field">
            <label htmlFor="spread-pool">{t('spread.pool')}</label>
            <select id="spread-pool" value={pool} onChange={(e) => setPool(e.target.value as PoolKind)}>
              {(['employees', 'ambassadors', 'bloggers', 'all'] as const).map((kind) => (
                <option key={kind} value={kind}>{t(`spread.pool.${kind}`)}{pools ? ` (${formatNumber(pools[kind])})` : ''}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="spread-exclude">{t('spread.exclude')}</label>
            <input id="spread-exclude" value={exclude} placeholder="@…, @…" onChange={(e) => setExclude(e.target.value)} />
          </div>
          <div className="spread-mode" role="radiogroup" aria-label={t('spread.mode')}>
            <label><input type="radio" name="mode" checked={mode === 'k'} onChange={() => setMode('k')} /> {t('spread.mode.k')}</label>
            <label><input type="radio" name="mode" checked={mode === 'budget'} onChange={() => setMode('budget')} /> {t('spread.mode.budget')}</label>
          </div>
          {mode === 'k' ? (
            <div className="field"><label htmlFor="spread-k">{t('spread.k')}</label><input id="spread-k" type="number" min={1} max={10000} value={k} onChange={(e) => setK(e.target.value)} /></div>
          ) : (
            <div className="spread-row">
              <div className="field"><label htmlFor="spread-budget">{t('spread.budget')}</label><input id="spread-budget" type="number" min={0} value={budget} onChange={(e) => setBudget(e.target.value)} /></div>
              <div className="field"><label htmlFor="spread-per-seed">{t('spread.perSeed')}</label><input id="spread-per-seed" type="number" min={0} value={perSeed} onChange={(e) => setPerSeed(e.target.value)} /></div>
              <div className="field"><label htmlFor="spread-per-thousand">{t('spread.perThousand')}</label><input id="spread-per-thousand" type="number" min={0} value={perThousand} onChange={(e) => setPerThousand(e.target.value)} /></div>
            </div>
          )}
          <div className="spread-row">
            <div className="field">
              <label htmlFor="spread-model">{t('spread.model')}</label>
              <select id="spread-model" value={model} onChange={(e) => setModel(e.target.value as ModelChoice)}>
                {MODELS.map((m) => <option key={m} value={m}>{t(`spread.model.${m}`)}</option>)}
              </select>
            </div>
            {model === 'ic-uniform' ? (
              <div className="field"><label htmlFor="spread-p">{t('spread.p')}</label><input id="spread-p" type="number" step="any" min={0} max={1} value={p} onChange={(e) => setP(e.target.value)} /></div>
            ) : null}
            <div className="field"><label htmlFor="spread-epsilon">{t('spread.epsilon')}</label><input id="spread-epsilon" type="number" step="any" min={0.01} max={1} value={epsilon} onChange={(e) => setEpsilon(e.target.value)} /></div>
            <div className="field"><label htmlFor="spread-runs">{t('spread.runs')}</label><input id="spread-runs" type="number" min={1} max={100000} step={1} value={runs} onChange={(e) => setRuns(e.target.value)} /></div>
          </div>
          <div className="spread-actions">
            <button className="button" type="submit">{t('spread.run')}</button>
            <button className="button button-secondary" type="button" onClick={() => plan('strong-ties')}>{t('spread.plan.strong')}</button>
            <button className="button button-secondary" type="button" onClick={() => plan('bloggers')}>{t('spread.plan.bloggers')}</button>
          </div>
        </fieldset>
        {!planner ? <p className="muted">{t('spread.readOnly')}</p> : null}
      </form>
      <RunStatus state={state} onCancel={cancel} />
      {state.status === 'done' && kind === 'seeds' ? <SeedsView workspace={workspace} result={state.result as SeedsResult} planner={planner} pool={pool} model={spec()} /> : null}
      {state.status === 'done' && kind === 'strong-ties' ? <StrongTiesResult plan={state.result as StrongTiesPlan} /> : null}
      {state.status === 'done' && kind === 'bloggers' ? <BloggersResult plan={state.result as BloggersPlan} /> : null}
    </div>
  );
}

function RunStatus({ state, onCancel }: { state: RunState; onCancel(): void }) {
  const { t, locale } = useI18n();
  if (state.status === 'starting' || state.status === 'queued' || state.status === 'running') {
    const progress = state.status === 'running' ? state.progress : null;
    const share = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
    return (
      <div className="spread-progress" role="status">
        <p>{progress ? t('spread.progress', { stage: progress.stage, percent: String(Math.round(share * 100)) }) : t('spread.queued')}</p>
        <progress max={1} value={share} aria-label={t('spread.progressLabel')} />
        <button className="button button-secondary button-small" type="button" onClick={onCancel}>{t('spread.cancel')}</button>
      </div>
    );
  }
  if (state.status === 'failed') return <p className="callout" role="alert">{typeof state.error === 'string' ? state.error : errorText(state.error, t, locale)}</p>;
  if (state.status === 'cancelled') return <p className="muted" role="status">{t('spread.cancelled')}</p>;
  return null;
}

function SeedsView({ workspace, result, planner, pool, model }: { workspace: Workspace; result: SeedsResult; planner: boolean; pool: PoolKind; model: ModelSpec }) {
  const { t, formatNumber } = useI18n();
  const imm = result.strategies.find((s) => s.strategy === 'imm') ?? result.strategies[0]!;
  return (
    <section className="spread-result" aria-labelledby="seeds-title">
      <h3 id="seeds-title">{t('spread.result.title', { pool: t(`spread.pool.${pool}`), size: formatNumber(result.pool.size) })}</h3>
      <StrategiesTable strategies={result.strategies} caption={t('spread.result.caption')} />
      <StrategiesChart strategies={result.strategies} />
      <div className="spread-columns">
        <div className="spread-column">
          <h4>{t('spread.result.seeds')}</h4>
          {imm.guarantee ? <p className="muted">{t('spread.result.guarantee', { factor: (imm.guarantee.approximation - imm.guarantee.epsilon).toFixed(2), sets: formatNumber(imm.guarantee.rrSets) })}</p> : null}
          <SeedList seeds={imm.seeds} />
        </div>
        <div className="spread-column">
          <h4>{t('spread.network')}</h4>
          <NetworkView workspace={workspace.slug} seeds={imm.seeds.slice(0, 30).map((s) => `${s.network}:${s.handle}`)} />
        </div>
      </div>
      {planner && imm.seeds.length > 0 ? <CampaignForm workspace={workspace} seeds={imm.seeds.map((s) => `${s.network}:${s.handle}`)} pool={pool} model={model} seedNames={imm.seeds.map(handleOf)} /> : null}
    </section>
  );
}

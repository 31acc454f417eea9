// Presents the answers of the planner's analyses: strategies side by side with their reach
// curves, and the two plans.
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ReachChart, type ChartSeries } from './reach-chart.tsx';
import type { BloggersPlan, ChosenSeed, StrategyResult, StrongTiesPlan } from './types.ts';

export const STRATEGY_NAME: Record<StrategyResult['strategy'], MessageKey> = {
  imm: 'spread.strategy.imm', followers: 'spread.strategy.followers', degree: 'spread.strategy.degree', pagerank: 'spread.strategy.pagerank', random: 'spread.strategy.random',
};

export function handleOf(s: ChosenSeed): string {
  return s.network === 'web' ? s.handle : `@${s.handle}`;
}

function stepLabels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(i));
}

export function StrategiesTable({ strategies, caption }: { strategies: StrategyResult[]; caption: string }) {
  const { t, formatNumber } = useI18n();
  const best = Math.max(...strategies.map((s) => s.estimate.mean));
  return (
    <div className="table-wrap">
      <table className="data-table spread-strategies">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('spread.col.strategy')}</th>
            <th scope="col" className="numeric">{t('spread.col.seeds')}</th>
            <th scope="col" className="numeric">{t('spread.col.cost')}</th>
            <th scope="col" className="numeric">{t('spread.col.reach')}</th>
            <th scope="col" className="numeric">{t('spread.col.ci')}</th>
          </tr>
        </thead>
        <tbody>
          {strategies.map((s) => (
            <tr key={s.strategy} data-strategy={s.strategy} className={s.estimate.mean === best ? 'spread-best' : undefined}>
              <th scope="row">{t(STRATEGY_NAME[s.strategy])}{s.guarantee ? <span className="muted"> · ε = {s.guarantee.epsilon}</span> : null}</th>
              <td className="numeric">{formatNumber(s.seeds.length)}</td>
              <td className="numeric">{formatNumber(Math.round(s.cost * 100) / 100)}</td>
              <td className="numeric spread-reach">{formatNumber(Math.round(s.estimate.mean))}</td>
              <td className="numeric muted">{formatNumber(Math.round(s.estimate.ci95[0]))}–{formatNumber(Math.round(s.estimate.ci95[1]))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Steps until the curves flatten: the last step where some strategy still adds a tenth of a person. */
export function activeSteps(curves: Array<{ steps: Array<{ added: number }> }>): number {
  let last = 0;
  for (const c of curves) c.steps.forEach((s, i) => { if (s.added >= 0.1) last = Math.max(last, i); });
  return last + 2;
}

export function StrategiesChart({ strategies }: { strategies: StrategyResult[] }) {
  const { t } = useI18n();
  const length = Math.max(1, activeSteps(strategies.map((s) => s.estimate)));
  const series: ChartSeries[] = strategies.map((s, i) => ({ name: t(STRATEGY_NAME[s.strategy]), steps: s.estimate.steps, band: i === 0 }));
  return <ReachChart series={series} xLabels={stepLabels(length)} label={t('spread.chart.label')} xName={t('spread.chart.step')} yName={t('spread.chart.reached')} />;
}

export function SeedList({ seeds, limit = 50 }: { seeds: ChosenSeed[]; limit?: number }) {
  const { t, formatNumber } = useI18n();
  return (
    <ol className="spread-seeds" aria-label={t('spread.seedsList')}>
      {seeds.slice(0, limit).map((s) => (
        <li key={s.id}>
          <span className="spread-handle">{handleOf(s)}</span>
          <span className="muted"> · {t('spread.followers', { count: formatNumber(s.followers) })}</span>
          {s.gain !== null ? <span className="muted"> · {t('spread.gain', { gain: formatNumber(Math.round(s.gain * 10) / 10) })}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function StrongTiesResult({ plan }: { plan: StrongTiesPlan }) {
  const { t, formatNumber } = useI18n();
  const length = Math.max(1, activeSteps(plan.waves.map((w) => w.estimate)));
  const waveName: Record<string, MessageKey> = { ego: 'spread.wave.ego', 'strong-ties': 'spread.wave.strong', 'weak-ties': 'spread.wave.weak' };
  return (
    <section className="spread-result" aria-labelledby="strong-title">
      <h3 id="strong-title">{t('spread.strong.title', { ego: handleOf(plan.ego) })}</h3>
      <p>{t('spread.strong.summary', { strong: formatNumber(plan.strongTies), asked: formatNumber(plan.asks.length), weak: formatNumber(plan.weakTies) })}</p>
      <p className="muted" data-testid="tie-source">{t(plan.tieSource === 'map' ? 'spread.strong.fromMap' : 'spread.strong.fromFollows')}</p>
      <div className="table-wrap">
        <table className="data-table">
          <caption>{t('spread.wave.caption')}</caption>
          <thead><tr><th scope="col">{t('spread.wave.col')}</th><th scope="col" className="numeric">{t('spread.wave.asked')}</th><th scope="col" className="numeric">{t('spread.col.reach')}</th><th scope="col" className="numeric">{t('spread.col.ci')}</th></tr></thead>
          <tbody>
            {plan.waves.map((w) => (
              <tr key={w.wave} data-wave={w.wave}>
                <th scope="row">{t(waveName[w.wave]!)}</th>
                <td className="numeric">{formatNumber(w.asked)}</td>
                <td className="numeric spread-reach">{formatNumber(Math.round(w.estimate.mean))}</td>
                <td className="numeric muted">{formatNumber(Math.round(w.estimate.ci95[0]))}–{formatNumber(Math.round(w.estimate.ci95[1]))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ReachChart series={plan.waves.map((w, i) => ({ name: t(waveName[w.wave]!), steps: w.estimate.steps, band: i === plan.waves.length - 1 }))} xLabels={stepLabels(length)} label={t('spread.chart.label')} xName={t('spread.chart.step')} yName={t('spread.chart.reached')} />
      <h4>{t('spread.strong.asks')}</h4>
      <ol className="spread-asks">
        {plan.asks.map((a) => (
          <li key={a.tie.id}>
            <span className="spread-handle">{handleOf(a.tie)}</span> — {t('spread.strong.opens', { count: formatNumber(a.opens) })}
            {a.openedSample.length > 0 ? <span className="muted"> ({a.openedSample.map(handleOf).join(', ')})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function BloggersResult({ plan }: { plan: BloggersPlan }) {
  const { t, formatNumber } = useI18n();
  return (
    <section className="spread-result" aria-labelledby="bloggers-title">
      <h3 id="bloggers-title">{t('spread.bloggers.title')}</h3>
      <p>{t('spread.bloggers.pool', { count: formatNumber(plan.pool) })}</p>
      <div className="spread-columns">
        {plan.options.map((o) => (
          <div key={o.size} className="spread-column" data-books={o.size}>
            <StrategiesTable strategies={o.strategies} caption={o.capped ? t('spread.bloggers.capped', { size: formatNumber(o.size), asked: formatNumber(o.asked) }) : t('spread.bloggers.books', { size: formatNumber(o.size) })} />
            <StrategiesChart strategies={o.strategies} />
          </div>
        ))}
      </div>
    </section>
  );
}

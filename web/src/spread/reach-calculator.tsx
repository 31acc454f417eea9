// The true-reach calculator: the unique audience of a pool or of listed accounts beside the
// naive sum of their followers — and the seed's 2,500 × 100 = 250,000 beside what that many
// people would reach at the overlap measured here.
import { useState, type FormEvent } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { PoolKind } from './types.ts';

interface Report {
  accounts: number; naiveFollowers: number; naiveInGraph: number; unique: number; duplicates: number;
  estimate: { unique: number; relativeStandardError: number };
  offGraph: { followers: number; uniqueLow: number; uniqueHigh: number };
  seedExample: { accounts: number; followersEach: number; naive: number; scaledUnique: number };
}

export function ReachCalculator({ workspace }: { workspace: Workspace }) {
  const { t, formatNumber, locale } = useI18n();
  const [pool, setPool] = useState<PoolKind | 'list'>('employees');
  const [accounts, setAccounts] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const names = accounts.split(/[\s,]+/).filter(Boolean);
      const body = pool === 'list' ? { accounts: names } : { pool: { pool } };
      setReport((await unwrap(api.POST('/api/v1/w/{workspace}/spread/reach', { params: { path: { workspace: workspace.slug } }, body }))) as Report);
    } catch (e) {
      setReport(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const n = (x: number) => formatNumber(Math.round(x));
  return (
    <section className="spread-reach-calculator" aria-labelledby="reach-title">
      <h3 id="reach-title">{t('spread.reach.title')}</h3>
      <p className="muted">{t('spread.reach.intro')}</p>
      <form className="spread-form" onSubmit={submit}>
        <div className="spread-row">
          <div className="field">
            <label htmlFor="reach-pool">{t('spread.pool')}</label>
            <select id="reach-pool" value={pool} onChange={(e) => setPool(e.target.value as PoolKind | 'list')}>
              {(['employees', 'ambassadors', 'bloggers', 'all', 'list'] as const).map((kind) => <option key={kind} value={kind}>{t(`spread.pool.${kind}`)}</option>)}
            </select>
          </div>
          {pool === 'list' ? <div className="field"><label htmlFor="reach-accounts">{t('spread.reach.accounts')}</label><input id="reach-accounts" value={accounts} onChange={(e) => setAccounts(e.target.value)} placeholder="@cimes, @…" /></div> : null}
        </div>
        <button className="button" type="submit" disabled={busy}>{t('spread.reach.compute')}</button>
      </form>
      {error ? <p className="callout" role="alert">{errorText(error, t, locale)}</p> : null}
      {report ? (
        <div className="spread-reach-result">
          <dl className="spread-figures">
            <div><dt>{t('spread.reach.naive')}</dt><dd data-figure="naive">{n(report.naiveFollowers)}</dd></div>
            <div><dt>{t('spread.reach.unique')}</dt><dd data-figure="unique" className="spread-reach">{n(report.unique)}</dd></div>
            <div><dt>{t('spread.reach.duplicates')}</dt><dd>{n(report.duplicates)}</dd></div>
            <div><dt>{t('spread.reach.hll')}</dt><dd>{n(report.estimate.unique)} <span className="muted">± {(report.estimate.relativeStandardError * 100).toFixed(1)} %</span></dd></div>
          </dl>
          <p>{t('spread.reach.summary', { accounts: n(report.accounts), inGraph: n(report.naiveInGraph), unique: n(report.unique) })}</p>
          {report.offGraph.followers > 0 ? <p className="muted">{t('spread.reach.offGraph', { followers: n(report.offGraph.followers), low: n(report.offGraph.uniqueLow), high: n(report.offGraph.uniqueHigh) })}</p> : null}
          <p className="spread-seed-example" data-testid="seed-example">{t('spread.reach.seed', { accounts: n(report.seedExample.accounts), each: n(report.seedExample.followersEach), naive: n(report.seedExample.naive), scaled: n(report.seedExample.scaledUnique) })}</p>
        </div>
      ) : null}
    </section>
  );
}

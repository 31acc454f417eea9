// "Who can help me with…?": people with the skill, ranked by how well they match times the
// trust of the best introduction path to them (the product of tie strengths along it). Each
// answer draws that path as a chain, me → the friend who vouches → them, and says why.
import { useId, useState, type FormEvent } from 'react';
import type { Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../shell/link.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { accountName, formatMeasure, formatShare } from './format.ts';
import { fetchHelp, type HelpCandidate } from './map-api.ts';
import { mapPath } from './map-routes.ts';
import { useLoad } from './use-load.ts';

const LIMIT = 20;

export function HelpPage({ workspace }: { workspace: Workspace }) {
  const { t, locale, formatNumber } = useI18n();
  const [draft, setDraft] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const fieldId = useId();
  const { state, reload } = useLoad(asked === null ? null : `${workspace.slug}:${asked}:${locale}`, () => fetchHelp(workspace.slug, { q: asked ?? '', limit: LIMIT, lang: locale }));

  function ask(event: FormEvent) {
    event.preventDefault();
    const skill = draft.trim();
    setMissing(!skill);
    if (skill) setAsked(skill);
  }

  return (
    <section className="help" aria-labelledby="main-title">
      <p className="lede">{t('map.help.intro')}</p>
      <form className="help-form" role="search" aria-label={t('map.help.formLabel')} onSubmit={ask} noValidate>
        <label htmlFor={fieldId}>{t('map.help.skill')}</label>
        <div className="help-row">
          <input
            id={fieldId}
            type="search"
            value={draft}
            placeholder={t('map.help.placeholder')}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${fieldId}-error` : undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button-primary">
            {t('map.help.submit')}
          </button>
        </div>
        {missing ? (
          <p className="field-error" id={`${fieldId}-error`} role="alert">
            {t('map.help.missing')}
          </p>
        ) : null}
      </form>

      {asked === null ? null : state.status === 'failed' ? (
        <LoadFailed error={state.error} onRetry={reload} />
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : (
        <>
          {state.data.from ? <p className="help-from">{t('map.help.from', { name: accountName(state.data.from), handle: state.data.from.handle })}</p> : null}
          <p className="result-line muted" role="status" data-testid="help-count">
            {state.data.candidates.length === 0
              ? state.data.from
                ? t('map.help.none', { skill: asked })
                : t('map.help.noAsker')
              : state.data.candidates.length === 1
                ? t('map.help.foundOne', { skill: asked })
                : t('map.help.found', { count: formatNumber(state.data.candidates.length), skill: asked })}
          </p>
          <ol className="candidates">
            {state.data.candidates.map((candidate, rank) => (
              <li key={candidate.account.id}>
                <CandidateCard workspace={workspace} candidate={candidate} rank={rank + 1} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function CandidateCard({ workspace, candidate, rank }: { workspace: Workspace; candidate: HelpCandidate; rank: number }) {
  const { t, locale, formatNumber } = useI18n();
  const { account, path } = candidate;
  return (
    <article className="candidate" data-testid="candidate" aria-labelledby={`candidate-${account.id}`}>
      <header className="candidate-head">
        <span className="rank" aria-hidden="true">
          {formatNumber(rank)}
        </span>
        <h2 id={`candidate-${account.id}`}>
          <Link href={mapPath(workspace.slug, { tab: 'influencers', account: account.id })}>{accountName(account)}</Link>{' '}
          <span className="muted handle">@{account.handle}</span>
        </h2>
        <dl className="candidate-scores">
          <div>
            <dt>{t('map.help.score')}</dt>
            <dd>{formatMeasure(candidate.score, locale)}</dd>
          </div>
          <div>
            <dt>{t('map.help.skillMatch')}</dt>
            <dd>{formatShare(candidate.skillMatch, locale)}</dd>
          </div>
          <div>
            <dt>{t('map.help.pathTrust')}</dt>
            <dd>{formatShare(candidate.pathTrust, locale)}</dd>
          </div>
        </dl>
      </header>
      <h3 className="visually-hidden">{t('map.help.pathTitle')}</h3>
      {path.length > 0 ? (
        <ol className="intro-path" data-testid="intro-path" aria-label={t('map.help.pathLabel', { name: accountName(account) })}>
          {path.map((step, index) => (
            <li key={`${step.account.id}-${index}`} className="path-step">
              {index > 0 ? (
                <span className={`path-link${step.strong ? ' path-link-strong' : ''}`}>
                  <span aria-hidden="true">→</span>
                  <span className="visually-hidden">{step.strong ? t('map.help.strongLink') : t('map.help.weakLink')}</span> {formatMeasure(step.strength, locale)}
                </span>
              ) : null}
              <span className={`path-node${index === 0 ? ' path-me' : index === path.length - 1 ? ' path-them' : ' path-friend'}`}>
                {index === 0 ? <span className="path-role">{t('map.help.me')}</span> : index === path.length - 1 ? null : <span className="path-role">{t('map.help.vouches')}</span>}
                {accountName(step.account)}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('map.help.noPath')}</p>
      )}
      {candidate.why.length > 0 ? (
        <ul className="why">
          {candidate.why.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

// An account's card: its influence score and the parts that make it, explained; its fan
// quality; its community and its place between communities (brokerage); its ties, the golden
// weak ties first (a weak tie that is its only bridge into a community); its skills.
import { useEffect, useId, useRef } from 'react';
import type { Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../shell/link.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { accountName, formatMeasure, formatScore, formatShare } from './format.ts';
import { fetchAccount } from './map-api.ts';
import { mapPath } from './map-routes.ts';
import { SkillsEditor } from './skills-editor.tsx';
import { NO_COMMUNITY, type AccountDetail, type Tie } from './types.ts';
import { useLoad } from './use-load.ts';

const KIND_NAMES = {
  follows: 'map.kind.follows',
  reply: 'map.kind.reply',
  mention: 'map.kind.mention',
  reshare: 'map.kind.reshare',
  quote: 'map.kind.quote',
} as const;

/** The name of a kind of interaction ("reply"…), or the API's word for one this page does not know. */
function kindName(kind: string, t: I18nParts['t']): string {
  return kind in KIND_NAMES ? t(KIND_NAMES[kind as keyof typeof KIND_NAMES]) : kind;
}

/** How many ties the card lists before "show all". */
const TIES_SHOWN = 12;

interface Props {
  workspace: Workspace;
  id: number;
  /** Community id → its colour on the canvas, to tie the card to the picture. */
  colours?: ReadonlyMap<number, string>;
  onClose(): void;
  onOpenAccount(id: number): void;
  /** Called with the card's data once loaded (the canvas highlights the golden ties). */
  onLoaded?(detail: AccountDetail): void;
}

export function AccountCard({ workspace, id, colours, onClose, onOpenAccount, onLoaded }: Props) {
  const { t, locale, formatNumber } = useI18n();
  const { state, reload } = useLoad(`${workspace.slug}:${id}:${locale}`, () => fetchAccount(workspace.slug, id, locale));
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = state.status === 'ready' ? state.data : null;

  useEffect(() => {
    if (loaded) {
      onLoaded?.(loaded);
      heading.current?.focus();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  return (
    <aside className="account-card" aria-labelledby={titleId} data-testid="account-card" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <button type="button" className="card-close" onClick={onClose} aria-label={t('map.card.close')}>
        <span aria-hidden="true">×</span>
      </button>
      {state.status === 'failed' ? (
        <>
          <h2 id={titleId}>{t('map.card.title')}</h2>
          <LoadFailed error={state.error} onRetry={reload} />
        </>
      ) : state.status === 'loading' ? (
        <>
          <h2 id={titleId}>{t('map.card.title')}</h2>
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        </>
      ) : (
        <CardBody
          detail={state.data}
          titleId={titleId}
          headingRef={heading}
          workspace={workspace}
          colours={colours}
          onOpenAccount={onOpenAccount}
          t={t}
          locale={locale}
          formatNumber={formatNumber}
        />
      )}
    </aside>
  );
}

type I18nParts = Pick<ReturnType<typeof useI18n>, 't' | 'locale' | 'formatNumber'>;

function CardBody({
  detail,
  titleId,
  headingRef,
  workspace,
  colours,
  onOpenAccount,
  t,
  locale,
  formatNumber,
}: I18nParts & {
  detail: AccountDetail;
  titleId: string;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  workspace: Workspace;
  colours?: ReadonlyMap<number, string>;
  onOpenAccount(id: number): void;
}) {
  const { account, influence, fanQuality, community, ties, brokerage } = detail;
  const golden = ties.filter((tie) => tie.golden);
  const others = ties.filter((tie) => !tie.golden).sort((a, b) => b.strength - a.strength);
  const strong = ties.filter((tie) => tie.strong).length;
  const parts: Array<['reach' | 'resonance' | 'trust', number]> = [
    ['reach', influence.parts.reach],
    ['resonance', influence.parts.resonance],
    ['trust', influence.parts.trust],
  ];
  return (
    <>
      <header className="card-head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {accountName(account)}
        </h2>
        <p className="muted">
          @{account.handle} · {account.network} · {(account.followers === 1 ? t('map.card.followersOne') : t('map.card.followers', { count: formatNumber(account.followers) }))}
          {account.affiliation ? ` · ${t('map.card.affiliation', { affiliation: account.affiliation })}` : ''}
        </p>
        {account.bio ? <p className="card-bio">{account.bio}</p> : null}
        <p className="card-actions">
          <Link className="button button-secondary button-small" href={mapPath(workspace.slug, { tab: 'network', focus: account.id, depth: 1, account: account.id })}>
            {t('map.card.ego')}
          </Link>
          <Link className="button button-secondary button-small" href={mapPath(workspace.slug, { tab: 'network', focus: account.id, depth: 2, account: account.id })}>
            {t('map.card.ego2')}
          </Link>
        </p>
      </header>

      <section className="card-section" aria-label={t('map.card.influence')}>
        <h3>{t('map.card.influence')}</h3>
        <p className="score" data-testid="influence-score">
          <strong>{formatScore(influence.score, locale)}</strong>
          <span className="muted"> / 100</span>
        </p>
        <dl className="parts">
          {parts.map(([part, value]) => (
            <div key={part} className="part">
              <dt>{t(`map.part.${part}`)}</dt>
              <dd>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(Math.min(Math.max(value, 0), 1) * 100)}%` }} />
                </span>
                {formatShare(value, locale)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="muted field-hint">{t('map.card.partsHint')}</p>
        {influence.explanation.length > 0 ? (
          <ul className="explanation" data-testid="influence-explanation">
            {influence.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="card-section">
        <h3>{t('map.card.fanQuality')}</h3>
        <dl className="facts">
          <div>
            <dt>{t('map.fan.score')}</dt>
            <dd>{formatShare(fanQuality.score, locale)}</dd>
          </div>
          <div>
            <dt>{t('map.fan.inactive')}</dt>
            <dd>{formatShare(fanQuality.inactive, locale)}</dd>
          </div>
          <div>
            <dt>{t('map.fan.suspicious')}</dt>
            <dd>{formatShare(fanQuality.suspicious, locale)}</dd>
          </div>
          <div>
            <dt>{t('map.fan.unreachable')}</dt>
            <dd>{formatShare(fanQuality.unreachable, locale)}</dd>
          </div>
        </dl>
        <p className="muted field-hint">{fanQuality.explanation}</p>
      </section>

      <section className="card-section">
        <h3>{t('map.card.community')}</h3>
        {community.id !== NO_COMMUNITY ? (
          <p>
            <span className="swatch" style={{ background: colours?.get(community.id) }} aria-hidden="true" />
            {community.label ?? t('map.card.communityUnnamed', { id: formatNumber(community.id) })}
          </p>
        ) : (
          <p className="muted">{t('map.card.noCommunity')}</p>
        )}
        <dl className="facts">
          <div>
            <dt>{t('map.card.weakShare')}</dt>
            <dd>{formatShare(detail.weakTieShare, locale)}</dd>
          </div>
          <div>
            <dt title={t('map.card.constraintHint')}>{t('map.card.constraint')}</dt>
            <dd>{formatMeasure(brokerage.constraint, locale)}</dd>
          </div>
          <div>
            <dt title={t('map.card.betweennessHint')}>{t('map.card.betweenness')}</dt>
            <dd>{formatMeasure(brokerage.betweenness, locale)}</dd>
          </div>
        </dl>
      </section>

      <section className="card-section">
        <h3>{t('map.card.ties', { count: formatNumber(detail.totalTies) })}</h3>
        {ties.length > 0 ? <p className="muted field-hint">{t('map.card.tiesShown', { count: formatNumber(ties.length), strong: formatNumber(strong) })}</p> : null}
        {golden.length > 0 ? (
          <>
            <p className="golden-intro">{t('map.card.goldenIntro')}</p>
            <TieList ties={golden} onOpenAccount={onOpenAccount} t={t} locale={locale} formatNumber={formatNumber} golden />
          </>
        ) : null}
        {others.length > 0 ? <TieList ties={others.slice(0, TIES_SHOWN)} onOpenAccount={onOpenAccount} t={t} locale={locale} formatNumber={formatNumber} /> : null}
        {others.length > TIES_SHOWN ? <p className="muted">{t('map.card.moreTies', { count: formatNumber(others.length - TIES_SHOWN) })}</p> : null}
        {ties.length === 0 ? <p className="muted">{t('map.card.noTies')}</p> : null}
      </section>

      <section className="card-section">
        <h3>{t('map.card.skills')}</h3>
        <SkillsEditor workspace={workspace} accountId={account.id} skills={detail.skills.tags} />
        {detail.skills.posts.length > 0 ? (
          <p className="post-terms">
            <span className="muted">{t('map.card.postTerms')}</span> {detail.skills.posts.join(', ')}
          </p>
        ) : null}
      </section>
    </>
  );
}

function TieList({ ties, onOpenAccount, t, locale, golden }: I18nParts & { ties: Tie[]; onOpenAccount(id: number): void; golden?: boolean }) {
  return (
    <ul className={`tie-list${golden ? ' tie-list-golden' : ''}`}>
      {ties.map((tie) => (
        <li key={tie.account.id} className="tie" data-golden={tie.golden || undefined}>
          <button type="button" className="link-button" onClick={() => onOpenAccount(tie.account.id)}>
            {accountName(tie.account)}
          </button>
          <span className={`tie-kind ${tie.strong ? 'tie-strong' : 'tie-weak'}`}>{tie.strong ? t('map.tie.strong') : t('map.tie.weak')}</span>
          {tie.golden ? <span className="tie-golden">{t('map.tie.golden')}</span> : null}
          <span className="tie-strength" title={t('map.tie.strengthHint')}>
            {formatMeasure(tie.strength, locale)}
          </span>
          {tie.kinds.length > 0 ? <span className="tie-kinds muted">{tie.kinds.map((kind) => kindName(kind, t)).join(', ')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

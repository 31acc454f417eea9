// The influencer table: every account with its influence score and the parts that make it,
// its fan quality and its ties; sorted by any score, filtered by community, affiliation or
// text, paged, and exported as CSV (the same filters and order, every page). A row opens the
// account's card. It is also the network's text alternative.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { navigate } from '../shell/router.ts';
import { AccountCard } from './account-card.tsx';
import { accountName, formatScore, formatShare } from './format.ts';
import { fetchCommunities, fetchInfluencers, influencersCsvUrl } from './map-api.ts';
import { mapPath } from './map-routes.ts';
import { communityColours } from './palette.ts';
import { INFLUENCER_SORTS, NO_COMMUNITY, type InfluencerQuery, type InfluencerSort } from './types.ts';
import { useLoad } from './use-load.ts';

const PAGE = 50;
const SEARCH_DEBOUNCE_MS = 300;
/** The API's affiliations ('none': accounts with none). */
const AFFILIATIONS = ['brand', 'employee', 'ambassador', 'competitor', 'none'] as const;

interface Filters {
  sort: InfluencerSort;
  order: 'asc' | 'desc';
  community: number | null;
  affiliation: string;
  q: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function InfluencersPage({ workspace, account }: { workspace: Workspace; account: number | null }) {
  const { t, locale, formatNumber } = useI18n();
  const [filters, setFilters] = useState<Filters>({ sort: 'influence', order: 'desc', community: null, affiliation: '', q: '' });
  const [offset, setOffset] = useState(0);
  const q = useDebounced(filters.q.trim(), SEARCH_DEBOUNCE_MS);
  const query: Omit<InfluencerQuery, 'limit' | 'offset' | 'format'> = {
    sort: filters.sort,
    order: filters.order,
    ...(filters.community !== null ? { community: filters.community } : {}),
    ...(filters.affiliation ? { affiliation: filters.affiliation } : {}),
    ...(q ? { q } : {}),
  };
  const queryKey = JSON.stringify(query);
  const { state, reload } = useLoad(`${workspace.slug}:${queryKey}:${offset}`, () => fetchInfluencers(workspace.slug, { ...query, limit: PAGE, offset }));
  const communities = useLoad(workspace.slug, () => fetchCommunities(workspace.slug));
  const communityList = communities.state.status === 'ready' ? communities.state.data.communities : [];
  const colours = useMemo(() => communityColours(communityList), [communityList]);
  const labels = useMemo(() => new Map(communityList.map((c) => [c.id, c.label])), [communityList]);
  const ids = useId();

  useEffect(() => setOffset(0), [queryKey]);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((current) => ({ ...current, [key]: value }));
  const open = (id: number | null) => navigate(mapPath(workspace.slug, { tab: 'influencers', account: id }));

  function sortBy(sort: InfluencerSort) {
    setFilters((current) => ({ ...current, sort, order: current.sort === sort && current.order === 'desc' ? 'asc' : 'desc' }));
  }

  const header = (sort: InfluencerSort, label: string) => (
    <th scope="col" className="numeric" aria-sort={filters.sort === sort ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-button" onClick={() => sortBy(sort)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {filters.sort === sort ? (filters.order === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );

  return (
    <section className="influencers" aria-labelledby="main-title">
      <form className="map-filters" role="search" aria-label={t('map.table.filters')} onSubmit={(event: FormEvent) => event.preventDefault()}>
        <div className="map-filter map-search">
          <label htmlFor={`${ids}-q`}>{t('map.table.search')}</label>
          <input id={`${ids}-q`} type="search" value={filters.q} placeholder={t('map.table.searchPlaceholder')} onChange={(event) => set('q', event.target.value)} />
        </div>
        <div className="map-filter">
          <label htmlFor={`${ids}-community`}>{t('map.network.community')}</label>
          <select id={`${ids}-community`} value={filters.community ?? ''} onChange={(event) => set('community', event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{t('map.network.allCommunities')}</option>
            {communityList.map((c) => (
              <option key={c.id} value={c.id}>
                {t('map.network.communityOption', { label: c.label, count: formatNumber(c.size) })}
              </option>
            ))}
          </select>
        </div>
        <div className="map-filter">
          <label htmlFor={`${ids}-affiliation`}>{t('map.table.affiliation')}</label>
          <select id={`${ids}-affiliation`} value={filters.affiliation} onChange={(event) => set('affiliation', event.target.value)}>
            <option value="">{t('map.table.allAffiliations')}</option>
            {AFFILIATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`map.affiliation.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="map-filter">
          <label htmlFor={`${ids}-sort`}>{t('map.table.sort')}</label>
          <select id={`${ids}-sort`} value={`${filters.sort}:${filters.order}`} onChange={(event) => {
            const [sort, order] = event.target.value.split(':') as [InfluencerSort, 'asc' | 'desc'];
            setFilters((current) => ({ ...current, sort, order }));
          }}>
            {INFLUENCER_SORTS.flatMap((sort) =>
              (['desc', 'asc'] as const).map((order) => (
                <option key={`${sort}:${order}`} value={`${sort}:${order}`}>
                  {t(`map.sort.${order}`, { column: t(`map.column.${sort}`) })}
                </option>
              )),
            )}
          </select>
        </div>
        <a className="button button-secondary csv-link" href={influencersCsvUrl(workspace.slug, query)} download>
          {t('map.table.csv')}
        </a>
      </form>

      <div className="influencers-body">
        <div className="influencers-main">
          {state.status === 'failed' ? (
            <LoadFailed error={state.error} onRetry={reload} />
          ) : state.status === 'loading' ? (
            <p className="muted" role="status">
              {t('app.loading')}
            </p>
          ) : (
            <>
              <p className="result-line muted" role="status" data-testid="influencer-total">
                {state.data.total === 0
                  ? t('map.table.none')
                  : t('map.table.shown', {
                      from: formatNumber(offset + 1),
                      to: formatNumber(offset + state.data.rows.length),
                      total: formatNumber(state.data.total),
                    })}
              </p>
              {state.data.rows.length > 0 ? (
                <div className="table-scroll">
                  <table className="map-table" data-testid="influencer-table">
                    <caption className="visually-hidden">{t('map.table.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('map.column.account')}</th>
                        {header('influence', t('map.column.influence'))}
                        {header('reach', t('map.column.reach'))}
                        {header('resonance', t('map.column.resonance'))}
                        {header('trust', t('map.column.trust'))}
                        {header('followers', t('map.column.followers'))}
                        {header('fanQuality', t('map.column.fanQuality'))}
                        <th scope="col">{t('map.column.community')}</th>
                        <th scope="col" className="numeric">
                          {t('map.column.ties')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {state.data.rows.map((row) => (
                        <tr key={row.id} data-account={row.id} aria-current={account === row.id ? 'true' : undefined}>
                          <th scope="row">
                            <button type="button" className="link-button" onClick={() => open(row.id)}>
                              {accountName(row)}
                            </button>
                            <span className="muted handle">@{row.handle}</span>
                          </th>
                          <td className="numeric" data-column="influence" data-value={row.influence}>
                            <strong>{formatScore(row.influence, locale)}</strong>
                          </td>
                          <td className="numeric" data-column="reach" data-value={row.parts.reach}>{formatShare(row.parts.reach, locale)}</td>
                          <td className="numeric" data-column="resonance" data-value={row.parts.resonance}>{formatShare(row.parts.resonance, locale)}</td>
                          <td className="numeric" data-column="trust" data-value={row.parts.trust}>{formatShare(row.parts.trust, locale)}</td>
                          <td className="numeric" data-column="followers" data-value={row.followers}>{formatNumber(row.followers)}</td>
                          <td className="numeric" data-column="fanQuality" data-value={row.fanQuality.score ?? ''} title={t('map.table.fanTitle', {
                            inactive: formatShare(row.fanQuality.inactive, locale),
                            suspicious: formatShare(row.fanQuality.suspicious, locale),
                            unreachable: formatShare(row.fanQuality.unreachable, locale),
                          })}>
                            {formatShare(row.fanQuality.score, locale)}
                          </td>
                          <td>
                            {row.community === NO_COMMUNITY ? (
                              <span className="muted">—</span>
                            ) : (
                              <>
                                <span className="swatch" style={{ background: colours.get(row.community) }} aria-hidden="true" />
                                {labels.get(row.community) ?? `#${row.community}`}
                              </>
                            )}
                          </td>
                          <td className="numeric">
                            {t('map.table.ties', { strong: formatNumber(row.strongTies), weak: formatNumber(row.weakTies) })}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {state.data.total > PAGE ? (
                <nav className="pager" aria-label={t('map.table.pages')}>
                  <button type="button" className="button button-secondary button-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                    {t('map.table.previous')}
                  </button>
                  <span className="muted">
                    {t('map.table.page', { page: formatNumber(offset / PAGE + 1), pages: formatNumber(Math.ceil(state.data.total / PAGE)) })}
                  </span>
                  <button type="button" className="button button-secondary button-small" disabled={offset + PAGE >= state.data.total} onClick={() => setOffset(offset + PAGE)}>
                    {t('map.table.next')}
                  </button>
                </nav>
              ) : null}
            </>
          )}
        </div>
        {account !== null ? (
          <AccountCard key={account} workspace={workspace} id={account} colours={colours} onClose={() => open(null)} onOpenAccount={(id) => open(id)} />
        ) : null}
      </div>
    </section>
  );
}

// The network explorer: the workspace's relationship graph (or one account's ego network) on a
// WebGL canvas, communities coloured and nodes sized by influence; filters for strong or weak
// ties and for a community; a search that jumps to an account; the account's card beside it.
// The canvas is described in words and the influencer table is its text alternative.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../shell/link.tsx';
import { LoadFailed } from '../shell/load-failed.tsx';
import { navigate } from '../shell/router.ts';
import { AccountCard } from './account-card.tsx';
import { fetchCommunities, fetchNetwork } from './map-api.ts';
import { mapPath } from './map-routes.ts';
import { NetworkCanvas, type LayoutStatus, type NetworkCanvasHandle } from './network-canvas.tsx';
import { buildNetworkGraph, nodeLabel } from './network-graph.ts';
import { communityColours, OTHER_COLOUR } from './palette.ts';
import { NETWORK_EDGE_LIMIT, NETWORK_LIMIT, type AccountDetail, type Network, type NetworkNode, type Strength } from './types.ts';
import { searchNodes } from './network-search.ts';
import { useLoad } from './use-load.ts';

/** How many communities the legend lists before "others". */
const LEGEND = 12;

interface Props {
  workspace: Workspace;
  focus: number | null;
  depth: 1 | 2;
  account: number | null;
}

export function NetworkPage({ workspace, focus, depth, account }: Props) {
  const { t, formatNumber } = useI18n();
  const key = `${workspace.slug}:${focus ?? ''}:${depth}`;
  const { state, reload } = useLoad(key, async () => {
    performance.clearMarks('relais:map:network-requested');
    performance.mark('relais:map:network-requested');
    // The workspace's communities too: colours by rank of size over the whole workspace, so an
    // ego network and the influencer table show a community in the same colour.
    const [network, communities] = await Promise.all([
      fetchNetwork(workspace.slug, { ...(focus !== null ? { focus, depth } : {}), limit: NETWORK_LIMIT, edgeLimit: NETWORK_EDGE_LIMIT }),
      fetchCommunities(workspace.slug),
    ]);
    return { ...network, allCommunities: communities.communities };
  });

  return (
    <section className="network" aria-labelledby="main-title">
      {focus !== null ? <EgoBar workspace={workspace} focus={focus} depth={depth} network={state.status === 'ready' ? state.data : null} /> : null}
      {state.status === 'failed' ? (
        <LoadFailed error={state.error} onRetry={reload} />
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">
          {t('map.network.loading')}
        </p>
      ) : state.data.nodes.length === 0 ? (
        <div className="empty">
          <p>{t('map.network.empty')}</p>
          <p>
            <Link href={mapPath(workspace.slug, { tab: 'data' })}>{t('map.network.emptyImport')}</Link>
          </p>
        </div>
      ) : (
        <Explorer key={key} workspace={workspace} network={state.data} focus={focus} depth={depth} account={account} formatNumber={formatNumber} />
      )}
    </section>
  );
}

function EgoBar({ workspace, focus, depth, network }: { workspace: Workspace; focus: number; depth: 1 | 2; network: Network | null }) {
  const { t } = useI18n();
  const node = network?.nodes.find((n) => n.id === focus);
  const name = node ? nodeLabel(node) : `#${focus}`;
  return (
    <div className="ego-bar" role="status">
      <p>{depth === 2 ? t('map.ego.title2', { name }) : t('map.ego.title', { name })}</p>
      <div className="ego-actions">
        <Link className="button button-secondary button-small" href={mapPath(workspace.slug, { tab: 'network', focus, depth: depth === 1 ? 2 : 1, account: focus })}>
          {depth === 1 ? t('map.ego.widen') : t('map.ego.narrow')}
        </Link>
        <Link className="button button-secondary button-small" href={mapPath(workspace.slug, { tab: 'network', focus: null, depth: 1, account: null })}>
          {t('map.ego.all')}
        </Link>
      </div>
    </div>
  );
}

function Explorer({
  workspace,
  network,
  focus,
  depth,
  account,
  formatNumber,
}: {
  workspace: Workspace;
  network: Network & { allCommunities: ReadonlyArray<{ id: number; size: number }> };
  focus: number | null;
  depth: 1 | 2;
  account: number | null;
  formatNumber(n: number): string;
}) {
  const { t } = useI18n();
  const colours = useMemo(() => communityColours(network.allCommunities), [network]);
  const graph = useMemo(() => buildNetworkGraph(network, colours), [network, colours]);
  const canvas = useRef<NetworkCanvasHandle>(null);
  const [strength, setStrength] = useState<Strength>('all');
  const [community, setCommunity] = useState<number | null>(null);
  const [layoutStatus, setLayoutStatus] = useState<LayoutStatus>({ running: false, iterations: 0, max: 0 });
  const [golden, setGolden] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState('');
  const [searchMiss, setSearchMiss] = useState<string | null>(null);
  const descriptionId = useId();
  const searchId = useId();
  const suggestions = useMemo(() => searchNodes(network.nodes, search), [network, search]);
  const selected = account !== null && graph.hasNode(String(account)) ? String(account) : null;

  const select = (id: number | null) =>
    navigate(mapPath(workspace.slug, { tab: 'network', focus, depth, account: id }), { replace: false });

  // The card's golden weak ties are drawn in gold on the canvas.
  useEffect(() => setGolden(new Set()), [account]);
  const onCardLoaded = (detail: AccountDetail) => setGolden(new Set(detail.ties.filter((tie) => tie.golden).map((tie) => String(tie.account.id))));

  function jump(node: NetworkNode) {
    setSearch('');
    setSearchMiss(null);
    if (community !== null && node.community !== community) setCommunity(null);
    select(node.id);
    canvas.current?.centreOn(String(node.id));
  }

  function onSearch(event: FormEvent) {
    event.preventDefault();
    const first = suggestions[0];
    if (first) jump(first);
    else if (search.trim()) setSearchMiss(search.trim());
  }

  const edgeCounts = useMemo(() => {
    let strong = 0;
    graph.forEachEdge((_, attributes) => {
      if (attributes.strong) strong += 1;
    });
    return { strong, weak: graph.size - strong };
  }, [graph]);
  const legend = [...network.communities].sort((a, b) => b.size - a.size).slice(0, LEGEND);
  const shownEdges = strength === 'strong' ? edgeCounts.strong : strength === 'weak' ? edgeCounts.weak : graph.size;

  return (
    <div className={`explorer${selected || account !== null ? ' has-card' : ''}`}>
      <form className="map-filters" role="search" aria-label={t('map.network.filters')} onSubmit={onSearch}>
        <div className="map-filter map-search">
          <label htmlFor={searchId}>{t('map.network.search')}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            autoComplete="off"
            placeholder={t('map.network.searchPlaceholder')}
            aria-controls={`${searchId}-list`}
            onChange={(event) => {
              setSearch(event.target.value);
              setSearchMiss(null);
            }}
          />
          {suggestions.length > 0 ? (
            <ul className="suggestions" id={`${searchId}-list`} aria-label={t('map.network.suggestions')}>
              {suggestions.map((node) => (
                <li key={node.id}>
                  <button type="button" onClick={() => jump(node)}>
                    <span className="swatch" style={{ background: colours.get(node.community) ?? OTHER_COLOUR }} aria-hidden="true" />
                    {nodeLabel(node)} <span className="muted">@{node.handle}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {searchMiss ? (
            <p className="field-error" role="alert">
              {t('map.network.searchMiss', { text: searchMiss })}
            </p>
          ) : null}
        </div>
        <fieldset className="map-filter strength-filter">
          <legend>{t('map.network.ties')}</legend>
          {(['all', 'strong', 'weak'] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="strength" value={value} checked={strength === value} onChange={() => setStrength(value)} />
              {t(`map.strength.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="map-filter">
          <label htmlFor={`${searchId}-community`}>{t('map.network.community')}</label>
          <select id={`${searchId}-community`} value={community ?? ''} onChange={(event) => setCommunity(event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{t('map.network.allCommunities')}</option>
            {[...network.communities]
              .sort((a, b) => b.size - a.size)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {t('map.network.communityOption', { label: c.label, count: formatNumber(c.size) })}
                </option>
              ))}
          </select>
        </div>
      </form>

      <p className="network-count" role="status" data-testid="network-count" data-nodes={graph.order} data-edges={graph.size}>
        {t('map.network.count', { nodes: formatNumber(graph.order), edges: formatNumber(shownEdges) })}
        {network.sampled ? ` ${t('map.network.sampled', { nodes: formatNumber(network.totalNodes), edges: formatNumber(network.totalEdges) })}` : ''}
      </p>

      <div className="stage">
        <div className="canvas-wrap">
          <NetworkCanvas
            ref={canvas}
            graph={graph}
            strength={strength}
            community={community}
            selected={selected}
            golden={golden}
            label={t('map.network.canvasLabel')}
            describedBy={descriptionId}
            onSelect={(key) => select(key === null ? null : Number(key))}
            onLayout={setLayoutStatus}
          />
          <div className="canvas-tools">
            <button type="button" className="tool" onClick={() => canvas.current?.zoom('in')} aria-label={t('map.zoom.in')} title={t('map.zoom.in')}>
              +
            </button>
            <button type="button" className="tool" onClick={() => canvas.current?.zoom('out')} aria-label={t('map.zoom.out')} title={t('map.zoom.out')}>
              −
            </button>
            <button type="button" className="tool" onClick={() => canvas.current?.zoom('reset')} aria-label={t('map.zoom.reset')} title={t('map.zoom.reset')}>
              ⤢
            </button>
          </div>
          <p className="layout-status muted" data-testid="layout-status" data-running={layoutStatus.running}>
            {layoutStatus.running ? (
              <>
                {t('map.layout.running', { done: formatNumber(layoutStatus.iterations), max: formatNumber(layoutStatus.max) })}{' '}
                <button type="button" className="link-button" onClick={() => canvas.current?.stopLayout()}>
                  {t('map.layout.stop')}
                </button>
              </>
            ) : (
              <button type="button" className="link-button" onClick={() => canvas.current?.relayout()}>
                {t('map.layout.again')}
              </button>
            )}
          </p>
        </div>
        {account !== null ? (
          <AccountCard
            key={account}
            workspace={workspace}
            id={account}
            colours={colours}
            onClose={() => select(null)}
            onOpenAccount={(id) => {
              select(id);
              canvas.current?.centreOn(String(id));
            }}
            onLoaded={onCardLoaded}
          />
        ) : null}
      </div>

      <div id={descriptionId} className="network-legend">
        <p className="muted">{t('map.network.help')}</p>
        <h2 className="legend-title">{t('map.network.legend')}</h2>
        <ul className="legend">
          {legend.map((c) => (
            <li key={c.id}>
              <button type="button" className="legend-item" aria-pressed={community === c.id} onClick={() => setCommunity(community === c.id ? null : c.id)}>
                <span className="swatch" style={{ background: colours.get(c.id) ?? OTHER_COLOUR }} aria-hidden="true" />
                {t('map.network.communityOption', { label: c.label, count: formatNumber(c.size) })}
              </button>
            </li>
          ))}
        </ul>
        <p className="muted">
          {t('map.network.sizeLegend')}{' '}
          <Link href={mapPath(workspace.slug, { tab: 'influencers', account: null })}>{t('map.network.tableAlternative')}</Link>
        </p>
      </div>
    </div>
  );
}

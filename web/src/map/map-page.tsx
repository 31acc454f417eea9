// Map: who is connected to whom. A sub-navigation (Network, Influencers, Who can help me?, Import
// and export) under /w/<workspace>/map/…; see map-routes.ts for the addresses.
import { lazy, Suspense } from 'react';
import '../styles/map.css';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { SectionPageProps } from '../shell/coming-page.tsx';
import { SectionIcon } from '../shell/icons.tsx';
import { Link } from '../shell/link.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { useLocation } from '../shell/router.ts';
import { DataPage } from './data-page.tsx';
import { HelpPage } from './help-page.tsx';
import { InfluencersPage } from './influencers-page.tsx';
import { MAP_TABS, mapPath, parseMapPath, type MapTab, type MapView } from './map-routes.ts';

// The explorer brings sigma and graphology (~200 kB): loaded when the network is first shown.
const NetworkPage = lazy(() => import('./network-page.tsx').then((module) => ({ default: module.NetworkPage })));

const TAB_NAMES: Record<MapTab, MessageKey> = {
  network: 'map.tab.network',
  influencers: 'map.tab.influencers',
  help: 'map.tab.help',
  data: 'map.tab.data',
};

function tabView(tab: MapTab): MapView {
  switch (tab) {
    case 'network':
      return { tab, focus: null, depth: 1, account: null };
    case 'influencers':
      return { tab, account: null };
    default:
      return { tab };
  }
}

/** The view the address asks for: the path after /w/<workspace>/map, and its query. */
function currentView(here: string): MapView {
  const url = new URL(here, location.origin);
  let rest: string[] = [];
  try {
    rest = url.pathname.split('/').filter(Boolean).map(decodeURIComponent).slice(3);
  } catch {
    // the shell's router already refused it
  }
  return parseMapPath(rest, url.search) ?? tabView('network');
}

export function MapPage({ workspace, overview }: SectionPageProps) {
  const { t, formatNumber } = useI18n();
  const here = useLocation();
  const view = currentView(here);

  let body;
  switch (view.tab) {
    case 'network':
      body = (
        <Suspense
          fallback={
            <p className="muted" role="status">
              {t('map.network.loading')}
            </p>
          }
        >
          <NetworkPage workspace={workspace} focus={view.focus} depth={view.depth} account={view.account} />
        </Suspense>
      );
      break;
    case 'influencers':
      body = <InfluencersPage workspace={workspace} account={view.account} />;
      break;
    case 'help':
      body = <HelpPage workspace={workspace} />;
      break;
    case 'data':
      body = <DataPage workspace={workspace} />;
      break;
  }

  const counts = overview.status === 'ready' ? overview.overview.counts : null;
  return (
    <div className="map section-map">
      <header className="map-head">
        <span className="section-mark">
          <SectionIcon id="map" />
        </span>
        <PageTitle eyebrow={t('section.map.name')}>{t(TAB_NAMES[view.tab])}</PageTitle>
        {counts && counts.accounts !== undefined && counts.edges !== undefined ? (
          <p className="map-total">{t('map.total', { accounts: formatNumber(counts.accounts), edges: formatNumber(counts.edges) })}</p>
        ) : null}
      </header>
      <nav className="map-subnav" aria-label={t('map.nav')}>
        <ul>
          {MAP_TABS.map((tab) => (
            <li key={tab}>
              <Link className="map-subnav-link" href={mapPath(workspace.slug, tabView(tab))} aria-current={view.tab === tab ? 'page' : undefined}>
                {t(TAB_NAMES[tab])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="map-body">{body}</div>
    </div>
  );
}

// The signed-in frame: header (product, workspace, live, language, user, log-out), the
// section navigation, and the page of the current route.
import { useEffect, useRef, type ComponentType } from 'react';
import type { Session } from '../api/client.ts';
import { EngagePage } from '../engage/engage-page.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ListenPage } from '../listen/listen-page.tsx';
import { MapPage } from '../map/map-page.tsx';
import { OverviewPage } from '../overview/overview-page.tsx';
import { useOverview } from '../overview/use-overview.ts';
import { PublishPage } from '../publish/publish-page.tsx';
import { RewardPage } from '../reward/reward-page.tsx';
import { SpreadPage } from '../spread/spread-page.tsx';
import type { SectionPageProps } from './coming-page.tsx';
import { Logo, SectionIcon } from './icons.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { Link } from './link.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { MAIN_TITLE_ID } from './page-title.tsx';
import { workspacePath, type Route } from './router.ts';
import { SECTION_IDS, type SectionId } from './sections.ts';
import { useLiveEvents } from './use-live-events.ts';
import { pickWorkspace, rememberWorkspace } from './workspace-memory.ts';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

const PAGES: Record<SectionId, ComponentType<SectionPageProps>> = {
  listen: ListenPage,
  map: MapPage,
  spread: SpreadPage,
  publish: PublishPage,
  engage: EngagePage,
  reward: RewardPage,
};

export function Shell({
  session,
  route,
  path,
  onLogout,
}: {
  session: Session;
  route: Route;
  path: string;
  onLogout(): void;
}) {
  const { t } = useI18n();
  const requested = route.name === 'workspace' ? route.workspace : undefined;
  const workspace = session.workspaces.find((w) => w.slug === requested);
  // The header and navigation point at the current workspace, or at the one `/` would open.
  const target = workspace ?? pickWorkspace(session.workspaces);
  const page = route.name === 'workspace' ? route.page : 'overview';
  const overview = useOverview(workspace?.slug);
  const live = useLiveEvents(workspace?.slug, overview.refreshSoon);

  useEffect(() => {
    if (workspace) rememberWorkspace(workspace.slug);
  }, [workspace]);

  const pageName = !workspace
    ? t('notFound.title')
    : page === 'overview'
      ? t('nav.overview')
      : t(`section.${page}.name`);
  useEffect(() => {
    document.title = [pageName, workspace?.name, t('app.name')].filter(Boolean).join(' · ');
  }, [pageName, workspace, t]);

  // After a navigation (not on the first render), move the focus to the new page's title.
  const previousPath = useRef(path);
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    document.getElementById(MAIN_TITLE_ID)?.focus();
  }, [path]);

  let main;
  if (!target) {
    main = <p className="notice">{t('workspace.none')}</p>;
  } else if (!workspace) {
    main = <NotFoundPage home={workspacePath(target.slug)} workspace={requested} />;
  } else if (page === 'overview') {
    main = <OverviewPage workspace={workspace} overview={overview.state} onRetry={overview.reload} />;
  } else {
    const Page = PAGES[page];
    main = <Page workspace={workspace} overview={overview.state} />;
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="topbar-start">
          <Link
            className="brand"
            href={target ? workspacePath(target.slug) : '/'}
            aria-label={t('header.home', { workspace: target?.name ?? '' })}
          >
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <WorkspaceSwitcher workspaces={session.workspaces} current={workspace} page={page} />
        </div>
        <div className="topbar-end">
          {live === 'open' ? (
            <span className="live" title={t('header.liveTitle')}>
              <span className="live-dot" aria-hidden="true" />
              {t('header.live')}
            </span>
          ) : null}
          <LanguageSwitch />
          <span className="user">
            <span className="visually-hidden">{t('header.signedInAs')} </span>
            <span className="user-name">{session.user.name}</span>
            {workspace ? <span className="user-role">{t(`role.${workspace.role}`)}</span> : null}
          </span>
          <button type="button" className="button button-quiet" onClick={onLogout}>
            {t('header.logout')}
          </button>
        </div>
      </header>
      <div className="layout">
        <nav className="sidebar" aria-label={t('nav.label')}>
          {target ? (
            <ul>
              {(['overview', ...SECTION_IDS] as const).map((id) => {
                const active = workspace !== undefined && page === id;
                return (
                  <li key={id}>
                    <Link
                      href={workspacePath(target.slug, id)}
                      aria-current={active ? 'page' : undefined}
                      className={`nav-link section-${id}`}
                    >
                      <SectionIcon id={id} />
                      <span>{id === 'overview' ? t('nav.overview') : t(`section.${id}.name`)}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </nav>
        <main id="main" tabIndex={-1}>
          {main}
        </main>
      </div>
    </div>
  );
}

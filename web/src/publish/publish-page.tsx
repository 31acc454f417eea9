// Publish: saying it at the right pace. Tabs under /w/<workspace>/publish?tab=…: the calendar
// (day, week, month; drag a post to another day), the composer (per-network limits live),
// channels, evergreen recycling with its preview, and short-link statistics.
import '../styles/listen.css';
import '../styles/publish.css';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { SectionPageProps } from '../shell/coming-page.tsx';
import { SectionIcon } from '../shell/icons.tsx';
import { Link } from '../shell/link.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { useLocation, workspacePath } from '../shell/router.ts';
import { canManage } from '../listen/format.ts';
import { CalendarPanel } from './calendar-panel.tsx';
import { ChannelsPanel } from './channels-panel.tsx';
import { Composer } from './composer.tsx';
import { LinksPanel } from './links-panel.tsx';
import { RecyclePanel } from './recycle-panel.tsx';
import { isPublishTab, PUBLISH_TABS, type PublishTab } from './types.ts';

const TAB_NAMES: Record<PublishTab, MessageKey> = {
  calendar: 'publish.tab.calendar',
  compose: 'publish.tab.compose',
  channels: 'publish.tab.channels',
  recycling: 'publish.tab.recycling',
  links: 'publish.tab.links',
};

export function publishTabPath(workspace: string, tab: PublishTab): string {
  return `${workspacePath(workspace, 'publish')}?tab=${tab}`;
}

export function PublishPage({ workspace }: SectionPageProps) {
  const { t } = useI18n();
  const here = useLocation();
  const asked = new URL(here, location.origin).searchParams.get('tab');
  const tab: PublishTab = isPublishTab(asked) ? asked : 'calendar';
  const manager = canManage(workspace.role);
  const body =
    tab === 'calendar' ? <CalendarPanel workspace={workspace} />
      : tab === 'compose' ? (manager ? <Composer workspace={workspace} /> : <p className="callout">{t('publish.forbidden')}</p>)
        : tab === 'channels' ? <ChannelsPanel workspace={workspace} />
          : tab === 'recycling' ? <RecyclePanel workspace={workspace} />
            : <LinksPanel workspace={workspace} />;
  return (
    <div className="publish section-publish">
      <header className="listen-head">
        <span className="section-mark">
          <SectionIcon id="publish" />
        </span>
        <PageTitle eyebrow={t('section.publish.name')}>{t(TAB_NAMES[tab])}</PageTitle>
      </header>
      <nav className="subnav" aria-label={t('publish.nav')}>
        <ul>
          {PUBLISH_TABS.map((id) => (
            <li key={id}>
              <Link className="subnav-link" href={publishTabPath(workspace.slug, id)} aria-current={tab === id ? 'page' : undefined}>
                {t(TAB_NAMES[id])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="listen-body">{body}</div>
    </div>
  );
}

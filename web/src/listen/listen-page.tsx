// Listen: what is being said. A sub-navigation (Mentions, Topics, Sources, Ingest log) under
// /w/<workspace>/listen/…; see listen-routes.ts for the addresses. The dashboard's charts
// (volume by source with spikes, map, sentiment, keywords, authors) come with their API: they
// will be the first tab (LISTEN_TABS) and the page /listen opens.
import { useEffect, useRef, useState } from 'react';
import '../styles/listen.css';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { SectionPageProps } from '../shell/coming-page.tsx';
import { SectionIcon } from '../shell/icons.tsx';
import { Link } from '../shell/link.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { useLocation } from '../shell/router.ts';
import { canManage } from './format.ts';
import { AlertsPage } from './alerts-page.tsx';
import { AlertRuleEditor } from './alerts-rule-editor.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { IngestLogPage } from './ingest-log-page.tsx';
import { LISTEN_TABS, listenPath, parseListenPath, type ListenTab, type ListenView } from './listen-routes.ts';
import { MentionsPage } from './mentions-page.tsx';
import { SourcesPage } from './sources-page.tsx';
import { TopicEditor } from './topic-editor.tsx';
import { TopicsPage } from './topics-page.tsx';
import { useTopics } from './use-topics.ts';

const TAB_NAMES: Record<ListenTab, MessageKey> = {
  dashboard: 'listen.tab.dashboard',
  mentions: 'overview.mentions',
  topics: 'listen.tab.topics',
  sources: 'listen.tab.sources',
  'ingest-log': 'listen.tab.ingestLog',
  alerts: 'listen.tab.alerts',
};

function tabView(tab: ListenTab): ListenView {
  return tab === 'mentions' || tab === 'dashboard' ? { tab, topic: null } : tab === 'topics' ? { tab } : tab === 'alerts' ? { tab } : tab === 'sources' ? { tab } : { tab };
}

/** The view the address asks for: the path after /w/<workspace>/listen, and ?topic=. */
function currentView(here: string): ListenView {
  const url = new URL(here, location.origin);
  let rest: string[] = [];
  try {
    rest = url.pathname.split('/').filter(Boolean).map(decodeURIComponent).slice(3);
  } catch {
    // the shell's router already refused it
  }
  return parseListenPath(rest, url.search) ?? { tab: 'mentions', topic: null };
}

export function ListenPage({ workspace, overview }: SectionPageProps) {
  const { t, formatNumber } = useI18n();
  const here = useLocation();
  const view = currentView(here);
  const topics = useTopics(workspace.slug);
  const manager = canManage(workspace.role);
  const tabs = LISTEN_TABS.filter((tab) => tab !== 'ingest-log' || manager);

  // A message for the topics list (created, saved, deleted), shown until the next address.
  const [notice, setNotice] = useState<{ text: string; at: string } | null>(null);
  const lastHere = useRef(here);
  useEffect(() => {
    if (lastHere.current === here) return;
    lastHere.current = here;
    setNotice((current) => (current && current.at !== here ? null : current));
  }, [here]);
  const showNotice = (text: string | null, at: string) => setNotice(text ? { text, at } : null);
  const shownNotice = notice?.at === here ? notice.text : null;

  let title: string;
  let body;
  if (view.tab === 'topics' && 'editor' in view) {
    title = view.editor === 'new' ? t('topicEditor.newTitle') : t('topicEditor.editTitle');
    body = manager ? (
      <TopicEditor workspace={workspace} topics={topics} id={view.editor} onSaved={(text) => showNotice(text, listenPath(workspace.slug, { tab: 'topics' }))} />
    ) : (
      <Forbidden />
    );
  } else if (view.tab === 'topics') {
    title = t('listen.tab.topics');
    body = <TopicsPage workspace={workspace} topics={topics} notice={shownNotice} onNotice={(text) => showNotice(text, here)} />;
  } else if (view.tab === 'alerts' && 'rule' in view) {
    title = view.rule === 'new' ? t('alertEditor.newTitle') : t('alertEditor.editTitle');
    body = manager ? <AlertRuleEditor workspace={workspace} topics={topics} id={view.rule} onSaved={(text) => showNotice(text, listenPath(workspace.slug, { tab: 'alerts' }))} /> : <Forbidden />;
  } else if (view.tab === 'alerts') {
    title = t('listen.tab.alerts');
    body = <AlertsPage workspace={workspace} topics={topics} notice={shownNotice} onNotice={(text) => showNotice(text, here)} />;
  } else if (view.tab === 'sources') {
    title = t('listen.tab.sources');
    body = <SourcesPage workspace={workspace} />;
  } else if (view.tab === 'dashboard') {
    title = t('listen.tab.dashboard');
    body = <DashboardPage workspace={workspace} topics={topics} initialTopic={view.topic} />;
  } else if (view.tab === 'ingest-log') {
    title = t('listen.tab.ingestLog');
    body = manager ? <IngestLogPage workspace={workspace} /> : <Forbidden />;
  } else {
    title = t('overview.mentions');
    body = <MentionsPage key={view.topic ?? ''} workspace={workspace} topics={topics} initialTopic={view.topic} />;
  }

  const total = overview.status === 'ready' ? overview.overview.counts.mentions : undefined;
  const topicCount = topics.state.status === 'ready' ? topics.state.topics.length : undefined;
  return (
    <div className="listen section-listen">
      <header className="listen-head">
        <span className="section-mark">
          <SectionIcon id="listen" />
        </span>
        <PageTitle eyebrow={t('section.listen.name')}>{title}</PageTitle>
        {total !== undefined ? <p className="listen-total">{t('listen.total', { count: formatNumber(total) })}</p> : null}
      </header>
      <nav className="subnav" aria-label={t('listen.nav')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab}>
              <Link
                className="subnav-link"
                href={listenPath(workspace.slug, tabView(tab))}
                aria-current={view.tab === tab ? 'page' : undefined}
              >
                {t(TAB_NAMES[tab])}
                {tab === 'topics' && topicCount !== undefined ? <span className="subnav-count">{formatNumber(topicCount)}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="listen-body">{body}</div>
    </div>
  );
}

function Forbidden() {
  const { t } = useI18n();
  return <p className="callout">{t('listen.forbidden')}</p>;
}

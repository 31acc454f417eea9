// Spread: what will travel, and from whom. Three tabs: the campaign planner (seeds, plans),
// the true-reach calculator, and the campaigns with predicted beside actual reach.
import { useState } from 'react';
import '../styles/spread.css';
import { useI18n } from '../i18n/i18n.tsx';
import type { SectionPageProps } from '../shell/coming-page.tsx';
import { SectionIcon } from '../shell/icons.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { Campaigns } from './campaigns.tsx';
import { Planner } from './planner.tsx';
import { ReachCalculator } from './reach-calculator.tsx';

const TABS = ['planner', 'reach', 'campaigns'] as const;
type Tab = (typeof TABS)[number];

export function SpreadPage({ workspace }: SectionPageProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('planner');
  const planner = workspace.role === 'manager' || workspace.role === 'strategist';
  return (
    <div className="spread section-spread">
      <header className="spread-head">
        <span className="section-mark"><SectionIcon id="spread" /></span>
        <PageTitle eyebrow={t('section.spread.name')}>{t(`spread.tab.${tab}`)}</PageTitle>
      </header>
      <div className="spread-tabs" role="tablist" aria-label={t('spread.nav')}>
        {TABS.map((id) => (
          <button key={id} id={`spread-tab-${id}`} role="tab" type="button" aria-selected={tab === id} aria-controls={`spread-panel-${id}`} className="spread-tab" onClick={() => setTab(id)}>
            {t(`spread.tab.${id}`)}
          </button>
        ))}
      </div>
      <div id={`spread-panel-${tab}`} role="tabpanel" aria-labelledby={`spread-tab-${tab}`} className="spread-body">
        {tab === 'planner' ? <Planner workspace={workspace} planner={planner} /> : tab === 'reach' ? <ReachCalculator workspace={workspace} /> : <Campaigns workspace={workspace} planner={planner} />}
      </div>
    </div>
  );
}

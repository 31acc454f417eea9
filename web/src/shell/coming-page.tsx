// The honest page of a section whose capability has not arrived yet: what it will do, and the
// data the workspace already holds for it.
import type { Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { OverviewState } from '../overview/use-overview.ts';
import { SectionIcon } from './icons.tsx';
import { Link } from './link.tsx';
import { PageTitle } from './page-title.tsx';
import { workspacePath } from './router.ts';
import { SECTION_COUNTS, type SectionId } from './sections.ts';

/** What every section page receives from the shell. */
export interface SectionPageProps {
  workspace: Workspace;
  overview: OverviewState;
}

export function ComingPage({ section, workspace, overview }: SectionPageProps & { section: SectionId }) {
  const { t, formatNumber } = useI18n();
  const counts = overview.status === 'ready' ? overview.overview.counts : {};
  const present = SECTION_COUNTS[section].flatMap((key) => {
    const value = counts[key];
    return value === undefined ? [] : [{ key, value }];
  });
  return (
    <article className={`coming section-${section}`}>
      <header className="coming-head">
        <span className="section-mark">
          <SectionIcon id={section} className="icon icon-large" />
        </span>
        <PageTitle eyebrow={t(`section.${section}.question`)}>{t(`section.${section}.name`)}</PageTitle>
        <span className="badge">{t('section.coming')}</span>
      </header>
      <p className="lede">{t(`section.${section}.body`)}</p>
      <div className="callout">
        <p>{present.length > 0 ? t('section.arrives') : t('section.arrivesNoData')}</p>
        {present.length > 0 ? (
          <ul className="inline-counts">
            {present.map(({ key, value }) => (
              <li key={key}>
                <strong>{formatNumber(value)}</strong> {t(`overview.${key}`).toLocaleLowerCase()}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p>
        <Link className="back-link" href={workspacePath(workspace.slug)}>
          <span aria-hidden="true">←</span> {t('section.back')}
        </Link>
      </p>
    </article>
  );
}

// The workspace's home: what it holds (counts from the API), and the way into each section.
import type { Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { SectionIcon } from '../shell/icons.tsx';
import { Link } from '../shell/link.tsx';
import { PageTitle } from '../shell/page-title.tsx';
import { workspacePath } from '../shell/router.ts';
import { COUNT_KEYS, COUNT_SECTION, SECTION_IDS } from '../shell/sections.ts';
import type { OverviewState } from './use-overview.ts';
import { LoadFailed } from '../shell/load-failed.tsx';

export function OverviewPage({
  workspace,
  overview,
  onRetry,
}: {
  workspace: Workspace;
  overview: OverviewState;
  onRetry(): void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const name = overview.status === 'ready' ? overview.overview.workspace.name : workspace.name;
  const counts = overview.status === 'ready' ? overview.overview.counts : {};
  const ready = new Set(
    overview.status === 'ready'
      ? overview.overview.capabilities.filter((c) => c.status !== 'coming').map((c) => c.name)
      : [],
  );
  const shown = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value));
  return (
    <div className="overview">
      <header className="overview-head">
        <PageTitle eyebrow={name}>{t('overview.title')}</PageTitle>
        <p className="lede">
          {t('overview.intro', { workspace: name })}{' '}
          <span className="role-chip">{t('overview.role', { role: t(`role.${workspace.role}`) })}</span>
        </p>
      </header>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title" className="visually-hidden">
          {t('overview.countsLabel')}
        </h2>
        {overview.status === 'failed' ? (
          <LoadFailed error={overview.error} onRetry={onRetry} />
        ) : (
          <ul className="counts" aria-busy={overview.status === 'loading'}>
            {COUNT_KEYS.map((key) => (
              <li key={key}>
                <Link className="count-card" href={workspacePath(workspace.slug, COUNT_SECTION[key])} data-count={key}>
                  <span className="count-label">{t(`overview.${key}`)}</span>
                  <span className="count-value">
                    {shown(counts[key])}
                  </span>
                  <span className="count-hint">{t(`overview.${key}Hint`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {overview.status === 'loading' ? (
          <p className="visually-hidden" role="status">
            {t('app.loading')}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="sections-title" className="overview-sections">
        <h2 id="sections-title">{t('overview.sections')}</h2>
        <ul className="section-cards">
          {SECTION_IDS.map((id) => (
            <li key={id}>
              <Link className={`section-card section-${id}`} href={workspacePath(workspace.slug, id)}>
                <span className="section-mark">
                  <SectionIcon id={id} />
                </span>
                <span className="section-card-text">
                  <span className="section-card-name">{t(`section.${id}.name`)}</span>
                  <span className="section-card-question">{t(`section.${id}.question`)}</span>
                </span>
                {ready.has(id) ? null : <span className="badge badge-small">{t('section.coming')}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

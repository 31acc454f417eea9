// An address that leads nowhere, or to a workspace the user does not belong to.
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from './link.tsx';
import { PageTitle } from './page-title.tsx';

export function NotFoundPage({ home, workspace }: { home: string; workspace?: string | undefined }) {
  const { t } = useI18n();
  return (
    <div className="not-found">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p className="lede">{workspace ? t('notFound.workspace', { workspace }) : t('notFound.body')}</p>
      <p>
        <Link className="button" href={home}>
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}

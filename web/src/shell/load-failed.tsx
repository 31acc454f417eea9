// What every page shows when its data could not be loaded: the reason, announced, and a retry.
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, locale } = useI18n();
  return (
    <div className="error-box" role="alert">
      <p>{errorText(error, t, locale)}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

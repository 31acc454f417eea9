// FR | EN: two toggle buttons; the pressed one is the interface's language.
import { LOCALES, useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === locale}
          onClick={() => setLocale(code)}
        >
          {code.toUpperCase()}
          <span className="visually-hidden"> — {t(`lang.${code}`)}</span>
        </button>
      ))}
    </div>
  );
}

// What the user reads when a call fails. The API's error.message is written in English and is
// the most precise text we have, so English shows it as is; French shows our translation for
// the codes we know, and the API's message for the others.
import { ApiError } from '../api/client.ts';
import { isMessageKey, type Locale, type Translate } from './i18n.tsx';

export function errorText(error: unknown, t: Translate, locale: Locale): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'RELAIS_NETWORK') return t('app.networkError');
  if (locale !== 'en') {
    const wait = error.details.retryAfterSeconds;
    if (error.code === 'RELAIS_RATE_LIMITED' && typeof wait === 'number') {
      return t('error.RELAIS_RATE_LIMITED_WAIT', { seconds: Math.ceil(wait) });
    }
    const key = `error.${error.code}`;
    if (isMessageKey(key)) return t(key);
  }
  return error.message;
}

// The root: who is signed in, and which page the URL asks for. Signed out, every address shows
// the login page (and comes back after it, via ?next=); signed in, the shell.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, SESSION_LOST, setApiLanguage, setCsrfToken, unwrap, type Session } from './api/client.ts';
import { errorText } from './i18n/error-text.ts';
import { useI18n } from './i18n/i18n.tsx';
import { LoginPage, type LoginNotice } from './login/login-page.tsx';
import { Logo } from './shell/icons.tsx';
import { navigate, useLocation, useRoute, workspacePath, type Route } from './shell/router.ts';
import { Shell } from './shell/shell.tsx';
import { pickWorkspace } from './shell/workspace-memory.ts';

type Auth =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'anonymous'; notice: LoginNotice }
  | { status: 'signed-in'; session: Session };

/** Where a signed-in user lands from `/` or after logging in. */
function landing(session: Session, next: string | null): string {
  if (next) return next;
  const workspace = pickWorkspace(session.workspaces);
  return workspace ? workspacePath(workspace.slug) : '/w';
}

/** The address to go to instead of this one, if any. */
function redirect(auth: Auth, route: Route, path: string): string | null {
  if (auth.status === 'anonymous' && route.name !== 'login') {
    return route.name === 'home' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
  }
  if (auth.status === 'signed-in' && route.name === 'login') return landing(auth.session, route.next);
  if (auth.status === 'signed-in' && route.name === 'home') return landing(auth.session, null);
  return null;
}

export function App() {
  const { t, locale, suggestLocale } = useI18n();
  const [auth, setAuth] = useState<Auth>({ status: 'loading' });
  const path = useLocation();
  const route = useRoute();
  setApiLanguage(locale);

  const signIn = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      suggestLocale(session.user.locale);
      setAuth({ status: 'signed-in', session });
    },
    [suggestLocale],
  );

  const loadSession = useCallback(() => {
    setAuth({ status: 'loading' });
    unwrap(api.GET('/api/v1/auth/session')).then(signIn, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setAuth({ status: 'anonymous', notice: null });
      else setAuth({ status: 'failed', error });
    });
  }, [signIn]);

  useEffect(loadSession, [loadSession]);

  useEffect(() => {
    const lost = () => {
      setCsrfToken(null);
      setAuth({ status: 'anonymous', notice: 'expired' });
    };
    window.addEventListener(SESSION_LOST, lost);
    return () => window.removeEventListener(SESSION_LOST, lost);
  }, []);

  const target = redirect(auth, route, path);
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);

  async function logOut() {
    try {
      await unwrap(api.POST('/api/v1/auth/logout'));
    } catch {
      // Already logged out, or the server is away: either way, this page forgets the session.
    }
    setCsrfToken(null);
    setAuth({ status: 'anonymous', notice: 'logged-out' });
    navigate('/login');
  }

  if (auth.status === 'failed') {
    return (
      <main className="splash" id="main">
        <Logo className="logo logo-large" />
        <h1>{t('app.startError')}</h1>
        <p role="alert">{errorText(auth.error, t, locale)}</p>
        <button type="button" className="button button-primary" onClick={loadSession}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (auth.status === 'anonymous') {
    return <LoginPage notice={auth.notice} onSignedIn={signIn} />;
  }
  if (auth.status === 'loading' || target) {
    return (
      <main className="splash" id="main" aria-busy="true">
        <Logo className="logo logo-large" />
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  return <Shell session={auth.session} route={route} path={path} onLogout={logOut} />;
}

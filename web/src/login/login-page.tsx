// Email and password; in demo mode, the ready demo users, one click to fill the form.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, isWorkspaceRole, unwrap, type DemoUser, type Session } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Logo, SectionIcon } from '../shell/icons.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';
import { MAIN_TITLE_ID } from '../shell/page-title.tsx';
import { SECTION_IDS } from '../shell/sections.ts';

export type LoginNotice = 'logged-out' | 'expired' | null;

type Field = 'email' | 'password';
interface Problem {
  message: string;
  /** The fields at fault, marked aria-invalid. */
  fields: Field[];
}

/** The form fields an API error puts in doubt ("body.email" → email). */
function fieldsOf(error: unknown): Field[] {
  if (!(error instanceof ApiError)) return [];
  if (error.field?.endsWith('email')) return ['email'];
  if (error.field?.endsWith('password')) return ['password'];
  return error.code === 'RELAIS_AUTH_INVALID' ? ['email', 'password'] : [];
}

export function LoginPage({ notice, onSignedIn }: { notice: LoginNotice; onSignedIn(session: Session): void }) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [filledFor, setFilledFor] = useState<string | null>(null);
  const [demoUsers, setDemoUsers] = useState<DemoUser[]>([]);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    let current = true;
    // The demo list is a convenience: without it, the form still works.
    unwrap(api.GET('/api/v1/auth/demo-users')).then(
      (demo) => current && setDemoUsers(demo.demo ? demo.users : []),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  function fill(user: DemoUser) {
    setEmail(user.email);
    setPassword(user.password);
    setProblem(null);
    setFilledFor(user.name);
    submitButton.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const missing: Problem | null = !email.trim()
      ? { message: t('login.emailMissing'), fields: ['email'] }
      : !password
        ? { message: t('login.passwordMissing'), fields: ['password'] }
        : null;
    if (missing) {
      setProblem(missing);
      (missing.fields[0] === 'email' ? emailInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    setFilledFor(null);
    try {
      const session = await unwrap(api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } }));
      onSignedIn(session);
    } catch (error) {
      setProblem({ message: errorText(error, t, locale), fields: fieldsOf(error) });
      setBusy(false);
    }
  }

  const invalid = (field: Field) => (problem?.fields.includes(field) ? true : undefined);
  const noticeText = notice === 'expired' ? t('error.RELAIS_SESSION_EXPIRED') : notice === 'logged-out' ? t('login.loggedOut') : null;

  return (
    <div className="login">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <aside className="login-brand">
        <div className="login-brand-inner">
          <p className="login-logo">
            <Logo className="logo logo-large" />
            <span className="brand-name">{t('app.name')}</span>
          </p>
          <p className="login-tagline">{t('app.tagline')}</p>
          <p className="login-pitch">{t('login.pitch')}</p>
          <ul className="login-capabilities">
            {SECTION_IDS.map((id) => (
              <li key={id}>
                <SectionIcon id={id} />
                <span>
                  <strong>{t(`section.${id}.name`)}</strong> — {t(`section.${id}.question`)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </aside>

      <main id="main" className="login-main" tabIndex={-1}>
        <div className="login-toolbar">
          {/* The brand again for narrow screens, where the panel above comes after the form. */}
          <p className="login-toolbar-brand" aria-hidden="true">
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </p>
          <LanguageSwitch />
        </div>
        <div className="login-panel">
          <h1 id={MAIN_TITLE_ID} tabIndex={-1}>
            {t('login.title')}
          </h1>
          <p className="muted">{t('login.intro')}</p>

          {noticeText && !problem ? (
            <p className="notice" role="status">
              {noticeText}
            </p>
          ) : null}
          {problem ? (
            <p className="error-box" role="alert" id="login-error">
              {problem.message}
            </p>
          ) : null}

          <form className="login-form" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="login-email">{t('login.email')}</label>
              <input
                ref={emailInput}
                id="login-email"
                name="email"
                type="email"
                autoComplete="username"
                spellCheck={false}
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={invalid('email')}
                aria-describedby={invalid('email') ? 'login-error' : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">{t('login.password')}</label>
              <input
                ref={passwordInput}
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={invalid('password')}
                aria-describedby={invalid('password') ? 'login-error' : undefined}
              />
            </div>
            <button ref={submitButton} type="submit" className="button button-primary button-wide" disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
          <p className="visually-hidden" role="status">
            {filledFor ? t('login.demoFilled', { name: filledFor }) : ''}
          </p>

          {demoUsers.length > 0 ? (
            <section className="demo-users" aria-labelledby="demo-title">
              <h2 id="demo-title">{t('login.demoTitle')}</h2>
              <p className="muted">{t('login.demoIntro')}</p>
              <ul>
                {demoUsers.map((user) => (
                  <li key={user.email}>
                    <button type="button" className="demo-user" onClick={() => fill(user)}>
                      <span className="demo-user-name">{user.name}</span>
                      <span className="demo-user-role">{isWorkspaceRole(user.role) ? t(`role.${user.role}`) : user.role}</span>
                      <span className="demo-user-email">{user.email}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </main>
    </div>
  );
}

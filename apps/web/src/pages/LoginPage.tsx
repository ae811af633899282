import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/errors';
import { useSession } from '../api/session';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { SkipLink } from '../shell/AppShell';
import { useLanguage } from '../i18n/language';

/** Only same-origin paths are followed after sign-in (no open redirect via ?next=). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login'))
    return '/';
  return next;
}

export function LoginPage() {
  const { t, language } = useLanguage();
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  if (state.status === 'signed-in' && !pending) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await signIn(username, password);
      await navigate(next, { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught);
      setPending(false);
    }
  };

  return (
    <>
      <SkipLink label={t('app.skipToContent')} />
      <header className="border-b-4 border-blue-900 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 md:px-8">
          <span className="text-std-20B-150">{t('app.name')}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-md px-4 py-8 outline-none">
        <PageHeading title={t('login.title')} lead={t('login.lead')}>
          {t('login.title')}
        </PageHeading>
        {!error && state.status === 'signed-out' && state.expired && (
          <Alert tone="info" title={t('login.title')} className="mb-4">
            {t('login.expired')}
          </Alert>
        )}
        {error && (
          <Alert tone="error" title={t('login.failed')} className="mb-4">
            <p>{error.text(language)}</p>
          </Alert>
        )}
        <Form onSubmit={submit} className="flex flex-col gap-5">
          <TextField
            label={t('login.username')}
            name="username"
            autoComplete="username"
            value={username}
            onChange={setUsername}
            isRequired
          />
          <TextField
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            isRequired
          />
          <Button type="submit" isPending={pending}>
            {t('login.submit')}
          </Button>
        </Form>
        <p className="mt-8">
          <Link to="/reports/nerima">{t('login.publicLink')}</Link>
        </p>
      </main>
    </>
  );
}

import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin, useSession } from '../../../api/session.ts';
import { FullScreenLoader } from '../../../components/ui/FullScreenLoader.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { LoginForm } from '../components/LoginForm.tsx';

/** Only same-origin paths are followed after login, never an absolute URL from the query string. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/cameras';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (session.isPending) return <FullScreenLoader />;
  if (session.data && !login.isPending) return <Navigate to={next} replace />;

  return (
    <AuthCard title={t('auth.title')}>
      <LoginForm
        pending={login.isPending}
        error={login.error ? errorMessage(t, login.error) : null}
        onSubmit={(username, password) =>
          login.mutate({ username, password }, { onSuccess: () => void navigate(next, { replace: true }) })
        }
      />
    </AuthCard>
  );
}

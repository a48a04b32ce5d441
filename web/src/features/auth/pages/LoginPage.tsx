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

// the portal is a separate page (its own entry): going there after sign-in needs a full load
const PORTAL_PATH = /^\/(?:kamera\/[^/?#]+|statistik|lapor|lacak(?:\/[^/?#]*)?)?\/?(?:[?#].*)?$/;

/** Whether `next` is served by the public portal rather than the console's router. */
export function isPortalPath(next: string): boolean {
  return PORTAL_PATH.test(next);
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (session.isPending) return <FullScreenLoader />;
  if (session.data && !login.isPending) {
    if (isPortalPath(next)) {
      window.location.assign(next);
      return <FullScreenLoader />;
    }
    return <Navigate to={next} replace />;
  }

  return (
    <AuthCard title={t('auth.title')}>
      <LoginForm
        pending={login.isPending}
        error={login.error ? errorMessage(t, login.error) : null}
        onSubmit={(username, password) =>
          login.mutate({ username, password }, { onSuccess: () => (isPortalPath(next) ? window.location.assign(next) : void navigate(next, { replace: true })) })
        }
      />
    </AuthCard>
  );
}

import { Center, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../../api/session.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FullScreenLoader } from '../../../components/ui/FullScreenLoader.tsx';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** Route guard: no session → login (remembering where to return); must change password → that page. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullScreenLoader />;
  if (session.isError) {
    return (
      <Center h="100vh">
        <Container size="xs">
          <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
        </Container>
      </Center>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}

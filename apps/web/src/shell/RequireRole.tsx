import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { Area, mayUse } from './roles';
import { Loading } from '../components/Loading';

/** Not signed in: to /login?next=<here>. Signed in: the page, or a clear "not for your role" page. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function RequireRole({ area, children }: { area: Area; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  if (!mayUse(state.user.role, area)) return <ForbiddenPage />;
  return <>{children}</>;
}

import { lazy, Suspense, useEffect, useRef } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthenticatedHandler } from './api/client';
import { SessionProvider, useSession } from './api/session';
import { Loading } from './components/Loading';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { AppShell } from './shell/AppShell';
import { RequireRole, RequireSignIn } from './shell/RequireRole';

// One bundle per role: a clerk's first screen never downloads the council's or the office's code.
const SectionRoutes = lazy(() => import('./roles/section/routes'));
const CouncilRoutes = lazy(() => import('./roles/council/routes'));
const OfficeRoutes = lazy(() => import('./roles/office/routes'));
const AuditRoutes = lazy(() => import('./roles/audit/routes'));
const PublicRoutes = lazy(() => import('./roles/public/routes'));

/** A 401 from any call (expired or revoked session) returns to sign-in, and back here after it. */
function UnauthenticatedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const { forget } = useSession();
  const here = useRef(location);
  here.current = location;
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      const { pathname, search } = here.current;
      if (pathname === '/login') return;
      // void: outside a data router navigate() returns nothing to wait for.
      void navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
      forget(true);
    });
  }, [navigate, forget]);
  return null;
}

export function App() {
  return (
    <SessionProvider>
      <UnauthenticatedRedirect />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/reports/*" element={<PublicRoutes />} />
          <Route element={<RequireSignIn><AppShell /></RequireSignIn>}>
            <Route index element={<HomePage />} />
            <Route path="forbidden" element={<ForbiddenPage />} />
            <Route path="cycles/:fiscalYear/council/*" element={<RequireRole area="council"><CouncilRoutes /></RequireRole>} />
            <Route path="cycles/:fiscalYear/*" element={<RequireRole area="section"><SectionRoutes /></RequireRole>} />
            <Route path="office/*" element={<RequireRole area="office"><OfficeRoutes /></RequireRole>} />
            <Route path="audit/*" element={<RequireRole area="audit"><AuditRoutes /></RequireRole>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </SessionProvider>
  );
}

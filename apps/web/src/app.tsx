import { Suspense, useEffect, useRef } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthenticatedHandler } from './api/client';
import { SessionProvider, useSession } from './api/session';
import { Loading } from './components/Loading';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { AppShell } from './shell/AppShell';
import { preloadableLazy } from './shell/preloadable-lazy';
import { RequireRole, RequireSignIn } from './shell/RequireRole';
import { ROLE_CODE } from './shell/role-code';

// One bundle per role (shell/role-code.ts); boot.ts has started downloading the one of the address opened.
const { Component: SectionRoutes } = preloadableLazy(ROLE_CODE.section);
const { Component: CouncilRoutes } = preloadableLazy(ROLE_CODE.council);
const { Component: OfficeRoutes } = preloadableLazy(ROLE_CODE.office);
const { Component: AuditRoutes } = preloadableLazy(ROLE_CODE.audit);
const { Component: PublicRoutes } = preloadableLazy(ROLE_CODE.public);

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
          <Route
            element={
              <RequireSignIn>
                <AppShell />
              </RequireSignIn>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="forbidden" element={<ForbiddenPage />} />
            <Route
              path="cycles/:fiscalYear/council/*"
              element={
                <RequireRole area="council">
                  <CouncilRoutes />
                </RequireRole>
              }
            />
            <Route
              path="cycles/:fiscalYear/*"
              element={
                <RequireRole area="section">
                  <SectionRoutes />
                </RequireRole>
              }
            />
            <Route
              path="office/*"
              element={
                <RequireRole area="office">
                  <OfficeRoutes />
                </RequireRole>
              }
            />
            <Route
              path="audit/*"
              element={
                <RequireRole area="audit">
                  <AuditRoutes />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </SessionProvider>
  );
}

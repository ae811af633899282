import { Suspense, useEffect, useRef } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiResponse, prefetch, setUnauthenticatedHandler } from './api/client';
import { SessionProvider, useSession } from './api/session';
import { Loading } from './components/Loading';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { AppShell } from './shell/AppShell';
import { preloadableLazy } from './shell/preloadable-lazy';
import { RequireRole, RequireSignIn } from './shell/RequireRole';
import { cataloguePath } from './items/catalogue';
import { councilQueuePath } from './roles/council/queue-paths';
import type { Session } from './api/types';
import { mayUse } from './shell/roles';

// One bundle per role: a clerk's first screen never downloads the council's or the office's code.
const section = preloadableLazy(() => import('./roles/section/routes'));
const council = preloadableLazy(() => import('./roles/council/routes'));
const office = preloadableLazy(() => import('./roles/office/routes'));
const audit = preloadableLazy(() => import('./roles/audit/routes'));
const publicReports = preloadableLazy(() => import('./roles/public/routes'));
const SectionRoutes = section.Component;
const CouncilRoutes = council.Component;
const OfficeRoutes = office.Component;
const AuditRoutes = audit.Component;
const PublicRoutes = publicReports.Component;

/** The role bundle an address needs, first match wins (the council's queue lies under /cycles/:fy/). */
const ROLE_CODE: Array<[RegExp, () => Promise<unknown>]> = [
  [/^\/cycles\/[^/]+\/council(\/|$)/, council.preload],
  [/^\/cycles\//, section.preload],
  [/^\/office(\/|$)/, office.preload],
  [/^\/audit(\/|$)/, audit.preload],
  [/^\/reports(\/|$)/, publicReports.preload],
];

/**
 * Starts downloading the role bundle of the address the page opened at, while the session is asked
 * for: otherwise the bundle waits for the session and the screen's data waits for the bundle (a
 * waterfall of ~0.6 s on the council’s queue); a route whose bundle has arrived renders without suspending.
 */
export function preloadRoleCode(pathname: string): void {
  const load = ROLE_CODE.find(([pattern]) => pattern.test(pathname))?.[1];
  void load?.().catch(() => undefined); // a failed download shows where the route renders, not here
}

/**
 * The council's queue (the screen a member opens most, 500 items) asks for its data as soon as the
 * session names the ward, instead of after its bundle has downloaded and rendered: the two
 * requests overlap the bundle's download.
 */
export function prefetchScreenData(pathname: string, session: Promise<ApiResponse<Session>>): void {
  const queue = /^\/cycles\/(\d{4})\/council\/?$/.exec(pathname);
  if (!queue) return;
  session.then(
    ({ data: { user } }) => {
      if (!mayUse(user.role, 'council')) return;
      prefetch(councilQueuePath(user.wardId, Number(queue[1])));
      prefetch(cataloguePath(user.wardId));
    },
    () => undefined,
  ); // signed out: the sign-in page, nothing to fetch
}

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

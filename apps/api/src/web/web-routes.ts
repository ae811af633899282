/**
 * The web app's routes (see apps/web): a GET to one of these paths, or below one of these
 * prefixes, answers the app's index.html and the app's router takes over. The API's own prefixes
 * (/auth, /wards, /public, /docs, /health, /admin) never appear here: a test checks that no
 * registered API route falls under a web prefix.
 */
export const WEB_ROUTE_PREFIXES = [
  '/login', // sign-in, ?next=<path>
  '/forbidden', // a role mismatch
  '/cycles', // section staff (/cycles/:fy/inbox, …/projects/:id, …/kpis/:id, …/workbook) and council (/cycles/:fy/council…)
  '/office', // planning office (/office/catalogue, /office/imports, /office/cycles[/:fy], /office/reprojection)
  '/audit', // auditor (/audit/cycles/:fy[…], /audit/verification)
  '/reports', // public, no sign-in (/reports/:ward[/:fy[/versions/:n]])
] as const;

/** The role-aware home page. */
export const WEB_HOME = '/';

export function isWebRoute(path: string): boolean {
  if (path === WEB_HOME) return true;
  return WEB_ROUTE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

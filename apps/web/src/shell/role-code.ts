/** Downloads (and runs) a module once; every caller shares its promise, and `loaded` holds it once there. */
export interface Loader<T> {
  (): Promise<T>;
  loaded?: T;
}

const once = <T>(load: () => Promise<T>): Loader<T> => {
  let loading: Promise<T> | undefined;
  const loader: Loader<T> = () => (loading ??= load().then((module) => (loader.loaded = module)));
  return loader;
};

/** One bundle per role: a clerk's first screen never downloads the council's or the office's code. */
export const ROLE_CODE = {
  section: once(() => import('../roles/section/routes')),
  council: once(() => import('../roles/council/routes')),
  office: once(() => import('../roles/office/routes')),
  audit: once(() => import('../roles/audit/routes')),
  public: once(() => import('../roles/public/routes')),
};

/** The role bundle an address needs, first match wins (the council's queue lies under /cycles/:fy/). */
const BY_ADDRESS: Array<[RegExp, () => Promise<unknown>]> = [
  [/^\/cycles\/[^/]+\/council(\/|$)/, ROLE_CODE.council],
  [/^\/cycles\//, ROLE_CODE.section],
  [/^\/office(\/|$)/, ROLE_CODE.office],
  [/^\/audit(\/|$)/, ROLE_CODE.audit],
  [/^\/reports(\/|$)/, ROLE_CODE.public],
];

/**
 * Starts downloading the role bundle of the address the page opened at, while the session is asked
 * for: otherwise the bundle waits for the session and the screen's data waits for the bundle (a
 * waterfall of ~0.6 s on the council’s queue); a route whose bundle has arrived renders without suspending.
 */
export function preloadRoleCode(pathname: string): void {
  const load = BY_ADDRESS.find(([pattern]) => pattern.test(pathname))?.[1];
  void load?.().catch(() => undefined); // a failed download shows where the route renders, not here
}

import { askEarly } from './api/early';
import type { Session } from './api/types';
import { loadEnglish } from './i18n/english';
import { storedLanguage } from './i18n/stored-language';
import { cataloguePath } from './items/catalogue-path';
import { councilQueuePath } from './roles/council/queue-paths';
import { preloadRoleCode } from './shell/role-code';
import { mayUse } from './shell/roles';

/**
 * The page's first script (index.html names it before the main one): a few KB that import neither
 * React nor the app, so they run as soon as they arrive, while the main script (React, react-aria,
 * the router: ~100 KB compressed) still downloads and compiles. They ask for what the first screen
 * needs, so that it is on its way when React renders: the session, the role's bundle, the English
 * dictionary if English was chosen, and on the council's queue its data.
 */
const { pathname } = window.location;

/**
 * The council's queue (the screen a member opens most, 500 items) asks for its data as soon as the
 * session names the ward, instead of after its bundle has downloaded and rendered.
 */
function prefetchScreenData(session: Promise<Response>): Promise<void> | undefined {
  const queue = /^\/cycles\/(\d{4})\/council\/?$/.exec(pathname);
  if (!queue) return undefined;
  return session
    .then((response) => (response.ok ? (response.clone().json() as Promise<Session>) : undefined))
    .then((answer) => {
      if (!answer || !mayUse(answer.user.role, 'council')) return;
      void askEarly(councilQueuePath(answer.user.wardId, Number(queue[1])));
      void askEarly(cataloguePath(answer.user.wardId));
    })
    .catch(() => undefined); // signed out or offline: the app shows it
}

// At the sign-in page nobody is signed in: asking would only log the expected 401.
const asked = pathname === '/login' ? undefined : prefetchScreenData(askEarly('/auth/session'));
preloadRoleCode(pathname);
if (storedLanguage() === 'en') void loadEnglish().catch(() => undefined);

/**
 * The app's main script, preloaded by index.html (build/early-entry.ts; the dev server names it
 * itself): run once the queue has been asked for, or after 150 ms. Its modules run as one task of
 * 100–300 ms on a busy PC, during which the session's answer could not be read.
 */
const app = document.querySelector<HTMLLinkElement>('link[data-app]')?.href;
if (app)
  void Promise.race([asked, new Promise((resolve) => setTimeout(resolve, asked ? 150 : 0))]).then(
    () => import(/* @vite-ignore */ app),
  );

import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { webBuildMissingPage } from './web-build-missing.page';
import { isWebRoute } from './web-routes';

/** Hashed file names (Vite) never change content: cached for a year. */
const ASSET_MAX_AGE_MS = 365 * 24 * 3600 * 1000;
/** Files Vite copies from apps/web/public to the build's root (favicon, robots.txt): one segment with an extension. */
const ROOT_FILE = /^\/[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?:ico|svg|png|txt|webmanifest)$/;

/**
 * Serves the built web app on the API's origin: /assets/* with long cache headers, a few root
 * files, and index.html (revalidated every time, so a new build shows at once) for every GET to a
 * web route. One catch-all GET route, which Fastify's router tries only after every API route (a
 * hook would cost every API request); anything else, and a file that is not there, goes to the
 * API's JSON 404. The build writes `<file>.br` and `<file>.gz` beside each text file (Brotli 11, gzip 9:
 * apps/web/build/precompress.ts); @fastify/static's `preCompressed` sends the one the browser accepts
 * (Brotli first), with `Vary: Accept-Encoding`. A file without them (a small one, a font) goes as it
 * is or gzipped on the fly like every GET (compressApiReads, api-read-compression.ts), which leaves an
 * answer that is already encoded untouched.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir);
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  const index = join(root, 'index.html');
  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/assets/'))
      return reply.sendFile(path, root, {
        immutable: true,
        maxAge: ASSET_MAX_AGE_MS,
        dotfiles: 'ignore',
        index: false,
      });
    if (ROOT_FILE.test(path))
      return reply
        .header('Cache-Control', 'no-cache')
        .sendFile(path, root, { cacheControl: false, dotfiles: 'ignore', index: false });
    if (isWebRoute(path) || isPageRequestOutsideApi(path, request.headers.accept)) return sendIndex(index, root, reply);
    return reply.callNotFound();
  };
  for (const url of ['/', '/*']) app.route({ method: 'GET', url, handler });
}

/** The API's own prefixes: below them an unknown path stays the API's JSON 404, whatever the Accept header. */
const API_PREFIXES = ['/auth', '/wards', '/public', '/docs', '/health', '/admin', '/metrics'];

/**
 * A browser asking for a page (Accept: text/html) at an address nobody serves gets the app, whose
 * router shows its own "page not found"; API clients (Accept: application/json, *\/*) keep the JSON 404.
 */
function isPageRequestOutsideApi(path: string, accept: string | undefined): boolean {
  if (!accept?.includes('text/html')) return false;
  return !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function sendIndex(index: string, root: string, reply: FastifyReply) {
  // Checked per request: building the app while the API runs needs no restart.
  if (!existsSync(index))
    return reply
      .code(503)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(webBuildMissingPage(root));
  return reply.header('Cache-Control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
}

import compression from 'compression';
import express from 'express';
import type { RequestHandler, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { webBuildMissingPage } from './web-build-missing.page';
import { isWebRoute } from './web-routes';

/** Hashed file names (Vite) never change content: cached for a year. */
const ASSET_MAX_AGE = '365d';
/** Files Vite copies from apps/web/public to the build's root (favicon, robots.txt): one segment with an extension. */
const ROOT_FILE = /^\/[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?:ico|svg|png|txt|webmanifest)$/;

/**
 * Serves the built web app on the API's origin: /assets/* with long cache headers, a few root
 * files, and index.html (revalidated every time, so a new build shows at once) for every GET to a
 * web route. One plain handler mounted before Nest's routes (a layer per concern would cost every
 * API request); anything else, and a file that is not there, falls through to the API.
 * The page's files are gzip-compressed here (a first screen of ~230 KB compressed, ~800 KB raw);
 * API GET answers are compressed by compressApiReads (api-read-compression.ts), commands not.
 */
export function webApp(distDir: string): RequestHandler {
  const root = resolve(distDir);
  const options = { index: false, redirect: false, dotfiles: 'ignore' } as const;
  const assets = express.static(root, { ...options, immutable: true, maxAge: ASSET_MAX_AGE });
  const rootFiles = express.static(root, { ...options, cacheControl: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') });
  const index = join(root, 'index.html');
  const compress = compression();
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = request.path;
    if (path.startsWith('/assets/')) return compress(request, response, () => void assets(request, response, next));
    if (ROOT_FILE.test(path)) return void rootFiles(request, response, next); // serve-static's handler is typed `any`
    if (isWebRoute(path) || isPageRequestOutsideApi(path, request.headers.accept)) return compress(request, response, () => sendIndex(index, root, response, next));
    next();
  };
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

function sendIndex(index: string, root: string, response: Response, next: (error?: unknown) => void): void {
  // Checked per request: building the app while the API runs needs no restart.
  if (!existsSync(index)) {
    response.status(503).type('html').setHeader('Cache-Control', 'no-store');
    response.send(webBuildMissingPage(root));
    return;
  }
  response.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }, (error) => error && next(error));
}


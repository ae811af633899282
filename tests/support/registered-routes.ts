import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiHarness } from './api-harness';

/** One route as Nest registered it on Fastify, e.g. { method: 'put', path: '/wards/:wardId/catalogue/projects/:entryId' }. */
export interface Route {
  method: string;
  path: string;
}

/** Not the API's own routes: Swagger's /docs, Bull Board's pages, the web app's catch-all. */
const NOT_API = (path: string) =>
  path === '/' || path === '/*' || path.startsWith('/docs') || path.startsWith('/admin/queues');

/**
 * Records every route as Fastify registers it (an onRoute hook, so it must be added before
 * app.init()); Fastify's own HEAD twins of the GET routes are left out.
 */
export function routeRecorder(app: NestFastifyApplication): Route[] {
  const routes: Route[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (NOT_API(route.url)) return;
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routes.push({ method: method.toLowerCase(), path: route.url });
    });
  return routes;
}

/** Every route the API registered (Swagger's /docs aside): tests that must cover all of them start here. */
export function registeredRoutes(api: ApiHarness): Route[] {
  return api.routes;
}

import type { ApiHarness } from './api-harness';

/** One route as Express registered it, e.g. { method: 'put', path: '/wards/:wardId/catalogue/projects/:entryId' }. */
export interface Route {
  method: string;
  path: string;
}

/** Every route the API registered (Swagger's /docs aside): tests that must cover all of them start here. */
export function registeredRoutes(api: ApiHarness): Route[] {
  const express = api.app.getHttpAdapter().getInstance();
  const stack = (express.router ?? express._router).stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  return stack
    .filter((layer) => layer.route && !layer.route.path.startsWith('/docs'))
    .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((method) => ({ method, path: layer.route!.path })));
}

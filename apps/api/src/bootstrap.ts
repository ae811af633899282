import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Environment, jsonLogger, requestLog, trustProxySetting } from '@pdca/platform';
import { ApiOptions, AppModule } from './app.module';
import { bodyShape } from './http/body-shape.middleware';
import { jsonOnly } from './http/json-only.middleware';
import { createOpenApiDocument } from './http/openapi-document';
import { compressApiReads } from './web/api-read-compression';
import { securityHeaders } from './web/security-headers';
import { webApp } from './web/web-app.middleware';

/** Builds the HTTP app; shared by main.ts and the e2e tests so both run the same wiring. */
export async function createApiApp(environment: Environment, options: ApiOptions = {}): Promise<NestExpressApplication> {
  const logger = jsonLogger(environment.LOG_LEVEL, 'api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(environment, options), { logger, bodyParser: false, abortOnError: false });
  // Plain Express handlers in a fixed order, mounted before Nest's routes: three Nest middlewares
  // with a route pattern cost 8 % of a command (a router layer and a wrapper each).
  app.use(requestLog());
  app.use(securityHeaders({ https: environment.PUBLIC_BASE_URL.startsWith('https:') }));
  // The web app on the same origin, before the body parsers: its pages are GETs.
  app.use(webApp(environment.WEB_DIST_DIR));
  // The API's GET answers gzipped (the council's queue is ~190 KB of JSON); commands pass untouched.
  app.use(compressApiReads());
  app.useBodyParser('json', { limit: '1mb', strict: true });
  app.use(jsonOnly, bodyShape);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // request.ip is the TCP peer unless TRUST_PROXY names the reverse proxies (sign-in throttling per address).
  if (environment.TRUST_PROXY) app.set('trust proxy', trustProxySetting(environment.TRUST_PROXY));
  mountOpenApi(app);
  return app;
}

function mountOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
}

import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Environment, jsonLogger, registerRequestLog, trustProxySetting } from '@pdca/platform';
import { ApiOptions, AppModule } from './app.module';
import { JSON_BODY_LIMIT, registerJsonBodyParser } from './http/json-body.parser';
import { jsonOnly } from './http/json-only.hook';
import { createOpenApiDocument } from './http/openapi-document';
import { serializeRepliesBySchema } from './http/response-serialization';
import { compressApiReads } from './web/api-read-compression';
import { registerSecurityHeaders } from './web/security-headers';
import { registerWebApp } from './web/web-app.route';

/**
 * Builds the HTTP app on Fastify; shared by main.ts and the e2e tests so both run the same wiring.
 * Hooks and plugins, in this order, before Nest's routes: the replies' serializers from the OpenAPI
 * document, the request log, helmet's headers, the JSON-only check (before a byte of the body is
 * read), the JSON and multipart parsers, gzip for reads, the web app.
 */
export async function createApiApp(
  environment: Environment,
  options: ApiOptions = {},
): Promise<NestFastifyApplication> {
  const logger = jsonLogger(environment.LOG_LEVEL, 'api');
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    // request.ip is the TCP peer unless TRUST_PROXY names the reverse proxies (sign-in throttling per address).
    trustProxy: environment.TRUST_PROXY ? trustProxySetting(environment.TRUST_PROXY) : false,
    // As on Express: /wards/x/catalogue/ is /wards/x/catalogue, and an over-long id reaches the
    // validation (a 400 naming the field) instead of Fastify's 100-character parameter cut-off (a 404).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 16_384 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(environment, options), adapter, {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Built from the code, as `npm run openapi` builds it: what is served, written and enforced is one document.
  const document = createOpenApiDocument(app);
  serializeRepliesBySchema(fastify, document);
  registerRequestLog(fastify);
  registerSecurityHeaders(fastify, { https: environment.PUBLIC_BASE_URL.startsWith('https:') });
  fastify.addHook('onRequest', jsonOnly);
  registerJsonBodyParser(fastify);
  await app.register(multipart);
  // GET answers gzipped (the council's queue is ~190 KB of JSON) and the web app's files; commands pass untouched.
  await compressApiReads(fastify);
  await registerWebApp(fastify, environment.WEB_DIST_DIR);
  mountOpenApi(app, document);
  return app;
}

function mountOpenApi(app: NestFastifyApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}

import type { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Security headers on every response (HTML pages, the report's HTML, /docs, /admin/queues, and the
 * JSON, where they cost nothing). Scripts only from this origin, never inline; nothing from another
 * address (fonts, icons and scripts ship with the build). Styles allow 'unsafe-inline' because the
 * report HTML is one self-contained file with a <style> block and column widths in style
 * attributes, and Swagger UI has an inline <style>; inline CSS cannot run code.
 * Bull Board's Google Fonts link is blocked on purpose: it falls back to the system font.
 */
export function securityHeaderOptions(options: { https: boolean }): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // data: for Swagger UI's and the charts' inline SVG icons.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The legacy header says the same as frame-ancestors 'none', for browsers that only read it.
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS over plain http (npm start on localhost) would be ignored by browsers; send it only behind https.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/**
 * The headers helmet writes, recorded once: without nonces they are the same on every response.
 * @fastify/helmet built helmet's middleware anew for each request (its CSP parsing was ~3 % of a
 * command's CPU at 64 clients); helmet still decides every value, this only stops redoing it.
 */
export function securityHeaderValues(options: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  let failure: Error | undefined;
  helmet(securityHeaderOptions(options))(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error !== undefined) failure = error instanceof Error ? error : new Error('helmet refused its options');
    },
  );
  if (failure) throw failure;
  return headers;
}

/** Sets them on every reply (routes, the web app, the 404) before its handler runs, as helmet's hook did. */
export function registerSecurityHeaders(fastify: FastifyInstance, options: { https: boolean }): void {
  const headers = securityHeaderValues(options);
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

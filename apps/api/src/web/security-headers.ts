import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers on every response (HTML pages, the report's HTML, /docs, /admin/queues, and the
 * JSON, where they cost nothing). Scripts only from this origin, never inline; nothing from another
 * address (fonts, icons and scripts ship with the build). Styles allow 'unsafe-inline' because the
 * report HTML is one self-contained file with a <style> block and column widths in style
 * attributes, and Swagger UI has an inline <style>; inline CSS cannot run code.
 * Bull Board's Google Fonts link is blocked on purpose: it falls back to the system font.
 * Options for @fastify/helmet (helmet itself, run from an onRequest hook on every route and the 404).
 */
export function securityHeaders(options: { https: boolean }): FastifyHelmetOptions {
  return {
    global: true,
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

import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Below this an answer goes as it is: gzip's header and a compressor's CPU cost more than they save. */
const THRESHOLD_BYTES = 1_024;
/** What gzip shrinks: text, JSON, XML (Atom), scripts; PDF, XLSX, ZIP and fonts are compressed already. */
const COMPRESSIBLE = /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]xml(?:;|$)|^application\/javascript/;

/** Reads only: a command's answer is a few hundred bytes, and commands must not pay for a compressor. */
export function isCompressibleRead(request: { method: string }): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

/**
 * gzip (or br/deflate, as the client asks) for the API's GET answers (JSON, CSV, Atom, HTML) and the
 * web app's files, when the client accepts it: the council's queue of 500 items is ~190 KB of JSON and
 * ~20 KB gzipped, the largest part of that screen's first visit. @fastify/compress decides per route,
 * so every route that is not a read is marked `compress: false` as it is registered: commands carry
 * no compressor at all. Must be called before the routes are added (Nest adds its own at init()).
 */
export async function compressApiReads(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().every((method) => isCompressibleRead({ method }))) route.compress = false;
  });
  await app.register(compress, { global: true, threshold: THRESHOLD_BYTES, customTypes: COMPRESSIBLE });
}

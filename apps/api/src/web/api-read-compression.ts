import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Below this an answer goes as it is: gzip's header and a compressor's CPU cost more than they save. */
const THRESHOLD_BYTES = 1_024;

/** Reads only: a command's answer is a few hundred bytes, and commands must not pay for a compressor. */
export function isCompressibleRead(request: Pick<Request, 'method'>): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

/**
 * gzip for the API's GET answers (JSON, CSV, Atom, HTML) when the client accepts it: the council's
 * queue of 500 items is ~190 KB of JSON and ~20 KB gzipped, the largest part of that screen's first
 * visit. The `compression` package's own filter still decides by Content-Type (PDF, XLSX and ZIP are
 * compressed already and go as they are) and honours `Cache-Control: no-transform`. One function,
 * framework-neutral in what it decides (isCompressibleRead), so a port to another HTTP server keeps
 * the same rule with that server's compressor.
 */
export function compressApiReads(): RequestHandler {
  const gzip = compression({
    threshold: THRESHOLD_BYTES,
    filter: (request: Request, response: Response) => isCompressibleRead(request) && compression.filter(request, response),
  });
  return (request, response, next) => (isCompressibleRead(request) ? gzip(request, response, next) : next());
}

import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { precompressFile, precompressible } from './precompress-files';

/**
 * Compresses the build's text files once, at build time, at the highest settings (Brotli 11 costs
 * about a second per 100 KB: too slow for each request, free once): the API sends `<file>.br` or
 * `<file>.gz` to a browser that accepts it (@fastify/static's `preCompressed`,
 * apps/api/src/web/web-app.route.ts) instead of compressing every request (Brotli 4 there). The
 * council queue's scripts and styles: 179 KB on the wire instead of 215 KB.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await Promise.all(precompressible(outDir).map(precompressFile));
    },
  };
}

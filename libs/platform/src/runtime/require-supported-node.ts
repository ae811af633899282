import { unsupportedRuntime } from './node-api-version';

/**
 * Imported first by every entry point (API, worker, CLI), before anything loads the SQLite driver: a
 * wrong Node stops with a reason instead of a silent segmentation fault.
 */
const reason = unsupportedRuntime(process.versions);
if (reason) {
  console.error(reason);
  process.exit(1);
}

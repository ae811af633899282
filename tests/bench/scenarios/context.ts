import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Inspector } from '../support/inspector';
import type { Figure } from '../support/report';

export interface BenchContext {
  /** A fresh directory for one scenario's data, under the run's temporary root. */
  dir(name: string): string;
  log(message: string): void;
  /** Shorter measuring windows (a smoke run of the bench itself, not for the README). */
  quick: boolean;
  /** Reuse generated fixture stores from bench/.cache. */
  useCache: boolean;
  /** --profile: children run with --inspect and measured windows are CPU-profiled into bench/profiles. */
  profiling: boolean;
  /** The figures earlier scenarios of this run measured (a ratio to another scenario's figure needs the same run). */
  earlier: readonly Figure[];
  /** Runs `work`, CPU-profiled as bench/profiles/<name>.cpuprofile when profiling (in the process on `port`, else this one). */
  profiled<T>(name: string, port: number | undefined, work: () => Promise<T>): Promise<T>;
}

export function benchContext(root: string, options: { quick: boolean; useCache: boolean; profileDir?: string; earlier?: readonly Figure[] }): BenchContext {
  const started = Date.now();
  const log = (message: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
  return {
    dir: (name) => {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    log,
    quick: options.quick,
    earlier: options.earlier ?? [],
    useCache: options.useCache,
    profiling: options.profileDir !== undefined,
    profiled: async (name, port, work) => {
      if (!options.profileDir) return work();
      const inspector = port === undefined ? Inspector.self() : await Inspector.connect(port);
      try {
        return await inspector.profile(join(options.profileDir, `${name}.cpuprofile`), work);
      } finally {
        inspector.close();
        log(`profile written: bench/profiles/${name}.cpuprofile`);
      }
    },
  };
}

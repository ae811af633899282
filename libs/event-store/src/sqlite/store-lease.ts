import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export interface StoreLease {
  app: string;
  pid: number;
  host: string;
  since: string;
  file: string;
}

const leaseDirOf = (storeFile: string) => `${storeFile}.leases`;

/**
 * A service process (API, worker) that has the store open says so with a lease file beside it;
 * `restore` refuses to replace a store that has a live lease. A file, not an SQLite lock: WAL
 * connections hold no lock between transactions, so an idle service would look stopped. A lease
 * left by a crash is recognised by its dead pid (same host) and ignored.
 */
export function holdStoreLease(storeFile: string, app: string): () => void {
  const dir = leaseDirOf(storeFile);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}.json`);
  writeFileSync(file, JSON.stringify({ app, pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  return () => rmSync(file, { force: true });
}

/**
 * Leases whose process still runs. A lease from another host cannot be checked and counts as live
 * (the operator removes it once that service is known to be stopped).
 */
export function liveStoreLeases(storeFile: string): StoreLease[] {
  const dir = leaseDirOf(storeFile);
  if (!existsSync(dir)) return [];
  const live: StoreLease[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const file = join(dir, name);
    let lease: Omit<StoreLease, 'file'>;
    try {
      lease = JSON.parse(readFileSync(file, 'utf8')) as Omit<StoreLease, 'file'>;
    } catch {
      continue; // half-written by a process that died while starting
    }
    if (lease.host === hostname() && !isRunning(lease.pid)) {
      rmSync(file, { force: true });
      continue;
    }
    live.push({ ...lease, file });
  }
  return live;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

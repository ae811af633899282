import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

interface Holder {
  pid: number;
  host: string;
}

/**
 * One linker per link file: several API processes may share DATA_DIR, and two appending the same
 * chain would interleave their lines. The first takes `<file>.lock` (created exclusively); a lock
 * left by a crashed process on this host (its pid gone) is taken over; one from another host counts
 * as held until its operator removes it. Returns the release, or undefined when another holds it.
 */
export function takeLinkerLock(file: string): (() => void) | undefined {
  const lock = `${file}.lock`;
  const me: Holder = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, JSON.stringify(me), { flag: 'wx', mode: 0o644 });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!isStale(lock)) return undefined;
      rmSync(lock, { force: true });
    }
  }
  return undefined;
}

function isStale(lock: string): boolean {
  let holder: Holder;
  try {
    holder = JSON.parse(readFileSync(lock, 'utf8')) as Holder;
  } catch {
    return true; // half-written by a process that died while starting
  }
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

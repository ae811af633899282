import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { WardShape } from './synthetic-ward';

export const ROOT = join(__dirname, '../../..');
const CACHE_DIR = join(ROOT, 'bench', '.cache');

/**
 * Builds a SQLite event store holding `wards` with as many generator processes as there are cores
 * (each writes its wards into a part file), then merges the parts in ward order with one native
 * INSERT … SELECT. Built stores are kept in bench/.cache, keyed by the spec and by the source of the
 * generator and of the domain libraries, so a rerun only copies the file.
 */
export async function buildFixtureStore(target: string, wards: WardShape[], options: { parallelism?: number; useCache?: boolean } = {}): Promise<{ events: number; cached: boolean; seconds: number }> {
  const started = Date.now();
  const cached = join(CACHE_DIR, `${cacheKey(wards)}.db`);
  if (options.useCache !== false && existsSync(cached)) {
    copyFileSync(cached, target);
    return { events: countEvents(target), cached: true, seconds: (Date.now() - started) / 1000 };
  }
  const parallelism = Math.max(1, Math.min(options.parallelism ?? 2, wards.length));
  const parts = Array.from({ length: parallelism }, (_, i) => `${target}.part${i}`);
  const slices = parts.map((_, i) => wards.filter((__, w) => Math.floor((w * parallelism) / wards.length) === i));
  await Promise.all(parts.map((part, i) => generatePart(part, slices[i])));
  mergeParts(target, parts);
  if (options.useCache !== false) {
    mkdirSync(CACHE_DIR, { recursive: true });
    copyFileSync(target, `${cached}.tmp`);
    renameSync(`${cached}.tmp`, cached);
  }
  return { events: countEvents(target), cached: false, seconds: (Date.now() - started) / 1000 };
}

function generatePart(file: string, wards: WardShape[]): Promise<void> {
  rmSync(file, { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'generate-part.ts'), file], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`fixture generator exited with ${code}`))));
    child.stdout.resume();
    child.stdin.end(JSON.stringify(wards));
  });
}

function mergeParts(target: string, parts: string[]): void {
  rmSync(target, { force: true });
  copyFileSync(parts[0], target);
  const db = new Database(target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  parts.slice(1).forEach((part, i) => {
    db.exec(`ATTACH DATABASE '${part.replace(/'/g, "''")}' AS part${i}`);
    db.exec(`INSERT INTO events (id, stream, revision, type, data, metadata) SELECT id, stream, revision, type, data, metadata FROM part${i}.events ORDER BY position`);
    db.exec(`DETACH DATABASE part${i}`);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  parts.forEach((part) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(part + suffix, { force: true })));
}

function countEvents(file: string): number {
  const db = new Database(file, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
  db.close();
  return n;
}

/** Changes whenever the spec or any source that shapes the stored events changes. */
function cacheKey(wards: WardShape[]): string {
  const hash = createHash('sha256').update(JSON.stringify(wards));
  const generator = ['fixture-writer.ts', 'synthetic-ward.ts', 'generate-part.ts'].map((name) => join(__dirname, name));
  const sources = [...['kernel', 'catalogue', 'review', 'audit', 'event-store'].map((lib) => join(ROOT, 'libs', lib, 'src'))];
  for (const file of [...generator, ...sources.flatMap(listTs).sort()]) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  connectEventStoreDb,
  holdStoreLease,
  liveStoreLeases,
  LogKey,
  logKeyFromSigningKey,
  SqliteEventStore,
  SqliteLogReader,
} from '@pdca/event-store';
import { Environment, readSigningKeyFile } from '@pdca/platform';
import { copyLog, CopyProgress, CopyRow } from './copy-log';
import { CopyNames, CopyVerification, selectedEvents, verifyCopy } from './verify-copy';
import { streamsOf } from './ward-streams';

export interface MigrateOptions {
  to?: string;
  /** `esdb://…`: the way back, from EventStoreDB into an SQLite store named by `to` (`sqlite:PATH`). */
  from?: string;
  ward?: string;
  json: boolean;
}

/** Exit codes: 0 copied and verified; 1 copied but the copy does not verify against the source. */
export const MIGRATE_NOT_VERIFIED = 1;

const ESDB_URL = /^esdb(\+discover)?:\/\//;
const USAGE =
  'usage: pdca migrate --to esdb://host:2113[?tls=false] [--ward <wardId>] [--json]\n       pdca migrate --from esdb://host:2113[?tls=false] --to sqlite:<events.db or folder> [--ward <wardId>] [--json]';
const BACK: CopyNames = { sqlite: 'target (SQLite)', esdb: 'source (EventStoreDB)' };

/**
 * `pdca migrate --to esdb://… [--ward W]`: copies the embedded store's log (or one ward's streams)
 * into EventStoreDB in order, then verifies the copy against the source. Safe to rerun at any time:
 * a rerun appends only what the target lacks, which is also how the final pass of a switch-over
 * works (see README, "Moving to EventStoreDB"). The source is opened read-only.
 *
 * `pdca migrate --from esdb://… --to sqlite:PATH` is the way back, with the same copy and the same
 * check the other way round. PATH is usually the SQLite store the ward left at the switch-over: its
 * events are found there by id and only what EventStoreDB took since is appended, so the positions
 * (and the checkpoints signed on SQLite) stay as they were.
 */
export async function migrateCommand(
  environment: Environment,
  options: MigrateOptions,
  out: (line: string) => void,
  progress: (line: string) => void,
): Promise<number> {
  if (options.from !== undefined) return migrateBack(environment, options, out, progress);
  if (!options.to || !ESDB_URL.test(options.to)) throw new Error(USAGE);
  if (environment.EVENTSTORE_URL)
    throw new Error(
      'migrate reads the embedded SQLite store of DATA_DIR; unset EVENTSTORE_URL for it (the target is --to)',
    );
  const storeFile = join(environment.DATA_DIR, 'events.db');
  if (!existsSync(storeFile)) throw new Error(`no event store at ${storeFile}`);
  const include = streamsOf(options.ward);
  const logKey = logKeyOf(environment);
  const source = new SqliteLogReader(storeFile);
  const target = connectEventStoreDb(options.to);
  try {
    const started = performance.now();
    const copied = await copyLog(source.pages(), target, include, reporter(progress));
    const copySeconds = (performance.now() - started) / 1000;
    const verification = await verifyCopy(source, target, include, logKey);
    return report(options, copied, copySeconds, verification, 'forward', out);
  } finally {
    source.close();
    await target.close();
  }
}

/**
 * The way back. The target is written through the SQLite adapter as the API writes it (positions
 * issued in order, each event linked into the log chain, with the key of TRANSPARENCY_SIGNING_KEY_FILE
 * when set), but with the events' own ids, revisions and metadata (their audit chain), unchanged.
 * A store a service has open is refused: stop the API and the worker first.
 */
async function migrateBack(
  environment: Environment,
  options: MigrateOptions,
  out: (line: string) => void,
  progress: (line: string) => void,
): Promise<number> {
  if (!options.from || !ESDB_URL.test(options.from) || !options.to?.startsWith('sqlite:')) throw new Error(USAGE);
  const storeFile = sqliteFileOf(options.to.slice('sqlite:'.length), environment);
  const leases = liveStoreLeases(storeFile);
  if (leases.length > 0)
    throw new Error(
      `refused: the store ${storeFile} is in use (${leases.map((l) => `${l.app} pid ${l.pid} on ${l.host}`).join(', ')}); stop the API and the worker first`,
    );
  mkdirSync(dirname(storeFile), { recursive: true });
  const include = streamsOf(options.ward);
  const logKey = logKeyOf(environment);
  const source = connectEventStoreDb(options.from);
  const release = holdStoreLease(storeFile, 'migrate');
  try {
    const target = new SqliteEventStore(storeFile, { logKey });
    const started = performance.now();
    let copied: CopyProgress;
    try {
      copied = await copyLog(rowsOf(source, include), target, include, reporter(progress));
    } finally {
      await target.close();
    }
    const copySeconds = (performance.now() - started) / 1000;
    const reader = new SqliteLogReader(storeFile);
    try {
      const verification = await verifyCopy(reader, source, include, logKey, BACK);
      return report(options, copied, copySeconds, backwards(verification), 'back', out);
    } finally {
      reader.close();
    }
  } finally {
    release();
    await source.close();
  }
}

/** `sqlite:` alone is DATA_DIR's store; a folder gets events.db in it. */
function sqliteFileOf(path: string, environment: Environment): string {
  const file = resolve(path || environment.DATA_DIR);
  return (existsSync(file) && statSync(file).isDirectory()) || !path ? join(file, 'events.db') : file;
}

/** The key the log's links are made with (without it: plain SHA-256 links, and content compared only). */
function logKeyOf(environment: Environment): LogKey | undefined {
  const keyFile = environment.TRANSPARENCY_SIGNING_KEY_FILE;
  return keyFile ? logKeyFromSigningKey(readSigningKeyFile(keyFile)) : undefined;
}

/** EventStoreDB's events as the rows the copy writes: data and metadata as the JSON text SQLite stores. */
async function* rowsOf(
  store: ReturnType<typeof connectEventStoreDb>,
  include: (stream: string) => boolean,
): AsyncGenerator<CopyRow[]> {
  const page: CopyRow[] = [];
  for await (const event of selectedEvents(store, include)) {
    page.push({
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
    });
    if (page.length >= 2_000) yield page.splice(0);
  }
  if (page.length > 0) yield page;
}

/** The check is made SQLite-side first; going back, EventStoreDB is the source: the figures swap sides. */
function backwards(v: CopyVerification): CopyVerification {
  return {
    ...v,
    events: { source: v.events.target, target: v.events.source },
    streams: { source: v.streams.target, target: v.streams.source, chainsIntact: v.streams.chainsIntact },
    merkleRoot: { source: v.merkleRoot.target, target: v.merkleRoot.source },
  };
}

function reporter(progress: (line: string) => void): (p: CopyProgress) => void {
  let reported = 0;
  return (p) => {
    if (p.selected - reported < 10_000) return;
    reported = p.selected;
    progress(`migrate: ${p.selected} events read, ${p.appended} appended, ${p.alreadyThere} already on the target`);
  };
}

function report(
  options: MigrateOptions,
  copied: CopyProgress,
  copySeconds: number,
  verification: CopyVerification,
  direction: 'forward' | 'back',
  out: (line: string) => void,
): number {
  const scope = options.ward ? `ward ${options.ward}` : 'the whole log';
  if (options.json) out(JSON.stringify({ scope, direction, copied, copySeconds, verification }, null, 2));
  else out(describe(scope, copied, copySeconds, verification, direction));
  return verification.intact ? 0 : MIGRATE_NOT_VERIFIED;
}

function describe(
  scope: string,
  copied: CopyProgress,
  seconds: number,
  v: CopyVerification,
  direction: 'forward' | 'back',
): string {
  const summary = [
    `copied ${scope}: ${copied.appended} events appended, ${copied.alreadyThere} already on the target, in ${seconds.toFixed(1)} s`,
    `events: source ${v.events.source}, target ${v.events.target}; streams: source ${v.streams.source}, target ${v.streams.target}, audit chains ${v.streams.chainsIntact ? 'intact' : 'BROKEN'}`,
    `log chain${direction === 'back' ? ' of the SQLite target' : ''}: ${v.logChain.linksRecomputed} links recomputed from ${direction === 'back' ? "EventStoreDB's" : "the target's"} events${v.logChain.linksWithoutKey ? `, ${v.logChain.linksWithoutKey} made with a key not at hand (content compared)` : ''}${v.logChain.legacyEvents ? `, ${v.logChain.legacyEvents} events from before the log chain` : ''}; head ${v.logChain.head ?? '(none)'}`,
    `Merkle root with the ${direction === 'back' ? "SQLite target's" : 'source'} positions: ${v.merkleRoot.target}`,
  ];
  if (v.intact) return [`verified — 移行先は移行元と一致します`, ...summary].join('\n');
  return [`NOT verified — 移行先が移行元と一致しません`, ...summary, ...v.problems.map((p) => `  ${p}`)].join('\n');
}

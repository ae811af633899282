import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connectEventStoreDb, logKeyFromSigningKey, SqliteLogReader } from '@pdca/event-store';
import { Environment, readSigningKeyFile } from '@pdca/platform';
import { copyLog } from './copy-log';
import { CopyVerification, verifyCopy } from './verify-copy';
import { streamsOf } from './ward-streams';

export interface MigrateOptions {
  to?: string;
  ward?: string;
  json: boolean;
}

/** Exit codes: 0 copied and verified; 1 copied but the copy does not verify against the source. */
export const MIGRATE_NOT_VERIFIED = 1;

/**
 * `pdca migrate --to esdb://… [--ward W]`: copies the embedded store's log (or one ward's streams)
 * into EventStoreDB in order, then verifies the copy against the source. Safe to rerun at any time:
 * a rerun appends only what the target lacks, which is also how the final pass of a switch-over
 * works (see README, "Moving to EventStoreDB"). The source is opened read-only.
 */
export async function migrateCommand(environment: Environment, options: MigrateOptions, out: (line: string) => void, progress: (line: string) => void): Promise<number> {
  if (!options.to || !/^esdb(\+discover)?:\/\//.test(options.to)) throw new Error('usage: pdca migrate --to esdb://host:2113[?tls=false] [--ward <wardId>] [--json]');
  if (environment.EVENTSTORE_URL) throw new Error('migrate reads the embedded SQLite store of DATA_DIR; unset EVENTSTORE_URL for it (the target is --to)');
  const storeFile = join(environment.DATA_DIR, 'events.db');
  if (!existsSync(storeFile)) throw new Error(`no event store at ${storeFile}`);
  const include = streamsOf(options.ward);
  // The key the source's links were made with, to recompute them over the copy (without it: content compared only).
  const keyFile = environment.TRANSPARENCY_SIGNING_KEY_FILE;
  const logKey = keyFile ? logKeyFromSigningKey(readSigningKeyFile(keyFile)) : undefined;
  const source = new SqliteLogReader(storeFile);
  const target = connectEventStoreDb(options.to);
  try {
    const started = performance.now();
    let reported = 0;
    const copied = await copyLog(source, target, include, (p) => {
      if (p.selected - reported < 10_000) return;
      reported = p.selected;
      progress(`migrate: ${p.selected} events read, ${p.appended} appended, ${p.alreadyThere} already on the target`);
    });
    const copySeconds = (performance.now() - started) / 1000;
    const verification = await verifyCopy(source, target, include, logKey);
    const scope = options.ward ? `ward ${options.ward}` : 'the whole log';
    if (options.json) out(JSON.stringify({ scope, copied, copySeconds, verification }, null, 2));
    else out(describe(scope, copied, copySeconds, verification));
    return verification.intact ? 0 : MIGRATE_NOT_VERIFIED;
  } finally {
    source.close();
    await target.close();
  }
}

function describe(scope: string, copied: Awaited<ReturnType<typeof copyLog>>, seconds: number, v: CopyVerification): string {
  const summary = [
    `copied ${scope}: ${copied.appended} events appended, ${copied.alreadyThere} already on the target, in ${seconds.toFixed(1)} s`,
    `events: source ${v.events.source}, target ${v.events.target}; streams: source ${v.streams.source}, target ${v.streams.target}, audit chains ${v.streams.chainsIntact ? 'intact' : 'BROKEN'}`,
    `log chain: ${v.logChain.linksRecomputed} links recomputed from the target's events${v.logChain.linksWithoutKey ? `, ${v.logChain.linksWithoutKey} made with a key not at hand (content compared)` : ''}${v.logChain.legacyEvents ? `, ${v.logChain.legacyEvents} events from before the log chain` : ''}; head ${v.logChain.head ?? '(none)'}`,
    `Merkle root with the source positions: ${v.merkleRoot.target}`,
  ];
  if (v.intact) return [`verified — 移行先は移行元と一致します`, ...summary].join('\n');
  return [`NOT verified — 移行先が移行元と一致しません`, ...summary, ...v.problems.map((p) => `  ${p}`)].join('\n');
}

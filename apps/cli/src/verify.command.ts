import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyStore, VerificationReport } from '@pdca/audit';
import type { EventStore } from '@pdca/event-store';
import { Environment, readSigningKeyFile } from '@pdca/platform';
import {
  checkpointNotesFrom,
  cosignatureStatus,
  finding,
  parseCosignerKey,
  witnessedEntriesFrom,
  Finding,
  formatVerifierKey,
  KEY_STREAM,
  KeptCheckpoint,
  KIND_LABEL,
  LogVerification,
  logLinkFileOf,
  NamedLogKey,
  NoteVerifierKey,
  parseVerifierKey,
  rotationKeysOf,
  transparencyOrigin,
  unpinnedKeyFindings,
  verifierKeyOf,
  verifyServiceLog,
} from '@pdca/transparency';
import { verifierKeysFrom } from './verifier-keys';

export interface VerifyOptions {
  ward?: string;
  json: boolean;
  /** Files or URLs of checkpoints a witness kept (`--against`). */
  against?: string[];
  /** Verifier keys trusted from outside (`--key`), beside the key file's and those rotation events name. */
  key?: string[];
  /**
   * A witness's pinned log keys (`--log-key`: a key, or a file of them such as `<state>.log-keys`):
   * then only these verify checkpoints, and any key the key file or a rotation event names that is
   * not among them is named `key-not-pinned`.
   */
  logKey?: string[];
}

/**
 * `pdca verify`: every stream's hash chain and published chain heads, then the whole log (its
 * chain, with the key every link; the Merkle tree against the service's and any witness's signed
 * checkpoints). Prints "intact" or each finding by name; exit 0 intact, 1 not.
 */
export async function verifyCommand(
  store: EventStore,
  options: VerifyOptions,
  out: (line: string) => void,
  service?: { environment: Environment; storeFile?: string },
): Promise<number> {
  // Without the service's configuration (a bare copy), the log is checked against witnesses and --key only.
  const environment = service?.environment;
  const against = await witnessed(options.against ?? []);
  const pinned = options.logKey?.length
    ? options.logKey.flatMap((key) => verifierKeysFrom(key, '--log-key'))
    : undefined;
  const signingKey = environment?.TRANSPARENCY_SIGNING_KEY_FILE
    ? readSigningKeyFile(environment.TRANSPARENCY_SIGNING_KEY_FILE)
    : undefined;
  const origin = environment ? transparencyOrigin(environment.PUBLIC_BASE_URL) : undefined;
  const log = await verifyServiceLog({
    store:
      service?.storeFile ??
      (environment?.EVENTSTORE_URL || !environment ? store : join(environment.DATA_DIR, 'events.db')),
    origin,
    signingKey,
    checkpointFile: environment ? join(environment.DATA_DIR, 'transparency-checkpoints.jsonl') : undefined,
    linkFile: environment?.EVENTSTORE_URL ? logLinkFileOf(environment.DATA_DIR) : undefined,
    witnessed: against.kept,
    keys: (options.key ?? []).map(keyFrom),
    pinnedKeys: pinned,
  });
  const unpinned = pinned ? unpinnedKeyFindings(await keysNamedByService(store, signingKey, origin), pinned) : [];
  const extra = [...against.cosignatures, ...unpinned];
  if (extra.length > 0) Object.assign(log, { intact: false, findings: [...log.findings, ...extra] });
  const filter = options.ward
    ? (stream: string) => new RegExp(`^[a-z]+-${options.ward}(?:-|$)`).test(stream)
    : undefined;
  const streams = coveredByLogChain(log) ? covered(log) : await verifyStore(store, filter);
  if (options.json) out(JSON.stringify({ intact: streams.intact && log.intact, streams, log }, null, 2));
  else out(describe(streams, log));
  return streams.intact && log.intact ? 0 : 1;
}

/**
 * When every event's link was recomputed with the key and the whole log is intact, every stored
 * byte (each event's per-stream hash and the chain heads publications pin included) is as the
 * service wrote it: recomputing the per-stream chains (parsing and canonicalising every event,
 * most of a million-event verify) could find nothing more. They are recomputed whenever the log
 * chain is not keyed (EventStoreDB, a bare copy), has legacy events, or found anything.
 */
const coveredByLogChain = (log: LogVerification): boolean =>
  log.keyed && log.intact && log.legacy === 0 && log.events > 0 && !log.notYetLinked;

const covered = (log: LogVerification): StreamReport => ({
  intact: true,
  streams: 0,
  events: log.events,
  anchorsChecked: 0,
  breaks: [],
  coveredByLogChain: true,
});

type StreamReport = VerificationReport & { coveredByLogChain?: boolean };

async function witnessed(sources: string[]): Promise<{ kept: KeptCheckpoint[]; cosignatures: Finding[] }> {
  const kept: KeptCheckpoint[] = [];
  const cosignatures: Finding[] = [];
  for (const source of sources) {
    const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
    kept.push(...checkpointNotesFrom(text).map((note) => ({ note, source: `witness ${source}` })));
    cosignatures.push(...cosignatureFindings(text, `witness ${source}`));
  }
  return { kept, cosignatures };
}

/** A witness file (`pdca witness`) names its cosigner on every line: each cosignature must verify with it. */
function cosignatureFindings(text: string, source: string): Finding[] {
  return witnessedEntriesFrom(text).flatMap((entry) => {
    const cosigner = parseCosignerKey(entry.cosigner);
    const status = cosigner ? cosignatureStatus(entry.note, cosigner) : 'invalid';
    if (status === 'valid') return [];
    const why = status === 'missing' ? 'carries no cosignature by' : 'carries a cosignature that does not verify with';
    return [
      finding(
        'checkpoint-not-signed',
        { checkpoint: { treeSize: entry.treeSize, source } },
        `証人の連署が証人の鍵 ${entry.cosigner} で確認できません（写しの改変または別の鍵）。`,
        `the checkpoint ${why} the witness's key ${entry.cosigner} (the copy was altered, or another key)`,
      ),
    ];
  });
}

/** The log keys the service names: its key file's public half, and every key a rotation event names, as stored. */
async function keysNamedByService(
  store: EventStore,
  signingKey: KeyObject | undefined,
  origin: string | undefined,
): Promise<NamedLogKey[]> {
  const file =
    signingKey && origin ? [{ key: formatVerifierKey(verifierKeyOf(origin, createPublicKey(signingKey))) }] : [];
  return [...file, ...rotationKeysOf(await store.readStream(KEY_STREAM))];
}

function keyFrom(text: string): NoteVerifierKey {
  const key = parseVerifierKey(text);
  if (!key) throw new Error(`--key ${text}: not a verifier key (name+id+base64)`);
  return key;
}

function describe(streams: StreamReport, log: LogVerification): string {
  const perStream = streams.coveredByLogChain
    ? 'per-stream chains covered by the keyed log chain'
    : `${streams.streams} streams, ${streams.anchorsChecked} published chain heads`;
  const scope = `${log.events} events, ${perStream}, ${log.checkpointsChecked} checkpoints${log.keyed ? ', every link checked with the key' : ', links not checked with a key'}${notYetLinked(log)}`;
  const findings = [...log.findings, ...streams.breaks.map(fromStreamBreak)];
  if (findings.length === 0) return `intact — 改ざんは検出されませんでした (${scope})`;
  return [`NOT intact — 改ざんを検出しました (${scope})`, ...findings.map(line)].join('\n');
}

/** EventStoreDB: the events after the linker's last link are covered by checkpoints only, until linked. */
const notYetLinked = (log: LogVerification): string =>
  log.notYetLinked ? ` up to position ${log.linkedUpTo}; ${log.notYetLinked} events after it not yet linked` : '';

function line(f: Finding): string {
  const where =
    f.position !== undefined
      ? ` at position ${f.position}${f.stream ? ` (${f.stream} revision ${f.revision}, event ${f.eventId})` : ''}`
      : f.checkpoint
        ? ` checkpoint of ${f.checkpoint.treeSize} events${f.checkpoint.time ? ` signed ${f.checkpoint.time}` : ''} (${f.checkpoint.source})`
        : '';
  return `${f.kind}: ${KIND_LABEL[f.kind]}${where}\n       ${f.detail.en}\n       ${f.detail.ja}`;
}

/** The per-stream chain's findings in the same words. */
function fromStreamBreak(b: VerificationReport['breaks'][number]): Finding {
  const kind = b.problem === 'unchained' ? 'forged' : b.problem;
  return {
    kind,
    position: b.position,
    eventId: b.eventId,
    stream: b.stream,
    revision: b.revision,
    detail: { en: `stream chain: ${b.detail}`, ja: `ストリームの連鎖: ${b.detail}` },
  };
}

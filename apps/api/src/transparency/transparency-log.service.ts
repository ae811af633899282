import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { createPublicKey, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EVENT_STORE, EventStore, LogKey, logKeyFromSigningKey, storedForm } from '@pdca/event-store';
import { CLOCK, Clock } from '@pdca/kernel';
import { Environment, readSigningKeyFile } from '@pdca/platform';
import {
  CheckpointFile,
  CheckpointReason,
  ConsistencyProof,
  ed25519Signer,
  eventLeafHash,
  formatCheckpoint,
  formatVerifierKey,
  InclusionProof,
  KEY_ROTATED,
  KEY_STREAM,
  firstBrokenLink,
  LogLinkFile,
  LogVerification,
  logLinkFileOf,
  MerkleTree,
  NoteSigner,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signNote,
  StoredCheckpoint,
  transparencyOrigin,
  verifierKeyOf,
  verifyLogTail,
  verifyServiceLog,
} from '@pdca/transparency';
import { LogLinkerService } from './log-linker.service';
import {
  eventAfterTree,
  eventNotInLog,
  signingKeyNotConfigured,
  sizesOutOfOrder,
  treeTooLarge,
} from './transparency-errors';

const PAGE = 2_000;

export interface PublishedKey {
  name: string;
  keyId: string;
  algorithm: 'Ed25519';
  /** name+id+base64(0x01 || key), the form signed-note verifiers (and `pdca checkpoint-verify`) read. */
  verifierKey: string;
  publicKeyPem: string;
  /** false for a key that signed earlier checkpoints before a rotation (still verifies them). */
  current: boolean;
}

/**
 * The Merkle tree over the whole log in global-position order, kept in memory and extended from
 * the store on every request (the store is the truth; the tree is rebuilt from zero at start, so
 * a log altered underneath shows up as a different root). Signs checkpoints on demand.
 */
@Injectable()
export class TransparencyLogService implements OnModuleInit {
  private readonly logger = new Logger('transparency');
  private readonly tree = new MerkleTree();
  /** positions[i]: global position of leaf i (strictly increasing, not necessarily contiguous). */
  private readonly positions: number[] = [];
  private catchingUp: Promise<void> = Promise.resolve();
  private signer?: NoteSigner;
  private publicKey?: KeyObject;
  private signing: Promise<unknown> = Promise.resolve();
  private logKey?: LogKey;
  readonly origin: string;
  /** Every checkpoint the service signed, outside the event store (see checkpoint-file.ts). */
  readonly checkpoints: CheckpointFile;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly environment: Environment,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly linker: LogLinkerService,
  ) {
    // A schema-less URL names the log (C2SP): the service's public address plus /transparency.
    this.origin = transparencyOrigin(environment.PUBLIC_BASE_URL);
    this.checkpoints = new CheckpointFile(join(environment.DATA_DIR, 'transparency-checkpoints.jsonl'));
  }

  get configured(): boolean {
    return this.signer !== undefined;
  }

  onModuleInit(): void {
    const file = this.environment.TRANSPARENCY_SIGNING_KEY_FILE;
    if (!file) {
      this.logger.warn(
        'TRANSPARENCY_SIGNING_KEY_FILE is not set: no checkpoints are signed (the public checkpoint endpoints answer 503)',
      );
      return;
    }
    const privateKey = readSigningKeyFile(file);
    this.logKey = logKeyFromSigningKey(privateKey);
    this.signer = ed25519Signer(this.origin, privateKey);
    this.publicKey = createPublicKey(privateKey);
  }

  /** The log as it is now, signed: a C2SP checkpoint note. */
  async signedCheckpoint(): Promise<string> {
    const signer = this.requireSigner();
    const size = await this.currentSize();
    return signNote(
      formatCheckpoint({
        origin: this.origin,
        treeSize: size,
        rootHash: this.tree.root(size),
        time: this.clock.now().toISOString(),
      }),
      [signer],
    );
  }

  /**
   * Signs the log as it is now and keeps the checkpoint (file and feed). Skipped when the log has
   * not grown since the last kept one, unless the key changed: a rotation is signed by the new key.
   * One at a time, so checkpoints are kept in order of size.
   */
  signAndKeep(reason: CheckpointReason): Promise<StoredCheckpoint | undefined> {
    const run = this.signing
      .catch(() => undefined)
      .then(async () => {
        const signer = this.requireSigner();
        const latest = this.checkpoints.latest();
        const size = await this.currentSize();
        const signerKey = this.currentVerifierKey();
        if (latest && latest.signer === signerKey && Number(latest.note.split('\n')[1]) === size) return undefined;
        const contradicted = (latest && this.contradicts(latest)) || (await this.unlinkedSince(latest));
        if (contradicted) throw new Error(`refusing to sign: ${contradicted} (run \`pdca verify\`)`);
        const note = signNote(
          formatCheckpoint({
            origin: this.origin,
            treeSize: size,
            rootHash: this.tree.root(size),
            time: this.clock.now().toISOString(),
          }),
          [signer],
        );
        const kept: StoredCheckpoint = { reason, note, signer: signerKey };
        this.checkpoints.append(kept);
        return kept;
      });
    this.signing = run;
    return run;
  }

  /**
   * A key that differs from the one that signed the last kept checkpoint is a rotation: an event
   * names both public keys (its log link is made with the new key, so the database cannot swap
   * them unseen) and the new key signs a checkpoint. Old checkpoints keep verifying with the old key.
   */
  async recordKeyRotation(): Promise<boolean> {
    const previous = this.checkpoints.latest()?.signer;
    const next = this.currentVerifierKey();
    if (!previous || previous === next) return false;
    const recordedAt = this.clock.now().toISOString();
    const id = randomUUID();
    await this.store.append(
      KEY_STREAM,
      [
        {
          id,
          type: KEY_ROTATED,
          data: { previousKey: previous, nextKey: next, rotatedAt: recordedAt },
          metadata: { actor: 'system:transparency', role: 'system', correlationId: id, causationId: id, recordedAt },
        },
      ],
      { expectedRevision: 'any' },
    );
    await this.signAndKeep('rotation');
    this.logger.log(`signing key rotated: ${previous} → ${next}`);
    return true;
  }

  /**
   * The service never signs a log that is not an extension of the last checkpoint it kept: an
   * insider's edit of the database must not be blessed by the next signature.
   */
  private contradicts(latest: StoredCheckpoint): string | undefined {
    const text = parseNote(latest.note)?.text;
    const kept = text ? parseCheckpoint(text) : undefined;
    if (!kept) return undefined;
    if (kept.treeSize > this.tree.size)
      return `the log holds ${this.tree.size} events, the last checkpoint signed ${kept.treeSize}`;
    return this.tree.root(kept.treeSize).equals(kept.rootHash)
      ? undefined
      : `the log's first ${kept.treeSize} events differ from the last checkpoint`;
  }

  /**
   * SQLite: the events since the last checkpoint must be linked with the key (not written into the
   * file directly). EventStoreDB: the linker must not have refused (its log no longer extends its
   * links), and each event linked since the last checkpoint must still make its link.
   */
  private async unlinkedSince(latest: StoredCheckpoint | undefined): Promise<string | undefined> {
    const size = latest ? Number(latest.note.split('\n')[1]) : 0;
    if (this.environment.EVENTSTORE_URL) {
      const refusal = await this.linker.refusal();
      if (refusal) return `the log linker refused: ${refusal}`;
      if (!this.logKey) return undefined;
      const links = new LogLinkFile(logLinkFileOf(this.environment.DATA_DIR));
      const log = { positions: this.positions, leaf: (i: number) => this.tree.leaf(i) };
      return firstBrokenLink(this.logKey, links.linksFrom(size > 0 ? this.positions[size - 1] : 0), log, size);
    }
    if (!this.logKey) return undefined;
    const from = size >= 2 ? this.positions[size - 2] : 0;
    const [first] = verifyLogTail(join(this.environment.DATA_DIR, 'events.db'), this.logKey, from);
    return first ? `${first.kind} at position ${first.position}: ${first.detail.en}` : undefined;
  }

  /** The same check as `pdca verify` (log chain with the key, every kept checkpoint), for the API's verification. */
  verifyLog(): Promise<LogVerification> {
    const file = this.environment.TRANSPARENCY_SIGNING_KEY_FILE;
    return verifyServiceLog({
      store: this.environment.EVENTSTORE_URL ? this.store : join(this.environment.DATA_DIR, 'events.db'),
      origin: this.origin,
      signingKey: file ? readSigningKeyFile(file) : undefined,
      checkpointFile: this.checkpoints.path,
      linkFile: this.environment.EVENTSTORE_URL ? logLinkFileOf(this.environment.DATA_DIR) : undefined,
    });
  }

  /**
   * The first kept checkpoint whose tree holds the event at `position`: what a published report
   * prints (issue 13). When none does yet (the report's first render, before the checkpoint the
   * publication triggers), one is signed now; from then on the first covering checkpoint never
   * changes (the file only grows), so the report renders to the same bytes. Undefined without a
   * key, or when the service refuses to sign (a log that contradicts its last checkpoint).
   */
  async checkpointCovering(
    position: number,
  ): Promise<{ treeSize: number; rootHash: string; keyId: string; time: string } | undefined> {
    if (!this.signer) return undefined;
    await this.currentSize();
    const leafIndex = this.leafIndexOf(position);
    if (leafIndex === undefined) return undefined;
    const first = () =>
      this.checkpoints.readAll().flatMap((kept) => {
        const checkpoint = parseCheckpoint(parseNote(kept.note)?.text ?? '');
        return checkpoint && checkpoint.treeSize > leafIndex
          ? [{ checkpoint, keyId: kept.signer.split('+')[1] ?? '' }]
          : [];
      })[0];
    const found = first() ?? (await this.signAndKeep('publication').catch(() => undefined), first());
    return (
      found && {
        treeSize: found.checkpoint.treeSize,
        rootHash: found.checkpoint.rootHash.toString('base64'),
        keyId: found.keyId,
        time: found.checkpoint.time ?? '',
      }
    );
  }

  async inclusionProof(position: number, treeSize: number): Promise<InclusionProof & { position: number }> {
    this.requireSigner();
    const size = await this.currentSize();
    if (treeSize > size) throw treeTooLarge('treeSize', treeSize, size);
    const leafIndex = this.leafIndexOf(position);
    if (leafIndex === undefined) throw eventNotInLog(position);
    if (leafIndex >= treeSize) throw eventAfterTree(position, leafIndex, treeSize);
    return {
      position,
      leafIndex,
      treeSize,
      leafHash: this.tree.leaf(leafIndex),
      hashes: this.tree.inclusionProof(leafIndex, treeSize),
    };
  }

  async consistencyProof(from: number, to: number): Promise<ConsistencyProof> {
    this.requireSigner();
    const size = await this.currentSize();
    if (to > size) throw treeTooLarge('to', to, size);
    if (from > to) throw sizesOutOfOrder(from, to);
    return { fromSize: from, toSize: to, hashes: this.tree.consistencyProof(from, to) };
  }

  /** The current key first, then every earlier key that signed a kept checkpoint. */
  publishedKeys(): PublishedKey[] {
    this.requireSigner();
    const current = this.currentVerifierKey();
    const earlier = [...new Set(this.checkpoints.readAll().map((c) => c.signer))].filter((k) => k !== current);
    return [current, ...earlier].flatMap((text) => {
      const key = parseVerifierKey(text);
      return key
        ? [
            {
              name: key.name,
              keyId: key.keyId.toString(16).padStart(8, '0'),
              algorithm: 'Ed25519' as const,
              verifierKey: text,
              publicKeyPem: key.publicKey.export({ format: 'pem', type: 'spki' }) as string,
              current: text === current,
            },
          ]
        : [];
    });
  }

  currentVerifierKey(): string {
    this.requireSigner();
    return formatVerifierKey(verifierKeyOf(this.origin, this.publicKey!));
  }

  private requireSigner(): NoteSigner {
    if (!this.signer) throw signingKeyNotConfigured();
    return this.signer;
  }

  /** Reads the events appended since the last call (one reader at a time) and returns the log's size. */
  private async currentSize(): Promise<number> {
    this.catchingUp = this.catchingUp.catch(() => undefined).then(() => this.readNewEvents());
    await this.catchingUp;
    return this.tree.size;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const after = this.positions.length > 0 ? this.positions[this.positions.length - 1] : 0;
      const events = await storedForm(this.store).readAll({ after, maxCount: PAGE }); // as stored: personal texts sealed
      for (const event of events) {
        this.tree.append(eventLeafHash(event));
        this.positions.push(event.position);
      }
      if (events.length < PAGE) return;
      // Let requests in between pages: the first read of a large log takes seconds of hashing.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private leafIndexOf(position: number): number | undefined {
    let [low, high] = [0, this.positions.length - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.positions[middle] === position) return middle;
      if (this.positions[middle] < position) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

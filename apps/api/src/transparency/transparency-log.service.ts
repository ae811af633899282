import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { CLOCK, Clock } from '@pdca/kernel';
import { Environment, readSigningKeyFile } from '@pdca/platform';
import {
  ConsistencyProof, ed25519Signer, eventLeafHash, formatCheckpoint, formatVerifierKey, InclusionProof, MerkleTree, NoteSigner, signNote, verifierKeyOf,
} from '@pdca/transparency';
import { eventAfterTree, eventNotInLog, signingKeyNotConfigured, sizesOutOfOrder, treeTooLarge } from './transparency-errors';

const PAGE = 2_000;

export interface PublishedKey {
  name: string;
  keyId: string;
  algorithm: 'Ed25519';
  /** name+id+base64(0x01 || key), the form signed-note verifiers (and `pdca checkpoint-verify`) read. */
  verifierKey: string;
  publicKeyPem: string;
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
  readonly origin: string;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly environment: Environment, @Inject(CLOCK) private readonly clock: Clock) {
    // A schema-less URL names the log (C2SP): the service's public address plus /transparency.
    const base = new URL(environment.PUBLIC_BASE_URL);
    this.origin = `${base.host}${base.pathname.replace(/\/+$/, '')}/transparency`;
  }

  onModuleInit(): void {
    const file = this.environment.TRANSPARENCY_SIGNING_KEY_FILE;
    if (!file) {
      this.logger.warn('TRANSPARENCY_SIGNING_KEY_FILE is not set: no checkpoints are signed (the public checkpoint endpoints answer 503)');
      return;
    }
    const privateKey = readSigningKeyFile(file);
    this.signer = ed25519Signer(this.origin, privateKey);
    this.publicKey = createPublicKey(privateKey);
  }

  /** The log as it is now, signed: a C2SP checkpoint note. */
  async signedCheckpoint(): Promise<string> {
    const signer = this.requireSigner();
    const size = await this.currentSize();
    return signNote(formatCheckpoint({ origin: this.origin, treeSize: size, rootHash: this.tree.root(size), time: this.clock.now().toISOString() }), [signer]);
  }

  async inclusionProof(position: number, treeSize: number): Promise<InclusionProof & { position: number }> {
    this.requireSigner();
    const size = await this.currentSize();
    if (treeSize > size) throw treeTooLarge('treeSize', treeSize, size);
    const leafIndex = this.leafIndexOf(position);
    if (leafIndex === undefined) throw eventNotInLog(position);
    if (leafIndex >= treeSize) throw eventAfterTree(position, leafIndex, treeSize);
    return { position, leafIndex, treeSize, leafHash: this.tree.leaf(leafIndex), hashes: this.tree.inclusionProof(leafIndex, treeSize) };
  }

  async consistencyProof(from: number, to: number): Promise<ConsistencyProof> {
    this.requireSigner();
    const size = await this.currentSize();
    if (to > size) throw treeTooLarge('to', to, size);
    if (from > to) throw sizesOutOfOrder(from, to);
    return { fromSize: from, toSize: to, hashes: this.tree.consistencyProof(from, to) };
  }

  publishedKeys(): PublishedKey[] {
    this.requireSigner();
    const key = verifierKeyOf(this.origin, this.publicKey!);
    return [{
      name: key.name, keyId: key.keyId.toString(16).padStart(8, '0'), algorithm: 'Ed25519',
      verifierKey: formatVerifierKey(key), publicKeyPem: this.publicKey!.export({ format: 'pem', type: 'spki' }) as string,
    }];
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
      const events = await this.store.readAll({ after, maxCount: PAGE });
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

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChainedEventStore } from '@pdca/audit';
import { logKeyFromSigningKey, NewEvent, SqliteEventStore } from '@pdca/event-store';
import { readSigningKeyFile } from '@pdca/platform';

/** Distinct streams per ward that one round of commands touches at once (the store commits them as a group). */
const STREAMS_PER_WARD = 20;

/**
 * A source store as the service writes it: every event hash-chained to its stream (metadata.hash,
 * prevHash) and linked into the whole log with an HMAC under the key derived from `keyFile`'s
 * signing key. Commands of 1–2 events, the wards interleaved, data with Japanese text and floats.
 */
export class SourceStore {
  private readonly revisions = new Map<string, number>();
  private commands = 0;

  private constructor(
    readonly dataDir: string,
    readonly keyFile: string,
  ) {}

  static create(dataDir: string): SourceStore {
    const keyFile = join(dataDir, '..', `signing-key-${randomUUID().slice(0, 8)}.pem`);
    writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
    });
    return new SourceStore(dataDir, keyFile);
  }

  get file(): string {
    return join(this.dataDir, 'events.db');
  }

  /** `rounds` rounds of one command on each of STREAMS_PER_WARD streams of every ward. */
  async write(wards: string[], rounds: number): Promise<void> {
    const store = new ChainedEventStore(
      new SqliteEventStore(this.file, { logKey: logKeyFromSigningKey(readSigningKeyFile(this.keyFile)) }),
    );
    try {
      for (let round = 0; round < rounds; round++) {
        const streams = wards.flatMap((ward) =>
          Array.from({ length: STREAMS_PER_WARD }, (_, s) => `item-${ward}-${s}`),
        );
        await Promise.all(
          streams.map((stream) => {
            const n = ++this.commands;
            const expected = this.revisions.get(stream) ?? -1;
            const events = Array.from({ length: n % 3 === 0 ? 2 : 1 }, (_, i) => eventOf(n, i));
            this.revisions.set(stream, expected + events.length);
            return store.append(stream, events, { expectedRevision: expected < 0 ? 'no_stream' : expected });
          }),
        );
      }
    } finally {
      await store.close();
    }
  }
}

function eventOf(command: number, index: number): NewEvent {
  return {
    id: randomUUID(),
    type: index === 0 ? 'ItemRated' : 'ItemCommented',
    data: {
      command,
      index,
      actual: { text: `実施 ① 第${command}号（Ⅱ）` },
      ratio: command / 7,
      grades: ['A+', 'B'],
      none: null,
    },
    metadata: {
      actor: `ward.sec${command % 9}`,
      role: 'section_staff',
      correlationId: `c-${command}`,
      causationId: `ward.sec/k-${command}`,
      recordedAt: new Date(Date.UTC(2026, 3, 1, 9, 0, command)).toISOString(),
      reason: '課長決裁',
    },
  };
}

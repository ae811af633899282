// Child process for the crash test: appends batches of three events as fast as it can and
// prints one line per acknowledged append. The parent SIGKILLs it mid-burst.
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@pdca/event-store';
import { anEvent } from '../event-store.behaviour';

const file = process.argv[2];
const store = new SqliteEventStore(file);
const streams = Array.from({ length: 32 }, (_, i) => `burst-${i}`);

async function writer(stream: string): Promise<void> {
  for (let revision = -1; ; revision += 3) {
    const batch = [anEvent('One'), anEvent('Two'), anEvent('Three')];
    await store.append(stream, batch, { expectedRevision: revision < 0 ? 'no_stream' : revision });
    writeSync(1, `${JSON.stringify({ stream, ids: batch.map((e) => e.id) })}\n`);
  }
}

writeSync(1, `${JSON.stringify({ ready: randomUUID() })}\n`);
streams.forEach((stream) => void writer(stream));

import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chainEvents, GENESIS } from '@pdca/audit';
import type { NewEvent } from '@pdca/event-store';
import { configureDurableDatabase, createEventTables } from '../../../libs/event-store/src/sqlite/sqlite-schema';

/**
 * The raw limit of a durable append on this disk: better-sqlite3 on the events table our store uses,
 * WAL with synchronous=FULL, one single-row INSERT per autocommit transaction (an fsync each), on the
 * calling thread with nothing else — no store, no writer thread, no hash computed in the loop. The row
 * is what our API stores for a project's "submit actual": the ActualSubmitted event with the metadata
 * and hash chain it records. Every scenario-1 ratio is against this rate.
 */
export function rawAppendRate(file: string, ms: number): { rate: number; latenciesMs: number[] } {
  const db = new Database(file);
  configureDurableDatabase(db);
  createEventTables(db);
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, 0, ?, ?, ?)');
  try {
    const until = performance.now() + ms;
    // Each INSERT's own time (its commit and fsync): the disk's tail, the floor of any command's p99.
    const latenciesMs: number[] = [];
    while (performance.now() < until) {
      const stream = `evaluation-raw-2026-project-P${latenciesMs.length + 1}`;
      const [event] = chainEvents(stream, GENESIS, [submitActualEvent(stream)]);
      const started = performance.now();
      insert.run(event.id, stream, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
      latenciesMs.push(performance.now() - started);
    }
    return { rate: latenciesMs.length / (ms / 1000), latenciesMs };
  } finally {
    db.close();
  }
}

function submitActualEvent(stream: string): NewEvent {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'ActualSubmitted',
    data: {
      item: { wardId: 'raw', fiscalYear: 2026, kind: 'project', itemId: stream.slice(-8) },
      sectionId: 'sec001',
      actual: { kind: 'project', text: '令和8年度 実施（計17か所）' },
      late: false,
      submittedAt: now,
    },
    metadata: {
      actor: 'raw.sec001', role: 'section_staff', wardId: 'raw', sectionId: 'sec001', correlationId: randomUUID(), causationId: randomUUID(),
      commandType: 'SubmitActual', requestFingerprint: randomUUID(), recordedAt: now,
    },
  };
}

import type { RecordedEvent } from '@pdca/event-store';

/** An import (or its reversion) opens with one of these on its own stream… */
const OPENING: Record<string, 'import' | 'reversion'> = {
  ImportStarted: 'import',
  ImportReversionStarted: 'reversion',
};
/** …and closes with one of these; until then its effects are written but not yet shown. */
const CLOSING: Record<string, 'import' | 'reversion' | undefined> = {
  ImportCompleted: 'import',
  ImportReverted: 'reversion',
  ImportAbandoned: undefined,
};

interface BatchData {
  wardId: string;
  importId: string;
  batch?: 'import' | 'reversion';
}

const keyOf = (data: BatchData, kind: 'import' | 'reversion') => `${data.wardId}/${data.importId}/${kind}`;

/**
 * Holds back every event from the opening of a batch until its closing event, then lets them all
 * through in log order: the read models show an import whole or not at all, also while it is being
 * applied and after a crash (start-up finishes the batch; until then the models stay before it).
 * Holding the whole log rather than the batch's own events keeps the order every projection relies
 * on; batches are short (seconds), and commands answered meanwhile report `projected: false`.
 */
export class BatchGate {
  private held: RecordedEvent[] = [];
  private readonly closed = new Set<string>();

  /**
   * Whether the event may be projected at once: nothing is held and it opens no batch — nearly every
   * event. The runner asks this first, which spares `offer`'s array per event on a rebuild.
   */
  passes(event: RecordedEvent): boolean {
    return this.held.length === 0 && !(event.type in OPENING);
  }

  /** The events that may be projected now, in order. */
  offer(event: RecordedEvent): RecordedEvent[] {
    if (this.held.length === 0 && !(event.type in OPENING)) return [event];
    this.held.push(event);
    if (event.type in CLOSING) {
      const data = event.data as BatchData;
      this.closed.add(keyOf(data, CLOSING[event.type] ?? data.batch ?? 'import'));
    }
    return this.release();
  }

  /** Events held back: a batch was opened and is not closed yet. */
  get holding(): number {
    return this.held.length;
  }

  private release(): RecordedEvent[] {
    let count = 0;
    for (const event of this.held) {
      if (event.type in OPENING && !this.closed.has(keyOf(event.data as BatchData, OPENING[event.type]))) break;
      count++;
    }
    const released = this.held.slice(0, count);
    this.held = this.held.slice(count);
    for (const event of released) {
      if (event.type in OPENING) this.closed.delete(keyOf(event.data as BatchData, OPENING[event.type]));
    }
    return released;
  }
}

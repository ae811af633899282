import type { RecordedEvent } from '@pdca/event-store';
import { ChainHead, GENESIS, hashOf } from './hash-chain';

export type ChainProblem = 'altered' | 'removed' | 'reordered' | 'unchained';

export interface ChainBreak {
  stream: string;
  /** The revision where the chain first fails. */
  revision: number;
  eventId?: string;
  position?: number;
  problem: ChainProblem;
  detail: string;
}

export type StreamVerdict = { intact: true; head: ChainHead } | ({ intact: false } & ChainBreak);

/** Recomputes one stream's chain, events in the order the store returns them (by revision). */
export function verifyStream(stream: string, events: readonly RecordedEvent[]): StreamVerdict {
  let previous = GENESIS;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const at = { stream, revision: i, eventId: event.id, position: event.position };
    if (event.revision > i)
      return broken(at, 'removed', `revision ${i} is missing; the next stored revision is ${event.revision}`);
    if (event.revision < i)
      return broken(at, 'reordered', `revision ${event.revision} appears after revision ${i - 1}`);
    if (typeof event.metadata.hash !== 'string') return broken(at, 'unchained', 'the event carries no hash');
    if (hashOf(stream, event.revision, event) !== event.metadata.hash)
      return broken(at, 'altered', 'the content does not match its hash');
    if ((event.metadata.prevHash ?? '') !== previous.hash) {
      return broken(
        at,
        'removed',
        'the link to the previous event does not match (an event before it was removed or replaced)',
      );
    }
    previous = { revision: event.revision, hash: event.metadata.hash };
  }
  return { intact: true, head: previous };
}

/** A published report pins chain heads: history up to them must still be exactly there. */
export function verifyAnchor(stream: string, events: readonly RecordedEvent[], anchor: ChainHead): StreamVerdict {
  const anchored = events[anchor.revision];
  if (!anchored) {
    return broken(
      { stream, revision: anchor.revision },
      'removed',
      `the published report pinned revision ${anchor.revision}, which is no longer stored`,
    );
  }
  if (anchored.metadata.hash !== anchor.hash) {
    return broken(
      { stream, revision: anchor.revision, eventId: anchored.id, position: anchored.position },
      'altered',
      'the event differs from the one the published report pinned',
    );
  }
  return verifyStream(stream, events);
}

function broken(at: Omit<ChainBreak, 'problem' | 'detail'>, problem: ChainProblem, detail: string): StreamVerdict {
  return { intact: false, ...at, problem, detail };
}

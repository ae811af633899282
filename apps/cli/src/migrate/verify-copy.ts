import { verifyStore } from '@pdca/audit';
import {
  EventStore,
  linkHash,
  linkTag,
  logEntry,
  LogKey,
  LogRow,
  RecordedEvent,
  SqliteLogReader,
} from '@pdca/event-store';
import { MerkleTree, rowLeafHash } from '@pdca/transparency';
import { everyStream } from './ward-streams';

const PAGE = 2_000;

/** How the report names the two sides: the SQLite store and EventStoreDB are source and target, or (going back) the reverse. */
export interface CopyNames {
  sqlite: string;
  esdb: string;
}
const FORWARD: CopyNames = { sqlite: 'source', esdb: 'target' };
const MAX_LISTED = 10;

interface Head {
  revision: number;
  hash: string;
}

export interface CopyVerification {
  intact: boolean;
  events: { source: number; target: number };
  streams: { source: number; target: number; chainsIntact: boolean };
  /** The log chain: links recomputed from the target's events (with the source's positions), and the head they reach. */
  logChain: { linksRecomputed: number; linksWithoutKey: number; legacyEvents: number; head: string | null };
  /** The transparency tree over the copied events in target order, with the source positions: equal to the source's. */
  merkleRoot: { source: string; target: string };
  problems: string[];
}

/**
 * Checks the EventStoreDB side against the SQLite side after a copy (either way), walking both in
 * log order side by side (the doc below says source for SQLite and target for EventStoreDB):
 * - counts: as many selected events on each side, none extra on the target;
 * - order and content: the n-th target event has the n-th source event's stream, revision, id,
 *   type, data and metadata byte for byte (the log entry the link hash covers);
 * - the log chain: EventStoreDB assigns its own positions and stores no link, so each source link
 *   is recomputed from the target's event placed at the source's position; equal links mean the
 *   chain the source's checkpoints sign covers the target's events, and its head is reported;
 * - per-stream heads: revision and audit-chain hash of every stream's newest event, and every
 *   stream's audit chain recomputed on the target (the same check as `pdca verify`).
 */
export async function verifyCopy(
  source: SqliteLogReader,
  target: EventStore,
  include: (stream: string) => boolean,
  logKey?: LogKey,
  names: CopyNames = FORWARD,
): Promise<CopyVerification> {
  const { sqlite: S, esdb: E } = names;
  const problems: string[] = [];
  const note = (problem: string) => problems.length < MAX_LISTED && problems.push(problem);
  const sourceHeads = new Map<string, Head>();
  const targetHeads = new Map<string, Head>();
  const sourceTree = new MerkleTree();
  const targetTree = new MerkleTree();
  const chain = { linksRecomputed: 0, linksWithoutKey: 0, legacyEvents: 0, head: null as string | null };
  const targetEvents = selectedEvents(target, include);
  let sourceCount = 0;
  let targetCount = 0;
  let previousLink: string | null | undefined;

  for (const page of source.pages()) {
    for (const row of page) {
      if (!include(row.stream)) continue;
      sourceCount++;
      sourceHeads.set(row.stream, {
        revision: row.revision,
        hash: hashOf(JSON.parse(row.metadata) as RecordedEvent['metadata']),
      });
      sourceTree.append(rowLeafHash(row));
      const next = await targetEvents.next();
      if (next.done) continue;
      targetCount++;
      const event = next.value;
      targetHeads.set(event.stream, { revision: event.revision, hash: hashOf(event.metadata) });
      const copied = {
        ...event,
        position: row.position,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
      };
      targetTree.append(rowLeafHash(copied));
      if (logEntry(copied) !== logEntry(row))
        note(
          `${S} position ${row.position} (${row.stream} revision ${row.revision}, ${row.id}): the ${E}'s event there is ${event.stream} revision ${event.revision}, ${event.id}, or differs in content`,
        );
      checkLink(row, logEntry(copied));
    }
  }
  for (let extra = await targetEvents.next(); !extra.done; extra = await targetEvents.next()) {
    targetCount++;
    targetHeads.set(extra.value.stream, { revision: extra.value.revision, hash: hashOf(extra.value.metadata) });
    note(
      `the ${E} holds ${extra.value.stream} revision ${extra.value.revision} (${extra.value.id}) after the last ${S} event`,
    );
  }
  if (sourceCount !== targetCount) note(`events: ${S} ${sourceCount}, ${E} ${targetCount}`);
  for (const [stream, head] of sourceHeads) {
    const copied = targetHeads.get(stream);
    if (!copied || copied.revision !== head.revision || copied.hash !== head.hash)
      note(
        `stream ${stream}: ${S} head revision ${head.revision} ${head.hash}, ${E} ${copied ? `revision ${copied.revision} ${copied.hash}` : 'missing'}`,
      );
  }
  const chains = await verifyStore(target, include);
  if (!chains.intact)
    note(
      `audit chain of ${chains.firstBreak?.stream} on the ${E}: ${chains.firstBreak?.problem} at revision ${chains.firstBreak?.revision}`,
    );
  const merkleRoot = { source: sourceTree.root().toString('base64'), target: targetTree.root().toString('base64') };
  if (merkleRoot.source !== merkleRoot.target) note(`the Merkle root over the ${E} differs from the ${S}'s`);
  return {
    intact: problems.length === 0,
    events: { source: sourceCount, target: targetCount },
    streams: { source: sourceHeads.size, target: targetHeads.size, chainsIntact: chains.intact },
    logChain: chain,
    merkleRoot,
    problems,
  };

  /** Recomputes the source's link over the target's entry; with a ward filter, the links between wards are the source's. */
  function checkLink(row: LogRow, entry: string): void {
    if (row.logHash === null) {
      previousLink = null;
      return void chain.legacyEvents++;
    }
    if (typeof previousLink === 'string' && row.logPrev !== previousLink && include === everyStream)
      note(`log chain: position ${row.position} does not link to the event before it`);
    previousLink = row.logHash;
    const tag = linkTag(row.logHash);
    if (tag !== 'h' && tag !== `k${logKey?.id}`) return void chain.linksWithoutKey++;
    if (linkHash(tag === 'h' ? undefined : logKey, row.logPrev ?? '', entry) !== row.logHash)
      note(`log chain: the link of ${S} position ${row.position} does not recompute from the ${E}'s event`);
    else chain.linksRecomputed++;
    chain.head = row.logHash;
  }
}

function hashOf(metadata: RecordedEvent['metadata']): string {
  return typeof metadata.hash === 'string' ? metadata.hash : '';
}

/** The selected events of a store (EventStoreDB here) in its log order, a page at a time. */
export async function* selectedEvents(
  target: EventStore,
  include: (stream: string) => boolean,
): AsyncGenerator<RecordedEvent> {
  for (let after = 0; ;) {
    const page = await target.readAll({ after, maxCount: PAGE });
    if (page.length === 0) return;
    for (const event of page) if (include(event.stream)) yield event;
    after = page[page.length - 1].position;
  }
}

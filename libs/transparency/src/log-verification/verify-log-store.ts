import type { EventStore, LogKey, LogRow, RecordedEvent } from '@pdca/event-store';
import { LOG_GENESIS, storedForm } from '@pdca/event-store';
import { eventLeafHash } from '../event-leaf';
import { StoredLink } from '../log-links/log-link-file';
import { MerkleTree } from '../merkle-tree';
import { NoteVerifierKey } from '../signed-note';
import { ChainChecker } from './chain-findings';
import { Finding, finding } from './findings';
import { KEY_STREAM } from './log-keys';
import { keysNamedBy, LogVerification, LogVerificationOptions, logVerdict } from './log-verdict';
import { streamHashHolds } from './verify-log-file';

/**
 * A store through the port (EventStoreDB: its `$all` order): the Merkle tree against the kept
 * checkpoints and, with the key and the linker's links (kept outside the store, see LogLinker),
 * every linked event's link recomputed by the same checker as SQLite's. Events after the last link
 * are counted as not yet linked. `$all` positions are offsets the server assigns, so an event
 * cannot move between others: a link that points past its predecessor is a removal, an event in
 * the linked range without a link was inserted, one that no longer makes its link was altered.
 */
export async function verifyLogStore(
  store: EventStore,
  options: LogVerificationOptions,
  links: readonly StoredLink[],
  pageSize: number,
): Promise<LogVerification> {
  const key = links.length > 0 ? options.logKey : undefined;
  const linkedUpTo = key ? links[links.length - 1].position : 0;
  const checker = new ChainChecker({ key, rowOfLink: () => undefined, contiguousPositions: false, streamHashHolds });
  const tree = new MerkleTree();
  const findings: Finding[] = [];
  const rotatedKeys: NoteVerifierKey[] = [];
  let next = 0;
  let notYetLinked = 0;
  for await (const event of eventsOf(store, pageSize)) {
    const leaf = eventLeafHash(event);
    tree.append(leaf);
    if (!key || event.position > linkedUpTo) {
      notYetLinked++;
      continue;
    }
    const skipped = next;
    while (next < links.length && links[next].position < event.position) next++;
    if (skipped === 0 && next > 0) findings.push(gone('removed', links.slice(0, next))); // before the first event
    const linked = links[next]?.position === event.position;
    const row = rowOf(event, next > 0 ? links[next - 1].link : LOG_GENESIS, linked ? links[next].link : unmade(key));
    if (linked) next++;
    checker.check(row, leaf);
    if (row.stream === KEY_STREAM && checker.lastSelf === 'ok') rotatedKeys.push(...keysNamedBy(row));
  }
  findings.unshift(...checker.finish());
  if (next < links.length) findings.push(gone(notYetLinked > 0 ? 'removed' : 'truncated', links.slice(next)));
  const verdict = logVerdict(
    tree,
    0,
    findings,
    { ...options, keys: [...options.keys, ...rotatedKeys] },
    checker.isKeyed,
  );
  return options.logKey ? { ...verdict, linkedUpTo, notYetLinked } : verdict;
}

async function* eventsOf(store: EventStore, pageSize: number): AsyncGenerator<RecordedEvent> {
  for (let after = 0; ;) {
    // The leaves are over the events as stored, personal texts sealed (an erasure changes none of them).
    const page = await storedForm(store).readAll({ after, maxCount: pageSize });
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].position;
  }
}

/** The event as a log row, its link taken from the link file (the entry is the tree's leaf's). */
const rowOf = (event: RecordedEvent, logPrev: string, logHash: string): LogRow => ({
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  id: event.id,
  type: event.type,
  data: JSON.stringify(event.data),
  metadata: JSON.stringify(event.metadata),
  logPrev,
  logHash,
});

/** An event in the linked range the linker never linked: a link of the key that no content makes. */
const unmade = (key: LogKey): string => `k${key.id}:`;

function gone(kind: 'removed' | 'truncated', links: readonly StoredLink[]): Finding {
  const [first, last] = [links[0].position, links[links.length - 1].position];
  return finding(
    kind,
    { position: first },
    `連結済みの位置 ${first}〜${last} の記録（${links.length} 件）がログにありません（削除）。`,
    `the ${links.length} linked event(s) at positions ${first}–${last} are not in the log any more (removed)`,
  );
}

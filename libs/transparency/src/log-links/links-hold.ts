import type { LogKey } from '@pdca/event-store';
import { linkHash, linkTag, LOG_GENESIS } from '@pdca/event-store';
import { StoredLink } from './log-link-file';

export interface LinkedLeaves {
  /** `$all` position of each leaf, in log order. */
  positions: readonly number[];
  leaf(index: number): Buffer;
}

/**
 * Before the API signs a checkpoint on EventStoreDB: every linked event from leaf `from` on must
 * still make its link, so an edit of the server's files after linking is never signed over (as the
 * SQLite signer refuses unlinked rows). `links` start at the link of leaf `from - 1` (or the first).
 * Names the first break in words for the refusal; `verify` names every break as findings.
 */
export function firstBrokenLink(
  key: LogKey,
  links: readonly StoredLink[],
  log: LinkedLeaves,
  from: number,
): string | undefined {
  const linkedUpTo = links.length > 0 ? links[links.length - 1].position : -1;
  let next = 0;
  let previous = from > 0 && links[0]?.position === log.positions[from - 1] ? links[next++].link : LOG_GENESIS;
  if (from > 0 && previous === LOG_GENESIS && log.positions[from] <= linkedUpTo)
    return `the link of position ${log.positions[from - 1]} is missing`;
  for (let i = from; i < log.positions.length && log.positions[i] <= linkedUpTo; i++) {
    const position = log.positions[i];
    const stored = links[next];
    if (stored?.position !== position)
      return stored && stored.position < position
        ? `the event linked at position ${stored.position} is gone`
        : `the event at position ${position} was never linked`;
    next++;
    if (linkTag(stored.link) === `k${key.id}` && linkHash(key, previous, log.leaf(i)) !== stored.link)
      return `the event at position ${position} no longer matches its link`;
    previous = stored.link;
  }
  return undefined;
}

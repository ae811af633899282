import { storedForm } from '@pdca/event-store';
import type { EventStore, RecordedEvent } from '@pdca/event-store';
import { ChainBreak, verifyAnchor, verifyStream } from './chain-verification';
import type { ChainHead } from './hash-chain';

export interface VerificationReport {
  intact: boolean;
  streams: number;
  events: number;
  anchorsChecked: number;
  /** The first break, by global position, when the history was altered. */
  firstBreak?: ChainBreak;
  breaks: ChainBreak[];
}

const PUBLICATIONS = new Set(['ReportPublished', 'ReportCorrected']);

/**
 * Reads every event (optionally only streams the filter accepts), recomputes every stream's chain
 * and checks every chain head that a published report pinned.
 */
export async function verifyStore(
  store: EventStore,
  includeStream: (stream: string) => boolean = () => true,
  pageSize = 5_000,
): Promise<VerificationReport> {
  const byStream = new Map<string, RecordedEvent[]>();
  let count = 0;
  for (let after = 0; ;) {
    // The chains cover the events as stored, personal texts sealed: an erasure changes no hashed byte.
    const page = await storedForm(store).readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      if (!includeStream(event.stream)) continue;
      count++;
      const events = byStream.get(event.stream) ?? [];
      events.push(event);
      byStream.set(event.stream, events);
    }
    after = page[page.length - 1].position;
  }
  const anchors = collectAnchors(byStream);
  const breaks: ChainBreak[] = [];
  for (const [stream, events] of byStream) {
    events.sort((a, b) => a.revision - b.revision);
    const anchor = latestAnchor(anchors.get(stream));
    const verdict = anchor ? verifyAnchor(stream, events, anchor) : verifyStream(stream, events);
    if (!verdict.intact) breaks.push(verdict);
  }
  for (const [stream, heads] of anchors) {
    if (!byStream.has(stream))
      breaks.push({
        stream,
        revision: latestAnchor(heads)!.revision,
        problem: 'removed',
        detail: 'a stream pinned by a published report is missing',
      });
  }
  const ordered = [...breaks].sort(
    (a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER),
  );
  const anchorsChecked = [...anchors.values()].reduce((n, heads) => n + heads.length, 0);
  return {
    intact: breaks.length === 0,
    streams: byStream.size,
    events: count,
    anchorsChecked,
    firstBreak: ordered[0],
    breaks: ordered,
  };
}

function collectAnchors(byStream: Map<string, RecordedEvent[]>): Map<string, ChainHead[]> {
  const anchors = new Map<string, ChainHead[]>();
  for (const events of byStream.values()) {
    for (const event of events) {
      if (!PUBLICATIONS.has(event.type)) continue;
      const heads = (event.data as { chainHeads?: Record<string, ChainHead> }).chainHeads ?? {};
      for (const [stream, head] of Object.entries(heads)) anchors.set(stream, [...(anchors.get(stream) ?? []), head]);
    }
  }
  return anchors;
}

const latestAnchor = (heads: ChainHead[] | undefined) => heads?.reduce((a, b) => (b.revision > a.revision ? b : a));

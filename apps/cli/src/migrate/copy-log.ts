import type { EventMetadata, EventStore, LogRow, NewEvent } from '@pdca/event-store';

/** An event as stored, data and metadata as their JSON text: what both directions copy. */
export type CopyRow = Pick<LogRow, 'id' | 'stream' | 'revision' | 'type' | 'data' | 'metadata'>;

/** Events of one stream sent in one append: a command's events stay one atomic write on the target too. */
const MAX_RUN = 500;

export interface CopyProgress {
  /** Source events the filter selected. */
  selected: number;
  /** Appended to the target by this run. */
  appended: number;
  /** Already on the target (a rerun after a crash, or a final pass after a first one). */
  alreadyThere: number;
}

/**
 * Copies the source log (pages of rows in its global order) to the target, one append per run of consecutive events
 * of one stream, each with the source's expected revision and event ids. Appends are awaited one
 * by one, so after a crash the target holds a prefix of the source order, and a rerun continues
 * where the target's streams end: every stream's head is read once and the events already there
 * are checked by id and skipped. A target stream holding other events is never written to.
 */
export async function copyLog(
  source: Iterable<CopyRow[]> | AsyncIterable<CopyRow[]>,
  target: EventStore,
  include: (stream: string) => boolean,
  onProgress: (progress: CopyProgress) => void = () => undefined,
): Promise<CopyProgress> {
  const progress: CopyProgress = { selected: 0, appended: 0, alreadyThere: 0 };
  const targetHeads = new Map<string, number>();
  let run: CopyRow[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    const rows = run;
    run = [];
    const missing = await notYetCopied(target, rows, targetHeads);
    progress.alreadyThere += rows.length - missing.length;
    if (missing.length > 0) {
      const first = missing[0].revision;
      await target.append(rows[0].stream, missing.map(toNewEvent), {
        expectedRevision: first === 0 ? 'no_stream' : first - 1,
      });
      progress.appended += missing.length;
    }
    // The target may already hold more of this stream (a rerun): keep the higher head.
    targetHeads.set(rows[0].stream, Math.max(targetHeads.get(rows[0].stream) ?? -1, rows[rows.length - 1].revision));
    onProgress(progress);
  };
  for await (const page of source) {
    for (const row of page) {
      if (!include(row.stream)) continue;
      progress.selected++;
      const last = run[run.length - 1];
      if (last && (last.stream !== row.stream || last.revision + 1 !== row.revision || run.length >= MAX_RUN))
        await flush();
      run.push(row);
    }
  }
  await flush();
  return progress;
}

/** The rows of a run the target does not hold yet; throws when the target holds something else. */
async function notYetCopied(target: EventStore, rows: CopyRow[], heads: Map<string, number>): Promise<CopyRow[]> {
  const stream = rows[0].stream;
  const head = heads.get(stream) ?? (await target.streamRevision(stream));
  heads.set(stream, head);
  const first = rows[0].revision;
  if (head < first - 1)
    throw new Error(
      `target stream ${stream} ends at revision ${head}, before the source's revision ${first - 1}: it is not a copy of this store (or was truncated); migrate into an empty target`,
    );
  if (head < first) return rows;
  const present = await target.readStream(stream, { fromRevision: first, maxCount: rows.length });
  present.forEach((event, i) => {
    if (event.id !== rows[i].id)
      throw new Error(
        `target stream ${stream} holds event ${event.id} at revision ${event.revision} where the source has ${rows[i].id}: the target is not a copy of this store; nothing more was written`,
      );
  });
  return rows.slice(present.length);
}

/** Data and metadata exactly as stored: the adapter writes JSON.stringify of them, the same text again. */
function toNewEvent(row: CopyRow): NewEvent {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}

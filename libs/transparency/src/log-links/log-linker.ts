import type { EventStore, EventSubscription, LogKey, RecordedEvent } from '@pdca/event-store';
import { linkHash, linkTag, LOG_GENESIS } from '@pdca/event-store';
import { eventLeafHash } from '../event-leaf';
import { LinkTail, LogLinkFile, StoredLink } from './log-link-file';

export interface LinkerLogger {
  log(message: string): void;
  warn(message: string): void;
}

export type LinkerState = 'starting' | 'linking' | 'refused' | 'stopped';

const RETRY_MS = 1_000;

/**
 * Links an EventStoreDB log after commit (issue 13): follows `$all` (the stored, sealed form the
 * tree hashes) from its last linked position and, for each event in `$all` order, makes the same
 * link as the SQLite writer — HMAC under the log key over the previous link and the event's leaf,
 * position included — and appends it to the link file in fsynced batches. It restarts from the
 * file's tail only after checking that the tail's event still makes the tail's link, never rewrites
 * a link, and refuses (warns, stops linking) when the log no longer extends what it linked: an
 * insider's edit is never linked over, as the checkpoint signer never signs over one.
 */
export class LogLinker {
  private tail?: LinkTail;
  private pending: StoredLink[] = [];
  private flushing?: Promise<void>;
  private subscription?: EventSubscription;
  private running?: Promise<void>;
  private wake?: () => void;
  private durable = 0;
  private markChecked!: () => void;
  state: LinkerState = 'starting';
  /** Why it stopped linking, once it refused. */
  refusal?: string;
  /** Settles once the tail was first checked (or could not be read): the signer waits for it. */
  readonly checked = new Promise<void>((resolve) => (this.markChecked = resolve));

  constructor(
    private readonly store: EventStore,
    private readonly key: LogKey,
    private readonly file: LogLinkFile,
    private readonly logger: LinkerLogger,
  ) {}

  /** The position of the last link on disk (0: none yet). */
  get linkedPosition(): number {
    return this.durable;
  }

  start(): void {
    this.file.dropTornLine();
    this.tail = this.file.tail();
    this.durable = this.tail?.position ?? 0;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.markChecked();
    if (this.state !== 'refused') this.state = 'stopped';
    this.wake?.();
    await this.subscription?.close();
    await this.running;
    await this.flushing;
  }

  private async run(): Promise<void> {
    while (this.state === 'starting' || this.state === 'linking') {
      try {
        const problem = this.tail && (await this.tailProblem(this.tail).finally(this.markChecked));
        if (problem) return this.refuse(problem);
        this.markChecked();
        if (this.state !== 'starting' && this.state !== 'linking') return;
        this.state = 'linking';
        this.subscription = this.store.subscribeToAll({ after: this.tail?.position ?? 0 });
        for await (const event of this.subscription) {
          if (this.state !== 'linking') return;
          if (this.tail && event.position <= this.tail.position)
            return this.refuse(
              `$all delivered position ${event.position} at or before the linked ${this.tail.position}`,
            );
          this.link(event);
        }
      } catch (error) {
        if (this.state !== 'linking' && this.state !== 'starting') return;
        this.logger.warn(`log linker: ${(error as Error).message}; following $all again in ${RETRY_MS} ms`);
        await this.subscription?.close().catch(() => undefined);
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, RETRY_MS).unref();
        });
      }
    }
  }

  private link(event: RecordedEvent): void {
    const previousLink = this.tail?.link ?? LOG_GENESIS;
    const link = linkHash(this.key, previousLink, eventLeafHash(event));
    this.tail = { position: event.position, link, previousPosition: this.tail?.position ?? 0, previousLink };
    this.pending.push({ position: event.position, link });
    this.flushing ??= this.flush();
  }

  /** Group commit: whatever arrived while the last batch was written goes in the next. */
  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        await this.file.append(batch);
        this.durable = batch[batch.length - 1].position;
      }
    } catch (error) {
      // Links kept only in memory would leave a hole on restart: stop; the restart continues from the file.
      this.refuse(`the link file could not be written: ${(error as Error).message}`);
    } finally {
      this.flushing = undefined;
    }
  }

  /** Whether the event at the tail's position still makes the tail's link (undefined: it does). */
  private async tailProblem(tail: LinkTail): Promise<string | undefined> {
    const [event] = await this.store.readAll({ after: tail.previousPosition, maxCount: 1 });
    if (!event || event.position !== tail.position)
      return `the event linked at position ${tail.position} is not in the log any more (found ${event ? `position ${event.position}` : 'nothing'} after ${tail.previousPosition})`;
    if (linkTag(tail.link) !== `k${this.key.id}`) {
      this.logger.log(`log linker: the last link was made with an earlier key (${linkTag(tail.link)}); continuing`);
      return undefined;
    }
    return linkHash(this.key, tail.previousLink, eventLeafHash(event)) === tail.link
      ? undefined
      : `the event at position ${tail.position} no longer matches its link`;
  }

  private refuse(why: string): void {
    this.state = 'refused';
    this.refusal = why;
    this.pending = [];
    void this.subscription?.close();
    this.logger.warn(`log linker refuses to link: ${why} (run \`pdca verify\`)`);
  }
}

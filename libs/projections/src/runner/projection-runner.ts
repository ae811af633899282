import type { EventStore, EventSubscription, RecordedEvent } from '@pdca/event-store';
import { projectEvent } from '../project-event';
import { emptyReadModels, ReadModels } from '../read-models';
import { BatchGate } from './batch-gate';

const RESUBSCRIBE_DELAY_MS = 1_000;

interface Waiter {
  position: number;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

/**
 * Keeps the in-memory read models up to date from a catch-up subscription to all events.
 * The position inside the models is the checkpoint: events at or before it are skipped.
 */
/** How long an app's start-up watches for its first catch-up (to compact the heap and log once). */
export const FIRST_CATCH_UP_WATCH_MS = 6 * 60 * 60_000;

/** Events read per page while catching up or rebuilding (see `rebuild`). */
export const CATCH_UP_PAGE = 500;

export class ProjectionRunner {
  private subscription?: EventSubscription;
  private running?: Promise<void>;
  private waiters: Waiter[] = [];
  private failure?: Error;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  /** Imports show whole or not at all; a fresh gate per subscription, which starts after the last event shown. */
  private gate = new BatchGate();

  /** `onEvent` hears every live event the runner applies, after the models include it (in log order). */
  constructor(
    private readonly store: EventStore,
    private models: ReadModels = emptyReadModels(),
    private readonly onEvent?: (event: RecordedEvent) => void,
  ) {}

  get readModels(): ReadModels {
    return this.models;
  }

  get position(): number {
    return this.models.position;
  }

  get error(): Error | undefined {
    return this.failure;
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.gate = new BatchGate();
    this.subscription = this.store.subscribeToAll({ after: this.models.position });
    this.running = this.consume(this.subscription);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.subscription?.close();
    await this.running;
    this.running = undefined;
    this.waiters.forEach((w) => this.settle(w, false));
  }

  /** Read-your-writes: resolves true once the models include `position`, false after the timeout. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.models.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      // A waiter never keeps the process alive by itself: its caller (a request, start-up) does.
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs).unref(),
      };
      this.waiters.push(waiter);
    });
  }

  /**
   * Builds fresh models from the first event up to the current head, without touching the live ones.
   * Pages of 500: a page's parsed events then fit in V8's young generation and die there once
   * projected; pages of 5,000 outlived it, were promoted and made the rebuild ~30 % slower in GC.
   */
  static async rebuild(store: EventStore, upTo?: number, pageSize = CATCH_UP_PAGE): Promise<ReadModels> {
    const models = emptyReadModels();
    const gate = new BatchGate();
    const head = upTo ?? (await store.headPosition());
    for (let after = 0; after < head;) {
      const page = await store.readAll({ after, maxCount: pageSize });
      if (page.length === 0) break;
      for (const event of page) {
        if (event.position > head) return models;
        if (gate.passes(event)) projectEvent(models, event);
        else for (const shown of gate.offer(event)) projectEvent(models, shown);
      }
      after = page[page.length - 1].position;
    }
    return models;
  }

  /** A dropped subscription (server restart, network) resumes from the models' position after a pause. */
  private async consume(subscription: EventSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.apply(event);
        this.failure = undefined;
      }
    } catch (error) {
      this.failure = error as Error;
      if (this.stopped) return;
      this.running = undefined;
      this.retry = setTimeout(() => this.start(), RESUBSCRIBE_DELAY_MS);
    }
  }

  private apply(event: RecordedEvent): void {
    if (this.gate.passes(event)) projectEvent(this.models, event);
    else for (const shown of this.gate.offer(event)) projectEvent(this.models, shown);
    this.onEvent?.(event);
    if (this.waiters.length === 0) return;
    const reached = this.waiters.filter((w) => w.position <= this.models.position);
    reached.forEach((w) => this.settle(w, true));
  }

  private settle(waiter: Waiter, reached: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters = this.waiters.filter((w) => w !== waiter);
    waiter.resolve(reached);
  }
}

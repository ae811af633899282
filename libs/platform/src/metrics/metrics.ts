import { performance } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a command ended, as the client saw it. */
export type CommandOutcome = 'accepted' | 'replayed' | 'rejected' | 'conflict' | 'failed';

/** What the scrape reads at that moment (the API sets it; null: not this process). */
export interface ProjectionProbe {
  position(): number;
  lag(): Promise<{ head: number; lag: number }>;
}
export interface ReminderJobsProbe {
  counts(): Promise<{ waiting: number; delayed: number; failed: number }>;
}

/** Seconds, from 1 ms (a quiet command) to 5 s (the read-your-writes wait gives up at 5 s). */
const COMMAND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** A durable append is one fsync of a group commit: 0.25 ms on fast SSDs to 100 ms+ on a loaded disk. */
const APPEND_BUCKETS = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * The Prometheus metrics of one process. One registry per process (a Prometheus target is a
 * process; memory and event-loop figures are per process anyway): several Nest apps in one test
 * process add to the same counters, and the last app to start provides the probes.
 */
export class Metrics {
  readonly registry = new Registry();
  projection?: ProjectionProbe;
  reminderJobs?: ReminderJobsProbe;

  private readonly commands = new Counter({
    name: 'pdca_commands_total',
    help: 'Commands handled, by command type and outcome.',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly commandDuration = new Histogram({
    name: 'pdca_command_duration_seconds',
    help: 'Time from handling a command to its answer (decide, durable append, projected for read-your-writes), by command type and outcome.',
    labelNames: ['command', 'outcome'] as const,
    buckets: COMMAND_BUCKETS,
    registers: [this.registry],
  });
  private readonly appendDuration = new Histogram({
    name: 'pdca_event_store_append_duration_seconds',
    help: 'Durable appends to the event store (including the wait for the group commit), by outcome.',
    labelNames: ['outcome'] as const,
    buckets: APPEND_BUCKETS,
    registers: [this.registry],
  });
  private readonly emails = new Counter({
    name: 'pdca_emails_total',
    help: 'Reminder e-mails handed to the SMTP server, by outcome (sent, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Aggregators: how the API's cluster primary merges its processes' gauges (README "Several API processes").
    // prom-client calls collect() with the gauge as `this`, so the service needs another name there.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- see above
    const metrics = this;
    new Gauge({
      name: 'pdca_projection_position',
      aggregator: 'min',
      help: 'Global position of the last event in the read models.',
      registers: [this.registry],
      collect() {
        if (metrics.projection) this.set(metrics.projection.position());
      },
    });
    // The saturation signal of a Node process: its event loop's busy time (rate() of it is the share of
    // the time the loop was not waiting for work). The lag percentiles say how late, this says how full.
    let counted = 0;
    new Counter({
      name: 'pdca_event_loop_busy_seconds_total',
      help: "Time this process's event loop spent running (not waiting for I/O or timers), from performance.eventLoopUtilization().",
      registers: [this.registry],
      collect() {
        const busy = performance.eventLoopUtilization().active / 1_000;
        this.inc(Math.max(0, busy - counted));
        counted = Math.max(counted, busy);
      },
    });
    const lag = new Gauge({
      name: 'pdca_projection_lag_events',
      aggregator: 'max',
      help: 'Events in the store not yet in the read models.',
      registers: [this.registry],
    });
    new Gauge({
      name: 'pdca_event_store_head_position',
      aggregator: 'max',
      help: 'Global position of the newest event in the store.',
      registers: [this.registry],
      async collect() {
        if (!metrics.projection) return;
        const now = await metrics.projection.lag();
        this.set(now.head);
        lag.set(now.lag);
      },
    });
    new Gauge({
      name: 'pdca_reminder_jobs',
      aggregator: 'first',
      help: 'Reminder jobs in the queue, by state (waiting, delayed, failed).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        if (!metrics.reminderJobs) return;
        try {
          const counts = await metrics.reminderJobs.counts();
          for (const state of ['waiting', 'delayed', 'failed'] as const) this.set({ state }, counts[state]);
        } catch {
          this.reset(); // Redis away: no figure rather than a stale one, and the rest of the scrape still answers
        }
      },
    });
  }

  observeCommand(command: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ command, outcome });
    this.commandDuration.observe({ command, outcome }, seconds);
  }

  observeAppend(outcome: 'ok' | 'failed', seconds: number): void {
    this.appendDuration.observe({ outcome }, seconds);
  }

  countEmail(outcome: 'sent' | 'failed'): void {
    this.emails.inc({ outcome });
  }
}

let shared: Metrics | undefined;

/** This process's metrics, created on first use. */
export function processMetrics(): Metrics {
  return (shared ??= new Metrics());
}

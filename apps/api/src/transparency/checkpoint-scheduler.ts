import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, EventSubscription } from '@pdca/event-store';
import { Environment } from '@pdca/platform';
import type { CheckpointReason } from '@pdca/transparency';
import { TransparencyLogService } from './transparency-log.service';

const SIGNED_AT: Record<string, CheckpointReason> = { ReportPublished: 'publication', ReportCorrected: 'correction' };

/**
 * When checkpoints are signed (issue 13): at start (the first one after the upgrade, or a
 * rotation), every TRANSPARENCY_CHECKPOINT_INTERVAL_SECONDS when the log grew, and right after
 * every publication and correction. In the API, not the worker: the API already holds the key to
 * serve checkpoints and proofs, and giving a second process the key would widen who can sign.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('transparency');
  private timer?: NodeJS.Timeout;
  private subscription?: EventSubscription;
  private following?: Promise<void>;

  constructor(
    private readonly log: TransparencyLogService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly environment: Environment,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.log.configured) return;
    void this.sign(
      async () =>
        (await this.log.recordKeyRotation()) ||
        this.log.signAndKeep(this.log.checkpoints.latest() ? 'interval' : 'upgrade'),
    );
    const seconds = this.environment.TRANSPARENCY_CHECKPOINT_INTERVAL_SECONDS;
    if (seconds > 0)
      this.timer = setInterval(() => void this.sign(() => this.log.signAndKeep('interval')), seconds * 1_000).unref();
    this.following = this.followPublications();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.close().catch(() => undefined);
    await this.following;
  }

  private async followPublications(): Promise<void> {
    try {
      this.subscription = this.store.subscribeToAll({ after: await this.store.headPosition() });
      for await (const event of this.subscription) {
        const reason = SIGNED_AT[event.type];
        if (reason) await this.sign(() => this.log.signAndKeep(reason));
      }
    } catch (error) {
      this.logger.warn(`stopped following publications for checkpoints: ${(error as Error).message}`);
    }
  }

  private async sign(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(`checkpoint not signed: ${(error as Error).message}`);
    }
  }
}

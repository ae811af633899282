import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Environment } from '@pdca/platform';
import { PublicationProjected } from './publication-projected.event';
import { TransparencyLogService } from './transparency-log.service';

/**
 * When checkpoints are signed (issue 13): at start (the first one after the upgrade, or a
 * rotation), every TRANSPARENCY_CHECKPOINT_INTERVAL_SECONDS when the log grew, and right after
 * every publication and correction, as the projector tells them on the EventBus (one read of the log
 * serves both; a publication by another API process is told too, since every projector reads the whole
 * log). In the API, not the worker: the API already holds the key to serve checkpoints and proofs, and
 * giving a second process the key would widen who can sign.
 */
@Injectable()
@EventsHandler(PublicationProjected)
export class CheckpointScheduler
  implements OnApplicationBootstrap, OnApplicationShutdown, IEventHandler<PublicationProjected>
{
  private readonly logger = new Logger('transparency');
  private timer?: NodeJS.Timeout;
  private signing: Promise<void> = Promise.resolve();

  constructor(
    private readonly log: TransparencyLogService,
    private readonly environment: Environment,
  ) {}

  handle(event: PublicationProjected): void {
    if (!this.log.configured) return;
    // One at a time, in the order told: two quick publications sign two checkpoints, in order.
    this.signing = this.signing.then(() => this.sign(() => this.log.signAndKeep(event.reason)));
  }

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
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.signing;
  }

  private async sign(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(`checkpoint not signed: ${(error as Error).message}`);
    }
  }
}

import { Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { Environment, processMetrics, ProjectionProbe, READINESS_CHECKS } from '@pdca/platform';
import { projectionLag } from './projection-lag';
import { ProjectionsService } from './projections.service';

/** Without a readiness bound, EventStoreDB lag is counted up to this many events. */
const LAG_COUNT_CAP = 10_001;

/** Projection position and lag for /metrics and for readiness. */
@Injectable()
export class ProjectionWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly probe: ProjectionProbe;

  constructor(
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly environment: Environment,
  ) {
    this.probe = { position: () => this.projections.position, lag: () => this.lag() };
  }

  lag() {
    const bound = this.environment.READY_MAX_PROJECTION_LAG;
    return projectionLag(
      this.store,
      this.projections.position,
      !this.environment.EVENTSTORE_URL,
      bound > 0 ? bound + 1 : LAG_COUNT_CAP,
    );
  }

  onApplicationBootstrap(): void {
    processMetrics().projection = this.probe;
  }

  onApplicationShutdown(): void {
    const metrics = processMetrics();
    if (metrics.projection === this.probe) metrics.projection = undefined;
  }
}

@Global()
@Module({
  providers: [
    ProjectionsService,
    ProjectionWatch,
    {
      provide: READINESS_CHECKS,
      inject: [ProjectionsService, ProjectionWatch, Environment],
      // Not ready until caught up with the store as it was at start, nor while more than
      // READY_MAX_PROJECTION_LAG events behind (a load balancer sends reads elsewhere meanwhile).
      useFactory: (projections: ProjectionsService, watch: ProjectionWatch, environment: Environment) => [
        async () => {
          const { head, lag } = await watch.lag();
          const bound = environment.READY_MAX_PROJECTION_LAG;
          const up = projections.caughtUp && (bound === 0 || lag <= bound);
          return {
            projections: { status: up ? 'up' : 'down', position: projections.position, head, lag, maxLag: bound },
          };
        },
      ],
    },
  ],
  exports: [ProjectionsService, READINESS_CHECKS],
})
export class ProjectionsModule {}

import { Global, Module } from '@nestjs/common';
import { READINESS_CHECKS } from '@pdca/platform';
import { ProjectionsService } from './projections.service';

@Global()
@Module({
  providers: [
    ProjectionsService,
    {
      provide: READINESS_CHECKS,
      inject: [ProjectionsService],
      useFactory: (projections: ProjectionsService) => [
        async () => ({ projections: { status: projections.caughtUp ? 'up' : 'down', position: projections.position } }),
      ],
    },
  ],
  exports: [ProjectionsService, READINESS_CHECKS],
})
export class ProjectionsModule {}

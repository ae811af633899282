import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { EventStoreHealthIndicator } from './event-store-health.indicator';
import { RedisHealthIndicator } from './redis-health.indicator';

/** Extra readiness checks an app contributes (projections caught up, queue connected…). */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
export type ReadinessCheck = () => Promise<HealthIndicatorResult>;

@Public()
@ApiTags('health（稼働確認）')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @Optional() @Inject(READINESS_CHECKS) private readonly extraChecks: ReadinessCheck[] = [],
  ) {}

  /** Liveness: the process answers. Nothing external is consulted, so a slow dependency never restarts it. */
  @Get('live')
  @ApiOperation({ summary: 'プロセスが応答する / liveness: the process answers' })
  @ApiOkResponse({
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: the event store must answer. Redis is reported but does not fail the API's
   * readiness, because commands keep working while Redis is away (reminders wait for it).
   */
  @Get('ready')
  @ApiOperation({ summary: 'イベントストアが応答する（Redis は報告のみ）/ readiness: the event store answers' })
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.eventStore.check(),
      async () => {
        const result = await this.redis.check();
        return { redis: { ...result.redis, status: 'up', reachable: result.redis.status === 'up' } };
      },
      ...this.extraChecks,
    ]);
  }
}

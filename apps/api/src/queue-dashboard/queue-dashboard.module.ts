import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { HealthModule } from '@pdca/platform';
import { AuthModule } from '../auth/auth.module';
import { RequestAuthenticator } from '../auth/request-authenticator';
import { dashboardAuth, DASHBOARD_PATH } from './dashboard-auth';
import { QueueDashboard } from './queue-dashboard.service';
import { withoutOutsideFonts } from './without-outside-fonts';

/** Bull Board at /admin/queues for operators (IT staff), behind the API's bearer tokens and sessions. */
@Module({
  imports: [AuthModule, HealthModule],
  providers: [QueueDashboard],
})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly authenticator: RequestAuthenticator,
    private readonly dashboard: QueueDashboard,
  ) {}

  /** Bull Board's plugin in a Fastify scope of its own under /admin/queues, whose hooks authenticate first. */
  onModuleInit(): void {
    if (!this.adapterHost.httpAdapter) return; // an application context without HTTP
    const app = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void app.register(
      async (scope) => {
        scope.addHook('onRequest', dashboardAuth(this.authenticator));
        scope.addHook('onRequest', this.dashboard.requireQueue);
        scope.addHook('onSend', withoutOutsideFonts);
        await scope.register(this.dashboard.plugin());
      },
      { prefix: DASHBOARD_PATH },
    );
  }
}

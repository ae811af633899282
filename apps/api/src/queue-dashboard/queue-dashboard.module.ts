import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { HealthModule } from '@pdca/platform';
import { AuthModule } from '../auth/auth.module';
import { RequestAuthenticator } from '../auth/request-authenticator';
import { dashboardAuth, DASHBOARD_PATH } from './dashboard-auth';
import { QueueDashboard } from './queue-dashboard.service';

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

  /** Mounted on Express directly (Bull Board brings its own router), after Nest's routes and before its 404. */
  onModuleInit(): void {
    if (!this.adapterHost.httpAdapter) return; // an application context without HTTP
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.use(DASHBOARD_PATH, dashboardAuth(this.authenticator), this.dashboard.handle);
  }
}

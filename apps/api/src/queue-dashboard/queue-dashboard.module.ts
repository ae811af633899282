import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { Environment, HealthModule } from '@pdca/platform';
import { AuthModule } from '../auth/auth.module';
import { TokenService } from '../auth/token.service';
import { dashboardAuth, DASHBOARD_PATH } from './dashboard-auth';
import { QueueDashboard } from './queue-dashboard.service';

/** Bull Board at /admin/queues for the planning office, behind the API's bearer tokens. */
@Module({
  imports: [AuthModule, HealthModule],
  providers: [QueueDashboard],
})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly dashboard: QueueDashboard,
    private readonly environment: Environment,
  ) {}

  /** Mounted on Express directly (Bull Board brings its own router), after Nest's routes and before its 404. */
  onModuleInit(): void {
    if (!this.adapterHost.httpAdapter) return; // an application context without HTTP
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    const secure = this.environment.PUBLIC_BASE_URL.startsWith('https:');
    const auth = dashboardAuth((token) => this.tokens.verify(token), { maxAgeSeconds: this.environment.JWT_TTL_SECONDS, secure });
    app.use(DASHBOARD_PATH, auth, this.dashboard.handle);
  }
}

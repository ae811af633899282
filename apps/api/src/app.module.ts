import { CqrsModule } from '@nestjs/cqrs';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CLOCK, systemClock } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { Environment, EnvironmentModule, EventStoreModule, HealthModule, ServeAfterInit } from '@pdca/platform';
import { RecordImprovementsRoute } from './assessments/record-improvements.route';
import { AuditHttpController } from './audit/audit.http.controller';
import { AuditTrailService } from './audit/audit-trail.service';
import { AuthModule } from './auth/auth.module';
import { CatalogueHttpController } from './catalogue/catalogue.http.controller';
import { CatalogueCommands } from './catalogue/catalogue-commands';
import { CatalogueReader } from './catalogue/catalogue-reader.service';
import { CATALOGUE_ROUTES } from './catalogue/catalogue-routes';
import { CommandRunner } from './commands/command-runner.service';
import { CycleCommands } from './cycles/cycle-commands';
import { CYCLE_ROUTES } from './cycles/cycle-routes';
import { CycleReader } from './cycles/cycle-reader.service';
import { EvaluationContextLoader } from './evaluations/evaluation-context.loader';
import { CyclesHttpController } from './cycles/cycles.http.controller';
import { CycleListHttpController } from './cycles/cycle-list.http.controller';
import { OutstandingItemsService } from './cycles/outstanding-items.service';
import { ItemCommands } from './evaluations/item-commands';
import { ITEM_ROUTES } from './evaluations/item-routes';
import { ErrorResponseFilter } from './http/error-response.filter';
import { ImportService } from './imports/import.service';
import { ImportsHttpController } from './imports/imports.http.controller';
import { createValidationPipe } from './http/validation';
import { PersonalDataHttpController } from './personal-data/personal-data.http.controller';
import { PersonalDataService } from './personal-data/personal-data.service';
import { ProjectionsModule } from './projections/projections.module';
import { PublicHttpController } from './public/public.http.controller';
import { PublicReportListHttpController } from './public/public-report-list.http.controller';
import { PUBLIC_DATA_CONTROLLERS, PUBLIC_DATA_PROVIDERS } from './public/public-data';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { QueriesHttpController } from './queries/queries.http.controller';
import { ReminderLedgerHttpController } from './reminders/reminder-ledger.http.controller';
import { SectionWorkbookHttpController } from './section-workbook/section-workbook.http.controller';
import { SectionWorkbookService } from './section-workbook/section-workbook.service';
import { WorkbookPlanner } from './section-workbook/workbook-planner.service';
import { OneOffRemindersHttpController } from './reminders/one-off-reminders.http.controller';
import { RequestOneOffReminder } from './reminders/request-one-off-reminder';
import { PublicationService } from './reports/publication.service';
import { ReportHistoryService } from './reports/report-history.service';
import { ReportsHttpController } from './reports/reports.http.controller';
import { ReportsService } from './reports/reports.service';
import { ReportRenderingService } from './reports/report-rendering.service';
import { MultiYearHttpController } from './reports/multi-year.http.controller';
import { MultiYearService } from './reports/multi-year.service';
import { TransparencyHttpController } from './transparency/transparency.http.controller';
import { TransparencyLogService } from './transparency/transparency-log.service';
import { CheckpointScheduler } from './transparency/checkpoint-scheduler';
import { LogLinkerService } from './transparency/log-linker.service';

export interface ApiOptions {
  /** Tests pass a controllable clock; production uses the system clock. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(environment: Environment, options: ApiOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EnvironmentModule.forRoot(environment),
        // The EventBus carries the projector's news of publications to the checkpoint signer (README, The path of one command).
        CqrsModule.forRoot(),
        EventStoreModule,
        HealthModule,
        ProjectionsModule,
        AuthModule,
        QueueDashboardModule,
      ],
      controllers: [
        CatalogueHttpController,
        ...CATALOGUE_ROUTES,
        CycleListHttpController,
        CyclesHttpController,
        ...CYCLE_ROUTES,
        ...ITEM_ROUTES,
        QueriesHttpController,
        ReportsHttpController,
        RecordImprovementsRoute,
        AuditHttpController,
        PublicHttpController,
        PublicReportListHttpController,
        ImportsHttpController,
        MultiYearHttpController,
        ReminderLedgerHttpController,
        OneOffRemindersHttpController,
        SectionWorkbookHttpController,
        TransparencyHttpController,
        ...PUBLIC_DATA_CONTROLLERS,
        PersonalDataHttpController,
      ],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        CommandRunner,
        CycleReader,
        CatalogueReader,
        EvaluationContextLoader,
        OutstandingItemsService,
        PublicationService,
        ReportHistoryService,
        ReportsService,
        ReportRenderingService,
        AuditTrailService,
        ImportService,
        MultiYearService,
        CatalogueCommands,
        CycleCommands,
        ItemCommands,
        SectionWorkbookService,
        WorkbookPlanner,
        RequestOneOffReminder,
        TransparencyLogService,
        CheckpointScheduler,
        LogLinkerService,
        ...PUBLIC_DATA_PROVIDERS,
        PersonalDataService,
        ServeAfterInit,
      ],
    };
  }
}

import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn, IsOptional } from 'class-validator';
import { CLOCK, Clock } from '@pdca/kernel';
import { reminderLedgerView } from '@pdca/projections';
import { READERS } from '../access/read-policy';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { arrayOf, jsonObject } from '../http/openapi-loose';
import { ConsistencyQuery, CycleParams } from '../http/route-params';
import { ProjectionsService } from '../projections/projections.service';
import { reminderLedgerCsv } from './reminder-ledger-csv';

class LedgerQuery extends ConsistencyQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

const LEDGER_JSON = jsonObject('課ごとの督促 / reminders per section', ['wardId', 'fiscalYear', 'sections'], {
  wardId: { type: 'string' },
  fiscalYear: { type: 'integer' },
  sections: arrayOf(jsonObject('1課分 / one section', ['sectionId', 'items', 'outstanding']), '課ごと / per section'),
});

/**
 * The reminder ledger: per section, how many reminders went out and when, escalations, failures,
 * and how late the first submission after the deadline came. Built from the ReminderSent/Failed
 * events the worker records, so it shows what was sent, not what was planned.
 */
@ApiTags('reminders（督促）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear/reminder-ledger')
@Roles(...READERS.reminderLedger)
export class ReminderLedgerHttpController {
  constructor(
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: '督促の記録（課ごとの督促回数・日時・提出の遅れ、CSV/JSON）/ the reminder ledger' })
  @ApiOkFormats('督促の記録（JSON / ?format=csv）/ the reminder ledger', LEDGER_JSON, ['csv'])
  @ApiErrors(400, 401, 403, 503)
  async ledger(@Param() p: CycleParams, @Query() q: LedgerQuery, @Res({ passthrough: true }) res: FastifyReply) {
    await this.projections.requirePosition(q.minPosition);
    const view = reminderLedgerView(
      this.projections.models,
      this.projections.ward(p.wardId),
      p.wardId,
      p.fiscalYear,
      this.clock.now(),
    );
    if (q.format !== 'csv') return view;
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename="reminder-ledger-${p.wardId}-${p.fiscalYear}.csv"`);
    return reminderLedgerCsv(view.sections);
  }
}

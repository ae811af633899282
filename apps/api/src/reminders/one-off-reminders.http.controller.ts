import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { commandResponse } from '../commands/command-response';
import { CommandResult, ETAG_HEADER, IDEMPOTENCY_KEY, X_POSITION_HEADER } from '../http/openapi-commands';
import { ApiErrors } from '../http/openapi-errors';
import { CycleParams } from '../http/route-params';
import { OneOffReminderDto } from './one-off-reminder.request.dto';
import { RequestOneOffReminder } from './request-one-off-reminder';

class ReminderRequestResult extends CommandResult {
  @ApiProperty({ description: '督促の依頼ID / the request id' }) requestId!: string;
  @ApiProperty({ type: [String], example: ['hoiku'] }) sectionIds!: string[];
}

@ApiTags('reminders（督促）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear/reminders')
@Roles('planning_office')
export class OneOffRemindersHttpController {
  constructor(private readonly requestOneOff: RequestOneOffReminder) {}

  /**
   * 202 whatever the views say: the request is stored, the e-mails go out from the worker and show
   * in the reminder ledger. A retry with the same Idempotency-Key answers the same requestId.
   */
  @Post()
  @ApiOperation({ summary: '選んだ未提出の課に今すぐ督促を送る / send a one-off reminder now to chosen late sections' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiResponse({
    status: 202,
    description:
      '受け付けた（送信はワーカーが行い、督促の記録に載る）/ accepted; the worker sends and the ledger shows it',
    type: ReminderRequestResult,
    headers: { ...ETAG_HEADER, ...X_POSITION_HEADER },
  })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  async request(
    @Param() p: CycleParams,
    @Body() body: OneOffReminderDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const outcome = await this.requestOneOff.execute(
      { wardId: p.wardId, fiscalYear: p.fiscalYear, sectionIds: [...body.sectionIds], note: body.note },
      r,
    );
    const { requestId, sectionIds } = outcome.events[0].data;
    const accepted = commandResponse(res, outcome, { requestId, sectionIds });
    res.status(202);
    return accepted;
  }
}

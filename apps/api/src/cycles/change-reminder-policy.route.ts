import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams } from '../http/route-params';
import { CycleCommandResult } from './cycle.response.dto';
import { CycleCommands, CycleRoute } from './cycle-commands';
import { ChangeReminderPolicyDto } from './cycle.request.dto';

/** The planning office changes when sections are reminded of what they owe. */
@CycleRoute()
export class ChangeReminderPolicyRoute {
  constructor(private readonly cycles: CycleCommands) {}

  @Put('reminder-policy')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ operationId: 'cyclesReminderPolicy', summary: '督促の設定を変更 / change the reminder policy' })
  reminderPolicy(
    @Param() p: CycleParams,
    @Body() body: ChangeReminderPolicyDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const reminderPolicy = { ...body.reminderPolicy, daysBefore: [...body.reminderPolicy.daysBefore] };
    return this.cycles.respond(res, p, { type: 'ChangeReminderPolicy', data: { reminderPolicy } }, r);
  }
}

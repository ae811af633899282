import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams } from '../http/route-params';
import { CycleCommandResult } from './cycle.response.dto';
import { CycleCommands, CycleRoute } from './cycle-commands';
import { ExtendDeadlineDto } from './cycle.request.dto';
import { deadlineInstant } from './deadline';

/** The planning office moves the submission deadline later, with its reason. */
@CycleRoute()
export class ExtendDeadlineRoute {
  constructor(private readonly cycles: CycleCommands) {}

  @Post('deadline-extensions')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ operationId: 'cyclesExtend', summary: '締切を延長 / extend the deadline' })
  extend(
    @Param() p: CycleParams,
    @Body() body: ExtendDeadlineDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const data = { deadline: deadlineInstant(body.deadline), reason: body.reason };
    return this.cycles.respond(res, p, { type: 'ExtendDeadline', data }, r);
  }
}

import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { WardParams } from '../http/route-params';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { PlanDto } from './catalogue.request.dto';

/** Registers a strategic plan (戦略計画) under a pillar. */
@CatalogueRoute()
export class RegisterPlanRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Post('plans')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ operationId: 'catalogueRegisterPlan', summary: '戦略計画を登録 / register a plan' })
  registerPlan(
    @Param() p: WardParams,
    @Body() body: PlanDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.catalogue.respond(res, p.wardId, { type: 'RegisterPlan', data: { ...body } }, r);
  }
}

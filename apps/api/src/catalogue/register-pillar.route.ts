import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { WardParams } from '../http/route-params';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { PillarDto } from './catalogue.request.dto';

/** Registers a pillar (基本目標) of the strategy. */
@CatalogueRoute()
export class RegisterPillarRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Post('pillars')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ operationId: 'catalogueRegisterPillar', summary: '基本目標を登録 / register a pillar' })
  registerPillar(
    @Param() p: WardParams,
    @Body() body: PillarDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.catalogue.respond(res, p.wardId, { type: 'RegisterPillar', data: { ...body } }, r);
  }
}

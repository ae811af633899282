import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { WardParams } from '../http/route-params';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { SectionDto } from './catalogue.request.dto';

/** Registers a section (事業実施課) that projects and KPIs name as their owner. */
@CatalogueRoute()
export class RegisterSectionRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Post('sections')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ operationId: 'catalogueRegisterSection', summary: '事業実施課を登録 / register a section' })
  registerSection(
    @Param() p: WardParams,
    @Body() body: SectionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.catalogue.respond(res, p.wardId, { type: 'RegisterSection', data: { ...body } }, r);
  }
}

import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { WardParams } from '../http/route-params';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { RegisterProjectDto } from './catalogue.request.dto';

/** Registers a project under its home plan, with the plans it is reposted under. */
@CatalogueRoute()
export class RegisterProjectRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Post('projects')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({
    operationId: 'catalogueRegisterProject',
    summary: '取組を登録（再掲先を含む）/ register a project with its reposts',
  })
  registerProject(
    @Param() p: WardParams,
    @Body() body: RegisterProjectDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { reposts, home, ...project } = body;
    const data = { ...project, home: { ...home }, reposts: reposts?.map((x) => ({ ...x })) };
    return this.catalogue.respond(res, p.wardId, { type: 'RegisterProject', data }, r);
  }
}

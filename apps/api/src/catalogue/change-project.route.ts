import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { ProjectDto } from './catalogue.request.dto';
import { EntryParams } from './entry-params';

/** Changes a registered project. */
@CatalogueRoute()
export class ChangeProjectRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Put('projects/:entryId')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ operationId: 'catalogueChangeProject', summary: '取組を変更 / change a project' })
  changeProject(
    @Param() p: EntryParams,
    @Body() body: ProjectDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const data = { ...body, home: { ...body.home }, projectId: p.entryId };
    return this.catalogue.respond(res, p.wardId, { type: 'ChangeProject', data }, r);
  }
}

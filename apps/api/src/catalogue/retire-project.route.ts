import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { RetireDto } from './catalogue.request.dto';
import { EntryParams } from './entry-params';

/** Retires a project, with its reason; a cycle opened later leaves it out of its default scope. */
@CatalogueRoute()
export class RetireProjectRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Post('projects/:entryId/retirement')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ operationId: 'catalogueRetireProject', summary: '取組を廃止（理由付き）/ retire a project' })
  retireProject(
    @Param() p: EntryParams,
    @Body() body: RetireDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.catalogue.respond(
      res,
      p.wardId,
      { type: 'RetireProject', data: { projectId: p.entryId, reason: body.reason } },
      r,
    );
  }
}

import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { RepostDto } from './catalogue.request.dto';
import { EntryParams } from './entry-params';

/** Reposts a project under another plan as well (再掲). */
@CatalogueRoute()
export class RepostProjectRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Post('projects/:entryId/reposts')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({
    operationId: 'catalogueRepost',
    summary: '取組を他の戦略計画に再掲 / repost a project under another plan',
  })
  repost(
    @Param() p: EntryParams,
    @Body() body: RepostDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const data = { projectId: p.entryId, placement: { ...body.placement } };
    return this.catalogue.respond(res, p.wardId, { type: 'RepostProject', data }, r);
  }
}

import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { SectionDto } from './catalogue.request.dto';
import { EntryParams } from './entry-params';

/** Changes a registered section. */
@CatalogueRoute()
export class ChangeSectionRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Put('sections/:entryId')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ operationId: 'catalogueChangeSection', summary: '事業実施課を変更 / change a section' })
  changeSection(
    @Param() p: EntryParams,
    @Body() body: SectionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.catalogue.respond(res, p.wardId, { type: 'ChangeSection', data: { ...body, sectionId: p.entryId } }, r);
  }
}

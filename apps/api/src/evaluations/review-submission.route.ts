import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { ItemParams } from '../http/route-params';
import { ReviewDto } from './evaluation.request.dto';
import { ItemCommandResult } from './evaluation.response.dto';
import { ItemCommand, ItemCommands, ItemRoute, itemRef } from './item-commands';
import { toRating } from './rating.mapper';

const SUMMARY = '区政改革推進会議の審査（承認・差戻し・評価の調整）/ council review';

/** Check: the council approves, returns (with comments) or adjusts the rating: three commands, one route. */
@ItemRoute()
export class ReviewSubmissionRoute {
  constructor(private readonly items: ItemCommands) {}

  @Post('projects/:itemId/review')
  @Roles('council_member')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsReviewProject', summary: SUMMARY })
  reviewProject(
    @Param() p: ItemParams,
    @Body() body: ReviewDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.items.respond(res, itemRef(p, 'project'), reviewCommand(body), r);
  }

  @Post('kpis/:itemId/review')
  @Roles('council_member')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsReviewKpi', summary: SUMMARY })
  reviewKpi(
    @Param() p: ItemParams,
    @Body() body: ReviewDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.items.respond(res, itemRef(p, 'kpi'), reviewCommand(body), r);
  }
}

function reviewCommand(body: ReviewDto): ItemCommand {
  switch (body.decision) {
    case 'approve':
      return { type: 'ApproveSubmission', data: { comment: body.comments } };
    case 'return':
      return { type: 'ReturnSubmission', data: { comments: body.comments ?? '' } };
    case 'adjust':
      return { type: 'AdjustRating', data: { rating: toRating(body.rating!), reason: body.reason ?? '' } };
  }
}

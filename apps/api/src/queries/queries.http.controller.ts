import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { CLOCK, Clock, forbidden } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { councilQueue, cycleItems, itemView, ItemView, sectionInbox } from '@pdca/projections';
import { evaluationStream, ItemKind } from '@pdca/review';
import { assertSeesUnpublishedWorkOf, READERS, visibleItems } from '../access/read-policy';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { itemNotFound } from '../evaluations/evaluation-context.loader';
import { ETAG_HEADER } from '../http/openapi-commands';
import { ApiErrors } from '../http/openapi-errors';
import { ConsistencyQuery, CycleParams, ItemParams } from '../http/route-params';
import { ProjectionsService } from '../projections/projections.service';
import { historyEntry } from './item-history';
import { CouncilQueueDto, CycleItemsDto, ItemHistoryDto, ItemViewDto, SectionInboxDto } from './item.response.dto';
import { InboxQuery } from './queries.request.dto';

/** Current state of a fiscal year: lists, one item, inboxes, the council's queue, an item's history. */
@ApiTags('queries（現在の状況）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear')
@Roles(...READERS.staff)
// 503: ?minPosition= not reached within 5 s.
@ApiErrors(400, 401, 403, 404, 503)
export class QueriesHttpController {
  constructor(
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('items')
  @ApiOperation({ summary: '対象の取組・指標の一覧（事業実施課は自課分のみ）/ items of the cycle' })
  @ApiOkResponse({ type: CycleItemsDto })
  async items(@Param() p: CycleParams, @Query() q: ConsistencyQuery, @CurrentActor() actor: Actor) {
    await this.projections.requirePosition(q.minPosition);
    const items = cycleItems(this.projections.ward(p.wardId), p.fiscalYear, this.clock.now());
    return { position: this.projections.position, items: visibleItems(actor, items) };
  }

  @Get(['projects/:itemId', 'kpis/:itemId'])
  @ApiOperation({ summary: '取組・指標の現在の状態（ETag = リビジョン）/ one item' })
  @ApiOkResponse({ type: ItemViewDto, headers: ETAG_HEADER })
  async item(
    @Param() p: ItemParams,
    @Query() q: ConsistencyQuery,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    await this.projections.requirePosition(q.minPosition);
    const view = this.visibleItem(p, kindOf(req), actor);
    res.header('ETag', `"${view.revision}"`);
    return view;
  }

  @Get(['projects/:itemId/history', 'kpis/:itemId/history'])
  @ApiOperation({ summary: '評価の履歴（誰が・どの役割で・いつ・なぜ）/ rating history' })
  @ApiOkResponse({ type: ItemHistoryDto })
  async history(@Param() p: ItemParams, @Req() req: FastifyRequest, @CurrentActor() actor: Actor) {
    const kind = kindOf(req);
    const view = this.visibleItem(p, kind, actor);
    const stream = evaluationStream({ wardId: p.wardId, fiscalYear: p.fiscalYear, kind, itemId: p.itemId });
    return { item: view, history: (await this.store.readStream(stream)).map(historyEntry) };
  }

  @Get('inbox')
  @ApiQuery({ name: 'sectionId', required: false, description: '企画課・監査は課を指定' })
  @ApiOperation({ summary: '事業実施課の受信箱（提出予定・遅延・差戻し）/ a section inbox' })
  @ApiOkResponse({ type: SectionInboxDto })
  async inbox(@Param() p: CycleParams, @Query() q: InboxQuery, @CurrentActor() actor: Actor) {
    await this.projections.requirePosition(q.minPosition);
    const sectionId = q.sectionId ?? actor.sectionId;
    if (!sectionId)
      throw forbidden('SECTION_REQUIRED', 'sectionId を指定してください。', 'Give a sectionId.', {
        field: 'sectionId',
      });
    assertSeesUnpublishedWorkOf(actor, sectionId);
    return sectionInbox(this.projections.ward(p.wardId), p.fiscalYear, sectionId, this.clock.now());
  }

  private visibleItem(p: ItemParams, kind: ItemKind, actor: Actor): ItemView {
    const view = itemView(this.projections.ward(p.wardId), p.fiscalYear, kind, p.itemId, this.clock.now());
    if (!view) throw itemNotFound({ wardId: p.wardId, fiscalYear: p.fiscalYear, kind, itemId: p.itemId });
    assertSeesUnpublishedWorkOf(actor, view.sectionId);
    return view;
  }

  @Get('council-queue')
  @Roles(...READERS.wholeYearUnpublished)
  @ApiOperation({ summary: '区政改革推進会議の審査待ち一覧 / the council queue' })
  @ApiOkResponse({ type: CouncilQueueDto })
  async queue(@Param() p: CycleParams, @Query() q: ConsistencyQuery) {
    await this.projections.requirePosition(q.minPosition);
    return { items: councilQueue(this.projections.ward(p.wardId), p.fiscalYear, this.clock.now()) };
  }
}

function kindOf(request: FastifyRequest): ItemKind {
  return /\/kpis\/[^/]+(?:\/history)?$/.test(request.routeOptions.url ?? '') ? 'kpi' : 'project';
}

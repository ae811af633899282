import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Actor } from '@pdca/kernel';
import { READERS } from '../access/read-policy';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { arrayOf, jsonObject } from '../http/openapi-loose';
import { ENTRY_ID, WardParams } from '../http/route-params';
import { MultiYearService } from './multi-year.service';

class EntryYearsParams extends WardParams {
  @ApiProperty({ example: 'P01-011', description: '取組ID または 指標ID' }) @Matches(ENTRY_ID) itemId!: string;
}

const YEARS_JSON = arrayOf(
  jsonObject(
    '1年度分: 公表版の行と、見てよい読み手には現在の行 / one year: the published row and, for readers who may see it, the current one',
    ['fiscalYear', 'label'],
    {
      fiscalYear: { type: 'integer' },
      label: { type: 'string' },
    },
  ),
  '古い年度から / oldest year first',
);

/** Multi-year comparison of one project or KPI. */
@ApiTags('reports（報告）')
@Controller()
export class MultiYearHttpController {
  constructor(private readonly years: MultiYearService) {}

  @Get('wards/:wardId/projects/:itemId/years')
  @ApiBearerAuth()
  @Roles(...READERS.staff)
  @ApiOperation({ summary: '取組の年度比較（公表値と、自課・所管の分は現在値）/ a project across fiscal years' })
  @ApiOkResponse({ schema: YEARS_JSON })
  @ApiErrors(400, 401, 403, 404)
  project(@Param() p: EntryYearsParams, @CurrentActor() actor: Actor) {
    return this.years.item(p.wardId, 'project', p.itemId, actor);
  }

  @Get('wards/:wardId/kpis/:itemId/years')
  @ApiBearerAuth()
  @Roles(...READERS.staff)
  @ApiOperation({ summary: '指標の年度比較（公表値と、自課・所管の分は現在値）/ a KPI across fiscal years' })
  @ApiOkResponse({ schema: YEARS_JSON })
  @ApiErrors(400, 401, 403, 404)
  kpi(@Param() p: EntryYearsParams, @CurrentActor() actor: Actor) {
    return this.years.item(p.wardId, 'kpi', p.itemId, actor);
  }

  @Get('public/wards/:wardId/projects/:itemId/years')
  @Public()
  @ApiOperation({ summary: '取組の年度比較（公表値のみ）/ a project across published years' })
  @ApiOkResponse({ schema: YEARS_JSON })
  @ApiErrors(400, 404)
  publicProject(@Param() p: EntryYearsParams) {
    return this.years.item(p.wardId, 'project', p.itemId);
  }

  @Get('public/wards/:wardId/kpis/:itemId/years')
  @Public()
  @ApiOperation({ summary: '指標の年度比較（公表値のみ）/ a KPI across published years' })
  @ApiOkResponse({ schema: YEARS_JSON })
  @ApiErrors(400, 404)
  publicKpi(@Param() p: EntryYearsParams) {
    return this.years.item(p.wardId, 'kpi', p.itemId);
  }
}

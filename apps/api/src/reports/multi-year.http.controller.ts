import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Actor } from '@pdca/kernel';
import { READERS } from '../access/read-policy';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { ENTRY_ID, WardParams } from '../http/route-params';
import { MultiYearService } from './multi-year.service';

class EntryYearsParams extends WardParams {
  @Matches(ENTRY_ID) itemId!: string;
}

/** Multi-year comparison of one project or KPI. */
@ApiTags('reports（報告）')
@Controller()
export class MultiYearHttpController {
  constructor(private readonly years: MultiYearService) {}

  @Get('wards/:wardId/projects/:itemId/years')
  @ApiBearerAuth()
  @Roles(...READERS.staff)
  @ApiOperation({ summary: '取組の年度比較（公表値と、自課・所管の分は現在値）/ a project across fiscal years' })
  project(@Param() p: EntryYearsParams, @CurrentActor() actor: Actor) {
    return this.years.item(p.wardId, 'project', p.itemId, actor);
  }

  @Get('wards/:wardId/kpis/:itemId/years')
  @ApiBearerAuth()
  @Roles(...READERS.staff)
  @ApiOperation({ summary: '指標の年度比較（公表値と、自課・所管の分は現在値）/ a KPI across fiscal years' })
  kpi(@Param() p: EntryYearsParams, @CurrentActor() actor: Actor) {
    return this.years.item(p.wardId, 'kpi', p.itemId, actor);
  }

  @Get('public/wards/:wardId/projects/:itemId/years')
  @Public()
  @ApiOperation({ summary: '取組の年度比較（公表値のみ）/ a project across published years' })
  publicProject(@Param() p: EntryYearsParams) {
    return this.years.item(p.wardId, 'project', p.itemId);
  }

  @Get('public/wards/:wardId/kpis/:itemId/years')
  @Public()
  @ApiOperation({ summary: '指標の年度比較（公表値のみ）/ a KPI across published years' })
  publicKpi(@Param() p: EntryYearsParams) {
    return this.years.item(p.wardId, 'kpi', p.itemId);
  }
}

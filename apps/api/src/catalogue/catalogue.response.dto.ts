import { ApiProperty } from '@nestjs/swagger';

const byId = (what: string) => ({
  type: 'object' as const,
  additionalProperties: { type: 'object' as const, additionalProperties: true },
  description: `${what}（ID ごと）`,
});

/** The ward's catalogue as the views hold it: each kind keyed by its id. */
export class CatalogueDto {
  @ApiProperty({
    type: 'integer',
    description: '計画体系のストリームのリビジョン（= ETag）/ the catalogue stream revision',
  })
  revision!: number;
  @ApiProperty(byId('事業実施課 / sections')) sections!: Record<string, object>;
  @ApiProperty(byId('基本目標 / pillars')) pillars!: Record<string, object>;
  @ApiProperty(byId('戦略計画 / plans')) plans!: Record<string, object>;
  @ApiProperty(byId('取組（年度別計画を含む）/ projects with their annual plans')) projects!: Record<string, object>;
  @ApiProperty(byId('指標 / KPIs')) kpis!: Record<string, object>;
}

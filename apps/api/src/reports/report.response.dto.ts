import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { SCHEMES } from '@pdca/review';
import { PublicationDto } from '../cycles/cycle.response.dto';

class SummaryRowDto {
  @ApiProperty({ example: 'A' }) key!: string;
  @ApiProperty({ example: '概ね計画どおりのもの' }) label!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'integer', description: '総数に対する割合（%、四捨五入）/ whole percent of the total' })
  share!: number;
}

/**
 * The summary table; which rows it has depends on the cycle's scheme: rows (and Nerima's bReasons),
 * or Taisho's projects, kpis and withdrawalCriteriaHit. Named here, or the reply's serializer drops them.
 */
export class SummaryDto {
  @ApiProperty({ enum: SCHEMES }) scheme!: string;
  @ApiProperty({ type: 'integer', description: '未評価 / not rated yet' }) unrated!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiPropertyOptional({ type: [SummaryRowDto], description: '評価ごとの件数（練馬区・段階評価）/ per grade' })
  rows?: SummaryRowDto[];
  @ApiPropertyOptional({ type: [SummaryRowDto], description: 'B 評価の理由ごと（練馬区）/ per reason for a B' })
  bReasons?: SummaryRowDto[];
  @ApiPropertyOptional({ type: [SummaryRowDto], description: '取組の達成度（大正区）/ projects per achievement' })
  projects?: SummaryRowDto[];
  @ApiPropertyOptional({ type: [SummaryRowDto], description: '指標の達成度（大正区）/ KPIs per achievement' })
  kpis?: SummaryRowDto[];
  @ApiPropertyOptional({ type: 'integer', description: '撤退基準に該当（大正区）/ withdrawal criteria met' })
  withdrawalCriteriaHit?: number;
}

/** The report as a model (summary, then per pillar and plan): what the HTML, CSV, Excel and PDF are rendered from. */
export class ReportModelDto {
  @ApiProperty({ example: 'nerima' }) wardId!: string;
  @ApiProperty({ type: 'integer', example: 2022 }) fiscalYear!: number;
  @ApiProperty({ example: '令和4年度' }) fiscalYearLabel!: string;
  @ApiProperty({ enum: SCHEMES }) scheme!: string;
  @ApiProperty({ type: SummaryDto }) summary!: SummaryDto;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '基本目標ごとの戦略計画・取組・指標 / per pillar, its plans, projects and KPIs',
  })
  pillars!: object[];
}

class PublishedVersionInfoDto {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiPropertyOptional() reason?: string;
}

/** A published version: the model regenerated from the pinned position, the publication, and every version's date and reason. */
export class PublishedReportDto {
  @ApiProperty({ type: ReportModelDto }) model!: ReportModelDto;
  @ApiProperty({ type: PublicationDto }) publication!: PublicationDto;
  @ApiProperty({ type: [PublishedVersionInfoDto] }) versions!: PublishedVersionInfoDto[];
}

/** ?format=json: the open-data document (ward, fiscal year, items with their ratings), for machines. */
export const OPEN_DATA_JSON: SchemaObject = {
  type: 'object',
  required: ['format', 'ward', 'fiscalYear'],
  additionalProperties: true,
  description: 'オープンデータ形式（?format=json）/ the open-data JSON (?format=json)',
  properties: {
    format: { type: 'string', enum: ['pdca-review-report'] },
    ward: { type: 'object', additionalProperties: true },
    fiscalYear: { type: 'object', additionalProperties: true },
  },
};

/** No format: the model (or published version); format=json: the open data. */
export const reportJson = (model: typeof ReportModelDto | typeof PublishedReportDto): SchemaObject => ({
  anyOf: [{ $ref: getSchemaPath(model) }, OPEN_DATA_JSON],
});

export class ReportDifferenceDto {
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: { key: { type: 'string' }, then: { type: 'integer' }, now: { type: 'integer' } },
    },
  })
  summary!: Array<{ key: string; then: number; now: number }>;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        projectId: { type: 'string' },
        name: { type: 'string' },
        field: { type: 'string', enum: ['rating', 'actual'] },
        then: { type: 'string' },
        now: { type: 'string' },
      },
    },
  })
  projects!: object[];
}

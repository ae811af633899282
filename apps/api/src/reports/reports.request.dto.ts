import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { CycleParams } from '../http/route-params';

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2023-07-20T10:00:00+09:00',
    description: 'この時点で分かっていた内容（例: 推進会議の開催日）',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ description: 'この位置（グローバル位置）までの内容' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  position?: number;
}

export const REPORT_FORMATS = ['json', 'html', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class FormatQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, example: 'html', description: '形式（省略時 JSON）' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
  @ApiPropertyOptional({ enum: ['projects', 'kpis', 'summary'], description: 'CSV の表' })
  @IsOptional()
  @IsIn(['projects', 'kpis', 'summary'])
  table?: 'projects' | 'kpis' | 'summary';
}

export class ReportQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, example: 'html', description: '形式（省略時 JSON）' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
  @ApiPropertyOptional({ enum: ['projects', 'kpis', 'summary'], description: 'CSV の表' })
  @IsOptional()
  @IsIn(['projects', 'kpis', 'summary'])
  table?: 'projects' | 'kpis' | 'summary';
}

export class VersionParams extends CycleParams {
  @ApiProperty({ type: 'integer', example: 1, description: '版（1 = 最初の公表）' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  version!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class ReasonCategoryDto {
  @ApiProperty({ example: 'staffing' }) @IsString() @MaxLength(40) code!: string;
  @ApiProperty({ example: '人員の確保が計画に届かなかったもの' }) @IsString() @MaxLength(200) label!: string;
}

/** Revised rules to count a past year by (see RuleRevision in libs/reporting). */
export class RuleRevisionDto {
  @ApiProperty({ example: '第2期計画（令和6年度〜）の区分' }) @IsString() @MaxLength(200) name!: string;

  @ApiProperty({ type: [ReasonCategoryDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ReasonCategoryDto)
  bReasons!: ReasonCategoryDto[];

  @ApiProperty({
    example: { covid19: 'covid19', town_development: 'schedule', construction: 'schedule', other: 'other' },
    description: '旧区分コード → 新区分コード',
  })
  @IsObject()
  bReasonMap!: Record<string, string>;

  @ApiPropertyOptional({
    example: { 'P02-002': 'staffing' },
    description: '分割した区分で既定と別の新区分へ移す取組: 取組ID → 新区分コード',
  })
  @IsOptional()
  @IsObject()
  assign?: Record<string, string>;

  @ApiPropertyOptional({ example: { 'A+': '計画を上回って進んだもの' }, description: '評価の表記の改定' })
  @IsOptional()
  @IsObject()
  gradeLabels?: Record<string, string>;
}

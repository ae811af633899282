import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CycleParams, ENTRY_ID } from '../http/route-params';

export class PlanParams extends CycleParams {
  @ApiProperty({ example: '11', description: '戦略計画ID' }) @Matches(ENTRY_ID) planId!: string;
}

export class AssessmentDto {
  @ApiProperty({ example: '保育需要の地域偏在への対応', description: '課題' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4_000)
  issues!: string;
  @ApiProperty({ example: '需要予測に基づく整備地域の見直し', description: '改善策' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4_000)
  improvements!: string;
  @ApiPropertyOptional({ example: '令和5年度は西部地域を重点に整備', description: '次年度の方向性' })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  nextYearDirection?: string;
  @ApiPropertyOptional({ enum: ['a', 'b'], description: '戦略の進捗（大正区方式）' })
  @IsOptional()
  @IsIn(['a', 'b'])
  progress?: 'a' | 'b';
  @ApiPropertyOptional({
    enum: ['continue', 'revise'],
    description: '有効性: ア 有効（継続）/ イ 見直し（大正区方式）',
  })
  @IsOptional()
  @IsIn(['continue', 'revise'])
  effectiveness?: 'continue' | 'revise';
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsDefined,
} from 'class-validator';
import { ENTRY_ID, SECTION_ID } from '../http/route-params';

const NAME = 500;

export class SectionDto {
  @ApiProperty({ example: 'hoiku' }) @Matches(SECTION_ID) sectionId!: string;
  @ApiProperty({ example: 'こども家庭部' }) @IsString() @IsNotEmpty() @MaxLength(100) department!: string;
  @ApiProperty({ example: '保育課' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiPropertyOptional({ example: 'hoiku@city.example.jp' }) @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional({ example: 'hoiku-kacho@city.example.jp', description: '課長（エスカレーション先）' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  headEmail?: string;
}

export class PillarDto {
  @ApiProperty({ example: 'I' }) @Matches(ENTRY_ID) pillarId!: string;
  @ApiProperty({ example: 'I' }) @IsString() @IsNotEmpty() @MaxLength(20) code!: string;
  @ApiProperty({ example: '子どもたちの笑顔輝くまち' }) @IsString() @IsNotEmpty() @MaxLength(NAME) title!: string;
}

export class PlanDto {
  @ApiProperty({ example: '1' }) @Matches(ENTRY_ID) planId!: string;
  @ApiProperty({ example: '1' }) @IsString() @IsNotEmpty() @MaxLength(20) code!: string;
  @ApiProperty({ example: '子育てのかたちを選択できる社会の実現' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME)
  title!: string;
  @ApiProperty({ example: 'I' }) @Matches(ENTRY_ID) pillarId!: string;
}

export class PlacementDto {
  @ApiProperty({ example: '1' }) @Matches(ENTRY_ID) planId!: string;
  @ApiProperty({ example: '3(1)', description: '項目番号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  sectionNo!: string;
  @ApiProperty({ example: '保育サービスの充実', description: '項目名' })
  @IsString()
  @MaxLength(NAME)
  sectionTitle!: string;
}

/** A repost (再掲) placement: where, and what the ward prints there. */
export class RepostPlacementDto extends PlacementDto {
  @ApiPropertyOptional({ example: '交通広場の整備', description: '再掲先での取組名（元の取組名と異なる場合）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME)
  label?: string;
  @ApiPropertyOptional({ example: 'A路線 用地買収(一部)', description: '一部再掲の場合、元の取組のどの部分か' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME)
  part?: string;
}

export class ProjectDto {
  @ApiProperty({ example: 'P01-011' }) @Matches(ENTRY_ID) projectId!: string;
  @ApiProperty({ example: '【認可保育所】 計206所 (定員17,341人)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME)
  name!: string;
  @ApiProperty({ type: PlacementDto }) @IsDefined() @ValidateNested() @Type(() => PlacementDto) home!: PlacementDto;
  @ApiProperty({ example: 'hoiku' }) @Matches(SECTION_ID) sectionId!: string;
  @ApiProperty({ example: false, description: '短期での評価がなじまない取組（*）' })
  @IsBoolean()
  notSuitedForShortTermEvaluation!: boolean;
}

export class RegisterProjectDto extends ProjectDto {
  @ApiPropertyOptional({ type: [RepostPlacementDto], description: '再掲先' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RepostPlacementDto)
  reposts?: RepostPlacementDto[];
}

export class RepostDto {
  @ApiProperty({ type: RepostPlacementDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RepostPlacementDto)
  placement!: RepostPlacementDto;
}

export class RetireDto {
  @ApiProperty({ example: '事業終了のため' }) @IsString() @IsNotEmpty() @MaxLength(2_000) reason!: string;
}

export class MeasuredDto {
  @ApiProperty({ example: '計206所' }) @IsString() @IsNotEmpty() @MaxLength(200) value!: string;
  @ApiProperty({ example: '令和5年度末' }) @IsString() @IsNotEmpty() @MaxLength(50) asOf!: string;
}

export class KpiDto {
  @ApiProperty({ example: 'K01-03' }) @Matches(ENTRY_ID) kpiId!: string;
  @ApiProperty({ example: '1' }) @Matches(ENTRY_ID) planId!: string;
  @ApiProperty({ example: '認可保育所の増設' }) @IsString() @IsNotEmpty() @MaxLength(NAME) indicator!: string;
  @ApiProperty({ enum: ['output', 'outcome'] }) @IsIn(['output', 'outcome']) kind!: 'output' | 'outcome';
  @ApiProperty({ example: 'hoiku' }) @Matches(SECTION_ID) sectionId!: string;
  @ApiProperty({ type: MeasuredDto, description: '現状値' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MeasuredDto)
  baseline!: MeasuredDto;
  @ApiProperty({ type: MeasuredDto, description: '目標値' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MeasuredDto)
  target!: MeasuredDto;
}

export class AnnualPlanDto {
  @ApiProperty({ example: '計206所', description: '計画期間の目標' }) @IsString() @MaxLength(NAME) target!: string;
  @ApiProperty({ example: '計197所', description: '前年度末の現況' })
  @IsString()
  @MaxLength(NAME)
  statusAtPreviousYearEnd!: string;
  @ApiProperty({ example: '9所（定員410人）', description: '当初計画（計画がない年度は —）' })
  @IsString()
  @MaxLength(NAME)
  planned!: string;
}

export class AnnualPlanParams {
  @ApiProperty({ example: 'nerima', description: '自治体ID' }) @Matches(/^[a-z][a-z0-9_]{1,30}$/) wardId!: string;
  @ApiProperty({ example: 'P01-011', description: '取組ID' }) @Matches(ENTRY_ID) projectId!: string;
  @ApiProperty({ type: 'integer', example: 2022, description: '年度（西暦の開始年）' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear!: number;
}

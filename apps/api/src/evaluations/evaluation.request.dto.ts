import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  IsDefined,
} from 'class-validator';
import { NERIMA_GRADES, SCHEMES } from '@pdca/review';
import type { NerimaGrade, Scheme } from '@pdca/review';
import { object, oneOf, PlainBody, text } from '../http/plain-body';

/**
 * Nerima's grade is one of its five; an ordinal grade has the shape of a scale code here and is
 * checked against the cycle's own scale by the domain (422 GRADE_NOT_ON_SCALE). Reported as isIn.
 */
function IsGradeOfScheme() {
  return ValidateBy({
    name: 'isIn',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as RatingDto).scheme === 'nerima'
          ? NERIMA_GRADES.includes(value as NerimaGrade)
          : typeof value === 'string' && /^[A-Za-z0-9+\-*]{1,4}$/.test(value),
      defaultMessage: (args) =>
        (args?.object as RatingDto).scheme === 'nerima'
          ? `grade must be one of the following values: ${NERIMA_GRADES.join(', ')}`
          : 'grade must be a grade code of the scale (1 to 4 letters, digits, +, - or *)',
    },
  });
}

const TEXT = 2_000;
const SHORT = 200;

/** The bodies most commands send, checked without class-validator (see plain-body.ts). */
const NERIMA_RATING = object(
  { scheme: oneOf(['nerima']), grade: oneOf(NERIMA_GRADES) },
  { bReason: text(50), note: text(TEXT) },
);
const PROJECT_ACTUAL = object({ text: text(TEXT, true) });
const KPI_ACTUAL = object({ value: text(SHORT, true), asOf: text(50, true) });

export class RatingDto {
  @ApiProperty({ enum: SCHEMES, example: 'nerima' })
  @IsIn(SCHEMES)
  scheme!: Scheme;

  @ApiPropertyOptional({
    example: 'B',
    description: '進捗状況（練馬区方式: A+ / A / B / * / -）、または評価（段階評価: この年度の評価段階の記号）',
  })
  @ValidateIf((r: RatingDto) => r.scheme === 'nerima' || r.scheme === 'ordinal')
  @IsGradeOfScheme()
  grade?: string;

  @ApiPropertyOptional({ example: 'construction', description: 'B の内訳（区分コード）' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  bReason?: string;

  @ApiPropertyOptional({ example: '都営住宅建設工事の着工が遅れたため。', description: '備考（B・A+ は必須）' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string;

  @ApiPropertyOptional({ enum: ['A', 'B'], description: '達成状況（大正区方式）' })
  @ValidateIf((r: RatingDto) => r.scheme === 'taisho')
  @IsIn(['A', 'B'])
  achievement?: 'A' | 'B';

  @ApiPropertyOptional({ example: '参加者の満足度 80%以上', description: '業績目標（大正区方式）' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  performanceTarget?: string;

  @ApiPropertyOptional({ example: '満足度が 50%未満の場合は事業を再構築', description: '撤退基準（大正区方式）' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  withdrawalCriterion?: string;

  @ApiPropertyOptional({
    description:
      '撤退基準に該当したか（大正区方式）。該当したときの達成状況は B のみ（A は 422 WITHDRAWAL_CRITERION_HIT_REQUIRES_B）',
  })
  @IsOptional()
  @IsBoolean()
  withdrawalCriterionHit?: boolean;

  @ApiPropertyOptional({
    description:
      '取組を予定どおり実施したか（大正区方式、具体的取組のみ）。Whether the initiative was carried out as planned (initiatives only).',
  })
  @IsOptional()
  @IsBoolean()
  implementedAsPlanned?: boolean;

  @ApiPropertyOptional({
    example: 'フェイスブックのアカウント障害が7月中頃から12月中頃まで発生し、目標値に届かなかった。',
    description:
      "課題（大正区方式、具体的取組ごとに担当課が記入。指標には不可: 422 INITIATIVE_FIELD_NOT_FOR_KPI）。The initiative's issues, written by its section.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  issues?: string;

  @ApiPropertyOptional({
    example: '掲載頻度を上げ、くらしの制度、子育て・健康情報など身近な情報も掲載する。',
    description:
      "改善策（大正区方式、具体的取組ごと。課題とともに記入）。The section's improvement for the initiative; needs its issues.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  improvements?: string;
}

export class ProjectActualDto {
  @ApiProperty({ example: '9所（定員485人）【計206所】', description: '実績' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  text!: string;
}

export class KpiActualDto {
  @ApiProperty({ example: '年間2,221人', description: '実績値（数値と単位、または 検討・実施 などの語）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT)
  value!: string;

  @ApiProperty({ example: '令和4年度末', description: '時点' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  asOf!: string;
}

@PlainBody(object({}, { actual: PROJECT_ACTUAL, rating: NERIMA_RATING }))
export class ProjectDraftDto {
  @ApiPropertyOptional({ type: ProjectActualDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectActualDto)
  actual?: ProjectActualDto;

  @ApiPropertyOptional({ type: RatingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  rating?: RatingDto;
}

@PlainBody(object({}, { actual: KPI_ACTUAL, rating: NERIMA_RATING }))
export class KpiDraftDto {
  @ApiPropertyOptional({ type: KpiActualDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => KpiActualDto)
  actual?: KpiActualDto;

  @ApiPropertyOptional({ type: RatingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  rating?: RatingDto;
}

@PlainBody(object({ actual: PROJECT_ACTUAL }, { rating: NERIMA_RATING }))
export class ProjectSubmissionDto {
  @ApiProperty({ type: ProjectActualDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProjectActualDto)
  actual!: ProjectActualDto;

  @ApiPropertyOptional({ type: RatingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  rating?: RatingDto;
}

@PlainBody(object({ actual: KPI_ACTUAL }, { rating: NERIMA_RATING }))
export class KpiSubmissionDto {
  @ApiProperty({ type: KpiActualDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => KpiActualDto)
  actual!: KpiActualDto;

  @ApiPropertyOptional({ type: RatingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  rating?: RatingDto;
}

export class RateDto {
  @ApiProperty({ type: RatingDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RatingDto)
  rating!: RatingDto;
}

export class WithdrawDto {
  @ApiPropertyOptional({ example: '実績の数値を確認するため' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  reason?: string;
}

@PlainBody(object({ decision: oneOf(['approve', 'return']) }, { comments: text(TEXT) }))
export class ReviewDto {
  @ApiProperty({ enum: ['approve', 'return', 'adjust'], example: 'return', description: '承認・差戻し・評価の調整' })
  @IsIn(['approve', 'return', 'adjust'])
  decision!: 'approve' | 'return' | 'adjust';

  @ApiPropertyOptional({
    example: '実績の内訳（新設・定員増）を記載してください。',
    description: '差戻しのコメント、または承認時のコメント',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  comments?: string;

  @ApiPropertyOptional({ type: RatingDto, description: '調整後の評価（adjust のとき）' })
  @ValidateIf((r: ReviewDto) => r.decision === 'adjust')
  @IsDefined()
  @ValidateNested()
  @Type(() => RatingDto)
  rating?: RatingDto;

  @ApiPropertyOptional({
    example: '計画を上回る定員を確保しているため A+ とする。',
    description: '調整の理由（adjust のとき必須）',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  reason?: string;
}

export class CorrectionDto {
  @ApiPropertyOptional({ type: RatingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  rating?: RatingDto;

  @ApiPropertyOptional({ example: '9所（定員485人）【計206所】' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  actualText?: string;

  @ApiPropertyOptional({ example: '令和4年度末', description: '指標の実績の時点（指標の訂正のとき）' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  actualAsOf?: string;

  @ApiProperty({ example: '集計誤りのため訂正' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  reason!: string;
}

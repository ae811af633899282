import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { SCHEMES } from '@pdca/review';
import type { Scheme } from '@pdca/review';
import { ENTRY_ID } from '../http/route-params';

export class ReasonCategoryDto {
  @ApiProperty({ example: 'covid19' }) @Matches(/^[a-z0-9_]{1,40}$/) code!: string;
  @ApiProperty({ example: '新型コロナウイルス感染症の感染拡大による影響を受けたもの' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;
}

export class ReminderPolicyDto {
  @ApiProperty({
    type: 'integer',
    isArray: true,
    minimum: 1,
    maximum: 60,
    maxItems: 10,
    example: [7, 1],
    description: '締切の何日前に督促するか（整数）/ days before the deadline (integers)',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60, { each: true })
  daysBefore!: number[];
  @ApiProperty({ example: true }) @IsBoolean() onDeadlineDay!: boolean;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(30) overdueEveryDays!: number;
  @ApiProperty({ example: 7 }) @IsInt() @Min(0) @Max(90) escalateAfterDaysOverdue!: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(0) @Max(180) stopAfterDaysOverdue!: number;
  @ApiProperty({ example: true }) @IsBoolean() skipWeekendsAndHolidays!: boolean;
  @ApiProperty({ example: '09:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) sendAtJst!: string;
}

export class ScopeDto {
  @ApiProperty({ example: ['P01-001', 'P01-002'] })
  @IsArray()
  @ArrayMaxSize(5_000)
  @Matches(ENTRY_ID, { each: true })
  projectIds!: string[];
  @ApiProperty({ example: ['K01-01'] })
  @IsArray()
  @ArrayMaxSize(2_000)
  @Matches(ENTRY_ID, { each: true })
  kpiIds!: string[];
}

/** Shape only: duplicates, empty labels and unknown reason grades are the domain's 400s (SCALE_*), naming the field. */
export class OrdinalGradeDto {
  @ApiProperty({ example: 'S', description: '評価の記号（英数字・+・-・* の1〜4文字）' })
  @IsString()
  @MaxLength(4)
  code!: string;
  @ApiProperty({ example: '計画を大きく上回った' }) @IsString() @MaxLength(200) label!: string;
  @ApiPropertyOptional({ example: 'Far ahead of plan' }) @IsOptional() @IsString() @MaxLength(200) labelEn?: string;
}

export class OrdinalScaleDto {
  @ApiProperty({ type: [OrdinalGradeDto], description: '評価段階（良い順、2〜10段階）' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => OrdinalGradeDto)
  grades!: OrdinalGradeDto[];
  @ApiProperty({ example: ['C', 'D'], description: '備考（理由）を必須とする評価' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  reasonRequired!: string[];
}

export class OpenCycleDto {
  @ApiProperty({ enum: SCHEMES, example: 'nerima', description: '評価方式（練馬区方式 / 大正区方式 / 段階評価）' })
  @IsIn(SCHEMES)
  scheme!: Scheme;
  @ApiProperty({ example: '2023-05-31', description: '提出締切（日本時間のその日の終わり）または ISO 日時' })
  @IsISO8601({ strict: true })
  deadline!: string;
  @ApiPropertyOptional({ type: ScopeDto, description: '対象（省略時は廃止されていない全取組・全指標）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto;
  @ApiPropertyOptional({ type: [ReasonCategoryDto], description: 'B の内訳の区分（省略時は練馬区の4区分）' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReasonCategoryDto)
  bReasons?: ReasonCategoryDto[];
  @ApiPropertyOptional({ type: ReminderPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReminderPolicyDto)
  reminderPolicy?: ReminderPolicyDto;
  @ApiPropertyOptional({ type: OrdinalScaleDto, description: '評価段階（段階評価 ordinal のときのみ、必須）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrdinalScaleDto)
  ordinalScale?: OrdinalScaleDto;
}

export class ExtendDeadlineDto {
  @ApiProperty({ example: '2023-06-15' }) @IsISO8601({ strict: true }) deadline!: string;
  @ApiProperty({ example: '議会日程の変更に伴い延長' }) @IsString() @IsNotEmpty() @MaxLength(2_000) reason!: string;
}

export class ChangeReminderPolicyDto {
  @ApiProperty({ type: ReminderPolicyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReminderPolicyDto)
  reminderPolicy!: ReminderPolicyDto;
}

export class CorrectReportDto {
  @ApiProperty({ example: '戦略計画11の取組の評価に集計誤りがあったため訂正' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  reason!: string;
}

export class CloseCycleDto {
  @ApiPropertyOptional({ example: '区政改革推進会議（7月20日）の確認を経て締切' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;
  @ApiPropertyOptional({
    example: false,
    description: '未提出・差戻し中の取組・指標が残っていても締め切る（一覧を確認したうえで true）',
  })
  @IsOptional()
  @IsBoolean()
  confirmOutstanding?: boolean;
}

export class ReopenCycleDto {
  @ApiProperty({ example: '未提出の課があったため提出受付を再開' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  reason!: string;
}

export class ExcludeItemDto {
  @ApiProperty({ enum: ['project', 'kpi'], example: 'project' }) @IsIn(['project', 'kpi']) kind!: 'project' | 'kpi';
  @ApiProperty({ example: 'P01-011' }) @Matches(ENTRY_ID) itemId!: string;
  @ApiProperty({ example: '年度途中で事業を廃止したため対象外とする' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  reason!: string;
}

/** Publishing takes no data; an optional note keeps the body validated (unknown fields are rejected). */
export class NoteDto {
  @ApiPropertyOptional({ example: '区政改革推進会議（7月20日）の確認を経て公表' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;
}

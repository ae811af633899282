import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCHEMES } from '@pdca/review';
import { CommandResult } from '../http/openapi-commands';
import { OrdinalScaleDto, ReasonCategoryDto, ReminderPolicyDto, ScopeDto } from './cycle.request.dto';

const CYCLE_STATUSES = ['open', 'closed', 'published'];

export class ExcludedItemDto {
  @ApiProperty({ enum: ['project', 'kpi'] }) kind!: 'project' | 'kpi';
  @ApiProperty({ example: 'P01-011' }) itemId!: string;
  @ApiProperty() reason!: string;
}

export class PublicationDto {
  @ApiProperty({ type: 'integer', example: 1 }) version!: number;
  @ApiProperty({
    type: 'integer',
    description: '報告の元になった最新のグローバル位置 / the newest position the report was computed from',
  })
  position!: number;
  @ApiProperty() templateVersion!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { revision: { type: 'integer' }, hash: { type: 'string' } } },
    description: 'ストリームごとのチェーンの先頭 / the hash-chain head of every stream',
  })
  chainHeads!: Record<string, { revision: number; hash: string }>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: '評価ごとの件数 / counts per rating',
  })
  summary!: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiPropertyOptional({ description: '訂正の理由（第2版以降）/ why a correction was published' }) reason?: string;
}

/** A cycle as its stream folds it (an unopened cycle answers 404 on reads; in a command reply it is { status: 'not_opened' }). */
export class CycleStateDto {
  @ApiProperty({ enum: ['not_opened', ...CYCLE_STATUSES] }) status!: string;
  @ApiPropertyOptional({ example: 'nerima' }) wardId?: string;
  @ApiPropertyOptional({ type: 'integer', example: 2022 }) fiscalYear?: number;
  @ApiPropertyOptional({ enum: SCHEMES }) scheme?: string;
  @ApiPropertyOptional({ format: 'date-time', description: '提出締切 / the submission deadline' }) deadline?: string;
  @ApiPropertyOptional({ type: [ReasonCategoryDto] }) bReasons?: ReasonCategoryDto[];
  @ApiPropertyOptional({
    type: OrdinalScaleDto,
    description: '評価段階（段階評価の年度のみ）/ the ward-defined scale (ordinal scheme only)',
  })
  ordinalScale?: OrdinalScaleDto;
  @ApiPropertyOptional({ type: ScopeDto }) scope?: ScopeDto;
  @ApiPropertyOptional({ type: ReminderPolicyDto }) reminderPolicy?: ReminderPolicyDto;
  @ApiPropertyOptional({ format: 'date-time' }) openedAt?: string;
  @ApiPropertyOptional({ type: [ExcludedItemDto] }) excluded?: ExcludedItemDto[];
  @ApiPropertyOptional({ type: [PublicationDto], description: '公表した版（公表後）/ the published versions' })
  publications?: PublicationDto[];
}

export class CycleDto extends CycleStateDto {
  @ApiProperty({ example: '令和4年度' }) label!: string;
  @ApiProperty({
    type: 'integer',
    description: 'サイクルのストリームのリビジョン（= ETag）/ the cycle stream revision',
  })
  revision!: number;
}

export class CycleCommandResult extends CommandResult {
  @ApiPropertyOptional({
    type: CycleStateDto,
    description: '実行後のサイクル（一覧に反映済みなら）/ the cycle afterwards, as the views show it',
  })
  cycle?: CycleStateDto;
}

export class CycleListEntryDto {
  @ApiProperty({ type: 'integer', example: 2022 }) fiscalYear!: number;
  @ApiProperty({ enum: CYCLE_STATUSES }) status!: string;
  @ApiProperty({ enum: SCHEMES }) scheme!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
  @ApiPropertyOptional({ format: 'date-time' }) openedAt?: string;
  @ApiPropertyOptional({ type: 'integer' }) publishedVersions?: number;
}

export class PublicationsDto {
  @ApiProperty({ type: [PublicationDto] }) publications!: PublicationDto[];
}

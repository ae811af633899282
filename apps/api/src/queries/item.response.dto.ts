import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RatingDto } from '../evaluations/evaluation.request.dto';

const STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'approved'];

/** One project or KPI of a cycle as the views show it (ItemView). */
export class ItemViewDto {
  @ApiProperty({ enum: ['project', 'kpi'] }) kind!: 'project' | 'kpi';
  @ApiProperty({ example: 'P01-011' }) itemId!: string;
  @ApiProperty({ example: '保育所の整備' }) name!: string;
  @ApiProperty({ example: 'hoiku' }) sectionId!: string;
  @ApiProperty({ example: '1' }) planId!: string;
  @ApiProperty({ enum: STATUSES, description: '未着手・下書き・提出済み・差戻し・承認済み' }) status!: string;
  @ApiProperty({ type: 'integer', description: '評価ストリームのリビジョン（= ETag）/ the evaluation stream revision' })
  revision!: number;
  @ApiPropertyOptional({
    description: '実績（取組は { kind, text }、指標は { kind, value, asOf }）/ the actual',
    type: 'object',
    additionalProperties: true,
  })
  actual?: Record<string, unknown>;
  @ApiPropertyOptional({ type: RatingDto, description: '課の評価 / the section rating' }) sectionRating?: RatingDto;
  @ApiPropertyOptional({ type: RatingDto, description: '推進会議の評価 / the council rating' })
  councilRating?: RatingDto;
  @ApiPropertyOptional({ type: RatingDto, description: '有効な評価 / the rating in force' })
  effectiveRating?: RatingDto;
  @ApiProperty({ description: '締切後に提出された / submitted after the deadline' }) late!: boolean;
  @ApiProperty({ description: '締切を過ぎて未提出 / past the deadline, not submitted' }) overdue!: boolean;
  @ApiPropertyOptional({ description: '差戻しのコメント / the comments it was returned with' })
  returnedComments?: string;
  @ApiProperty({ description: '年度の計画なし / nothing planned for the year' }) nothingPlanned!: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
  @ApiPropertyOptional({ example: 'hoiku.tanaka' }) updatedBy?: string;
}

export class CycleItemsDto {
  @ApiProperty({ type: 'integer', description: '一覧が反映しているグローバル位置 / the position the list reflects' })
  position!: number;
  @ApiProperty({ type: [ItemViewDto] }) items!: ItemViewDto[];
}

export class HistoryEntryDto {
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ example: 'ActualSubmitted' }) event!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'hoiku.tanaka' }) actor!: string;
  @ApiProperty({ example: 'section_staff' }) role!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'コメント・理由・評価 / comments, reasons and ratings',
  })
  detail!: Record<string, unknown>;
  @ApiPropertyOptional() hash?: string;
}

export class ItemHistoryDto {
  @ApiProperty({ type: ItemViewDto }) item!: ItemViewDto;
  @ApiProperty({ type: [HistoryEntryDto] }) history!: HistoryEntryDto[];
}

export class SectionInboxDto {
  @ApiProperty({ example: 'hoiku' }) sectionId!: string;
  @ApiPropertyOptional({ format: 'date-time' }) deadline?: string;
  @ApiProperty({ type: [ItemViewDto] }) due!: ItemViewDto[];
  @ApiProperty({ type: [ItemViewDto] }) late!: ItemViewDto[];
  @ApiProperty({ type: [ItemViewDto] }) returned!: ItemViewDto[];
  @ApiProperty({ type: [ItemViewDto] }) waitingForReview!: ItemViewDto[];
  @ApiProperty({ type: [ItemViewDto] }) approved!: ItemViewDto[];
}

export class CouncilQueueDto {
  @ApiProperty({ type: [ItemViewDto], description: '提出済みで審査待ち、古い順 / submitted, oldest first' })
  items!: ItemViewDto[];
}

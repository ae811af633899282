import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { SECTION_ID } from '../http/route-params';

export class OneOffReminderDto {
  @ApiProperty({ example: ['hoiku', 'kouen'], description: '督促する課（未提出のある課のみ）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(SECTION_ID, { each: true })
  sectionIds!: string[];

  @ApiPropertyOptional({
    example: '区政改革推進会議の資料作成のため、本日中の提出をお願いします。',
    description: '企画課からの連絡（メール本文に記載）',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  note?: string;
}

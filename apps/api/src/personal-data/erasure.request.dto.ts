import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ErasedFieldDto {
  @ApiProperty({ description: 'イベントID（監査証跡の eventId）/ the event id, as in the audit trail' })
  @IsString()
  @MaxLength(100)
  eventId!: string;
  @ApiProperty({ example: 'rating.note', description: '項目のパス / the field path' })
  @Matches(/^[A-Za-z0-9_.]{1,200}$/)
  field!: string;
}

/** Which personal texts to erase (a name to search for, or fields named one by one), and why. */
export class ErasureRequestDto {
  @ApiPropertyOptional({
    example: '山田太郎',
    description:
      'この文字列を含む文を消去（全角半角・空白の違いは無視）/ erase every text containing this (width and spaces ignored)',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  contains?: string;

  @ApiPropertyOptional({
    type: [ErasedFieldDto],
    description: '消去する項目（イベントと項目のパス）/ the fields to erase, one by one',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ErasedFieldDto)
  fields?: ErasedFieldDto[];

  @ApiProperty({
    example: '本人からの削除請求（個人情報保護法）',
    description: '消去の理由（記録されます）/ why (recorded)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ description: 'true: 消去せず、該当する文を示す / show the matching texts without erasing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

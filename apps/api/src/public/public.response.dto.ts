import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PublishedVersionDto {
  @ApiProperty({ type: 'integer', example: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiPropertyOptional({ description: '訂正の理由（第1版にはない）/ why a correction was published' }) reason?: string;
  @ApiProperty({
    example: 'sha256:3f…',
    description: '版が固定する内容の SHA-256（報告に印字）/ SHA-256 of what the version pins',
  })
  fingerprint!: string;
  @ApiProperty({ type: 'integer', description: '透明性ログの証明を求める位置 / the log position to ask a proof for' })
  position!: number;
}

export class PublishedYearDto {
  @ApiProperty({ type: 'integer', example: 2022 }) fiscalYear!: number;
  @ApiProperty({ type: [PublishedVersionDto] }) versions!: PublishedVersionDto[];
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

export class InclusionProofQuery {
  @ApiProperty({ description: "記録の大域位置 / the event's global position", example: 42 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  position!: number;

  @ApiProperty({ description: 'チェックポイントの木の大きさ / the tree size of the checkpoint', example: 100 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  treeSize!: number;
}

export class ConsistencyProofQuery {
  @ApiProperty({ description: "古いチェックポイントの木の大きさ / the older checkpoint's tree size", example: 50 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  from!: number;

  @ApiProperty({ description: "新しいチェックポイントの木の大きさ / the newer checkpoint's tree size", example: 100 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  to!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { safeIdPattern } from '@pdca/kernel';
import { matching, PlainParams, routeParams } from './plain-body';

export const WARD_ID = /^[a-z][a-z0-9_]{1,30}$/;
export const ENTRY_ID = safeIdPattern('A-Za-z0-9_-', 40);
export const SECTION_ID = safeIdPattern('a-z0-9_', 40);

export class WardParams {
  @ApiProperty({ example: 'nerima', description: '自治体ID' })
  @Matches(WARD_ID)
  wardId!: string;
}

export class CycleParams extends WardParams {
  @ApiProperty({
    type: 'integer',
    minimum: 2000,
    maximum: 2100,
    example: 2022,
    description: '年度（西暦の開始年。令和4年度 = 2022）',
  })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear!: number;
}

/** Four digits only on the fast path: class-transformer's Number() also takes " 2022", "2022.0" or "0x7E6". */
const YEAR = (value: unknown) => typeof value === 'string' && /^\d{4}$/.test(value) && +value >= 2000 && +value <= 2100;

@PlainParams(
  routeParams({ wardId: matching(WARD_ID), fiscalYear: YEAR, itemId: matching(ENTRY_ID) }),
  (p: { wardId: string; fiscalYear: string; itemId: string }) => ({ ...p, fiscalYear: Number(p.fiscalYear) }),
)
export class ItemParams extends CycleParams {
  @ApiProperty({ example: 'P01-011', description: '取組ID または 指標ID' })
  @Matches(ENTRY_ID)
  itemId!: string;
}

export class ConsistencyQuery {
  @ApiProperty({
    required: false,
    type: 'integer',
    minimum: 0,
    description: 'この位置まで反映済みの結果を待つ（書き込み応答の X-Position）',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

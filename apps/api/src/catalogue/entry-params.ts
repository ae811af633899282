import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ENTRY_ID, WardParams } from '../http/route-params';

export class EntryParams extends WardParams {
  @ApiProperty({ example: 'P01-011', description: '事業実施課ID・取組ID・指標ID / the entry id' })
  @Matches(ENTRY_ID)
  entryId!: string;
}

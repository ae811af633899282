import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ConsistencyQuery, SECTION_ID } from '../http/route-params';

export class InboxQuery extends ConsistencyQuery {
  @ApiPropertyOptional({ example: 'hoiku' }) @IsOptional() @Matches(SECTION_ID) sectionId?: string;
}

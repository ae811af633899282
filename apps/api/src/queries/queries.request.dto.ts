import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ConsistencyQuery } from '../http/route-params';

export class InboxQuery extends ConsistencyQuery {
  @ApiPropertyOptional({ example: 'hoiku' }) @IsOptional() @Matches(/^[a-z0-9_]{1,40}$/) sectionId?: string;
}

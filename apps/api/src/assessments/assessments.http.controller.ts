import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import type { AssessmentEvent } from '@pdca/review';
import { commandResponse } from '../commands/command-response';
import type { CommandOutcome } from '../commands/command-runner.service';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams, ENTRY_ID } from '../http/route-params';
import { RecordImprovementsCommand } from './record-improvements.command';

class PlanParams extends CycleParams {
  @ApiProperty({ example: '11', description: '戦略計画ID' }) @Matches(ENTRY_ID) planId!: string;
}

export class AssessmentDto {
  @ApiProperty({ example: '保育需要の地域偏在への対応', description: '課題' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4_000)
  issues!: string;
  @ApiProperty({ example: '需要予測に基づく整備地域の見直し', description: '改善策' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4_000)
  improvements!: string;
  @ApiPropertyOptional({ example: '令和5年度は西部地域を重点に整備', description: '次年度の方向性' })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  nextYearDirection?: string;
  @ApiPropertyOptional({ enum: ['a', 'b'], description: '戦略の進捗（大正区方式）' })
  @IsOptional()
  @IsIn(['a', 'b'])
  progress?: 'a' | 'b';
  @ApiPropertyOptional({
    enum: ['continue', 'revise'],
    description: '有効性: ア 有効（継続）/ イ 見直し（大正区方式）',
  })
  @IsOptional()
  @IsIn(['continue', 'revise'])
  effectiveness?: 'continue' | 'revise';
}

@ApiTags('assessments（Act：課題と改善策）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear/plans/:planId/assessment')
export class AssessmentsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '戦略計画の課題・改善策・次年度の方向性を記録 / record improvements' })
  async record(
    @Param() p: PlanParams,
    @Body() body: AssessmentDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const outcome = await this.commands.execute<RecordImprovementsCommand, CommandOutcome<AssessmentEvent>>(
      new RecordImprovementsCommand({ wardId: p.wardId, fiscalYear: p.fiscalYear, planId: p.planId }, { ...body }, r),
    );
    return commandResponse(res, outcome, {});
  }
}

import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '@pdca/kernel';
import { ApiErrors } from '../http/openapi-errors';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from './auth.decorators';
import { SignIn } from './sign-in.service';
import { TokenService } from './token.service';

export class LoginDto {
  @ApiProperty({ example: 'hoiku.tanaka' }) @IsString() @MaxLength(64) username!: string;
  @ApiProperty({ example: '（パスワード）' }) @IsString() @MaxLength(256) password!: string;
}

export class SignedInUserDto {
  @ApiProperty({ example: 'hoiku.tanaka' }) username!: string;
  @ApiProperty({ enum: ALL_ROLES }) role!: string;
  @ApiProperty({ example: 'nerima' }) wardId!: string;
  @ApiPropertyOptional({ example: 'hoiku' }) sectionId?: string;
  @ApiProperty({ example: '田中' }) displayName!: string;
}

export class TokenDto {
  @ApiProperty({ description: 'Authorization: Bearer に付ける / send as Authorization: Bearer' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: string;
  @ApiProperty({ type: 'integer', description: '有効期間（秒）/ lifetime in seconds' }) expiresIn!: number;
  @ApiProperty({ type: SignedInUserDto }) user!: SignedInUserDto;
}

@ApiTags('auth（認証）')
@Controller('auth')
export class AuthHttpController {
  constructor(
    private readonly signIn: SignIn,
    private readonly tokens: TokenService,
  ) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'アクセストークンを取得（連携システム用） / get a bearer token (for integrations)' })
  @ApiOkResponse({ type: TokenDto })
  @ApiErrors(400, 401, 429)
  async token(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const user = await this.signIn.check(body.username, body.password, request, response);
    const { accessToken, tokenType, expiresIn } = this.tokens.issue(user);
    return {
      accessToken,
      tokenType,
      expiresIn,
      user: {
        username: user.userId,
        role: user.role,
        wardId: user.wardId,
        sectionId: user.sectionId,
        displayName: user.displayName,
      },
    };
  }
}

import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from './auth.decorators';
import { SignIn } from './sign-in.service';
import { TokenService } from './token.service';

export class LoginDto {
  @ApiProperty({ example: 'hoiku.tanaka' }) @IsString() @MaxLength(64) username!: string;
  @ApiProperty({ example: '（パスワード）' }) @IsString() @MaxLength(256) password!: string;
}

@ApiTags('auth（認証）')
@Controller('auth')
export class AuthHttpController {
  constructor(private readonly signIn: SignIn, private readonly tokens: TokenService) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'アクセストークンを取得（連携システム用） / get a bearer token (for integrations)' })
  async token(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const user = await this.signIn.check(body.username, body.password, request, response);
    const { accessToken, tokenType, expiresIn } = this.tokens.issue(user);
    return { accessToken, tokenType, expiresIn, user: { username: user.userId, role: user.role, wardId: user.wardId, sectionId: user.sectionId, displayName: user.displayName } };
  }
}

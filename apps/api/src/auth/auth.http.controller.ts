import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { DomainError } from '@pdca/kernel';
import { Public } from './auth.decorators';
import { TokenService } from './token.service';
import { UserDirectory } from './user-directory';

export class LoginDto {
  @ApiProperty({ example: 'hoiku.tanaka' }) @IsString() @MaxLength(64) username!: string;
  @ApiProperty({ example: '（パスワード）' }) @IsString() @MaxLength(256) password!: string;
}

@ApiTags('auth（認証）')
@Controller('auth')
export class AuthHttpController {
  constructor(private readonly users: UserDirectory, private readonly tokens: TokenService) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'アクセストークンを取得 / get a bearer token' })
  async token(@Body() body: LoginDto) {
    const actor = await this.users.authenticate(body.username, body.password);
    if (!actor) {
      throw new DomainError('INVALID_CREDENTIALS', 'unauthenticated', 'ユーザー名またはパスワードが正しくありません。', 'Wrong username or password.');
    }
    return { ...this.tokens.issue(actor), user: { username: actor.userId, role: actor.role, wardId: actor.wardId, sectionId: actor.sectionId, displayName: actor.displayName } };
  }
}

import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_ROLES } from '@pdca/kernel';
import { Environment } from '@pdca/platform';
import { AuthenticatedRequest, Public, Roles } from './auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { LoginDto, SignedInUserDto } from './auth.http.controller';
import { csrfTokenFor } from './csrf-token';
import { RequestAuthenticator } from './request-authenticator';
import { clearedSessionCookie, sessionCookie, sessionCookieOf } from './session-cookie';
import { SignIn } from './sign-in.service';
import { TokenService } from './token.service';
import type { DirectoryActor } from './users-file';

const SET_COOKIE = {
  'Set-Cookie': {
    required: true,
    description: 'HttpOnly のセッション Cookie / the HttpOnly session cookie',
    schema: { type: 'string' },
  },
} as const;

class SessionDto {
  @ApiProperty({ type: SignedInUserDto }) user!: SignedInUserDto;
  @ApiProperty({ description: '変更の要求ごとに X-CSRF-Token で返す / send back as X-CSRF-Token on every change' })
  csrfToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

/**
 * The browser's sign-in: the same signed token as POST /auth/token, but in an HttpOnly cookie, with
 * a CSRF token derived from it for the page to send back on every change.
 */
@ApiTags('auth（認証）')
@Controller('auth/session')
export class SessionHttpController {
  private readonly secure: boolean;

  constructor(
    private readonly signIn: SignIn,
    private readonly tokens: TokenService,
    private readonly authenticator: RequestAuthenticator,
    private readonly environment: Environment,
  ) {
    this.secure = environment.PUBLIC_BASE_URL.startsWith('https:');
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'ログイン（ブラウザ用セッション） / sign in with a session cookie' })
  @ApiOkResponse({ type: SessionDto, headers: SET_COOKIE })
  @ApiErrors(400, 401, 429)
  async create(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const user = await this.signIn.check(body.username, body.password, request, response);
    const issued = this.tokens.issue(user);
    response.header('Set-Cookie', sessionCookie(issued.accessToken, issued.expiresIn, this.secure));
    response.header('Cache-Control', 'no-store');
    return this.describe(user, issued.tokenId, issued.expiresAt);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'ログイン中の利用者 / the signed-in user' })
  @ApiBearerAuth()
  @ApiCookieAuth('session')
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(401)
  current(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: FastifyReply) {
    const { actor, token } = request.authentication!;
    response.header('Cache-Control', 'no-store');
    return this.describe(actor, token.tokenId, token.expiresAt);
  }

  /**
   * Public so that an expired or unknown session still gets its cookie cleared (204 every time);
   * a live session is signed out on the server too, and, being a change made with the cookie,
   * needs the CSRF token like every other.
   */
  @Delete()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'ログアウト / sign out' })
  @ApiNoContentResponse({ description: 'Cookie を消した / the cookie cleared', headers: SET_COOKIE })
  @ApiErrors(403)
  remove(@Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): void {
    const live = this.liveSession(request);
    if (live) {
      this.authenticator.requireCsrfToken(live, request.method, request.headers);
      this.tokens.revoke(live.token);
    }
    response.header('Set-Cookie', clearedSessionCookie(this.secure));
  }

  private liveSession(request: FastifyRequest) {
    if (!sessionCookieOf(request.headers.cookie)) return undefined;
    try {
      return this.authenticator.authenticate({ cookie: request.headers.cookie });
    } catch {
      return undefined;
    }
  }

  private describe(user: DirectoryActor, tokenId: string, expiresAt: number) {
    return {
      user: {
        username: user.userId,
        displayName: user.displayName,
        role: user.role,
        wardId: user.wardId,
        ...(user.sectionId ? { sectionId: user.sectionId } : {}),
      },
      csrfToken: csrfTokenFor(tokenId, this.environment.JWT_SECRET!),
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { DomainError, forbidden } from '@pdca/kernel';
import { Environment } from '@pdca/platform';
import { CSRF_HEADER, isCsrfTokenValid } from './csrf-token';
import { sessionCookieOf } from './session-cookie';
import { TokenService, VerifiedToken } from './token.service';
import { UserDirectory } from './user-directory';
import type { DirectoryActor } from './users-file';

export interface Authenticated {
  actor: DirectoryActor;
  token: VerifiedToken;
  /** The Authorization header (integrations) or the session cookie (the browser). */
  via: 'bearer' | 'cookie';
}

type Headers = Record<string, string | string[] | undefined>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN = /^[A-Za-z0-9_.-]{10,4096}$/;

export const unauthenticated = (
  reason: string,
  ja = 'ログインが必要です（有効なアクセストークンを指定してください）。',
) =>
  new DomainError('UNAUTHENTICATED', 'unauthenticated', ja, `A valid bearer token or session is required (${reason}).`);

/**
 * Who sends a request: a bearer token or the session cookie, correctly signed and unexpired, of a
 * user whom the users file still lists with the same role, ward, section and password. The
 * signature check is cached per token; the user check is a Map lookup on every request.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly directory: UserDirectory,
    private readonly environment: Environment,
  ) {}

  authenticate(headers: Headers): Authenticated {
    const authorization = headers.authorization;
    if (authorization !== undefined) {
      // A bearer header always wins; a malformed one is an error, never a fall-back to the cookie.
      const match = /^Bearer ([A-Za-z0-9_.-]{10,4096})$/.exec(String(authorization));
      if (!match) throw unauthenticated('malformed Authorization header');
      return this.check(match[1], 'bearer');
    }
    const cookie = sessionCookieOf(typeof headers.cookie === 'string' ? headers.cookie : undefined);
    if (cookie === undefined) throw unauthenticated('no Authorization header and no session');
    if (!TOKEN.test(cookie)) throw unauthenticated('malformed session cookie');
    return this.check(cookie, 'cookie');
  }

  /** A request that changes something and rides on the cookie must prove it comes from our own page. */
  requireCsrfToken(authenticated: Authenticated, method: string, headers: Headers): void {
    if (authenticated.via !== 'cookie' || SAFE_METHODS.has(method.toUpperCase())) return;
    if (isCsrfTokenValid(headers[CSRF_HEADER], authenticated.token.tokenId, this.environment.JWT_SECRET!)) return;
    throw forbidden(
      'CSRF_TOKEN_INVALID',
      '画面の有効期限が切れたか、不正な送信です。ページを再読み込みしてからやり直してください。',
      'Missing or wrong X-CSRF-Token header for a request authenticated by the session cookie; reload the page and try again.',
    );
  }

  private check(raw: string, via: Authenticated['via']): Authenticated {
    let token: VerifiedToken;
    try {
      token = this.tokens.verify(raw);
    } catch (error) {
      throw unauthenticated((error as Error).message);
    }
    const entry = this.directory.entry(token.userId);
    if (!entry) throw unauthenticated('the user no longer exists', 'この利用者は登録されていません。');
    const { actor } = entry;
    if (
      actor.role !== token.role ||
      actor.wardId !== token.wardId ||
      actor.sectionId !== token.sectionId ||
      entry.credentialStamp !== token.credentialStamp
    ) {
      throw unauthenticated(
        "the user's role, ward, section or password changed since sign-in",
        '利用者の登録内容が変わりました。もう一度ログインしてください。',
      );
    }
    return { actor, token, via };
  }
}

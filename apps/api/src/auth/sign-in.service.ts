import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@pdca/kernel';
import { throttleKeyOfAddress } from './client-address';
import { LoginThrottle, TooManyAttempts } from './login-throttle';
import { UserDirectory } from './user-directory';

/** Checks a user name and password for POST /auth/token and POST /auth/session alike, throttled. */
@Injectable()
export class SignIn {
  constructor(
    private readonly users: UserDirectory,
    private readonly throttle: LoginThrottle,
  ) {}

  async check(username: string, password: string, request: FastifyRequest, response: FastifyReply) {
    // Fastify's request.ip: the TCP peer, or the client as a proxy named in TRUST_PROXY reports it.
    const address = throttleKeyOfAddress(request.ip || request.socket.remoteAddress || 'unknown');
    try {
      const user = await this.throttle.guard(username, address, () => this.users.authenticate(username, password));
      if (!user) {
        throw new DomainError(
          'INVALID_CREDENTIALS',
          'unauthenticated',
          'ユーザー名またはパスワードが正しくありません。',
          'Wrong username or password.',
        );
      }
      return user;
    } catch (error) {
      if (error instanceof TooManyAttempts) response.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}

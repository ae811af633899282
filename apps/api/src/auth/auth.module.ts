import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Environment } from '@pdca/platform';
import { AuthGuard } from './auth.guard';
import { AuthHttpController } from './auth.http.controller';
import { LoginThrottle } from './login-throttle';
import { RequestAuthenticator } from './request-authenticator';
import { SessionHttpController } from './session.http.controller';
import { SignIn } from './sign-in.service';
import { TokenService } from './token.service';
import { UserDirectory } from './user-directory';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [Environment],
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every verify, which cost ~1.5 ms per request.
      useFactory: (environment: Environment) => ({
        secret: createSecretKey(Buffer.from(environment.JWT_SECRET!, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthHttpController, SessionHttpController],
  providers: [
    TokenService,
    UserDirectory,
    RequestAuthenticator,
    LoginThrottle,
    SignIn,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, RequestAuthenticator],
})
export class AuthModule {}

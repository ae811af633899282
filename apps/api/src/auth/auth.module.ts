import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Environment } from '@pdca/platform';
import { AuthGuard } from './auth.guard';
import { AuthHttpController } from './auth.http.controller';
import { TokenService } from './token.service';
import { UserDirectory } from './user-directory';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [Environment],
      useFactory: (environment: Environment) => ({ secret: environment.JWT_SECRET!, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [AuthHttpController],
  providers: [TokenService, UserDirectory, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}

import { BureauEntity, UserEntity } from '@hotline/database';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionAuthenticator } from './session-authenticator';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, BureauEntity])],
  controllers: [AuthController],
  providers: [
    TokenService,
    SessionsRepository,
    SessionAuthenticator,
    LoginThrottleService,
    AuthService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenService, SessionsRepository, SessionAuthenticator, LoginThrottleService, AuthService],
})
export class AuthModule {}

import { BureauEntity, UserEntity } from '@hotline/database';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionAuthenticator } from './session-authenticator';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, BureauEntity]), AuditModule],
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

import { BureauEntity, RefreshTokenEntity, UserEntity } from '@hotline/database';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, BureauEntity, RefreshTokenEntity])],
  controllers: [AuthController],
  providers: [TokenService, AuthService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenService, AuthService],
})
export class AuthModule {}

import { BureauEntity, RefreshTokenEntity, UserEntity } from '@hotline/database';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUsersController } from './admin-users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, BureauEntity]), AuditModule, AuthModule],
  controllers: [AdminUsersController],
  providers: [UsersRepository, UsersService],
})
export class UsersModule {}

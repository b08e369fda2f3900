import { BureauEntity } from '@hotline/database';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminBureausController } from './admin-bureaus.controller';
import { BureausRepository } from './bureaus.repository';
import { BureausService } from './bureaus.service';

@Module({
  imports: [TypeOrmModule.forFeature([BureauEntity]), AuditModule],
  controllers: [AdminBureausController],
  providers: [BureausRepository, BureausService],
})
export class BureausModule {}

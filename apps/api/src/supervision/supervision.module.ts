import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionRepository } from './supervision.repository';
import { SupervisionService } from './supervision.service';

/** Supervision notices (督办): each one starts a clock through the deadline engine. */
@Module({
  imports: [AuditModule, DeadlinesModule],
  controllers: [SupervisionController],
  providers: [SupervisionRepository, SupervisionService],
})
export class SupervisionModule {}

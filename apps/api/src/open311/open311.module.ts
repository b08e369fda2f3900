import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { Open311Controller } from './open311.controller';
import { Open311Guard } from './open311-api-key.guard';
import { Open311CatalogueRepository } from './open311-catalogue.repository';
import { Open311IntakeService } from './open311-intake.service';
import { Open311RequestsRepository } from './open311-requests.repository';
import { Open311RequestsService } from './open311-requests.service';
import { Open311ServicesService } from './open311-services.service';

@Module({
  imports: [ApiKeysModule, AuditModule, CasesModule],
  controllers: [Open311Controller],
  providers: [
    Open311Guard,
    Open311CatalogueRepository,
    Open311RequestsRepository,
    Open311ServicesService,
    Open311RequestsService,
    Open311IntakeService,
  ],
})
export class Open311Module {}

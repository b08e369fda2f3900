import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PublicCasesController } from './public-cases.controller';
import { PublicCasesService } from './public-cases.service';

/** Citizen routes: no login; rate-limited; the access code is the only key to a case. */
@Module({
  imports: [CasesModule],
  controllers: [PublicCasesController],
  providers: [PublicCasesService],
})
export class PublicModule {}

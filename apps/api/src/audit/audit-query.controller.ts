import { ZAuditPage, ZAuditQuerySchema, type TAuditPage, type TAuditQuery } from '@hotline/contracts';
import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditQueryService } from './audit-query.service';
import { Route } from '../common/route.decorator';

@ApiTags('admin')
@Controller('admin/audit')
export class AuditQueryController {
  constructor(private readonly audit: AuditQueryService) {}

  @Route.get('', {
    access: ['admin'],
    summary: 'Who did what and when; filter by actor, action, target and time; newest first',
    response: ZAuditPage,
  })
  search(@Query({ schema: ZAuditQuerySchema }) q: TAuditQuery): Promise<TAuditPage> {
    return this.audit.search(q);
  }
}

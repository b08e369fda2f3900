import { ZAuditQuerySchema, type TAuditPage, type TAuditQuery } from '@hotline/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorator';
import { AuditQueryService } from './audit-query.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditQueryController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Who did what and when; filter by actor, action, target and time; newest first' })
  search(@Query({ schema: ZAuditQuerySchema }) q: TAuditQuery): Promise<TAuditPage> {
    return this.audit.search(q);
  }
}

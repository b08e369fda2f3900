import {
  ZCreateBureauSchema,
  ZIdParam,
  ZUpdateBureauSchema,
  type TCreateBureau,
  type TUpdateBureau,
} from '@hotline/contracts';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { BureausService } from './bureaus.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/bureaus')
export class AdminBureausController {
  constructor(private readonly bureaus: BureausService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every bureau, active or deactivated' })
  list() {
    return this.bureaus.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a bureau' })
  create(
    @Body({ schema: ZCreateBureauSchema }) body: TCreateBureau,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.bureaus.create(body, p, meta);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, re-classify or (de)activate a bureau' })
  update(
    @Param('id', { schema: ZIdParam }) id: number,
    @Body({ schema: ZUpdateBureauSchema }) body: TUpdateBureau,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.bureaus.update(id, body, p, meta);
  }
}

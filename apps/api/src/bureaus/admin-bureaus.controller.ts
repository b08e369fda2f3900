import {
  ZBureau,
  ZBureauList,
  ZCreateBureauSchema,
  ZIdParam,
  ZUpdateBureauSchema,
  type TCreateBureau,
  type TUpdateBureau,
} from '@hotline/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { BureausService } from './bureaus.service';
import { Route } from '../common/route.decorator';

@ApiTags('admin')
@Controller('admin/bureaus')
export class AdminBureausController {
  constructor(private readonly bureaus: BureausService) {}

  @Route.get('', { access: ['admin'], summary: 'Every bureau, active or deactivated', response: ZBureauList })
  list() {
    return this.bureaus.list();
  }

  @Route.post('', { access: ['admin'], summary: 'Create a bureau', response: ZBureau })
  create(
    @Body({ schema: ZCreateBureauSchema }) body: TCreateBureau,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.bureaus.create(body, p, meta);
  }

  @Route.patch(':id', { access: ['admin'], summary: 'Rename, re-classify or (de)activate a bureau', response: ZBureau })
  update(
    @Param('id', { schema: ZIdParam }) id: number,
    @Body({ schema: ZUpdateBureauSchema }) body: TUpdateBureau,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.bureaus.update(id, body, p, meta);
  }
}

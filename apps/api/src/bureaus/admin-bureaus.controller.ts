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
import { Actor } from '../common/current-principal.decorator';
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
  create(@Body({ schema: ZCreateBureauSchema }) body: TCreateBureau, @Actor() { principal: p, meta }: Actor) {
    return this.bureaus.create(body, p, meta);
  }

  @Route.patch(':id', { access: ['admin'], summary: 'Rename, re-classify or (de)activate a bureau', response: ZBureau })
  update(
    @Param('id', { schema: ZIdParam }) id: number,
    @Body({ schema: ZUpdateBureauSchema }) body: TUpdateBureau,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.bureaus.update(id, body, p, meta);
  }
}

import {
  ZHotlineRulesHistory,
  ZHotlineRulesUpdate,
  ZHotlineRulesVersion,
  type THotlineRulesUpdate,
} from '@hotline/contracts';
import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_STAFF } from '../common/access.decorator';
import { Actor } from '../common/current-principal.decorator';
import { Route } from '../common/route.decorator';
import { HotlineRulesService } from './hotline-rules.service';

@ApiTags('rules')
@Controller('rules')
export class HotlineRulesController {
  constructor(private readonly rules: HotlineRulesService) {}

  @Route.get('', {
    access: ALL_STAFF,
    summary: 'The hotline rules in force and their version',
    response: ZHotlineRulesVersion,
  })
  current() {
    return this.rules.current();
  }

  @Route.get('versions', {
    access: ['admin', 'supervisor'],
    summary: 'Every saved version of the hotline rules, newest first',
    response: ZHotlineRulesHistory,
  })
  history() {
    return this.rules.history();
  }

  @Route.put('', {
    access: ['admin'],
    summary: 'Save a new version of the hotline rules (send the version you edited and why)',
    response: ZHotlineRulesVersion,
  })
  update(@Body({ schema: ZHotlineRulesUpdate }) body: THotlineRulesUpdate, @Actor() { principal: p, meta }: Actor) {
    return this.rules.update(p, body, meta);
  }
}

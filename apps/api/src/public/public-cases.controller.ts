import {
  ZPublicCaseIntakeSchema,
  ZPublicCaseView,
  ZPublicFeedbackSchema,
  ZPublicIntakeResult,
  ZTrackingNumberParam,
  type TPublicCaseIntake,
  type TPublicFeedback,
} from '@hotline/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdempotencyKey } from '../cases/idempotency-key.decorator';
import { ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import { RateLimit } from '../common/rate-limit.decorator';
import { AccessCode } from './access-code.decorator';
import { PublicCasesService } from './public-cases.service';
import { Route } from '../common/route.decorator';

const trackingNumber = { schema: ZTrackingNumberParam };

/** The citizen's side: submit without an account, then follow the case with the access code. */
@ApiTags('public')
@Controller('public/cases')
export class PublicCasesController {
  constructor(private readonly cases: PublicCasesService) {}

  @Route.post('', {
    access: 'public',
    summary: 'Submit a request (channel web); returns the tracking number and access code, shown once',
    response: ZPublicIntakeResult,
  })
  @RateLimit({ bucket: 'public-intake', perMinute: 'public' })
  submit(
    @Body({ schema: ZPublicCaseIntakeSchema }) body: TPublicCaseIntake,
    @IdempotencyKey() key: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.cases.submit(body, key, meta);
  }

  @Route.get(':trackingNumber', {
    access: 'public',
    summary: 'Track a case with its access code (X-Access-Code header or ?code=)',
    response: ZPublicCaseView,
  })
  @RateLimit({ bucket: 'public-track', perMinute: 'public' })
  view(@Param('trackingNumber', trackingNumber) tn: string, @AccessCode() code: string | undefined) {
    return this.cases.view(tn, code);
  }

  @Route.post(':trackingNumber/feedback', {
    access: 'public',
    summary: "The citizen's follow-up answers once the bureau has replied",
    status: 200,
    response: ZPublicCaseView,
  })
  @RateLimit({ bucket: 'public-feedback', perMinute: 'public' })
  feedback(
    @Param('trackingNumber', trackingNumber) tn: string,
    @Body({ schema: ZPublicFeedbackSchema }) body: TPublicFeedback,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.cases.feedback(tn, body, meta);
  }
}

import {
  ZPublicCaseIntakeSchema,
  ZPublicFeedbackSchema,
  ZTrackingNumberParam,
  type TPublicCaseIntake,
  type TPublicFeedback,
} from '@hotline/contracts';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdempotencyKey } from '../cases/idempotency-key.decorator';
import { Public } from '../common/access.decorator';
import { ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import { RateLimit } from '../common/rate-limit.decorator';
import { AccessCode } from './access-code.decorator';
import { PublicCasesService } from './public-cases.service';

const trackingNumber = { schema: ZTrackingNumberParam };

/** The citizen's side: submit without an account, then follow the case with the access code. */
@ApiTags('public')
@Controller('public/cases')
export class PublicCasesController {
  constructor(private readonly cases: PublicCasesService) {}

  @Post()
  @Public()
  @RateLimit({ bucket: 'public-intake', perMinute: 'public' })
  @ApiOperation({ summary: 'Submit a request (channel web); returns the tracking number and access code, shown once' })
  submit(
    @Body({ schema: ZPublicCaseIntakeSchema }) body: TPublicCaseIntake,
    @IdempotencyKey() key: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.cases.submit(body, key, meta);
  }

  @Get(':trackingNumber')
  @Public()
  @RateLimit({ bucket: 'public-track', perMinute: 'public' })
  @ApiOperation({ summary: 'Track a case with its access code (X-Access-Code header or ?code=)' })
  view(@Param('trackingNumber', trackingNumber) tn: string, @AccessCode() code: string | undefined) {
    return this.cases.view(tn, code);
  }

  @Post(':trackingNumber/feedback')
  @Public()
  @RateLimit({ bucket: 'public-feedback', perMinute: 'public' })
  @HttpCode(200)
  @ApiOperation({ summary: "The citizen's follow-up answers once the bureau has replied" })
  feedback(
    @Param('trackingNumber', trackingNumber) tn: string,
    @Body({ schema: ZPublicFeedbackSchema }) body: TPublicFeedback,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.cases.feedback(tn, body, meta);
  }
}

import type { TIntakeCommand, TOpen311CreateRequest, TOpen311CreatedRequest } from '@hotline/contracts';
import type { ApiKeyEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { CaseIntakeService } from '../cases/case-intake.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import { Open311CatalogueRepository } from './open311-catalogue.repository';
import type { Open311Document, Open311Lang } from './open311-format';
import { requestsDocument } from './open311-requests.service';
import { checkAttributes, nearestStreet, type StreetPoint, streetNamedIn } from './open311-rules';
import { DomainError } from '../common/domain-error';

/**
 * Open311 reports are problems a resident points at (a stall on the pavement, a dark lamp),
 * which the hotline files as complaints (投诉) of normal urgency; agents may re-type them.
 */
const OPEN311_REQUEST_TYPE: TIntakeCommand['type'] = 'complaint';

/**
 * POST /requests: a GeoReport v2 request becomes a case through the same intake and flat
 * dispatch as every other channel (channel 'open311', actor = the API key).
 */
@Injectable()
export class Open311IntakeService {
  constructor(
    private readonly catalogue: Open311CatalogueRepository,
    private readonly intake: CaseIntakeService,
  ) {}

  async create(
    req: TOpen311CreateRequest,
    key: ApiKeyEntity,
    lang: Open311Lang,
    idempotencyKey: string | undefined,
    meta: RequestMeta,
  ): Promise<Open311Document> {
    const service = await this.catalogue.findLeafByCode(req.service_code!);
    if (!service)
      throw new DomainError('open311.service_not_found', 404, `service_code ${req.service_code} was not found`);
    const answers = checkAttributes(service.attributes, req.attribute ?? {});
    if ('errors' in answers)
      throw new DomainError('open311.invalid_request', 400, answers.errors.join('; '), undefined, answers.errors);
    const street = await this.locate(req);

    const name = [req.first_name, req.last_name].filter(Boolean).join(' ');
    const cmd: TIntakeCommand = {
      channel: 'open311',
      type: OPEN311_REQUEST_TYPE,
      urgency: 'normal',
      categoryId: service.id,
      ...(street ? { districtId: street.districtId, streetId: street.id } : {}),
      ...(req.address_string ? { address: req.address_string } : {}),
      ...(req.lat !== undefined && req.long !== undefined ? { lat: req.lat, lng: req.long } : {}),
      // The spec makes description optional; a case needs one, and the service name says what it is.
      description: req.description ?? service.nameZh,
      attributes: answers.values,
      ...(req.media_url ? { mediaUrl: req.media_url } : {}),
      caller: {
        ...(name ? { name } : {}),
        ...(req.phone ? { phone: req.phone } : {}),
        ...(req.email ? { email: req.email } : {}),
        anonymous: !name && !req.phone && !req.email,
      },
      sourceRef: {
        apiKeyId: key.id,
        apiKeyName: key.name,
        ...(req.account_id ? { accountId: req.account_id } : {}),
        ...(req.device_id ? { deviceId: req.device_id } : {}),
      },
    };
    const { caseRow, accessCode } = await this.intake.intake(
      cmd,
      { type: 'api_key', id: key.id, name: key.name },
      idempotencyKey,
      meta,
    );
    const body: TOpen311CreatedRequest = {
      // Created at once, so service_request_id and no token (the spec's either-or).
      service_request_id: caseRow.trackingNumber,
      service_notice: notice(caseRow.status, accessCode, lang),
      account_id: req.account_id ?? null,
    };
    return requestsDocument([body]);
  }

  /**
   * The street the case is about, so the catalogue's area rules apply: address_id is a
   * street code; a point is snapped to the nearest street; an address may name a street.
   */
  private async locate(req: TOpen311CreateRequest): Promise<StreetPoint | null> {
    const streets = await this.catalogue.listStreets();
    if (req.address_id) {
      const street = streets.find((s) => s.code === req.address_id);
      if (!street)
        throw new DomainError(
          'open311.address_not_found',
          400,
          `address_id ${req.address_id} is not a known street code`,
        );
      return street;
    }
    if (req.lat !== undefined && req.long !== undefined) {
      const street = nearestStreet(streets, req.lat, req.long);
      if (!street) throw new DomainError('open311.outside_jurisdiction', 400, 'lat/long lies outside the jurisdiction');
      return street;
    }
    return req.address_string ? streetNamedIn(streets, req.address_string) : null;
  }
}

function notice(status: string, accessCode: string | null, lang: Open311Lang): string {
  const en = lang === 'en';
  const state =
    status === 'dispatched'
      ? en
        ? 'Registered and sent to the responsible bureau.'
        : '已受理，并已派发至责任单位。'
      : en
        ? 'Registered; the hotline will assign it to the responsible bureau.'
        : '已受理，热线将尽快派发至责任单位。';
  if (!accessCode) return state;
  return en
    ? `${state} The resident can follow it on the 12345 website with access code ${accessCode}.`
    : `${state}市民可凭查询码 ${accessCode} 在 12345 网站查询办理进度。`;
}

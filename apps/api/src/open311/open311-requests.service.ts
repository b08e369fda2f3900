import type { TOpen311RequestsQuery, TOpen311ServiceRequest, TOpen311Token } from '@hotline/contracts';
import { CASE_STATUSES, coarsenCoordinate, type Open311ReadScope, open311ReadScope } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { isoCityTime, type Open311Document, type Open311Lang } from './open311-format';
import { type PublicCaseRow, Open311RequestsRepository } from './open311-requests.repository';
import { open311Status, requestWindow } from './open311-rules';
import { DomainError } from '../common/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The read side of Open311: service requests as the public may see them. */
@Injectable()
export class Open311RequestsService {
  constructor(private readonly requests: Open311RequestsRepository) {}

  /** `keyed`: the request carries a valid api_key, which widens what it may read (open311ReadScope). */
  async query(q: TOpen311RequestsQuery, lang: Open311Lang, keyed: boolean): Promise<Open311Document> {
    let rows: PublicCaseRow[];
    const scope = open311ReadScope(keyed);
    const page = { limit: q.page_size, offset: (q.page - 1) * q.page_size, channels: channelsOf(scope) };
    if (q.service_request_id) {
      rows = await this.requests.findPublic({ trackingNumbers: q.service_request_id, ...page });
    } else {
      const window = requestWindow(q.start_date, q.end_date, new Date());
      if ('error' in window) throw new DomainError('open311.invalid_request', 400, window.error);
      const wanted = q.status;
      rows = await this.requests.findPublic({
        ...window,
        categoryCodes: q.service_code,
        statuses: wanted ? CASE_STATUSES.filter((s) => wanted.includes(open311Status(s))) : undefined,
        ...page,
      });
    }
    return requestsDocument(rows.map((r) => toServiceRequest(r, lang, scope)));
  }

  async one(trackingNumber: string, lang: Open311Lang, keyed: boolean): Promise<Open311Document> {
    const scope = open311ReadScope(keyed);
    const row = await this.requests.findPublicByTrackingNumber(trackingNumber, channelsOf(scope));
    if (!row)
      throw new DomainError('open311.request_not_found', 404, `service_request_id ${trackingNumber} was not found`);
    return requestsDocument([toServiceRequest(row, lang, scope)]);
  }

  async token(token: string): Promise<Open311Document> {
    const trackingNumber = UUID.test(token) ? await this.requests.findTrackingNumberByToken(token) : null;
    if (!trackingNumber) throw new DomainError('open311.token_not_found', 404, `token ${token} was not found`);
    const body: TOpen311Token[] = [{ service_request_id: trackingNumber, token }];
    return { root: 'service_requests', item: 'request', body };
  }
}

export function requestsDocument(body: object[]): Open311Document {
  return { root: 'service_requests', item: 'request', body };
}

const channelsOf = (scope: Open311ReadScope) => (scope.channels === 'all' ? undefined : scope.channels);

/**
 * The published projection; the caller's name, phone and e-mail are not even selected.
 * Anonymous readers get the place as street and district and the point rounded, never the
 * free-text address, which often holds a house number.
 */
function toServiceRequest(r: PublicCaseRow, lang: Open311Lang, scope: Open311ReadScope): TOpen311ServiceRequest {
  const en = lang === 'en';
  const status = open311Status(r.status);
  const place = [en ? r.districtEn : r.districtZh, en ? r.streetEn : r.streetZh].filter(Boolean).join(en ? ', ' : '');
  return {
    service_request_id: r.trackingNumber,
    status,
    status_notes: status === 'closed' ? (r.publicReply ?? r.directAnswer ?? null) : null,
    service_name: (en ? r.categoryEn : r.categoryZh) ?? null,
    service_code: r.categoryCode,
    description: r.description,
    agency_responsible: (en ? r.bureauEn : r.bureauZh) ?? null,
    service_notice: null,
    requested_datetime: isoCityTime(r.createdAt),
    updated_datetime: isoCityTime(r.updatedAt),
    expected_datetime: r.replyDueAt ? isoCityTime(r.replyDueAt) : null,
    address: (scope.exactLocation ? r.address : null) ?? (place || null),
    address_id: r.streetCode,
    zipcode: null,
    lat: scope.exactLocation ? r.lat : coarsenCoordinate(r.lat),
    long: scope.exactLocation ? r.lng : coarsenCoordinate(r.lng),
    media_url: r.mediaUrl,
  };
}

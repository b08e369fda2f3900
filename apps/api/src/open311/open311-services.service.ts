import type { TOpen311Discovery, TOpen311Service, TOpen311ServiceDefinition } from '@hotline/contracts';
import { env } from '@hotline/config';
import { Injectable } from '@nestjs/common';
import { Open311CatalogueRepository, type ServiceLeaf } from './open311-catalogue.repository';
import { CONTENT_TYPES, type Open311Document, type Open311Lang } from './open311-format';
import { DomainError } from '../common/domain-error';

/** Bumped whenever the Open311 surface changes, so clients know to re-read discovery. */
const API_CHANGESET = '2026-11-25T00:00:00+08:00';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** Discovery and the service list: the dispatch catalogue's leaves as Open311 services. */
@Injectable()
export class Open311ServicesService {
  constructor(private readonly catalogue: Open311CatalogueRepository) {}

  /** The endpoint URL comes from PUBLIC_API_URL: a Host header is the client's to choose. */
  discovery(): Open311Document {
    const body: TOpen311Discovery = {
      changeset: API_CHANGESET,
      contact: `12345 Citizen Service Hotline, ${env().OPEN311_JURISDICTION_ID} (call 12345)`,
      key_service: 'API keys are issued by the hotline administrator (POST /api/admin/api-keys); ask the 12345 office',
      endpoints: [
        {
          specification: SPECIFICATION,
          url: `${env().PUBLIC_API_URL}/open311/v2`,
          changeset: API_CHANGESET,
          type: 'production',
          formats: [CONTENT_TYPES.xml.split(';')[0]!, CONTENT_TYPES.json.split(';')[0]!],
        },
      ],
    };
    return { root: 'discovery', body };
  }

  async list(lang: Open311Lang): Promise<Open311Document> {
    const leaves = await this.catalogue.listLeaves();
    return { root: 'services', item: 'service', body: leaves.map((leaf) => toService(leaf, lang)) };
  }

  async definition(code: string, lang: Open311Lang): Promise<Open311Document> {
    const leaf = await this.catalogue.findLeafByCode(code);
    if (!leaf) throw new DomainError('open311.service_not_found', 404, `service_code ${code} was not found`);
    const body: TOpen311ServiceDefinition = {
      service_code: leaf.code,
      attributes: [...leaf.attributes]
        .sort((a, b) => a.order - b.order)
        .map((a) => ({
          variable: true,
          code: a.code,
          datatype: a.datatype,
          required: a.required,
          datatype_description: DATATYPE_HINT[lang][a.datatype] ?? null,
          order: a.order,
          description: lang === 'en' ? a.descriptionEn : a.descriptionZh,
          values: (a.values ?? []).map((v) => ({ key: v.key, name: lang === 'en' ? v.nameEn : v.nameZh })),
        })),
    };
    return { root: 'service_definition', body };
  }
}

const DATATYPE_HINT: Record<Open311Lang, Partial<Record<string, string>>> = {
  en: { number: 'A number, e.g. 3', datetime: 'ISO-8601 date and time, e.g. 2026-11-25T09:30:00+08:00' },
  zh: { number: '数字，例如 3', datetime: 'ISO-8601 日期时间，例如 2026-11-25T09:30:00+08:00' },
};

function toService(leaf: ServiceLeaf, lang: Open311Lang): TOpen311Service {
  const path = lang === 'en' ? leaf.pathEn : leaf.pathZh;
  return {
    service_code: leaf.code,
    service_name: lang === 'en' ? leaf.nameEn : leaf.nameZh,
    description: path.join(' / '),
    metadata: leaf.attributes.length > 0,
    type: 'realtime',
    keywords: leaf.keywords.join(','),
    group: path[0] ?? '',
  };
}

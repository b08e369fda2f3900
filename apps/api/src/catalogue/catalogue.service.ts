import type { TCatalogueBureau, TDistrict } from '@hotline/contracts';
import type { BureauEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { CatalogueRepository } from './catalogue.repository';

export const toBureauRef = (b: BureauEntity): TCatalogueBureau => ({
  id: b.id,
  code: b.code,
  nameZh: b.nameZh,
  nameEn: b.nameEn,
});

/** The city map and the bureau list as the intake form and filters show them. */
@Injectable()
export class CatalogueService {
  constructor(private readonly repo: CatalogueRepository) {}

  async districts(): Promise<TDistrict[]> {
    const [districts, streets] = await Promise.all([this.repo.findAllDistricts(), this.repo.findAllStreets()]);
    return districts.map((d) => ({
      id: d.id,
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      streets: streets
        .filter((s) => s.districtId === d.id)
        .map((s) => ({ id: s.id, code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, lat: s.lat, lng: s.lng })),
    }));
  }

  async activeBureaus(): Promise<(TCatalogueBureau & { kind: string })[]> {
    return (await this.repo.findActiveBureaus()).map((b) => ({ ...toBureauRef(b), kind: b.kind }));
  }
}

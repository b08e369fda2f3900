import { BureauEntity, DistrictEntity, StreetEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';

/** Read-side queries over the city map and the bureaus, one purpose per method. */
@Injectable()
export class CatalogueRepository {
  constructor(
    @InjectRepository(DistrictEntity) private readonly districts: Repository<DistrictEntity>,
    @InjectRepository(StreetEntity) private readonly streets: Repository<StreetEntity>,
    @InjectRepository(BureauEntity) private readonly bureaus: Repository<BureauEntity>,
  ) {}

  findAllDistricts(): Promise<DistrictEntity[]> {
    return this.districts.find({ order: { code: 'ASC' } });
  }

  findAllStreets(): Promise<StreetEntity[]> {
    return this.streets.find({ order: { code: 'ASC' } });
  }

  findDistrictById(id: number): Promise<DistrictEntity | null> {
    return this.districts.findOne({ where: { id } });
  }

  findStreetById(id: number): Promise<StreetEntity | null> {
    return this.streets.findOne({ where: { id } });
  }

  findActiveBureaus(): Promise<BureauEntity[]> {
    return this.bureaus.find({ where: { active: true }, order: { kind: 'ASC', code: 'ASC' } });
  }

  findBureausByIds(ids: number[]): Promise<BureauEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.bureaus.find({ where: { id: In(ids) } });
  }
}

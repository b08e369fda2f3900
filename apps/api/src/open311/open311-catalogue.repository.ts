import type { CategoryAttribute } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StreetPoint } from './open311-rules';

/** A catalogue leaf with the names of its top-level class (the Open311 group). */
export interface ServiceLeaf {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  pathZh: string[];
  pathEn: string[];
  keywords: string[];
  attributes: CategoryAttribute[];
}

/**
 * Leaves = active categories without active children, with their root→leaf names, in
 * catalogue order. One recursive query: the tree is a few thousand rows at most.
 */
const LEAVES_SQL = `
  WITH RECURSIVE tree AS (
    SELECT id, code, name_zh, name_en, keywords, attributes, ARRAY[name_zh] AS path_zh, ARRAY[name_en] AS path_en,
           ARRAY[sort_order, id] AS sort_key
      FROM categories WHERE parent_id IS NULL AND active
    UNION ALL
    SELECT c.id, c.code, c.name_zh, c.name_en, c.keywords, c.attributes, t.path_zh || c.name_zh, t.path_en || c.name_en,
           t.sort_key || ARRAY[c.sort_order, c.id]
      FROM categories c JOIN tree t ON c.parent_id = t.id WHERE c.active
  )
  SELECT t.id, t.code, t.name_zh AS "nameZh", t.name_en AS "nameEn", t.path_zh AS "pathZh", t.path_en AS "pathEn",
         t.keywords, t.attributes
    FROM tree t
   WHERE NOT EXISTS (SELECT 1 FROM categories ch WHERE ch.parent_id = t.id AND ch.active)`;

@Injectable()
export class Open311CatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  listLeaves(): Promise<ServiceLeaf[]> {
    return this.dataSource.query(`${LEAVES_SQL} ORDER BY t.sort_key`);
  }

  async findLeafByCode(code: string): Promise<ServiceLeaf | null> {
    const rows: ServiceLeaf[] = await this.dataSource.query(`${LEAVES_SQL} AND t.code = $1`, [code]);
    return rows[0] ?? null;
  }

  listStreets(): Promise<StreetPoint[]> {
    return this.dataSource.query(
      `SELECT id, district_id AS "districtId", code, name_zh AS "nameZh", name_en AS "nameEn", lat, lng
         FROM streets ORDER BY id`,
    );
  }
}

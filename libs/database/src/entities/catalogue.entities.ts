import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A unit that owns cases (a municipal bureau, a utility company, a district office). */
@Entity({ name: 'bureaus' })
export class BureauEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export interface CategoryAttribute {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  order: number;
  descriptionZh: string;
  descriptionEn: string;
  values?: { key: string; nameZh: string; nameEn: string }[];
}

/** One node of the three-level category tree (level 1 = top class, 3 = leaf). */
@Entity({ name: 'categories' })
export class CategoryEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'parent_id', type: 'int', nullable: true }) parentId!: number | null;
  @Column({ type: 'smallint' }) level!: number;
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  /** Full pinyin and initials of the Chinese path, so agents can search by typing "zdjy". */
  @Column({ type: 'text', default: '' }) pinyin!: string;
  @Column({ type: 'text', array: true, default: '{}' }) keywords!: string[];
  /** Everyday words citizens use for it ("小摊贩", "停水了"): search and suggestions match them. */
  @Column({ type: 'text', array: true, default: '{}' }) synonyms!: string[];
  @Column({ name: 'deadline_class', type: 'text', nullable: true }) deadlineClass!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) attributes!: CategoryAttribute[];
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

@Entity({ name: 'districts' })
export class DistrictEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
}

@Entity({ name: 'streets' })
export class StreetEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'district_id', type: 'int' }) districtId!: number;
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ name: 'name_zh', type: 'text' }) nameZh!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  @Column({ type: 'double precision' }) lat!: number;
  @Column({ type: 'double precision' }) lng!: number;
}

/**
 * One line of the dispatch catalogue. `specificityKey` is unique among active rules, so two
 * rules can never claim the same (category, area, keyword) and matching never ties.
 */
@Entity({ name: 'dispatch_rules' })
export class DispatchRuleEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'category_id', type: 'int' }) categoryId!: number;
  @Column({ name: 'district_id', type: 'int', nullable: true }) districtId!: number | null;
  @Column({ name: 'street_id', type: 'int', nullable: true }) streetId!: number | null;
  @Column({ type: 'text', nullable: true }) keyword!: string | null;
  @Column({ name: 'lead_bureau_id', type: 'int' }) leadBureauId!: number;
  @Column({ name: 'assisting_bureau_ids', type: 'int', array: true, default: '{}' }) assistingBureauIds!: number[];
  @Column({ name: 'specificity_key', type: 'text' }) specificityKey!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** Every change to a rule, kept forever: who changed what, and the rule as it was after. */
@Entity({ name: 'dispatch_rule_versions' })
export class DispatchRuleVersionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'rule_id', type: 'int' }) ruleId!: number;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'text' }) change!: 'create' | 'update' | 'deactivate';
  @Column({ type: 'jsonb' }) snapshot!: Record<string, unknown>;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' }) changedAt!: Date;
}

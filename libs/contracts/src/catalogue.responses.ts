import { z } from 'zod';
import { ZCategorySuggestResultSchema } from './catalogue.schemas';
import { BUREAU_KINDS } from './identity.schemas';

const instant = z.iso.datetime({ offset: true });
const intId = z.number().int();
/** A catalogue entry's identity: its row id, stable code and bilingual name. */
const codedName = { id: intId, code: z.string(), nameZh: z.string(), nameEn: z.string() };
/** A category's identity with its tree level; level precedes the names in the documented field order. */
const categoryHead = { id: intId, code: z.string(), level: intId, nameZh: z.string(), nameEn: z.string() };

export interface TCategoryNode {
  id: number;
  code: string;
  level: number;
  nameZh: string;
  nameEn: string;
  keywords: string[];
  /** Everyday words for it (小摊贩, 停水了); the search and suggestions match them. */
  synonyms: string[];
  children: TCategoryNode[];
}
/** The tree nests itself; the interface above names the recursion zod cannot infer. */
export const ZCategoryNode: z.ZodType<TCategoryNode> = z
  .object({
    ...categoryHead,
    keywords: z.array(z.string()),
    synonyms: z.array(z.string()),
    get children() {
      return z.array(ZCategoryNode);
    },
  })
  .meta({ id: 'CategoryNode' });
export const ZCategoryTree = z.array(ZCategoryNode);

export const ZCategorySearchHit = z
  .object({
    ...categoryHead,
    /** Names from the top class down to this leaf. */
    pathZh: z.array(z.string()),
    pathEn: z.array(z.string()),
  })
  .meta({ id: 'CategorySearchHit' });
export type TCategorySearchHit = z.infer<typeof ZCategorySearchHit>;
export const ZCategorySearchHitList = z.array(ZCategorySearchHit);

export const ZCategorySuggestResult = ZCategorySuggestResultSchema.meta({ id: 'CategorySuggestResult' });

export const ZStreet = z.object({ ...codedName, lat: z.number(), lng: z.number() }).meta({ id: 'Street' });
export type TStreet = z.infer<typeof ZStreet>;

export const ZDistrict = z.object({ ...codedName, streets: z.array(ZStreet) }).meta({ id: 'District' });
export type TDistrict = z.infer<typeof ZDistrict>;
export const ZDistrictList = z.array(ZDistrict);

export const ZCatalogueBureau = z.object(codedName).meta({ id: 'CatalogueBureau' });
export type TCatalogueBureau = z.infer<typeof ZCatalogueBureau>;

/** GET /bureaus: the active bureaus for pickers, with their kind. */
export const ZActiveBureau = ZCatalogueBureau.extend({ kind: z.enum(BUREAU_KINDS) }).meta({ id: 'ActiveBureau' });
export type TActiveBureau = z.infer<typeof ZActiveBureau>;
export const ZActiveBureauList = z.array(ZActiveBureau);

export const ZDispatchRule = z
  .object({
    id: intId,
    categoryId: intId,
    districtId: intId.nullable(),
    streetId: intId.nullable(),
    keyword: z.string().nullable(),
    leadBureauId: intId,
    assistingBureauIds: z.array(intId),
    active: z.boolean(),
    version: intId,
    updatedBy: z.string().nullable(),
    updatedAt: instant,
  })
  .meta({ id: 'DispatchRule' });
export type TDispatchRule = z.infer<typeof ZDispatchRule>;
export const ZDispatchRuleList = z.array(ZDispatchRule);

export const ZDispatchRuleVersion = z
  .object({
    id: z.string(),
    ruleId: intId,
    version: intId,
    change: z.enum(['create', 'update', 'deactivate']),
    snapshot: z.record(z.string(), z.unknown()),
    changedBy: z.string().nullable(),
    changedAt: instant,
  })
  .meta({ id: 'DispatchRuleVersion' });
export type TDispatchRuleVersion = z.infer<typeof ZDispatchRuleVersion>;
export const ZDispatchRuleVersionList = z.array(ZDispatchRuleVersion);

export const ZDispatchPreview = z
  .object({
    matched: z.boolean(),
    bureau: ZCatalogueBureau.nullable(),
    assistingBureaus: z.array(ZCatalogueBureau),
    rule: ZDispatchRule.nullable(),
    /** English, as `reasonEn` (kept for older clients). */
    reason: z.string(),
    reasonEn: z.string(),
    reasonZh: z.string(),
  })
  .meta({ id: 'DispatchPreview' });
export type TDispatchPreview = z.infer<typeof ZDispatchPreview>;

import {
  BureauEntity,
  CategoryEntity,
  DispatchRuleEntity,
  DispatchRuleVersionEntity,
  DistrictEntity,
  StreetEntity,
} from './catalogue.entities';
import { CaseEntity, CaseEventEntity } from './case.entities';
import { AuditLogEntity, RefreshTokenEntity, UserEntity } from './identity.entities';
import { ApiKeyEntity } from './api-key.entities';

/**
 * Entities are listed as classes, not globs, so compiled and test builds find the same set.
 * Only tables the code reads or writes through TypeORM have one; the deadline, notification,
 * outbox and idempotency tables are read and written with plain SQL (the schema lives
 * in the migrations, and `synchronize` is off).
 */
export const ENTITIES = [
  BureauEntity,
  CategoryEntity,
  DistrictEntity,
  StreetEntity,
  DispatchRuleEntity,
  DispatchRuleVersionEntity,
  UserEntity,
  RefreshTokenEntity,
  AuditLogEntity,
  CaseEntity,
  CaseEventEntity,
  ApiKeyEntity,
];

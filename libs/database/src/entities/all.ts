import {
  BureauEntity,
  CategoryEntity,
  DispatchRuleEntity,
  DispatchRuleVersionEntity,
  DistrictEntity,
  StreetEntity,
} from './catalogue.entities';
import { CaseEntity, CaseEventEntity, OutboxEventEntity } from './case.entities';
import { AuditLogEntity, IdempotencyKeyEntity, RefreshTokenEntity, UserEntity } from './identity.entities';
import { ApiKeyEntity } from './api-key.entities';
import {
  CalendarDayEntity,
  CaseDeadlineEntity,
  DeadlinePolicyEntity,
  DeadlinePolicyVersionEntity,
  DeadlineSettingsEntity,
  ExtensionRequestEntity,
  NotificationEntity,
  SupervisionNoticeEntity,
} from './deadline.entities';

/** Entities are listed as classes, not globs, so compiled and test builds find the same set. */
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
  IdempotencyKeyEntity,
  CaseEntity,
  CaseEventEntity,
  OutboxEventEntity,
  ApiKeyEntity,
  DeadlineSettingsEntity,
  CalendarDayEntity,
  DeadlinePolicyEntity,
  DeadlinePolicyVersionEntity,
  CaseDeadlineEntity,
  ExtensionRequestEntity,
  SupervisionNoticeEntity,
  NotificationEntity,
];

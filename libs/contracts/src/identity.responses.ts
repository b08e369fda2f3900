import { z } from 'zod';
import { STAFF_ACCOUNT_FIELDS } from './auth.responses';
import { ZBureauRef } from './case.responses';
import { BUREAU_KINDS } from './identity.schemas';

const instant = z.iso.datetime({ offset: true });

export const ZAdminUser = z
  .object({
    ...STAFF_ACCOUNT_FIELDS,
    disabled: z.boolean(),
    lastLoginAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'AdminUser' });
export type TAdminUser = z.infer<typeof ZAdminUser>;
export const ZAdminUserList = z.array(ZAdminUser);

export const ZBureau = z
  .object({
    ...ZBureauRef.shape,
    kind: z.enum(BUREAU_KINDS),
    active: z.boolean(),
  })
  .meta({ id: 'Bureau' });
export type TBureau = z.infer<typeof ZBureau>;
export const ZBureauList = z.array(ZBureau);

export const ZAuditEntry = z
  .object({
    id: z.string(),
    at: instant,
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z
  .object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export type TAuditPage = z.infer<typeof ZAuditPage>;

import { z } from 'zod';
import { instantInRange } from './safe-input';
import { STAFF_ROLES } from './auth.schemas';
import {
  containsUsername,
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PROBLEM_MESSAGES,
} from './password-policy';

// Identity administration (issue 3): users, bureaus and the audit log. The same schemas
// validate the admin API and drive the admin screens' forms.

export const BUREAU_KINDS = ['municipal', 'district', 'utility', 'street'] as const;
export type TBureauKind = (typeof BUREAU_KINDS)[number];

const id = z.coerce.number().int('Must be a whole number').positive('Must be a positive id');
const name = (what: string, max = 100) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} is too long (max ${max} characters)`);

/**
 * At least 12 characters and not a common or breached password (passwordProblem). Whether it
 * contains the username is checked where the username is known (ZCreateUserSchema; the reset
 * in the API service).
 */
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, PASSWORD_PROBLEM_MESSAGES.too_short)
  .max(PASSWORD_MAX_LENGTH, PASSWORD_PROBLEM_MESSAGES.too_long)
  .superRefine(async (password, ctx) => {
    if (password.length >= PASSWORD_MIN_LENGTH && (await isCommonPassword(password))) {
      ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_MESSAGES.common, params: { password: 'common' } });
    }
  });

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'A username is 3 to 32 letters, digits, dots, hyphens or underscores');

/** Handlers belong to exactly one bureau; every other role belongs to none. */
function bureauMatchesRole(v: { role?: string; bureauId?: number | null }, ctx: z.RefinementCtx): void {
  if (v.role === 'handler' && (v.bureauId === undefined || v.bureauId === null)) {
    ctx.addIssue({ code: 'custom', path: ['bureauId'], message: 'A handler must belong to a bureau' });
  }
  if (v.role !== undefined && v.role !== 'handler' && v.bureauId !== undefined && v.bureauId !== null) {
    ctx.addIssue({ code: 'custom', path: ['bureauId'], message: 'Only handlers belong to a bureau' });
  }
}

export const ZCreateUserSchema = z
  .strictObject({
    username: ZUsername,
    displayName: name('a display name'),
    role: z.enum(STAFF_ROLES, 'Role must be agent, handler, supervisor or admin'),
    bureauId: id.nullable().optional(),
    password: ZPassword,
  })
  .superRefine(bureauMatchesRole)
  .superRefine((v, ctx) => {
    if (containsUsername(v.password, v.username)) {
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message: PASSWORD_PROBLEM_MESSAGES.contains_username,
        params: { password: 'contains_username' },
      });
    }
  });
export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

/** Role and bureau are checked together against the stored user in the service. */
export const ZUpdateUserSchema = z
  .strictObject({
    displayName: name('a display name').optional(),
    role: z.enum(STAFF_ROLES, 'Role must be agent, handler, supervisor or admin').optional(),
    bureauId: id.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of displayName, role, bureauId');
export type TUpdateUser = z.infer<typeof ZUpdateUserSchema>;

export const ZResetPasswordSchema = z.strictObject({ password: ZPassword });
export type TResetPassword = z.infer<typeof ZResetPasswordSchema>;

export const ZUsersQuerySchema = z.strictObject({
  role: z.enum(STAFF_ROLES).optional(),
  bureauId: id.optional(),
  q: z.string().trim().max(64).optional(),
});
export type TUsersQuery = z.infer<typeof ZUsersQuerySchema>;

export const ZUuidParam = z.uuid('Not a valid user id');

export const ZCreateBureauSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_-]{1,31}$/, 'A bureau code is 2 to 32 capital letters, digits, hyphens or underscores'),
  nameZh: name('a Chinese name'),
  nameEn: name('an English name', 200),
  kind: z.enum(BUREAU_KINDS, 'Kind must be municipal, district, utility or street'),
});
export type TCreateBureau = z.infer<typeof ZCreateBureauSchema>;

export const ZUpdateBureauSchema = z
  .strictObject({
    nameZh: name('a Chinese name').optional(),
    nameEn: name('an English name', 200).optional(),
    kind: z.enum(BUREAU_KINDS).optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of nameZh, nameEn, kind, active');
export type TUpdateBureau = z.infer<typeof ZUpdateBureauSchema>;

export const ZIdParam = id;

export const ZAuditQuerySchema = z
  .strictObject({
    actorId: z.string().trim().max(100).optional(),
    action: z.string().trim().max(100).optional(),
    targetType: z.string().trim().max(50).optional(),
    targetId: z.string().trim().max(100).optional(),
    from: instantInRange('from must be an ISO date-time').optional(),
    to: instantInRange('to must be an ISO date-time').optional(),
    /** The id of the last row of the previous page (rows come newest first). */
    cursor: z
      .string()
      .regex(/^[0-9]{1,19}$/, 'cursor must be the nextCursor of the previous page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'to must not be before from' });
export type TAuditQuery = z.infer<typeof ZAuditQuerySchema>;

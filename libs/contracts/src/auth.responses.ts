import { z } from 'zod';
import { STAFF_ROLES } from './auth.schemas';

/** Who a staff account is: the fields the session and the admin views share. */
export const STAFF_ACCOUNT_FIELDS = {
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  bureauId: z.number().int().nullable(),
};

export const ZSessionUser = z
  .object({
    ...STAFF_ACCOUNT_FIELDS,
    bureauName: z.object({ zh: z.string(), en: z.string() }).nullable(),
  })
  .meta({ id: 'SessionUser' });
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZLoginResponse = z
  .object({
    accessToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int(),
    refreshToken: z.string(),
    user: ZSessionUser,
  })
  .meta({ id: 'LoginResponse' });
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

/** GET /health: the process answers. */
export const ZHealth = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export type THealth = z.infer<typeof ZHealth>;

/** GET /ready (a 503 ErrorBody carries the same object in `details` when something is down). */
export const ZReadiness = z
  .object({ status: z.literal('ok'), postgres: z.literal('up'), redis: z.literal('up') })
  .meta({ id: 'Readiness' });
export type TReadiness = z.infer<typeof ZReadiness>;

import { z } from 'zod';

export const ZLoginSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'Enter your username').max(64),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type TLogin = z.infer<typeof ZLoginSchema>;

export const ZRefreshSchema = z.strictObject({
  refreshToken: z.string().min(20).max(200).optional(),
});
export type TRefresh = z.infer<typeof ZRefreshSchema>;

export const STAFF_ROLES = ['agent', 'handler', 'supervisor', 'admin'] as const;
export type TStaffRole = (typeof STAFF_ROLES)[number];

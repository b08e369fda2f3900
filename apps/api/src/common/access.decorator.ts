import { SetMetadata } from '@nestjs/common';
import { STAFF_ROLES, type StaffRole } from '@hotline/domain';

/**
 * Every route declares who may call it; the AccessGuard refuses routes that declare
 * nothing (default-deny), and an e2e test fails when such a route exists.
 */
export const ACCESS_KEY = 'hotline:access';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly StaffRole[] };

/** Anyone, signed in or not (citizen pages, health, login). Rate limits still apply. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Only signed-in staff with one of these roles. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

export const ALL_STAFF: readonly StaffRole[] = STAFF_ROLES;

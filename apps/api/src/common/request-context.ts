import type { StaffRole } from '@hotline/database';
import type { FastifyRequest } from 'fastify';

/** The signed-in staff member, as the AccessGuard attached it to the request. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** Set for handlers only: every query they trigger is scoped to this bureau. */
  bureauId: number | null;
}

export type HotlineRequest = FastifyRequest & { principal?: Principal };

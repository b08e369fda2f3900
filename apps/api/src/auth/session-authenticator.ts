import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../common/request-context';
import { SessionsRepository } from './sessions.repository';
import { type AccessClaims, TokenService } from './token.service';
import type { TErrorCode } from '@hotline/contracts';

export const ACCESS_COOKIE = 'hl_access';

export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'signed-in'; principal: Principal; claims: AccessClaims }
  | { kind: 'refused'; code: TErrorCode; message: string };

/**
 * The one place that turns a request into a signed-in staff member: the bearer header, else
 * the web app's HTTP-only access cookie; a valid signature; a live session in PostgreSQL (so a
 * sign-out holds whatever happens to Redis); the user enabled and at the token's
 * token_version. The AccessGuard, the rate limits and the queue dashboard all ask here, and
 * the answer is kept per request, so the database is read once however many ask.
 */
@Injectable()
export class SessionAuthenticator {
  private readonly answers = new WeakMap<object, Promise<Authentication>>();

  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionsRepository,
  ) {}

  authenticate(req: FastifyRequest): Promise<Authentication> {
    let answer = this.answers.get(req);
    if (!answer) {
      answer = this.check(req);
      this.answers.set(req, answer);
    }
    return answer;
  }

  private tokenOf(req: FastifyRequest): string | null {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7).trim();
    const cookies = (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies;
    return cookies?.[ACCESS_COOKIE] ?? null;
  }

  private async check(req: FastifyRequest): Promise<Authentication> {
    const token = this.tokenOf(req);
    if (!token) return { kind: 'anonymous' };
    const claims = await this.tokens.verifyAccess(token);
    if (!claims)
      return {
        kind: 'refused',
        code: 'auth.session_invalid',
        message: 'Your session is invalid or has expired; sign in again',
      };
    const row = await this.sessions.findUserInSession(claims.sub, claims.sid);
    if (!row)
      return {
        kind: 'refused',
        code: 'auth.session_revoked',
        message: 'Your session is no longer valid; sign in again',
      };
    if (row.session_revoked_at)
      return { kind: 'refused', code: 'auth.signed_out', message: 'You have signed out; sign in again' };
    if (row.disabled || row.token_version !== claims.tokenVersion) {
      return {
        kind: 'refused',
        code: 'auth.session_revoked',
        message: 'Your session is no longer valid; sign in again',
      };
    }
    return {
      kind: 'signed-in',
      claims,
      principal: {
        userId: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        bureauId: row.bureau_id,
      },
    };
  }
}

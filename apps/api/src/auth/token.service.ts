import { env, requireJwtSecret } from '@hotline/config';
import type { StaffRole } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';

export interface AccessClaims {
  sub: string;
  role: StaffRole;
  bureauId: number | null;
  /** The user's token_version when minted: a bump (disable, reset, role change) voids the token. */
  tokenVersion: number;
  /** The session (sign-in) this token belongs to; revoking the session voids the token. */
  sid: string;
  jti: string;
  exp: number;
}

/** Short-lived HS256 access tokens. Refresh tokens are opaque random strings kept hashed in PostgreSQL. */
@Injectable()
export class TokenService {
  private readonly key = new TextEncoder().encode(requireJwtSecret(env()));

  async signAccess(
    user: {
      id: string;
      role: StaffRole;
      bureauId: number | null;
      tokenVersion: number;
    },
    sessionId: string,
  ): Promise<{ token: string; expiresIn: number }> {
    const expiresIn = env().ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ role: user.role, bid: user.bureauId, tv: user.tokenVersion, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuedAt()
      .setIssuer('hotline-api')
      .setAudience('hotline')
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key);
    return { token, expiresIn };
  }

  /** Returns null for anything not a valid, unexpired token of ours (tampered, expired, foreign). */
  async verifyAccess(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: 'hotline-api',
        audience: 'hotline',
        algorithms: ['HS256'],
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.jti !== 'string' ||
        typeof payload.exp !== 'number' ||
        typeof payload['sid'] !== 'string'
      )
        return null;
      return {
        sub: payload.sub,
        role: payload['role'] as StaffRole,
        bureauId: (payload['bid'] as number | null) ?? null,
        tokenVersion: Number(payload['tv']),
        sid: payload['sid'],
        jti: payload.jti,
        exp: payload.exp,
      };
    } catch {
      return null;
    }
  }
}

import type { StaffRole } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The user behind an access token, read together with the state of the token's session. */
export interface SessionUserRow {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  bureau_id: number | null;
  disabled: boolean;
  token_version: number;
  session_revoked_at: Date | null;
}

export interface RefreshTokenRow {
  id: string;
  user_id: string;
  session_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  session_revoked_at: Date | null;
}

export type RevokeReason = 'logout' | 'refresh_reuse' | 'admin';

/**
 * Sessions (one per sign-in) and their refresh tokens: the durable truth for revocation.
 * A revoked session ends every refresh token of its family and every access token naming it.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async start(userId: string): Promise<string> {
    const [row] = (await this.db.query(`INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id`, [userId])) as {
      id: string;
    }[];
    return row!.id;
  }

  async addRefreshToken(sessionId: string, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO refresh_tokens (session_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [sessionId, userId, tokenHash, expiresAt],
    );
  }

  /** One indexed read per request: the user and whether this token's session still stands. */
  async findUserInSession(userId: string, sessionId: string): Promise<SessionUserRow | null> {
    const [row] = (await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.bureau_id, u.disabled, u.token_version,
              s.revoked_at AS session_revoked_at
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2`,
      [sessionId, userId],
    )) as SessionUserRow[];
    return row ?? null;
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRow | null> {
    const [row] = (await this.db.query(
      `SELECT t.id, t.user_id, t.session_id, t.expires_at, t.revoked_at, s.revoked_at AS session_revoked_at
         FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    )) as RefreshTokenRow[];
    return row ?? null;
  }

  /** Marks a refresh token used; false when it already was (a concurrent or repeated use). */
  async consumeRefreshToken(id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Ends a session of this user: its refresh tokens and the access tokens that name it. */
  async revoke(sessionId: string, userId: string, reason: RevokeReason): Promise<void> {
    await this.db.query(
      `WITH s AS (
         UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $3
          WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id)
       UPDATE refresh_tokens SET revoked_at = now()
        WHERE session_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [sessionId, userId, reason],
    );
  }

  /** The session a refresh token belongs to (sign-out with a token from the body). */
  async sessionOfRefreshToken(tokenHash: string, userId: string): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT session_id FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2`, [
      tokenHash,
      userId,
    ])) as { session_id: string }[];
    return row?.session_id ?? null;
  }
}

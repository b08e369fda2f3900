import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

// Defined in libs/domain; re-exported because the API's auth code imports it from here.
import type { StaffRole } from '@hotline/domain';
export type { StaffRole };

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) username!: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: StaffRole;
  @Column({ name: 'bureau_id', type: 'int', nullable: true }) bureauId!: number | null;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  /** Bumped on disable, password reset and role change: every token minted before is refused. */
  @Column({ name: 'token_version', type: 'int', default: 0 }) tokenVersion!: number;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  /** The sign-in (auth_sessions row) this token descends from by rotation: its token family. */
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  /** sha256 of the token: a database leak does not hand out sessions. */
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ name: 'actor_type', type: 'text' }) actorType!: 'user' | 'api_key' | 'citizen' | 'system' | 'anonymous';
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'target_type', type: 'text', nullable: true }) targetType!: string | null;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId!: string | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) detail!: Record<string, unknown>;
}

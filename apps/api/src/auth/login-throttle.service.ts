import { LOGIN_FAILURE_MEMORY_SECONDS, loginBackoffMs } from '@hotline/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { DomainError, withHeaders } from '../common/domain-error';
import { REDIS } from '../infra/infra.module';

/**
 * Counts wrong passwords per username and client address (rule: loginBackoffMs in
 * libs/domain). One Redis hash per username, one pair of fields per client, so a password
 * reset can forget every client at once. Unknown usernames are counted exactly like real
 * ones: the answers never tell which accounts exist.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject('REDIS_PREFIX') private readonly prefix: string,
  ) {}

  private key(username: string): string {
    // Hashed: any string a client types as a username stays a short, safe key.
    return `${this.prefix}:login-backoff:${createHash('sha256').update(username.toLowerCase()).digest('hex')}`;
  }

  /** Throws 429 with Retry-After while this client must wait before trying this username again. */
  async assertMayTry(username: string, client: string): Promise<void> {
    const until = Number((await this.redis.hget(this.key(username), `${client}|until`)) ?? 0);
    const waitMs = until - Date.now();
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    throw withHeaders(
      new DomainError(
        'auth.login_backoff',
        429,
        `Too many wrong passwords for this username from your address; try again in ${seconds} seconds`,
        { seconds },
      ),
      { 'Retry-After': String(seconds) },
    );
  }

  /** Records a wrong password; returns the number in a row and the wait it earned. */
  async recordFailure(username: string, client: string): Promise<{ failures: number; waitMs: number }> {
    const key = this.key(username);
    const failures = await this.redis.hincrby(key, `${client}|n`, 1);
    const waitMs = loginBackoffMs(failures);
    await this.redis
      .multi()
      .hset(key, `${client}|until`, String(Date.now() + waitMs))
      .expire(key, LOGIN_FAILURE_MEMORY_SECONDS)
      .exec();
    return { failures, waitMs };
  }

  /** A correct password from this client starts its count over. */
  async recordSuccess(username: string, client: string): Promise<void> {
    await this.redis.hdel(this.key(username), `${client}|n`, `${client}|until`);
  }

  /** An administrator's password reset or re-enable forgets every client's failures. */
  async forget(username: string): Promise<void> {
    await this.redis.del(this.key(username));
  }
}

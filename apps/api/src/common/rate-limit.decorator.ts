import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_KEY = 'hotline:rate-limit';

export interface RateLimitRule {
  /** Counter name; routes sharing a bucket share the budget. */
  bucket: string;
  /** Which configured budget applies: the login limit or the public-endpoint limit. */
  perMinute: 'login' | 'public';
  /**
   * Count per client IP (default), per IP and the body's username (login), or — Open311 —
   * per IP only when no api_key is sent: a keyed request is counted per key by the Open311
   * guard, so partners behind one address do not share one budget.
   */
  by?: 'ip' | 'ip+username' | 'api-key-or-ip';
}

/** Limits a route per client, counted in Redis so the limit holds across API instances. */
export const RateLimit = (rule: RateLimitRule) => SetMetadata(RATE_LIMIT_KEY, rule);

/**
 * Every error the API answers carries one of these stable machine codes beside its English
 * `message`. Clients translate by code (the web app: apps/web/lib/i18n/error-codes.ts, checked
 * against this list by tsc), never by parsing the message, which may be reworded.
 *
 * A code names what went wrong, not the HTTP status: the status is on the response. Codes are
 * `<area>.<reason>`; once published a code keeps its meaning (add a new one instead).
 */
export const ERROR_CODES = [
  // Anything the API cannot classify more precisely, chosen by HTTP status.
  'request.invalid', // 400
  'auth.required', // 401
  'forbidden', // 403
  'not_found', // 404
  'route.not_found', // 404: no such route
  'conflict', // 409
  'request.unprocessable', // 422
  'internal', // 500
  'service.unavailable', // 503 {failing}

  // The request itself.
  'validation.invalid_input', // 400; details: TFieldIssue[]
  'request.invalid_json',
  'request.empty_json',
  'request.body_too_large', // 413
  'request.unsupported_media_type',
  'request.cross_site', // 403: a cookie-authenticated change from another origin (CSRF)
  'request.hostile_input', // 400: NUL/control characters, prototype keys or deep nesting // 415
  'request.invalid_idempotency_key',
  'request.idempotency_key_reused', // 422
  'request.invalid_cursor',
  'request.invalid_range', // a "from" after its "to"
  'rate_limit.exceeded', // 429 {seconds, limit?}

  // Database refusals the API did not foresee more precisely.
  'database.duplicate', // 409
  'database.missing_reference', // 400
  'database.invalid_value', // 400
  'database.value_too_complex', // 400: too large or too deeply nested for PostgreSQL

  // Signing in and sessions.
  'auth.invalid_credentials', // 401
  'auth.login_backoff', // 429 {seconds}: wrong passwords for this username from this client
  'auth.account_disabled', // 401
  'auth.session_invalid', // 401: expired or malformed access token
  'auth.signed_out', // 401: token revoked by logout
  'auth.session_revoked', // 401: role/bureau/password changed or user disabled
  'auth.session_ended', // 401: refresh token expired, revoked or reused
  'auth.no_refresh_token', // 401
  'auth.route_closed', // 403: a route without an access declaration
  'auth.forbidden_role', // 403
  'auth.admin_only', // 403

  // Cases.
  'case.not_found', // 404 (also another bureau's case)
  'case.version_conflict', // 409
  'case.invalid_transition', // 409 {status, action}
  'case.forbidden_role', // 403 {role, action}
  'case.lead_bureau_only', // 403
  'case.same_bureau', // 409
  'case.merged_follows_parent', // 409
  'case.closed_at_intake', // 409
  'case.merge_into_itself', // 400
  'case.parent_not_found', // 400
  'case.parent_merged', // 409
  'case.parent_closed', // 409
  'case.closed', // 409
  'contact.lead_bureau_only', // 403
  'contact.confidential', // 403
  'contact.no_consent', // 403

  // The citizen's own view.
  'public.case_not_found', // 404
  'public.case_merged', // 409
  'public.feedback_closed', // 409
  'public.feedback_not_open', // 409

  // Catalogue, places and bureaus referenced by a request.
  'category.not_found', // {id}
  'follow_up.retry_in_past', // 400
  'follow_up.retry_too_far', // 400: more than 14 days ahead
  'follow_up.retry_required', // 400: call back later needs a time
  'follow_up.retry_not_taken', // 400: wrong number / refused take no retry time
  'follow_up.not_awaiting', // 409: only a replied case awaiting follow-up
  'search.phone_too_short', // 400
  'search.tracking_too_short', // 400
  'district.not_found', // {id}
  'street.not_found', // {id}
  'street.not_in_district', // {street, district}
  'bureau.not_found', // {id}
  'bureau.inactive', // {code}
  'bureau.code_taken', // 409 {code}

  // Users (admin).
  'user.not_found', // 404
  'user.username_taken', // 409 {username}
  'user.bureau_required', // 400
  'user.bureau_not_allowed', // 400
  'user.cannot_change_own_role', // 400
  'user.cannot_disable_self', // 400

  // API keys (admin).
  'api_key.not_found', // 404
  'api_key.already_revoked', // 409

  // Dispatch catalogue rules (admin).
  'dispatch_rule.not_found', // 404 {id}
  'dispatch_rule.version_conflict', // 409 {version}
  'dispatch_rule.inactive', // 409 {id}
  'dispatch_rule.duplicate', // 409 {id}
  'dispatch_rule.lead_also_assisting', // 400

  // Deadline policies and the calendar (admin).
  'policy.not_found', // 404
  'policy.duplicate', // 409
  'policy.version_conflict', // 409
  'calendar.makeup_day_not_weekend', // 400 {day}
  'calendar.holiday_on_weekend', // 400 {day}
  'calendar.day_not_special', // 404 {day}
  'calendar.invalid_periods', // 400
  'calendar.version_conflict', // 409
  'rules.version_conflict', // 409

  // Deadlines, pauses and extensions.
  'deadline.not_running', // 409 {kind}
  'deadline.paused', // 409
  'deadline.already_paused', // 409
  'deadline.not_paused', // 409
  'deadline.pause_not_allowed', // 409
  'extension.deadline_passed', // 409
  'extension.due_before_deadline', // 400 {dueAt}: the new due time is not later than the current one
  'extension.already_pending', // 409
  'extension.not_found', // 404
  'extension.already_decided', // 409 {status}

  // Supervision notices and notifications.
  'supervision.due_in_past', // 400
  'supervision.case_closed', // 409
  'supervision.notice_not_found', // 404
  'supervision.notice_not_open', // 409 {status}
  'notification.not_found', // 404

  // Analytics.
  'analytics.no_bureau', // 403
  'analytics.other_bureau', // 403
  'analytics.weights_zero', // 400
  'monthly_theme.duplicate', // 409

  // Open311 (GeoReport v2 bodies keep the spec's {code, description}; these name the cause in logs and tests).
  'open311.invalid_format',
  'open311.api_key_required',
  'open311.api_key_invalid',
  'open311.jurisdiction_not_found',
  'open311.service_not_found',
  'open311.invalid_request',
  'open311.address_not_found',
  'open311.outside_jurisdiction',
  'open311.endpoint_not_found',
  'open311.request_not_found',
  'open311.token_not_found',
] as const;

export type TErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is TErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Values an error message is built from, so a client can say it in its own language. */
export type TErrorParams = Record<string, string | number>;

/**
 * One failed check of a request's fields (`validation.invalid_input`): zod's issue code and
 * path, its English message, and the limits a translation needs (`minimum`, `maximum`, …).
 */
export interface TFieldIssue {
  path: (string | number)[];
  code: string;
  message: string;
  origin?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  keys?: string[];
}

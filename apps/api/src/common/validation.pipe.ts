import type { TFieldIssue } from '@hotline/contracts';
import { HttpStatus, StandardSchemaValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

type Issue = Parameters<StandardSchemaValidationPipe['exceptionFactory']>[0][number];

/** The limits a translated message needs; zod's input is never echoed back. */
function fieldIssue(issue: Issue): TFieldIssue {
  const i = issue as Issue &
    Partial<Record<'code' | 'origin' | 'format', string>> & {
      minimum?: number | bigint;
      maximum?: number | bigint;
      keys?: string[];
    };
  return {
    path: (issue.path ?? []).map((s) => (typeof s === 'object' ? s.key : s)) as (string | number)[],
    code: i.code ?? 'custom',
    message: issue.message,
    ...(i.origin !== undefined ? { origin: i.origin } : {}),
    ...(i.format !== undefined ? { format: i.format } : {}),
    ...(i.minimum !== undefined ? { minimum: Number(i.minimum) } : {}),
    ...(i.maximum !== undefined ? { maximum: Number(i.maximum) } : {}),
    ...(Array.isArray(i.keys) ? { keys: i.keys.slice(0, 20).map(String) } : {}),
  };
}

/**
 * Nest's zod (Standard Schema) validation, answering `validation.invalid_input` with the same
 * English sentence as before and, in `details`, one entry per failed field (path + zod issue
 * code) so a client can place and translate each next to its field.
 */
export class CodedValidationPipe extends StandardSchemaValidationPipe {
  constructor() {
    super();
    this.exceptionFactory = (issues) => {
      const messages = this.formatIssueMessages(issues);
      // formatIssueMessages stops after a length budget; the details stop at the same issue.
      const shown = issues.slice(0, messages.length).slice(0, 50);
      return new DomainError(
        'validation.invalid_input',
        HttpStatus.BAD_REQUEST,
        `Invalid input: ${messages.join('; ')}`,
        undefined,
        shown.map(fieldIssue),
      );
    };
  }
}

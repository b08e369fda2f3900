'use client';

import {
  buildCalendar,
  computeDeadline,
  DEFAULT_DEADLINE_POLICIES,
  selectDeadlinePolicy,
  type DeadlinePolicyRule,
  type RequestType,
  type Urgency,
  type WorkingCalendar,
} from '@hotline/domain';
import { useEffect, useState } from 'react';
import { client, ok } from './api';

interface CalendarResponse {
  workingPeriods?: { start: string; end: string }[];
  days: { day: string; kind: 'holiday' | 'makeup_workday' }[];
}

let rules: Promise<{ policies: DeadlinePolicyRule[]; calendar: WorkingCalendar }> | null = null;

/**
 * The deadline engine's own inputs (active policies + working calendar), loaded once, so the
 * intake preview runs the same pure functions (libs/domain) the engine will run at dispatch.
 */
function loadRules() {
  rules ??= Promise.all([ok(client.GET('/api/deadline-policies')), ok(client.GET('/api/calendar'))])
    .then(([policies, cal]: [DeadlinePolicyRule[], CalendarResponse]) => ({
      policies: policies.length ? policies : [...DEFAULT_DEADLINE_POLICIES],
      calendar: buildCalendar({
        holidays: cal.days.filter((d) => d.kind === 'holiday').map((d) => d.day),
        makeupWorkdays: cal.days.filter((d) => d.kind === 'makeup_workday').map((d) => d.day),
        ...(cal.workingPeriods ? { workingPeriods: cal.workingPeriods } : {}),
      }),
    }))
    .catch((e: unknown) => {
      rules = null;
      throw e;
    });
  return rules;
}

export interface PreviewDeadlines {
  acceptDueAt: string;
  replyDueAt: string;
}

/** Deadlines a case with these facts would get if it were dispatched now; null until known. */
export function usePreviewDeadlines(
  categoryPath: number[],
  type: string | undefined,
  urgency: string | undefined,
): PreviewDeadlines | null {
  const [out, setOut] = useState<PreviewDeadlines | null>(null);
  const key = categoryPath.join('.');
  useEffect(() => {
    if (!key || !type) {
      setOut(null);
      return;
    }
    let live = true;
    loadRules()
      .then(({ policies, calendar }) => {
        const policy = selectDeadlinePolicy(policies, {
          categoryPath: key.split('.').map(Number),
          requestType: type as RequestType,
          urgency: (urgency ?? 'normal') as Urgency,
        });
        if (!live || !policy) return;
        const now = new Date();
        setOut({
          acceptDueAt: computeDeadline(now, policy.acceptLimit, calendar).toISOString(),
          replyDueAt: computeDeadline(now, policy.replyLimit, calendar).toISOString(),
        });
      })
      .catch(() => live && setOut(null));
    return () => {
      live = false;
    };
  }, [key, type, urgency]);
  return out;
}

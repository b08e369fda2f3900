'use client';

import {
  buildCalendar,
  DEFAULT_DEADLINE_POLICIES,
  planClocks,
  type DeadlinePlanSettings,
  type DeadlinePolicyRule,
  type RequestType,
  type Urgency,
} from '@hotline/domain';
import { useEffect, useState } from 'react';
import { client, ok } from './api';

interface CalendarResponse {
  workingPeriods?: { start: string; end: string }[];
  days: { day: string; kind: 'holiday' | 'makeup_workday' }[];
}

let rules: Promise<DeadlinePlanSettings> | null = null;

/**
 * The deadline engine's own inputs (active policies + working calendar), loaded once, so the
 * intake preview runs the same pure functions (libs/domain) the engine will run at dispatch.
 */
function loadRules() {
  rules ??= Promise.all([ok(client.GET('/api/deadline-policies')), ok(client.GET('/api/calendar'))])
    .then(([policies, cal]: [DeadlinePolicyRule[], CalendarResponse]): DeadlinePlanSettings => ({
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

/**
 * The due times planClocks gives a case with these facts dispatched at `now`: the same
 * planner the engine runs, catch-all fallback included.
 */
export function previewDeadlines(
  settings: DeadlinePlanSettings,
  facts: { categoryPath: number[]; type: RequestType; urgency: Urgency },
  now: Date,
): PreviewDeadlines {
  const { clocks } = planClocks(
    settings,
    { categoryPath: facts.categoryPath, requestType: facts.type, urgency: facts.urgency },
    now,
    ['accept', 'reply'],
  );
  return { acceptDueAt: clocks[0]!.dueAt.toISOString(), replyDueAt: clocks[1]!.dueAt.toISOString() };
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
      .then((settings) => {
        if (!live) return;
        const facts = {
          categoryPath: key.split('.').map(Number),
          type: type as RequestType,
          urgency: (urgency ?? 'normal') as Urgency,
        };
        setOut(previewDeadlines(settings, facts, new Date()));
      })
      .catch(() => live && setOut(null));
    return () => {
      live = false;
    };
  }, [key, type, urgency]);
  return out;
}

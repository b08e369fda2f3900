'use client';

import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { plainDeadline } from '@/lib/plain-deadline';

/** A step of the citizen's journey as the API names it (issue 12): a code the web translates. */
export interface PublicStep {
  code: string;
  state: 'done' | 'current' | 'next';
  at?: string | null;
}

const JOURNEY = ['received', 'dispatched', 'handling', 'replied', 'feedback'] as const;

/** Which step a status is at, when the API sends no steps of its own. */
function currentIndex(status: string): number {
  switch (status) {
    case 'registered':
    case 'awaiting_dispatch':
      return 1;
    case 'dispatched':
    case 'return_review':
    case 'in_progress':
      return 2;
    case 'awaiting_follow_up':
      return 4;
    case 'closed':
      return JOURNEY.length;
    default:
      return 1;
  }
}

function stepsFor(status: string): PublicStep[] {
  const at = currentIndex(status);
  return JOURNEY.map((code, i) => ({ code, state: i < at ? 'done' : i === at ? 'current' : 'next' }));
}

/**
 * What happens next, in plain words for the citizen: the reply deadline, the steps done and
 * ahead, and what they can do now. Only translated codes are shown, never internal text.
 */
export function NextSteps({
  status,
  replyDueAt,
  steps,
}: {
  status: string;
  replyDueAt?: string | null;
  steps?: PublicStep[] | null;
}) {
  const { t, locale } = useI18n();
  const c = t.citizenDay;
  const shown = (steps?.length ? steps : stepsFor(status)).filter((s) => c.steps[s.code]);
  const waitingForReply = !['awaiting_follow_up', 'closed'].includes(status);
  const canDo =
    status === 'closed' ? c.canDoClosed : status === 'awaiting_follow_up' ? c.canDoFeedback : c.canDoWaiting;
  return (
    <section className="stack" aria-labelledby="next-steps-title" data-testid="next-steps">
      {replyDueAt && waitingForReply && (
        <p className="notice" data-testid="reply-deadline">
          {fmt(c.replyBy, { d: plainDeadline(replyDueAt, locale) })}
        </p>
      )}
      <h2 id="next-steps-title">{c.stepsTitle}</h2>
      <ol className="steps">
        {shown.map((s) => (
          <li key={s.code} data-state={s.state} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {s.state === 'done' ? '✓' : s.state === 'current' ? '●' : '○'}
            </span>{' '}
            {c.steps[s.code]}
            <span className="sr-only"> ({c.stepStates[s.state]})</span>
          </li>
        ))}
      </ol>
      <h2>{c.canDoTitle}</h2>
      <p>{canDo}</p>
    </section>
  );
}

'use client';

import { useI18n } from '@/lib/i18n/client';
import { labelOf } from '@/lib/i18n/labels';
import { fmt } from '@/lib/i18n/messages';
import { plainDeadline } from '@/lib/plain-deadline';

/** A step of the citizen's request as the API names it (libs/domain citizenSteps): a code the web translates. */
export interface PublicStep {
  code: string;
  state: 'done' | 'current' | 'next';
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
  steps?: readonly PublicStep[] | null;
}) {
  const { t, locale } = useI18n();
  const c = t.citizenDay;
  // Only codes with words are shown: a raw code never reaches the citizen.
  const shown = (steps ?? []).filter((s) => labelOf(c.steps, s.code));
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
      <ol className="steps" hidden={shown.length === 0}>
        {shown.map((s) => (
          <li key={s.code} data-state={s.state} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {s.state === 'done' ? '✓' : s.state === 'current' ? '●' : '○'}
            </span>{' '}
            {labelOf(c.steps, s.code)}
            <span className="sr-only"> ({c.stepStates[s.state]})</span>
          </li>
        ))}
      </ol>
      <h2>{c.canDoTitle}</h2>
      <p>{canDo}</p>
    </section>
  );
}

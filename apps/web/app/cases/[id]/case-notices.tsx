'use client';

import { fmtTime } from '@/lib/time';
import { ZSupervisionAnswerInput, type TSupervisionAnswerInput } from '@hotline/contracts';
import { useCallback } from 'react';
import { TextareaField } from '@/components/field';
import { FormBanner, useZodForm } from '@/components/form';
import { useSession } from '@/components/staff-shell';
import { client, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';
import type { SupervisionNotice } from '@/lib/api-types';

/** Supervision notices (督办) on this case; the bureau answers each one here. */
export function CaseNotices({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useI18n();
  const load = useCallback(
    (): Promise<SupervisionNotice[]> =>
      ok(client.GET('/api/cases/{id}/supervision-notices', { params: { path: { id: caseId } } })).catch(() => []),
    // Reload when the case changes (a new notice bumps nothing else the page watches).
    [caseId, version],
  );
  const live = useLive(load, 30_000);
  if (!live.data?.length) return null;
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t.board.notices}</h2>
      <ul>
        {live.data.map((n) => (
          <li key={n.id}>
            <strong>{n.demand}</strong> · {t.board.noticeDue} {fmtTime(n.dueAt)}
            {n.answer ? (
              <div className="muted">
                {t.board.answered}: {n.answer}
              </div>
            ) : (
              <AnswerForm id={n.id} onDone={live.refresh} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({ id, onDone }: { id: string; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const session = useSession();
  const { register, handleSubmit, errors, isSubmitting, formError, setFormError, fail } =
    useZodForm(ZSupervisionAnswerInput);
  if (session.role !== 'handler') return null;
  const submit = async (v: TSupervisionAnswerInput) => {
    setFormError(null);
    try {
      await client.POST('/api/supervision-notices/{id}/answer', { params: { path: { id } }, body: v });
      await onDone();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <form onSubmit={handleSubmit(submit)} noValidate>
      <fieldset disabled={isSubmitting}>
        <FormBanner message={formError} />
        <TextareaField
          id={`answer-${id}`}
          label={t.board.answer}
          error={errors.answer?.message}
          rows={2}
          {...register('answer')}
        />
        <button type="submit" className="button small">
          {t.caseView.send}
        </button>
      </fieldset>
    </form>
  );
}

'use client';

import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { CategoryCombobox } from '@/components/category-combobox';
import { client, ok } from '@/lib/api';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import type { CaseDetail, DispatchPreview } from '@/lib/api-types';

/** True when the action's schema takes a category correction (issue 12 contract item 8). */
function takesCategory(schema: z.ZodType): boolean {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return !!shape && 'categoryId' in shape;
}

/**
 * Redispatch and return decisions may correct the category: the catalogue is asked again
 * (POST /api/dispatch/preview with the new category and the case's place) and its bureau is
 * offered for the agent to confirm.
 */
export function CategoryFix({
  schema,
  caseId,
  onCategory,
  onBureau,
}: {
  schema: z.ZodType;
  caseId: string;
  onCategory: (id: number | undefined) => void;
  onBureau: (id: number) => void;
}) {
  const { t } = useI18n();
  const name = useLocalName();
  const [categoryId, setCategoryId] = useState<number>();
  const [preview, setPreview] = useState<DispatchPreview | null>(null);
  const enabled = takesCategory(schema);

  useEffect(() => {
    if (!enabled || !categoryId) return setPreview(null);
    let live = true;
    void ok(client.GET('/api/cases/{id}', { params: { path: { id: caseId } } }))
      .then((c: CaseDetail) =>
        ok(
          client.POST('/api/dispatch/preview', {
            body: {
              categoryId,
              ...(c.districtId ? { districtId: c.districtId } : {}),
              ...(c.streetId ? { streetId: c.streetId } : {}),
            },
          }),
        ),
      )
      .then((p: DispatchPreview) => live && setPreview(p))
      .catch(() => live && setPreview(null));
    return () => {
      live = false;
    };
  }, [enabled, categoryId, caseId]);

  if (!enabled) return null;
  return (
    <div className="field">
      <label htmlFor="action-categoryId">{t.desk.correctCategory}</label>
      <CategoryCombobox
        inputId="action-categoryId"
        value={categoryId}
        onChange={(id) => {
          setCategoryId(id);
          onCategory(id);
        }}
      />
      {categoryId && preview && (
        <p role="status" data-testid="category-suggestion">
          {preview.matched && preview.bureau ? (
            <>
              {fmt(t.desk.suggested, { b: name(preview.bureau) })}{' '}
              <button type="button" className="link-button" onClick={() => onBureau(preview.bureau!.id)}>
                {t.desk.useSuggestion}
              </button>
            </>
          ) : (
            t.desk.noSuggestion
          )}
        </p>
      )}
    </div>
  );
}

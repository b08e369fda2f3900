'use client';

import { useEffect, useState } from 'react';
import { hitPath } from '@/components/category-combobox';
import { ok, publicClient } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import type { CategoryHit } from '@/lib/api-types';

const MIN_CHARS = 4;
const WAIT_MS = 600;

/**
 * "Describe it and we suggest the category": a little after the citizen stops typing the
 * description, the catalogue ranks up to five categories for it (POST, so a long text is fine)
 * and one tap takes one. Quietly shows nothing when the service has nothing to offer.
 */
export function CategorySuggest({
  description,
  chosen,
  onPick,
}: {
  description: string | undefined;
  chosen: number | undefined;
  onPick: (categoryId: number) => void;
}) {
  const { t, locale } = useI18n();
  const [hits, setHits] = useState<CategoryHit[]>([]);
  const text = (description ?? '').trim();

  useEffect(() => {
    if (text.length < MIN_CHARS) {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      ok(publicClient.POST('/api/public/catalogue/suggest', { body: { text: text.slice(0, 2000) } }))
        .then((r) => live && setHits(r.items.slice(0, 5)))
        .catch(() => live && setHits([]));
    }, WAIT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const shown = hits.filter((h) => h.id !== chosen);
  if (!shown.length) return null;
  return (
    <div className="stack" data-testid="category-suggest" aria-live="polite">
      <p className="muted">{t.citizenDay.suggestTitle}</p>
      <ul className="chip-list">
        {shown.map((h) => (
          <li key={h.id}>
            <button type="button" className="button small secondary" onClick={() => onPick(h.id)}>
              {hitPath(h, locale === 'en')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

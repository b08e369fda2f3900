'use client';

import { useCallback, useEffect, useState } from 'react';

/** A named staff search kept in this browser (per user and machine; nothing server-side). */
export interface SavedView {
  name: string;
  query: Record<string, string>;
}

const KEY = 'hl_case_views';

function read(): SavedView[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? (v as SavedView[]).filter((x) => typeof x?.name === 'string' && x.query) : [];
  } catch {
    return [];
  }
}

/** Saved searches in localStorage; saving under an existing name replaces it. */
export function useSavedViews() {
  const [views, setViews] = useState<SavedView[]>([]);
  useEffect(() => setViews(read()), []);
  const write = useCallback((next: SavedView[]) => {
    localStorage.setItem(KEY, JSON.stringify(next));
    setViews(next);
  }, []);
  return {
    views,
    save: (view: SavedView) => write([...read().filter((v) => v.name !== view.name), view]),
    remove: (name: string) => write(read().filter((v) => v.name !== name)),
  };
}

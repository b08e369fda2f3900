'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Polls a loader and keeps the time of the last success, so the page can show how fresh
 * its data is. Polling (not SSE) because the proxy and the API stay stateless; 15 s is
 * fresh enough for deadlines counted in hours. Pauses while the tab is hidden.
 */
export function useLive<T>(load: () => Promise<T>, intervalMs = 15_000) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
      setError(null);
      setUpdatedAt(Date.now());
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, intervalMs);
    return () => clearInterval(id);
  }, [refresh, intervalMs]);

  return { data, error, updatedAt, loading, refresh };
}

/** Re-renders every `ms` so countdowns and "updated n s ago" stay current. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

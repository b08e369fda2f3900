'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/** Anything that changed on the page (an action on a case) tells every live list to reload now. */
const INVALIDATE_EVENT = 'hotline:invalidate';

/** Makes every mounted live list reload at once (after acting on a case, creating a notice…). */
export function invalidateLive(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(INVALIDATE_EVENT));
}

/**
 * Polls a loader and keeps the time of the last success, so the page can show how fresh
 * its data is. Polling (not SSE) because the proxy and the API stay stateless; 15 s is
 * fresh enough for deadlines counted in hours. Pauses while the tab is hidden.
 *
 * When `load` changes (a new tab, filter or page: callers build it with useCallback over
 * those inputs) the previous rows are dropped and the new ones fetched at once, so a tab
 * never shows another tab's cases. A response that arrives after a newer request started is
 * ignored. `invalidateLive()` reloads every live list immediately.
 */
export function useLive<T>(load: () => Promise<T>, intervalMs = 15_000) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  /** Sequence number of the newest request; older answers are stale. */
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine !== seq.current) return;
      setData(value);
      setError(null);
      setUpdatedAt(Date.now());
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  // A new loader (tab, filter, page) clears what the old one showed and loads at once.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setData(null);
    setUpdatedAt(null);
    setError(null);
    void refresh();
  }, [load, refresh]);

  useEffect(() => {
    void refresh();
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, intervalMs);
    const onInvalidate = () => void refresh();
    window.addEventListener(INVALIDATE_EVENT, onInvalidate);
    return () => {
      clearInterval(id);
      window.removeEventListener(INVALIDATE_EVENT, onInvalidate);
    };
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

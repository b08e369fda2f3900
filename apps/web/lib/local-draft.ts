'use client';

/**
 * Unsent form content kept in this browser (localStorage), one slot per form and signed-in
 * user, so a reload, a crash or a lapsed session never loses a call being typed. Nothing here
 * leaves the machine; the slot is emptied when the form is sent.
 */
export interface StoredDraft<T> {
  savedAt: string;
  values: T;
}

const PREFIX = 'hl_draft';
const slot = (form: string, userId: string) => `${PREFIX}:${form}:${userId}`;

export function loadDraft<T>(form: string, userId: string): StoredDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(slot(form, userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft<T>>;
    return parsed && typeof parsed.savedAt === 'string' && parsed.values ? (parsed as StoredDraft<T>) : null;
  } catch {
    // A corrupt or unreadable slot is as good as none.
    return null;
  }
}

export function saveDraft<T>(form: string, userId: string, values: T): void {
  try {
    const draft: StoredDraft<T> = { savedAt: new Date().toISOString(), values };
    window.localStorage.setItem(slot(form, userId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the form still works, only without autosave.
  }
}

export function clearDraft(form: string, userId: string): void {
  try {
    window.localStorage.removeItem(slot(form, userId));
  } catch {
    // see saveDraft
  }
}

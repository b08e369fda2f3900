'use client';

/**
 * The citizen's filing receipts (tracking number + access code), kept in this browser so a
 * reload or the back button never loses them: the access code is shown only once by the API.
 * The citizen decides when it goes: "I have noted it" hides the confirmation, "forget" removes
 * the receipt from this device (a shared phone must be able to keep nothing).
 */
export interface Receipt {
  trackingNumber: string;
  accessCode: string;
  savedAt: string;
  /** The confirmation has been read and put away; the receipt still prefills tracking. */
  noted?: boolean;
  bureau?: { nameZh: string; nameEn: string } | null;
  status?: string;
  replyDueAt?: string | null;
}

const KEY = 'hl_receipts';
const KEEP = 5;

export function loadReceipts(): Receipt[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? (parsed as Receipt[]).filter((r) => typeof r?.trackingNumber === 'string' && typeof r.accessCode === 'string')
      : [];
  } catch {
    return [];
  }
}

function store(list: Receipt[]): void {
  try {
    if (list.length) window.localStorage.setItem(KEY, JSON.stringify(list.slice(0, KEEP)));
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the confirmation still shows until the page is left.
  }
}

/** Newest first; a receipt for the same tracking number replaces the older one. */
export function keepReceipt(r: Omit<Receipt, 'savedAt'>): Receipt {
  const saved: Receipt = { ...r, savedAt: new Date().toISOString() };
  store([saved, ...loadReceipts().filter((x) => x.trackingNumber !== r.trackingNumber)]);
  return saved;
}

export function updateReceipt(trackingNumber: string, patch: Partial<Receipt>): void {
  store(loadReceipts().map((x) => (x.trackingNumber === trackingNumber ? { ...x, ...patch } : x)));
}

export function forgetReceipt(trackingNumber: string): void {
  store(loadReceipts().filter((x) => x.trackingNumber !== trackingNumber));
}

/** The newest receipt whose confirmation the citizen has not put away yet. */
export function pendingReceipt(): Receipt | null {
  const first = loadReceipts()[0];
  return first && !first.noted ? first : null;
}

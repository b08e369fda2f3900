'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/lib/i18n/client';

/**
 * A secret the server will never show again: read-only field (selectable by keyboard), a copy
 * button, and a notice that says so plainly. Focus lands on the notice's heading.
 */
export function CopySecret({ label, secret, onDismiss }: { label: string; secret: string; onDismiss: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard permission (plain http, old browser): leave the text selected to copy by hand.
      const el = document.getElementById('new-secret') as HTMLInputElement | null;
      el?.select();
      setCopied(false);
    }
  };
  return (
    <section className="notice warn stack" aria-labelledby="secret-title" data-testid="new-secret-panel">
      <h2 id="secret-title" tabIndex={-1} ref={heading}>
        {t.adm.secretTitle}
      </h2>
      <p>
        <strong>{t.adm.secretOnce}</strong>
      </p>
      <div className="field">
        <label htmlFor="new-secret">{label}</label>
        <input
          id="new-secret"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          style={{ fontFamily: 'monospace', width: '100%' }}
        />
      </div>
      <div className="row">
        <button type="button" className="button" onClick={() => void copy()}>
          {t.adm.copy}
        </button>
        <button type="button" className="button secondary" onClick={onDismiss}>
          {t.adm.secretStored}
        </button>
      </div>
      <p aria-live="polite">{copied === true ? t.adm.copied : copied === false ? t.adm.copyByHand : ''}</p>
    </section>
  );
}

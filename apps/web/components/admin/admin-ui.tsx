'use client';

import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/client';
import type { Messages } from '@/lib/i18n/messages';
import { errorMessage } from '@/lib/form-errors';

/**
 * A panel with a heading for one edit / create form or a history. Focus moves to its heading
 * when it opens, so a keyboard user lands on the form they asked for.
 */
export function Panel({
  id,
  title,
  onClose,
  children,
}: {
  id: string;
  title: string;
  onClose?: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h2 id={`${id}-title`} tabIndex={-1} ref={ref}>
          {title}
        </h2>
        {onClose && (
          <button type="button" className="button secondary small" onClick={onClose}>
            {t.adm.close}
          </button>
        )}
      </div>
      {children}
    </section>
  );
}

/** A refusal from an action button (disable, revoke, …) in the reader's language where we know it. */
export function actionError(e: unknown, t: Messages): string {
  return errorMessage(e, t);
}

/**
 * Runs row actions one at a time and keeps the outcome for a live region, so a screen-reader
 * user hears "disabled" or the refusal without hunting for it.
 */
export function useAction() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
      setMessage({ ok: true, text: done });
    } catch (e) {
      setMessage({ ok: false, text: actionError(e, t) });
    } finally {
      setBusy(false);
    }
  };
  const view = (
    <div aria-live="polite" data-testid="action-message">
      {message &&
        (message.ok ? (
          <p className="notice">{message.text}</p>
        ) : (
          <p className="form-error" role="alert">
            {message.text}
          </p>
        ))}
    </div>
  );
  /** One API call, then `after` (refresh the list, close a panel), then `done` announced. */
  const send = (call: () => Promise<unknown>, after: () => Promise<unknown> | void, done: string) =>
    run(async () => {
      await call();
      await after();
    }, done);
  return { run, send, busy, view, clear: () => setMessage(null) };
}

/** An irreversible action asks once more in place (no browser dialog to trap the keyboard). */
export function ConfirmButton({
  label,
  ariaLabel,
  confirmLabel,
  disabled,
  onConfirm,
}: {
  label: string;
  /** Names the row's object when several rows carry the same button. */
  ariaLabel?: string;
  confirmLabel: string;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button
        type="button"
        className="button secondary small"
        aria-label={ariaLabel}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <span className="row" style={{ gap: '0.25rem', display: 'inline-flex' }}>
      <button
        ref={yes}
        type="button"
        className="button small"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button secondary small" onClick={() => setAsking(false)}>
        {t.adm.cancel}
      </button>
    </span>
  );
}

/** A small secondary button in a table row or beside a heading. */
export function RowButton(props: Omit<ComponentProps<'button'>, 'type' | 'className'>) {
  return <button type="button" className="button secondary small" {...props} />;
}

/** "+ New …": a create form folded away until asked for. */
export function CreateDetails({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="card">
      <summary>+ {summary}</summary>
      {children}
    </details>
  );
}

/**
 * Edit, retire / deactivate (asked once more) and history of one versioned row (a dispatch rule,
 * a deadline policy). `onEdit` / `confirm` left out hide those buttons (a retired row).
 */
export function VersionedActions({
  editLabel,
  historyLabel,
  onEdit,
  onHistory,
  confirm,
  busy,
}: {
  /** Names the row in the buttons' accessible names. */
  editLabel: string;
  historyLabel: string;
  onEdit?: () => void;
  onHistory: () => void;
  confirm?: { label: string; ariaLabel: string; confirmLabel: string; onConfirm: () => void };
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <Actions>
      {onEdit && (
        <RowButton aria-label={editLabel} onClick={onEdit}>
          {t.adm.edit}
        </RowButton>
      )}
      {confirm && <ConfirmButton {...confirm} disabled={busy} />}
      <RowButton aria-label={historyLabel} onClick={onHistory}>
        {t.adm.history}
      </RowButton>
    </Actions>
  );
}

/** Someone else saved first: say so and offer to start over from their version. */
export function ConflictNotice({ message, onReload }: { message: string; onReload?: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <div className="notice warn" role="alert">
      <p>{message}</p>
      {onReload && (
        <button type="button" className="button small" onClick={() => void onReload()}>
          {t.adm.reload}
        </button>
      )}
    </div>
  );
}

/** Row buttons side by side. */
export function Actions({ children }: { children: ReactNode }) {
  return (
    <span className="row" style={{ gap: '0.25rem' }}>
      {children}
    </span>
  );
}

/** A bilingual name for display regardless of language. */
export function bothNames(o: { nameZh: string; nameEn: string }): string {
  return `${o.nameZh} / ${o.nameEn}`;
}

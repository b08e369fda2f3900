'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { Listbox } from './listbox';

export interface ComboOption {
  value: number;
  label: string;
  /** Other words that find it (English name, code). */
  keys?: string[];
}

/**
 * Type-ahead over a short fixed list (districts, streets): a WAI-ARIA combobox that narrows as
 * the agent types. Arrow keys move, Enter or Tab takes the highlighted match (so "清源⇥" is
 * enough), Escape closes; leaving the box empty clears the choice.
 */
export function OptionCombobox({
  inputId,
  options,
  value,
  onChange,
  invalid,
  describedBy,
  placeholder,
}: {
  inputId: string;
  options: readonly ComboOption[];
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const listId = useId();
  const chosen = options.find((o) => o.value === value);
  const [text, setText] = useState(chosen?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [typing, setTyping] = useState(false);
  // Set when Tab or Enter already chose: the blur that follows must not second-guess it.
  const settled = useRef(false);

  // The box shows the chosen option's name whenever the user is not typing in it (a draft
  // restored, a new call, another district chosen).
  useEffect(() => {
    if (!typing) setText(chosen?.label ?? '');
  }, [chosen?.label, typing]);

  const matches = useMemo(() => {
    const needle = text.trim().toLowerCase();
    if (!typing || !needle) return options;
    return options.filter((o) => [o.label, ...(o.keys ?? [])].some((k) => k.toLowerCase().includes(needle)));
  }, [options, text, typing]);

  const choose = (o: ComboOption | undefined) => {
    settled.current = true;
    onChange(o?.value);
    setText(o?.label ?? '');
    setTyping(false);
    setOpen(false);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(
            Math.max(
              0,
              matches.findIndex((o) => o.value === value),
            ),
          );
        } else setActive((a) => Math.min(a + 1, matches.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter':
        if (open && matches[active]) {
          e.preventDefault();
          choose(matches[active]);
        }
        break;
      case 'Tab':
        // Leaving with a visible highlighted match takes it; focus moves on as usual.
        if (open && matches[active]) choose(matches[active]);
        break;
      case 'Escape':
        setOpen(false);
        setTyping(false);
        break;
    }
  };

  const onBlur = () => {
    setOpen(false);
    if (settled.current || !typing) return;
    const needle = text.trim().toLowerCase();
    if (!needle) return choose(undefined);
    const exact = options.find((o) => o.label.toLowerCase() === needle);
    if (exact) return choose(exact);
    if (matches.length === 1) return choose(matches[0]);
    setTyping(false); // nothing clear: keep the previous choice
  };

  const shown = open && matches.length > 0;
  return (
    <div className="combo">
      <input
        id={inputId}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && matches[active] ? `${listId}-${matches[active].value}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          settled.current = false;
          setText(e.target.value);
          setTyping(true);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKey}
        onBlur={onBlur}
      />
      <span className="sr-only" role="status">
        {open && typing ? (matches.length ? fmt(t.intake.results, { n: matches.length }) : t.intakeDay.noMatch) : ''}
      </span>
      {shown && (
        <Listbox
          id={listId}
          items={matches}
          active={active}
          keyOf={(o) => o.value}
          label={(o) => o.label}
          onChoose={choose}
        />
      )}
    </div>
  );
}

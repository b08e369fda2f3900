'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ok, publicClient } from '@/lib/api';
import { flattenTree, useCategoryTree } from '@/lib/catalogue';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { Listbox } from './listbox';
import type { CategoryHit, CategoryNode } from '@/lib/api-types';

/** A hit's full path ("公用事业 / 供水 / 停水") in the reader's language. */
export function hitPath(h: CategoryHit, en: boolean): string {
  return (en ? h.pathEn : h.pathZh).join(' / ');
}

/**
 * Search-as-you-type over the whole category tree (the API matches Chinese, English,
 * keywords, everyday synonyms, full pinyin and initials such as "zdjy"). A WAI-ARIA combobox:
 * arrow keys move, Enter or Tab takes the highlighted match, Escape closes, so an agent never
 * leaves the keyboard.
 */
export function CategoryCombobox({
  value,
  onChange,
  invalid,
  describedBy,
  inputId,
}: {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  invalid?: boolean;
  describedBy?: string;
  inputId: string;
}) {
  const { t, locale } = useI18n();
  const en = locale === 'en';
  const listId = useId();
  const tree = useCategoryTree();
  const nodes = useMemo(() => flattenTree(tree), [tree]);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<CategoryHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);

  const pathOf = (id: number): string => {
    const parts: string[] = [];
    for (let n = nodes.get(id); n; n = n.parentId ? nodes.get(n.parentId) : undefined)
      parts.unshift(en ? n.nameEn : n.nameZh);
    return parts.join(' / ');
  };

  useEffect(() => {
    const term = q.trim();
    if (!term) {
      setHits([]);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      void ok(publicClient.GET('/api/categories/search', { params: { query: { q: term } } }))
        .catch(() => localSearch(tree, term))
        .then((r) => {
          if (mine !== seq.current) return;
          setHits(r.slice(0, 20));
          setActive(0);
          setOpen(true);
        });
    }, 150);
    return () => clearTimeout(timer);
  }, [q, tree]);

  const choose = (h: CategoryHit) => {
    onChange(h.id);
    setQ('');
    setOpen(false);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && hits[active]) {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Tab' && open && hits[active]) {
      // Tabbing out of a visible match takes it (focus moves on as usual): one key less per call.
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${hits[active].id}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        value={q}
        placeholder={value ? pathOf(value) : ''}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {value ? (
        <div className="muted" data-testid="chosen-category">
          ✓ {pathOf(value)}
        </div>
      ) : null}
      <span className="sr-only" role="status">
        {open && q ? (hits.length ? fmt(t.intake.results, { n: hits.length }) : t.intake.noResults) : ''}
      </span>
      {open && hits.length > 0 && (
        <Listbox
          id={listId}
          items={hits}
          active={active}
          keyOf={(h) => h.id}
          label={(h) => hitPath(h, en)}
          onChoose={choose}
        />
      )}
    </div>
  );
}

/** Fallback when the search endpoint is unreachable: names and keywords of the leaves. */
function localSearch(tree: CategoryNode[], term: string): CategoryHit[] {
  const out: CategoryHit[] = [];
  const needle = term.toLowerCase();
  const walk = (ns: CategoryNode[], zh: string[], en: string[]) => {
    for (const n of ns) {
      const pz = [...zh, n.nameZh];
      const pe = [...en, n.nameEn];
      if (n.children?.length) walk(n.children, pz, pe);
      else if ([n.nameZh, n.nameEn, n.code ?? '', ...(n.keywords ?? [])].some((s) => s.toLowerCase().includes(needle)))
        out.push({
          id: n.id,
          code: n.code,
          level: n.level,
          nameZh: n.nameZh,
          nameEn: n.nameEn,
          pathZh: pz,
          pathEn: pe,
        });
    }
  };
  walk(tree, [], []);
  return out;
}

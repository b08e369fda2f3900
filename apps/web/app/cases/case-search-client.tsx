'use client';

import { CASE_FLAG_VALUES, CASE_STATUS_VALUES } from '@hotline/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { CaseTable } from '@/components/case-table';
import { Pager, useCasePages } from '@/components/case-pager';
import { FormBanner } from '@/components/form';
import { LiveHeading, Loading } from '@/components/live';
import { SearchButtons } from '@/components/search-buttons';
import { ApiError } from '@/lib/api';
import { flattenTree, useBureaus, useCategoryTree } from '@/lib/catalogue';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { useSavedViews } from './saved-views';

/** The search fields, all text so a saved view is plain JSON. */
const EMPTY = {
  trackingNo: '',
  phone: '',
  address: '',
  q: '',
  status: '',
  bureauId: '',
  categoryId: '',
  from: '',
  to: '',
  flag: '',
};
type Draft = typeof EMPTY;

/** Calendar dates are Beijing dates: the period runs from 00:00 of `from` to 24:00 of `to`. */
function toQuery(d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) if (v.trim() && k !== 'from' && k !== 'to') out[k] = v.trim();
  if (d.from) out['createdFrom'] = `${d.from}T00:00:00+08:00`;
  if (d.to) out['createdTo'] = `${d.to}T23:59:59+08:00`;
  return out;
}

/**
 * Staff case search: tracking number, caller phone, address, keyword, status, bureau,
 * category, period and deadline state, with named searches saved in this browser. The API
 * scopes the results (a handler finds only their bureau's cases).
 */
export function CaseSearchClient() {
  const { t } = useI18n();
  const name = useLocalName();
  const bureaus = useBureaus();
  const categories = [...flattenTree(useCategoryTree()).values()].filter((c) => c.level <= 2);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [applied, setApplied] = useState<Draft>(EMPTY);
  const [viewName, setViewName] = useState('');
  const [flash, setFlash] = useState<string | null>(null);
  const saved = useSavedViews();
  const query = useMemo(() => toQuery(applied), [applied]);
  const pager = useCasePages(query, 60_000);
  const live = pager.live;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ ...draft });
  };
  const field = (key: keyof Draft, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`s-${key}`}>{label}</label>
      <input
        id={`s-${key}`}
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  );
  const select = (key: keyof Draft, label: string, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`s-${key}`}>{label}</label>
      <select id={`s-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
        <option value="">{t.desk.any}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );

  const error = live.error instanceof ApiError ? live.error.message : live.error ? t.errors.network : null;
  return (
    <div className="stack">
      <LiveHeading id="search-title" live={live} intro={t.desk.searchIntro}>
        {t.desk.searchTitle}
      </LiveHeading>
      <form className="card stack" role="search" aria-labelledby="search-title" onSubmit={submit}>
        <div className="search-grid">
          {field('trackingNo', t.fields.trackingNumber)}
          {field('phone', t.desk.phone, 'tel')}
          {field('address', t.fields.address)}
          {field('q', t.desk.keyword)}
          {select(
            'status',
            t.fields.status,
            CASE_STATUS_VALUES.map((s) => [s, t.enums.status[s] ?? s]),
          )}
          {select(
            'bureauId',
            t.fields.bureau,
            bureaus.map((b) => [String(b.id), name(b)]),
          )}
          {select(
            'categoryId',
            t.fields.category,
            categories.map((c) => [String(c.id), c.level === 2 ? `　${name(c)}` : name(c)]),
          )}
          {select(
            'flag',
            t.desk.flag,
            CASE_FLAG_VALUES.map((f) => [f, t.enums.flag[f] ?? f]),
          )}
          {field('from', t.desk.from, 'date')}
          {field('to', t.desk.to, 'date')}
        </div>
        <SearchButtons
          searchLabel={t.desk.search}
          clearLabel={t.desk.reset}
          onClear={() => {
            setDraft(EMPTY);
            setApplied(EMPTY);
          }}
        />
      </form>
      <section className="card stack" aria-labelledby="views-title">
        <h2 id="views-title">{t.desk.savedViews}</h2>
        {flash && <p role="status">{flash}</p>}
        {saved.views.length ? (
          <ul className="row" style={{ listStyle: 'none', padding: 0 }}>
            {saved.views.map((v) => (
              <li key={v.name} className="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const next = { ...EMPTY, ...v.query };
                    setDraft(next);
                    setApplied(next);
                  }}
                >
                  {v.name}
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${t.desk.deleteView} ${v.name}`}
                  onClick={() => saved.remove(v.name)}
                >
                  {t.desk.deleteView}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t.desk.noViews}</p>
        )}
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const n = viewName.trim();
            if (!n) return;
            saved.save({ name: n, query: Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) });
            setApplied({ ...draft });
            setViewName('');
            setFlash(fmt(t.desk.viewSaved, { name: n }));
          }}
        >
          <div className="field">
            <label htmlFor="view-name">{t.desk.viewName}</label>
            <input id="view-name" value={viewName} onChange={(e) => setViewName(e.target.value)} />
          </div>
          <button type="submit" className="button secondary">
            {t.desk.saveView}
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="results-title">
        <h2 id="results-title">{t.desk.results}</h2>
        <FormBanner message={error} />
        {live.data ? (
          <>
            <CaseTable items={live.data.items} caption={t.desk.results} showBureau busy={live.loading} />
            <Pager pager={pager} />
          </>
        ) : (
          !error && <Loading />
        )}
      </section>
    </div>
  );
}

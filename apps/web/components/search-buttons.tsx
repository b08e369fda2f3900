'use client';

/** A filter form's two buttons: search, and clear every condition (`onClear` also searches again). */
export function SearchButtons({
  searchLabel,
  clearLabel,
  onClear,
}: {
  searchLabel: string;
  clearLabel: string;
  onClear: () => void;
}) {
  return (
    <div className="row">
      <button type="submit" className="button">
        {searchLabel}
      </button>
      <button type="button" className="button secondary" onClick={onClear}>
        {clearLabel}
      </button>
    </div>
  );
}

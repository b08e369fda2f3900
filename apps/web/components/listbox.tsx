'use client';

/**
 * The open list under a combobox: each option's id is `${id}-${key}` (the box points at the
 * active one with aria-activedescendant), and a mouse pick keeps the focus in the box.
 */
export function Listbox<T>({
  id,
  items,
  active,
  keyOf,
  label,
  onChoose,
}: {
  id: string;
  items: readonly T[];
  active: number;
  keyOf: (item: T) => string | number;
  label: (item: T) => string;
  onChoose: (item: T) => void;
}) {
  return (
    <ul className="listbox" role="listbox" id={id}>
      {items.map((o, i) => (
        <li
          key={keyOf(o)}
          id={`${id}-${keyOf(o)}`}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(o);
          }}
        >
          {label(o)}
        </li>
      ))}
    </ul>
  );
}

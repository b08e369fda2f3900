'use client';

import { useState } from 'react';
import { useCategoryTree } from '@/lib/catalogue';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import type { CategoryNode } from '@/lib/api-types';

/** The leaves under a topic, each with the path below the topic ("噪声 / 施工噪声"). */
function leavesOf(
  node: CategoryNode,
  name: (n: CategoryNode) => string,
  trail: string[] = [],
): { id: number; label: string }[] {
  if (!node.children?.length) return [{ id: node.id, label: trail.length ? trail.join(' / ') : name(node) }];
  return node.children.flatMap((c) => leavesOf(c, name, [...trail, name(c)]));
}

/**
 * Browse-by-topic for a citizen who has no word for the category: the top-level topics, then
 * the categories under the one chosen. Buttons, so it works by touch and by keyboard.
 */
export function TopicBrowser({ onPick }: { onPick: (categoryId: number) => void }) {
  const { t } = useI18n();
  const name = useLocalName();
  const tree = useCategoryTree();
  const [topic, setTopic] = useState<CategoryNode | null>(null);
  if (!tree.length) return null;
  return (
    <details className="topic-browser" data-testid="topic-browser">
      <summary>{t.citizenDay.browseTitle}</summary>
      {!topic ? (
        <ul className="chip-list">
          {tree.map((n) => (
            <li key={n.id}>
              <button type="button" className="button small secondary" onClick={() => setTopic(n)}>
                {name(n)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div className="stack">
          <p>
            <strong>{name(topic)}</strong>{' '}
            <button type="button" className="link-button" onClick={() => setTopic(null)}>
              {t.citizenDay.browseBack}
            </button>
          </p>
          <ul className="chip-list">
            {leavesOf(topic, name).map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  className="button small secondary"
                  onClick={() => {
                    onPick(l.id);
                    setTopic(null);
                  }}
                >
                  {l.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}

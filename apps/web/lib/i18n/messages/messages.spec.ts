import { describe, expect, it } from '@jest/globals';
import { labelOf } from '../labels';
import { MESSAGES } from './index';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted path, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

// tsc demands the same keys (each English half is typed by its Chinese half); this also
// catches what tsc cannot: an empty text, or a placeholder one language forgot.
describe('UI messages', () => {
  const zh = new Map(leaves(MESSAGES['zh-CN'] as unknown as Tree));
  const en = new Map(leaves(MESSAGES.en as unknown as Tree));

  it('has the same keys in both languages', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('says every text in both languages', () => {
    const empty = [...zh, ...en].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses in each language the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of zh) expect([key, names(en.get(key) ?? '')]).toEqual([key, names(text)]);
  });

  it('looks up an API code by own keys only: an unknown code has no words', () => {
    expect(labelOf(MESSAGES['zh-CN'].enums.status, 'closed')).toBe('已办结');
    expect(labelOf(MESSAGES['zh-CN'].enums.status, 'constructor')).toBeUndefined();
    expect(labelOf(MESSAGES.en.enums.action, 'no_such_action')).toBeUndefined();
  });
});

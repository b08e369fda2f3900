// "Describe it and we suggest the category" (issue 12): a citizen's own words against each
// category's name, caller keywords and everyday synonyms. Pure and small: the catalogue is
// a few hundred leaves held in memory.

export interface SuggestableCategory {
  id: number;
  nameZh: string;
  nameEn: string;
  keywords: readonly string[];
  synonyms: readonly string[];
  /** Names of the ancestors (top class first), matched with a small weight. */
  ancestorNames: readonly string[];
}

export interface CategorySuggestion {
  id: number;
  score: number;
  /** The words of the text that matched, strongest first. */
  matched: string[];
}

/** A leaf's own name says most; an everyday synonym, then a caller keyword, a little less. */
const WEIGHT = { name: 5, synonym: 4, keyword: 3, ancestor: 1 } as const;

/** Lower case without spaces or punctuation, so "停水 了！" and "停水了" read alike. */
export function normalizeText(s: string): string {
  return s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Categories whose words occur in the text, best first: each matched word adds its weight
 * plus a bonus for its length (a longer phrase is more specific); ties go to the lower id
 * (the catalogue's order). Words shorter than 2 characters never count.
 */
export function suggestCategories(
  text: string,
  categories: readonly SuggestableCategory[],
  limit = 5,
): CategorySuggestion[] {
  const hay = normalizeText(text);
  if (hay.length < 2) return [];
  const out: CategorySuggestion[] = [];
  for (const c of categories) {
    const found = new Map<string, number>();
    const tryWords = (words: readonly string[], weight: number) => {
      for (const w of words) {
        const n = normalizeText(w);
        if (n.length < 2 || !hay.includes(n)) continue;
        const s = weight + Math.min(n.length, 6) * 0.5;
        if ((found.get(w) ?? 0) < s) found.set(w, s);
      }
    };
    tryWords([c.nameZh, c.nameEn], WEIGHT.name);
    tryWords(c.synonyms, WEIGHT.synonym);
    tryWords(c.keywords, WEIGHT.keyword);
    if (found.size === 0) continue; // an ancestor alone is too vague to suggest a leaf
    tryWords(c.ancestorNames, WEIGHT.ancestor);
    const ranked = [...found.entries()].sort((a, b) => b[1] - a[1]);
    out.push({ id: c.id, score: ranked.reduce((t, [, s]) => t + s, 0), matched: ranked.map(([w]) => w) });
  }
  return out.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
}

/** Whether a short search text names the category through one of its words (either contains the other). */
export function searchTextMatchesWord(needle: string, word: string): boolean {
  const n = normalizeText(needle);
  const w = normalizeText(word);
  if (n.length === 0 || w.length === 0) return false;
  return w.includes(n) || (w.length >= 2 && n.includes(w));
}

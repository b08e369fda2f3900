import { normalizeText, searchTextMatchesWord, suggestCategories, type SuggestableCategory } from './category-suggest';

const cat = (id: number, nameZh: string, synonyms: string[] = [], keywords: string[] = [], anc: string[] = []) =>
  ({ id, nameZh, nameEn: `c${id}`, synonyms, keywords, ancestorNames: anc }) satisfies SuggestableCategory;

const catalogue = [
  cat(1, '占道经营', ['小摊贩', '摆摊'], ['占道'], ['城市管理', '市容环境']),
  cat(2, '停水', ['停水了', '没水了'], ['停水'], ['公用事业', '供水']),
  cat(3, '水压低', ['水很小'], ['水压低'], ['公用事业', '供水']),
  cat(4, '社会生活噪声', ['噪音扰民', '太吵'], ['噪音'], ['生态环境', '噪声污染']),
  cat(5, '施工噪声', ['工地太吵'], ['施工'], ['生态环境', '噪声污染']),
];

describe('suggestCategories', () => {
  it('finds categories by everyday words', () => {
    expect(suggestCategories('楼下有小摊贩天天摆摊', catalogue)[0]!.id).toBe(1);
    expect(suggestCategories('家里停水了，怎么回事', catalogue)[0]!.id).toBe(2);
    expect(suggestCategories('邻居噪音扰民', catalogue)[0]!.id).toBe(4);
  });

  it('ranks the more specific match first and caps the list', () => {
    const r = suggestCategories('工地太吵，半夜施工', catalogue);
    expect(r[0]!.id).toBe(5);
    expect(r.map((s) => s.id)).toContain(4);
    expect(r[0]!.matched).toContain('工地太吵');
    expect(suggestCategories('停水了 水很小 小摊贩 噪音扰民 工地太吵', catalogue, 2)).toHaveLength(2);
  });

  it('suggests nothing for unrelated or too short text, and never on an ancestor name alone', () => {
    expect(suggestCategories('你好', catalogue)).toEqual([]);
    expect(suggestCategories('水', catalogue)).toEqual([]);
    expect(suggestCategories('公用事业', catalogue)).toEqual([]);
  });

  it('reads text without spaces or punctuation', () => {
    expect(normalizeText(' 停水 了！')).toBe('停水了');
    expect(searchTextMatchesWord('停水了吗', '停水了')).toBe(true);
    expect(searchTextMatchesWord('摊', '小摊贩')).toBe(true);
    expect(searchTextMatchesWord('摊', '')).toBe(false);
  });
});

import { matchDispatchRule } from './dispatch-matching';
import { dispatchReasonZh } from './dispatch-reason';

describe('dispatchReasonZh', () => {
  it('explains a match in Chinese part for part with the English reason', () => {
    const rule = {
      id: 7,
      categoryId: 3,
      districtId: 1,
      streetId: null,
      keyword: ' 噪音 ',
      leadBureauId: 2,
      assistingBureauIds: [],
    };
    const match = matchDispatchRule([rule], {
      categoryPath: [1, 3],
      districtId: 1,
      streetId: 5,
      description: '夜间噪音扰民',
    })!;
    expect(match.reason).toBe('rule #7: category level 2 + district + keyword "噪音"');
    expect(dispatchReasonZh(rule, match.specificity)).toBe('规则 #7：第 2 级类别 + 区县 + 关键词“噪音”');
  });
});

import {
  compositeScore,
  median,
  percentile,
  rate,
  resolutionRate,
  responseRate,
  satisfactionRate,
  type FollowUpCounts,
} from './metrics';

const counts: FollowUpCounts = {
  followUps: 200,
  contacted: 190,
  solved: 150,
  partly: 30,
  notSolved: 20,
  satisfied: 120,
  basically: 40,
  dissatisfied: 20,
  noAnswer: 20,
};

describe('rate', () => {
  it('divides and rounds to 4 decimals', () => {
    expect(rate(1, 3)).toEqual({ numerator: 1, denominator: 3, value: 0.3333 });
    expect(rate(2, 3).value).toBe(0.6667);
    expect(rate(97, 100).value).toBe(0.97);
    expect(rate(0, 5).value).toBe(0);
    expect(rate(5, 5).value).toBe(1);
  });

  it('is null, not 0, without a denominator', () => {
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('refuses negative or non-finite counts', () => {
    expect(() => rate(-1, 3)).toThrow(RangeError);
    expect(() => rate(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('follow-up rates', () => {
  it('response rate = contacted ÷ follow-ups', () => {
    expect(responseRate(counts)).toEqual({ numerator: 190, denominator: 200, value: 0.95 });
  });

  it('resolution rate = solved ÷ follow-ups (partly is not solved)', () => {
    expect(resolutionRate(counts)).toEqual({ numerator: 150, denominator: 200, value: 0.75 });
  });

  it('satisfaction rate = (satisfied + basically) ÷ (follow-ups − no answer)', () => {
    expect(satisfactionRate(counts)).toEqual({ numerator: 160, denominator: 180, value: 0.8889 });
  });

  it('all rates are null with no follow-ups', () => {
    const none: FollowUpCounts = {
      ...counts,
      followUps: 0,
      contacted: 0,
      solved: 0,
      partly: 0,
      notSolved: 0,
      satisfied: 0,
      basically: 0,
      dissatisfied: 0,
      noAnswer: 0,
    };
    expect(responseRate(none).value).toBeNull();
    expect(resolutionRate(none).value).toBeNull();
    expect(satisfactionRate(none).value).toBeNull();
  });

  it('satisfaction is null when nobody rated', () => {
    expect(
      satisfactionRate({ ...counts, satisfied: 0, basically: 0, dissatisfied: 0, noAnswer: 200 }).value,
    ).toBeNull();
  });
});

describe('compositeScore', () => {
  it('weights 0.2 / 0.4 / 0.4 by default', () => {
    expect(compositeScore({ response: 1, resolution: 0.5, satisfaction: 0.75 })).toBe(0.7);
  });

  it('accepts Rate objects', () => {
    expect(
      compositeScore({
        response: responseRate(counts),
        resolution: resolutionRate(counts),
        satisfaction: satisfactionRate(counts),
      }),
    ).toBe(round4(0.2 * 0.95 + 0.4 * 0.75 + 0.4 * 0.8889));
  });

  it('normalises weights that do not sum to 1', () => {
    expect(
      compositeScore(
        { response: 1, resolution: 0.5, satisfaction: 0.75 },
        { response: 2, resolution: 4, satisfaction: 4 },
      ),
    ).toBe(0.7);
    expect(
      compositeScore({ response: 1, resolution: 0, satisfaction: 0 }, { response: 1, resolution: 1, satisfaction: 1 }),
    ).toBe(0.3333);
  });

  it('skips null rates and renormalises the rest', () => {
    expect(compositeScore({ response: 1, resolution: null, satisfaction: 0.5 })).toBe(
      round4((0.2 * 1 + 0.4 * 0.5) / 0.6),
    );
    expect(compositeScore({ response: null, resolution: rate(0, 0), satisfaction: 0.8 })).toBe(0.8);
  });

  it('is null when every rate is null, or every remaining weight is 0', () => {
    expect(compositeScore({ response: null, resolution: null, satisfaction: rate(0, 0) })).toBeNull();
    expect(
      compositeScore(
        { response: 1, resolution: null, satisfaction: null },
        { response: 0, resolution: 1, satisfaction: 1 },
      ),
    ).toBeNull();
  });

  it('refuses negative weights', () => {
    expect(() =>
      compositeScore({ response: 1, resolution: 1, satisfaction: 1 }, { response: -1, resolution: 1, satisfaction: 1 }),
    ).toThrow(RangeError);
  });
});

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

describe('percentile and median', () => {
  it('is null for no values', () => {
    expect(percentile([], 90)).toBeNull();
    expect(median([])).toBeNull();
  });

  it('a single value is every percentile', () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([7], 100)).toBe(7);
  });

  it('interpolates linearly between closest ranks', () => {
    const v = [1, 2, 3, 4];
    expect(percentile(v, 0)).toBe(1);
    expect(percentile(v, 100)).toBe(4);
    expect(percentile(v, 50)).toBe(2.5);
    expect(percentile(v, 90)).toBeCloseTo(3.7, 10);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBeCloseTo(91, 10);
  });

  it('median of odd and even counts', () => {
    expect(median([1, 3, 8])).toBe(3);
    expect(median([1, 3, 8, 10])).toBe(5.5);
    expect(median([2, 2, 2, 9])).toBe(2);
  });

  it('refuses unsorted values and out-of-range p', () => {
    expect(() => percentile([3, 1, 2], 50)).toThrow(/sorted/);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/sorted/);
    expect(() => percentile([1, 2], 101)).toThrow(RangeError);
    expect(() => percentile([1, 2], -1)).toThrow(RangeError);
  });
});

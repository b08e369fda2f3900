import {
  addCounters,
  analyticsRates,
  emptyCounters,
  histogramPercentile,
  hotspotSeverity,
  ownerlessSeverity,
  periodChange,
} from './analytics';
import { REPLY_HOUR_BOUNDS } from './rollup-schema';

function histogram(entries: Record<number, number>): number[] {
  const h = new Array<number>(REPLY_HOUR_BOUNDS.length + 1).fill(0);
  for (const [k, n] of Object.entries(entries)) h[Number(k)] = n;
  return h;
}

describe('histogramPercentile', () => {
  it('interpolates inside the bucket that holds the rank', () => {
    // 4 replies in [4, 8) h: median rank 2 of 4 → 4 + 2/4 × 4 = 6 h; p90 rank 3.6 → 4 + 3.6/4 × 4 = 7.6 h
    const h = histogram({ 3: 4 });
    expect(histogramPercentile(h, 50)).toBe(6);
    expect(histogramPercentile(h, 90)).toBe(7.6);
  });

  it('walks across buckets', () => {
    // 1 in [0,1), 1 in [1,2), 2 in [24,48): median rank 2 → end of bucket [1,2) = 2 h; p90 rank 3.6 → 24 + 1.6/2 × 24 = 43.2
    const h = histogram({ 0: 1, 1: 1, 6: 2 });
    expect(histogramPercentile(h, 50)).toBe(2);
    expect(histogramPercentile(h, 90)).toBe(43.2);
  });

  it('reports the open bucket by its lower bound and null without data', () => {
    expect(histogramPercentile(histogram({ 14: 3 }), 50)).toBe(720);
    expect(histogramPercentile(histogram({}), 50)).toBeNull();
    expect(() => histogramPercentile(histogram({}), 101)).toThrow(RangeError);
  });
});

describe('analyticsRates', () => {
  it('gives every rate its numerator and denominator', () => {
    const c = emptyCounters();
    Object.assign(c, {
      volume: 10,
      directAnswered: 4,
      dispatched: 6,
      accepted: 5,
      acceptedOnTime: 4,
      due: 4,
      closedOnTime: 3,
      overdue: 1,
      followUps: 4,
      contacted: 3,
      solved: 2,
      partly: 1,
      notSolved: 1,
      satisfied: 1,
      basically: 1,
      dissatisfied: 1,
      noAnswer: 1,
      returned: 2,
      reopened: 1,
    });
    const r = analyticsRates(c);
    expect(r.directAnswer).toEqual({ numerator: 4, denominator: 10, value: 0.4 });
    expect(r.acceptOnTime).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    expect(r.onTimeClose).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(r.response).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(r.resolution).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(r.satisfaction).toEqual({ numerator: 2, denominator: 3, value: 0.6667 });
    expect(r.return).toEqual({ numerator: 2, denominator: 6, value: 0.3333 });
    expect(r.reopen).toEqual({ numerator: 1, denominator: 6, value: 0.1667 });
    expect(r.overdue).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it('adds counters field by field, histograms included', () => {
    const a = emptyCounters();
    const b = emptyCounters();
    a.volume = 2;
    b.volume = 3;
    b.replyHistogram[2] = 5;
    expect(addCounters(a, b)).toMatchObject({ volume: 5 });
    expect(a.replyHistogram[2]).toBe(5);
  });
});

describe('period change and severities', () => {
  it('computes absolute and relative change', () => {
    expect(periodChange(10, 15)).toEqual({ previous: 10, current: 15, delta: 5, relative: 0.5 });
    expect(periodChange(0, 3).relative).toBeNull();
    expect(periodChange(null, 3).delta).toBeNull();
  });

  it('scores on a 0-100 scale', () => {
    expect(hotspotSeverity(10, 10)).toBe(40);
    expect(hotspotSeverity(40, 10)).toBe(100);
    expect(hotspotSeverity(5, 10)).toBe(0);
    expect(ownerlessSeverity(10)).toBe(50);
    expect(ownerlessSeverity(1000)).toBe(100);
  });
});

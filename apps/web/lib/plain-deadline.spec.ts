import { describe, expect, it } from '@jest/globals';
import { plainDeadline } from './plain-deadline';

describe('plainDeadline', () => {
  it('says the reply deadline on Beijing time in Chinese and English', () => {
    // 2026-12-09 09:30 UTC is Wednesday 17:30 in Beijing.
    expect(plainDeadline('2026-12-09T09:30:00Z', 'zh-CN')).toBe('12月9日（周三）17:30');
    expect(plainDeadline('2026-12-09T09:30:00Z', 'en')).toBe('Wed 9 Dec, 17:30');
  });

  it('crosses midnight by Beijing time, not the machine zone', () => {
    expect(plainDeadline('2026-12-31T16:05:00Z', 'zh-CN')).toBe('1月1日（周五）00:05');
  });
});
